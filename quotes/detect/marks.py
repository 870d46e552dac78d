"""Quotation marks: which characters they are, and what one occurrence can do.

The detector never trusts a glyph alone. Writers and their software mix
straight and curly marks, put an opening “ where a closing one belongs, use
German „…“ or French « … » and »…« styles, and the same ’ is an apostrophe
far more often than it is a mark. So each occurrence is judged by its
*flanking*, the characters either side of it (as CommonMark and SmartyPants
do): a mark with a word after it and a space before it can open, one with a
word before it and a space or punctuation after it can close, and a single
mark between two letters (``Morocco's``) or starting an elision (``'90s``,
``rock 'n' roll``) is an apostrophe and can do neither.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE, SINGLE = "double", "single"

#: Every quotation-mark character and its family. Guillemets are doubles.
FAMILY = {
    '"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "‟": DOUBLE, "«": DOUBLE, "»": DOUBLE,
    "「": DOUBLE, "」": DOUBLE, "＂": DOUBLE,
    "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‛": SINGLE, "‹": SINGLE, "›": SINGLE,
    "『": SINGLE, "』": SINGLE, "''": DOUBLE, "``": DOUBLE,
}

#: What each mark means by its glyph when the context does not say otherwise.
OPENS = frozenset(('“', '„', '‟', '«', '‘', '‚', '‛', '‹', '「', '『', "``"))
CLOSES = frozenset("”»’›」』")
#: CJK brackets are never written backwards and have no spaces to judge by.
FIXED = frozenset("「」『』")
#: Straight marks: the glyph says nothing, context decides.
STRAIGHT = frozenset(('"', "'", "＂", "''"))

#: The marks that may close a quotation opened by a given mark. Mixed straight
#: and curly, and an opening glyph typed where a closing one belongs, are common
#: enough in real copy to accept; guillemets and CJK brackets pair only with
#: their own kind.
_CLOSERS = {
    '"': '"”“＂', "“": '”“"', "”": '”"“', "„": '“”"', "‟": '”"“', "＂": '＂"”',
    "«": "»", "»": "«»", "「": "」",
    "'": "'’‘", "‘": "’'‘", "’": "’'", "‚": "‘’'", "‛": "’'", "‹": "›", "›": "‹›", "『": "』",
    "''": '"”', "``": '"”',
}
#: Two straight singles close any double quotation a straight or curly double mark may close.
CLOSERS = {k: frozenset(v) | ({"''"} if FAMILY[k] == DOUBLE and k not in "«»「" else set())
           for k, v in _CLOSERS.items()}

#: Guillemets may stand apart from the words they enclose (French « … »).
SPACED = frozenset("«»‹›")
INNER_SPACES = " \u00a0\u202f\u2009"
#: Punctuation that can follow a closing mark or precede an opening one.
CLOSING_PUNCT = frozenset(",.;:!?)]}…")
OPENING_PUNCT = frozenset("([{—–-/")
#: What a mark may stand one space apart from: another mark, an ellipsis.
_SET_APART = frozenset(FAMILY) | {"…"}

#: Elisions written with a leading apostrophe: '90s, 'em, 'til, ’tis, 'n', Dutch 't.
_ELISION = re.compile(
    r"['‘’](?:\d\d(?!\d)|(?:em|n|t|til|tis|twas|cause|bout|round|nuff|cept|kay|sup|ol|im|er)(?![\w'’‘-]|['’]\w))",
    re.IGNORECASE)
#: ``rock 'n' roll``: both marks of a lone n are apostrophes.
_N_ELISION = re.compile(r"(?<!\w)['‘’]n['’](?!\w)", re.IGNORECASE)
_MARK = re.compile("[" + re.escape("".join(c for c in FAMILY if len(c) == 1)) + "]")
_DOUBLED = re.compile("''|``|" + _MARK.pattern)
_DOUBLED_OPEN = re.compile(r"(?<![\w'])''(?=\w)")
_SINGLE_OPEN = re.compile(r"(?<![\w'])'(?=\w)")


@dataclass(slots=True)
class Mark:
    """One quotation-mark occurrence and the roles its context allows."""

    pos: int
    char: str
    can_open: bool
    can_close: bool
    width: int = 1

    @property
    def family(self) -> str:
        return FAMILY[self.char]

    def closes(self, opener: "Mark") -> bool:
        """Whether this mark may end a quotation that ``opener`` began."""
        return self.can_close and self.char in CLOSERS.get(opener.char, ())

    @property
    def end(self) -> int:
        return self.pos + self.width


#: Typographic styles: a double mark of another style opens a nested quotation (« … “…” … »).
_STYLE = {c: "straight" for c in ('"', "＂", "''", "``")} | {c: "curly" for c in "“”„‟"} | {c: "guillemet" for c in "«»"}


def nests(outer: Mark, inner: Mark) -> bool:
    """Whether double mark ``inner`` opens a quotation inside the open double quotation ``outer``.

    Only across typographic styles (« … “…” … », “ … "…" … ”). A straight outer
    mark is never taken to nest curly ones: in web copy a stray straight mark
    before curly quotations is far more common than straight-outside-curly nesting.
    """
    a, b = _STYLE.get(outer.char, outer.char), _STYLE.get(inner.char, inner.char)
    return a != b and a != "straight"


def apostrophes(text: str) -> set[int]:
    """Positions of single marks that are elisions, whatever their flanking says."""
    found = {m.start() for m in _ELISION.finditer(text)}
    for m in _N_ELISION.finditer(text):
        found.update((m.start(), m.end() - 1))
    return found


def scan(text: str, start: int, end: int, skip: set[int] = frozenset(), doubled: bool = False) -> list[Mark]:
    """Every mark in ``text[start:end]`` that can open or close, in order.

    ``skip`` holds positions already known not to be marks (apostrophes,
    markup attributes); a mark that can do neither is left out. With
    ``doubled``, two straight singles (and two backticks) are one double mark.
    """
    out = []
    for found in (_DOUBLED if doubled else _MARK).finditer(text, start, end):
        i, c = found.start(), found.group()
        if len(c) == 1 and i in skip:
            continue
        w = len(c)
        can_open, can_close = _roles(c, *_flanking(text, i, w, start, end))
        if (w == 2 or FAMILY[c] == DOUBLE or not _inside_word(text, i, start, end)) and (can_open or can_close):
            out.append(Mark(i, c, can_open, can_close, w))
    return out


def doubled_singles(text: str) -> bool:
    """Whether the text writes double quotation marks as two straight singles (''like this'').

    Archives and plain-text wires do; a text whose single quotations merely end
    together (``'he said 'no''``) does not, so '' must open quotations more often
    than a lone ' does.
    """
    if _TYPEWRITER_OPEN.search(text):   # ``…'' (Penn Treebank, LaTeX): two backticks only ever open a quotation
        return True
    pairs = len(_DOUBLED_OPEN.findall(text))
    return pairs >= 2 and pairs >= len(_SINGLE_OPEN.findall(text))


#: Two backticks before a word: the typewriter opening double mark of tokenised corpora.
_TYPEWRITER_OPEN = re.compile(r"``(?=[^\s`])")


def _roles(c: str, fo: bool, fc: bool) -> tuple[bool, bool]:
    """(can open, can close) from the glyph and its flanking ``fo``/``fc``.

    A straight mark does what its flanking allows. A curly mark does what its
    glyph says unless the flanking clearly says the opposite (“…“, ”…”, »…«).
    """
    if c in FIXED:
        return c in OPENS, c in CLOSES
    if c in STRAIGHT:
        return fo, fc
    if c in OPENS:
        return (False, True) if fc and not fo else (True, False)
    return (True, False) if fo and not fc else (False, True)


def _flanking(text: str, i: int, w: int, start: int, end: int) -> tuple[bool, bool]:
    """(can open, can close) from the characters either side of the mark ``text[i:i + w]``."""
    c = text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + w] if i + w < end else " "
    inner_after, inner_before = after, before
    if after in INNER_SPACES and i + w + 1 < end and (c in SPACED or text[i + w + 1] in _SET_APART):
        inner_after = text[i + w + 1]  # « Bonjour », nested marks set apart (" 'Title), "' … and then"
    if before in INNER_SPACES and i - 1 > start and (c in SPACED or text[i - 2] in _SET_APART):
        inner_before = text[i - 2]  # ,' "
    can_open = (not inner_after.isspace() and not _closing_punct(text, i + w, end)
                and (before.isspace() or before in OPENING_PUNCT or before in FAMILY or before == ":"
                     or not before.isalnum() and before not in CLOSING_PUNCT))
    can_close = (not inner_before.isspace() and inner_before not in OPENING_PUNCT
                 and (after.isspace() or after in CLOSING_PUNCT or after in FAMILY or after in "—–-"
                      or not after.isalnum()))
    if c in STRAIGHT and not can_open and not can_close and not before.isspace() and not after.isspace():
        can_open = can_close = c in ('"', "''")  # said"hello" : a straight double between words may do either
    return can_open, can_close


def _closing_punct(text: str, j: int, end: int) -> bool:
    """Whether ``text[j]`` is punctuation that ends words rather than begins them.

    ``.@handle``, ``.5`` and an ellipsis opening a quotation (``"…and then"``) begin words.
    """
    if j >= end or text[j] not in CLOSING_PUNCT or text[j] == "…":
        return False
    return not (j + 1 < end and (text[j + 1].isalnum() or text[j + 1] in "@#."))


def _inside_word(text: str, i: int, start: int, end: int) -> bool:
    """A single mark between two letters or digits is an apostrophe: Morocco's, O’Brien, 6'2."""
    return start < i < end - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
