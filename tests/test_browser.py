"""``quotes serve`` in a real browser: Debian's headless Chromium driven by Playwright.

Opens the speaker list, follows a speaker, checks a draft with one altered
quotation and sees its verdict; takes screenshots on the way (the README's, in
docs/screenshots/, when run with QUOTES_SCREENSHOTS=1). Without Chromium the test skips with
one line saying how to install it, except under CI=true, where a missing browser is a failure.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from typer.testing import CliRunner

from quotes.cli import app
from seed_index import DARMANIN, build, seed_result

CHROMIUM = os.environ.get("QUOTES_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
#: Where the README's screenshots are kept; a run writes there only when asked (QUOTES_SCREENSHOTS=1),
#: so that `make test` leaves the checkout as it found it.
README_SHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
#: Pages whose text tries every trick: script elements, event handlers, javascript: links, Markdown links.
TRAP = "window.pwned = (window.pwned || 0) + 1"
HOSTILE = {
    "hostile.txt": (
        'Hostile words\n\n'
        f'Nadia Benali said "<script>{TRAP}</script> is what they wrote".\n\n'
        f'"<img src=x onerror="{TRAP}"> and [click me](javascript:{TRAP}) and <a href="javascript:{TRAP}">here</a>," '
        'Benali added.\n\n'
        f'Omar Haddad said "![x](javascript:{TRAP}) <svg onload="{TRAP}"></svg> is no answer".\n'),
    "hostile.html": (
        f'<html><head><title>&lt;script&gt;{TRAP}&lt;/script&gt;</title><script>{TRAP}</script></head><body>'
        f'<article><p>Nadia Benali said "&lt;b onmouseover=&quot;{TRAP}&quot;&gt;bold claims&lt;/b&gt; are cheap".</p>'
        f'<p><a href="javascript:{TRAP}">a link</a> and <img src=x onerror="{TRAP}"></p></article></body></html>'),
}
INSTALL = "Chromium not found: install it with `apt-get install chromium` (as root) to run the browser tests"


def browser_or_skip():
    missing = None
    if not Path(CHROMIUM).is_file():
        missing = INSTALL
    else:
        try:
            from playwright.sync_api import sync_playwright  # noqa: F401
        except ImportError:
            missing = "playwright is not installed: pip install -e '.[test]'"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"under CI a browser test may not skip: {missing}")
        pytest.skip(missing)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``quotes serve``'s app on a free local port, in a thread of this process."""
    import uvicorn  # only this test needs a running server

    from quotes.serve import create_app

    where = tmp_path_factory.mktemp("browser")
    db = build(where / "quotes.json", seed_result())
    for name, text in HOSTILE.items():  # through the real ingest: loader, pipeline, index
        (where / name).write_text(text, encoding="utf-8")
        res = CliRunner().invoke(app, ["ingest", str(where / name), "--db", str(db)])
        assert res.exit_code == 0, res.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.mark.slow
def test_hostile_articles_run_nothing_in_chromium(server):
    """Every page that shows the hostile articles, opened and hovered in Chromium: no dialog, no script."""
    browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page()
            ran: list[str] = []
            page.on("dialog", lambda d: (ran.append(d.message), d.dismiss()))
            page.goto(f"{server}/speakers")
            todo = [f"{server}/speakers", f"{server}/documents"]
            todo += [a.get_attribute("href") for a in page.locator("#speakers a").all()]
            page.goto(f"{server}/documents")
            todo += [a.get_attribute("href") for a in page.locator("#documents a").all()]
            seen: set[str] = set()
            shown = ""
            while todo:
                url = todo.pop(0)
                url = url if url.startswith("http") else server + url
                if url in seen:
                    continue
                seen.add(url)
                page.goto(url)
                for el in page.locator("mark, blockquote, td, li").all()[:60]:
                    el.hover()
                shown += page.locator("main").inner_text()
                todo += [h for h in (a.get_attribute("href") for a in page.locator("main a").all())
                         if h and h.startswith(("/quotes/", "/documents/"))]
                assert page.evaluate("window.pwned") is None, url
            assert ran == []
            assert any("/quotes/" in u for u in seen) and "<script>" in shown and "javascript:" in shown
        finally:
            browser.close()


@pytest.mark.slow
def test_speakers_speaker_and_draft_check_in_chromium(server, tmp_path):
    browser_or_skip()
    from playwright.sync_api import sync_playwright

    shots = README_SHOTS if os.environ.get("QUOTES_SCREENSHOTS") == "1" else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 760})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{server}/")
            assert page.title().startswith("Speakers")
            assert page.locator("#speakers tbody tr", has_text=DARMANIN).count() == 1
            page.screenshot(path=str(shots / "speakers.png"), full_page=True)

            page.get_by_role("link", name=DARMANIN).click()
            page.wait_for_load_state()
            assert page.locator("h1").inner_text() == DARMANIN
            assert page.locator("blockquote", has_text="The cooperation is excellent").count() == 1
            page.screenshot(path=str(shots / "speaker.png"), full_page=True)

            page.locator("a", has_text="in context").first.click()
            page.wait_for_load_state()
            assert page.locator("#paragraph mark").count() == 1
            page.screenshot(path=str(shots / "quote.png"), full_page=True)

            page.get_by_role("link", name="Check a draft").click()
            page.fill("textarea[name=draft]", "# Draft\n\nThe minister was upbeat.\n\n"
                                              '"The cooperation is very excellent," Darmanin said.\n')
            page.click("#check-button")
            page.wait_for_selector("#summary", timeout=120_000)
            assert "1 altered" in page.locator("#summary").inner_text()
            verdict = page.locator(".verdict.v-altered")
            assert verdict.count() == 1 and "said by Gérald Darmanin" in verdict.inner_text()
            assert page.locator("mark.v-altered").inner_text().startswith("The cooperation is very excellent")
            page.screenshot(path=str(shots / "check.png"), full_page=True)
            assert errors == []
        finally:
            browser.close()
