"""Typography-blind words: the unit in which a citation is compared with its source.

A draft and its source may differ in ways a reader never notices: curly or
straight marks, the kind of dash, ``…`` or ``...``, case, spacing, and the
comma or full stop a writer moves at the edge of a quotation. :func:`tokens`
turns text into :class:`Token` objects whose ``norm`` erases exactly those
differences while ``start``/``end`` still point into the original text, so a
report can quote the source's own words back.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

#: Marks that open or close a quotation; never part of a quote's words.
QUOTE_MARKS = frozenset("\"'‘’‚‛“”„‟«»‹›「」『』`´")
APOSTROPHES = "'’‘ʼ`´"
DASHES = "-‐‑‒–—―−"
#: Punctuation a writer may move to or from the edge of a quotation.
EDGE_PUNCT = frozenset(",.;:")
ELLIPSIS = "..."
_EDGE = EDGE_PUNCT | {ELLIPSIS}

_WORD = rf"\w+(?:[{APOSTROPHES}]\w+)*"
_TOKEN = re.compile(rf"{_WORD}|\.\.\.|…|[{DASHES}]+|[^\w\s]")
#: An omission a writer marks inside a quotation: ``…``, ``...``, ``[…]``, ``(...)``.
OMISSION = re.compile(r"\s*(?:[\[(]\s*(?:…|\.\.\.)\s*[\])]|…|\.\.\.)\s*")


class Token(NamedTuple):
    """One word or punctuation mark: its comparable form and where it sits."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparable form of a piece of text: compatibility forms, marks and case folded."""
    if text.isascii():
        return "-" if text[0] == "-" else text.lower()
    text = unicodedata.normalize("NFKC", text)
    for a in APOSTROPHES:
        text = text.replace(a, "'")
    for d in DASHES:
        text = text.replace(d, "-")
    text = re.sub(r"-+", "-", text)
    return unicodedata.normalize("NFC", text.casefold())


def tokens(text: str) -> list[Token]:
    """Words and punctuation of ``text``; quotation marks dropped, edge ``, . ; :`` trimmed."""
    out = [Token(fold(g), m.start(), m.end()) for m in _TOKEN.finditer(text)
           if (g := m.group()) not in QUOTE_MARKS]
    return trim_edges(out)


def norms(text: str) -> list[str]:
    """Just the ``norm`` of each of :func:`tokens` (no offsets): the fast path for many texts."""
    out = [fold(g) for g in _TOKEN.findall(text) if g not in QUOTE_MARKS]
    lo, hi = 0, len(out)
    while lo < hi and out[lo] in _EDGE:
        lo += 1
    while hi > lo and out[hi - 1] in _EDGE:
        hi -= 1
    return out[lo:hi]


def trim_edges(toks: list[Token]) -> list[Token]:
    """Drop the punctuation a writer may move at either edge of a quotation."""
    lo, hi = 0, len(toks)
    while lo < hi and toks[lo].norm in _EDGE:
        lo += 1
    while hi > lo and toks[hi - 1].norm in _EDGE:
        hi -= 1
    return toks[lo:hi]


def segments(text: str) -> list[str]:
    """The pieces of a cited quotation between its omission marks (``…``, ``[…]``)."""
    return [s for s in OMISSION.split(text) if tokens(s)]


def strip_marks(text: str) -> str:
    """``text`` without the quotation marks and blanks around it, as a user may paste it."""
    text = text.strip()
    while len(text) >= 2 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
        text = text[1:-1].strip()
    return text

