"""Rules over the quote's clause that correct what the cue finders found: a colon that hands the quote to
the clause it closes, a dash aside, a comma aside cue, a claim's owner, a name the parse lost.

Each is one step (or part of one) of :data:`quotes.attribution.sieve.STEPS`; each takes the quote's
index and the :class:`~quotes.attribution.parse.Layout` and returns the cue and speaker it found, or None.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from ..lexicon.nouns import ORGANISATION_NOUNS
from ..nlp.lemmas import lemma
from .agents import acts
from .finders import CLAUSE_EDGES, statement_owner
from .parse import NOT_A_SPEAKER, Layout, clause_start, is_cue, subject_of, token_before


#: Verbs that name something in the writer's "what he calls …" (lemmas).
NAMING_VERBS = frozenset(["call", "dub", "term", "label", "describe", "brand"])


#: Subjects of "what … call" that name no one in particular: the term is the main clause's subject's.
GENERIC_NAMERS = ("some", "we", "many", "others", "you")


def naming_echo(cue: Token, subj: Token | SpacySpan, lay: Layout) -> Token | None:
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


def inner_cue(qi: int, cue: Token, lay: Layout) -> tuple[Token, Token] | None:
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


def subordinate_to(cue: Token, main: Token, comma: bool = False) -> bool:
    """Is ``cue`` the verb of an adverbial clause (``as Trump went on about '…,'``, ``when Trump said
    he would '…,'``) that hangs from ``main``, the verb after the quote? The quote closes the
    clause; the verb after it is the main clause's, not the quote's cue. When the quote's words end
    in a comma, the cue may be a verb coordinated with the adverbial clause's (``When Trump later
    referred to … and said he would '…,' the crowd applauded``)."""
    while comma and cue.dep_ == "conj" and cue.head.pos_ in ("VERB", "AUX"):
        cue = cue.head
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")
                                       for c in cue.children) and main in cue.ancestors


def dash_aside(qi: int, lay: Layout) -> tuple[Token, Token] | None:
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


def colon_clause(qi: int, cue: Token, lay: Layout) -> Token | None:
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


def aside_cue(cue: Token, lay: Layout) -> Token | None:
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


def cue_at_colon(qi: int, cue: Token, lay: Layout) -> tuple[Token, Token] | None:
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


def claim_owner(qi: int, cue: Token, lay: Layout) -> tuple[Token, Token] | None:
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


def named_before_colon(qi: int, verb: Token, lay: Layout) -> Token | None:
    """The last person or organisation named after the verb of the clause a colon closes, when the
    verb says nothing and its subject is no one (``The timing … doesn't surprise pollster Daron Shaw:
    '…'``)."""
    colon = token_before(qi, lay)
    names = [t for t in lay.doc[clause_start(colon, lay):colon] if t.i > verb.i and t.ent_type_ in ("PERSON", "ORG")
             and t.dep_ not in ("compound", "poss")]
    return names[-1] if names else None


def name_after_marks(qi: int, cue: Token, lay: Layout) -> Token | None:
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
