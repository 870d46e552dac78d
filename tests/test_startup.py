"""Commands that need no parse never import spaCy, so they start at once.

Each check runs in a fresh interpreter (the test process itself has spaCy
loaded) and reads ``sys.modules`` there: what is imported, not how long it took.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: Modules that cost seconds to import and that only parsing needs.
HEAVY = ("spacy", "thinc", "textacy")

PROBE = """
import json, sys
args, watched = json.loads(sys.argv[1]), set(json.loads(sys.argv[2]))
sys.argv = ["quotes", *args]
from quotes.cli import main
code = 0
try:
    main()
except SystemExit as e:
    code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
heavy = sorted({m.split(".")[0] for m in sys.modules} & watched)
sys.__stdout__.write("\\n" + json.dumps({"code": code, "heavy": heavy}) + "\\n")
"""


def run_quotes(*args: str, stdin: str = "") -> dict:
    """Run ``quotes ARGS`` in a new interpreter: its exit code and the heavy modules it imported."""
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(args)), json.dumps(HEAVY)],
                          input=stdin, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["stderr"] = proc.stderr
    return out


def test_importing_the_cli_does_not_import_spacy():
    code = f"import sys, quotes, quotes.cli; print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_the_probe_sees_spacy_when_it_is_imported():
    """The check above can fail: a command that parses does import spaCy."""
    out = run_quotes("extract", "-", "--format", "jsonl", stdin='Nadia Benali said "we will act."\n')
    assert out["code"] == 0, out["stderr"]
    assert "spacy" in out["heavy"]


def test_quotes_help_does_not_import_spacy():
    out = run_quotes("--help")
    assert out["code"] == 0
    assert out["heavy"] == []


@pytest.mark.parametrize("command", ["extract", "ingest", "list", "speakers", "export", "check"])
def test_command_help_does_not_import_spacy(command):
    out = run_quotes(command, "--help")
    assert out["code"] == 0, out["stderr"]
    assert out["heavy"] == []


@pytest.mark.parametrize("command", ["list", "speakers"])
def test_listing_a_small_index_does_not_import_spacy(command, tmp_path):
    from quotes.index import core as index
    from quotes.records import Document, DocResult, Entity, Quote

    db = tmp_path / "index.json"
    text = 'Nadia Benali said "we will act".'
    doc = Document(path="a.txt", text=text)
    quote = Quote(doc="a.txt", start=19, end=30, quote="we will act", speaker="Nadia Benali", speaker_type="person")
    index.Index(str(db)).ingest([DocResult(document=doc, quotes=[quote], speakers=[Entity("Nadia Benali", "person")])])
    out = run_quotes(command, "--db", str(db), "--format", "jsonl")
    assert out["code"] == 0, out["stderr"]
    assert out["heavy"] == []
