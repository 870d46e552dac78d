"""Never losing data (issue 7): concurrent writers, writers killed mid-run, hostile input.

* Eight real ``quotes ingest`` processes on one index at once, each with its
  own articles: every document and quotation is there afterwards.
* SIGKILL at random moments, sixty times: a writer process storing generated
  results one small batch at a time (so the kill lands in the write phase, not
  in the two-second spaCy load), killed after a random delay; then a few real
  ``quotes ingest`` runs killed while they parse and write. After every kill
  the index loads and every document has all its quotations.
* Hypothesis throws random bytes and text at load, extract and ingest: no traceback.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotes.cli import app
from quotes.index.core import Index

QUOTES = str(Path(sys.executable).with_name("quotes"))
NAMES = ["Nadia Benali", "Tom Hughes", "Ana Ruiz", "Omar Haddad", "Marie Dupont", "John Smith", "Li Wei", "Aiko Tanaka"]

WRITER = textwrap.dedent("""
    import sys
    from quotes.index.core import Index
    from quotes.records import Document, DocResult, Entity, Quote
    path, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    def result(i):
        text, quotes = "", []
        for j in range(5):
            words = f"{tag} statement {i} part {j}"
            start = len(text) + len("Nadia Benali said \\"")
            text += f'Nadia Benali said "{words}".\\n'
            quotes.append(Quote(doc=f"{tag}-{i}.txt", start=start, end=start + len(words), quote=words,
                                speaker="Nadia Benali", speaker_type="person"))
        return DocResult(Document(path=f"{tag}-{i}.txt", text=text), quotes, [Entity("Nadia Benali", "person")])
    index = Index(path, flush_seconds=0, lock_timeout=600)
    print("ready", flush=True)
    def results():
        for i in range(n):
            print(i, flush=True)      # the index asks for document i: those before it are being written
            yield result(i)
    index.ingest(results())
""")


def whole(path: Path) -> dict:
    """Load the index as any reader would, and check no document lacks a quotation it claims."""
    index = Index(path, readonly=True)             # raises if the file is damaged or not ours
    data = index.storage.read() if path.exists() else {}
    quotes = data.get("quotes", {})
    for doc in data.get("documents", {}).values():
        assert all(q in quotes for q in doc["quote_ids"]), doc["path"]
    assert all(q["doc"] in data["documents"] for q in quotes.values())
    assert index.stats()["quotes"] == len(quotes)
    return data


def article(tag: str, i: int) -> str:
    who = NAMES[(i + len(tag)) % len(NAMES)]
    return (f"{who} spoke in the town of {tag.title()}ville on Monday.\n\n"
            f"\"We will build the {tag} bridge number {i} before the winter,\" {who} said.\n\n"
            f"The council agreed. \"It is about time,\" said {NAMES[(i + 3) % len(NAMES)]}.\n")


#: Each safety test runs against both storages (the index's name picks it).
STORAGES = ["index.json", "index.sqlite"]


@pytest.mark.slow
@pytest.mark.parametrize("name", STORAGES)
def test_eight_ingest_processes_on_one_index_all_land(tmp_path, name):
    db = tmp_path / name
    folders = []
    for p in range(8):
        folder = tmp_path / f"batch{p}"
        folder.mkdir()
        for i in range(3):
            (folder / f"a{i}.txt").write_text(article(f"p{p}", i), encoding="utf-8")
        folders.append(folder)
    env = {**os.environ, "QUOTES_DB": str(db)}
    procs = [subprocess.Popen([QUOTES, "ingest", str(f)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for f in folders]
    outs = [p.communicate(timeout=540) for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, [o[1] for o in outs]
    data = whole(db)
    paths = {p for d in data["documents"].values() for p in d["paths"]}
    assert paths == {str(f / f"a{i}.txt") for f in folders for i in range(3)}
    # every quotation each process reported is in the index
    stored = sum(int(o[1].split(" quotes stored")[0].rsplit(" ", 1)[-1]) for o in outs)
    assert stored == len(data["quotes"]) >= 8 * 3 * 2
    assert all(f"p{p} bridge" in " ".join(q["quote"] for q in data["quotes"].values()) for p in range(8))


@pytest.mark.parametrize("name", STORAGES)
def test_concurrent_writers_interleave_small_batches_without_loss(tmp_path, name):
    """Without spaCy, many more batches: eight writers, forty documents each, one write per document."""
    db = tmp_path / name
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), f"w{p}", "40"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for p in range(8)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    data = whole(db)
    assert len(data["documents"]) == 320 and len(data["quotes"]) == 1600
    [speaker] = data["speakers"].values()
    assert speaker["quotes"] == 1600                 # one Nadia Benali, counted across all writers


@pytest.mark.slow
@pytest.mark.parametrize("name", STORAGES)
def test_sigkill_during_writes_never_leaves_a_partial_index(tmp_path, name):
    rng = random.Random(7)
    db = tmp_path / name
    killed_with_data = 0
    before = 0
    for run in range(60):
        # far more documents than it can write before the kill, so every kill lands mid-run
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), f"k{run}", "1000000"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"       # imports done: the writes begin now
        for _ in range(rng.randint(2, 40)):                    # wait until a random document is asked for
            proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.02))                     # then a random moment inside its write
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        data = whole(db)
        grown = len(data.get("documents", {}))
        killed_with_data += grown > before                     # it had written something of its own
        before = grown
        for doc in data.get("documents", {}).values():
            assert len(doc["quote_ids"]) == 5                  # whole documents only
    assert killed_with_data == 60                              # every kill landed after writes of its own
    assert len(data["documents"]) > 0
    # the next writer cleans up temporary files the dead ones left
    Index(db).ingest([])
    with Index(db).storage.transaction():
        pass
    assert not list(tmp_path.glob(f".{name}.*.tmp"))


@pytest.mark.slow
@pytest.mark.parametrize("name", STORAGES)
def test_sigkill_of_real_ingest_runs_keeps_whole_documents_and_a_rerun_finishes(tmp_path, name):
    rng = random.Random(11)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(30):
        (corpus / f"a{i:02d}.txt").write_text(article("kill", i), encoding="utf-8")
    db = tmp_path / name
    for _ in range(4):
        proc = subprocess.Popen([QUOTES, "ingest", str(corpus), "--db", str(db)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        time.sleep(rng.uniform(2.0, 6.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        whole(db) if db.exists() else None
    done = subprocess.run([QUOTES, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    data = whole(db)
    assert len(data["documents"]) == 30


runner = CliRunner()


@pytest.fixture(scope="module")
def loaded(nlp):
    """The pipeline loaded in this process, so CliRunner ingests do not reload it."""
    return nlp


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8")),
                      st.lists(st.sampled_from(['"', "“", "”", "«", "»", "'", "\n", " ", "He said", "x", ":", "—"]),
                               max_size=80).map(lambda parts: "".join(parts).encode("utf-8"))),
       suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_random_input_never_raises_a_traceback(loaded, tmp_path_factory, data, suffix):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    res = runner.invoke(app, ["ingest", str(path), "--db", str(folder / "index.json")])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert res.exit_code in (0, 1), res.output
    if (folder / "index.json").exists():
        whole(folder / "index.json")
    res = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert res.exit_code in (0, 1)
