"""`quotes ingest` through CliRunner and real subprocesses: summary, exit codes, bad inputs, the index file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from quotes.cli import app

QUOTES = str(Path(sys.executable).with_name("quotes"))
SEED = Path(__file__).resolve().parent.parent / "fixtures" / "morocco-france-justice.txt"
runner = CliRunner()


@pytest.fixture(autouse=True)
def loaded(nlp):
    """The pipeline once per session: CliRunner ingests run in this process."""
    return nlp


def ingest(db, *args):
    return runner.invoke(app, ["ingest", *map(str, args), "--db", str(db)])


def stored(db) -> dict:
    return orjson.loads(Path(db).read_bytes())


def test_seed_article_is_ingested_with_its_speakers(tmp_path):
    db = tmp_path / "index.json"
    res = ingest(db, SEED, "--title", "Justice cooperation", "--date", "2025-04-14", "--outlet", "MWN")
    assert res.exit_code == 0, res.output
    assert "1 document (1 added" in res.stderr and "quotes stored" in res.stderr
    data = stored(db)
    [doc] = data["documents"].values()
    assert (doc["title"], doc["date"], doc["outlet"], doc["path"]) == ("Justice cooperation", "2025-04-14", "MWN", str(SEED))
    names = {s["name"]: s["quotes"] for s in data["speakers"].values()}
    assert names.get("Gérald Darmanin", 0) >= 5 and "Abdellatif Ouahbi" in names


def test_rerun_parses_nothing_and_changed_file_replaces(tmp_path, monkeypatch):
    db, art = tmp_path / "index.json", tmp_path / "a.txt"
    art.write_text('Nadia Benali said "we will act now."\n', encoding="utf-8")
    assert ingest(db, art).exit_code == 0
    before = db.read_bytes()
    import quotes.pipeline

    def no_parsing(*a, **k):
        raise AssertionError("an unchanged document was parsed")

    import quotes.nlp.model

    with monkeypatch.context() as m:
        m.setattr(quotes.pipeline, "extract_documents", no_parsing)
        m.setattr(quotes.nlp.model, "load_pipeline", no_parsing)
        res = ingest(db, art)
    assert res.exit_code == 0 and "1 unchanged" in res.stderr and db.read_bytes() == before
    assert "parsing stopped" not in res.stderr
    art.write_text('Nadia Benali said "we have acted."\n', encoding="utf-8")
    res = ingest(db, art)
    assert res.exit_code == 0 and "1 replaced" in res.stderr
    assert [q["quote"] for q in stored(db)["quotes"].values()] == ["we have acted."]


def test_bad_inputs_are_named_and_the_good_ones_ingested(tmp_path):
    db = tmp_path / "index.json"
    good = tmp_path / "good.txt"
    good.write_text('Nadia Benali said "we will act now."\n', encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))   # read as windows-1252 now
    (tmp_path / "feed.jsonl").write_text('{"text": "Tom Hughes said \\"no.\\""}\nnot json\n', encoding="utf-8")
    (tmp_path / "nodir").mkdir()
    res = ingest(db, good, tmp_path / "empty.txt", tmp_path / "bin.txt", tmp_path / "latin.txt",
                 tmp_path / "feed.jsonl", tmp_path / "missing.txt", tmp_path / "nodir")
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("quotes: error:")]
    assert len(errors) == 5
    for needle in ("empty.txt: empty file", "bin.txt: binary file",
                   "feed.jsonl:2: line is not valid JSON", "missing.txt: no such file", "nodir: no supported files"):
        assert any(needle in e for e in errors), needle
    assert "3 documents (3 added" in res.stderr and "5 skipped" in res.stderr
    assert len(stored(db)["documents"]) == 3


def test_nothing_ingested_is_a_failure(tmp_path):
    res = ingest(tmp_path / "index.json", tmp_path / "missing.txt")
    assert res.exit_code == 1 and not (tmp_path / "index.json").exists()


def test_metadata_overrides_need_one_file(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (a, b):
        p.write_text('Nadia Benali said "yes."\n', encoding="utf-8")
    res = ingest(tmp_path / "i.json", a, b, "--title", "T")
    assert res.exit_code == 2 and "one" in res.output


@pytest.mark.parametrize("content", [b"{broken", b'{"_default": {}}'])
def test_an_index_that_is_not_ours_is_left_alone(tmp_path, content):
    db, art = tmp_path / "index.json", tmp_path / "a.txt"
    db.write_bytes(content)
    art.write_text('Nadia Benali said "yes."\n', encoding="utf-8")
    res = ingest(db, art)
    assert res.exit_code == 4 and str(db) in res.stderr and "\n" not in res.stderr.strip()
    assert db.read_bytes() == content


@pytest.mark.slow
def test_subprocess_ingest_of_jsonl_and_html(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": f'Nadia Benali said "we will build bridge {i}."', "url": f"https://x.org/{i}",
                                          "outlet": "Town Daily", "date": f"2025-01-0{i}"}) for i in range(1, 4)) + "\n",
                    encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Vote</title></head><body><article><p>\"We will vote tomorrow,\" said "
                    "Tom Hughes, the council leader, after a long meeting in the town hall.</p></article></body></html>",
                    encoding="utf-8")
    db = tmp_path / "index.json"
    p = subprocess.run([QUOTES, "ingest", str(feed), str(page), "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert "4 documents (4 added" in p.stderr
    data = stored(db)
    assert {d["path"] for d in data["documents"].values()} == {"https://x.org/1", "https://x.org/2", "https://x.org/3", str(page)}
    assert {s["name"] for s in data["speakers"].values()} >= {"Nadia Benali", "Tom Hughes"}
    [nadia] = [s for s in data["speakers"].values() if s["name"] == "Nadia Benali"]
    assert nadia["quotes"] == 3                       # one speaker across three documents


def test_dask_results_are_stored_as_they_come_and_failed_chunks_named(tmp_path, monkeypatch):
    """The --dask path without a cluster: a stand-in yields two results out of order, then reports a failed chunk."""
    import quotes.parallel
    from quotes.parallel import DaskExtractionError
    from quotes.records import DocResult

    files = []
    for i in range(3):
        f = tmp_path / f"a{i}.txt"
        f.write_text(f'Nadia Benali said "number {i}."\n', encoding="utf-8")
        files.append(f)
    calls = {}

    def fake(documents, address, *, model=None, batch_size=16):
        calls["address"] = address
        docs = list(documents)
        yield DocResult(docs[1])
        yield DocResult(docs[0])
        raise DaskExtractionError([docs[2].path], RuntimeError("worker died"))

    monkeypatch.setattr(quotes.parallel, "extract_on_dask", fake)
    db = tmp_path / "index.json"
    res = ingest(db, *files, "--dask", "tcp://scheduler:8786")
    assert calls["address"] == "tcp://scheduler:8786"
    assert res.exit_code == 1 and f"{files[2]}: failed on the Dask cluster" in res.stderr
    assert sorted(d["path"] for d in stored(db)["documents"].values()) == [str(files[0]), str(files[1])]


def test_storage_option_picks_sqlite_json_or_converts(tmp_path):
    """--storage sqlite makes a SQLite index whatever the name (and converts a JSON one first, keeping it
    as PATH.json.bak); --storage json refuses a SQLite index; auto keeps what is there."""
    from quotes.index.core import Index
    from quotes.index.sqlstore import is_sqlite

    art, other = tmp_path / "a.txt", tmp_path / "b.txt"
    art.write_text('Nadia Benali said "we will act now."\n', encoding="utf-8")
    other.write_text('Tom Hughes said "prices must fall."\n', encoding="utf-8")
    res = ingest(tmp_path / "archive.idx", art, "--storage", "sqlite")
    assert res.exit_code == 0, res.output
    assert is_sqlite(tmp_path / "archive.idx")
    assert [s["name"] for s in Index(tmp_path / "archive.idx", readonly=True).list_speakers()] == ["Nadia Benali"]

    db = tmp_path / "index.json"
    assert ingest(db, art, "--storage", "json").exit_code == 0 and not is_sqlite(db)
    assert ingest(db, other).exit_code == 0 and not is_sqlite(db)                    # auto: stays what it is
    res = ingest(db, art, other, "--storage", "sqlite")
    assert res.exit_code == 0, res.output
    assert is_sqlite(db) and "converted to SQLite" in res.stderr
    assert orjson.loads((tmp_path / "index.json.json.bak").read_bytes())["quotes"]     # the JSON, kept
    assert len(Index(db, readonly=True).list_quotes()) == 2

    res = ingest(db, art, "--storage", "json")
    assert res.exit_code == 4 and "SQLite index" in res.stderr
    res = ingest(db, art, "--storage", "xml")
    assert res.exit_code == 2 and "--storage" in res.output
