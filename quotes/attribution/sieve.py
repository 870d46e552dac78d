"""Stage 3, attribute: the cue and the speaker mention of each quotation.

A precision-ordered sieve in the manner of Muzny et al. (2017): each quotation
goes through :data:`STEPS` in turn and the first step that decides it wins. A
step returns True when it decided (found the speaker, or found that no one is
named); steps that only refine the cue decide nothing. The steps, in order
(``tests/test_sieve.py`` checks this list against :data:`STEPS`):

1. ``label``: the quote is labelled with its source, as transcripts, digests and
   fact checks do (``Clinton: '…'``, a line ``- Bernie Sanders.`` under it); a
   turn tagged ``VIDEO:`` is ``silent`` (no one named, no one inherited).
2. ``governing cue``: the reporting verb outside the quote that governs words
   inside it in the dependency parse (``'…,' he said``; ``X said that '…'``), or
   one right after the marks when the parse hangs it elsewhere.
3. ``dash aside``: a quote set off by dashes with no cue before it is an aside
   to the clause before the opening dash.
4. ``colon clause``: the clause a colon right before the quote closes, when the
   governing cue lies before that clause (``… gave the Texan a compliment: '…'``).
5. ``stronger cue``: a weak verb above the quote gives way to a strong cue with
   a subject in the same sentence.
6. ``addressed``: a quote put to someone (``Trump was asked, '…?'``) keeps its
   cue; its speaker is left unknown rather than given to the one asked.
7. ``claim``: the quote lies in the clause of someone's claim below the cue
   (``… Trump's claim that Obama 'founded ISIS'``).
8. ``syntax``: the subject of the governing cue (or of a comma aside cue) speaks.
9. ``not a quotation``: a title or term in marks is attributed only when its
   words are themselves a verb (``inside``), and goes no further.
10. ``according``: ``according to X`` / ``in the words of X`` in the sentence.
11. ``in the sentence``: a quote inside the writer's sentence (``embedded``, the
    subject above it) or leading a sentence with a cue elsewhere (``sentence``).
12. ``adjacent``: a reporting verb next to the marks in the same paragraph.
13. ``colon``: the quote follows ``X said:`` (or ``X went further:``).
14. ``inside``: the quoted words are themselves the verb (``Darmanin 'sincerely
    thanked' Morocco``): the subject outside the marks speaks.

After the sieve, quotes with no cue of their own are given a speaker by
:mod:`quotes.attribution.continued` (``group``, ``introduced``, ``continues``,
``anticipates``). Where a new rule goes: a new way a cue is written is a cue
finder (:mod:`quotes.attribution.finders`); a correction over the quote's clause
is :mod:`quotes.attribution.clauses`; a new kind of decision is a step here, put
in :data:`STEPS` where its precision ranks it.

The mention is the noun phrase naming the speaker at that place (a name,
a pronoun or a description); resolving it to an entity is :mod:`quotes.coref`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..nlp.lemmas import lemma
from ..records import QuoteSpan
from .agents import document, someone, speaks
from .clauses import (aside_cue, claim_owner, colon_clause, cue_at_colon, dash_aside, inner_cue, name_after_marks,
                      named_before_colon, naming_echo, subordinate_to)
from .continued import continue_quotes, share_groups
from .embedded import by_sentence_cue, embedded_quote, leads_sentence
from .fallback import between_marks_and_cue, nearby_name
from .finders import according_to, adjacent_cue, colon_intro, cue_after, governing_cue, quoted_verb, sentence_cue
from .labels import silent_turn, speaker_label
from .parse import Layout, addressed, is_cue, near_sentence, subject_of, words_end
from .record import ACCORDING, ADDRESSED, ADJACENT, Attribution, COLON, CONTINUES, EMBEDDED, INSIDE, LABEL, SILENT, SYNTAX, assign

__all__ = ["STEPS", "Attribution", "attribute", "is_partial"]


def is_partial(q: QuoteSpan, text: str) -> bool:
    """Does the quote sit inside a sentence of the writer's (``proclaimed the deal 'a sign'``)?"""
    i = q.open_start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    inner = q.text.lstrip(" '\"‘“«„")
    if i < 0 or (text[i] in "\n.!?:;" and not _abbreviation(text, i)):
        return False
    return bool(inner) and (inner[0].islower() or text[i].isalnum())


def _abbreviation(text: str, i: int) -> bool:
    """Is the full stop at ``i`` the end of an abbreviation with stops inside (``the U.S. "does not
    have …"``, ``D.C.``), not of a sentence?"""
    if text[i] != ".":
        return False
    parts = text[max(text.rfind(" ", 0, i), text.rfind("\n", 0, i)) + 1:i].split(".")
    return len(parts) >= 2 and all(part.isalpha() and len(part) <= 2 for part in parts)


def attribute(doc: Doc, spans: list[QuoteSpan], text: str | None = None, lay: Layout | None = None) -> list[Attribution]:
    """The attribution of every span, in order; groups of one multi-paragraph quote share one.

    ``text`` is ``doc.text`` when the caller has it (rebuilding it from the tokens costs ~3 ms);
    ``lay``, the document's :class:`Layout` when the caller built it already (reported speech reads
    the same one).
    """
    lay = lay or Layout(doc, spans, text)
    out = [Attribution(span=q, kind=q.kind) for q in spans]
    for qi, a in enumerate(out):
        if a.kind in ("heading", "nickname"):
            continue
        _sieve(qi, a, lay)
    share_groups(out, spans)
    continue_quotes(out, lay)
    for a in out:
        _finish(a, lay)
        a.paragraph = lay.para(a.span.open_start)
    return out


@dataclass(slots=True)
class Pending:
    """One quote on its way through the sieve: what the steps so far have found out about it."""

    qi: int
    a: Attribution
    lay: Layout
    quotable: bool
    cue: Token | None = None
    argument: bool = False


def _label(p: Pending) -> bool:
    """``label`` / ``silent``: a transcript or digest names the source beside the quote."""
    if not p.quotable:
        return False
    label = speaker_label(p.qi, p.lay)
    if label is not None:
        assign(p.a, LABEL, None, label, p.lay)
        return True
    if silent_turn(p.qi, p.lay):
        p.a.sieve = SILENT  # a transcript turn tagged "VIDEO:": no one named, no one inherited
        return True
    return False


def _governing(p: Pending) -> bool:
    """Finds the cue the parse hangs the quote from (decides nothing by itself)."""
    qi, lay = p.qi, p.lay
    p.cue, p.argument = governing_cue(qi, lay)
    cue = p.cue
    if p.quotable and (cue is None or cue.i < lay.tokens[qi][0] or cue.i > lay.tokens[qi][-1]):
        # also a governing cue further on: in "'…,' she said, but '…,' said Kunin" the parse hangs
        # the first "said" under the second; the cue right after the marks is the quote's
        near = cue_after(qi, lay)
        if near is not None and (cue is None or near.i < cue.i or cue.i < lay.tokens[qi][0]) \
                and not (cue is not None and subordinate_to(cue, near, words_end(p.a.span.text) == ",")):
            p.cue, p.argument = near, True
    return False


def _dash(p: Pending) -> bool:
    """``syntax``: a quote set off by dashes with no cue before its closing dash is an aside."""
    if p.quotable and (p.cue is None or p.cue.i > p.lay.tokens[p.qi][-1]):
        aside = dash_aside(p.qi, p.lay)
        if aside is not None:
            assign(p.a, SYNTAX, aside[0], aside[1], p.lay)
            return True
    return False


def _colon_first(p: Pending) -> bool:
    """``colon``: the clause a colon right before the quote closes, when the cue lies before it."""
    if p.quotable and p.cue is not None and p.cue.i < p.lay.tokens[p.qi][0]:
        verb = colon_clause(p.qi, p.cue, p.lay)
        if verb is not None:
            assign(p.a, COLON, verb, subject_of(verb, p.lay), p.lay)
            return True
        at_colon = cue_at_colon(p.qi, p.cue, p.lay)
        if at_colon is not None:
            assign(p.a, COLON, at_colon[0], at_colon[1], p.lay)
            return True
    return False


def _stronger(p: Pending) -> bool:
    """A weak verb above the quote gives way to a strong cue with a subject in the sentence."""
    cue = p.cue
    if p.quotable and cue is not None and not is_cue(cue, strict=True) and lemma(cue) != "call":
        # "AT&T just finished laying fiber, she said, to 'make sure …'": the strong verb reports it
        strong = sentence_cue(p.qi, p.lay)
        subj = subject_of(strong, p.lay) if strong is not None and strong.pos_ == "VERB" else None
        if subj is not None and subj.lower_ != "it":  # not "it's safe to say"
            p.cue, p.argument = strong, True
    return False


def _addressed(p: Pending) -> bool:
    """``addressed``: a quote put to someone (``Trump was asked, '…?'``) is not theirs."""
    if p.quotable and p.cue is not None and addressed(p.cue):
        # someone unnamed asked him; the quote is not his, nor the last speaker's
        src = according_to(p.qi, p.lay)
        if src is not None:
            assign(p.a, ACCORDING, None, src, p.lay)
        else:
            p.a.sieve, p.a.cue = ADDRESSED, p.lay.doc[p.cue.i:p.cue.i + 1]
        return True
    return False


def _claim(p: Pending) -> bool:
    """``embedded``: the quote lies in the clause of someone's claim below the cue."""
    if p.quotable and p.cue is not None:
        owner = claim_owner(p.qi, p.cue, p.lay)
        if owner is not None:
            assign(p.a, EMBEDDED, owner[0], owner[1], p.lay)
            return True
    return False


def _syntax(p: Pending) -> bool:
    """``syntax``: the subject of the cue (or of an aside cue) speaks."""
    qi, lay, quotable = p.qi, p.lay, p.quotable
    cue = p.cue
    if quotable and cue is not None:
        cue = aside_cue(cue, lay) or cue
    if cue is not None and (quotable or (p.argument and cue.pos_ == "VERB")):
        subj = subject_of(cue, lay) or (nearby_name(cue, lay) or between_marks_and_cue(qi, cue, lay)
                                        or name_after_marks(qi, cue, lay) if quotable else None)
        if subj is not None and quotable and not speaks(cue, subj):
            # "the word ''birther'' was mentioned …, according to a review of transcripts"
            src = according_to(qi, lay)
            if src is not None:
                assign(p.a, ACCORDING, None, src, lay)
                return True
        if subj is not None and quotable and not someone(subj) and not document(subj):
            inner = inner_cue(qi, cue, lay)
            if inner is not None:
                cue, subj = inner
        if subj is not None:
            assign(p.a, SYNTAX, cue, naming_echo(cue, subj, lay) or subj, lay)
            return True
    return False


def _not_quotable(p: Pending) -> bool:
    """``inside`` for a title or term in marks, which no later step attributes."""
    if p.quotable:
        return False
    hit = quoted_verb(p.qi, p.lay)
    if hit is not None:
        assign(p.a, INSIDE, hit[0], hit[1], p.lay)
    return True


def _according(p: Pending) -> bool:
    """``according``: ``according to X`` / ``in the words of X`` in the sentence."""
    src = according_to(p.qi, p.lay)
    if src is not None:
        assign(p.a, ACCORDING, None, src, p.lay)
        return True
    return False


def _in_sentence(p: Pending) -> bool:
    """``embedded`` / ``sentence``: a quote inside the writer's sentence, or one leading it."""
    partial = is_partial(p.a.span, p.lay.text)
    if partial:
        return embedded_quote(p.qi, p.a, p.lay)
    return leads_sentence(p.a.span, p.lay.text) and by_sentence_cue(p.qi, p.a, p.lay)


def _nearby(sieve: str, find):
    def step(p: Pending) -> bool:
        qi, lay = p.qi, p.lay
        cue = find(qi, lay)
        if cue is None:
            return False
        subj = subject_of(cue, lay) or nearby_name(cue, lay) or between_marks_and_cue(qi, cue, lay)
        if sieve == COLON and not is_cue(cue, strict=True) and (subj is None or not someone(subj)):
            subj = named_before_colon(qi, cue, lay) or subj
        if subj is None:
            return False
        assign(p.a, sieve, cue, subj, lay)
        return True
    step.__name__ = f"_{sieve}"
    step.__doc__ = {ADJACENT: "``adjacent``: a reporting verb next to the marks in the same paragraph.",
                    COLON: "``colon``: the quote follows ``X said:`` (or ``X went further:``)."}[sieve]
    return step


def _inside(p: Pending) -> bool:
    """``inside``: the quoted words are themselves the verb (``Darmanin 'sincerely thanked' Morocco``)."""
    hit = quoted_verb(p.qi, p.lay)
    if hit is not None:
        assign(p.a, INSIDE, hit[0], hit[1], p.lay)
    return True


#: The sieve, in order: each step may decide the quote (it returns True) or pass it on.
STEPS: tuple[tuple[str, Callable[[Pending], bool]], ...] = (
    ("label", _label),
    ("governing cue", _governing),
    ("dash aside", _dash),
    ("colon clause", _colon_first),
    ("stronger cue", _stronger),
    ("addressed", _addressed),
    ("claim", _claim),
    ("syntax", _syntax),
    ("not a quotation", _not_quotable),
    ("according", _according),
    ("in the sentence", _in_sentence),
    ("adjacent", _nearby(ADJACENT, adjacent_cue)),
    ("colon", _nearby(COLON, colon_intro)),
    ("inside", _inside),
)


def _sieve(qi: int, a: Attribution, lay: Layout) -> None:
    p = Pending(qi, a, lay, quotable=a.kind in ("direct", "partial"))
    for _name, step in STEPS:
        if step(p):
            return


def _finish(a: Attribution, lay: Layout) -> None:
    """The sentence for context and the final kind."""
    doc = lay.doc
    anchor = a.cue if a.cue is not None and a.sieve != CONTINUES else None
    if anchor is not None:
        a.sentence = near_sentence(doc, anchor.start if isinstance(anchor, SpacySpan) else anchor.i)
    else:
        span = doc.char_span(a.span.start, a.span.end, alignment_mode="expand")
        a.sentence = near_sentence(doc, span.start) if span is not None and len(span) else None
    if a.kind in ("title", "scare") and a.mention is not None:
        a.kind = "partial"
    elif a.kind == "direct" and is_partial(a.span, lay.text):
        # words in marks inside the writer's sentence: quoted from someone, or only set apart
        a.kind = "partial" if a.mention is not None else "scare"
    if a.kind not in ("direct", "partial"):
        a.mention = a.cue = None
