"""Where a page's articles begin and which stretches are quoted, read off a parsed document.

A news page often carries several articles (a "Related articles" section);
:func:`doc_segment_starts` finds the boundaries so that speaker entities never
cross them. :func:`double_quoted` finds double-quoted stretches, whose names
are rarely who is speaking.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_QUOTE, IS_SPACE
from spacy.tokens import Doc

_BOUNDARY_LINE = re.compile(
    r"^[ \t]*(related (articles|stories|posts|news|coverage|content)|read (also|more)|more (from|stories|news)|"
    r"recommended( for you)?|you (may|might) also like|see also|trending( now)?)\b", re.I | re.M)
_BLANK_LINES = re.compile(r"\n[ \t]*\n[ \t]*\n\s*")


def segment_starts(text: str) -> list[int]:
    """Character offsets where each article of a page begins (always starts with 0)."""
    starts = {0}
    starts.update(m.start() for m in _BOUNDARY_LINE.finditer(text))
    starts.update(m.end() for m in _BLANK_LINES.finditer(text))
    return sorted(starts)


def doc_segment_starts(doc: Doc) -> list[int]:
    """:func:`segment_starts` read off the tokens: only line breaks and the line after each are looked at.

    (``doc.text`` would rebuild the whole string, which costs more than the rest of this stage.)
    """
    starts = {0}
    if not len(doc):
        return [0]
    if _BOUNDARY_LINE.match(doc[0:7].text):
        starts.add(0)
    for i in numpy.flatnonzero(doc.to_array([IS_SPACE])).tolist():
        tok = doc[i]
        if "\n" not in tok.text:
            continue
        if tok.text.count("\n") >= 3:
            starts.add(tok.idx + len(tok.text))
        line = tok.idx + tok.text.rindex("\n") + 1
        if _BOUNDARY_LINE.match(tok.text[tok.text.rindex("\n") + 1:] + doc[i + 1:i + 8].text):
            starts.add(line)
    return sorted(starts)


def double_quoted(doc: Doc) -> list[tuple[int, int]]:
    """(open, close) token indices of double-quoted stretches; a line break ends an unclosed one."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for i in numpy.flatnonzero(doc.to_array([IS_QUOTE]) | doc.to_array([IS_SPACE])).tolist():
        t = doc[i].text
        if "\n" in t:
            opened = None
        elif t in ("“", "«", "„") or (t == '"' and opened is None):
            opened = i
        elif t in ("”", "»", '"') and opened is not None:
            out.append((opened, i))
            opened = None
    return out
