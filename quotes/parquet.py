"""Parquet export of quote rows, partitioned, for Dask dataframes, DuckDB, Spark or pandas.

An archive of tens of millions of quotations is queried better by a columnar
engine than by ``quotes list``. :func:`write_parquet` writes the rows an
index gives (:meth:`quotes.index.core.Index.quote_batches`) as a Hive-partitioned
Parquet dataset, one batch at a time, so memory stays flat whatever the size:

* ``partition="date"``: ``OUT/year=2025/month=04/part-N.parquet`` (``undated``
  for a document with no date, or no month);
* ``partition="speaker"``: ``OUT/speaker_initial=d/part-N.parquet``, by the
  first letter of the speaker's name key (accents and titles dropped; ``_``
  for unattributed and non-letters), so a query on one speaker reads one folder.

pyarrow is imported only when a Parquet file is written (it is an optional
dependency: ``pip install "newsroom-quotes[parquet]"``).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .lexicon.names import key

#: The year and month folder of a quotation whose document has no date (or no month).
UNDATED = "undated"
PARTITIONS = {"date": ["year", "month"], "speaker": ["speaker_initial"]}

#: The columns, in order, with their Arrow types (names: see :mod:`quotes.index.rows`).
STRING, INT, FLOAT = "string", "int64", "double"
COLUMNS: dict[str, str] = {
    "id": STRING, "quote": STRING, "speaker": STRING, "speaker_id": INT, "speaker_type": STRING,
    "mention": STRING, "mention_start": INT, "mention_end": INT, "cue": STRING, "cue_start": INT, "cue_end": INT,
    "venue": STRING, "kind": STRING, "date": STRING, "title": STRING, "outlet": STRING, "url": STRING,
    "doc_path": STRING, "doc_id": STRING, "start": INT, "end": INT, "sentence": STRING, "group": STRING,
    "confidence": FLOAT,
    "year": STRING, "month": STRING, "speaker_initial": STRING,
}


class ParquetUnavailable(RuntimeError):
    """pyarrow is not installed."""


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """A quote view (:func:`quotes.index.rows.quote_view`) as flat columns, with its partition keys."""
    out = {c: row.get(c) for c in COLUMNS}
    for span in ("mention", "cue"):
        s = row.get("speaker_mention" if span == "mention" else "cue") or {}
        out[span], out[f"{span}_start"], out[f"{span}_end"] = s.get("text"), s.get("start"), s.get("end")
    date = str(row.get("date") or "")
    out["year"] = date[:4] if date[:4].isdigit() else UNDATED
    out["month"] = date[5:7] if out["year"] != UNDATED and date[5:7].isdigit() else UNDATED
    k = key(row.get("speaker"))
    out["speaker_initial"] = k[0] if k and k[0].isalpha() and k[0].isascii() else "_"
    out["group"] = None if row.get("group") is None else str(row["group"])
    return out


def write_parquet(batches: Iterable[list[dict[str, Any]]], out: Path, partition: str = "date") -> int:
    """Write each batch of quote views under ``out`` (a new or empty folder); returns the rows written."""
    try:
        import pyarrow as pa            # heavy and optional: only when a Parquet export is asked for
        import pyarrow.parquet as pq    # noqa: F401  (same)
    except ImportError:
        raise ParquetUnavailable('Parquet export needs pyarrow: pip install "newsroom-quotes[parquet]"') from None
    if partition not in PARTITIONS:
        raise ValueError(f"partition must be one of {', '.join(PARTITIONS)}, not {partition!r}")
    types = {STRING: pa.string(), INT: pa.int64(), FLOAT: pa.float64()}
    schema = pa.schema([(c, types[t]) for c, t in COLUMNS.items()])
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for n, batch in enumerate(batches):
        if not batch:
            continue
        rows = [flat_row(r) for r in batch]
        table = pa.Table.from_pylist(rows, schema=schema)
        pq.write_to_dataset(table, root_path=str(out), partition_cols=PARTITIONS[partition],
                            basename_template=f"part-{n:05d}-{{i}}.parquet")
        written += len(rows)
    return written
