"""``quotes serve`` on a large index: a speaker page (the first of its pages) and the speaker list at
100,000 quotations (``--sizes`` for others). Target: well under a second for the speaker page.

The index is generated as in :mod:`index_scale` (no NLP). Requests go through Starlette's test client
in this process, so the figure is the app's own time: reading the index (first request) and answering
(later ones, the index held in memory and re-read only when the file changes).
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import note, report
from index_scale import generate, ingest_seconds

SIZES = (100_000,)


def timed(client, path: str) -> tuple[float, int]:
    start = time.perf_counter()
    res = client.get(path)
    return time.perf_counter() - start, res.status_code


def run(sizes: tuple[int, ...] = SIZES) -> dict:
    from starlette.testclient import TestClient

    from quotes.index.core import Index
    from quotes.serve import create_app

    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as tmp:
        for n in sizes:
            db = Path(tmp) / f"index-{n}.json"
            ingest_seconds(db, generate(n))
            top = Index(str(db), readonly=True).list_speakers()[0]
            client = TestClient(create_app(db))
            first, code = timed(client, f"/speakers/{top['id']}")
            speaker = min(timed(client, f"/speakers/{top['id']}")[0] for _ in range(5))
            listing = min(timed(client, "/speakers")[0] for _ in range(3))
            searched = min(timed(client, f"/speakers/{top['id']}?search=justice")[0] for _ in range(3))
            figures[str(n)] = {"speaker_quotes": top["quotes"], "first_request_seconds": round(first, 3),
                               "speaker_page_seconds_best_of_5": round(speaker, 3),
                               "speaker_list_seconds_best_of_3": round(listing, 3),
                               "speaker_page_search_seconds_best_of_3": round(searched, 3), "status": code}
            note(f"serve: {n} quotes: first request {first:.2f}s, speaker page {speaker:.3f}s, list {listing:.3f}s")
    return {"sizes": figures, "targets": {"speaker_page_seconds at 100000": "well under 1"}}


def main(args) -> None:
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else SIZES
    report("serve_page", run(sizes))
