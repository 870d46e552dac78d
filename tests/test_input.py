"""Real-world input (issue 18): encodings, long texts, languages, junk pages, typewriter marks, URLs,
metadata that lasts, strict dates, front matter, absolute paths, write failures, Dask, skipped files, progress.

Each test is one numbered case of the issue, run the way a user meets it."""
from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.index.core import Index
from quotes.load import load_documents
from quotes.records import Document
from quotes.stages import pieces, run

runner = CliRunner()

FRENCH = ("« Nous allons continuer à travailler ensemble », a déclaré le ministre de la Justice lors de sa visite "
          "à Rabat. Ce sont les magistrats des deux pays qui se rencontreront chaque mois, a-t-il ajouté. "
          "« La coopération est excellente », a dit Gérald Darmanin dimanche soir à la télévision marocaine.\n")
ENGLISH = 'Nadia Benali, the mayor, said "we will rebuild the bridge before winter."\n'


@pytest.fixture(autouse=True)
def loaded(nlp):
    """The pipeline is loaded once for the session (conftest), not per CLI call."""


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def cli(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


# 1. A page's declared charset, then a detector; the encoding named in the record -------------------

def test_1_declared_charset_and_detected_encoding_are_used_and_recorded(tmp_path):
    body = ("<p>Le maire de Saint-Étienne a annoncé la réouverture du pont. « Nous avons travaillé très dur », "
            "a déclaré Hélène Müller, l'adjointe chargée des travaux, devant le conseil réuni jeudi.</p>") * 3
    declared = tmp_path / "meta.html"
    declared.write_bytes(f'<html><head><meta charset="ISO-8859-1"><title>Pont</title></head>'
                         f"<body><article>{body}</article></body></html>".encode("latin-1"))
    equiv = tmp_path / "equiv.html"
    equiv.write_bytes(f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                      f"</head><body><article>{body}</article></body></html>".encode("cp1252"))
    undeclared = tmp_path / "notes.txt"
    undeclared.write_bytes(("Réunion du conseil : « Nous avons travaillé très dur », a déclaré Hélène Müller. " * 30)
                           .encode("cp1252"))
    docs = {Path(d.path).name: d for d in load_documents([str(tmp_path)])}
    assert all(isinstance(d, Document) for d in docs.values()), docs
    assert "Hélène Müller" in docs["meta.html"].text and docs["meta.html"].encoding == "cp1252"
    assert "Hélène Müller" in docs["equiv.html"].text and docs["equiv.html"].encoding == "cp1252"
    assert "Hélène Müller" in docs["notes.txt"].text and docs["notes.txt"].encoding not in (None, "utf-8")
    db = tmp_path / "i.json"
    assert cli("ingest", declared, "--db", db).exit_code == 0
    [row] = orjson.loads(db.read_bytes())["documents"].values()
    assert row["encoding"] == "cp1252"


# 2. Long texts: pieces with offsets kept, no quote cut, no document taking the others down ------------

def test_2_long_text_is_parsed_in_pieces_with_document_offsets(nlp, tmp_path):
    para = ('Nadia Benali, the mayor, said "we will rebuild the bridge before winter." '
            "The council met on Tuesday and the debate ran late. " * 3 + "\n\n")
    text = para * 8 + 'Tom Hughes said "the budget is\n\nstill not settled," in the hall.\n\n' + para * 8
    ranges = pieces(text, limit=len(para) * 5 + 7)
    assert len(ranges) > 2 and ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(ranges, ranges[1:]))
    quote_at = text.index('"the budget')
    assert not any(quote_at < a < text.index('settled,"') for a, _ in ranges)   # never inside a quotation
    [whole] = run(nlp, [Document(path="t.txt", text=text)])
    [cut] = run(nlp, [Document(path="t.txt", text=text)], chunk_chars=len(para) * 5 + 7)
    assert cut.error is None and len(cut.quotes) == len(whole.quotes) == 3 * 16 + 1
    for q in cut.quotes:
        assert text[q.start:q.end] == q.quote
        assert q.speaker_mention and text[q.speaker_mention.start:q.speaker_mention.end] == q.speaker_mention.text
    assert [(q.start, q.speaker) for q in cut.quotes] == [(q.start, q.speaker) for q in whole.quotes]


@pytest.mark.slow
def test_2_text_over_a_million_characters_does_not_take_the_others_down(tmp_path):
    big = tmp_path / "hearing.txt"
    para = 'The chair said "the committee will now hear from the witnesses." The room was quiet.\n\n'
    big.write_text(para * (1_050_000 // len(para)), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(ENGLISH, encoding="utf-8")
    res = cli("extract", big, small, "--format", "jsonl", "--max-bytes", 3_000_000)
    assert res.exit_code == 0, res.stderr[-2000:]
    recs = jsonl(res.stdout)
    text = big.read_text(encoding="utf-8")
    from_big = [r for r in recs if r["doc"] == str(big)]
    assert len(from_big) == text.count('"') // 2
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in from_big)
    assert [r["speaker"] for r in recs if r["doc"] == str(small)] == ["Nadia Benali"]


def test_2_a_document_the_pipeline_fails_on_is_named_and_the_others_go_on(nlp, tmp_path, monkeypatch):
    import quotes.stages

    real = quotes.stages.analyse

    def choke(doc, document):
        if "poison" in document.text:
            raise RuntimeError("parser exploded")
        return real(doc, document)

    monkeypatch.setattr(quotes.stages, "analyse", choke)
    (tmp_path / "a.txt").write_text('The poison said "no way."\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    res = cli("extract", tmp_path, "--format", "jsonl")
    assert res.exit_code == 1
    assert "a.txt: extraction failed (RuntimeError: parser exploded)" in res.stderr
    assert [r["speaker"] for r in jsonl(res.stdout)] == ["Nadia Benali"]


# 3. Non-English: quotations kept with no speakers, said once, recorded --------------------------------

def test_3_french_page_keeps_its_quotations_without_invented_speakers(tmp_path):
    fr = tmp_path / "rabat.txt"
    fr.write_text(FRENCH * 2, encoding="utf-8")
    en = tmp_path / "bridge.txt"
    en.write_text("Bridge works\n\n" + ENGLISH + "\nThe council met on Tuesday and voted for the works by nine votes to four, after a "
                  "debate that ran late into the night in a hall full of residents.\n" * 2, encoding="utf-8")
    res = cli("extract", fr, en, "--format", "jsonl")
    assert res.exit_code == 0
    recs = jsonl(res.stdout)
    french = [r for r in recs if r["doc"] == str(fr)]
    assert len(french) == 4 and all(r["speaker"] is None and r["cue"] is None for r in french)
    assert {r["language"] for r in french} == {"fr"}
    english = [r for r in recs if r["doc"] == str(en)]
    assert ("we will rebuild the bridge before winter.", "Nadia Benali") in [(r["quote"], r["speaker"]) for r in english]
    assert {r["language"] for r in english} == {"en"}
    warnings = [line for line in res.stderr.splitlines() if "language fr" in line]
    assert len(warnings) == 1 and str(fr) in warnings[0]
    db = tmp_path / "i.json"
    assert cli("ingest", fr, "--db", db).exit_code == 0
    [row] = orjson.loads(db.read_bytes())["documents"].values()
    assert row["language"] == "fr"


# 4. Junk from page extraction is flagged ------------------------------------------------------------

def test_4_a_caption_kept_from_a_page_whose_article_is_elsewhere_is_flagged(tmp_path):
    teasers = "".join(f"<li><a href='/s{i}'>Other story number {i} about the city council and its long budget "
                      f"debate over the new bridge</a></li>" for i in range(40))
    page = tmp_path / "photo.html"
    page.write_text(f"<html><body><nav><ul>{teasers}</ul></nav><article><p>"
                    "The mayor, Nadia Benali, speaks to reporters on Tuesday outside the old town hall after "
                    "the vote on the new bridge, which passed by a narrow margin.</p></article>"
                    "<script type='application/json'>"
                    '{"body": "the real article"}</script></body></html>', encoding="utf-8")
    [doc] = load_documents([str(page)])
    assert isinstance(doc, Document)
    assert any(w.startswith("near-empty extraction") for w in doc.warnings), doc.warnings
    res = cli("extract", page, "--format", "jsonl")
    assert "near-empty extraction" in res.stderr


# 5. Typewriter marks ----------------------------------------------------------------------------------

def test_5_penn_treebank_typewriter_marks_are_a_double_pair(tmp_path):
    p = tmp_path / "wsj.txt"
    p.write_text("``We finally may be seeing wage acceleration,'' the economist Jared Bernstein said.\n",
                 encoding="utf-8")
    [rec] = jsonl(cli("extract", p, "--format", "jsonl").stdout)
    assert rec["quote"] == "We finally may be seeing wage acceleration," and rec["speaker"] == "Jared Bernstein"


# 6. URLs, fetched from a local server ----------------------------------------------------------------

@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "story.html").write_bytes(
        ('<html><head><meta charset="windows-1252"><title>Bridge to reopen</title></head><body><article>'
         "<h1>Bridge to reopen</h1><p>Nadia Benali, the mayor, said \"we will rebuild the bridge before winter.\" "
         "The council met on Tuesday and the debate ran late into the night, with residents in the hall.</p>"
         "<p>The works will cost the city four million euros, the treasurer said on Wednesday.</p>"
         "</article></body></html>").encode("cp1252"))

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(site), **kw)

        def do_GET(self):
            if self.path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/story.html")
                self.end_headers()
                return
            super().do_GET()

        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_6_urls_are_fetched_kept_beside_the_index_and_recorded(tmp_path, server):
    db = tmp_path / "idx" / "quotes.json"
    db.parent.mkdir()
    res = cli("ingest", f"{server}/moved", f"{server}/missing.html", "--db", db)
    assert res.exit_code == 1
    assert f"{server}/missing.html: HTTP 404" in res.stderr
    [row] = orjson.loads(db.read_bytes())["documents"].values()
    assert row["url"] == f"{server}/story.html" and row["fetched_at"] and row["encoding"] == "cp1252"
    copy = Path(row["path"])
    assert copy.parent == tmp_path / "idx" / "quotes.pages" and copy.is_file()
    [q] = Index(db, readonly=True).list_quotes()
    assert q["speaker"] == "Nadia Benali"
    shown = cli("show", q["id"], "--db", db, "--format", "json")
    assert json.loads(shown.stdout)[0]["paragraph_from"] == "source"
    res = cli("extract", "http://127.0.0.1:9/nothing-listens-here", "--format", "jsonl")
    assert res.exit_code == 1 and "cannot fetch" in res.stderr and "Traceback" not in res.output


# 7. Metadata lasts; a command sets it afterwards ----------------------------------------------------

def test_7_metadata_survives_an_edit_and_a_folder_ingest_and_can_be_corrected(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    art = folder / "bridge.txt"
    art.write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "i.json"
    res = cli("ingest", art, "--db", db, "--title", "Bridge", "--outlet", "Town Daily", "--date", "2025-04-17",
              "--url", "https://example.org/bridge")
    assert res.exit_code == 0, res.stderr
    art.write_text(ENGLISH.replace("winter", "spring"), encoding="utf-8")
    assert cli("ingest", folder, "--db", db).exit_code == 0
    [doc] = orjson.loads(db.read_bytes())["documents"].values()
    assert (doc["title"], doc["outlet"], doc["date"], doc["url"]) == (
        "Bridge", "Town Daily", "2025-04-17", "https://example.org/bridge")
    listed = cli("list", "--db", db, "--since", "2025-04", "--until", "2025-04-30", "--format", "jsonl")
    assert [r["quote"] for r in jsonl(listed.stdout)] == ["we will rebuild the bridge before spring."]
    res = cli("ingest", art, "--db", db, "--date", "2025-04-18")          # unchanged text, new date: kept
    assert res.exit_code == 0 and "metadata updated for 1" in res.stderr
    res = cli("document", "set", "bridge.txt", "--db", db, "--outlet", "The Town Daily", "--format", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)[0]["outlet"] == "The Town Daily"
    [doc] = orjson.loads(db.read_bytes())["documents"].values()
    assert doc["date"] == "2025-04-18"
    assert cli("document", "set", "nothing.txt", "--db", db, "--title", "x").exit_code == 1


# 8. Strict dates --------------------------------------------------------------------------------------

def test_8_dates_are_parsed_strictly_and_bad_ones_refused(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "i.json"
    assert cli("ingest", art, "--db", db, "--date", "17 April 2025").exit_code == 0
    [doc] = orjson.loads(db.read_bytes())["documents"].values()
    assert doc["date"] == "2025-04-17"
    assert len(jsonl(cli("list", "--db", db, "--since", "2025", "--format", "jsonl").stdout)) == 1
    for bad in (["list", "--since", "2025-13-01"], ["list", "--until", "2025-02-30"], ["ingest", art, "--date", "17/04/2025"],
                ["document", "set", "a.txt", "--date", "yesterday"]):
        res = cli(*bad, "--db", db)
        assert res.exit_code == 2, (bad, res.output)
        assert "Traceback" not in res.output


# 9. Front matter and headlines ------------------------------------------------------------------------

def test_9_markdown_front_matter_and_a_text_headline_give_metadata(tmp_path):
    md = tmp_path / "note.md"
    md.write_text('---\ntitle: "Bridge to reopen"\ndate: 2025-04-17\noutlet: Town Daily\nauthor: Ana Ruiz\n'
                  "url: https://example.org/bridge\n---\n\n" + ENGLISH, encoding="utf-8")
    txt = tmp_path / "wire.txt"
    txt.write_text("Council approves bridge works\n\n" + ENGLISH, encoding="utf-8")
    docs = {Path(d.path).name: d for d in load_documents([str(tmp_path)])}
    note = docs["note.md"]
    assert (note.title, note.date, note.outlet, note.author, note.url) == (
        "Bridge to reopen", "2025-04-17", "Town Daily", "Ana Ruiz", "https://example.org/bridge")
    assert len(note.text) == len(md.read_text(encoding="utf-8")) and "Bridge" not in note.text
    assert docs["wire.txt"].title == "Council approves bridge works"
    [rec] = jsonl(cli("extract", md, "--format", "jsonl").stdout)
    assert md.read_text(encoding="utf-8")[rec["start"]:rec["end"]] == rec["quote"]


# 10. Absolute paths, the newest existing one preferred -------------------------------------------------

def test_10_paths_are_absolute_and_a_moved_file_is_read_where_it_is(tmp_path, monkeypatch):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    art = tmp_path / "old" / "bridge.txt"
    art.write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "i.json"
    monkeypatch.chdir(tmp_path / "old")
    assert cli("ingest", "bridge.txt", "--db", db).exit_code == 0
    [doc] = orjson.loads(db.read_bytes())["documents"].values()
    assert doc["path"] == str(art)
    monkeypatch.chdir(tmp_path)
    [q] = jsonl(cli("list", "--db", db, "--format", "jsonl").stdout)
    assert json.loads(cli("show", q["id"], "--db", db, "--format", "json").stdout)[0]["paragraph_from"] == "source"
    moved = tmp_path / "new" / "bridge.txt"
    art.rename(moved)
    assert cli("ingest", "new", "--db", db).exit_code == 0
    [doc] = orjson.loads(db.read_bytes())["documents"].values()
    assert doc["path"] == str(moved) and doc["paths"][0] == str(moved)
    shown = json.loads(cli("show", q["id"], "--db", db, "--format", "json").stdout)[0]
    assert shown["paragraph_from"] == "source" and shown["doc_path"] == str(moved)


# 11. Write failures: one line, exit 4, nothing half-written -----------------------------------------

def test_11_an_index_that_cannot_be_written_is_an_error_not_a_success(tmp_path, monkeypatch):
    import quotes.index.storage as storage

    art = tmp_path / "a.txt"
    art.write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "i.json"
    assert cli("ingest", art, "--db", db).exit_code == 0
    before = db.read_bytes()

    def refuse(path, payload):
        raise PermissionError(1, "Operation not permitted", str(path))

    monkeypatch.setattr(storage, "atomic_write", refuse)
    art.write_text(ENGLISH.replace("winter", "spring"), encoding="utf-8")
    res = cli("ingest", art, "--db", db)
    assert res.exit_code == 4, res.output
    assert res.stderr.strip() == f"quotes: error: cannot write {db}: Operation not permitted; nothing of this change was written"
    res = cli("speakers", "rename", "Nadia Benali", "Nadia B.", "--db", db)
    assert res.exit_code == 4 and "Traceback" not in res.output and f"cannot write {db}" in res.stderr
    assert db.read_bytes() == before


def test_11_a_folder_where_no_lock_can_be_made_is_one_line(tmp_path, monkeypatch):
    import filelock

    art = tmp_path / "a.txt"
    art.write_text(ENGLISH, encoding="utf-8")

    def refuse(self, *a, **kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(filelock.FileLock, "acquire", refuse)
    res = cli("ingest", art, "--db", tmp_path / "i.json")
    assert res.exit_code == 4 and "Traceback" not in res.output
    assert "cannot write" in res.stderr and "Permission denied" in res.stderr


# 12. Dask: an unreachable scheduler is an error unless a fallback is asked for --------------------------

def test_12_unreachable_dask_scheduler_is_an_error_unless_fallback(tmp_path, monkeypatch):
    import quotes.parallel

    monkeypatch.setattr(quotes.parallel, "CONNECT_TIMEOUT", 1.0)
    monkeypatch.setattr(quotes.parallel.connect, "__defaults__", (1.0,))
    art = tmp_path / "a.txt"
    art.write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "i.json"
    res = cli("ingest", art, "--db", db, "--dask", "tcp://127.0.0.1:9")
    assert res.exit_code == 1 and "no Dask scheduler at tcp://127.0.0.1:9" in res.stderr
    assert not db.exists() or not orjson.loads(db.read_bytes()).get("documents")
    res = cli("ingest", art, "--db", db, "--dask", "tcp://127.0.0.1:9", "--dask-fallback")
    assert res.exit_code == 0 and "parsing here instead" in res.stderr and "1 added" in res.stderr


def test_12_local_cluster_is_sized_by_workers_and_too_many_workers_warn(tmp_path, monkeypatch):
    import quotes.parallel

    seen = {}

    def fake(documents, address, *, model=None, batch_size=16, local_workers=None):
        seen["address"], seen["workers"] = address, local_workers
        return iter(())

    monkeypatch.setattr(quotes.parallel, "extract_on_dask", fake)
    art = tmp_path / "a.txt"
    art.write_text(ENGLISH, encoding="utf-8")
    res = cli("ingest", art, "--db", tmp_path / "i.json", "--dask", "local", "--workers", 2)
    assert seen == {"address": "local", "workers": 2}
    res = cli("ingest", art, "--db", tmp_path / "j.json", "--workers", 64)
    assert "--workers 64 on" in res.stderr


# 13. Skipped files listed; duplicates called duplicates -------------------------------------------------

def test_13_skipped_files_and_duplicates_are_reported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "c.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "data.csv").write_text("a,b\n", encoding="utf-8")
    (folder / "NOTES").write_text(ENGLISH, encoding="utf-8")
    (folder / ".draft.txt").write_text(ENGLISH, encoding="utf-8")
    res = cli("ingest", folder, "--db", tmp_path / "i.json")
    assert res.exit_code == 0, res.stderr
    assert "2 duplicates of files in this run" in res.stderr and "0 unchanged" in res.stderr
    assert "4 files not read" in res.stderr
    for name, why in (("scan.pdf", ".pdf is not a type"), ("data.csv", ".csv is not a type"),
                      ("NOTES", "no extension"), (".draft.txt", "hidden file")):
        assert any(name in line and why in line for line in res.stderr.splitlines()), name


# 14. Progress on a terminal, per document, ended before any message -------------------------------------

def test_14_progress_bar_advances_per_document_and_messages_are_on_their_own_line(tmp_path, monkeypatch):
    import io
    import sys

    from quotes.cli import ingest as ingest_cli

    class Tty(io.StringIO):
        def isatty(self):
            return True

    err = Tty()
    monkeypatch.setattr(sys, "stderr", err)
    bar = ingest_cli.progress_bar("extracting")
    messages = []
    with bar:
        bar.start(3)
        assert bar.bar is not None and bar.bar.live.is_started
        bar.advance()
        bar.say(lambda m: messages.append((m, bar.bar.live.is_started)))("a.txt: language fr")
        assert bar.bar.tasks[0].completed == 1 and bar.bar.live.is_started
        bar.advance()
    assert messages == [("a.txt: language fr", False)]     # the bar is stopped while a message is written
    assert bar.bar is None


def test_14_on_a_terminal_the_default_batch_is_one_document(monkeypatch):
    import io
    import sys

    from quotes.cli.ingest import progress_bar
    from quotes.stages import DEFAULT_BATCH_SIZE

    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert progress_bar.batch_size(DEFAULT_BATCH_SIZE) == DEFAULT_BATCH_SIZE     # piped: batches as before
    monkeypatch.setattr(sys, "stderr", Tty())
    assert progress_bar.batch_size(DEFAULT_BATCH_SIZE) == 1
    assert progress_bar.batch_size(8) == 8
