"""confidence end to end: on every attributed record, stored, filtered, and heeded by the check."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from quotes.check.verdict import Checker
from quotes.cli import app
from quotes.pipeline import analyse
from quotes.records import SURE, Document

TEXT = ("Maria Lopez opened the shelter in 2010. \u201cWe need more beds,\u201d Lopez said.\n\n"
        "A volunteer who asked not to be named shrugged. \u201cIt has always been like this,\u201d he said.\n")


def test_every_attributed_record_has_a_confidence_and_a_reason(nlp):
    quotes = analyse(nlp(TEXT), Document(path="t.txt", text=TEXT)).quotes
    named, pronoun = [q for q in quotes if q.kind == "direct"]
    assert named.speaker == "Maria Lopez" and named.rule == "syntax" and named.resolution == "name"
    assert pronoun.resolution == "pronoun"
    assert 0 < pronoun.confidence < named.confidence <= 1
    assert named.confidence >= SURE


def test_list_filters_by_confidence_and_lists_the_review_queue(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "i.json")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    rows = [json.loads(x) for x in runner.invoke(app, ["list", "--db", db, "--format", "jsonl"]).stdout.splitlines()]
    quoted = [r for r in rows if r["kind"] in ("direct", "partial")]
    assert len(quoted) == 2 and all(r["confidence"] is not None for r in quoted)
    sure = runner.invoke(app, ["list", "--db", db, "--format", "jsonl", "--kind", "quotes", "--min-confidence", "0.9"])
    unsure = runner.invoke(app, ["list", "--db", db, "--format", "jsonl", "--kind", "quotes", "--unsure"])
    sure_q = {json.loads(x)["quote"] for x in sure.stdout.splitlines()}
    unsure_q = {json.loads(x)["quote"] for x in unsure.stdout.splitlines()}
    assert sure_q == {r["quote"] for r in quoted if r["confidence"] >= 0.9}
    assert unsure_q == {r["quote"] for r in quoted} - sure_q and unsure_q


def test_the_check_says_unsure_rather_than_misattributed():
    rows = [{"id": 1, "quote": "It has always been like this,", "speaker": "Maria Lopez", "speaker_id": 1,
             "start": 0, "end": 29, "confidence": 0.62},
            {"id": 2, "quote": "We need more beds,", "speaker": "Maria Lopez", "speaker_id": 1,
             "start": 40, "end": 58, "confidence": 0.97}]
    speakers = [{"id": 1, "name": "Maria Lopez", "aliases": [], "roles": []},
                {"id": 2, "name": "Tom Reyes", "aliases": [], "roles": []}]
    checker = Checker(rows, speakers)
    assert checker.check("It has always been like this", "Tom Reyes", [2]).verdict == "unsure"
    assert checker.check("We need more beds", "Tom Reyes", [2]).verdict == "misattributed"
