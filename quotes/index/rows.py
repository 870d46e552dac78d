"""The index's tables and rows: how records are stored, and how they are read back.

Stored rows are lean (a quotation keeps its speaker's id and its document's
hash, not their names and titles); :func:`quote_view` joins them back into the
flat dict every reader gets. Tables are TinyDB tables with one-pass bulk
operations, so a batch of a thousand quotes costs one pass over the table,
not a thousand.

Tables (in one JSON file, :mod:`quotes.index.storage`, or one SQLite file,
:mod:`quotes.index.sqlstore`, which stores a speaker's ``quote_ids`` as the
quotes' indexed ``speaker_id`` rather than in the speaker row):

* ``documents``, keyed by the first 16 hex digits of the SHA-256 of the text: path
  (the first of paths), paths (every file that held this text), hash, title, url,
  date, outlet, author, ingested_at, quote_ids;
* ``quotes``, keyed by quote id (``<first 10 hex of the hash>-<start>``): doc
  (the document's id), start, end, quote, speaker_id, mention (text),
  mention_start, mention_end, cue, cue_start, cue_end, venue, kind, sentence,
  closed (only when false), group, speaker_type (empty fields left out);
* ``speakers``, keyed by an integer: name, aliases, roles, type, scope (a
  document hash for groups that only make sense in their article), curated,
  ambiguous, quotes (count), quote_ids;
* ``corrections``, keyed by an integer: every merge, rename and reassignment,
  re-applied when documents are ingested again;
* ``meta``: format name and schema version.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from tinydb.table import Table

from ..records import DocResult, Quote, Span

DOCUMENTS, QUOTES, SPEAKERS, CORRECTIONS = "documents", "quotes", "speakers", "corrections"
#: A document's metadata: kept across re-ingests, settable by hand (:meth:`quotes.index.core.Index.set_metadata`).
METADATA = ("title", "url", "date", "outlet", "author")


class Rows(Table):
    """A TinyDB table whose bulk put/patch/drop and reads go to the storage's row API
    (:class:`~quotes.index.storage.IndexStorage` or :class:`~quotes.index.sqlstore.SQLiteStorage`),
    so a SQLite index reads and writes only the rows asked for."""

    def __init__(self, storage, name: str, id_class: type = str) -> None:
        super().__init__(storage, name, cache_size=0)
        self.document_id_class = id_class

    def raw(self) -> dict[str, dict[str, Any]]:
        """Every stored row by id (as strings), without copying: read, do not change. Reads the
        whole table: queries use :meth:`rows` or the storage's queries."""
        return self._storage.rows(self.name)

    def rows(self, ids: Iterable[Any]) -> dict[str, dict[str, Any]]:
        """The stored rows of ``ids`` (those that exist), by id as a string."""
        return self._storage.rows(self.name, ids)

    def one(self, i: Any) -> dict[str, Any] | None:
        return self._storage.rows(self.name, [i]).get(str(i))

    def of_speaker(self, sid: int) -> dict[str, dict[str, Any]]:
        """The quote rows of speaker ``sid`` (quotes table only)."""
        return self._storage.quote_rows(speakers=[sid])

    def of_documents(self, docs: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The quote rows of the documents ``docs`` (quotes table only)."""
        return self._storage.quote_rows(docs=sorted(docs))

    def holding(self, path: str) -> set[str]:
        """Ids of the documents one of whose paths is ``path`` (documents table only)."""
        return self._storage.docs_holding(path)

    def last(self) -> tuple[str, dict[str, Any]] | None:
        """The row with the highest integer id and its id (integer-keyed tables), or ``None``."""
        top = self._storage.next_id(self.name) - 1
        row = self._storage.rows(self.name, [top]).get(str(top)) if top > 0 else None
        return (str(top), row) if row is not None else None

    def put(self, rows: Mapping[Any, Mapping[str, Any]]) -> None:
        """Insert or overwrite ``rows`` (id -> row); the row dicts are stored as they are, not copied."""
        self._storage.put(self.name, rows)

    def patch(self, changes: Mapping[Any, Mapping[str, Any]]) -> None:
        """Update fields of existing rows (id -> fields); unknown ids are ignored."""
        self._storage.patch(self.name, changes)

    def drop(self, ids: Iterable[Any]) -> None:
        self._storage.drop(self.name, ids)

    def next_id(self) -> int:
        """The next free integer id (for integer-keyed tables)."""
        return self._storage.next_id(self.name)

    def __len__(self) -> int:
        return self._storage.count(self.name)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def doc_key(doc_hash: str) -> str:
    """A document's id: the first 64 bits of its text's SHA-256 (the full hash is kept in the row)."""
    return doc_hash[:16]


def quote_id(doc_hash: str, start: int) -> str:
    return f"{doc_hash[:10]}-{start}"


def document_row(result: DocResult, quote_ids: list[str], doc_hash: str | None = None) -> dict[str, Any]:
    """A document as stored (``doc_hash``: its text's hash, if the caller has it already)."""
    d = result.document
    row = {"path": d.path, "paths": [d.path], "hash": d.hash if doc_hash is None else doc_hash, "title": d.title, "url": d.url, "date": d.date, "outlet": d.outlet,
           "author": d.author, "ingested_at": now(), "quote_ids": quote_ids}
    extra = {"encoding": d.encoding, "language": d.language, "fetched_at": d.fetched_at, "warnings": d.warnings or None}
    row.update({k: v for k, v in extra.items() if v})
    return row


def quote_row(q: Quote, doc_hash: str, speaker_id: int | None) -> dict[str, Any]:
    """A quotation as stored: empty fields (and ``closed`` when true) are left out to keep the file small.

    Fields in this order, each kept unless None or "" (``speaker_id`` always): doc start end quote
    speaker_id, mention mention_start mention_end (:func:`flat`), cue cue_start cue_end, venue kind
    sentence closed group speaker_type within confidence rule resolution. Written out field by field,
    with no loop over (name, value) pairs: a million quotations are a million calls, and the pairs cost
    more than the fields (0.52 -> 0.22 s per 100,000 rows)."""
    row: dict[str, Any] = {}
    if doc_hash is not None and doc_hash != "":
        row["doc"] = doc_hash
    v = q.start
    if v is not None and v != "":
        row["start"] = v
    v = q.end
    if v is not None and v != "":
        row["end"] = v
    v = q.quote
    if v is not None and v != "":
        row["quote"] = v
    row["speaker_id"] = speaker_id
    span = q.speaker_mention
    if span is not None:
        if span.text is not None and span.text != "":
            row["mention"] = span.text
        if span.start is not None:
            row["mention_start"] = span.start
        if span.end is not None:
            row["mention_end"] = span.end
    span = q.cue
    if span is not None:
        if span.text is not None and span.text != "":
            row["cue"] = span.text
        if span.start is not None:
            row["cue_start"] = span.start
        if span.end is not None:
            row["cue_end"] = span.end
    v = q.venue
    if v is not None and v != "":
        row["venue"] = v
    v = q.kind
    if v is not None and v != "":
        row["kind"] = v
    v = q.sentence
    if v is not None and v != "":
        row["sentence"] = v
    if not q.closed:
        row["closed"] = False
    v = q.group
    if v is not None and v != "":
        row["group"] = v
    v = q.speaker_type
    if v is not None and v != "":
        row["speaker_type"] = v
    v = q.within
    if v is not None and v != "":
        row["within"] = v
    v = q.confidence
    if v is not None and v != "":
        row["confidence"] = v
    v = q.rule
    if v is not None and v != "":
        row["rule"] = v
    v = q.resolution
    if v is not None and v != "":
        row["resolution"] = v
    return row


def flat(name: str, s: Span | None) -> dict[str, Any]:
    """A span as three plain fields (``name``, ``name_start``, ``name_end``): nested objects cost
    a third more time to parse when the index is read."""
    return {} if s is None else {name: s.text, f"{name}_start": s.start, f"{name}_end": s.end}


def unflat(row: Mapping[str, Any], name: str) -> dict[str, Any] | None:
    """The span dict (start, end, text) a reader gets back."""
    if row.get(f"{name}_start") is None:
        return None
    return {"start": row[f"{name}_start"], "end": row[f"{name}_end"], "text": row.get(name) or ""}


def quote_view(qid: str, q: Mapping[str, Any], speakers: Mapping[str, Mapping[str, Any]],
               documents: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """A stored quote joined with its speaker and document: the row every reader gets."""
    sp = speakers.get(str(q.get("speaker_id"))) if q.get("speaker_id") is not None else None
    doc = documents.get(q["doc"]) or {}
    return {
        "id": qid, "quote": q["quote"], "start": q["start"], "end": q["end"],
        "speaker_id": q.get("speaker_id"), "speaker": sp.get("name") if sp else None,
        "speaker_mention": unflat(q, "mention"), "cue": unflat(q, "cue"), "venue": q.get("venue"), "kind": q.get("kind"),
        "sentence": q.get("sentence") or "", "doc_id": q["doc"], "doc_path": doc.get("path"), "title": doc.get("title"),
        "url": doc.get("url"), "date": doc.get("date"), "outlet": doc.get("outlet"),
        "speaker_type": (sp.get("type") if sp else None) or q.get("speaker_type"),
        "closed": q.get("closed", True), "group": q.get("group"), "within": q.get("within"),
        "confidence": q.get("confidence"), "rule": q.get("rule"), "resolution": q.get("resolution"),
    }


def speaker_view(sid: Any, row: Mapping[str, Any]) -> dict[str, Any]:
    """A speaker row for readers: id, name, aliases, roles, type, quotes and reported (counts), curated."""
    out = {"id": int(sid), "name": row.get("name"), "aliases": list(row.get("aliases") or []),
           "roles": list(row.get("roles") or []), "type": row.get("type") or "unknown",
           "quotes": int(row.get("quotes") or 0), "reported": int(row.get("reported") or 0),
           "curated": bool(row.get("curated"))}
    if row.get("scope"):
        out["document"] = row["scope"]
    return out


def document_view(doc_hash: str, row: Mapping[str, Any]) -> dict[str, Any]:
    out = {"id": doc_hash, **{k: v for k, v in row.items() if k != "quote_ids"}}
    out["quotes"] = len(row.get("quote_ids") or [])
    return out
