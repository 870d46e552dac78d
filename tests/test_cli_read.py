"""`quotes list`, `quotes speakers`, `quotes show` through CliRunner and a subprocess: filters, formats, errors."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.records import Document, DocResult, Entity, Quote

from seed_index import DARMANIN, OUAHBI, SEED, build, seed_result

QUOTES = str(Path(sys.executable).with_name("quotes"))
runner = CliRunner()


def second_article() -> DocResult:
    """A later article where Darmanin is named by surname only."""
    text = 'Darmanin said "prisons must change" at a press conference in Paris.\n'
    start = text.index("prisons")
    q = Quote(doc="second.txt", start=start, end=start + len("prisons must change"), quote="prisons must change",
              speaker="Darmanin", speaker_type="person", venue="a press conference")
    return DocResult(Document(path="second.txt", text=text, date="2025-05-02", title="Prisons"), [q],
                     [Entity("Darmanin", "person")])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("read") / "index.json", seed_result(), second_article())


def run(db, *args):
    return runner.invoke(app, [*args, "--db", str(db)])


def jsonl(res) -> list[dict]:
    assert res.exit_code == 0, res.stderr
    return [json.loads(line) for line in res.stdout.splitlines()]


@pytest.mark.parametrize("name", ["darmanin", "Gerald Darmanin", "GÉRALD DARMANIN", "French Minister of Justice"])
def test_list_by_any_name_of_the_speaker(db, name):
    rows = jsonl(run(db, "list", "--speaker", name, "--format", "jsonl"))
    assert {r["speaker"] for r in rows} == {DARMANIN}
    assert len(rows) == 7 and "prisons must change" in {r["quote"] for r in rows}   # across both articles


def test_list_filters(db):
    q = lambda *a: sorted(r["quote"] for r in jsonl(run(db, "list", "--format", "jsonl", *a)))  # noqa: E731
    assert q("--doc", "second.txt") == ["prisons must change"]
    assert q("--since", "2025-05") == ["prisons must change"] == q("--venue", "a PRESS conference", "--speaker", "darmanin")
    assert len(q("--until", "2025-04-30")) == len(seed_result().quotes)
    assert q("--search", "AGREEMENT pending") == ["We have reached an agreement on all pending issues,"]
    assert q("--speaker", "ouahbi", "--search", "cooperation") == []


def test_unknown_speaker_and_bad_date_are_errors(db):
    res = run(db, "list", "--speaker", "Nobody Atall")
    assert res.exit_code == 1 and "no speaker" in res.stderr
    res = run(db, "list", "--since", "last week")
    assert res.exit_code == 2 and "YYYY" in res.output


@pytest.mark.parametrize("fmt", ["json", "csv", "table", "md"])
def test_every_listing_format(db, fmt):
    res = run(db, "list", "--speaker", "ouahbi", "--format", fmt)
    assert res.exit_code == 0, res.stderr
    out = res.stdout
    if fmt == "json":
        [row] = json.loads(out)
        assert row["speaker"] == OUAHBI and row["doc_path"] == str(SEED)
    elif fmt == "csv":
        [row] = list(csv.DictReader(io.StringIO(out)))
        assert row["speaker"] == OUAHBI and row["quote"].startswith("We have reached")
    elif fmt == "table":
        assert OUAHBI in out and "1 quotation" in out and "\x1b[" not in out     # not a terminal: no colour
    else:
        assert f"## {OUAHBI}" in out and "> We have reached" in out


def test_speakers_listing(db):
    rows = jsonl(run(db, "speakers", "--format", "jsonl"))
    assert [r["name"] for r in rows][:2] == [DARMANIN, OUAHBI] or rows[0]["name"] == DARMANIN
    darmanin = rows[0]
    assert darmanin["quotes"] == 7 and "Darmanin" in darmanin["aliases"]
    assert darmanin["roles"] == ["French Minister of Justice"]
    only = jsonl(run(db, "speakers", "--name", "ouahbi", "--format", "jsonl"))
    assert [r["name"] for r in only] == [OUAHBI]
    table = run(db, "speakers", "--format", "table")
    assert table.exit_code == 0 and DARMANIN in table.stdout and "3 speakers" in table.stdout


def test_show_puts_the_quote_in_its_paragraph_with_its_source(db):
    [row] = jsonl(run(db, "list", "--speaker", "ouahbi", "--format", "jsonl"))
    res = run(db, "show", row["id"], "--format", "table")
    assert res.exit_code == 0, res.stderr
    out = res.stdout
    assert "'**We have reached an agreement on all pending issues,**' Ouahbi stated" in out  # as written, highlighted
    assert "said by: Abdellatif Ouahbi" in out and "paragraph:" in out and str(SEED) in out
    [shown] = jsonl(run(db, "show", row["id"], "--format", "jsonl"))
    text = SEED.read_bytes().decode("utf-8")
    assert shown["paragraph_from"] == "source" and shown["paragraph"] in text
    assert text[shown["paragraph_start"]:].startswith(shown["paragraph"])


def test_show_falls_back_to_the_sentence_when_the_source_is_gone(db):
    [row] = jsonl(run(db, "list", "--doc", "second.txt", "--format", "jsonl"))
    [shown] = jsonl(run(db, "show", row["id"], "--format", "jsonl"))
    assert shown["paragraph_from"] == "sentence" and shown["paragraph"] == "prisons must change"


def test_show_unknown_id_and_missing_index(db, tmp_path):
    res = run(db, "show", "nope-1")
    assert res.exit_code == 1 and "no quotation" in res.stderr
    res = run(tmp_path / "none.json", "list")
    assert res.exit_code == 1 and "no index" in res.stderr and not (tmp_path / "none.json").exists()


def test_a_broken_index_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    res = run(bad, "speakers")
    assert res.exit_code == 4 and "not valid JSON" in res.stderr and str(bad) in res.stderr


@pytest.mark.slow
def test_subprocess_list_piped_is_plain_jsonl_and_no_color_table(db):
    env = {**os.environ, "QUOTES_DB": str(db)}
    p = subprocess.run([QUOTES, "list", "--speaker", "darmanin"], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]        # piped: jsonl by default
    assert len(rows) == 7
    p = subprocess.run([QUOTES, "speakers", "--format", "table"], capture_output=True, text=True,
                       env={**env, "NO_COLOR": "1"}, timeout=120)
    assert p.returncode == 0 and DARMANIN in p.stdout and "\x1b[" not in p.stdout
