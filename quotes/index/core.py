"""The speaker index: every quotation ingested, who said it, in which document.

:class:`Index` is the API the commands use. Documents are keyed by the hash of
their text, so an unchanged article is recognised before it is parsed
(:meth:`Index.has_document`) and a changed one (same path, new text) replaces
its old quotations. Results are written in batches as they arrive, each batch
one locked, atomic write (:mod:`quotes.index.storage`): a killed run keeps every
finished batch, and concurrent runs on one index all land.

Speakers are matched across documents by :mod:`quotes.index.roster`. Curation
(merge, rename, reassign) is stored in the ``corrections`` table and holds
when documents are ingested again: merged and old names stay as aliases, and
reassignments are re-applied to the same quotation in a re-ingested document.
Table layout: :mod:`quotes.index.rows`.

Over the project's ~450 lines (552): the Index class is the API every command and the web page use,
writes and queries over one storage; queries are the next to move into a module of their own.
"""
from __future__ import annotations

import gc
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from . import curate
from .errors import AmbiguousSpeaker, DocumentNotFound, NameTaken, QuoteNotFound, SpeakerNotFound  # noqa: F401  (re-exported)
from .candidates import SpeakerCache
from .placement import SURNAME_ONLY, Placement, entities
from .report import IngestReport  # noqa: F401  (re-exported)
from ..records import SURE, Document, DocResult
from ..lexicon.names import key, plain
from .roster import Roster
from .rows import (CORRECTIONS, DOCUMENTS, METADATA, QUOTES, SPEAKERS, Rows, doc_key, document_row, document_view,
                   quote_id, quote_row, quote_view, speaker_view)
from .storage import LOCK_TIMEOUT, IndexFileError, IndexLocked, IndexStorage  # noqa: F401  (re-exported)
from .sqlstore import AUTO_SQLITE_QUOTES, STORAGES, SQLiteStorage, convert_to_sqlite, is_sqlite, open_storage  # noqa: F401

QUOTATIONS = ("direct", "partial")
#: What a person can say a quotation really is (``quotes quote not-a-quote --as KIND``).
NOT_QUOTES = ("scare", "title", "heading", "nickname")
#: Reported speech: the source's words given by the writer, never a quotation.
REPORTED = ("indirect",)
#: What ``quotes list --kind`` accepts, and the kinds each name selects (``None``: every kind).
KIND_CHOICES = {"direct": ("direct",), "partial": ("partial",), "indirect": REPORTED,
                "quotes": QUOTATIONS, "all": QUOTATIONS + REPORTED}


class Index:
    """A quotes index in one file (created on the first write): JSON, or SQLite for large archives.

    ``storage`` is ``"auto"`` (an existing file is opened as what it is; a new
    one is SQLite if its name ends in ``.sqlite``, ``.sqlite3`` or ``.db``, else
    JSON; a JSON index that grows past ``sqlite_after`` quotations is converted
    to SQLite in place, the JSON kept as ``PATH.json.bak``), ``"json"`` (never
    converted) or ``"sqlite"``.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False, lock_timeout: float = LOCK_TIMEOUT,
                 flush_seconds: float = 1.0, max_batch: int = 5000, storage: str = "auto",
                 sqlite_after: int = AUTO_SQLITE_QUOTES) -> None:
        self.path = Path(path)
        self.readonly, self.lock_timeout = readonly, lock_timeout
        self.choice, self.sqlite_after = storage, sqlite_after
        self.storage: IndexStorage | SQLiteStorage = open_storage(self.path, storage, readonly, lock_timeout)
        self.db = TinyDB(storage=lambda: self.storage)
        #: A batch is written when it is this old (or 4x the last write's cost) or this large.
        self.flush_seconds, self.max_batch = flush_seconds, max_batch
        self._version = 0
        self._cache: tuple[tuple[int, int], Roster] | None = None
        self._speakers = SpeakerCache()           # placement's speakers over the batches of an ingest (SQLite)
        self.storage.check()  # refuse a bad file now, before any work is done

    def close(self) -> None:
        self.db.close()

    # -- tables -----------------------------------------------------------------
    def _table(self, name: str) -> Rows:
        return Rows(self.storage, name, int if name in (SPEAKERS, CORRECTIONS) else str)

    def _raw(self, name: str) -> dict[str, dict[str, Any]]:
        return self._table(name).raw()

    def _fresh(self) -> None:
        """Pick up writes other processes made since we last looked (a JSON index another process
        converted to SQLite is reopened as such)."""
        if self.storage.kind == "json" and is_sqlite(self.path):
            self.storage = open_storage(self.path, "auto", self.readonly, self.lock_timeout)
            self._cache = None
        self.storage.refresh()

    def convert(self) -> Path | None:
        """Turn a JSON index into a SQLite one in place (the JSON is kept as ``PATH.json.bak``, returned)."""
        if self.storage.kind != "json":
            return None
        backup_path = convert_to_sqlite(self.storage)
        self.storage = open_storage(self.path, "sqlite", self.readonly, self.lock_timeout)
        self._cache = None
        return backup_path

    def _roster(self) -> Roster:
        stamp = (self.storage.generation, self._version)
        if self._cache is None or self._cache[0] != stamp:
            self._cache = (stamp, Roster(self._raw(SPEAKERS)))
        return self._cache[1]

    # -- ingest -----------------------------------------------------------------
    def has_document(self, doc_hash: str) -> bool:
        """Whether a text with this hash is indexed (so it need not be parsed again)."""
        self._fresh()
        row = self._table(DOCUMENTS).one(doc_key(doc_hash))
        return row is not None and row.get("hash") == doc_hash

    def ingest(self, results: Iterable[DocResult | Document],
               progress: Callable[[DocResult | Document], None] | None = None) -> IngestReport:
        """Store each result as it arrives, in batches; each batch is one atomic, locked write.

        A plain :class:`Document` (whose hash :meth:`has_document` knows) is not
        parsed: it only records that its path holds that text.
        """
        report, batch = IngestReport(), []
        since, interval = time.monotonic(), self.flush_seconds
        try:
            for result in results:
                batch.append(result)
                if progress is not None:
                    progress(result)
                if len(batch) >= self.max_batch or time.monotonic() - since >= interval:
                    pending, batch = batch, []
                    cost = self._commit(pending, report)
                    since, interval = time.monotonic(), max(self.flush_seconds, 4 * cost)
        finally:  # the results stop early (an error, Ctrl-C): keep the finished ones
            if batch:
                self._commit(batch, report)
        return report

    def _commit(self, batch: list[DocResult], report: IngestReport) -> float:
        start, done = time.monotonic(), IngestReport()
        self._fresh()
        # A batch makes hundreds of thousands of rows, none in a reference cycle: Python's cyclic collector
        # would walk every live object of the process (the caller's results, the speaker cache) again and
        # again meanwhile. Paused for the batch, it runs once after.
        collecting = gc.isenabled()
        gc.disable()
        try:
            with self.storage.transaction():
                self._store(batch, done)
                self._recount()
        finally:
            if collecting:
                gc.enable()
        if self.storage.kind == "sqlite":
            self._speakers.committed(self.storage)
        self._version += 1
        report.add(done)
        if (self.choice == "auto" and self.storage.kind == "json"
                and self.storage.count(QUOTES) > self.sqlite_after):
            self.convert()
        return time.monotonic() - start

    def _store(self, batch: list[DocResult | Document], report: IngestReport) -> None:
        """Apply one batch to the tables (inside a transaction).

        A text already indexed gains the new path; a path whose text changed
        leaves its old document, which goes (with its quotations) once no path
        holds it. A bare :class:`Document` is a text the caller saw indexed and
        did not parse: only its path is recorded.
        """
        docs_of = [item if isinstance(item, Document) else item.document for item in batch]
        hashes = [d.hash for d in docs_of]      # a SHA-256 of the text each time it is asked: asked once here
        by_path = self.storage.docs_by_path(d.path for d in docs_of)
        docs = self._table(DOCUMENTS).rows({*by_path.values(), *(doc_key(h) for h in hashes)})
        by_path = {p: h for h, row in docs.items() for p in paths_of(row)}   # every path of those documents
        # each parsed document's speakers to place (the candidates' lookups and placement both need them)
        found = [None if isinstance(item, Document) else entities(item) for item in batch]
        # SQLite: the speakers the batch's names reach, kept over batches; JSON: None, every speaker
        known = (self._speakers.roster_for(self.storage, batch, hashes, found) if self.storage.kind == "sqlite"
                 else None)
        people = Placement(self._table(SPEAKERS), report, known)
        fixes = self._reassignments()
        touched: dict[str, dict] = {}          # document id -> its row as it will be written
        new_quotes: dict[str, dict] = {}
        dropped: set[str] = set()

        def live(h: str) -> dict | None:
            return None if h in dropped else touched.get(h) or docs.get(h)

        def leave(h: str, path: str) -> None:
            row = touched[h] = dict(live(h) or {})
            row["paths"] = [p for p in paths_of(row) if p != path]
            if row["paths"]:
                row["path"] = row["paths"][0]
                return
            dropped.add(h)
            touched.pop(h)
            for qid in row.get("quote_ids", ()):
                new_quotes.pop(qid, None)

        for item, full_hash, speakers in zip(batch, hashes, found):
            doc = item if isinstance(item, Document) else item.document
            h, path = doc_key(full_hash), doc.path
            old = by_path.get(path)
            if old == h and live(h) is not None:
                report.unchanged += 1
                row = live(h)
                merged = _merge_metadata(row, doc, row)
                if merged != {k: row.get(k) for k in METADATA} or row.get("path") != path:
                    touched[h] = {**row, **merged, "path": path}
                continue
            before = live(old) if old is not None else None
            if old is not None:
                leave(old, path)
            existing = live(h)
            if existing is not None:   # the newest path first: a moved file is read from where it is now
                touched[h] = {**existing, **_merge_metadata(existing, doc, before), "path": path,
                              "paths": [path, *(p for p in paths_of(existing) if p != path)]}
            elif isinstance(item, Document):
                report.skipped.append((path, "not parsed: its text left the index meanwhile; ingest it again"))
                by_path.pop(path, None)
                continue
            else:
                rows = self._quote_rows(item, h, people, speakers)
                for fix in fixes.get(path, ()):
                    _reapply(fix, rows)
                new_quotes.update(rows)
                touched[h] = document_row(item, list(rows), full_hash)
                touched[h].update(_merge_metadata(touched[h], doc, before))
                if before and before.get("curated"):
                    touched[h]["curated"] = before["curated"]
                dropped.discard(h)
                report.quotes += len(rows)
            by_path[path] = h
            if old is not None:
                report.replaced += 1
            elif existing is not None:
                report.unchanged += 1
            else:
                report.added += 1
        gone_quotes = {qid for h in dropped for qid in (docs.get(h) or {}).get("quote_ids", ())}
        quotes_t, docs_t = self._table(QUOTES), self._table(DOCUMENTS)
        quotes_t.drop(gone_quotes - new_quotes.keys())
        docs_t.drop(dropped & docs.keys())
        quotes_t.put(new_quotes)
        docs_t.put(touched)
        people.write()

    def _quote_rows(self, result: DocResult, doc_hash: str, people: Placement,
                    speakers: list | None = None) -> dict[str, dict]:
        """The stored rows of one document's quotations, each with its speaker placed in the index
        (``speakers``: the document's :func:`~quotes.index.placement.entities`, if known)."""
        ids = people.place(result, doc_hash, speakers)
        rows: dict[str, dict] = {}
        for q in result.quotes:
            qid = quote_id(doc_hash, q.start)
            n = 1
            while qid in rows:
                n += 1
                qid = f"{quote_id(doc_hash, q.start)}.{n}"
            rows[qid] = quote_row(q, doc_hash, ids.get(q.speaker) if q.speaker else None)
            if q.speaker in people.by_surname and rows[qid].get("confidence") is not None:
                rows[qid]["confidence"] = min(rows[qid]["confidence"], SURNAME_ONLY)
        return rows

    def _reassignments(self) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = defaultdict(list)
        for row in self._raw(CORRECTIONS).values():
            if row.get("op") in ("reassign", "kind"):
                out[row["doc_path"]].append(row)
            elif row.get("op") == "split":
                for move in row.get("moves") or ():
                    out[move["doc_path"]].append({**move, "speaker_id": row["speaker_id"]})
        return out

    def _recount(self) -> None:
        """Speakers' quote counts (quotations and reported statements apart) brought up to date; speakers
        left with none dropped (unless a person curated them). The JSON storage recounts all; SQLite
        only the speakers this transaction touched."""
        self.storage.recount(REPORTED)

    # -- reading ----------------------------------------------------------------
    def list_quotes(self, *, speaker: str | int | None = None, doc: str | None = None, venue: str | None = None,
                    since: str | None = None, until: str | None = None, search: str | None = None,
                    kinds: Iterable[str] | None = QUOTATIONS, min_confidence: float | None = None,
                    unsure: bool = False) -> list[dict]:
        """Quote rows matching every filter given, by date, document and position.

        ``speaker`` is a name, alias or id (case and accents ignored); ``doc`` a
        path, a path's tail or a document id; ``since``/``until`` compare with
        the document's date (``2025``, ``2025-04`` and ``2025-04-14`` all work);
        ``search`` needs every word in the quotation; ``kinds=None`` means all.
        ``min_confidence`` keeps attributions at least that sure; ``unsure`` keeps only the
        review queue: attributions below :data:`~quotes.records.SURE`, or with no speaker.
        """
        self._fresh()
        ids = self._speaker_ids(speaker) if speaker is not None else None
        if speaker is not None:
            self._refuse_shared_surname(speaker, ids)
        hashes = set(self._document_ids(doc)) if doc is not None else None
        kinds = set(kinds) if kinds is not None else None
        quotes = self.storage.quote_rows(speakers=ids,
                                         docs=sorted(hashes) if hashes is not None else None, kinds=kinds,
                                         since=since, until=until, words=search)
        speakers = self._table(SPEAKERS).rows({q["speaker_id"] for q in quotes.values() if q.get("speaker_id") is not None})
        docs = self._table(DOCUMENTS).rows({q["doc"] for q in quotes.values()})
        words = plain(search).split() if search else []
        where = plain(venue) if venue else None
        rows = []
        for qid, q in quotes.items():
            if kinds is not None and q.get("kind") not in kinds:
                continue
            if hashes is not None and q["doc"] not in hashes:
                continue
            if where is not None and where not in plain(q.get("venue")):
                continue
            if words and not all(w in plain(q.get("quote")) for w in words):
                continue
            if (since or until) and not _in_range((docs.get(q["doc"]) or {}).get("date"), since, until):
                continue
            sure = q.get("confidence")
            if min_confidence is not None and (sure is None or sure < min_confidence):
                continue
            if unsure and sure is not None and sure >= SURE and q.get("speaker_id") is not None:
                continue
            rows.append(quote_view(qid, q, speakers, docs))
        rows.sort(key=lambda r: (str(r.get("date") or ""), str(r.get("doc_path") or ""), r["start"]))
        return rows

    def quote_batches(self, size: int = 50_000, kinds: Iterable[str] | None = None) -> Iterator[list[dict]]:
        """Every quote row (of ``kinds``; ``None``: all) as readers get it, ``size`` at a time: for exports
        of archives too large to hold in memory at once."""
        self._fresh()
        kinds = set(kinds) if kinds is not None else None
        for chunk in self.storage.quote_chunks(size):
            chunk = {qid: q for qid, q in chunk.items() if kinds is None or q.get("kind") in kinds}
            speakers = self._table(SPEAKERS).rows({q["speaker_id"] for q in chunk.values()
                                                   if q.get("speaker_id") is not None})
            docs = self._table(DOCUMENTS).rows({q["doc"] for q in chunk.values()})
            yield [quote_view(qid, q, speakers, docs) for qid, q in chunk.items()]

    def _speaker_ids(self, name: str | int) -> list[int]:
        if isinstance(name, int) and self._table(SPEAKERS).one(name) is not None:
            return [name]
        if self.storage.kind == "json":
            return self._roster().find(str(name))
        q, k = str(name).strip().lstrip("#"), key(str(name))
        rows = self.storage.speaker_candidates([k], [int(q)] if q.isdigit() else [])
        if len(k.split()) == 1 and not rows:
            rows = self.storage.speakers_named_from(k)
        return Roster(rows).find(str(name))

    def _refuse_shared_surname(self, name: str | int, ids: list[int]) -> None:
        """A bare surname that two people carry ("Park": Helen Park and James Park) names no one:
        :class:`AmbiguousSpeaker`, listing them, rather than one list that mixes their words."""
        q = str(name).strip()
        k = key(q)
        if isinstance(name, int) or q.lstrip("#").isdigit() or len(k.split()) != 1:
            return
        rows = self._table(SPEAKERS).rows(ids)
        people = {key(r["name"]) for r in rows.values() if r.get("type") in ("person", "unknown", None)
                  and len(key(r["name"]).split()) > 1 and key(r["name"]).split()[-1] == k}
        if len(people) > 1:
            names = ", ".join(f"#{i} {rows[str(i)]['name']}" for i in ids[:8])
            raise AmbiguousSpeaker(f"{q!r} is the surname of several people: {names}; give a full name or an id (#N)")

    def _document_ids(self, ref: str) -> list[str]:
        """Documents ``ref`` names: an id (or a prefix of 6+), a path, or the tail of a path."""
        return self.storage.document_ids(ref)

    def list_speakers(self) -> list[dict]:
        """Every speaker, most quoted first."""
        self._fresh()
        rows = [speaker_view(sid, row) for sid, row in self._raw(SPEAKERS).items()]
        return sorted(rows, key=lambda r: (-r["quotes"] - r["reported"], key(r["name"]), r["id"]))

    def find_speakers(self, name: str | int) -> list[dict]:
        """Speakers answering to ``name``: id, name, alias or role; a lone word also matches a surname,
        or failing that a given name."""
        self._fresh()
        speakers = self._table(SPEAKERS).rows(self._speaker_ids(name))
        rows = [speaker_view(sid, row) for sid, row in speakers.items()]
        return sorted(rows, key=lambda r: (-r["quotes"] - r["reported"], r["id"]))

    def get_quote(self, qid: str) -> dict | None:
        self._fresh()
        q = self._table(QUOTES).one(str(qid).strip())
        if not q:
            return None
        speakers = self._table(SPEAKERS).rows([q["speaker_id"]] if q.get("speaker_id") is not None else [])
        return quote_view(str(qid).strip(), q, speakers, self._table(DOCUMENTS).rows([q["doc"]]))

    def get_document(self, ref: str) -> dict | None:
        """A document by id, id prefix or path (``None`` when none or several match)."""
        self._fresh()
        found = self._document_ids(ref)
        return document_view(found[0], self._table(DOCUMENTS).one(found[0])) if len(found) == 1 else None

    def list_documents(self) -> list[dict]:
        """Every document, by date then path (each with its quotation count)."""
        self._fresh()
        rows = [document_view(h, row) for h, row in self._raw(DOCUMENTS).items()]
        return sorted(rows, key=lambda r: (str(r.get("date") or ""), str(r.get("path") or "")))

    def stats(self) -> dict[str, int]:
        self._fresh()
        return {name: self.storage.count(name) for name in (DOCUMENTS, QUOTES, SPEAKERS, CORRECTIONS)}

    def set_metadata(self, ref: str, fields: Mapping[str, str | None], *, report: bool = False) -> dict | bool:
        """Set or correct a document's metadata (title, url, date, outlet, author; ``""`` clears one).

        ``ref`` is a document id, id prefix or path. Fields set here are marked as set by hand and
        hold over later ingests of the file, even of a changed text. Returns the document (or, with
        ``report``, whether anything changed); :class:`DocumentNotFound` when ``ref`` names none or several."""
        unknown = set(fields) - set(METADATA)
        if unknown:
            raise ValueError(f"not document metadata: {', '.join(sorted(unknown))} (use {', '.join(METADATA)})")
        with self.storage.transaction():
            found = self._document_ids(ref)
            if len(found) != 1:
                raise DocumentNotFound(f"no document {ref!r}; see: quotes list --format json" if not found else
                                       f"{ref!r} could be documents {', '.join(found[:8])}; give the id")
            row = dict(self._table(DOCUMENTS).one(found[0]))
            new = {k: (v or None) for k, v in fields.items()}
            changed = any(row.get(k) != v for k, v in new.items())
            row.update(new)
            row["curated"] = sorted(set(row.get("curated") or ()) | set(new))
            self._table(DOCUMENTS).put({found[0]: row})
        self._version += 1
        return changed if report else document_view(found[0], row)

    # -- curation -----------------------------------------------------------------
    def resolve_speaker(self, ref: str | int) -> int:
        """The one speaker id ``ref`` names, or :class:`SpeakerNotFound` / :class:`AmbiguousSpeaker`."""
        ids = self._speaker_ids(ref)
        if not ids:
            raise SpeakerNotFound(f"no speaker answers to {ref!r}; see: quotes speakers")
        if len(ids) > 1:
            speakers = self._table(SPEAKERS).rows(ids[:8])
            names = ", ".join(f"#{i} {speakers[str(i)]['name']}" for i in ids[:8])
            raise AmbiguousSpeaker(f"{ref!r} could be {names}; give the id (#N) instead")
        return ids[0]

    def merge_speakers(self, a: str | int, b: str | int) -> dict:
        """Fold speaker ``b`` into ``a``: its quotations, names (kept as aliases) and roles."""
        with self.storage.transaction():
            into, gone = self.resolve_speaker(a), self.resolve_speaker(b)
            if into == gone:
                raise ValueError(f"{a!r} and {b!r} are the same speaker (#{into})")
            curate.merge(self._table, into, gone)
            self._recount()
        self._version += 1
        return self.find_speakers(into)[0]

    def rename_speaker(self, a: str | int, new: str) -> dict:
        """Give speaker ``a`` a new canonical name; the old one stays as an alias."""
        if not key(new):
            raise ValueError("the new name is empty")
        with self.storage.transaction():
            sid = self.resolve_speaker(a)
            # two speakers with one name would make that name find both, and every later article's
            # "Helen Park" go to whichever of them has more quotations: the person means a merge
            taken = [i for i in self._speaker_ids(new.strip()) if i != sid
                     and key(self._table(SPEAKERS).one(i)["name"]) == key(new)]
            if taken:
                raise NameTaken(f"#{taken[0]} is already called {self._table(SPEAKERS).one(taken[0])['name']}; "
                                f"to make them one speaker: quotes speakers merge {taken[0]} {sid}")
            curate.rename(self._table, sid, new.strip())
        self._version += 1
        return self.find_speakers(sid)[0]

    def reassign_quote(self, qid: str, speaker: str | int | None, *, create: bool = False) -> dict:
        """Say quotation ``qid`` was said by ``speaker`` (``None``: by nobody known); ``create`` adds a new speaker."""
        with self.storage.transaction():
            if self._table(QUOTES).one(str(qid)) is None:
                raise QuoteNotFound(f"no quotation with id {qid!r}; see: quotes list --format json")
            curate.reassign(self._table, self.resolve_speaker, str(qid), speaker, create)
            self._recount()
        self._version += 1
        return self.get_quote(str(qid))  # type: ignore[return-value]

    def split_speaker(self, ref: str | int, name: str, quote_ids: Iterable[str] = (),
                      aliases: Iterable[str] = ()) -> dict:
        """Split off a new speaker ``name`` from ``ref``: the quotations ``quote_ids`` and those quoted under
        one of ``aliases`` (which move with them). Kept when the articles are ingested again."""
        if not key(name):
            raise ValueError("the new name is empty")
        with self.storage.transaction():
            sid = self.resolve_speaker(ref)
            new = curate.split(self._table, sid, name, [str(q) for q in quote_ids], list(aliases))
            self._recount()
        self._version += 1
        return self.find_speakers(new)[0]

    def mark_not_quote(self, qid: str, kind: str = "scare") -> dict:
        """Say quotation ``qid`` is no quotation but a ``kind`` (see :data:`NOT_QUOTES`); it leaves the
        listings (``kinds=None`` still shows it) and holds when its article is ingested again."""
        if kind not in NOT_QUOTES:
            raise ValueError(f"--as must be one of {', '.join(NOT_QUOTES)}")
        with self.storage.transaction():
            if self._table(QUOTES).one(str(qid)) is None:
                raise QuoteNotFound(f"no quotation with id {qid!r}; see: quotes list --format json")
            curate.mark_kind(self._table, str(qid), kind)
            self._recount()
        self._version += 1
        return self.get_quote(str(qid))  # type: ignore[return-value]

    def undo(self) -> dict | None:
        """Take back the last correction (merge, rename, reassign, split, not-a-quote, in any order of
        undos): the rows it changed are as they were, and it is no longer re-applied. ``None``: nothing to undo."""
        with self.storage.transaction():
            done = curate.undo(self._table)
            self._recount()
        self._version += 1
        return done


def paths_of(row: Mapping[str, Any]) -> list[str]:
    """Every path a document was ingested from (one text may sit in several files)."""
    return list(row.get("paths") or ([row["path"]] if row.get("path") else []))


def _merge_metadata(row: Mapping[str, Any], doc: Document, before: Mapping[str, Any] | None) -> dict[str, Any]:
    """A document's metadata after an ingest: what the file gives now, else what the index had for that
    path (``before``) or that text (``row``); fields set by hand (``curated``) always hold."""
    out: dict[str, Any] = {}
    for k in METADATA:
        out[k] = getattr(doc, k) or row.get(k) or (before or {}).get(k)
    for src in (row, before or {}):
        for k in src.get("curated") or ():
            out[k] = src.get(k)
    return out


def _reapply(fix: dict, rows: dict[str, dict]) -> None:
    """Point the re-ingested copy of a reassigned quotation (same words, nearest place) at its corrected speaker."""
    same = [(abs(r["start"] - fix.get("start", 0)), qid) for qid, r in rows.items() if plain(r["quote"]) == plain(fix["quote"])]
    if same:
        row = rows[min(same)[1]]
        row["speaker_id"] = fix["speaker_id"]
        if fix.get("kind"):
            row["kind"] = fix["kind"]


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether ``date`` falls within ``since``..``until`` at the precision each bound is given in."""
    if not date:
        return False
    return (not since or date[:len(since)] >= since) and (not until or date[:len(until)] <= until)

