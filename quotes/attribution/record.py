"""The attribution record of one quote, and how a sieve fills it in.

Kept apart from the sieve so that the rules for quotes inside the writer's sentence
(:mod:`quotes.attribution.embedded`) and for quotes with no cue of their own (:mod:`quotes.attribution.continued`)
can fill records without importing :mod:`quotes.attribution.sieve`, which calls them.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan, Token

from ..records import QuoteSpan
from .parse import Layout, mention_span


#: The names of the sieve steps that can decide a quote, as stored in :attr:`Attribution.sieve`.
LABEL, SILENT, SYNTAX, COLON, ADDRESSED, ACCORDING = "label", "silent", "syntax", "colon", "addressed", "according"
EMBEDDED, SENTENCE, ADJACENT, INSIDE = "embedded", "sentence", "adjacent", "inside"
#: ... and of the steps for quotes with no cue of their own (:mod:`quotes.attribution.continued`).
GROUP, INTRODUCED, CONTINUES, ANTICIPATES = "group", "introduced", "continues", "anticipates"

#: Sieves that find a quote's speaker is not named (a question put to someone, a transcript
#: turn tagged "VIDEO:"): no later sieve gives it the last speaker.
UNKNOWN_SPEAKER = frozenset([ADDRESSED, SILENT])


@dataclass(slots=True)
class Attribution:
    """The attribution of one quote span; ``sieve`` names the rule that found it."""

    span: QuoteSpan
    kind: str = "direct"
    cue: SpacySpan | None = None
    mention: SpacySpan | None = None
    sentence: SpacySpan | None = None
    sieve: str | None = None
    continues: int | None = None
    paragraph: int = 0


def assign(a: Attribution, sieve: str, cue: Token | None, subj: Token | SpacySpan, lay: Layout) -> None:
    doc = lay.doc
    a.sieve = sieve
    a.cue = doc[cue.i:cue.i + 1] if cue is not None else None
    head = subj.root if isinstance(subj, SpacySpan) else subj
    if sieve == "colon" and (own := owner(head, cue)) is not head:
        subj = own
    a.mention = subj if isinstance(subj, SpacySpan) else mention_span(subj, lay, cue)


def owner(subj: Token, cue: Token | None) -> Token:
    """The one who speaks for a thing of theirs that cannot: in ``Okafor's list was precise: "…"``
    the list is Okafor's and so are the words. Used for a clause a colon closes before the
    quote, where no verb of saying makes the thing itself a speaker (``the company's statement
    said`` is left to the statement)."""
    from .agents import names_someone
    from .parse import is_cue

    if subj.pos_ != "NOUN" or names_someone(subj) or (cue is not None and is_cue(cue, strict=True)):
        return subj
    return next((c for c in subj.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), subj)
