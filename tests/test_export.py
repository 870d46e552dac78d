"""quotes.export: grouping, citations, and escaping proved by rendering the Markdown with a CommonMark parser."""
from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from quotes.export import escape, to_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "# Breaking",
    "=cmd|' /C calc'!A0",
    "- a list item",
    "1. first",
    "<img src=x onerror=alert(1)>",
    "**bold** _it_ `code` ~~strike~~",
    "<http://evil.example>",
    "&lt;b&gt;entity&lt;/b&gt;",
    "line one\n\n# line two\n---",
    "[ref]: http://evil.example",
    "> nested quote",
]
ROWS = [
    {"id": 1, "quote": "The cooperation is excellent,", "speaker": "Gérald Darmanin", "speaker_id": "d",
     "venue": "an interview with 2M", "date": "2025-04-14", "title": "Morocco, France Enter New Era",
     "outlet": "Morocco World News", "url": "https://example.com/news?id=1", "doc_path": "seed.txt",
     "start": 2301, "end": 2330, "kind": "direct"},
    {"id": 2, "quote": "We have reached an agreement on all pending issues,", "speaker": "Abdellatif Ouahbi",
     "speaker_id": "o", "venue": None, "date": None, "title": None, "outlet": None, "url": None,
     "doc_path": "fixtures/seed.txt", "start": 2900, "end": 2951, "kind": "direct"},
    {"id": 3, "quote": "sincerely thanked", "speaker": "Gérald Darmanin", "speaker_id": "d", "venue": "a joint press conference",
     "date": "2025-04-15", "doc_path": "seed.txt", "start": 4000, "end": 4017, "kind": "partial"},
]
SPEAKERS = [{"id": "d", "name": "Gérald Darmanin", "roles": ["French Minister of Justice"]},
            {"id": "o", "name": "Abdellatif Ouahbi", "roles": ["Moroccan Minister of Justice"]}]
MD = MarkdownIt("commonmark")
#: The only tags our own Markdown produces.
OURS = {"h1", "h2", "p", "em", "blockquote", "a"}


def tags(rendered: str) -> set[str]:
    return {t.lower() for t in re.findall(r"<\s*/?\s*([a-zA-Z0-9]+)", rendered)}


def test_grouped_by_speaker_with_roles_under_the_name():
    md = to_markdown(ROWS, SPEAKERS)
    a, d = md.index("## Abdellatif Ouahbi"), md.index("## Gérald Darmanin")
    assert a < d
    assert md.index("*Moroccan Minister of Justice*") > a
    assert md.index("*French Minister of Justice*") > d
    assert md.count("## Gérald Darmanin") == 1
    assert md.index("The cooperation is excellent") < md.index("sincerely thanked")  # by date


def test_each_quote_is_a_blockquote_with_venue_date_and_citation():
    out = MD.render(to_markdown(ROWS, SPEAKERS))
    assert "<blockquote>\n<p>The cooperation is excellent</p>\n</blockquote>" in out  # the sentence's comma goes
    line = next(l for l in out.splitlines() if "an interview with 2M" in l)
    for part in ("2025-04-14", "<em>Morocco, France Enter New Era</em>", "Morocco World News",
                 'href="https://example.com/news?id=1"', "2301", "2330"):  # the offsets in an HTML comment
        assert part in line
    assert "fixtures/seed.txt, characters 2900–2951" in out                     # path when there is no URL
    assert "(partial quote)" in out


def test_no_speakers_given_still_groups_by_name():
    md = to_markdown(ROWS)
    assert "## Gérald Darmanin" in md and "Minister" not in md


def test_unattributed_last_and_empty_export_says_so():
    md = to_markdown([dict(ROWS[0], speaker=None, speaker_id=None), ROWS[1]])
    assert md.index("## Abdellatif Ouahbi") < md.index("## Unattributed")
    assert "No quotations." in to_markdown([])


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_quote_text_renders_as_its_own_words(text):
    row = dict(ROWS[0], quote=text, venue=text, title=text, outlet=text, speaker=text)
    out = MD.render(to_markdown([row]))
    assert tags(out) <= OURS
    hrefs = re.findall(r'href="([^"]*)"', out)
    assert hrefs == ["https://example.com/news?id=1"]                    # only the source link we wrote
    quote = re.search(r"<blockquote>\n<p>(.*)</p>\n</blockquote>", out).group(1)
    assert html.unescape(quote) == " ".join(text.split())


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>x</script>", "http://x.y/<script>"])
def test_only_http_urls_become_links(url):
    out = MD.render(to_markdown([dict(ROWS[0], url=url)]))
    assert "href" not in out and "<script" not in out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_any_text_stays_text(text):
    out = MD.render(f"> {escape(text)}\n")
    assert tags(out) <= {"blockquote", "p"}
    body = re.sub(r"</?(blockquote|p)>", "", out).strip()
    assert html.unescape(body) == " ".join(text.split())
