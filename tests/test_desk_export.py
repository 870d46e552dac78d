"""Issue 19, export and data formats: each numbered point of the issue as a test (see the test names)."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from quotes.cli import app
from quotes.export import entries, to_markdown
from quotes.index.core import Index
from quotes.records import Document, DocResult, Entity, Quote, Span

from seed_index import DARMANIN, MINISTRY, OUAHBI, SEED, TITLE, URL, build, seed_result

runner = CliRunner()
MD = MarkdownIt("commonmark")


def result_of(path: str, text: str, quotes: list[tuple[str, str, int | None]], **meta) -> DocResult:
    """A DocResult whose quotations are found in ``text`` by their words: (words, speaker, group)."""
    found, at = [], 0
    for words, speaker, grp in quotes:
        s = text.index(words, at)
        at = s + 1
        found.append(Quote(doc=path, start=s, end=s + len(words), quote=words, speaker=speaker, group=grp,
                           speaker_type="person"))
    names = sorted({q.speaker for q in found if q.speaker})
    return DocResult(document=Document(path=path, text=text, **meta), quotes=found,
                     speakers=[Entity(n, "person") for n in names])


STATEMENT = ('"We came to Rabat to listen,\n'
             '"We leave with an agreement.\n'
             '"And we will be back," Nadia Benali said.\n')
PIECES = ["We came to Rabat to listen,", "We leave with an agreement.", "And we will be back,"]


@pytest.fixture()
def statement_db(tmp_path):
    db = tmp_path / "i.json"
    Index(str(db)).ingest([result_of("statement.txt", STATEMENT, [(p, "Nadia Benali", 0) for p in PIECES])])
    return db


def export(db, *args):
    return runner.invoke(app, ["export", "--db", str(db), *args])


# 1. A quotation over several paragraphs (pieces sharing a group) is one blockquote with one citation.
def test_point1_pieces_of_one_quotation_are_one_blockquote(statement_db):
    res = export(statement_db)
    assert res.exit_code == 0, res.stderr
    html = MD.render(res.stdout)
    assert html.count("<blockquote>") == 1
    block = html.split("<blockquote>")[1].split("</blockquote>")[0]
    assert block.count("<p>") == 3 and "We leave with an agreement." in block
    assert res.stdout.count("Source") == 1
    assert "characters 1–" in res.stdout  # the citation spans the whole quotation, first piece to last


# 2. The sentence's punctuation goes; the quotation's own stays.
def test_point2_trailing_comma_dropped_question_mark_kept():
    rows = [{"id": "a", "quote": "The cooperation is excellent,", "speaker": "X", "doc_id": "d", "start": 0, "end": 1},
            {"id": "b", "quote": "Who would believe it?", "speaker": "X", "doc_id": "d", "start": 5, "end": 9},
            {"id": "c", "quote": "It is over.", "speaker": "X", "doc_id": "d", "start": 20, "end": 29}]
    md = to_markdown(rows)
    assert "> The cooperation is excellent\n" in md
    assert "> Who would believe it?\n" in md and "> It is over.\n" in md


# 3. A document with metadata is cited by title, outlet and date linked to its URL; the path is a comment.
def test_point3_citation_is_title_outlet_date_linked(tmp_path):
    md = export(build(tmp_path / "i.json"), "--speaker", "Ouahbi").stdout
    assert f"[*{TITLE}*, Morocco World News, 2025-04-14](<{URL}>)" in md
    html = MD.render(md)
    visible = html.replace("<!--", "\0").split("\0")[0] + "".join(p.split("-->", 1)[-1] for p in html.split("<!--")[1:])
    assert "characters" not in visible and str(SEED) not in visible
    assert f'<a href="{URL}"><em>{TITLE}</em>, Morocco World News, 2025-04-14</a>' in html


def test_point3_without_metadata_the_path_and_characters_are_the_citation(statement_db):
    md = export(statement_db).stdout
    assert "Source: statement.txt, characters 1–" in md and "<!--" not in md


# 4. The same words twice in one article: one entry, one citation; in two articles: one entry, both sources.
def test_point4_same_quotation_twice_is_one_entry(tmp_path):
    text = '"These individuals arrested are dangerous," Benali said. Later: "These individuals arrested are dangerous," she said.\n'
    other = 'As Benali put it, "These individuals arrested are dangerous."\n'
    db = tmp_path / "i.json"
    words = "These individuals arrested are dangerous"
    Index(str(db)).ingest([result_of("a.txt", text, [(words + ",", "Nadia Benali", None), (words + ",", "Nadia Benali", None)],
                                     title="First", outlet="Desk"),
                           result_of("b.txt", other, [(words + ".", "Nadia Benali", None)], title="Second", outlet="Desk")])
    md = export(db).stdout
    assert md.count("> These individuals") == 1
    assert md.count("*First*") == 1 and md.count("*Second*") == 1 and "Sources:" in md


# 5. Speakers by surname (then name), organisations by name.
def test_point5_speakers_sorted_by_surname(tmp_path):
    md = export(build(tmp_path / "i.json")).stdout
    heads = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    assert heads == [DARMANIN, MINISTRY, OUAHBI]


# 6. Files honour the umask; `-o -` is stdout.
@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_point6_exported_file_mode_follows_the_umask(tmp_path, mask, mode):
    db = build(tmp_path / "i.json")
    old = os.umask(mask)
    try:
        for fmt, name in (("md", "q.md"), ("sqlite", "q.db")):
            assert export(db, "--format", fmt, "-o", str(tmp_path / name)).exit_code == 0
            assert (tmp_path / name).stat().st_mode & 0o777 == mode, fmt
    finally:
        os.umask(old)


def test_point6_dash_is_stdout(tmp_path, monkeypatch):
    db = build(tmp_path / "i.json")
    monkeypatch.chdir(tmp_path)
    res = export(db, "-o", "-")
    assert res.exit_code == 0 and "## Gérald Darmanin" in res.stdout
    assert not (tmp_path / "-").exists()


# 8. CSV and TSV: one value a cell, cue and mention flattened.
@pytest.mark.parametrize("fmt, delim", [("csv", ","), ("tsv", "\t")])
def test_point8_flat_columns(tmp_path, fmt, delim):
    db = tmp_path / "i.json"
    res = seed_result()
    q = res.quotes[1]
    res.quotes[1] = dataclasses.replace(q, cue=Span(q.end + 12, q.end + 18, "voiced"),
                                        speaker_mention=Span(q.end + 3, q.end + 11, "Darmanin"))
    Index(str(db)).ingest([res])
    out = export(db, "--format", fmt).stdout
    rows = list(csv.DictReader(io.StringIO(out), delimiter=delim))
    assert {"cue", "cue_start", "cue_end", "mention", "mention_start", "mention_end"} <= set(rows[0])
    row = next(r for r in rows if r["quote"].startswith("The cooperation"))
    assert (row["cue"], row["mention"], row["mention_start"]) == ("voiced", "Darmanin", str(q.end + 3))
    assert not any(cell.startswith("{") for r in rows for cell in r.values())


# 9. SQLite: three tables with foreign keys and full-text search.
def test_point9_sqlite_export(tmp_path):
    db = build(tmp_path / "i.json")
    out = tmp_path / "quotes.db"
    res = export(db, "--format", "sqlite", "-o", str(out))
    assert res.exit_code == 0, res.stderr
    stats = Index(str(db), readonly=True).stats()
    con = sqlite3.connect(out)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "speakers", "quotes")}
    listed = len(Index(str(db), readonly=True).list_quotes(kinds=None))
    assert counts == {"documents": stats["documents"], "speakers": stats["speakers"], "quotes": listed}
    hits = con.execute("SELECT q.quote, s.name, d.title FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid "
                       "JOIN speakers s ON s.id = q.speaker_id JOIN documents d ON d.id = q.doc_id "
                       "WHERE quotes_fts MATCH 'cooperation'").fetchall()
    assert hits == [("The cooperation is excellent,", DARMANIN, TITLE)]
    fks = {(r[2], r[3]) for r in con.execute("PRAGMA foreign_key_list(quotes)")}
    assert fks == {("speakers", "speaker_id"), ("documents", "doc_id")}
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_point9_sqlite_needs_a_file(tmp_path):
    res = export(build(tmp_path / "i.json"), "--format", "sqlite")
    assert res.exit_code == 2


# 10. show: the paragraph as written, the quotation highlighted (**…** when piped), no marks of ours.
def test_point10_show_keeps_the_articles_marks(tmp_path):
    text = "Intro.\n«The cooperation is excellent,» Darmanin said on Sunday.\n"
    src = tmp_path / "guillemets.txt"
    src.write_text(text, encoding="utf-8")
    db = tmp_path / "i.json"
    Index(str(db)).ingest([result_of(str(src), text, [("The cooperation is excellent,", DARMANIN, None)])])
    qid = Index(str(db), readonly=True).list_quotes()[0]["id"]
    res = runner.invoke(app, ["show", qid, "--db", str(db), "--format", "table"])
    assert res.exit_code == 0, res.stderr
    assert "    «**The cooperation is excellent,**» Darmanin said on Sunday." in res.stdout
    assert "»The" not in res.stdout
