"""The index file: a TinyDB storage that never loses data.

TinyDB hands a storage the whole database as one dict to read and write.
:class:`IndexStorage` keeps that dict in memory and writes it only inside
:meth:`IndexStorage.transaction`, which

* takes an exclusive lock (``PATH.lock``, via filelock), so writers queue;
* re-reads the file under the lock if another process changed it, so every
  writer builds on the latest data and concurrent runs all land;
* writes once at the end: orjson into a temporary file in the same folder,
  flush, fsync, then ``os.replace`` over the index and fsync the folder. A
  reader (who takes no lock) sees the old file or the new one, never half.

A file that is not JSON, or JSON that is not a quotes index, is never
overwritten: opening it raises :class:`IndexFileError` with a message naming
the file and saying how to recover. The schema version lives in the ``meta``
table; an older file is migrated by the first writer, which keeps a backup.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

FORMAT = "quotes-index"
SCHEMA = 3
META = "meta"
LOCK_TIMEOUT = 120.0

Data = dict[str, dict[str, Any]]


class IndexFileError(Exception):
    """The index file cannot be used as it is; the message says why and what to do."""


class IndexLocked(IndexFileError):
    """Another process held the write lock for longer than we were willing to wait."""


def _v1_to_v2(data: Data) -> Data:
    """Schema 1 kept no ``corrections`` table and no ``curated`` flag on speakers."""
    data.setdefault("corrections", {})
    for row in data.get("speakers", {}).values():
        row.setdefault("curated", False)
    return data


def _v2_to_v3(data: Data) -> Data:
    """Schema 2 kept a quotation's mention and cue as nested ``{start, end, text}`` objects;
    schema 3 flattens them into ``mention``, ``mention_start``, ``mention_end`` (same for ``cue``)."""
    for row in data.get("quotes", {}).values():
        for name in ("mention", "cue"):
            span = row.pop(name, None)
            if isinstance(span, dict):
                row.update({name: span.get("text"), f"{name}_start": span.get("start"), f"{name}_end": span.get("end")})
    return data


#: ``MIGRATIONS[n]`` turns schema ``n`` into schema ``n + 1``.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {1: _v1_to_v2, 2: _v2_to_v3}


def meta_row(schema: int = SCHEMA) -> dict[str, Any]:
    return {"format": FORMAT, "schema": schema}


def parse(raw: bytes, path: Path) -> tuple[Data, int]:
    """The database dict in ``raw`` and its schema version; refuses anything that is not ours."""
    if not raw.strip():
        return {META: {"1": meta_row()}}, SCHEMA
    if raw.startswith(b"SQLite format 3\x00"):
        raise IndexFileError(f"{path} was converted to a SQLite index by another process meanwhile; run the "
                             f"command again")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        raise IndexFileError(
            f"{path} is not valid JSON ({e}); it was left untouched. Restore it from a backup, "
            f"or move it away (or pass another --db) to start a new index") from None
    meta = data.get(META) if isinstance(data, dict) else None
    row = next(iter(meta.values()), None) if isinstance(meta, dict) and meta else None
    if not isinstance(row, dict) or row.get("format") != FORMAT or not isinstance(row.get("schema"), int):
        raise IndexFileError(
            f"{path} is JSON but not a quotes index (no {META!r} table saying {FORMAT!r}); it was left "
            f"untouched. Pass another --db, or move the file away")
    if row["schema"] > SCHEMA:
        raise IndexFileError(
            f"{path} has index schema {row['schema']}, newer than this quotes understands ({SCHEMA}); "
            f"upgrade quotes to use it")
    return data, row["schema"]


def migrate(data: Data, schema: int) -> Data:
    """``data`` brought from ``schema`` up to :data:`SCHEMA`, one step at a time."""
    for version in range(schema, SCHEMA):
        data = MIGRATIONS[version](data)
    data[META] = {"1": meta_row()}
    return data


def fingerprint(path: Path) -> tuple[int, int, int] | None:
    """What changes whenever the file is replaced: inode, size, modification time."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def atomic_write(path: Path, payload: bytes) -> None:
    """``payload`` at ``path`` all at once: temp file, fsync, rename over, fsync the folder."""
    folder = path.parent
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def backup(path: Path, schema: int) -> Path:
    """A copy of ``path`` as it was before migration, never overwriting an earlier backup."""
    target, n = path.with_name(f"{path.name}.schema{schema}.bak"), 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.schema{schema}.bak{n}")
    shutil.copy2(path, target)
    return target


def writer_lock(path: Path, readonly: bool, timeout: float):
    """The index's lock file, held: what every write of either storage starts with.

    One line for each way it can fail: opened read-only, no such folder, held by another process
    past ``timeout`` (:class:`IndexLocked`), or a folder where no lock file can be made."""
    from filelock import FileLock, Timeout  # a read-only index never locks

    if readonly:
        raise RuntimeError(f"{path} was opened read-only")
    if not path.parent.is_dir():
        raise IndexFileError(f"cannot create {path}: folder {path.parent} does not exist")
    lock = FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise IndexLocked(f"{path} is locked by another quotes process ({lock.lock_file}); "
                          f"waited {timeout:.0f} s. Try again when it has finished") from None
    except OSError as e:        # a read-only folder: the lock file cannot even be made (Timeout is an OSError too)
        raise IndexFileError(f"cannot write {path}: {e.strerror or e} ({lock.lock_file})") from None
    return lock


class IndexStorage(Storage):
    """TinyDB storage over one JSON file: snapshot reads, locked atomic transactional writes."""

    def __init__(self, path: str, readonly: bool = False, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.lock_timeout = lock_timeout
        self.generation = 0          # bumped whenever the data is (re)loaded from disk
        self.migrated_from: int | None = None
        self.backup_path: Path | None = None
        self._data: Data | None = None
        self._seen: tuple[int, int, int] | None = None
        self._in_tx = False
        self._dirty = False

    # -- the Storage interface ------------------------------------------------
    def read(self) -> Data:
        if self._data is None:
            self._load()
        return self._data  # type: ignore[return-value]

    def write(self, data: Data) -> None:
        if not self._in_tx:
            raise RuntimeError("index writes happen inside IndexStorage.transaction()")
        self._data = data
        self._dirty = True

    def close(self) -> None:
        self._data = None

    # -- loading ----------------------------------------------------------------
    def _load(self) -> None:
        """Read the file (or start empty); an older schema is migrated in memory only."""
        seen = fingerprint(self.path)
        raw = self.path.read_bytes() if seen is not None else b""
        data, schema = parse(raw, self.path)
        if schema < SCHEMA:
            data = migrate(data, schema)
            self.migrated_from = schema
        else:
            self.migrated_from = None
        self._data, self._seen = data, seen
        self.generation += 1

    def refresh(self) -> bool:
        """Re-read the file if another process replaced it since we last read or wrote it."""
        if self._data is None or fingerprint(self.path) != self._seen:
            self._load()
            return True
        return False

    # -- writing ----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Data]:
        """Lock, bring the data up to date, let the caller change it, write once if it did."""
        lock = writer_lock(self.path, self.readonly, self.lock_timeout)
        try:
            self._sweep()
            self.refresh()
            self._in_tx, self._dirty = True, self.migrated_from is not None
            try:
                yield self.read()
            except BaseException:
                self._data = None        # drop half-applied changes; the next read reloads the file
                raise
            finally:
                self._in_tx = False
            if self._dirty:
                try:
                    self._commit()
                except OSError as e:   # read-only or immutable file, full disk: the old index stays as it was
                    self._data = None
                    raise IndexFileError(f"cannot write {self.path}: {e.strerror or e}; "
                                         "nothing of this change was written") from None
        finally:
            lock.release()

    def _commit(self) -> None:
        if self.migrated_from is not None and self.path.exists():
            self.backup_path = backup(self.path, self.migrated_from)
        atomic_write(self.path, orjson.dumps(self._data))
        self._seen = fingerprint(self.path)
        self._dirty = False
        self.migrated_from = None

    def _sweep(self) -> None:
        """Remove temporary files of writers that died mid-write (we hold the lock: none is live)."""
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)

    # -- the row API the index uses (the same on SQLiteStorage) -------------------------
    kind = "json"

    def check(self) -> None:
        """Read the file now, so a bad one is refused before any work is done."""
        self.read()

    def _table(self, table: str) -> dict[str, dict[str, Any]]:
        return self.read().get(table) or {}

    def _change(self, table: str, apply: Callable[[dict], Any]) -> None:
        data = self.read()
        apply(data.setdefault(table, {}))
        self.write(data)

    def ids(self, table: str) -> list[str]:
        return list(self._table(table))

    def rows(self, table: str, ids: Any = None) -> dict[str, dict[str, Any]]:
        """Rows of ``table`` by id (as strings), not copied: those of ``ids``, or all."""
        rows = self._table(table)
        if ids is None:
            return rows
        return {str(i): rows[str(i)] for i in ids if str(i) in rows}

    def put(self, table: str, rows: dict[Any, dict[str, Any]]) -> None:
        if rows:
            self._change(table, lambda t: t.update({str(k): v for k, v in rows.items()}))

    def patch(self, table: str, changes: dict[Any, dict[str, Any]]) -> None:
        def apply(t: dict) -> None:
            for k, fields in changes.items():
                if str(k) in t:
                    t[str(k)].update(fields)
        if changes:
            self._change(table, apply)

    def drop(self, table: str, ids: Any) -> None:
        ids = {str(i) for i in ids}
        if ids:
            self._change(table, lambda t: [t.pop(i, None) for i in ids])

    def count(self, table: str) -> int:
        return len(self._table(table))

    def next_id(self, table: str) -> int:
        return max((int(k) for k in self._table(table)), default=0) + 1

    def speaker_candidates(self, keys: Any = (), ids: Any = ()) -> dict[str, dict[str, Any]]:
        return self._table("speakers")          # the whole file is in memory anyway

    def docs_by_path(self, paths: Any) -> dict[str, str]:
        wanted = set(paths)
        return {p: h for h, row in self._table("documents").items()
                for p in (row.get("paths") or [row.get("path")]) if p in wanted}

    def docs_holding(self, path: str) -> set[str]:
        """Every document one of whose paths is ``path``."""
        return {h for h, row in self._table("documents").items() if path in (row.get("paths") or [row.get("path")])}

    def document_ids(self, ref: str) -> list[str]:
        """Documents ``ref`` names: an id (or a prefix of 6+), a path, or the tail of a path."""
        docs = self._table("documents")
        if ref in docs:
            return [ref]
        wanted = str(Path(ref).resolve()) if ref else ""
        paths = {h: row.get("paths") or ([row["path"]] if row.get("path") else []) for h, row in docs.items()}
        found = [h for h, ps in paths.items() if any(p == ref or str(Path(p).resolve()) == wanted for p in ps)]
        if not found:
            tail = "/" + ref.lstrip("/")
            found = [h for h, ps in paths.items() if any(p.endswith(tail) for p in ps)
                     or (len(ref) >= 6 and h.startswith(ref.lower()))]
        return found

    def quote_rows(self, *, speakers: Any = None, docs: Any = None, kinds: Any = None, since: Any = None,
                   until: Any = None, words: Any = None) -> dict[str, dict[str, Any]]:
        """Quote rows that may match (the caller applies the exact filters)."""
        quotes = self._table("quotes")
        if speakers is not None:
            table = self._table("speakers")
            ids = [qid for sid in speakers for qid in (table.get(str(sid)) or {}).get("quote_ids", ())]
        elif docs is not None:
            table = self._table("documents")
            ids = [qid for h in docs for qid in (table.get(h) or {}).get("quote_ids", ())]
        else:
            return quotes
        return {qid: quotes[qid] for qid in ids if qid in quotes}

    def quote_chunks(self, size: int) -> Any:
        """Every quote row, ``size`` at a time."""
        items = list(self._table("quotes").items())
        for i in range(0, len(items), size):
            yield dict(items[i:i + size])

    def recount(self, reported_kinds: Any = ()) -> None:
        """Each speaker's quote ids and counts (``quotes``: quotations; ``reported``: rows of
        ``reported_kinds``) from the quotes table; speakers left with none dropped (unless curated)."""
        owned: dict[int, list[str]] = {}
        reported: dict[int, int] = {}
        for qid, q in self._table("quotes").items():
            if q.get("speaker_id") is not None:
                owned.setdefault(q["speaker_id"], []).append(qid)
                reported[q["speaker_id"]] = reported.get(q["speaker_id"], 0) + (q.get("kind") in reported_kinds)
        changes, orphans = {}, []
        for sid, row in self._table("speakers").items():
            ids = owned.get(int(sid), [])
            if not ids and not row.get("curated"):
                orphans.append(sid)
            elif row.get("quote_ids") != ids or "reported" not in row:
                n = reported.get(int(sid), 0)
                changes[sid] = {"quotes": len(ids) - n, "reported": n, "quote_ids": ids}
        self.patch("speakers", changes)
        self.drop("speakers", orphans)
