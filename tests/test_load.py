"""Stage 1, load: every bad input is one LoadError naming the file and the reason; good inputs go on."""
from __future__ import annotations

import json

import pytest

from quotes.load import MAX_MARKS, LoadError, Skipped, load_documents
from quotes.records import Document

ARTICLE = 'Nadia Benali said "we will act."\n'
HTML = """<html><head><title>Council votes</title><meta property="og:site_name" content="Town Daily">
<meta name="date" content="2025-04-14"><link rel="canonical" href="https://example.org/council"></head>
<body><article><h1>Council votes</h1><p>{body}</p><p>The vote was close and the debate ran late into the night,
with many residents attending to hear the arguments made on both sides of the question.</p></article></body></html>"""


def load(*paths, **kw):
    return list(load_documents([str(p) for p in paths], **kw))


def only_error(items) -> LoadError:
    [item] = items
    assert isinstance(item, LoadError), item
    return item


def test_text_file_is_decoded_exactly(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbfLine one\r\nLine two\r\n")
    [doc] = load(p)
    assert isinstance(doc, Document) and doc.text == "Line one\r\nLine two\r\n" and doc.path == str(p)


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("nul.txt", b"abc\x00def" * 10, "binary file"),
    ("controls.txt", bytes(range(1, 9)) * 50 + b"text", "binary file"),
    ("marks.txt", b'"' * 10_000, "quotation marks"),
])
def test_bad_file_is_one_error_naming_it(tmp_path, name, content, reason):
    p = tmp_path / name
    p.write_bytes(content)
    err = only_error(load(p))
    assert err.path == str(p) and reason in err.reason and "\n" not in str(err)


def test_another_encoding_on_request(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le maire a dit « c'est fait ».".encode("latin-1"))
    assert "--encoding" in only_error(load(p, encoding="utf-8")).reason
    [doc] = load(p, encoding="latin-1")
    assert "« c'est fait »" in doc.text
    assert "unknown encoding" in only_error(load(p, encoding="klingon")).reason


def test_missing_path_and_empty_directory(tmp_path):
    assert "no such file" in only_error(load(tmp_path / "nope.txt")).reason
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    error, skipped = load(tmp_path / "empty")
    assert "no supported files" in error.reason
    assert isinstance(skipped, Skipped) and skipped.reason == ".pdf is not a type quotes reads"


def test_file_over_max_bytes(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(ARTICLE * 100, encoding="utf-8")
    err = only_error(load(p, max_bytes=1000))
    assert "--max-bytes" in err.reason and f"{p.stat().st_size:,}" in err.reason


def test_marks_limit_is_a_limit_not_a_ban(tmp_path):
    ok, bad = tmp_path / "ok.txt", tmp_path / "bad.txt"
    ok.write_text('"' * MAX_MARKS, encoding="utf-8")
    bad.write_text("“" * (MAX_MARKS + 1), encoding="utf-8")
    assert isinstance(load(ok)[0], Document)
    assert f"{MAX_MARKS + 1:,} quotation marks" in only_error(load(bad)).reason


def test_an_unterminated_quote_is_still_a_document(tmp_path):
    p = tmp_path / "open.txt"
    p.write_text('The minister said "we will never give up.\n\nThe end.\n', encoding="utf-8")
    assert isinstance(load(p)[0], Document)


def test_directory_yields_supported_files_in_order_and_errors_in_place(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / "README").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text(ARTICLE, encoding="utf-8")
    items = load(tmp_path)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "LoadError"] + ["Skipped"] * 4
    assert [i.path.rsplit("/", 1)[-1] for i in items] == ["a.md", "b.txt", "c.txt", ".git", ".hidden.txt",
                                                          "README", "skip.pdf"]
    assert [i.reason.split(" (")[0] for i in items[3:]] == ["hidden folder", "hidden file", "no extension",
                                                            ".pdf is not a type quotes reads"]


def test_jsonl_bad_lines_are_named_and_the_rest_kept(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": ARTICLE, "title": "One", "url": "https://example.org/1", "date": "2025-04-14",
                         "outlet": "Town Daily"}),
             "{not json",
             json.dumps({"title": "no text"}),
             "",
             json.dumps({"text": "   "}),
             json.dumps(["a", "list"]),
             json.dumps({"text": ARTICLE + "More.", "id": "story-7"})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = load(p)
    docs = [i for i in items if isinstance(i, Document)]
    errors = {i.path: i.reason for i in items if isinstance(i, LoadError)}
    assert [(d.path, d.title, d.outlet, d.date) for d in docs] == [
        ("https://example.org/1", "One", "Town Daily", "2025-04-14"), ("story-7", None, None, None)]
    assert set(errors) == {f"{p}:2", f"{p}:3", f"{p}:5", f"{p}:6"}
    assert "not valid JSON" in errors[f"{p}:2"] and "text" in errors[f"{p}:3"]


def test_html_article_text_and_metadata(tmp_path):
    p = tmp_path / "story.html"
    p.write_text(HTML.format(body='"We will act," said Nadia Benali, the mayor, after the vote on Monday evening.'),
                 encoding="utf-8")
    [doc] = load(p)
    assert '"We will act," said Nadia Benali' in doc.text
    assert doc.title == "Council votes" and doc.url == "https://example.org/council" and doc.date == "2025-04-14"


def test_html_without_article_text(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    assert "no article text" in only_error(load(p)).reason
