"""Curation: merge, rename, reassign, through the API and the CLI, and that each holds after re-ingest."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.index.core import AmbiguousSpeaker, Index, QuoteNotFound, SpeakerNotFound
from seed_index import said_article

runner = CliRunner()


article = said_article


@pytest.fixture(params=["index.json", "index.sqlite"])
def index(tmp_path, request):
    ix = Index(tmp_path / request.param)
    ix.ingest([article("a.txt", [("We act", "Gérald Darmanin"), ("We wait", "Abdellatif Ouahbi")]),
               article("b.txt", [("Prisons must change", "Gerry Darmanin"), ("No comment", "Tom Hughes")])])
    return ix


def names(ix: Index) -> dict[str, int]:
    return {s["name"]: s["quotes"] for s in ix.list_speakers()}


def test_merge_moves_quotes_and_names_and_holds_for_new_articles(index):
    assert names(index)["Gerry Darmanin"] == 1
    merged = index.merge_speakers("Gérald Darmanin", "Gerry Darmanin")
    assert merged["quotes"] == 2 and "Gerry Darmanin" in merged["aliases"] and merged["curated"]
    assert "Gerry Darmanin" not in names(index)
    index.ingest([article("c.txt", [("Later words", "Gerry Darmanin")])])      # the merged name turns up again
    assert names(index)["Gérald Darmanin"] == 3 and "Gerry Darmanin" not in names(index)
    assert len(index.list_quotes(speaker="gerry darmanin")) == 3


def test_rename_keeps_the_old_name_as_alias_and_is_not_undone(index):
    row = index.rename_speaker("Tom Hughes", "Thomas Hughes")
    assert row["name"] == "Thomas Hughes" and "Tom Hughes" in row["aliases"]
    index.ingest([article("d.txt", [("Again", "Tom Hughes")])])
    assert names(index)["Thomas Hughes"] == 2 and "Tom Hughes" not in names(index)


def test_reassign_is_reapplied_when_the_article_changes(index):
    [q] = [r for r in index.list_quotes() if r["quote"] == "We wait"]
    row = index.reassign_quote(q["id"], "gerald darmanin")
    assert row["speaker"] == "Gérald Darmanin"
    assert "Abdellatif Ouahbi" not in names(index)            # left with no quotation, and never curated
    # the article is edited (new text, same path) and ingested again: the correction still holds
    edited = article("a.txt", [("We act", "Gérald Darmanin"), ("We wait", "Abdellatif Ouahbi")], tail="Update: typo fixed.\n")
    assert index.ingest([edited]).replaced == 1
    [again] = [r for r in index.list_quotes() if r["quote"] == "We wait"]
    assert again["id"] != q["id"] and again["speaker"] == "Gérald Darmanin"


def test_reassign_to_nobody_and_to_a_new_speaker(index):
    [q] = [r for r in index.list_quotes() if r["quote"] == "No comment"]
    assert index.reassign_quote(q["id"], None)["speaker"] is None
    with pytest.raises(SpeakerNotFound):
        index.reassign_quote(q["id"], "Jean Nouveau")
    assert index.reassign_quote(q["id"], "Jean Nouveau", create=True)["speaker"] == "Jean Nouveau"
    with pytest.raises(QuoteNotFound):
        index.reassign_quote("nope-1", "Jean Nouveau")


def test_merge_follows_earlier_reassignments(index):
    [q] = [r for r in index.list_quotes() if r["quote"] == "No comment"]
    index.reassign_quote(q["id"], "Gerry Darmanin")
    index.merge_speakers("Gérald Darmanin", "Gerry Darmanin")
    index.ingest([article("b.txt", [("Prisons must change", "Gerry Darmanin"), ("No comment", "Tom Hughes")], tail="x\n")])
    [again] = [r for r in index.list_quotes() if r["quote"] == "No comment"]
    assert again["speaker"] == "Gérald Darmanin"


def test_ambiguous_and_unknown_names_are_refused(index):
    index.ingest([article("e.txt", [("Hello", "Marie Darmanin")])])
    with pytest.raises(AmbiguousSpeaker) as e:
        index.rename_speaker("darmanin", "X")
    assert "#" in str(e.value)
    with pytest.raises(SpeakerNotFound):
        index.merge_speakers("Nobody", "Tom Hughes")
    with pytest.raises(ValueError):
        index.merge_speakers("Tom Hughes", "tom hughes")


def test_cli_curation_commands(index):
    db = str(index.path)
    res = runner.invoke(app, ["speakers", "merge", "Gérald Darmanin", "Gerry Darmanin", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)[0]["quotes"] == 2 and "merged" in res.stderr
    sid = json.loads(res.stdout)[0]["id"]
    res = runner.invoke(app, ["speakers", "rename", f"#{sid}", "Gérald M. Darmanin", "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0 and json.loads(res.stdout)["name"] == "Gérald M. Darmanin"
    [q] = [r for r in Index(db).list_quotes() if r["quote"] == "No comment"]
    res = runner.invoke(app, ["quote", "reassign", q["id"], str(sid), "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0 and json.loads(res.stdout)["speaker"] == "Gérald M. Darmanin"
    res = runner.invoke(app, ["quote", "reassign", q["id"], "--nobody", "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0 and json.loads(res.stdout)["speaker"] is None
    res = runner.invoke(app, ["speakers", "merge", "Nobody", "Tom Hughes", "--db", db])
    assert res.exit_code == 1 and "no speaker answers" in res.stderr
    res = runner.invoke(app, ["quote", "reassign", q["id"], "--db", db])
    assert res.exit_code == 2
    res = runner.invoke(app, ["speakers", "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0 and any(json.loads(l)["name"] == "Gérald M. Darmanin" for l in res.stdout.splitlines())
