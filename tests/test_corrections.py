"""Issue 19, corrections: reassign logs the speaker it replaced, `quotes undo`, `speakers split`, and a
"not a quote" mark; each survives re-ingest (or is forgotten by undo)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.index.core import Index
from quotes.index.rows import CORRECTIONS

from quotes.records import Document, DocResult, Entity, Quote, Span

from test_curate import names


def article(path: str, said: list[tuple[str, str]], tail: str = "") -> DocResult:
    """As test_curate's, with each quotation's speaker mention (the name before ``said``)."""
    text, quotes = "", []
    for words, who in said:
        lead = f'{who} said "'
        start = len(text) + len(lead)
        quotes.append(Quote(doc=path, start=start, end=start + len(words), quote=words, speaker=who,
                            speaker_type="person", speaker_mention=Span(len(text), len(text) + len(who), who)))
        text += f'{lead}{words}".\n'
    text += tail
    return DocResult(Document(path=path, text=text), quotes, [Entity(w, "person") for w in dict.fromkeys(w for _, w in said)])

runner = CliRunner()


@pytest.fixture
def index(tmp_path):
    ix = Index(tmp_path / "index.json")
    ix.ingest([article("a.txt", [("We act", "Gérald Darmanin"), ("We wait", "Abdellatif Ouahbi")]),
               article("b.txt", [("Prisons must change", "Gerry Darmanin"), ("No comment", "Tom Hughes")])])
    return ix


def quote(ix: Index, words: str, **kw) -> dict:
    [q] = [r for r in ix.list_quotes(**kw) if r["quote"] == words]
    return q


def last_correction(ix: Index) -> dict:
    rows = ix._raw(CORRECTIONS)
    return rows[max(rows, key=int)]


def test_reassign_logs_the_speaker_it_replaced(index):
    q = quote(index, "We wait")
    was = q["speaker_id"]
    index.reassign_quote(q["id"], "Gérald Darmanin")
    logged = last_correction(index)
    assert logged["was"] == was != logged["speaker_id"]


def test_undo_reassign_brings_back_the_emptied_speaker(index):
    before = {s["name"]: (s["id"], s["quotes"]) for s in index.list_speakers()}
    index.reassign_quote(quote(index, "We wait")["id"], "Gérald Darmanin")
    assert "Abdellatif Ouahbi" not in names(index)
    done = index.undo()
    assert done["op"] == "reassign"
    assert {s["name"]: (s["id"], s["quotes"]) for s in index.list_speakers()} == before
    assert quote(index, "We wait")["speaker"] == "Abdellatif Ouahbi"
    # forgotten: a re-ingest of the edited article does not re-apply it
    index.ingest([article("a.txt", [("We act", "Gérald Darmanin"), ("We wait", "Abdellatif Ouahbi")], tail="x\n")])
    assert quote(index, "We wait")["speaker"] == "Abdellatif Ouahbi"


def test_undo_takes_back_corrections_last_first(index):
    start = index.list_speakers()
    index.merge_speakers("Gérald Darmanin", "Gerry Darmanin")
    index.rename_speaker("Gérald Darmanin", "G. Darmanin")
    assert index.undo()["op"] == "rename"
    assert "Gérald Darmanin" in names(index) and "Gerry Darmanin" not in names(index)
    assert index.undo()["op"] == "merge"
    assert [(s["id"], s["name"], s["quotes"], s["aliases"]) for s in index.list_speakers()] == \
           [(s["id"], s["name"], s["quotes"], s["aliases"]) for s in start]
    assert index.undo() is None


def test_split_by_alias_and_quote_holds_after_reingest(index):
    index.merge_speakers("Gérald Darmanin", "Gerry Darmanin")      # a wrong merge, two people in one
    new = index.split_speaker("Gérald Darmanin", "Gerry Darmanin", aliases=["Gerry Darmanin"])
    assert new["name"] == "Gerry Darmanin" and new["quotes"] == 1
    assert quote(index, "Prisons must change")["speaker"] == "Gerry Darmanin"
    assert quote(index, "We act")["speaker"] == "Gérald Darmanin"
    index.ingest([article("b.txt", [("Prisons must change", "Gerry Darmanin"), ("No comment", "Tom Hughes")], tail="y\n")])
    assert quote(index, "Prisons must change")["speaker"] == "Gerry Darmanin"
    assert index.undo()["op"] == "split"
    assert quote(index, "Prisons must change")["speaker"] == "Gérald Darmanin"


def test_split_by_quote_id(index):
    q = quote(index, "We act")
    new = index.split_speaker("Gérald Darmanin", "Marie Darmanin", quote_ids=[q["id"]])
    assert quote(index, "We act")["speaker_id"] == new["id"]
    with pytest.raises(ValueError):
        index.split_speaker("Tom Hughes", "X", quote_ids=[quote(index, "We wait")["id"]])


def test_not_a_quote_leaves_listings_and_survives_reingest(index):
    q = quote(index, "No comment")
    row = index.mark_not_quote(q["id"], "title")
    assert row["kind"] == "title" and row["speaker"] is None
    assert all(r["quote"] != "No comment" for r in index.list_quotes())
    index.ingest([article("b.txt", [("Prisons must change", "Gerry Darmanin"), ("No comment", "Tom Hughes")], tail="z\n")])
    again = quote(index, "No comment", kinds=None)
    assert again["id"] != q["id"] and again["kind"] == "title"
    assert all(r["quote"] != "No comment" for r in index.list_quotes())
    with pytest.raises(ValueError):
        index.mark_not_quote(quote(index, "We act")["id"], "direct")


def test_cli_undo_split_and_not_a_quote(index):
    db = str(index.path)
    assert runner.invoke(app, ["undo", "--db", db]).exit_code == 1
    q = quote(index, "No comment")
    res = runner.invoke(app, ["quote", "not-a-quote", q["id"], "--as", "scare", "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0 and json.loads(res.stdout)["kind"] == "scare"
    res = runner.invoke(app, ["undo", "--db", db])
    assert res.exit_code == 0 and "undone: kind" in res.stderr
    assert quote(Index(db), "No comment")["kind"] == "direct"
    res = runner.invoke(app, ["speakers", "split", "Gérald Darmanin", "Marie Darmanin", "--quote",
                              quote(index, "We act")["id"], "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0 and json.loads(res.stdout)["name"] == "Marie Darmanin"
    assert runner.invoke(app, ["speakers", "split", "Gérald Darmanin", "X", "--db", db]).exit_code == 2
