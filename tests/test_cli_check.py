"""`quotes check` and `quotes verify` through typer's CliRunner and through real subprocesses."""
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
from quotes.cli.common import EXIT_VERDICT

from seed_index import DARMANIN, DRAFT, OUAHBI, SEED, build

QUOTES = str(Path(sys.executable).with_name("quotes"))
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("check") / "index.json")


def check(db, *args):
    res = runner.invoke(app, ["check", *args, "--db", str(db), "--format", "json"])
    return res.exit_code, json.loads(res.stdout) if res.stdout.strip() else None


def test_verbatim_exits_0(db):
    code, out = check(db, "We have reached an agreement on all pending issues.", "--speaker", "Ouahbi")
    assert (code, out["verdict"], out["said_by"]) == (0, "verbatim", OUAHBI)
    assert SEED.read_text(encoding="utf-8")[out["start"]:out["end"]] == out["source"]


def test_partial_citation_with_curly_marks_is_verbatim(db):
    code, out = check(db, "“the cooperation is excellent”", "--speaker", "Gérald Darmanin")
    assert (code, out["verdict"]) == (0, "verbatim")


def test_altered_shows_source_words_and_difference(db):
    code, out = check(db, "The more we talk, the more we are able to prevent tragedies", "-s", "Darmanin")
    assert (code, out["verdict"]) == (10, "altered")
    assert out["source"].startswith("The more we dialogue")
    assert out["changes"] == [{"op": "changed", "draft": "talk", "source": "dialogue"}]


def test_misattributed_names_who_said_it(db):
    code, out = check(db, "The cooperation is excellent", "--speaker", "Ouahbi")
    assert (code, out["verdict"], out["said_by"]) == (11, "misattributed", DARMANIN)


def test_not_found(db):
    code, out = check(db, "Morocco will pay for three new prisons in France next year", "--speaker", "Darmanin")
    assert (code, out["verdict"]) == (12, "not-found")


def test_report_for_people(db):
    res = runner.invoke(app, ["check", "The more we talk, the more we are able to prevent tragedies",
                              "--db", str(db), "--format", "table"])
    assert res.exit_code == 10
    assert "altered" in res.stdout and "'dialogue' -> 'talk'" in res.stdout and "characters" in res.stdout


def test_quote_from_stdin(db):
    res = runner.invoke(app, ["check", "-", "--speaker", "Ouahbi", "--db", str(db), "--format", "jsonl"],
                        input="“We have reached an agreement\non all pending issues.”\n")
    assert res.exit_code == 0 and json.loads(res.stdout)["verdict"] == "verbatim"


def test_verify_table_for_people(db):
    res = runner.invoke(app, ["verify", str(DRAFT), "--db", str(db), "--format", "table"])
    assert res.exit_code == 12
    assert "4 quotations: 1 verbatim, 1 altered, 1 misattributed, 1 not-found" in " ".join(res.stdout.split())
    assert "{+the outstanding+}" in res.stdout


def test_missing_index_is_an_error_not_an_empty_index(tmp_path):
    res = runner.invoke(app, ["check", "anything", "--db", str(tmp_path / "none.json")])
    assert res.exit_code == 1
    assert "no index" in res.stderr and not (tmp_path / "none.json").exists()


def test_verify_names_the_three_bad_quotes(db):
    res = runner.invoke(app, ["verify", str(DRAFT), "--db", str(db), "--format", "json"])
    rows = json.loads(res.stdout)
    verdicts = {r["quote"].rstrip(","): r["verdict"] for r in rows}
    assert verdicts == {
        "The cooperation is excellent": "verbatim",
        "We have reached an agreement on all the outstanding issues": "altered",
        "The more we dialogue, the more we are able to prevent tragedies": "misattributed",
        "Morocco will pay for three new prisons in France next year": "not-found",
    }
    assert res.exit_code == 12
    mis = next(r for r in rows if r["verdict"] == "misattributed")
    assert mis["speaker"] == "Ouahbi" and mis["said_by"] == DARMANIN


def test_verify_clean_draft_exits_0(db, tmp_path):
    draft = tmp_path / "clean.md"
    draft.write_text('"We have reached an agreement on all pending issues," Ouahbi said.\n', encoding="utf-8")
    res = runner.invoke(app, ["verify", str(draft), "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0, res.stdout + res.stderr
    assert [json.loads(l)["verdict"] for l in res.stdout.splitlines()] == ["verbatim"]


def env():
    return {**os.environ, "NO_COLOR": "1"}


@pytest.mark.slow
def test_check_subprocess_exit_codes_and_no_spacy(db):
    for quote, speaker, code, verdict in [
            ("The cooperation is excellent", "Darmanin", 0, "verbatim"),
            ("The more we talk, the more we are able to prevent tragedies", "Darmanin", 10, "altered"),
            ("The cooperation is excellent", "Ouahbi", 11, "misattributed"),
            ("Morocco will pay for three new prisons in France next year", "Darmanin", 12, "not-found")]:
        p = subprocess.run([QUOTES, "check", quote, "--speaker", speaker, "--db", str(db), "--format", "json"],
                           capture_output=True, text=True, env=env(), timeout=120)
        assert p.returncode == code, p.stderr
        out = json.loads(p.stdout)
        assert out["verdict"] == verdict and out["said_by"] == (None if code == 12 else DARMANIN)
    p = subprocess.run([sys.executable, "-c", "import sys; from quotes.cli import main; sys.argv = sys.argv[1:];\n"
                        "try:\n    main()\nexcept SystemExit as e:\n    print('exit', e.code, 'spacy' in sys.modules)",
                        "quotes", "check", "The cooperation is excellent", "--db", str(db), "--format", "jsonl"],
                       capture_output=True, text=True, env=env(), timeout=120)
    assert p.stdout.strip().splitlines()[-1] == "exit 0 False", p.stderr


@pytest.mark.slow
def test_verify_subprocess(db):
    p = subprocess.run([QUOTES, "verify", str(DRAFT), "--db", str(db), "--format", "csv"],
                       capture_output=True, text=True, env=env(), timeout=300)
    assert p.returncode == 12, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].startswith("draft_start,draft_end,verdict,quote,speaker,said_by")
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    assert sorted(r["verdict"] for r in rows) == ["altered", "misattributed", "not-found", "verbatim"]
    text = DRAFT.read_text(encoding="utf-8")
    assert all(text[int(r["draft_start"]):int(r["draft_end"])] == r["quote"] for r in rows)


@pytest.fixture(scope="module")
def pipeline_db(tmp_path_factory, seed_result):
    """An index of what the project's own pipeline finds in the seed article."""
    from quotes.index.core import Index

    db = tmp_path_factory.mktemp("pipeline") / "index.json"
    Index(str(db)).ingest([seed_result])
    return db


@pytest.mark.parametrize("quote, speaker, verdict", [
    ("We have reached an agreement on all pending issues,", "Ouahbi", "verbatim"),
    ("The cooperation is excellent,", "Darmanin", "verbatim"),
    ("The cooperation is excellent,", "Ouahbi", "misattributed"),
    ("We have reached an agreement on every pending issue", "Ouahbi", "altered"),
])
def test_seed_facts_on_the_pipeline_index(pipeline_db, quote, speaker, verdict):
    code, out = check(pipeline_db, quote, "--speaker", speaker)
    assert out["verdict"] == verdict, out
    assert code == {"verbatim": 0, "altered": 10, "misattributed": 11}[verdict]


def test_verify_draft_on_the_pipeline_index(pipeline_db):
    res = runner.invoke(app, ["verify", str(DRAFT), "--db", str(pipeline_db), "--format", "jsonl"])
    verdicts = sorted(json.loads(l)["verdict"] for l in res.stdout.splitlines())
    # the index has the third quotation from Darmanin through a "he" it is not sure of (confidence
    # below 0.9): the draft's "Ouahbi said" is flagged "unsure", not called a misattribution
    assert verdicts == ["altered", "not-found", "unsure", "verbatim"]
    assert res.exit_code == 14


@pytest.mark.slow
def test_ingest_then_check_in_subprocesses(tmp_path):
    db = str(tmp_path / "index.json")
    p = subprocess.run([QUOTES, "ingest", str(SEED), "--db", db], capture_output=True, text=True, env=env(), timeout=300)
    assert p.returncode == 0, p.stderr
    p = subprocess.run([QUOTES, "check", "'We have reached an agreement on all pending issues.'", "--speaker",
                        "Abdellatif Ouahbi", "--db", db, "--format", "table"], capture_output=True, text=True,
                       env=env(), timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.startswith("verbatim") and OUAHBI in p.stdout


def test_report_never_prints_terminal_escapes():
    from quotes.cli.check import describe
    from quotes.check.verdict import check as check_quote

    row = {"id": 1, "quote": "we will act \x1b]0;pwned\x07 now \x1b[2J today", "speaker": "Nadia Benali", "start": 0}
    verdict = check_quote(row["quote"], [row], "Nadia Benali")
    assert verdict.verdict == "verbatim" and "\x1b" in verdict.source
    text = describe(verdict)
    assert "today" in text and "\x1b" not in text and "\x07" not in text
