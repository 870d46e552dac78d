"""Stage 4, venue: the occasion a quotation was given on, as the text words it.

The venue is a phrase near the cue that names an occasion of speech: a
prepositional phrase headed by an occasion noun (``during his interview with 2M
on Sunday``, ``at a joint press conference``, ``in an official statement``), a
platform or programme (``on Twitter``, ``on CNN's "State of the Union"``), or the
outlet spoken to (``told CNN``). The words are the text's own, never rewritten;
a date phrase next to them is kept. Quotes that only continue a speaker's
earlier quote inherit its venue in :func:`carry_venues`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..nlp.lemmas import lemma

#: Nouns that name an occasion of speech (lemmas).
OCCASIONS = frozenset("""
interview conference briefing presser speech statement release communique communiqué rally event hearing session
debate meeting summit forum address appearance podcast show programme program broadcast video post tweet op-ed
column article letter email memo note interview town hall testimony remarks visit trip ceremony gathering convention
stop luncheon dinner breakfast roundtable panel webinar livestream stream broadcast documentary editorial blog
declaration announcement sitting plenary parliament assembly congress senate commission committee court trial
hearing deposition vigil protest march campaign tour newsletter bulletin report
""".split())
#: Platforms and media one speaks "on".
PLATFORMS = frozenset("""
twitter x facebook instagram youtube tiktok linkedin telegram threads bluesky mastodon truth social radio television tv
""".split())
OCCASION_PREPS = frozenset(["during", "in", "at", "on", "via", "through", "before", "after", "while"])
MEDIA_ENTS = frozenset(["ORG", "WORK_OF_ART", "FAC", "EVENT"])
TOLD = frozenset(["tell", "say"])


def find_venue(doc: Doc, sentence: SpacySpan | None, cue: SpacySpan | None) -> str | None:
    """The occasion named around ``cue`` (else anywhere in ``sentence``), or None."""
    if cue is None and sentence is None:
        return None
    head = cue.root if cue is not None else sentence.root
    scope = _clause_tokens(head)
    best = None
    for tok in scope:
        if tok.dep_ == "prep" and tok.lower_ in OCCASION_PREPS:
            phrase = _occasion_phrase(tok)
            if phrase is not None and (best is None or _distance(tok, head) < _distance(best[0], head)):
                best = (tok, phrase)
    if best is not None:
        return best[1] + _date_after(best[0])
    return _told_outlet(head)


def _date_after(prep: Token) -> str:
    """`` on Sunday`` when a date phrase follows the occasion phrase directly."""
    doc = prep.doc
    i = prep.right_edge.i + 1
    if i >= len(doc):
        return ""
    t = doc[i]
    if t.dep_ == "prep" and t.lower_ in ("on", "in", "at", "last", "this"):
        objs = [c for c in t.children if c.dep_ == "pobj"]
        if objs and objs[0].ent_type_ in ("DATE", "TIME"):
            return " " + _tidy(doc[t.i:t.right_edge.i + 1])
    if t.ent_type_ in ("DATE", "TIME") and t.dep_ == "npadvmod":
        return " " + _tidy(doc[t.left_edge.i:t.i + 1])
    return ""


def _clause_tokens(head: Token) -> list[Token]:
    """The cue, its own dependents, and those of the verbs it hangs from (for 'X said, adding ...')."""
    out = list(head.children)
    h = head
    for _ in range(2):
        if h.dep_ not in ("advcl", "xcomp", "conj", "ccomp") or h.head.i == h.i:
            break
        h = h.head
        out.extend(c for c in h.children if c.i != head.i)
    return out


def _occasion_phrase(prep: Token) -> str | None:
    """The text of ``prep`` and its object when the object names an occasion or a medium."""
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objs:
        return None
    obj = objs[0]
    base = lemma(obj)
    named_medium = prep.lower_ == "on" and (obj.ent_type_ in MEDIA_ENTS or base in PLATFORMS)
    if base not in OCCASIONS and not named_medium and not _compound_occasion(obj):
        return None
    span = prep.doc[prep.i:_phrase_end(prep, obj) + 1]
    return _tidy(span)


#: Dependents that open a clause: what was said, or who said it, not where.
CLAUSES = frozenset(["relcl", "acl", "ccomp", "advcl"])
#: Punctuation that closes an occasion phrase (not a comma: ``at a rally in Des Moines, Iowa``; not
#: quotation marks, which may name a show: ``on CNN's "State of the Union"``).
STOPS = frozenset([";", ":", "—", "–", "(", ")"])


def _phrase_end(prep: Token, obj: Token) -> int:
    """The last token of the occasion phrase. The speaker and the content are not part of the occasion:
    it ends before a clause hung on the occasion noun (``in a written statement that it was "delighted"``),
    and before a name the parse joined to the phrase by a bare comma (``During a joint press conference
    with Ouahbi, Darmanin 'sincerely thanked'``: a conjunct with no ``and``/``or`` is the clause's
    subject, not a second companion); it ends at punctuation that closes a phrase."""
    end = prep.right_edge.i
    for t in obj.subtree:
        if t.i > obj.i and t.dep_ in CLAUSES and t.head.dep_ != "compound":
            end = min(end, t.left_edge.i - 1)
        elif t.dep_ == "conj" and not any(c.dep_ == "cc" for x in (t, *t.conjuncts) for c in x.children):
            end = min(end, t.left_edge.i - 1)
    for t in prep.doc[obj.i + 1:end + 1]:
        if t.text in STOPS:
            return t.i - 1
    return end


def _compound_occasion(obj: Token) -> bool:
    """``press conference``, ``town hall``: the occasion noun is the head or a compound of it."""
    return any(c.dep_ == "compound" and lemma(c) in OCCASIONS for c in obj.children)


def _told_outlet(head: Token) -> str | None:
    """``told CNN`` / ``told The Associated Press``: the outlet spoken to is the venue."""
    if lemma(head) not in TOLD:
        return None
    for c in head.children:
        if c.dep_ in ("dobj", "dative") and c.ent_type_ in MEDIA_ENTS:
            span = head.doc[c.left_edge.i:c.i + 1]
            return f"{head.text} {_tidy(span)}"
    return None


def _tidy(span: SpacySpan) -> str:
    """The phrase without trailing punctuation or quotation marks, on one line."""
    text = " ".join(span.text.split())
    return text.rstrip(" ,.;:'\"’”»").strip()


def _distance(a: Token, b: Token) -> int:
    return abs(a.i - b.i)


def carry_venues(venues: list[str | None], speakers: list[object | None], paragraphs: list[int],
                 continues: list[int | None]) -> list[str | None]:
    """Fill each missing venue from the quote before it when the same speaker goes on speaking.

    A quote inherits when it continues that quote (no cue of its own), or when its
    speaker is the same entity and it stands in the same or the next paragraph:
    the text has not moved to another occasion.
    """
    out = list(venues)
    for i in range(1, len(out)):
        if out[i] is not None or out[i - 1] is None:
            continue
        same_speaker = speakers[i] is not None and speakers[i] is speakers[i - 1]
        if continues[i] == i - 1 or (same_speaker and paragraphs[i] - paragraphs[i - 1] <= 1):
            out[i] = out[i - 1]
    return out
