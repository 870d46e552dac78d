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
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from . import curate
from .errors import AmbiguousSpeaker, QuoteNotFound, SpeakerNotFound  # noqa: F401  (re-exported)
from .placement import Placement
from .report import IngestReport  # noqa: F401  (re-exported)
from ..records import SURE, Document, DocResult
from ..lexicon.names import key, plain
from .roster import Roster
from .rows import (CORRECTIONS, DOCUMENTS, QUOTES, SPEAKERS, Rows, doc_key, document_row, document_view, quote_id,
                   quote_row, quote_view, speaker_view)
from .storage import LOCK_TIMEOUT, IndexFileError, IndexLocked, IndexStorage  # noqa: F401  (re-exported)

QUOTATIONS = ("direct", "partial")
#: What a person can say a quotation really is (``quotes quote not-a-quote --as KIND``).
NOT_QUOTES = ("scare", "title", "heading", "nickname")
#: Reported speech: the source's words given by the writer, never a quotation.
REPORTED = ("indirect",)
#: What ``quotes list --kind`` accepts, and the kinds each name selects (``None``: every kind).
KIND_CHOICES = {"direct": ("direct",), "partial": ("partial",), "indirect": REPORTED,
                "quotes": QUOTATIONS, "all": QUOTATIONS + REPORTED}


class Index:
    """A quotes index in one JSON file (created on the first write)."""

    def __init__(self, path: str | Path, *, readonly: bool = False, lock_timeout: float = LOCK_TIMEOUT,
                 flush_seconds: float = 1.0, max_batch: int = 5000) -> None:
        self.path = Path(path)
        self.storage = IndexStorage(str(path), readonly=readonly, lock_timeout=lock_timeout)
        self.db = TinyDB(storage=lambda: self.storage)
        #: A batch is written when it is this old (or 4x the last write's cost) or this large.
        self.flush_seconds, self.max_batch = flush_seconds, max_batch
        self._version = 0
        self._cache: tuple[tuple[int, int], Roster] | None = None
        self.storage.read()  # refuse a bad file now, before any work is done

    def close(self) -> None:
        self.db.close()

    # -- tables -----------------------------------------------------------------
    def _table(self, name: str) -> Rows:
        return Rows(self.storage, name, int if name in (SPEAKERS, CORRECTIONS) else str)

    def _raw(self, name: str) -> dict[str, dict[str, Any]]:
        return self._table(name).raw()

    def _fresh(self) -> None:
        """Pick up writes other processes made since we last looked."""
        self.storage.refresh()

    def _roster(self) -> Roster:
        stamp = (self.storage.generation, self._version)
        if self._cache is None or self._cache[0] != stamp:
            self._cache = (stamp, Roster(self._raw(SPEAKERS)))
        return self._cache[1]

    # -- ingest -----------------------------------------------------------------
    def has_document(self, doc_hash: str) -> bool:
        """Whether a text with this hash is indexed (so it need not be parsed again)."""
        self._fresh()
        row = self._raw(DOCUMENTS).get(doc_key(doc_hash))
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
        with self.storage.transaction():
            self._store(batch, done)
            self._recount()
        self._version += 1
        report.add(done)
        return time.monotonic() - start

    def _store(self, batch: list[DocResult | Document], report: IngestReport) -> None:
        """Apply one batch to the tables (inside a transaction).

        A text already indexed gains the new path; a path whose text changed
        leaves its old document, which goes (with its quotations) once no path
        holds it. A bare :class:`Document` is a text the caller saw indexed and
        did not parse: only its path is recorded.
        """
        docs = self._raw(DOCUMENTS)
        by_path = {p: h for h, row in docs.items() for p in paths_of(row)}
        people = Placement(self._table(SPEAKERS), report)
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

        for item in batch:
            doc = item if isinstance(item, Document) else item.document
            h, path = doc_key(doc.hash), doc.path
            old = by_path.get(path)
            if old == h and live(h) is not None:
                report.unchanged += 1
                continue
            if old is not None:
                leave(old, path)
            existing = live(h)
            if existing is not None:
                touched[h] = {**existing, "paths": [*paths_of(existing), path]}
            elif isinstance(item, Document):
                report.skipped.append((path, "not parsed: its text left the index meanwhile; ingest it again"))
                by_path.pop(path, None)
                continue
            else:
                rows = self._quote_rows(item, h, people)
                for fix in fixes.get(path, ()):
                    _reapply(fix, rows)
                new_quotes.update(rows)
                touched[h] = document_row(item, list(rows))
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

    def _quote_rows(self, result: DocResult, doc_hash: str, people: Placement) -> dict[str, dict]:
        """The stored rows of one document's quotations, each with its speaker placed in the index."""
        ids = people.place(result, doc_hash)
        rows: dict[str, dict] = {}
        for q in result.quotes:
            qid = quote_id(doc_hash, q.start)
            n = 1
            while qid in rows:
                n += 1
                qid = f"{quote_id(doc_hash, q.start)}.{n}"
            rows[qid] = quote_row(q, doc_hash, ids.get(q.speaker) if q.speaker else None)
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
        """Each speaker's quote count and ids from the quotes table; speakers left with none dropped
        (unless a person curated them)."""
        owned: dict[int, list[str]] = defaultdict(list)
        reported: dict[int, int] = defaultdict(int)
        for qid, q in self._raw(QUOTES).items():
            if q.get("speaker_id") is not None:
                owned[q["speaker_id"]].append(qid)
                reported[q["speaker_id"]] += q.get("kind") in REPORTED
        speakers = self._table(SPEAKERS)
        changes, orphans = {}, []
        for sid, row in speakers.raw().items():
            ids = owned.get(int(sid), [])
            if not ids and not row.get("curated"):
                orphans.append(sid)
            elif row.get("quote_ids") != ids or "reported" not in row:
                n = reported.get(int(sid), 0)
                changes[sid] = {"quotes": len(ids) - n, "reported": n, "quote_ids": ids}
        speakers.patch(changes)
        speakers.drop(orphans)

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
        quotes, speakers, docs = self._raw(QUOTES), self._raw(SPEAKERS), self._raw(DOCUMENTS)
        candidates: Iterable[str]
        if speaker is not None:
            ids = self._speaker_ids(speaker)
            candidates = [qid for sid in ids for qid in speakers[str(sid)].get("quote_ids", ())]
        elif doc is not None:
            candidates = [qid for h in self._document_ids(doc) for qid in docs[h].get("quote_ids", ())]
        else:
            candidates = quotes.keys()
        hashes = set(self._document_ids(doc)) if doc is not None else None
        kinds = set(kinds) if kinds is not None else None
        words = plain(search).split() if search else []
        where = plain(venue) if venue else None
        rows = []
        for qid in candidates:
            q = quotes.get(qid)
            if q is None or (kinds is not None and q.get("kind") not in kinds):
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

    def _speaker_ids(self, name: str | int) -> list[int]:
        return [name] if isinstance(name, int) and str(name) in self._raw(SPEAKERS) else self._roster().find(str(name))

    def _document_ids(self, ref: str) -> list[str]:
        """Documents ``ref`` names: an id (or a prefix of 6+), a path, or the tail of a path."""
        docs = self._raw(DOCUMENTS)
        if ref in docs:
            return [ref]
        wanted = str(Path(ref).resolve()) if ref else ""
        found = [h for h, row in docs.items() if any(p == ref or str(Path(p).resolve()) == wanted
                                                     for p in paths_of(row))]
        if not found:
            tail = "/" + ref.lstrip("/")
            found = [h for h, row in docs.items() if any(p.endswith(tail) for p in paths_of(row))
                     or (len(ref) >= 6 and h.startswith(ref.lower()))]
        return found

    def list_speakers(self) -> list[dict]:
        """Every speaker, most quoted first."""
        self._fresh()
        rows = [speaker_view(sid, row) for sid, row in self._raw(SPEAKERS).items()]
        return sorted(rows, key=lambda r: (-r["quotes"] - r["reported"], key(r["name"]), r["id"]))

    def find_speakers(self, name: str | int) -> list[dict]:
        """Speakers answering to ``name``: id, name, alias or role; a lone word also matches a surname."""
        self._fresh()
        speakers = self._raw(SPEAKERS)
        rows = [speaker_view(sid, speakers[str(sid)]) for sid in self._speaker_ids(name)]
        return sorted(rows, key=lambda r: (-r["quotes"] - r["reported"], r["id"]))

    def get_quote(self, qid: str) -> dict | None:
        self._fresh()
        q = self._raw(QUOTES).get(str(qid).strip())
        return quote_view(str(qid).strip(), q, self._raw(SPEAKERS), self._raw(DOCUMENTS)) if q else None

    def get_document(self, ref: str) -> dict | None:
        """A document by id, id prefix or path (``None`` when none or several match)."""
        self._fresh()
        found = self._document_ids(ref)
        return document_view(found[0], self._raw(DOCUMENTS)[found[0]]) if len(found) == 1 else None

    def list_documents(self) -> list[dict]:
        """Every document, by date then path (each with its quotation count)."""
        self._fresh()
        rows = [document_view(h, row) for h, row in self._raw(DOCUMENTS).items()]
        return sorted(rows, key=lambda r: (str(r.get("date") or ""), str(r.get("path") or "")))

    def stats(self) -> dict[str, int]:
        self._fresh()
        return {name: len(self._raw(name)) for name in (DOCUMENTS, QUOTES, SPEAKERS, CORRECTIONS)}

    # -- curation -----------------------------------------------------------------
    def resolve_speaker(self, ref: str | int) -> int:
        """The one speaker id ``ref`` names, or :class:`SpeakerNotFound` / :class:`AmbiguousSpeaker`."""
        ids = self._speaker_ids(ref)
        if not ids:
            raise SpeakerNotFound(f"no speaker answers to {ref!r}; see: quotes speakers")
        if len(ids) > 1:
            speakers = self._raw(SPEAKERS)
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
            curate.rename(self._table, sid, new.strip())
        self._version += 1
        return self.find_speakers(sid)[0]

    def reassign_quote(self, qid: str, speaker: str | int | None, *, create: bool = False) -> dict:
        """Say quotation ``qid`` was said by ``speaker`` (``None``: by nobody known); ``create`` adds a new speaker."""
        with self.storage.transaction():
            if str(qid) not in self._raw(QUOTES):
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
            if str(qid) not in self._raw(QUOTES):
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

