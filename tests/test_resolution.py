"""Who said it, on news the rules were never tuned on: one test per failure class of issue 15.

Each sentence is written to show the pattern (or taken from the out-of-domain news pages); each
test failed before the rule it guards.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from quotes.pipeline import analyse
from quotes.records import Document


def speakers(nlp, text: str) -> list[tuple[str | None, str]]:
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    return [(q.speaker, q.quote) for q in result.quotes if q.kind in ("direct", "partial")]


#: The article text of the herald-sun-1 page of shared/news-html (development half), as the loader reads it.
HERALD_SUN = (Path(__file__).parent / "data" / "herald-sun-1.txt").read_text(encoding="utf-8")


def test_a_law_named_like_the_person_is_not_the_person(nlp):
    """Class 1: "The Bill would …" is a thing; the "Data Retention Bill" must not absorb Bill Shorten."""
    found = speakers(nlp, HERALD_SUN)
    [who] = [w for w, q in found if q.startswith("Press freedom")]
    assert who == "Bill Shorten"
    assert all("Bill" not in (w or "") or w == "Bill Shorten" for w, _ in found)
