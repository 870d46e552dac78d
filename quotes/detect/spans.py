"""Stage 2, detect: every stretch of text between a pair of quotation marks.

Pure text in, :class:`~quotes.records.QuoteSpan` out; no parser, never raises.
The text is cut into paragraphs, each mark is judged by its context
(:mod:`quotes.detect.marks`), and marks are paired on a stack so an inner quotation
stays part of its outer one. Only the outermost pair of a paragraph becomes a
span. A quotation left open at a paragraph's end either continues (the next
paragraph opens with a mark of the same family: the house rule for quotations
over several paragraphs) or is closed there with ``closed=False``; a missing
mark never costs the rest of the article.

Each span gets a ``kind`` from the text alone (:func:`kind_of`): a quotation
in a headline, or a line that is only a quotation, is a ``heading``; a name or
title in title case after a cue (CNN's "New Day", the hacker group 'Jabaroot',
the "Off Message" podcast) a ``title``; a nickname inside a person's name
(Marcia "Cia" Price) a ``nickname``, which the later stages read as part of the
name; a phrase after *so-called* a ``scare`` quote; anything else ``direct``. The attribution stage may upgrade a title or
scare quote to ``partial`` when a cue ties it to a speaker.

Two straight singles used as a double mark (''like this'', the NYT archive's
style) are read as one double mark when a text opens quotations that way.

Over the project's ~450 lines (516): pairing marks and classing what they hold share the line index
and the mark scan; the kinds (heading, title, nickname, scare) are the next module to split off.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Literal

from .marks import DOUBLE, FAMILY, SINGLE, STRAIGHT, Mark, apostrophes, doubled_singles, nests, scan
from ..records import QuoteSpan

#: A markup tag such as ``<tweet id="…">``: its attribute values are not quotations.
_TAG = re.compile(r"<[A-Za-z!/][^<>]{0,500}>")
#: A document is hard-wrapped when most lines run on into the next and none is long.
_WRAP_WIDTH = 100
#: Quotations nested deeper than this are stray marks; the cap keeps pairing linear.
_MAX_DEPTH = 8


@dataclass(slots=True)
class _Piece:
    """One paragraph's part of a quotation, before trimming and kinds."""

    open_at: int
    content_start: int
    content_end: int
    close_end: int
    closed: bool
    chain: int


def detect(text: str) -> list[QuoteSpan]:
    """Every quotation-mark span in ``text``, sorted by start and non-overlapping."""
    if not isinstance(text, str) or not text:
        return []
    skip = apostrophes(text) | _in_tags(text)
    pieces = _pair(text, _paragraphs(text), skip)
    return _spans(text, pieces)


def _in_tags(text: str) -> set[int]:
    """Positions of marks inside markup tags."""
    out: set[int] = set()
    for m in _TAG.finditer(text):
        out.update(i for i in range(m.start(), m.end()) if text[i] in FAMILY)
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: each line, or each block of lines when hard-wrapped."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", text)]
    lines = [(s, e) for s, e in lines if text[s:e].strip()]
    if not _hard_wrapped(text, lines):
        return lines
    blocks: list[tuple[int, int]] = []
    for s, e in lines:
        if blocks and _breaks(text[blocks[-1][1]:s]) == 1:
            blocks[-1] = (blocks[-1][0], e)
        else:
            blocks.append((s, e))
    return blocks


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether line breaks fall inside paragraphs (mail, plain-text wires) rather than between them."""
    if len(lines) < 4:
        return False
    widths = sorted(e - s for s, e in lines)
    if widths[int(len(widths) * 0.9)] > _WRAP_WIDTH:
        return False
    runs_on = sum(_breaks(text[e:s2]) == 1 for (_, e), (s2, _) in zip(lines, lines[1:]))
    return runs_on >= len(lines) / 2


def _breaks(gap: str) -> int:
    """Line breaks in a stretch between lines, whatever the convention (\\n, \\r\\n, \\r)."""
    return len(re.findall(r"\r\n|\r|\n", gap))


def _pair(text: str, paragraphs: list[tuple[int, int]], skip: set[int]) -> list[_Piece]:
    """Pair the marks of each paragraph; carry quotations over paragraph breaks."""
    doubled = doubled_singles(text)
    paragraphs = list(paragraphs)
    marks_of = [scan(text, s, e, skip, doubled) for s, e in paragraphs] + [[]]
    pieces: list[_Piece] = []
    chains = itertools.count()
    carry: int | None = None  # the chain continued from the previous paragraph
    n = 0
    while n < len(paragraphs):
        start, end = paragraphs[n]
        marks, following = marks_of[n], marks_of[n + 1]
        if carry is not None and not (marks and _leads(text, start, marks[0])):
            carry = None
        nxt_start = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else end
        if carry is None and _excerpt_marker(text, start, marks, following, nxt_start):
            marks = marks[1:]
        leading = bool(following) and _leads(text, nxt_start, following[0]) and following[0]
        para = _Paragraph(text, start, end, marks, chains, carry, leading)
        para.pair()
        joined = para.stack and _runs_on(text, paragraphs, marks_of, n, para.stack)
        if joined:  # a line break inside an open quotation: the lines are one paragraph
            paragraphs[n:joined + 1] = [(start, paragraphs[joined][1])]
            marks_of[n:joined + 1] = [scan(text, start, paragraphs[n][1], skip, doubled)]
            continue
        carry = para.finish(leading)
        pieces.extend(para.pieces)
        n += 1
    return pieces


_SENTENCE_END = re.compile(r"[.!?] ")
#: Lines a quotation left open may run over, one line break apart, before the line that closes it.
_RUN_ON_LINES = 3


def _runs_on(text: str, paragraphs: list[tuple[int, int]], marks_of: list[list[Mark]], n: int,
             stack: list[tuple[Mark, int]]) -> int | None:
    """The index of the line that closes a quotation left open at the end of line ``n``, if the
    quotation only crosses single line breaks to reach it (hard-wrapped copy); else None.

    A blank line ends a paragraph (the quotation then closes there or carries on by the
    multi-paragraph rule); so does a line that ends a sentence, and a line whose first mark
    of the open quotation's family could open one. The closing line's first such mark must
    be one that can only close.
    """
    family = stack[0][0].family
    for k in range(n + 1, min(n + 1 + _RUN_ON_LINES, len(paragraphs))):
        if _breaks(text[paragraphs[k - 1][1]:paragraphs[k][0]]) != 1:
            return None
        if text[:paragraphs[k - 1][1]].rstrip()[-1:] in ".!?":
            return None  # a line that ends a sentence: "… for her here.\nS.C. Rep. Jim Clyburn.\""
        first = next((m for m in marks_of[k] if m.family == family), None)
        if first is None:
            continue
        return k if not first.can_open and _match(stack, first) is not None else None
    return None


class _Paragraph:
    """The stack of open quotations in one paragraph, and the pieces it closes."""

    def __init__(self, text: str, start: int, end: int, marks: list[Mark], chains, carry: int | None,
                 leading: Mark | Literal[False] = False) -> None:
        self.text, self.start, self.end, self.marks = text, start, end, marks
        self.chains, self.carry = chains, carry
        self.leading = leading  # the mark that opens the next paragraph, if one does
        self.stack: list[tuple[Mark, int]] = []
        self.pieces: list[_Piece] = []
        self.slip: Mark | None = None  # “…’ : a single closing mark typed for a double one

    def pair(self) -> None:
        """Walk the marks: close the innermost quotation a mark can close, else open one."""
        text, end, stack = self.text, self.end, self.stack
        strong = _strong_ahead(text, self.marks, end)
        converts = _closer_ahead(self.marks)
        singles = _ahead(self.marks, SINGLE, lambda m: True)
        for j, m in enumerate(self.marks):
            k = _match(stack, m)
            if k is None and len(stack) == 1 and _slipped(text, stack[0][0], m, end):
                self.slip = self.slip or m
            if k is None and self._mismatched(m, singles[j]):
                k = 0  # 'JOHN, you lied to me," a shaken Maria Diaz told …
            if k is not None and not (_weak_closer(text, m, end) and (strong[j] or self._runs_past(k, m))
                                      and not self._nested_single(k)):
                if k == 0:
                    self._emit(m.pos, m.end, True)
                del stack[k:]
            elif m.can_open or (k is None and converts[j] and self._may_convert(m)):
                self._open(m, j)

    def _mismatched(self, m: Mark, single_ahead: bool) -> bool:
        """Whether double mark ``m`` closes the single quotation open alone on the stack.

        Only when nothing else can: ``m`` can only close, no double quotation is open for
        it, no single mark that could close the quotation follows in the paragraph, and
        the quotation does not go on in the next one. So ``'JOHN, you lied to me," a shaken
        Maria Diaz told her brother`` is one quotation and the well-formed ``"a clear
        pattern of deceit"`` after it stays a quotation of its own.
        """
        if len(self.stack) != 1 or m.family != DOUBLE or m.can_open or not m.can_close:
            return False
        o = self.stack[0][0]
        return o.family == SINGLE and not single_ahead and not self._carried_on(0)

    def _runs_past(self, k: int, m: Mark) -> bool:
        """Whether a plural possessive ``m`` sits inside a quotation of whole sentences that goes on
        in the next paragraph (``'We've waited five years for this. The farmers' field is booked,``)."""
        o = self.stack[0][0]
        return self._carried_on(k) and _SENTENCE_END.search(self.text, o.end, m.pos) is not None

    def _carried_on(self, k: int) -> bool:
        """Whether the outer quotation goes on in the next paragraph, so a plural possessive
        (``The farmers' field is booked``) inside it is no closing mark though none follows."""
        o = self.stack[0][0]
        return k == 0 and bool(self.leading) and self.leading.family == o.family and not _restyled(o, self.leading)

    def _nested_single(self, k: int) -> bool:
        """Whether the quotation at stack depth ``k`` sits inside another single one ('… 'success' …')."""
        return any(o.family == SINGLE for o, _ in self.stack[:k])

    def _may_convert(self, m: Mark) -> bool:
        """An unmatched double closing mark followed by another closing mark opens (”Isis declares…”)."""
        inch = m.char in STRAIGHT and m.pos > self.start and self.text[m.pos - 1].isdigit()  # a 55" screen
        return m.can_close and m.family == DOUBLE and not inch

    def _open(self, m: Mark, j: int) -> None:
        if len(self.stack) >= _MAX_DEPTH:
            return
        if m.family == DOUBLE and any(o.family == DOUBLE and not nests(o, m) for o, _ in self.stack):
            self._emit_unclosed(m.pos)  # a new double quotation: the open one lost its closing mark
            self.stack.clear()
            self.slip = None
        continued = not self.stack and j == 0 and self.carry is not None
        self.stack.append((m, self.carry if continued else next(self.chains)))

    def _emit(self, content_end: int, close_end: int, closed: bool) -> None:
        o, chain = self.stack[0]
        self.pieces.append(_Piece(o.pos, o.end, content_end, close_end, closed, chain))

    def _emit_unclosed(self, default: int) -> None:
        """Close the outer quotation at a slipped single mark inside it, else at ``default``."""
        stop = self.slip.pos if self.slip is not None and self.slip.pos > self.stack[0][0].pos else default
        self._emit(stop, stop, False)

    def finish(self, following: Mark | Literal[False]) -> int | None:
        """Close what is still open at the paragraph end; the chain to carry on, if the next paragraph continues it."""
        if not self.stack:
            return None
        o, chain = self.stack[0]
        if self.slip is not None and self.slip.pos > o.pos:
            self._emit_unclosed(self.end)
            return None
        follows = bool(following) and following.family == o.family and not _restyled(o, following)
        if follows or _quotes_on(o):
            self._emit(self.end, self.end, follows)
        return chain if follows else None


def _restyled(o: Mark, following: Mark) -> bool:
    """Whether a straight quotation left open is met by a curly mark leading the next paragraph.

    A quotation carried over paragraphs reopens with the mark it opened with; a curly
    mark after a straight block quotation (``"…the reported details of the shooters.`` /
    ``“I don’t want to talk about …,” Earnest said."``) opens a quotation inside the
    block, which is not the block going on.
    """
    return o.char in STRAIGHT and following.char not in STRAIGHT


def _excerpt_marker(text: str, start: int, marks: list[Mark], following: list[Mark], nxt_start: int) -> bool:
    """Whether the paragraph's first mark is a lone straight double mark setting off an excerpt.

    Some sites mark each paragraph copied from another article with a straight mark
    at its start that nothing closes, while the excerpt's own quotations are curly
    (``"Trump tried to laugh it off by interjecting, “Only Rosie O’Donnell.”``). Such a
    mark opens no quotation: the writer's words after it are the excerpt's narration,
    and a cue among them (``interjecting``) reports the curly quotation. Not when a
    curly closing mark comes first (``"I know,” Henry said``: mixed styles), nor when
    the next paragraph leads with a straight mark too: that is a quotation carried on.
    """
    if not marks or not _leads(text, start, marks[0]) or marks[0].char not in STRAIGHT or marks[0].family != DOUBLE:
        return False
    rest = [m for m in marks[1:] if m.family == DOUBLE]
    if not rest or not rest[0].can_open or rest[0].can_close or any(m.char in STRAIGHT for m in rest):
        return False  # "I know,” Henry said: a closing mark of another style still closes it
    return not (following and _leads(text, nxt_start, following[0]) and following[0].char in STRAIGHT)


def _slipped(text: str, o: Mark, m: Mark, end: int) -> bool:
    """Whether ``m`` is a single closing mark right after punctuation inside the double quotation ``o``."""
    return (o.family == DOUBLE and m.family == SINGLE and m.can_close and not m.can_open
            and text[m.pos - 1] in ".,!?" and not _weak_closer(text, m, end))


def _leads(text: str, start: int, m: Mark) -> bool:
    """Whether mark ``m`` is the first thing in its paragraph."""
    return m.can_open and not text[start:m.pos].strip()


def _quotes_on(o: Mark) -> bool:
    """Whether an opener left unclosed at a paragraph end is a quotation rather than a stray apostrophe."""
    return o.family == DOUBLE or o.char not in "’"


def _match(stack: list[tuple[Mark, int]], m: Mark) -> int | None:
    """Index of the innermost open quotation that ``m`` can close, if any."""
    if not m.can_close:
        return None
    for k in range(len(stack) - 1, -1, -1):
        if m.closes(stack[k][0]):
            return k
    return None


def _weak_closer(text: str, m: Mark, end: int) -> bool:
    """A single mark after a word and before another word: a plural possessive (farmers' union) or a close."""
    if m.family != SINGLE or m.pos == 0 or not text[m.pos - 1].isalpha():
        return False
    rest = text[m.pos + 1:min(end, m.pos + 3)]
    return len(rest) == 2 and rest[0] == " " and rest[1].isalnum()


def _ahead(marks: list[Mark], family: str, closes) -> list[bool]:
    """For each mark, whether a mark of ``family`` for which ``closes(m)`` holds follows
    before any mark of that family that can only open.

    Computed right to left in one pass so a paragraph of any length costs linear time.
    """
    out = [False] * len(marks)
    ahead = False
    for j in range(len(marks) - 1, -1, -1):
        out[j] = ahead
        m = marks[j]
        if m.family != family:
            continue
        if m.can_close and closes(m):
            ahead = True
        elif m.can_open and not m.can_close:
            ahead = False
    return out


def _strong_ahead(text: str, marks: list[Mark], end: int) -> list[bool]:
    """Whether a single mark that can only close (not weakly) follows before any single opener."""
    return _ahead(marks, SINGLE, lambda m: not _weak_closer(text, m, end))


def _closer_ahead(marks: list[Mark]) -> list[bool]:
    """Whether another double mark that can close follows before any double opener."""
    return _ahead(marks, DOUBLE, lambda m: True)


def _spans(text: str, pieces: list[_Piece]) -> list[QuoteSpan]:
    """Trimmed, non-empty spans with kinds and group indices."""
    out: list[QuoteSpan] = []
    first: dict[int, int] = {}
    size: dict[int, int] = {}
    for p in pieces:
        s, e = p.content_start, p.content_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            continue
        first.setdefault(p.chain, len(out))
        size[p.chain] = size.get(p.chain, 0) + 1
        close_end = p.close_end if p.close_end > p.content_end else e
        out.append(QuoteSpan(start=s, end=e, text=text[s:e], open_start=p.open_at, close_end=close_end,
                             closed=p.closed, group=p.chain))
    lines = _Lines(text)
    for k, q in enumerate(out):
        chain = q.group
        q.group = first[chain] if size[chain] > 1 else None
        q.kind = kind_of(text, q, lines)
        if q.kind == "direct" and k and out[k - 1].kind == "scare" \
                and _LISTED.fullmatch(text[out[k - 1].close_end:q.open_start]):
            q.kind = "scare"  # the so-called "deal" or "truce": one cue for the whole list
    return out


#: What joins two items of one list of terms: ``"rabbit patches" or "goat farms"``.
_LISTED = re.compile(r"\s*(?:,|,?\s*(?:or|and|nor))\s*", re.IGNORECASE)


class _Lines:
    """Where lines and the text's ink begin and end, found once so kinds cost no rescans."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        stripped = text.lstrip()
        self.first_ink = len(text) - len(stripped)
        self.last_ink = len(text.rstrip())
        self.size = len(text)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the line(s) holding ``[start, end)``, line breaks excluded."""
        i = bisect.bisect_left(self.breaks, start)
        line_start = self.breaks[i - 1] + 1 if i else 0
        j = bisect.bisect_left(self.breaks, end)
        return line_start, self.breaks[j] if j < len(self.breaks) else self.size


def kind_of(text: str, q: QuoteSpan, lines: _Lines | None = None) -> str:
    """What a quotation-mark span is, from the text alone: heading, title, scare or direct.

    Conservative: a real quotation marked title or scare is lost unless the
    attribution stage finds its speaker, so only clear signs count.
    """
    lines = lines or _Lines(text)
    line_start, line_end = lines.around(q.open_start, q.close_end)
    if q.group is None and _headline(text, line_start, line_end, q, lines):
        return "heading"
    before = text[max(line_start, q.open_start - 40):q.open_start]
    after = text[q.close_end:q.close_end + 20]
    if _nickname(q.text, before, after):
        return "nickname"
    if title_case(q.text) and (_TITLE_CUE.search(before) or _WORK_AFTER.match(after)
                                or _ENTITY_CUE.search(before) and q.text[-1].isalnum()):
        return "title"
    if _SCARE_CUE.search(before):
        return "scare"
    return "direct"


#: Words left lower case in a title: "Parks and Recreation", "State of the Union".
_SMALL = frozenset("a an the of and or nor but in on at to for with by from as vs vs. de la le del y et up via".split())
#: What comes before a title: a broadcaster's possessive (CNN's "New Day"), the kind of
#: work (the film "Trainwreck", his book "Sin Miedo"), or a role in it (star of, host of).
_TITLE_CUE = re.compile(
    r"(?:['’]s|\b(?:star|stars|starred|host|hosts|hosted|co-host|author|version|revival|episode|edition|season)"
    r"\s+(?:of|in)|\b(?:show|series|program|programme|film|movie|documentary|book|memoir|novel|song|album|play"
    r"|musical|podcast|column|op-ed|essay|titled|entitled|headlined|magazine|newspaper|on|in))\s*,?\s*$",
    re.IGNORECASE)
#: A title named before the kind of work it is: the "Off Message" podcast, the "No Comparison" ad.
_WORK_AFTER = re.compile(
    r"\s*(?:show|series|program|programme|film|movie|documentary|book|novel|song|album|musical|podcast"
    r"|column|ad|ads|commercial|spot|sketch|broadcasts?|episode|segment|theme|pageant|special|sequel|tour)\b",
    re.IGNORECASE)
#: A name given after the kind of thing it names: the hacker group 'Jabaroot'.
_ENTITY_CUE = re.compile(
    r"\b(?:group|band|company|firm|organi[sz]ation|movement|network|operation|code-?name|hackers?|collective"
    r"|gang|outfit|account|handle|app|platform|brand|website|blog|channel|ship|vessel|militia|faction)\s+$",
    re.IGNORECASE)
#: A writer keeping a word at arm's length: the so-called "deal", courses known as "goat farms"
#: (agentless naming; "what Trump dubbed '…'" has a speaker and is left to attribution).
_SCARE_CUE = re.compile(r"\b(?:so-called|known\s+as|a\.?k\.?a\.?)\s*$", re.IGNORECASE)
#: Longest line still read as a headline.
_HEADLINE_WORDS = 25
_HEADLINE_CHARS = 400


#: A given name and a surname around the marks: Marcia "Cia" Price, John “Tig” Tiegen.
_GIVEN_NAME = re.compile(r"(?:^|[\s(])[A-Z][a-z][\w.'’-]*\s$")
_SURNAME = re.compile(r"\s[A-Z][a-z][\w'’-]*")


def _nickname(content: str, before: str, after: str) -> bool:
    """Is the span a nickname set in a person's name (part of the name, not a quotation)?"""
    words = content.split()
    return 0 < len(words) <= 3 and len(content) <= 25 and title_case(content) \
        and content[-1:] not in ".,!?;:" and bool(_GIVEN_NAME.search(before)) and bool(_SURNAME.match(after))


#: Longest name of a thing in marks (a game, a film, a button) that is not taken for someone's words.
NAMED_THING_WORDS = 5


def named_thing(q: QuoteSpan) -> bool:
    """Is the quote the name of a thing, set in marks (``released "Super Mario Run"``, a ``"Like"``
    button, the ``"Rez"`` remake)? Words in title case, a few of them, no sentence of their own.
    With no cue, the subject of the writer's sentence did not say them, nor did the last speaker:
    no speaker is better than a wrong one."""
    words = q.text.strip(" ,.;:").split()
    return 0 < len(words) <= NAMED_THING_WORDS and title_case(q.text) and not q.text.rstrip().endswith(("!", "?")) \
        and not _SENTENCE_INSIDE.search(q.text.strip(" ,.;:")) \
        and not any(w.lower().replace("’", "'").split("'")[0] in _SPEAKING for w in words)


#: Two sentences in the marks ("The Donald. Big Daddy.") are someone's words, not a name.
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")
#: Words of someone speaking ("We're America."): a first or second person, or a contraction's subject.
_SPEAKING = frozenset({"i", "we", "you", "me", "us", "my", "our", "your", "he", "she", "they", "it", "that", "there"})


def title_case(s: str) -> bool:
    """Whether ``s`` reads as a name or title: every word capitalised but the small ones."""
    if len(s) > 120:
        return False
    words = [w.strip(",.:;!?()[]") for w in s.split()]
    words = [w for w in words if w]
    if not words or len(words) > 8 or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL for w in words)


#: The verbs of saying a reporting sentence uses, as written (a headline's cue is mostly in the present:
#: "Bill Clinton calls Obamacare 'crazy system'"); used only to tell a sentence from a headline.
_SAID = re.compile(r"\b(?:said|says|told|tells|added|adds|stated|states|declared|explained|asked|replied"
                   r"|wrote|announced|insisted|warned|noted|argued|according\s+to)\b", re.IGNORECASE)


def _reporting(before: str, after: str, content: str) -> bool:
    """Whether the line around a quotation is a reporting sentence, which no heading is: a cue
    and a colon before the marks (``Councillor James Okafor said: "…"``).

    A cue alone does not tell: headlines have them too (``Obama Says Museum Will Tell of
    'Suffering and Delight.'``), and so do their colons without one (``Trump: "We will win"``).
    """
    return before.rstrip().endswith(":") and _SAID.search(before) is not None


def _headline(text: str, line_start: int, line_end: int, q: QuoteSpan, lines: _Lines) -> bool:
    """Whether the quotation sits in a headline or heading rather than in running text.

    A line that is nothing but a quotation without closing punctuation is a
    heading ('A deep friendship and renewed partnership'); so is any short
    line in title case, and the first line of the text when it is short and
    more text follows (a quotation ending in a comma is running text, though).
    """
    if line_end - line_start > _HEADLINE_CHARS:
        return False
    line = text[line_start:line_end].strip()
    words = line.split()
    if not line or len(words) > _HEADLINE_WORDS:
        return False
    alone = not text[line_start:q.open_start].strip() and not text[q.close_end:line_end].strip()
    if alone:
        return q.text[-1] not in ".,;!?"
    if _reporting(text[line_start:q.open_start], text[q.close_end:line_end], q.text):
        return False
    if lines.first_ink >= line_start:  # the title, when an article follows it
        return lines.last_ink > line_end and not q.text.endswith(",")
    caps = [w for w in words if w[0].isalpha() and w.lower() not in _SMALL]
    return len(words) >= 4 and len(caps) >= 3 and sum(w[0].isupper() for w in caps) >= 0.8 * len(caps)
