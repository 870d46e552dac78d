"""A citation pasted with its attribution: ``"The people … wanted," Okafor said.``

A journalist checking a sentence of a draft pastes it whole. The words to check are
the ones inside the quotation marks (all of them, in order, when the attribution
interrupts the quotation); the speaker is the name the sentence gives outside them.
Pure text: the detector finds the marks, and the name is the capitalised words
outside them, left of or right of the cue (no parse, so ``check`` starts at once).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.cues import SPEECH_VERBS
from ..lexicon.names import PRONOUNS, key

#: Verbs of saying whose written forms are not the lemma plus -s, -d, -ed or -es.
IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak", "thought": "think", "felt": "feel",
             "according": "accord"}
#: Words of an attribution that outside the marks may stand around the cue (``according to``).
CUE_WORDS = SPEECH_VERBS | {"accord", "speak"}
#: A run of capitalised words: a name, perhaps with a title (``Councillor James Okafor``).
NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:(?:de|da|van|von|der|al|el|bin|le|la|du)\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*)*")
#: Capitalised words that start a sentence or a clause and name nobody.
NOT_NAMES = frozenset("the a an and but in on at as it this that then when while after before mr mrs ms dr".split())
#: Kinds of detected span that are a citation's words (not a title or a nickname).
WORDS = ("direct", "partial", "heading", "scare")


@dataclass(slots=True)
class Pasted:
    """The words inside the marks and the names the sentence gives outside them, nearest the cue first."""

    quote: str
    names: list[str]


def pasted(text: str) -> Pasted | None:
    """The quotation and speaker names of a pasted attributed sentence; None if ``text`` is not one.

    It is one when the words outside the marks are an attribution: a cue (``said``,
    ``told``, ``according to`` …) or a colon before them, a cue within five words after
    them, a cue in each interruption; not ``The minister said "no" to the plan``.
    """
    from ..detect.spans import detect

    text = text.strip()
    spans = [q for q in detect(text) if q.kind in WORDS]
    if not spans:
        return None
    before, after = text[:spans[0].open_start], text[spans[-1].close_end:]
    between = [text[a.close_end:b.open_start] for a, b in zip(spans, spans[1:])]
    if not (before.strip() or after.strip(" \t\n.,;:!?") or between):
        return None  # marks around the whole citation: no attribution to read
    lead_ok = not before.strip() or before.rstrip().endswith((":", ",")) or _cue(before.split()[-5:])
    tail_ok = not after.strip(" \t\n.,;:!?") or _cue(after.split()[:5])
    if not (lead_ok and tail_ok and all(_cue(b.split()) for b in between)):
        return None
    if not _cue((before + " " + after + " " + " ".join(between)).split()) and not before.rstrip().endswith(":"):
        return None
    return Pasted(" ".join(q.text.strip() for q in spans), _names(" ".join([before, *between, after])))


def _cue(words: list[str]) -> bool:
    """Whether one of ``words`` is a verb of saying, as written (``said``, ``voiced``, ``tweets``)."""
    return any(_lemma(w.strip(".,;:!?—–-\"'“”‘’").lower()) in CUE_WORDS for w in words)


def _lemma(w: str) -> str:
    if w in IRREGULAR:
        return IRREGULAR[w]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("d", "")):
        if w.endswith(suffix) and (base := w[:-len(suffix)] + repl) in CUE_WORDS:
            return base
    return w


def _names(outside: str) -> list[str]:
    """Capitalised runs outside the marks, cue words and pronouns left out, longest first."""
    found = []
    for m in NAME.finditer(outside):
        words = [w for w in m.group().split() if not _cue([w])]
        while words and (key(words[0]) in NOT_NAMES or key(words[0]) in PRONOUNS):
            words.pop(0)
        if words:
            found.append(" ".join(words).rstrip(".,;:"))
    return sorted(found, key=lambda n: -len(n.split()))
