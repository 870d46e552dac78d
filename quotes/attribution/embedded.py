"""Quotes inside the writer's sentence (partial quotes): whose words they are.

``Biden, Rubio said, had passed 'hundreds of bills'`` (a cue elsewhere in the sentence),
``Trump's claim that Obama 'founded ISIS'`` (the owner of a statement), ``Hewlett sniped that
Fiorina was 'learning on the job'`` (the holder of a "that" clause), else the subject of the
clause the quote sits in, or of the person's clause above a thing's. Called by
:func:`quotes.attribution.sieve.attribute` after the cue finders found no governing cue.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from .agents import acts
from .record import Attribution, EMBEDDED, INTRODUCED, SENTENCE, assign
from ..lexicon.cues import STATEMENT_NOUNS
from .finders import SUBORDINATORS, clause_root, sentence_cue, statement_by, statement_owner
from ..nlp.lemmas import lemma
from ..detect.spans import named_thing
from ..records import QuoteSpan
from .parse import Layout, denied, depth, is_cue, near_sentence, subject_of, words_end


def _named_subject(noun: Token, lay: Layout) -> Token | None:
    """The named subject of the verb a statement noun hangs from (``Sanders has pushed his promise
    of …``): the mention to prefer over the possessive pronoun that stands for it."""
    verb = next((v for v in noun.ancestors if v.pos_ in ("VERB", "AUX")), None)
    subj = subject_of(verb, lay) if verb is not None else None
    return subj if subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON") else None


def leads_sentence(q: QuoteSpan, text: str) -> bool:
    """Do the writer's words run on after the quote in one sentence (``'A big truck' plowed through …``)?"""
    after = text[q.close_end:q.close_end + 3].lstrip(" ")
    return words_end(q.text).isalnum() and after[:1].islower()


def by_sentence_cue(qi: int, a: Attribution, lay: Layout) -> bool:
    """A strong cue with a subject elsewhere in the quote's sentence (``'A big truck' plowed through
    the barriers, he said``): it reports the quote, not a speaker of the sentence before."""
    cue = sentence_cue(qi, lay)
    if cue is not None and _side_clause(cue, qi, lay):
        return False
    subj = subject_of(cue, lay) if cue is not None else None
    if subj is None:
        return False
    assign(a, SENTENCE, cue, subj, lay)
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


def embedded_quote(qi: int, a: Attribution, lay: Layout) -> bool:
    """A quote inside the writer's sentence: a reporting verb elsewhere in the sentence
    (``Biden, Rubio said, had passed 'hundreds of bills'``), else the sentence's subject."""
    owner = statement_owner(qi, lay)
    if owner is not None:
        noun, poss = owner
        named = _named_subject(noun, lay) if poss.pos_ == "PRON" else None
        assign(a, EMBEDDED, noun, named or poss, lay)
        return True
    made = statement_by(qi, lay)
    if made is not None:
        assign(a, EMBEDDED, made[0], made[1], lay)
        return True
    root = clause_root(qi, lay)
    held = _that_holder(qi, root, lay)
    if held is not None:
        assign(a, EMBEDDED, held, subject_of(held, lay), lay)
        return True
    if by_sentence_cue(qi, a, lay):
        return True
    subj = subject_of(root, lay) if root is not None else None
    if subj is None or named_thing(a.span):
        return False
    if (not acts(subj) and lemma(subj) not in STATEMENT_NOUNS) or _relative(root):
        # "he signed a bill that created the 'Choose Life' plates": a thing's clause inside a person's
        # (a statement's clause stays with the statement: "his warning that …"); so is a relative clause
        up = next((v for v in root.ancestors if v.pos_ in ("VERB", "AUX") and lay.outside(v) and not _relative(v)
                   and (s := subject_of(v, lay)) is not None and acts(s)), None)
        if up is not None:
            subj = subject_of(up, lay)
        else:
            before = _reporter_before(root, lay)
            if before is not None:
                assign(a, INTRODUCED, before[0], before[1], lay)
                return True
    assign(a, EMBEDDED, None, subj, lay)
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
        if subj is not None and acts(subj):
            return cue, subj
    return None


def _relative(v: Token) -> bool:
    """Is ``v`` the verb of a relative clause whose subject is its pronoun (``federal judges who serve
    in 'good behavior'``)? The clause describes its noun in the words of the sentence's subject. Not a
    cue's (``a candidate who has called for '…'``): that one reports its noun's words."""
    return v.dep_ == "relcl" and not is_cue(v) \
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which") for c in v.children)


def _that_holder(qi: int, up: Token | None, lay: Layout) -> Token | None:
    """The verb whose "that" clause holds the quote, with someone for subject, when no strong cue
    above the quote reports it: in ``Walter Hewlett sniped that Fiorina was "learning on the job,"
    while Fiorina … penned …`` the clause is what Hewlett holds, whatever the verb; a cue in another
    clause of the sentence does not report it. ``up`` is the quote's :func:`clause_root`."""
    if up is None:
        return None
    first = lay.tokens[qi][0]
    if _that_clause(up):
        up = up.head  # the quote's own clause: "that Fiorina was '…'"
    elif not any(_that_clause(c) and c.left_edge.i <= first <= c.right_edge.i for c in up.children):
        return None  # no "that" clause between the quote and its clause root
    subj = subject_of(up, lay) if up.pos_ in ("VERB", "AUX") and lay.outside(up) else None
    if subj is None or isinstance(subj, SpacySpan) or not acts(subj):
        return None
    cue = sentence_cue(qi, lay)
    return None if cue is not None and cue in up.ancestors else up


def _that_clause(v: Token) -> bool:
    """Is ``v`` the verb of a complement clause opened by "that" (``sniped that Fiorina was …``)?"""
    return v.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children)
