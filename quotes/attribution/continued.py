"""Quotes with no cue of their own: the pieces of one multi-paragraph quote, a quote right
after a sentence that reports someone speaking (``Jones said he disagreed. '…'``), a quote that
runs on from the previous speaker's, and a quote paragraph that anticipates the cue of the next.

These run after every quote went through the sieve of :mod:`quotes.attribution.sieve`, in document
order, since each reads the attributions before it.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from .agents import names_someone
from .record import ADJACENT, ANTICIPATES, Attribution, CONTINUES, GROUP, INTRODUCED, SYNTAX, UNKNOWN_SPEAKER, assign
from ..detect.spans import named_thing
from ..records import QuoteSpan
from .parse import SPEAKER_ENTS, Layout, denied, depth, is_cue, mention_span, near_sentence, subject_of, token_before


def share_groups(out: list[Attribution], spans: list[QuoteSpan]) -> None:
    """Every piece of a multi-paragraph quote takes the attribution one of its pieces found."""
    groups: dict[int, list[Attribution]] = {}
    for a in out:
        if a.span.group is not None:
            groups.setdefault(a.span.group, []).append(a)
    for pieces in groups.values():
        found = next((p for p in pieces if p.mention is not None), None)
        if found is None:
            continue
        for p in pieces:
            if p.mention is None and p.sieve not in UNKNOWN_SPEAKER:
                p.mention, p.cue, p.sieve = found.mention, found.cue, GROUP


def continue_quotes(out: list[Attribution], lay: Layout) -> None:
    """Sieve 6: a cue-less quote continues the previous speaker's quote nearby."""
    last: int | None = None
    for i, a in enumerate(out):
        if a.kind not in ("direct", "partial") or a.sieve in UNKNOWN_SPEAKER:
            continue
        if a.mention is None:
            used = {o.cue.start for o in out[:i] if o.cue is not None}
            intro = _introduced(i, lay, used)
            if intro is not None and (last is None or intro[0].idx > out[last].span.close_end):
                assign(a, INTRODUCED, intro[0], intro[1], lay)
        if a.mention is None and last is not None and _near(out[last], a, lay) and not _thing_in_prose(a, lay):
            a.mention, a.sieve = _renamed(out[last], a, lay) or out[last].mention, CONTINUES
            a.continues = last
        if a.mention is not None:
            last = i
    _anticipate(out, lay)


def _thing_in_prose(a: Attribution, lay: Layout) -> bool:
    """A name in marks inside the writer's sentence (``Cheeky horror game "Until Dawn" was a hit``,
    ``At its best, "RIGS" marries …``) goes on no one's quote; a whole paragraph in marks still may."""
    whole = lay.opens_paragraph(a.span.open_start) and lay.closes_paragraph(a.span.close_end)
    return not whole and named_thing(a.span)


def _near(prev: Attribution, a: Attribution, lay: Layout) -> bool:
    """Is the quote in the same or the next paragraph as the one before, or past only a short
    narrative paragraph naming no one (``'…,' Miller said. / She pauses. / '…'``)?"""
    gap = lay.para(a.span.open_start) - lay.para(prev.span.close_end)
    if gap <= 1:
        return True
    if gap != 2:
        return False
    between = _between(prev, a, lay)
    if between is None:
        return False
    mid = [t for t in between if lay.para(t.idx) == lay.para(prev.span.close_end) + 1 and not t.is_space]
    return 0 < len(mid) <= 8 and mid[-1].text == "." \
        and all(lay.outside(t) and t.ent_type_ not in SPEAKER_ENTS for t in mid)


def _between(prev: Attribution, a: Attribution, lay: Layout) -> SpacySpan | None:
    """The tokens between the closing mark of one quote and the opening mark of a later one."""
    doc = lay.doc
    lo = doc.char_span(prev.span.close_end, prev.span.close_end + 1, alignment_mode="expand")
    hi = doc.char_span(a.span.open_start, a.span.open_start + 1, alignment_mode="expand")
    return doc[lo.end:hi.start] if lo is not None and hi is not None else None


def _renamed(prev: Attribution, a: Attribution, lay: Layout) -> SpacySpan | None:
    """The speaker named again as a subject in a sentence between the quote continued and this one
    (``'…,' says Melissa Roloson, 32, … Roloson supports Clinton. '…'``; ``'…,' she says. / And she is
    sure that …: '…'``): that nearest mention. A pronoun counts only when no one else was named since."""
    m = prev.mention
    if m is None or m.root.pos_ not in ("PROPN", "PRON"):
        return None
    between = _between(prev, a, lay)
    if between is None:
        return None
    name, pronoun = m.root.text, m.root.lower_ if m.root.lower_ in ("he", "she", "they") else None
    found, other = None, False
    for t in between:
        if t.i < m.end or not lay.outside(t):
            continue
        if t.ent_type_ == "PERSON" and t.text != name:
            other = True
        if t.dep_ in ("nsubj", "nsubjpass") and t.sent.start != m.root.sent.start \
                and (t.text == name or (not other and t.lower_ == pronoun)):
            found = t
    return mention_span(found, lay) if found is not None else None


def _anticipate(out: list[Attribution], lay: Layout) -> None:
    """A cue-less quote that opens a paragraph with no one quoted before it, right before a quote
    paragraph that has its own cue (``"Not only can Cruz win…" / "He may be the only one…,"
    Viguerie notes.``): the quotes run together and the cue comes in the second."""
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.mention is not None or a.kind != "direct" or a.sieve in UNKNOWN_SPEAKER or b.mention is None \
                or b.sieve not in (SYNTAX, ADJACENT) or b.kind != "direct" or a.span.text.rstrip()[-1:] == "?":
            continue  # a question before a quoted answer is someone else's
        pa, pb = lay.para(a.span.open_start), lay.para(b.span.open_start)
        if pb - pa == 1 and lay.para(a.span.close_end) == pa and lay.opens_paragraph(a.span.open_start) \
                and lay.closes_paragraph(a.span.close_end) and lay.opens_paragraph(b.span.open_start):
            a.mention, a.sieve = b.mention, ANTICIPATES


def _introduced(qi: int, lay: Layout, used: set[int]) -> tuple[Token, Token] | None:
    """A cue-less quote right after a sentence that reports someone speaking (``Trump said he
    would win. '…'``, ``'…,' Ebeling said, and her husband cut in. '…'``): that someone speaks,
    unless the cue is one an earlier quote already has."""
    doc = lay.doc
    j = token_before(qi, lay)
    if j < 0 or doc[j].text not in (".", "!") or not lay.outside(doc[j]) or \
            lay.para(lay.spans[qi].open_start) - lay.para(doc[j].idx) > 1:
        return None
    sent = near_sentence(doc, j)
    if sent.end < j:
        return None
    cues = [t for t in sent if t.pos_ == "VERB" and lay.outside(t) and t.i not in used and is_cue(t, strict=True)
            and not denied(t) and not _under_used(t, used)]  # "He didn't suggest retaliation. '…'"
    if any(not lay.outside(t) for t in sent):
        # the sentence has a quote of its own: only a second speaker coordinated with its cue
        # ("'…,' Ebeling said, and her husband cut in"), not "as the crowd cheered"
        cues = [t for t in cues if t.dep_ == "conj" and t.head.i in used]
    for cue in sorted(cues, key=depth):
        subj = subject_of(cue, lay) or _subject_of_adjective(cue, lay)
        if subj is not None:
            return cue, subj
    root = sent.root
    if not cues and lay.para(doc[j].idx) == lay.para(lay.spans[qi].open_start) and root.pos_ == "VERB" \
            and lay.outside(root) and not denied(root) \
            and all(lay.outside(t) or lay.spans[lay.in_quote[t.i]].kind == "title" for t in sent):
        # "Sen. Bernie Sanders identified young voters' exhaustion as one of the reasons. '…'": in one
        # paragraph, a named person's sentence leads into the quote; or a person noun's ("His former
        # business partner …, Lawrence B. Cummings, called him a master …. '…'")
        subj = subject_of(root, lay)
        if subj is not None and (subj.ent_type_ == "PERSON" or subj.pos_ == "NOUN" and names_someone(subj)):
            return root, subj
    return None


def _under_used(v: Token, used: set[int]) -> bool:
    """Whether cue ``v`` hangs below a cue an earlier quote already has, other than as a second
    speaker's verb coordinated with it (``'…,' Ebeling said, and her husband cut in``): a cue in a
    clause about that quote (``'…' LeVell declared, a point he likes to make after … callers asked …``)
    speaks for no one new."""
    if v.dep_ == "conj" and v.head.i in used:
        return False
    return any(h.i in used for h in v.ancestors)


def _subject_of_adjective(v: Token, lay: Layout) -> Token | None:
    """The subject of the copula whose adjective ``v`` completes (``Trump was quick to add that …``,
    ``she was eager to point out …``): the one the adjective describes does the verb."""
    adj = v.head
    if v.dep_ != "xcomp" or adj.dep_ != "acomp" or adj.pos_ != "ADJ":
        return None
    return subject_of(adj.head, lay)
