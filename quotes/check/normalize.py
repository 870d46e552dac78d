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

#: Letters a writer changed inside a word are bracketed in it: ``[T]he``, ``work[s]``, ``[s]he``.
_IN_WORD_EDIT = r"\[\w{1,12}\]"
_WORD = rf"(?:{_IN_WORD_EDIT})?\w+(?:[{APOSTROPHES}]\w+)*(?:{_IN_WORD_EDIT}(?:\w+)?)?"
_TOKEN = re.compile(rf"\[\s*[sS][iI][cC]!?\s*\]|{_WORD}|\.\.\.|…|[{DASHES}]+|[^\w\s]")
#: An omission a writer marks inside a quotation: ``…``, ``...``, ``[…]``, ``(...)``.
OMISSION = re.compile(r"\s*(?:[\[(]\s*(?:…|\.\.\.)\s*[\])]|…|\.\.\.)\s*")
#: Words a writer put in square brackets standing apart from other words: an insertion or a
#: replacement of the speaker's words ("the decision [the council] has taken"), or ``[sic]``.
BRACKETED = re.compile(r"(?<![\w\]])\[([^\[\]\n]{1,80})\](?![\w\[])")
SIC = re.compile(r"sic!?", re.IGNORECASE)
SIC_MARK = re.compile(r"\[\s*sic!?\s*\]", re.IGNORECASE)
#: ``cannot`` is ``can not`` written as one word: the same two words to compare.
_SPLIT_WORDS = {"cannot": ("can", "not")}


class Token(NamedTuple):
    """One word or punctuation mark: its comparable form and where it sits."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparable form of a piece of text: compatibility forms, marks and case folded."""
    if "[" in text and len(text) > 2:
        text = text.replace("[", "").replace("]", "")
    if text.isascii():
        return "-" if text[0] == "-" else text.lower()
    text = unicodedata.normalize("NFKC", text)
    for a in APOSTROPHES:
        text = text.replace(a, "'")
    for d in DASHES:
        text = text.replace(d, "-")
    text = re.sub(r"-+", "-", text)
    return unicodedata.normalize("NFC", text.casefold())


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and punctuation of ``text[start:end]`` (offsets into ``text``); quotation marks dropped,
    edge ``, . ; :`` trimmed."""
    out = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        g = m.group()
        if g in QUOTE_MARKS or g[0] == "[" and g[-1] == "]":
            continue
        n = fold(g)
        split = _SPLIT_WORDS.get(n)
        if split:  # one token a word, each pointing at its part of the written word
            cut = m.start() + len(split[0])
            out += [Token(split[0], m.start(), cut), Token(split[1], cut, m.end())]
        else:
            out.append(Token(n, m.start(), m.end()))
    return trim_edges(out)


def norms(text: str) -> list[str]:
    """Just the ``norm`` of each of :func:`tokens` (no offsets): the fast path for many texts."""
    out = []
    for g in _TOKEN.findall(text):
        if g not in QUOTE_MARKS and not (g[0] == "[" and g[-1] == "]"):
            n = fold(g)
            out.extend(_SPLIT_WORDS.get(n, (n,)))
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


#: What stands between two pieces of a citation cut at an omission mark (``…``).
OMITTED = None


def pieces(text: str) -> tuple[list[tuple[int, int]], list[str | None], list[str], list[str]]:
    """A citation cut at the journalist's editorial marks.

    Returns the (start, end) of each piece of words; what stands between each piece and the
    next (``OMITTED`` for an omission mark, else the bracketed words put in, ``[the council]``);
    and the bracketed words before the first piece and after the last. ``[sic]`` is no cut:
    :func:`tokens` leaves it out, as it marks an error in the source, not a word of it.
    """
    cuts = [(m.start(), m.end(), OMITTED) for m in OMISSION.finditer(text)]
    cuts += [(m.start(), m.end(), m.group()) for m in BRACKETED.finditer(text)
             if not SIC.fullmatch(m.group(1).strip()) and not any(s <= m.start() < e for s, e, _ in cuts)]
    cuts.sort(key=lambda c: c[0])
    spans: list[tuple[int, int]] = []
    joins: list[str | None] = []
    lead: list[str] = []
    pending: list[str | None] = []
    pos = 0
    for s, e, what in cuts + [(len(text), len(text), "")]:
        if tokens(text, pos, s):
            if spans:
                joins.append(OMITTED if OMITTED in pending else " ".join(pending))
            else:
                lead = [w for w in pending if w is not OMITTED]
            spans.append((pos, s))
            pending = []
        if what != "":
            pending.append(what)
        pos = e
    return spans, joins, lead, [w for w in pending if w is not OMITTED]


def sics(text: str) -> list[str]:
    """Every ``[sic]`` of a citation."""
    return SIC_MARK.findall(text)


def strip_marks(text: str) -> str:
    """``text`` without the quotation marks and blanks around it, as a user may paste it."""
    text = text.strip()
    while len(text) >= 2 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
        text = text[1:-1].strip()
    return text

