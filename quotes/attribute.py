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
The rules that find a cue are :mod:`quotes.finders`, the labels
:mod:`quotes.labels`; what they read off the parse is :mod:`quotes.syntax`.

The mention is the noun phrase naming the speaker at that place (a name,
a pronoun or a description); resolving it to an entity is :mod:`quotes.coref`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from .cues import STATEMENT_NOUNS
from .finders import CLAUSE_EDGES, SUBORDINATORS, according_to, adjacent_cue, clause_root, colon_intro, cue_after, \
    governing_cue, quoted_verb, sentence_cue, statement_by, statement_owner
from .labels import silent_turn, speaker_label
from .lemmas import lemma
from .lexicon import NON_AGENTS, ORGANISATION_NOUNS, is_person_noun
from .records import QuoteSpan
from .syntax import (NOT_A_SPEAKER, SPEAKER_ENTS, Layout, addressed, between_marks_and_cue, clause_start, denied,
                     depth, is_cue, mention_span, near_sentence, nearby_name, subject_of, token_before, words_end)


#: Common nouns that name people or bodies of people, who speak (lemmas); with
#: :func:`quotes.lexicon.is_person_noun` for the nouns of people coreference knows.
SPEAKING_NOUNS = frozenset("""
official spokesman spokeswoman spokesperson aide adviser advisor source lawmaker senator governor president
minister secretary judge lawyer attorney witness candidate voter supporter critic analyst expert economist
professor scientist researcher author writer reporter editor columnist host anchor moderator chairman chairwoman
chair director leader member representative delegate activist organizer strategist pollster campaign committee
agency department ministry government administration company firm group organization party union council court
police officer prosecutor investigator doctor resident worker employee executive manager founder owner
woman man people person father mother wife husband son daughter friend neighbor voice narrator
pope bishop priest pastor rabbi imam king queen prince princess lady mayor sheriff chief commander general admiral
soldier veteran student teacher coach player fan protester demonstrator crowd audience
""".split())


#: Sieves that find a quote's speaker is not named (a question put to someone, a transcript
#: turn tagged "VIDEO:"): no later sieve gives it the last speaker.
UNKNOWN_SPEAKER = frozenset(["addressed", "silent"])


@dataclass(slots=True)
class Attribution:
    """The attribution of one quote span; ``sieve`` names the rule that found it."""

    span: QuoteSpan
    kind: str = "direct"
    cue: SpacySpan | None = None
    mention: SpacySpan | None = None
    sentence: SpacySpan | None = None
    venue: str | None = None
    sieve: str | None = None
    continues: int | None = None
    paragraph: int = 0


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
    _share_groups(out, spans)
    _continue(out, lay)
    for a in out:
        _finish(a, lay)
        a.paragraph = lay.para(a.span.open_start)
    return out


def _sieve(qi: int, a: Attribution, lay: Layout) -> None:
    quotable = a.kind in ("direct", "partial")
    if quotable:
        label = speaker_label(qi, lay)
        if label is not None:
            return _set(a, "label", None, label, lay)
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
            return _set(a, "syntax", aside[0], aside[1], lay)
    if quotable and cue is not None and cue.i < lay.tokens[qi][0]:
        verb = _colon_clause(qi, cue, lay)
        if verb is not None:
            return _set(a, "colon", verb, subject_of(verb, lay), lay)
        at_colon = _cue_at_colon(qi, cue, lay)
        if at_colon is not None:
            return _set(a, "colon", at_colon[0], at_colon[1], lay)
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
            return _set(a, "according", None, src, lay)
        a.sieve, a.cue = "addressed", lay.doc[cue.i:cue.i + 1]
        return None
    if quotable and cue is not None:
        owner = _claim_owner(qi, cue, lay)
        if owner is not None:
            return _set(a, "embedded", owner[0], owner[1], lay)
    if quotable and cue is not None:
        cue = _aside_cue(cue, lay) or cue
    if cue is not None and (quotable or (argument and cue.pos_ == "VERB")):
        subj = subject_of(cue, lay) or (nearby_name(cue, lay) or between_marks_and_cue(qi, cue, lay)
                                        or _name_after_marks(qi, cue, lay) if quotable else None)
        if subj is not None and quotable and not _speaks(cue, subj):
            # "the word ''birther'' was mentioned …, according to a review of transcripts"
            src = according_to(qi, lay)
            if src is not None:
                return _set(a, "according", None, src, lay)
        if subj is not None and quotable and not _someone(subj) and not _document(subj):
            inner = _inner_cue(qi, cue, lay)
            if inner is not None:
                cue, subj = inner
        if subj is not None:
            return _set(a, "syntax", cue, _naming_echo(cue, subj, lay) or subj, lay)
    if not quotable:
        hit = quoted_verb(qi, lay)
        if hit is not None:
            return _set(a, "inside", hit[0], hit[1], lay)
        return
    src = according_to(qi, lay)
    if src is not None:
        return _set(a, "according", None, src, lay)
    embedded = is_partial(a.span, lay.text)
    if embedded and _embedded(qi, a, lay):
        return
    if not embedded and _leads_sentence(a.span, lay.text) and _sentence_cue(qi, a, lay):
        return
    for sieve, find in (("adjacent", adjacent_cue), ("colon", colon_intro)):
        cue = find(qi, lay)
        if cue is not None:
            subj = subject_of(cue, lay) or nearby_name(cue, lay) or between_marks_and_cue(qi, cue, lay)
            if sieve == "colon" and not is_cue(cue, strict=True) and (subj is None or not _someone(subj)):
                subj = _named_before_colon(qi, cue, lay) or subj
            if subj is not None:
                return _set(a, sieve, cue, subj, lay)
    hit = quoted_verb(qi, lay)
    if hit is not None:
        _set(a, "inside", hit[0], hit[1], lay)


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


def _document(subj: Token | SpacySpan) -> bool:
    """Is the subject a text that speaks for its authors (a statement, an ad, a story)?"""
    head = subj.root if isinstance(subj, SpacySpan) else subj
    return lemma(head) in NON_AGENTS or lemma(head) in STATEMENT_NOUNS


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
                if subj is not None and _acts(subj):
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
            return (v, subj) if subj is not None and _acts(subj) else None
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


def _named_subject(noun: Token, lay: Layout) -> Token | None:
    """The named subject of the verb a statement noun hangs from (``Sanders has pushed his promise
    of …``): the mention to prefer over the possessive pronoun that stands for it."""
    verb = next((v for v in noun.ancestors if v.pos_ in ("VERB", "AUX")), None)
    subj = subject_of(verb, lay) if verb is not None else None
    return subj if subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON") else None


def _speaks(cue: Token, subj: Token | SpacySpan) -> bool:
    """Is the subject someone saying something: a person, a group or a pronoun doing a verb of saying?"""
    head = subj.root if isinstance(subj, SpacySpan) else subj
    return is_cue(cue, strict=True) and _names_someone(head)


def _someone(subj: Token | SpacySpan) -> bool:
    """Is the word a person, a group or a pronoun (someone who could speak), not a thing? Also a
    name the tagger took for a noun at the start of a sentence ("Trump went further")."""
    head = subj.root if isinstance(subj, SpacySpan) else subj
    return _names_someone(head) or (head.tag_ == "NN" and head.is_title
                                    and not any(c.dep_ == "det" for c in head.children))


def _acts(subj: Token) -> bool:
    """Is the subject someone who could say the words, not a thing nor "it"?"""
    return _someone(subj) and subj.lower_ != "it"


def _names_someone(head: Token) -> bool:
    return head.pos_ in ("PRON", "PROPN") or head.ent_type_ in SPEAKER_ENTS or lemma(head) in SPEAKING_NOUNS \
        or is_person_noun(lemma(head))


def _named_before_colon(qi: int, verb: Token, lay: Layout) -> Token | None:
    """The last person or organisation named after the verb of the clause a colon closes, when the
    verb says nothing and its subject is no one (``The timing … doesn't surprise pollster Daron Shaw:
    '…'``)."""
    colon = token_before(qi, lay)
    names = [t for t in lay.doc[clause_start(colon, lay):colon] if t.i > verb.i and t.ent_type_ in ("PERSON", "ORG")
             and t.dep_ not in ("compound", "poss")]
    return names[-1] if names else None


def _leads_sentence(q: QuoteSpan, text: str) -> bool:
    """Do the writer's words run on after the quote in one sentence (``'A big truck' plowed through …``)?"""
    after = text[q.close_end:q.close_end + 3].lstrip(" ")
    return words_end(q.text).isalnum() and after[:1].islower()


def _sentence_cue(qi: int, a: Attribution, lay: Layout) -> bool:
    """A strong cue with a subject elsewhere in the quote's sentence (``'A big truck' plowed through
    the barriers, he said``): it reports the quote, not a speaker of the sentence before."""
    cue = sentence_cue(qi, lay)
    if cue is not None and _side_clause(cue, qi, lay):
        return False
    subj = subject_of(cue, lay) if cue is not None else None
    if subj is None:
        return False
    _set(a, "sentence", cue, subj, lay)
    return True


def _side_clause(cue: Token, qi: int, lay: Layout) -> bool:
    """Is the cue in an adverbial clause of its own (``hours after the staffer was charged``) that
    hangs from a verb above the quote? It tells when, not who said the quote."""
    for v in (cue, *cue.ancestors):
        if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in v.children):
            first = lay.tokens[qi][0]
            above = list(lay.doc[first].ancestors)
            # a clause before the quote's is set off by a comma ("While Sullivan proclaims …, Clinton
            # fixates on the 'pivot' line"); without one the parse may have cut a cue from its clause
            # ("after Trump told The Washington Post he was 'not quite there yet'")
            ends = v.right_edge.i
            set_off = ends > first or (ends + 1 < first and lay.doc[ends + 1].text == ",")
            return v.head in above and v not in above and set_off
    return False


def _embedded(qi: int, a: Attribution, lay: Layout) -> bool:
    """A quote inside the writer's sentence: a reporting verb elsewhere in the sentence
    (``Biden, Rubio said, had passed 'hundreds of bills'``), else the sentence's subject."""
    owner = statement_owner(qi, lay)
    if owner is not None:
        noun, poss = owner
        named = _named_subject(noun, lay) if poss.pos_ == "PRON" else None
        _set(a, "embedded", noun, named or poss, lay)
        return True
    made = statement_by(qi, lay)
    if made is not None:
        _set(a, "embedded", made[0], made[1], lay)
        return True
    held = _that_holder(qi, lay)
    if held is not None:
        _set(a, "embedded", held, subject_of(held, lay), lay)
        return True
    if _sentence_cue(qi, a, lay):
        return True
    root = clause_root(qi, lay)
    subj = subject_of(root, lay) if root is not None else None
    if subj is None:
        return False
    if (not _acts(subj) and lemma(subj) not in STATEMENT_NOUNS) or _relative(root):
        # "he signed a bill that created the 'Choose Life' plates": a thing's clause inside a person's
        # (a statement's clause stays with the statement: "his warning that …"); so is a relative clause
        up = next((v for v in root.ancestors if v.pos_ in ("VERB", "AUX") and lay.outside(v) and not _relative(v)
                   and (s := subject_of(v, lay)) is not None and _acts(s)), None)
        if up is not None:
            subj = subject_of(up, lay)
        else:
            before = _reporter_before(root, lay)
            if before is not None:
                _set(a, "introduced", before[0], before[1], lay)
                return True
    _set(a, "embedded", None, subj, lay)
    return True


def _reporter_before(root: Token, lay: Layout) -> tuple[Token, Token] | None:
    """(cue, subject) of a strong cue with someone for subject in the sentence right before the one
    of ``root``, in the same paragraph: a quote inside a sentence about a thing goes on in the words
    of whoever was just reported (``'It's ambush journalism,' she says. It's 'this new in-your-face
    journalism.'``; ``…, he said. Good information can still drive out bad, but usually only when
    'the truth is sexier than the lie.'``)."""
    doc = lay.doc
    start = near_sentence(doc, root.i).start
    j = start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or lay.para(doc[j].idx) != lay.para(root.idx) or doc[j].text not in (".", "!") or not lay.outside(doc[j]):
        return None
    sent = near_sentence(doc, j)
    cues = [t for t in sent if t.pos_ == "VERB" and lay.outside(t) and is_cue(t, strict=True) and not denied(t)]
    for cue in sorted(cues, key=depth):
        subj = subject_of(cue, lay)
        if subj is not None and _acts(subj):
            return cue, subj
    return None


def _relative(v: Token) -> bool:
    """Is ``v`` the verb of a relative clause whose subject is its pronoun (``federal judges who serve
    in 'good behavior'``)? The clause describes its noun in the words of the sentence's subject. Not a
    cue's (``a candidate who has called for '…'``): that one reports its noun's words."""
    return v.dep_ == "relcl" and not is_cue(v) \
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which") for c in v.children)


def _that_holder(qi: int, lay: Layout) -> Token | None:
    """The verb whose "that" clause holds the quote, with someone for subject, when no strong cue
    above the quote reports it: in ``Walter Hewlett sniped that Fiorina was "learning on the job,"
    while Fiorina … penned …`` the clause is what Hewlett holds, whatever the verb; a cue in another
    clause of the sentence does not report it."""
    up = clause_root(qi, lay)
    if up is None:
        return None
    first = lay.tokens[qi][0]
    if _that_clause(up):
        up = up.head  # the quote's own clause: "that Fiorina was '…'"
    elif not any(_that_clause(c) and c.left_edge.i <= first <= c.right_edge.i for c in up.children):
        return None  # no "that" clause between the quote and its clause root
    subj = subject_of(up, lay) if up.pos_ in ("VERB", "AUX") and lay.outside(up) else None
    if subj is None or isinstance(subj, SpacySpan) or not _acts(subj):
        return None
    cue = sentence_cue(qi, lay)
    return None if cue is not None and cue in up.ancestors else up


def _that_clause(v: Token) -> bool:
    """Is ``v`` the verb of a complement clause opened by "that" (``sniped that Fiorina was …``)?"""
    return v.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children)


def _set(a: Attribution, sieve: str, cue: Token | None, subj: Token | SpacySpan, lay: Layout) -> None:
    doc = lay.doc
    a.sieve = sieve
    a.cue = doc[cue.i:cue.i + 1] if cue is not None else None
    a.mention = subj if isinstance(subj, SpacySpan) else mention_span(subj, lay, cue)


def _share_groups(out: list[Attribution], spans: list[QuoteSpan]) -> None:
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
                p.mention, p.cue, p.sieve = found.mention, found.cue, "group"


def _continue(out: list[Attribution], lay: Layout) -> None:
    """Sieve 6: a cue-less quote continues the previous speaker's quote nearby."""
    last: int | None = None
    for i, a in enumerate(out):
        if a.kind not in ("direct", "partial") or a.sieve in UNKNOWN_SPEAKER:
            continue
        if a.mention is None:
            used = {o.cue.start for o in out[:i] if o.cue is not None}
            intro = _introduced(i, lay, used)
            if intro is not None and (last is None or intro[0].idx > out[last].span.close_end):
                _set(a, "introduced", intro[0], intro[1], lay)
        if a.mention is None and last is not None and _near(out[last], a, lay):
            a.mention, a.sieve = _renamed(out[last], a, lay) or out[last].mention, "continues"
            a.continues = last
        if a.mention is not None:
            last = i
    _anticipate(out, lay)


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
                or b.sieve not in ("syntax", "adjacent") or b.kind != "direct" or a.span.text.rstrip()[-1:] == "?":
            continue  # a question before a quoted answer is someone else's
        pa, pb = lay.para(a.span.open_start), lay.para(b.span.open_start)
        if pb - pa == 1 and lay.para(a.span.close_end) == pa and lay.opens_paragraph(a.span.open_start) \
                and lay.closes_paragraph(a.span.close_end) and lay.opens_paragraph(b.span.open_start):
            a.mention, a.sieve = b.mention, "anticipates"


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
        if subj is not None and (subj.ent_type_ == "PERSON" or subj.pos_ == "NOUN" and _names_someone(subj)):
            return root, subj
    return None


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
