"""Stage 3, attribute: the cue and the speaker mention of each quotation.

A precision-ordered sieve in the manner of Muzny et al. (2017): each quotation
goes through the sieves in turn and the first that answers wins.

0. ``label``: the quote is labelled with its source, as transcripts, digests
   and fact checks do (``Clinton: '…'``, ``- Jeffrey M. Jones: '…'``,
   ``From the report: '…'``, a line ``- Bernie Sanders.`` under the quote).
1. ``syntax``: a reporting verb outside the quote governs words inside it in
   the dependency parse (``'…,' he said``; ``X said that '…'``; a partial
   quote that is the object of ``described as``). A reporting verb right after
   a quote that closes its clause is preferred to one of an earlier sentence;
   one in a clause the verbs above do not report (``…, and she said '…'``)
   stops the walk; a subject that is no one speaking gives way to ``according``.
2. ``according``: ``according to X`` / ``in the words of X`` in the sentence.
3. ``adjacent``: a reporting verb next to the marks in the same paragraph
   (catches parses that split ``'…,' Darmanin voiced`` into two sentences).
4. ``colon``: the quote follows ``X said:`` (or ``X went further:``).
5. ``inside``: the quoted words are themselves the verb (``Darmanin 'sincerely
   thanked' Morocco``): the subject outside the marks speaks.
6. ``introduced``: no cue of its own, right after a sentence in which someone
   speaks (``Jones said he disagreed. '…'``): that someone.
7. ``continues``: no cue of its own; the quote runs on from the previous
   speaker's quote in the same or the previous paragraph.
8. ``anticipates``: no cue and no one quoted before it, a paragraph that is only
   the quote, right before a quote paragraph with its own cue: that speaker
   (not after a question, which the next quote may answer).

Between them: ``sentence`` (a cue elsewhere in the sentence of an embedded
quote) and ``embedded`` (the subject above a quote inside the writer's sentence).
A quote put to someone (``Trump was asked, '…?'``) is ``addressed``: its cue is
kept, its speaker left unknown rather than given to the one asked or to the
last speaker; so is a transcript turn whose tag names no one (``silent``:
``"VIDEO: …``).
The rules that find a cue are :mod:`quotes.attribution.finders`, the labels
:mod:`quotes.attribution.labels`; what they read off the parse is :mod:`quotes.attribution.parse`. The sieves
for a quote inside the writer's sentence (``sentence``, ``embedded``) are
:mod:`quotes.attribution.embedded`; those for a quote with no cue of its own (``group``,
``introduced``, ``continues``, ``anticipates``) :mod:`quotes.attribution.continued`; who can be a
speaker at all, :mod:`quotes.attribution.agents`; the record they fill, :mod:`quotes.attribution.record`.

The mention is the noun phrase naming the speaker at that place (a name,
a pronoun or a description); resolving it to an entity is :mod:`quotes.coref.resolve`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from .agents import acts, document, someone, speaks
from .record import Attribution, assign
from .continued import continue_quotes, share_groups
from .embedded import by_sentence_cue, embedded_quote, leads_sentence
from .finders import CLAUSE_EDGES, according_to, adjacent_cue, colon_intro, cue_after, governing_cue, quoted_verb, \
    sentence_cue, statement_owner
from .labels import silent_turn, speaker_label
from ..nlp.lemmas import lemma
from ..lexicon.nouns import ORGANISATION_NOUNS
from ..records import QuoteSpan
from .parse import (NOT_A_SPEAKER, Layout, addressed, between_marks_and_cue, clause_start, is_cue, near_sentence,
                     nearby_name, subject_of, token_before, words_end)

__all__ = ["Attribution", "attribute", "is_partial"]


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


def attribute(doc: Doc, spans: list[QuoteSpan], text: str | None = None) -> list[Attribution]:
    """The attribution of every span, in order; groups of one multi-paragraph quote share one.

    ``text`` is ``doc.text`` when the caller has it (rebuilding it from the tokens costs ~3 ms).
    """
    lay = Layout(doc, spans, text)
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


def _sieve(qi: int, a: Attribution, lay: Layout) -> None:
    quotable = a.kind in ("direct", "partial")
    if quotable:
        label = speaker_label(qi, lay)
        if label is not None:
            return assign(a, "label", None, label, lay)
        if silent_turn(qi, lay):
            a.sieve = "silent"  # a transcript turn tagged "VIDEO:": no one named, no one inherited
            return None
    cue, argument = governing_cue(qi, lay)
    if quotable and (cue is None or cue.i < lay.tokens[qi][0] or cue.i > lay.tokens[qi][-1]):
        # also a governing cue further on: in "'…,' she said, but '…,' said Kunin" the parse hangs
        # the first "said" under the second; the cue right after the marks is the quote's
        near = cue_after(qi, lay)
        if near is not None and (cue is None or near.i < cue.i or cue.i < lay.tokens[qi][0]) \
                and not (cue is not None and _subordinate_to(cue, near, words_end(a.span.text) == ",")):
            cue, argument = near, True
    if quotable and (cue is None or cue.i > lay.tokens[qi][-1]):
        aside = _dash_aside(qi, lay)
        if aside is not None:
            return assign(a, "syntax", aside[0], aside[1], lay)
    if quotable and cue is not None and cue.i < lay.tokens[qi][0]:
        verb = _colon_clause(qi, cue, lay)
        if verb is not None:
            return assign(a, "colon", verb, subject_of(verb, lay), lay)
        at_colon = _cue_at_colon(qi, cue, lay)
        if at_colon is not None:
            return assign(a, "colon", at_colon[0], at_colon[1], lay)
    if quotable and cue is not None and not is_cue(cue, strict=True) and lemma(cue) != "call":
        # a weak verb above the quote ("AT&T just finished laying fiber, she said, to 'make sure …'"):
        # a strong reporting verb with a subject in the same sentence reports it
        strong = sentence_cue(qi, lay)
        subj = subject_of(strong, lay) if strong is not None and strong.pos_ == "VERB" else None
        if subj is not None and subj.lower_ != "it":  # not "it's safe to say"
            cue, argument = strong, True
    if quotable and cue is not None and addressed(cue):
        # "Trump was asked, '…?'": someone unnamed asked him; the quote is not his, nor the last speaker's
        src = according_to(qi, lay)
        if src is not None:
            return assign(a, "according", None, src, lay)
        a.sieve, a.cue = "addressed", lay.doc[cue.i:cue.i + 1]
        return None
    if quotable and cue is not None:
        owner = _claim_owner(qi, cue, lay)
        if owner is not None:
            return assign(a, "embedded", owner[0], owner[1], lay)
    if quotable and cue is not None:
        cue = _aside_cue(cue, lay) or cue
    if cue is not None and (quotable or (argument and cue.pos_ == "VERB")):
        subj = subject_of(cue, lay) or (nearby_name(cue, lay) or between_marks_and_cue(qi, cue, lay)
                                        or _name_after_marks(qi, cue, lay) if quotable else None)
        if subj is not None and quotable and not speaks(cue, subj):
            # "the word ''birther'' was mentioned …, according to a review of transcripts"
            src = according_to(qi, lay)
            if src is not None:
                return assign(a, "according", None, src, lay)
        if subj is not None and quotable and not someone(subj) and not document(subj):
            inner = _inner_cue(qi, cue, lay)
            if inner is not None:
                cue, subj = inner
        if subj is not None:
            return assign(a, "syntax", cue, _naming_echo(cue, subj, lay) or subj, lay)
    if not quotable:
        hit = quoted_verb(qi, lay)
        if hit is not None:
            return assign(a, "inside", hit[0], hit[1], lay)
        return
    src = according_to(qi, lay)
    if src is not None:
        return assign(a, "according", None, src, lay)
    partial = is_partial(a.span, lay.text)
    if partial and embedded_quote(qi, a, lay):
        return
    if not partial and leads_sentence(a.span, lay.text) and by_sentence_cue(qi, a, lay):
        return
    for sieve, find in (("adjacent", adjacent_cue), ("colon", colon_intro)):
        cue = find(qi, lay)
        if cue is not None:
            subj = subject_of(cue, lay) or nearby_name(cue, lay) or between_marks_and_cue(qi, cue, lay)
            if sieve == "colon" and not is_cue(cue, strict=True) and (subj is None or not someone(subj)):
                subj = _named_before_colon(qi, cue, lay) or subj
            if subj is not None:
                return assign(a, sieve, cue, subj, lay)
    hit = quoted_verb(qi, lay)
    if hit is not None:
        assign(a, "inside", hit[0], hit[1], lay)


#: Verbs that name something in the writer's "what he calls …" (lemmas).
NAMING_VERBS = frozenset(["call", "dub", "term", "label", "describe", "brand"])


#: Subjects of "what … call" that name no one in particular: the term is the main clause's subject's.
GENERIC_NAMERS = ("some", "we", "many", "others", "you")


def _naming_echo(cue: Token, subj: Token | SpacySpan, lay: Layout) -> Token | None:
    """In ``Williamson assails what he calls the 'lie'``, the pronoun of the free relative is the
    main clause's subject again: the name is the better mention (same person, and the one the
    sentence is about). Only for ``what`` + he/she/they + a naming verb, below that subject's verb.
    A generic "some" or "we" names no one (``Clinton also has called on Sanders to join her in supporting
    new legislation to close what some call the 'Charleston loophole'``): the term is the subject's."""
    if isinstance(subj, SpacySpan) or lemma(cue) not in NAMING_VERBS \
            or subj.lower_ not in ("he", "she", "they") + GENERIC_NAMERS:
        return None
    if not any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubjpass", "attr") for c in cue.children):
        return None
    for up in cue.ancestors:
        if up.pos_ in ("VERB", "AUX") and up.i < cue.i:
            outer = next((c for c in up.children if c.dep_ == "nsubj" and lay.outside(c)), None)
            if outer is None:
                continue
            # "they" is a group, or an organisation ("Clinton's campaign … what they call")
            plural = outer.tag_ in ("NNS", "NNPS") or lemma(outer) in ORGANISATION_NOUNS
            generic = subj.lower_ in GENERIC_NAMERS  # "to close what some call the 'Charleston loophole'"
            if outer.pos_ in ("PROPN", "NOUN") and (generic or (subj.lower_ == "they") == plural):
                return outer
            return None
    return None


def _inner_cue(qi: int, cue: Token, lay: Layout) -> tuple[Token, Token] | None:
    """(cue, subject) of a strong cue between the quote and its governing cue whose subject is
    someone, when the governing cue's subject is a thing (``Farook's name was announced … long before
    White House officials started to portray the shooting as a 'workplace' issue``): the one below
    speaks the words. The walk goes through the words of a quote coordinated with this one (``as a
    'workplace' or 'gun control' issue``), as the walk to the governing cue does."""
    doc = lay.doc
    for i in lay.tokens[qi]:
        h = doc[i].head
        while h.i != cue.i and h.head.i != h.i:
            if lay.outside(h) and is_cue(h, strict=True) and h.pos_ == "VERB":
                subj = subject_of(h, lay)
                if subj is not None and acts(subj):
                    return h, subj
            h = h.head
    return None


def _subordinate_to(cue: Token, main: Token, comma: bool = False) -> bool:
    """Is ``cue`` the verb of an adverbial clause (``as Trump went on about '…,'``, ``when Trump said
    he would '…,'``) that hangs from ``main``, the verb after the quote? The quote closes the
    clause; the verb after it is the main clause's, not the quote's cue. When the quote's words end
    in a comma, the cue may be a verb coordinated with the adverbial clause's (``When Trump later
    referred to … and said he would '…,' the crowd applauded``)."""
    while comma and cue.dep_ == "conj" and cue.head.pos_ in ("VERB", "AUX"):
        cue = cue.head
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")
                                       for c in cue.children) and main in cue.ancestors


def _dash_aside(qi: int, lay: Layout) -> tuple[Token, Token] | None:
    """(verb, subject) of the clause right before a quote set off by dashes on both sides, when
    someone does it: in ``although O'Malley lamented her tendency to commit gaffes - "does she have to
    keep giving them so much ammunition?" - Democrats in Iowa … said …`` the aside is O'Malley's, and
    the cue after the closing dash is the main clause's."""
    q = lay.spans[qi]
    before, after = lay.text[:q.open_start].rstrip(" "), lay.text[q.close_end:].lstrip(" ")
    if not (before.endswith(("—", "–", " -", "--")) and after.startswith(("—", "–", "-"))):
        return None
    doc = lay.doc
    dash = token_before(qi, lay)
    for i in range(dash - 1, clause_start(dash, lay) - 1, -1):
        v = doc[i]
        if v.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            subj = subject_of(v, lay)
            return (v, subj) if subj is not None and acts(subj) else None
    return None


def _colon_clause(qi: int, cue: Token, lay: Layout) -> Token | None:
    """The verb of the clause a colon right before the quote closes, with its own subject, when the
    governing cue lies before that clause: in ``Reid said both are "non-entities," but he gave the
    Texan a back-handed compliment: "…"`` the parse hangs the quote from "said"; the colon gives it to
    the one who gave the compliment."""
    doc = lay.doc
    colon = token_before(qi, lay)
    if colon < 0 or doc[colon].text != ":" or not lay.outside(doc[colon]):
        return None
    start = clause_start(colon, lay)
    if cue.i >= start:
        return None
    for v in (doc[colon], *doc[colon].ancestors):
        if v.i == cue.i or any(c.dep_ == "mark" for c in v.children):
            return None  # "Axelrod said … and that she has learned her lesson: '…'": the cue reports it
        if start <= v.i < colon and v.pos_ in ("VERB", "AUX") and lay.outside(v) \
                and any(c.dep_ == "nsubj" and c.lower_ not in NOT_A_SPEAKER for c in v.children) \
                and subject_of(v, lay) is not None:
            return v
    return None


def _aside_cue(cue: Token, lay: Layout) -> Token | None:
    """A strong cue set off by commas before the governing cue (``CNN, Cruz said, called the
    announcement 'highly significant'``, ``Nor, he said, did he say anything that could be
    'interpreted as …'``): the aside reports the whole sentence, the quote with it, so its subject
    is the source (PolNeAR credits the outer speaker). Not the cue of an earlier quote that the parse
    hangs here (``'…,' Trump said, after Quick said …``): a comma, not a mark, opens an aside."""
    doc = lay.doc
    for p in cue.children:
        if p.dep_ != "parataxis" or p.i > cue.i or p.pos_ != "VERB" or not lay.outside(p) \
                or not is_cue(p, strict=True) or doc[p.i + 1].text != ",":
            continue
        subj = next((c for c in p.children if c.dep_ == "nsubj" and c.lower_ not in NOT_A_SPEAKER), None)
        if subj is not None and subj.left_edge.i > 0 and doc[subj.left_edge.i - 1].text == "," \
                and lay.outside(doc[subj.left_edge.i - 1]):
            return p
    return None


def _cue_at_colon(qi: int, cue: Token, lay: Layout) -> tuple[Token, Token] | None:
    """(cue, subject) of a strong cue that ends the clause a colon right before the quote closes,
    with a subject of its own, in a clause below the governing cue (``Cruz said as the heckler
    yelled: "You suck!"``, ``Bundy says to Santilli on camera, who responds enthusiastically:
    "Okay!"``): the colon hands the quote to the verb it closes, not to the main clause's. A relative
    "who" is the mention itself, as PolNeAR marks it."""
    doc = lay.doc
    colon = token_before(qi, lay)
    if colon < 1 or doc[colon].text != ":" or not lay.outside(doc[colon]):
        return None
    v = doc[colon - 1]
    while v.pos_ in ("ADV", "PART") and v.i > colon - 3:
        v = doc[v.i - 1]
    if v.i == cue.i or cue not in v.ancestors or v.dep_ not in CLAUSE_EDGES or not lay.outside(v) \
            or v.pos_ != "VERB" or not is_cue(v, strict=True):
        return None
    subj = next((c for c in v.children if c.dep_ == "nsubj" and lay.outside(c)
                 and (c.lower_ not in NOT_A_SPEAKER or (c.lower_ == "who" and v.dep_ == "relcl"))), None)
    return (v, subj) if subj is not None else None


def _claim_owner(qi: int, cue: Token, lay: Layout) -> tuple[Token, Token] | None:
    """(noun, possessor) when the quote sits in the clause of someone's claim below the cue: in
    ``Pence blamed the media for … Trump's claim that Obama 'founded ISIS'`` the claim is Trump's.
    A possessive pronoun standing for the cue's own named subject (``De Blasio repeated his
    claim that …``) leaves the quote to the subject."""
    owner = statement_owner(qi, lay)
    if owner is None or not (cue in owner[0].ancestors or (cue.head == owner[0] and cue.dep_ in ("acl", "ccomp"))):
        return None  # the cue above the claim, or the claim's own verb ("… assertion that 'thousands' celebrated")
    noun, poss = owner
    if not any((c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")) or (c.dep_ == "prep" and c.lower_ == "of")
               for c in noun.children):
        return None  # what the statement says follows it: a clause, or "of" ("Clinton's assertion of a '…'")
    subj = subject_of(cue, lay)
    if poss.pos_ == "PRON" and subj is not None and not isinstance(subj, SpacySpan) and subj.pos_ == "PROPN":
        return None
    return owner


def _named_before_colon(qi: int, verb: Token, lay: Layout) -> Token | None:
    """The last person or organisation named after the verb of the clause a colon closes, when the
    verb says nothing and its subject is no one (``The timing … doesn't surprise pollster Daron Shaw:
    '…'``)."""
    colon = token_before(qi, lay)
    names = [t for t in lay.doc[clause_start(colon, lay):colon] if t.i > verb.i and t.ent_type_ in ("PERSON", "ORG")
             and t.dep_ not in ("compound", "poss")]
    return names[-1] if names else None


def _name_after_marks(qi: int, cue: Token, lay: Layout) -> Token | None:
    """A person's name right after the closing mark, set off by a comma, when the cue comes later in
    the clause (``'…,' Texas delegate Bill Eastland, wearing a cowboy hat and 'Ted Cruz' pins, said``):
    the parse lost the subject behind the aside."""
    doc = lay.doc
    i = lay.tokens[qi][-1] + 1
    while i < cue.i and (doc[i].is_punct or doc[i].is_space):
        i += 1
    j = i
    while j < cue.i and doc[j].pos_ in ("PROPN", "NOUN") and lay.outside(doc[j]):
        j += 1
    if j == i or j >= cue.i or doc[j].text != "," or doc[j - 1].ent_type_ != "PERSON":
        return None
    return doc[j - 1]


def _finish(a: Attribution, lay: Layout) -> None:
    """The sentence for context and the final kind."""
    doc = lay.doc
    anchor = a.cue if a.cue is not None and a.sieve != "continues" else None
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
