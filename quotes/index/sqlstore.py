"""The index in SQLite: a TinyDB storage for archives of millions of quotations.

The JSON storage (:mod:`quotes.index.storage`) reads the whole file for every
command and rewrites it for every batch: fine for thousands of quotations, not
for millions. :class:`SQLiteStorage` keeps the same tables (TinyDB's
``read()``/``write()`` still see ``{table: {id: row}}``) in one SQLite file,
one database row per index row, the row itself a JSON document (so any field a
later version adds is carried as it is) with the columns queries need pulled
out and indexed:

* ``quotes``: ``doc`` and ``(speaker_id, kind)`` (indexed), and ``quote``, which
  feeds a full-text index (FTS5, accents ignored) for word search;
* ``documents``: ``date`` (indexed) and a ``paths`` table (path -> document);
* ``speakers``: ``quotes`` (the count) and a ``speaker_keys`` table (name,
  alias, role and surname keys -> speaker, each row saying which kind of key
  it is and the speaker's document scope), so a name is found without reading
  every speaker, and placement fetches a batch's candidates by kind of key
  (:meth:`SQLiteStorage.speakers_for_placement`); a speaker's ``quote_ids`` are
  not stored but read from ``quotes`` by the indexed ``speaker_id``.

The index reads only what a query needs (:meth:`SQLiteStorage.rows`,
:meth:`SQLiteStorage.quote_rows`...), and a batch writes only its own rows and
adds what it changed to its speakers' counts (:meth:`SQLiteStorage.recount`),
so ingest costs what the new quotations cost, whatever the size of the index.
An index an earlier version wrote is brought to this layout by its first
writer (:meth:`SQLiteStorage._upgrade`: derived tables only, one transaction).

Safety is the JSON storage's, by other means: writers take the same lock file
(``PATH.lock``, so :class:`~quotes.index.storage.IndexLocked` after the
timeout) and write each batch in one SQLite transaction (write-ahead log,
``synchronous=FULL``): a process killed at any moment leaves the index before
or after the batch, never between. A file that starts like SQLite but is
damaged, or is not ours, raises :class:`~quotes.index.storage.IndexFileError`
and is never written to.

Over the project's ~450 lines (776): one TinyDB storage, its schema, its upgrade, its indexed queries and
its counts share the connection, the transaction's journal and the row codec; the JSON-to-SQLite
conversion and ``open_storage`` (which share none of that) are the next to move out.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from ..lexicon.names import key, plain
from .storage import FORMAT, LOCK_TIMEOUT, META, SCHEMA, IndexFileError, IndexStorage, meta_row, writer_lock

MAGIC = b"SQLite format 3\x00"
#: Parameters per ``IN (...)`` list (SQLite's default limit is 999 before 3.32).
CHUNK = 900
#: Page size of a new index file (SQLite's default is 4096; an existing file keeps its own).
PAGE_SIZE = 16384

DDL = """
CREATE TABLE IF NOT EXISTS meta(id TEXT PRIMARY KEY, row BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS documents(id TEXT PRIMARY KEY, date TEXT, row BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE TABLE IF NOT EXISTS paths(path TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY(path, doc));
CREATE INDEX IF NOT EXISTS paths_doc ON paths(doc);
CREATE TABLE IF NOT EXISTS quotes(rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL,
                                  speaker_id INTEGER, kind TEXT, quote TEXT, row BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS quotes_speaker_kind ON quotes(speaker_id, kind);
CREATE VIRTUAL TABLE IF NOT EXISTS quote_words USING fts5(quote, content='quotes', content_rowid='rid',
                                                          tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS quotes_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quote_words(quote_words, rowid, quote) VALUES ('delete', old.rid, old.quote); END;
CREATE TRIGGER IF NOT EXISTS quotes_au AFTER UPDATE OF quote ON quotes BEGIN
  INSERT INTO quote_words(quote_words, rowid, quote) VALUES ('delete', old.rid, old.quote);
  INSERT INTO quote_words(rowid, quote) VALUES (new.rid, new.quote); END;
CREATE TABLE IF NOT EXISTS speakers(id INTEGER PRIMARY KEY, quotes INTEGER NOT NULL DEFAULT 0,
                                    curated INTEGER NOT NULL DEFAULT 0, row BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS speaker_keys(key TEXT NOT NULL, sid INTEGER NOT NULL, how TEXT, scope TEXT);
CREATE INDEX IF NOT EXISTS speaker_keys_how ON speaker_keys(key, how);
CREATE INDEX IF NOT EXISTS speaker_keys_sid ON speaker_keys(sid);
CREATE INDEX IF NOT EXISTS speaker_keys_scope ON speaker_keys(scope) WHERE scope IS NOT NULL;
CREATE TABLE IF NOT EXISTS corrections(id INTEGER PRIMARY KEY, row BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS other(tbl TEXT NOT NULL, id TEXT NOT NULL, row BLOB NOT NULL, PRIMARY KEY(tbl, id));
"""

#: The quotations of document ``doc`` among the ids: a quotation's id starts with the first 10 hex digits of
#: its document's id and a hyphen (:func:`~quotes.index.rows.quote_id`), so the ids' own index finds a
#: document's quotations (filtered by ``doc`` after: two documents may share the 10 digits). An index on
#: ``doc`` would cost every quotation one more insert at a random place in a B-tree (2.5 s of 21 s of
#: SQLite's inserts at 1M quotations); indexes an earlier version wrote lose theirs (:meth:`_upgrade`).
DOC_RANGE = "q.id >= substr({doc}, 1, 10) || '-' AND q.id < substr({doc}, 1, 10) || '.'"

KNOWN = ("meta", "documents", "quotes", "speakers", "corrections")
INT_KEYS = ("speakers", "corrections")


def is_sqlite(path: Path) -> bool:
    """Whether the file at ``path`` is an SQLite database (by its first 16 bytes)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == MAGIC
    except (FileNotFoundError, IsADirectoryError):
        return False


def chunks(items: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


#: What a ``speaker_keys`` row says the key is of its speaker: the name, an alias, the last word of
#: either (a surname), a role. Placement fetches by kind (:meth:`SQLiteStorage.speakers_for_placement`).
NAME, ALIAS, SURNAME, ROLE = "n", "a", "s", "r"


def speaker_keys(row: Mapping[str, Any]) -> set[tuple[str, str]]:
    """Every key a speaker can be found by, with its kind: name, aliases, roles, and the last word of
    each name (a speaker found by several kinds of one key has a row for each)."""
    name = key(row.get("name"))
    aliases = [key(a) for a in row.get("aliases") or () if key(a)]
    out = {(name, NAME)} if name else set()
    out |= {(a, ALIAS) for a in aliases}
    out |= {(n.split()[-1], SURNAME) for n in [name, *aliases] if n}
    return out | {(key(r), ROLE) for r in row.get("roles") or () if key(r)}


class SQLiteStorage(Storage):
    """TinyDB storage over one SQLite file, with row-level reads and writes for the index."""

    kind = "sqlite"

    def __init__(self, path: str, readonly: bool = False, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.lock_timeout = lock_timeout
        self.generation = 0
        self.migrated_from: int | None = None
        self.backup_path: Path | None = None
        self._db: sqlite3.Connection | None = None
        self._version: int | None = None
        self._in_tx = False
        #: Quotations each speaker gained (+1) or lost (-1) in this transaction, by kind: what recount
        #: adds to the stored counts (see :meth:`recount`).
        self._delta: dict[int, dict[str | None, int]] = {}
        #: Bumped at the end of every transaction of ours (committed or not): what a cache of rows checks,
        #: beside ``generation`` (bumped when another process wrote).
        self.serial = 0
        #: Every speaker row the last committed transaction wrote (``None``: dropped), as stored; and
        #: the speakers whose counts alone it changed: ``(quotes, reported)``.
        self.speaker_writes: dict[int, dict[str, Any] | None] = {}
        self.speaker_counts: dict[int, tuple[int, int]] = {}
        self._journal: dict[int, dict[str, Any] | None] = {}
        self._counts: dict[int, tuple[int, int]] = {}
        #: ``(quotes, reported)`` as stored, of the speakers our committed transactions wrote: valid
        #: until another process writes (emptied then), so recount need not read them back.
        self._stored: dict[int, tuple[int, int]] = {}

    # -- connection ---------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        exists = self.path.exists()
        if not exists and self.readonly:
            db = sqlite3.connect(":memory:", isolation_level=None)
            db.executescript(DDL)
            self._db = db
            return db
        try:
            if self.readonly:
                db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                     check_same_thread=False)
            else:
                if not self.path.parent.is_dir():
                    raise IndexFileError(f"cannot create {self.path}: folder {self.path.parent} does not exist")
                db = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
            db.execute(f"PRAGMA busy_timeout = {int(self.lock_timeout * 1000)}")
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables and self.readonly:         # another process is creating it: empty for now
                db.close()
                db = sqlite3.connect(":memory:", isolation_level=None)
                db.executescript(DDL)
                self._db = db
                return db
            if tables and META not in tables:
                raise IndexFileError(
                    f"{self.path} is an SQLite database but not a quotes index (no {META!r} table); it was left "
                    f"untouched. Pass another --db, or move the file away")
            if META in tables:
                found = db.execute("SELECT row FROM meta LIMIT 1").fetchone()
                meta = orjson.loads(found[0]) if found else None
                if not isinstance(meta, dict) or meta.get("format") != FORMAT:
                    raise IndexFileError(f"{self.path} is an SQLite database but not a quotes index; it was left "
                                         f"untouched. Pass another --db, or move the file away")
                if meta.get("schema", 0) > SCHEMA:
                    raise IndexFileError(f"{self.path} has index schema {meta['schema']}, newer than this quotes "
                                         f"understands ({SCHEMA}); upgrade quotes to use it")
            else:                                    # a new index (several processes may race here: the
                # 16 KB pages (a no-op once a table exists): a batch's random inserts into the id, document and
                # speaker indexes of a big index cost a tenth less than with 4 KB pages (2 s of 21 at 1M rows)
                db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                db.executescript("BEGIN IMMEDIATE;" + DDL)      # write lock orders them, IF NOT EXISTS
                db.execute("INSERT OR IGNORE INTO meta VALUES ('1', ?)", (orjson.dumps(meta_row()),))
                db.execute("COMMIT")                            # makes the later ones no-ops)
            if not self.readonly:               # only once the file is known to be ours
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = FULL")
                db.execute("PRAGMA cache_size = -65536")     # 64 MB: the id and speaker indexes of a big batch
                if tables:
                    self._upgrade(db)
        except sqlite3.DatabaseError as e:
            raise IndexFileError(
                f"{self.path} is a damaged or unreadable SQLite index ({e}); it was left untouched. Restore it "
                f"from a backup (PATH.json.bak if it was converted), or move it away to start a new index") from None
        self._db = db
        self._version = self._data_version()
        self.generation += 1
        self._stored = {}
        return db

    def _upgrade(self, db: sqlite3.Connection) -> None:
        """Bring an index an earlier version wrote to this layout: ``speaker_keys`` gains each key's kind
        and the speaker's scope (rebuilt from the speaker rows), and the quotes' speaker index covers
        ``kind`` (so counting a speaker's quotations reads no quote row), and the index on the quotes'
        ``doc`` goes (:data:`DOC_RANGE` finds a document's quotations). Only derived tables and
        indexes change, in one transaction under the writers' lock: killed midway, the file is as it was."""
        def behind() -> bool:
            columns = {r[1] for r in db.execute("PRAGMA table_info(speaker_keys)")}
            indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
            return "how" not in columns or "quotes_speaker_kind" not in indexes or "quotes_doc" in indexes

        if not behind():
            return
        lock = writer_lock(self.path, self.readonly, self.lock_timeout)
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                if "how" not in {r[1] for r in db.execute("PRAGMA table_info(speaker_keys)")}:
                    db.execute("ALTER TABLE speaker_keys ADD COLUMN how TEXT")
                    db.execute("ALTER TABLE speaker_keys ADD COLUMN scope TEXT")
                    db.execute("DELETE FROM speaker_keys")
                    speakers = {i: orjson.loads(r) for i, r in db.execute("SELECT id, row FROM speakers")}
                    db.executemany("INSERT INTO speaker_keys(key, sid, how, scope) VALUES (?, ?, ?, ?)",
                                   _key_rows(speakers))
                    db.execute("DROP INDEX IF EXISTS speaker_keys_key")
                for line in DDL.splitlines():
                    if line.startswith("CREATE INDEX"):
                        db.execute(line)
                db.execute("DROP INDEX IF EXISTS quotes_speaker")
                db.execute("DROP INDEX IF EXISTS quotes_doc")       # see DOC_RANGE
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        finally:
            lock.release()

    def check(self) -> None:
        """Open the file now, so a damaged or foreign one is refused before any work is done."""
        self._conn()

    def _data_version(self) -> int:
        return self._conn().execute("PRAGMA data_version").fetchone()[0]

    def q(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        try:
            return self._conn().execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as e:
            raise IndexFileError(f"{self.path}: the index cannot be read ({e}); it was left untouched. "
                                 f"Restore it from a backup") from None

    # -- TinyDB's Storage interface -----------------------------------------------
    def read(self) -> dict[str, dict[str, Any]]:
        """Every table as TinyDB sees it (reads the whole index: for tools and tests, not for queries)."""
        data = {name: self.rows(name) for name in KNOWN}
        owned: dict[str, list[str]] = defaultdict(list)
        for qid, sid in self.q("SELECT id, speaker_id FROM quotes WHERE speaker_id IS NOT NULL ORDER BY rid"):
            owned[str(sid)].append(qid)
        for sid, row in data["speakers"].items():
            row["quote_ids"] = owned.get(sid, [])
        for tbl, i, row in self.q("SELECT tbl, id, row FROM other"):
            data.setdefault(tbl, {})[i] = orjson.loads(row)
        return data

    def write(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        """Make the stored tables equal to ``data`` (rows dropped, changed and added)."""
        self._writable()
        if isinstance(data, Lazy):
            if data.loaded is None:
                return
            data = data.loaded
        for name, table in data.items():
            if name == META:
                continue
            current = set(self.ids(name))
            wanted = {str(i) for i in table}
            self.drop(name, current - wanted)
            self.put(name, dict(table))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def refresh(self) -> bool:
        """Whether another process changed the index since we last looked."""
        if self._db is None:
            self._conn()
            return True
        version = self._data_version()
        if version != self._version:
            self._version = version
            self.generation += 1
            self._stored = {}
            return True
        return False

    # -- writing --------------------------------------------------------------------
    def _writable(self) -> None:
        if not self._in_tx:
            raise RuntimeError("index writes happen inside SQLiteStorage.transaction()")

    @contextmanager
    def transaction(self) -> Iterator["Lazy"]:
        """Lock, write inside one SQLite transaction, commit once (or roll back on any error)."""
        if not self.readonly:
            self._conn()           # opened (and an older layout upgraded, under the lock) before we lock
        lock = writer_lock(self.path, self.readonly, self.lock_timeout)
        try:
            db = self._conn()
            self.refresh()
            db.execute("BEGIN IMMEDIATE")
            self._in_tx, self._delta, self._journal, self._counts = True, {}, {}, {}
            self.speaker_writes, self.speaker_counts = {}, {}
            try:
                yield Lazy(self)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            finally:
                self._in_tx = False
                self.serial += 1
            db.execute("COMMIT")
            self.speaker_writes, self.speaker_counts, self._journal, self._counts = self._journal, self._counts, {}, {}
            for sid, row in self.speaker_writes.items():
                counts = None if row is None else (row.get("quotes"), row.get("reported"))
                if counts is not None and all(type(n) is int for n in counts):
                    self._stored[sid] = counts
                else:
                    self._stored.pop(sid, None)
            self._stored.update(self.speaker_counts)
            self._version = self._data_version()
        finally:
            lock.release()

    def put(self, table: str, rows: Mapping[Any, Mapping[str, Any]]) -> None:
        """Insert or overwrite ``rows`` (id -> row) of ``table``."""
        self._writable()
        if not rows:
            return
        db = self._conn()
        if table == "quotes":
            last = db.execute("SELECT max(rid) FROM quotes").fetchone()[0] or 0
            dumps = orjson.dumps
            items = [(str(i), r.get("doc"), r.get("speaker_id"), r.get("kind"), r.get("quote"), dumps(r))
                     for i, r in rows.items()]
            before = db.total_changes
            db.executemany("INSERT INTO quotes(id, doc, speaker_id, kind, quote, row) VALUES (?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT(id) DO NOTHING", items)
            # an id already stored is not inserted (nor counted as a change): only then are the new ones
            # read back, to tell which
            if db.total_changes - before < len(items):
                added = {i for (i,) in db.execute("SELECT id FROM quotes WHERE rid > ?", (last,))}
                # ids already stored: their speakers lose them, then they are overwritten
                again = [item for item in items if item[0] not in added]
                self._count(self._speakers_of(item[0] for item in again), -1)
                db.executemany("UPDATE quotes SET doc = ?2, speaker_id = ?3, kind = ?4, quote = ?5, row = ?6 "
                               "WHERE id = ?1", again)
            # new rows join the word index in one statement: ~15x cheaper than a trigger per row
            # (updated and deleted rows are kept in step by the triggers above)
            db.execute("INSERT INTO quote_words(rowid, quote) SELECT rid, quote FROM quotes WHERE rid > ?", (last,))
            self._count(map(itemgetter(2, 3), items), +1)          # (speaker_id, kind) of each row
        elif table == "documents":
            ids = [str(i) for i in rows]
            for part in chunks(ids):
                db.execute(f"DELETE FROM paths WHERE doc IN ({','.join('?' * len(part))})", part)
            db.executemany("INSERT OR REPLACE INTO documents(id, date, row) VALUES (?, ?, ?)",
                           [(str(i), r.get("date"), orjson.dumps(r)) for i, r in rows.items()])
            db.executemany("INSERT OR IGNORE INTO paths(path, doc) VALUES (?, ?)",
                           [(p, str(i)) for i, r in rows.items() for p in _paths(r)])
        elif table == "speakers":
            ids = [int(i) for i in rows]
            for part in chunks(ids):
                db.execute(f"DELETE FROM speaker_keys WHERE sid IN ({','.join('?' * len(part))})", part)
            stored = {int(i): {k: v for k, v in r.items() if k != "quote_ids"} for i, r in rows.items()}
            db.executemany("INSERT OR REPLACE INTO speakers(id, quotes, curated, row) VALUES (?, ?, ?, ?)",
                           [(i, int(r.get("quotes") or 0), int(bool(r.get("curated"))), orjson.dumps(r))
                            for i, r in stored.items()])
            db.executemany("INSERT INTO speaker_keys(key, sid, how, scope) VALUES (?, ?, ?, ?)", _key_rows(stored))
            self._journal.update(stored)
            for i in stored:
                self._counts.pop(i, None)
        elif table in ("meta", "corrections"):
            db.executemany(f"INSERT OR REPLACE INTO {table}(id, row) VALUES (?, ?)",
                           [(int(i) if table == "corrections" else str(i), orjson.dumps(r)) for i, r in rows.items()])
        else:
            db.executemany("INSERT OR REPLACE INTO other(tbl, id, row) VALUES (?, ?, ?)",
                           [(table, str(i), orjson.dumps(r)) for i, r in rows.items()])

    def patch(self, table: str, changes: Mapping[Any, Mapping[str, Any]]) -> None:
        """Update fields of existing rows; unknown ids are ignored."""
        if not changes:
            return
        current = self.rows(table, changes.keys())
        self.put(table, {i: {**row, **changes.get(i, changes.get(_cast(table, i), {}))} for i, row in current.items()})

    def drop(self, table: str, ids: Iterable[Any]) -> None:
        self._writable()
        ids = [str(i) for i in ids]
        if not ids:
            return
        db = self._conn()
        if table == "quotes":
            self._count(self._speakers_of(ids), -1)
        for part in chunks(ids):
            marks = ",".join("?" * len(part))
            if table in KNOWN:
                db.execute(f"DELETE FROM {table} WHERE id IN ({marks})", part)
            else:
                db.execute(f"DELETE FROM other WHERE tbl = ? AND id IN ({marks})", [table, *part])
            if table == "documents":
                db.execute(f"DELETE FROM paths WHERE doc IN ({marks})", part)
            if table == "speakers":
                db.execute(f"DELETE FROM speaker_keys WHERE sid IN ({marks})", part)
                self._journal.update(dict.fromkeys((int(i) for i in part), None))
                for i in part:
                    self._counts.pop(int(i), None)

    def _speakers_of(self, qids: Iterable[Any]) -> list[tuple[int, str | None]]:
        """Speaker and kind of each stored quotation of ``qids`` that has a speaker."""
        out: list[tuple[int, str | None]] = []
        for part in chunks(str(i) for i in qids):
            out += self.q(f"SELECT speaker_id, kind FROM quotes WHERE speaker_id IS NOT NULL AND id IN "
                          f"({','.join('?' * len(part))})", part)
        return out

    def _count(self, owned: Iterable[tuple[Any, str | None]], sign: int) -> None:
        delta = self._delta
        for (sid, kind), n in Counter(owned).items():      # a batch's rows, counted by speaker and kind first
            if sid is not None:
                kinds = delta.setdefault(int(sid), {})
                kinds[kind] = kinds.get(kind, 0) + sign * n

    def recount(self, reported_kinds: Iterable[str] = ()) -> None:
        """Bring the counts of the speakers this transaction changed up to date (``quotes``: quotations;
        ``reported``: rows of ``reported_kinds``); those left with no row at all go (unless curated).

        A speaker written whole in this transaction (placed, corrected, restored by undo) is counted
        from its quotations. Any other speaker's stored counts were true when the transaction began
        (every transaction that changes quotations ends here), so the quotations it gained and lost
        in this one are added to them: the cost is that of the change, not of the speaker's history
        (at a million quotations, counting every touched speaker's rows again was most of a batch)."""
        reported_kinds = set(reported_kinds)
        delta, self._delta = self._delta, {}
        whole = {sid for sid, row in self._journal.items() if row is not None}
        moved = {sid: (sum(k.values()), sum(n for kind, n in k.items() if kind in reported_kinds))
                 for sid, k in delta.items() if sid not in self._journal and any(k.values())}   # not written, not dropped
        new: dict[int, tuple[int, int]] = {}          # (total, reported) after this transaction
        old: dict[int, tuple[Any, Any]] = {}          # (quotes, reported) as stored before
        curated: dict[int, int] = {}
        unknown = []
        for sid in moved:
            if sid in self._stored:
                old[sid] = self._stored[sid]
            else:
                unknown.append(sid)
        for part in chunks(sorted(unknown)):
            for sid, quotes, reported, flag in self.q(
                    f"SELECT id, json_extract(CAST(row AS TEXT), '$.quotes'), json_extract(CAST(row AS TEXT), "
                    f"'$.reported'), curated FROM speakers WHERE id IN ({','.join('?' * len(part))})", part):
                if isinstance(quotes, int) and isinstance(reported, int):
                    old[sid], curated[sid] = (quotes, reported), flag
                else:                                   # a row from before counts were kept apart: count it
                    whole.add(sid)
        for sid, (quotes, reported) in old.items():
            if sid not in whole:
                total, more = moved[sid]
                new[sid] = (quotes + reported + total, reported + more)
        exact = sorted(whole)
        kinds = sorted(reported_kinds) or [""]
        for part in chunks(exact):
            found = dict(self.q(f"SELECT id, curated FROM speakers WHERE id IN ({','.join('?' * len(part))})", part))
            curated.update(found)
            new.update(dict.fromkeys(found, (0, 0)))
            for sid, total, reported in self.q(
                    f"SELECT speaker_id, count(*), sum(kind IN ({','.join('?' * len(kinds))})) FROM quotes "
                    f"WHERE speaker_id IN ({','.join('?' * len(part))}) GROUP BY speaker_id", [*kinds, *part]):
                if sid in found:
                    new[sid] = (total, reported or 0)
            for sid in found:
                row = self._journal.get(sid) or {}
                old[sid] = (row.get("quotes"), row.get("reported")) if sid in self._journal else (None, None)
        empty = [sid for sid, (total, _) in new.items() if not total and sid not in curated]
        for part in chunks(sorted(empty)):
            curated.update(self.q(f"SELECT id, curated FROM speakers WHERE id IN ({','.join('?' * len(part))})", part))
        orphans = {sid for sid, (total, _) in new.items() if not total and not curated.get(sid)}
        self.drop("speakers", orphans)
        # Only the counts change, in the row and the count column (not the key rows), and SQLite changes
        # them in place (json_set keeps every other field, and the fields' order, as they are), in the
        # order of the speakers' ids: the table's order, so each page is visited once
        counts = {sid: (total - reported, reported) for sid, (total, reported) in new.items()
                  if sid not in orphans and old.get(sid) != (total - reported, reported)}
        self._conn().executemany(
            "UPDATE speakers SET quotes = ?1, row = json_set(CAST(row AS TEXT), '$.quotes', ?1, '$.reported', ?2) "
            "WHERE id = ?3", [(quotes, reported, sid) for sid, (quotes, reported) in sorted(counts.items())])
        for sid, (quotes, reported) in counts.items():
            was = self._journal.get(sid)
            if was is not None:       # written whole in this transaction: the journal keeps it whole
                self._journal[sid] = {**was, "quotes": quotes, "reported": reported}
            else:
                self._counts[sid] = (quotes, reported)
        self._delta = {}

    # -- reading --------------------------------------------------------------------
    def ids(self, table: str) -> list[str]:
        if table in KNOWN:
            return [str(r[0]) for r in self.q(f"SELECT id FROM {table}")]
        return [r[0] for r in self.q("SELECT id FROM other WHERE tbl = ?", (table,))]

    def rows(self, table: str, ids: Iterable[Any] | None = None) -> dict[str, dict[str, Any]]:
        """Rows of ``table`` by id (as strings): those of ``ids``, or all."""
        if table not in KNOWN:
            found = self.q("SELECT id, row FROM other WHERE tbl = ?", (table,))
            wanted = None if ids is None else {str(i) for i in ids}
            return {i: orjson.loads(r) for i, r in found if wanted is None or i in wanted}
        if ids is None:
            found = self.q(f"SELECT id, row FROM {table}" + (" ORDER BY rid" if table == "quotes" else ""))
        else:
            found = []
            for part in chunks(_cast(table, i) for i in ids):
                found += self.q(f"SELECT id, row FROM {table} WHERE id IN ({','.join('?' * len(part))})", part)
        return {str(i): _load(table, r) for i, r in found}

    def count(self, table: str) -> int:
        if table in KNOWN:
            return self.q(f"SELECT count(*) FROM {table}")[0][0]
        return self.q("SELECT count(*) FROM other WHERE tbl = ?", (table,))[0][0]

    def next_id(self, table: str) -> int:
        return (self.q(f"SELECT max(id) FROM {table}")[0][0] or 0) + 1

    def speaker_candidates(self, keys: Iterable[str], ids: Iterable[int] = ()) -> dict[str, dict[str, Any]]:
        """Speakers that have one of ``keys`` as a name, alias, role or surname key (and those of ``ids``)."""
        found: set[int] = {int(i) for i in ids}
        for part in chunks({k for k in keys if k}):
            found |= {r[0] for r in self.q(f"SELECT sid FROM speaker_keys WHERE key IN ({','.join('?' * len(part))})",
                                           part)}
        return self.rows("speakers", found)

    def speakers_named_from(self, word: str) -> dict[str, dict[str, Any]]:
        """Speakers with a name or alias that starts with the word ``word`` (a key): a given name."""
        found = {r[0] for r in self.q("SELECT sid FROM speaker_keys WHERE key >= ? AND key < ?",
                                      (word + " ", word + "!"))}
        return self.rows("speakers", found)

    def speakers_for_placement(self, exact: Iterable[str] = (), names: Iterable[str] = (), surnames: Iterable[str] = (),
                               scopes: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
        """The speakers placement may match (:mod:`quotes.index.candidates` says which keys): those with a
        name or alias key in ``exact``, a name key in ``names``, a surname key in ``surnames`` (each among
        speakers of no document scope), and every speaker scoped to a document of ``scopes``. A key row an
        earlier version wrote (no kind, no scope) matches any kind: more speakers, never fewer."""
        found: set[int] = set()
        for hows, keys in (((NAME, ALIAS), exact), ((NAME,), names), ((SURNAME,), surnames)):
            for part in chunks(sorted({k for k in keys if k})):
                found |= {r[0] for r in self.q(
                    f"SELECT sid FROM speaker_keys WHERE key IN ({','.join('?' * len(part))}) AND scope IS NULL "
                    f"AND (how IS NULL OR how IN ({','.join('?' * len(hows))}))", [*part, *hows])}
        for part in chunks(sorted(set(scopes))):
            found |= {r[0] for r in self.q(
                f"SELECT sid FROM speaker_keys WHERE scope IN ({','.join('?' * len(part))})", part)}
        return self.rows("speakers", found)

    def docs_holding(self, path: str) -> set[str]:
        """Every document one of whose paths is ``path``."""
        return {d for (d,) in self.q("SELECT doc FROM paths WHERE path = ?", (path,))}

    def docs_by_path(self, paths: Iterable[str]) -> dict[str, str]:
        """Document id of each of ``paths`` that is indexed."""
        out: dict[str, str] = {}
        for part in chunks(set(paths)):
            out.update(self.q(f"SELECT path, doc FROM paths WHERE path IN ({','.join('?' * len(part))})", part))
        return out

    def document_ids(self, ref: str) -> list[str]:
        """Documents ``ref`` names: an id (or a prefix of 6+), a path, or the tail of a path."""
        if self.q("SELECT 1 FROM documents WHERE id = ?", (ref,)):
            return [ref]
        wanted = str(Path(ref).resolve()) if ref else ""
        found = sorted({d for (d,) in self.q("SELECT doc FROM paths WHERE path = ? OR path = ?", (ref, wanted))})
        if not found:
            tail = "/" + ref.lstrip("/")
            found = sorted({d for (d,) in self.q("SELECT doc FROM paths WHERE substr(path, -?) = ?", (len(tail), tail))})
            if len(ref) >= 6:
                prefix = ref.lower()
                found = sorted({*found, *(d for (d,) in self.q("SELECT id FROM documents WHERE id >= ? AND id < ?",
                                                               (prefix, prefix + "\uffff")))})
        return found

    def quote_rows(self, *, speakers: Iterable[int] | None = None, docs: Iterable[str] | None = None,
                   kinds: Iterable[str] | None = None, since: str | None = None, until: str | None = None,
                   words: str | None = None) -> dict[str, dict[str, Any]]:
        """Quote rows that may match (indexed columns and the word index narrow them; the caller
        applies the exact filters)."""
        where, params, join = [], [], ""
        for column, values in (("q.speaker_id", speakers), ("q.doc", docs), ("q.kind", kinds)):
            if values is None:
                continue
            values = list(values)
            if not values:
                return {}   # an empty set of speakers, documents or kinds matches nothing
            if column == "q.doc":         # found by their ids' prefix (see DOC_RANGE), then the exact document
                where.append("(" + " OR ".join(f"({DOC_RANGE.format(doc='?')})" for _ in values) + ")")
                params += [d for doc in values for d in (doc, doc)]
            where.append(f"{column} IN ({','.join('?' * len(values))})")
            params += values
        if since or until:
            join = f" JOIN documents d ON {DOC_RANGE.format(doc='d.id')} AND d.id = q.doc"
            if since:
                where.append("d.date >= ?")
                params.append(since)
            if until:
                where.append("d.date < ?")
                params.append(until + "\uffff")
        terms = plain(words).split() if words else []
        if terms:
            where.append("q.rid IN (SELECT rowid FROM quote_words WHERE quote_words MATCH ?)")
            params.append(" AND ".join(f'"{t}"*' for t in terms))
        sql = f"SELECT q.id, q.row FROM quotes q{join}" + (f" WHERE {' AND '.join(where)}" if where else "")
        return {i: orjson.loads(r) for i, r in self.q(sql + " ORDER BY q.rid", params)}


    def quote_chunks(self, size: int) -> Iterator[dict[str, dict[str, Any]]]:
        """Every quote row, ``size`` at a time, in insertion order (one chunk in memory at once)."""
        last = 0
        while True:
            found = self.q("SELECT rid, id, row FROM quotes WHERE rid > ? ORDER BY rid LIMIT ?", (last, size))
            if not found:
                return
            last = found[-1][0]
            yield {i: orjson.loads(r) for _, i, r in found}


class Lazy(dict):
    """The data a transaction hands its caller: loaded from the database only if the caller looks at it."""

    def __init__(self, storage: SQLiteStorage) -> None:
        super().__init__()
        self.storage, self.loaded = storage, None

    def _all(self) -> dict:
        if self.loaded is None:
            self.loaded = self.storage.read()
        return self.loaded

    def __getitem__(self, k):
        return self._all()[k]

    def __setitem__(self, k, v):
        self._all()[k] = v

    def __contains__(self, k):
        return k in self._all()

    def __iter__(self):
        return iter(self._all())

    def __len__(self):
        return len(self._all())

    def get(self, k, default=None):
        return self._all().get(k, default)

    def setdefault(self, k, default=None):
        return self._all().setdefault(k, default)

    def items(self):
        return self._all().items()

    def keys(self):
        return self._all().keys()

    def values(self):
        return self._all().values()


def _cast(table: str, i: Any) -> Any:
    return int(i) if table in INT_KEYS else str(i)


def _load(table: str, raw: bytes) -> dict[str, Any]:
    return orjson.loads(raw)


def _key_rows(speakers: Mapping[int, Mapping[str, Any]]) -> list[tuple[str, int, str, str | None]]:
    """The ``speaker_keys`` rows of ``speakers`` (id -> row): key, speaker, kind, document scope."""
    return [(k, int(i), how, r.get("scope") or None) for i, r in speakers.items() for k, how in speaker_keys(r)]


def _paths(row: Mapping[str, Any]) -> list[str]:
    return list(row.get("paths") or ([row["path"]] if row.get("path") else []))


def fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


#: The storages an index can use; ``auto`` picks by the file's content, then by its name.
STORAGES = ("auto", "json", "sqlite")
#: Names that make a new index SQLite under ``auto``.
SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
#: A JSON index that grows past this many quotations is converted to SQLite (``storage="auto"`` only):
#: at 100,000 the JSON index takes most of a second to read for every command.
AUTO_SQLITE_QUOTES = 50_000


def open_storage(path: Path, choice: str = "auto", readonly: bool = False,
                 lock_timeout: float = LOCK_TIMEOUT) -> IndexStorage | SQLiteStorage:
    """The storage for the index at ``path``: an existing file as what it is (JSON or SQLite),
    a new one as ``choice`` says (``auto``: SQLite for ``.sqlite``/``.sqlite3``/``.db`` names)."""
    if choice not in STORAGES:
        raise ValueError(f"storage must be one of {', '.join(STORAGES)}, not {choice!r}")
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        sqlite = is_sqlite(path)
        if choice == "json" and sqlite:
            raise IndexFileError(f"{path} is a SQLite index; open it with storage 'sqlite' or 'auto'")
    else:
        sqlite = choice == "sqlite" or (choice == "auto" and path.suffix.lower() in SQLITE_SUFFIXES)
    cls = SQLiteStorage if sqlite else IndexStorage
    return cls(str(path), readonly=readonly, lock_timeout=lock_timeout)


def convert_to_sqlite(json_storage: IndexStorage) -> Path:
    """Turn the JSON index of ``json_storage`` into a SQLite index at the same path, atomically.

    Under the writers' lock: the JSON is read (and migrated to the current
    schema), written into a new SQLite file beside it, fsynced, then the JSON
    is copied to ``PATH.json.bak`` (a new name if that exists) and the SQLite
    file renamed over the index. Killed at any moment, the index is the JSON
    file or the SQLite one, whole. Returns the backup's path.
    """
    path = json_storage.path
    with json_storage.transaction() as data:
        data = {name: dict(table) for name, table in data.items()}
        json_storage._dirty = False                      # nothing to write back to the JSON file
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        Path(tmp).unlink()
        try:
            target = SQLiteStorage(tmp)
            with target.transaction():
                for name, rows in data.items():
                    if name != META:
                        target.put(name, rows)
                target._delta = {}
            target._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            target._conn().execute("PRAGMA journal_mode = DELETE")    # one self-contained file to rename
            target.close()
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            backup_path, n = path.with_name(f"{path.name}.json.bak"), 1
            while backup_path.exists():
                n += 1
                backup_path = path.with_name(f"{path.name}.json.bak{n}")
            shutil.copy2(path, backup_path)
            os.replace(tmp, path)
            fsync_folder(path.parent)
        except BaseException:
            for leftover in (tmp, tmp + "-wal", tmp + "-shm", tmp + ".lock"):
                Path(leftover).unlink(missing_ok=True)
            raise
        Path(tmp + ".lock").unlink(missing_ok=True)
    return backup_path
