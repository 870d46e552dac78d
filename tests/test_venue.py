"""Venues: the occasion of a quotation, in the text's own words."""
from __future__ import annotations

import pytest

from quotes.pipeline import analyse
from quotes.records import Document
from quotes.attribution.venue import carry_venues


def quotes_of(nlp, text):
    return [q for q in analyse(nlp(text), Document(path="t.txt", text=text)).quotes if q.kind in ("direct", "partial")]


@pytest.mark.parametrize("text, venue", [
    ("'This visit translates into a deep friendship,' Darmanin declared during his interview with 2M on Sunday.",
     "during his interview with 2M on Sunday"),
    ("“We will not back down,” the senator said at a rally in Des Moines.", "at a rally in Des Moines"),
    ("“The information is false,” the ministry said in an official statement.", "in an official statement"),
    ("“It was very nice,” the gambling tycoon told Reuters.", "told Reuters"),
])
def test_venue_phrase(nlp, text, venue):
    (q,) = quotes_of(nlp, text)
    assert q.venue == venue


def test_no_venue_when_text_gives_none(nlp):
    (q,) = quotes_of(nlp, "“We will win,” Smith said on Tuesday.")
    assert q.venue is None


def test_continuing_quote_inherits_venue(nlp):
    text = ("'The cooperation is excellent,' Darmanin voiced during an interview with 2M on Sunday.\n"
            "'The exceptional work Morocco does in intelligence provides us with substantial information.'\n")
    first, second = quotes_of(nlp, text)
    assert second.venue == first.venue and "2M" in second.venue


def test_carry_venues_rules():
    a, b = object(), object()
    # continues: inherits; same speaker next paragraph: inherits; other speaker: does not
    assert carry_venues(["x", None], [a, None], [0, 1], [None, 0]) == ["x", "x"]
    assert carry_venues(["x", None], [a, a], [0, 1], [None, None]) == ["x", "x"]
    assert carry_venues(["x", None], [a, b], [0, 1], [None, None]) == ["x", None]
    assert carry_venues(["x", None], [a, a], [0, 3], [None, None]) == ["x", None]


# Issue 19, point 7: a venue is the occasion phrase only: neither the speaker nor the content leaks in.
@pytest.mark.parametrize("text, venue", [
    ("During a joint press conference with Ouahbi, Darmanin 'sincerely thanked' Morocco for its cooperation.",
     "During a joint press conference with Ouahbi"),
    ('In a written statement that it was "delighted" with the result, the club thanked its fans.',
     "In a written statement"),
    ("“We will win,” Smith said at a rally with Jones, Brown and Lee.", "at a rally with Jones, Brown and Lee"),
    ("“It was very nice,” the senator said at a rally in Des Moines, Iowa.", "at a rally in Des Moines, Iowa"),
])
def test_venue_is_the_occasion_phrase_only(nlp, text, venue):
    (q,) = quotes_of(nlp, text)
    assert q.venue == venue
