"""The index file: atomic locked writes, refusal of files that are not ours, schema migration with a backup."""
from __future__ import annotations

import threading
import time

import orjson
import pytest

from quotes.index.sqlstore import SQLiteStorage
from quotes.index.storage import SCHEMA, IndexFileError, IndexLocked, IndexStorage, atomic_write, meta_row

#: The guarantees below hold for both storages; tests that take ``Store`` run once with each.
STORES = {"json": IndexStorage, "sqlite": SQLiteStorage}


@pytest.fixture(params=list(STORES))
def Store(request):
    return STORES[request.param]


def contents(Store, path) -> dict:
    """The whole index at ``path`` as its storage reads it."""
    return Store(str(path), readonly=True).read()


def write_rows(storage: IndexStorage, **rows) -> None:
    with storage.transaction() as data:
        data.setdefault("things", {}).update(rows)
        storage.write(data)


def test_new_index_is_written_atomically_with_its_schema(tmp_path, Store):
    path = tmp_path / "index.json"
    storage = Store(str(path))
    assert not path.exists()                        # reading creates nothing
    write_rows(storage, a={"x": 1})
    data = contents(Store, path)
    assert data["meta"]["1"] == meta_row() and data["things"] == {"a": {"x": 1}}
    extra = ["index.json-shm", "index.json-wal"] if Store is SQLiteStorage else []   # SQLite's write-ahead log
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["index.json", "index.json.lock", *extra])


def test_write_outside_a_transaction_is_refused(tmp_path, Store):
    storage = Store(str(tmp_path / "i.json"))
    with pytest.raises(RuntimeError):
        storage.write({"things": {}})


def test_failed_transaction_leaves_the_file_as_it_was(tmp_path, Store):
    path = tmp_path / "i.json"
    storage = Store(str(path))
    write_rows(storage, a={"x": 1})
    before = contents(Store, path)
    with pytest.raises(ZeroDivisionError):
        with storage.transaction() as data:
            data["things"]["b"] = {"x": 2}
            storage.write(data)
            1 / 0
    assert contents(Store, path) == before
    assert storage.read()["things"] == {"a": {"x": 1}}  # the half-done change is gone from memory too


@pytest.mark.parametrize("content, words", [
    (b"{not json", "not valid JSON"),
    (b'{"_default": {"1": {"a": 1}}}', "not a quotes index"),
    (b"[1, 2, 3]", "not a quotes index"),
    (orjson.dumps({"meta": {"1": {"format": "quotes-index", "schema": SCHEMA + 1}}}), "newer"),
])
def test_a_file_that_is_not_our_index_is_never_overwritten(tmp_path, content, words):
    path = tmp_path / "precious.json"
    path.write_bytes(content)
    with pytest.raises(IndexFileError) as e:
        IndexStorage(str(path)).read()
    assert str(path) in str(e.value) and words in str(e.value)
    storage = IndexStorage(str(path))
    with pytest.raises(IndexFileError):
        with storage.transaction():
            pass
    assert path.read_bytes() == content


def test_an_empty_file_is_an_empty_index(tmp_path):
    path = tmp_path / "i.json"
    path.write_bytes(b"")
    write_rows(IndexStorage(str(path)), a={"x": 1})
    assert orjson.loads(path.read_bytes())["things"] == {"a": {"x": 1}}


def test_older_schema_is_migrated_by_the_first_writer_with_a_backup(tmp_path):
    path = tmp_path / "i.json"
    old = orjson.dumps({"meta": {"1": {"format": "quotes-index", "schema": 1}},
                        "speakers": {"1": {"name": "Nadia Benali"}}})
    path.write_bytes(old)
    reader = IndexStorage(str(path), readonly=True)
    assert reader.read()["speakers"]["1"]["curated"] is False    # readers see it migrated ...
    assert path.read_bytes() == old                              # ... without touching the file
    writer = IndexStorage(str(path))
    write_rows(writer, a={"x": 1})
    data = orjson.loads(path.read_bytes())
    assert data["meta"]["1"]["schema"] == SCHEMA and data["corrections"] == {}
    assert writer.backup_path is not None and writer.backup_path.read_bytes() == old
    write_rows(writer, b={"x": 2})                               # migrated once: no second backup
    assert len(list(tmp_path.glob("*.bak*"))) == 1


def test_a_writer_sees_what_another_wrote_before_it(tmp_path, Store):
    path = tmp_path / "i.json"
    one, two = Store(str(path)), Store(str(path))
    write_rows(one, a={"x": 1})
    two.read()
    write_rows(one, b={"x": 2})          # two's snapshot is now stale
    write_rows(two, c={"x": 3})          # but it re-reads under the lock
    assert set(contents(Store, path)["things"]) == {"a", "b", "c"}


def test_writers_queue_on_the_lock(tmp_path, Store):
    path = tmp_path / "i.json"
    holder, waiter = Store(str(path)), Store(str(path), lock_timeout=0.2)
    entered, release = threading.Event(), threading.Event()

    def hold():
        with holder.transaction():
            entered.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    entered.wait(5)
    try:
        with pytest.raises(IndexLocked) as e:
            with waiter.transaction():
                pass
        assert "locked" in str(e.value) and str(path) in str(e.value)
    finally:
        release.set()
        t.join()
    write_rows(waiter, a={"x": 1})       # free again


def test_stale_temporary_files_of_dead_writers_are_swept(tmp_path):
    path = tmp_path / "i.json"
    stale = tmp_path / ".i.json.abc123.tmp"
    stale.write_bytes(b"half a write")
    write_rows(IndexStorage(str(path)), a={"x": 1})
    assert not stale.exists()


def test_atomic_write_keeps_the_file_mode(tmp_path):
    path = tmp_path / "f.json"
    path.write_bytes(b"{}")
    path.chmod(0o640)
    atomic_write(path, b'{"a": 1}')
    assert path.read_bytes() == b'{"a": 1}' and path.stat().st_mode & 0o777 == 0o640


def test_refresh_only_rereads_a_replaced_file(tmp_path, Store):
    path = tmp_path / "i.json"
    storage = Store(str(path))
    write_rows(storage, a={"x": 1})
    assert storage.refresh() is False
    time.sleep(0.01)
    write_rows(Store(str(path)), b={"x": 2})
    assert storage.refresh() is True and "b" in storage.read()["things"]


def test_schema_2_nested_spans_are_flattened_and_read_back_the_same(tmp_path):
    from quotes.index.core import Index

    path = tmp_path / "i.json"
    old = {"meta": {"1": {"format": "quotes-index", "schema": 2}},
           "documents": {"abc": {"path": "a.txt", "paths": ["a.txt"], "hash": "abc", "quote_ids": ["abc-5"]}},
           "quotes": {"abc-5": {"doc": "abc", "start": 5, "end": 9, "quote": "act!", "speaker_id": None,
                                "mention": {"start": 0, "end": 3, "text": "She"}, "cue": None, "kind": "direct"}},
           "speakers": {}, "corrections": {}}
    path.write_bytes(orjson.dumps(old))
    row = Index(path, readonly=True).get_quote("abc-5")
    assert row["speaker_mention"] == {"start": 0, "end": 3, "text": "She"} and row["cue"] is None
    assert orjson.loads(path.read_bytes()) == old                  # reading never rewrites
    from quotes.records import Document, DocResult

    Index(path).ingest([DocResult(Document(path="b.txt", text="New text."))])
    data = orjson.loads(path.read_bytes())
    assert data["meta"]["1"]["schema"] == SCHEMA
    assert data["quotes"]["abc-5"]["mention"] == "She" and data["quotes"]["abc-5"]["mention_start"] == 0
    assert Index(path).get_quote("abc-5") == row
    assert orjson.loads((tmp_path / "i.json.schema2.bak").read_bytes()) == old


def sqlite_file(path, sql: str = "") -> bytes:
    import sqlite3

    db = sqlite3.connect(path)
    db.executescript(sql or "CREATE TABLE t(x); INSERT INTO t VALUES (1);")
    db.commit()
    db.close()
    return path.read_bytes()


@pytest.mark.parametrize("make, words", [
    (lambda p: (p.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000), p.read_bytes())[1], "damaged"),
    (lambda p: sqlite_file(p), "not a quotes index"),
    (lambda p: sqlite_file(p, "CREATE TABLE meta(id TEXT, row BLOB); INSERT INTO meta VALUES ('1', '{\"format\": \"x\"}');"),
     "not a quotes index"),
    (lambda p: sqlite_file(p, "CREATE TABLE meta(id TEXT, row BLOB); INSERT INTO meta VALUES "
                              f"('1', '{{\"format\": \"quotes-index\", \"schema\": {SCHEMA + 1}}}');"), "newer"),
])
def test_a_sqlite_file_that_is_not_our_index_is_never_written(tmp_path, make, words):
    path = tmp_path / "precious.sqlite"
    content = make(path)
    with pytest.raises(IndexFileError) as e:
        SQLiteStorage(str(path)).read()
    assert str(path) in str(e.value) and words in str(e.value)
    with pytest.raises(IndexFileError):
        with SQLiteStorage(str(path)).transaction():
            pass
    assert path.read_bytes() == content
