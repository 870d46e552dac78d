"""``quotes export``: the index (or one speaker's part of it) as Markdown, JSON, JSONL or CSV."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..export import FLAT_COLUMNS, flat_row, to_markdown
from ..export_sqlite import write_sqlite
from ..parquet import PARTITIONS, ParquetUnavailable, write_parquet
from .app import app
from .common import DEFAULT_DB, EXIT_ERROR, DbOpt, FormatOpt, open_index, output_format
from .output import Format, error, note, render

if TYPE_CHECKING:
    from ..index.core import Index

SpeakerOpt = Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only this speaker (any name or alias, case and accents ignored).")]
OutOpt = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout (- is stdout; parquet: a folder).")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")]
PartitionOpt = Annotated[str, typer.Option("--partition", help="parquet: split the dataset by date (year=/month=) "
                                                               "or speaker (speaker_initial=).")]

#: Columns of the json/jsonl/csv export, in order.
COLUMNS = ["id", "speaker", "quote", "venue", "date", "title", "outlet", "url", "doc_path", "start", "end",
           "kind", "cue", "speaker_mention", "sentence", "speaker_id", "doc_id", "confidence", "rule", "resolution"]


def file_mode() -> int:
    """The mode a new file gets under the process's umask (``mkstemp`` alone would make it 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def writable(out: Path | None, force: bool) -> Path | None:
    """``out`` as a file to write (``None``: stdout, also for ``-``); exits 1 if it exists and not ``force``."""
    if out is None or str(out) == "-":
        return None
    if out.is_dir():
        raise typer.BadParameter(f"{out} is a folder; give a file name", param_hint="--output")
    if out.exists() and not force:
        error(f"{out} exists; use --force to overwrite it")
        raise typer.Exit(EXIT_ERROR)
    return out


def write_out(text: str, out: Path | None, force: bool) -> None:
    """``text`` to stdout (no ``out``, or ``-``), or to ``out`` atomically; an existing file only with ``force``."""
    out = writable(out, force)
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(tmp, file_mode())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def rows_for(index: "Index", speaker: str | None) -> tuple[list[dict], list[dict]]:
    """Quote rows (of one speaker, if named) and the speaker rows they refer to."""
    speakers = index.find_speakers(speaker) if speaker else index.list_speakers()
    if speaker and not speakers:
        error(f"no speaker in the index answers to {speaker!r}; see: quotes speakers")
        raise typer.Exit(EXIT_ERROR)
    from ..index.core import QUOTATIONS, REPORTED

    kinds = QUOTATIONS + REPORTED  # reported speech too, written as reported (quotes.export.reported_block)
    from ..index.core import AmbiguousSpeaker

    try:
        rows = index.list_quotes(speaker=speaker, kinds=kinds) if speaker else index.list_quotes(kinds=kinds)
    except AmbiguousSpeaker as e:
        error(str(e))
        raise typer.Exit(EXIT_ERROR)
    return rows, speakers


def export_parquet(index: "Index", speaker: str | None, out: Path | None, force: bool, partition: str) -> None:
    """The index (or one speaker's quotations) as a partitioned Parquet dataset in folder ``out``."""
    if partition not in PARTITIONS:
        raise typer.BadParameter(f"use {' or '.join(PARTITIONS)}", param_hint="--partition")
    if out is None:
        raise typer.BadParameter("a Parquet dataset is a folder: give it with -o DIR", param_hint="--output")
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not force:
        error(f"{out} exists and is not an empty folder; use --force to write into it")
        raise typer.Exit(EXIT_ERROR)
    from ..index.core import QUOTATIONS, REPORTED  # as in rows_for: the index loads only when used

    # reported speech too, as in every export: the kind column tells it from quotations
    batches = [rows_for(index, speaker)[0]] if speaker else index.quote_batches(kinds=QUOTATIONS + REPORTED)
    try:
        n = write_parquet(batches, out, partition)
    except ParquetUnavailable as e:
        error(str(e))
        raise typer.Exit(EXIT_ERROR)
    note(f"{n} quotations written to {out}/ (Parquet, partitioned by {partition})")


@app.command()
def export(
    db: DbOpt = Path(DEFAULT_DB),
    speaker: SpeakerOpt = None,
    fmt: FormatOpt = None,
    out: OutOpt = None,
    force: ForceOpt = False,
    partition: PartitionOpt = "date",
) -> None:
    """Export the quotations in the index, grouped by speaker, each cited to its source.

    Markdown (the default) is safe to publish: quote texts are escaped so no
    link, image, HTML or heading in an article survives as markup. CSV and TSV
    have one value a cell (cue and mention as text, start, end); cells that a
    spreadsheet would run as formulas are defused. sqlite writes a database
    (documents, speakers, quotes, full-text search) for datasette or pandas;
    parquet a partitioned dataset folder for Dask or DuckDB.

    Examples:

      quotes export -o quotes.md

      quotes export --speaker Darmanin --format csv -o darmanin.csv --force

      quotes export --format sqlite -o quotes.db

      quotes export --format parquet --partition date -o archive-parquet/
    """
    fmt = output_format(fmt or Format.md, (Format.md, Format.json, Format.jsonl, Format.csv, Format.tsv, Format.sqlite,
                                           Format.parquet))
    if fmt is Format.parquet:
        export_parquet(open_index(db), speaker, out, force, partition)
        return
    if fmt is Format.sqlite and (out is None or str(out) == "-"):
        raise typer.BadParameter("a database is a file: give -o FILE.db", param_hint="--output")
    index = open_index(db)
    rows, speakers = rows_for(index, speaker)
    if fmt is Format.sqlite:
        target = writable(out, force)
        assert target is not None
        wanted = {r["doc_id"] for r in rows}
        documents = [d for d in index.list_documents() if d["id"] in wanted]
        counts = write_sqlite(target, rows, speakers, documents, mode=file_mode())
        note(f"wrote {target}: {counts['quotes']} quotations, {counts['speakers']} speakers, "
             f"{counts['documents']} documents")
        return
    if fmt is Format.md:
        title = f"Quotations of {speakers[0]['name']}" if speaker and len(speakers) == 1 else "Quotations"
        text = to_markdown(rows, speakers, title=title)
    elif fmt in (Format.csv, Format.tsv):
        text = render([flat_row(r) for r in rows], fmt, FLAT_COLUMNS)
    else:
        text = render([{c: r.get(c) for c in COLUMNS} for r in rows], fmt, COLUMNS)
    write_out(text, out, force)
