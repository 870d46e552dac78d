"""``quotes serve`` through Starlette's test client: pages, hostile input, CSRF, read-only, size limits.

The real-browser test is tests/test_browser.py.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from starlette.testclient import TestClient

from quotes.index.core import Index
from quotes.records import Document, DocResult, Entity, Quote
from quotes.serve import create_app
from quotes.serve.app import MAX_BODY

from seed_index import DARMANIN, OUAHBI, TITLE, build, seed_result

HOSTILE_TEXT = (
    'Intro <script>alert("text")</script> paragraph.\n'
    'Nadia Benali said "<img src=x onerror=alert(1)> is [a link](javascript:alert(2)) and <a href="javascript:alert(3)">x</a>".\n'
    'She added "<script>document.title=\'pwned\'</script>".\n'
)


def hostile() -> DocResult:
    quotes = []
    for head in ('<img src=x onerror=alert(1)>', "<script>document.title='pwned'</script>"):
        s = HOSTILE_TEXT.index(head)
        e = HOSTILE_TEXT.index('".', s)
        quotes.append(Quote(doc="hostile.html", start=s, end=e, quote=HOSTILE_TEXT[s:e], speaker="<b>Nadia</b> Benali",
                            speaker_type="person"))
    doc = Document(path="hostile.html", text=HOSTILE_TEXT, title='<script>alert("title")</script>',
                   url="javascript:alert(4)", outlet='<img src=x onerror="alert(5)">')
    return DocResult(document=doc, quotes=quotes,
                     speakers=[Entity("<b>Nadia</b> Benali", "person", roles=['<svg onload=alert(6)>'])])


class Live(HTMLParser):
    """Everything in a page that could run: script elements, on* attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "svg"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}@{name}")
            if name in ("href", "src", "action") and value and value.strip().lower().startswith(("javascript:", "data:")):
                self.found.append(f"{tag}@{name}={value}")
        if tag == "img":
            self.found.append("img")


def live(html: str) -> list[str]:
    p = Live()
    p.feed(html)
    return p.found


@pytest.fixture()
def db(tmp_path):
    return build(tmp_path / "i.json", seed_result(), hostile())


@pytest.fixture()
def client(db):
    return TestClient(create_app(db))


def token(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_pages_answer(client):
    speakers = client.get("/speakers")
    assert speakers.status_code == 200 and DARMANIN in speakers.text and "French Minister of Justice" in speakers.text
    link = re.search(r'href="/speakers/(\d+)">Gérald Darmanin', speakers.text).group(1)
    page = client.get(f"/speakers/{link}")
    assert page.status_code == 200 and "The cooperation is excellent<" in page.text
    qid = re.search(r'href="/quotes/([^"]+)"', page.text).group(1)
    quote = client.get(f"/quotes/{qid}")
    assert quote.status_code == 200 and "<mark>" in quote.text and TITLE in quote.text
    assert client.get("/documents").status_code == 200
    assert client.get("/speakers?q=ouahbi").text.count("/speakers/") >= 1 and OUAHBI in client.get("/speakers?q=ouahbi").text


def test_speaker_page_filters(client):
    link = re.search(r'href="/speakers/(\d+)">Gérald Darmanin', client.get("/speakers").text).group(1)
    page = client.get(f"/speakers/{link}", params={"search": "cooperation"})
    assert "The cooperation is excellent<" in page.text and "We seize many assets" not in page.text
    assert client.get(f"/speakers/{link}", params={"since": "yesterday"}).status_code == 400


def test_hostile_text_is_shown_escaped_everywhere(client):
    pages = ["/speakers", "/documents"]
    speakers = client.get("/speakers").text
    pages += re.findall(r'href="(/speakers/\d+)"', speakers)
    for path in list(pages):
        body = client.get(path).text
        pages += re.findall(r'href="(/(?:quotes|documents)/[^"]+)"', body)
    assert any(p.startswith("/quotes/") for p in pages) and any(p.startswith("/documents/") for p in pages)
    for path in dict.fromkeys(pages):
        res = client.get(path)
        assert res.status_code == 200, path
        assert live(res.text) == [], path
    text = client.get("/documents").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in text


def test_every_response_forbids_scripts(client):
    csp = client.get("/speakers").headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp


def test_posts_need_the_csrf_token(client):
    assert client.post("/check", data={"draft": "x"}).status_code == 403
    assert client.post("/check", data={"draft": "x", "csrf": "guess"}).status_code == 403


def test_read_only_by_default(client, db):
    page = client.get("/speakers/1")
    assert "Rename" not in page.text
    res = client.post("/speakers/1/rename", data={"name": "Someone", "csrf": token(client.get("/check").text)})
    assert res.status_code == 403
    assert Index(str(db), readonly=True).find_speakers(1)[0]["name"] != "Someone"


def test_edits_when_allowed_go_through_the_index(db):
    client = TestClient(create_app(db, allow_edits=True))
    sid = Index(str(db), readonly=True).find_speakers("Ouahbi")[0]["id"]
    page = client.get(f"/speakers/{sid}").text
    assert client.post(f"/speakers/{sid}/rename", data={"name": "A. Ouahbi"}).status_code == 403
    res = client.post(f"/speakers/{sid}/rename", data={"name": "A. Ouahbi", "csrf": token(page)}, follow_redirects=False)
    assert res.status_code == 303
    row = Index(str(db), readonly=True).find_speakers(sid)[0]
    assert row["name"] == "A. Ouahbi" and OUAHBI in row["aliases"]


def test_large_bodies_are_refused(client):
    res = client.post("/check", content=b"x" * (MAX_BODY + 1), headers={"content-type": "text/plain"})
    assert res.status_code == 413


@pytest.mark.parametrize("path", ["/static/../../i.json", "/static/%2e%2e/%2e%2e/i.json", "/documents/..%2F..%2Fi.json",
                                  "/quotes/..%2Fi.json", "/i.json", "/static/../app.py"])
def test_nothing_outside_the_index_is_served(client, path):
    res = client.get(path)
    assert res.status_code == 404 and '"_default"' not in res.text and "speakers" not in res.text.split("<main>")[-1]


def test_check_a_draft_inline_with_line_numbers(client):
    draft = ('# Draft\n\nThe minister was upbeat.\n\n'
             '"The cooperation is very excellent," Darmanin said.\n')
    page = client.get("/check").text
    res = client.post("/check", data={"draft": draft, "csrf": token(page)})
    assert res.status_code == 200
    assert '<mark class="v-altered">' in res.text and "altered" in res.text
    assert re.search(r'<td class="no">5</td><td class="line">.*v-altered', res.text)


def test_a_markdown_draft_is_read_as_it_renders(client):
    """A link gives its words to the speaker, and the quotation is marked where the draft has it."""
    draft = ('# Draft\n\nThe French justice minister [Gérald Darmanin](https://example.org/darmanin) said: '
             '"The cooperation is very excellent."\n')
    res = client.post("/check", data={"draft": draft, "csrf": token(client.get("/check").text)})
    assert res.status_code == 200
    assert re.search(r'<td class="no">3</td><td class="line">.*<mark class="v-altered">The cooperation is very '
                     r'excellent\.</mark>', res.text)
    assert "said by Gérald Darmanin" in res.text


def test_hostile_draft_is_shown_as_text(client):
    draft = ('<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>\n'
             '"<a href=\"javascript:alert(4)\">The cooperation is excellent</a>," Darmanin said.\n')
    res = client.post("/check", data={"draft": draft, "csrf": token(client.get("/check").text)})
    assert res.status_code == 200 and live(res.text) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in res.text


def test_check_an_uploaded_draft(client):
    draft = '"The cooperation is very excellent," Darmanin said.\n'.encode()
    res = client.post("/check", data={"csrf": token(client.get("/check").text)},
                      files={"file": ("draft.md", draft, "text/markdown")})
    assert res.status_code == 200 and '<mark class="v-altered">' in res.text
    bad = client.post("/check", data={"csrf": token(client.get("/check").text)},
                      files={"file": ("draft.md", b"\xff\xfe\x00bad", "text/markdown")})
    assert bad.status_code == 400 and "UTF-8" in bad.text


def test_reassign_and_merge_when_edits_are_allowed(db):
    client = TestClient(create_app(db, allow_edits=True))
    ix = Index(str(db), readonly=True)
    q = next(r for r in ix.list_quotes() if r["quote"].startswith("We have reached"))
    page = client.get(f"/quotes/{q['id']}").text
    assert 'action="/quotes/' in page and "Reassign" in page
    res = client.post(f"/quotes/{q['id']}/reassign", data={"speaker": "Darmanin", "csrf": token(page)},
                      follow_redirects=False)
    assert res.status_code == 303 and Index(str(db), readonly=True).get_quote(q["id"])["speaker"] == DARMANIN
    darmanin = ix.find_speakers("Darmanin")[0]["id"]
    other = ix.find_speakers("Ministry of Justice")[0]["id"]
    res = client.post(f"/speakers/{darmanin}/merge", data={"other": str(other), "csrf": token(page)},
                      follow_redirects=False)
    after = Index(str(db), readonly=True)
    assert res.status_code == 303 and [s["id"] for s in after.find_speakers("Ministry of Justice")] == [darmanin]
    assert all(s["id"] != other for s in after.list_speakers())
