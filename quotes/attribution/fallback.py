"""Last-resort readings of a parse that went wrong: a speaker the parse did not hang on the cue, a cue
the tagger did not take for a verb.

The sieve (:mod:`quotes.attribution.sieve`) asks :func:`nearby_name` and :func:`between_marks_and_cue`
only when the cue has no subject in the parse (``'…,' Darmanin voiced`` with "Darmanin" tagged as an
adverb); the cue finders ask :func:`mistagged_cue` for a speech verb tagged as a noun (``'…,' the
Saudis state in …``).
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from ..lexicon.cues import SPEECH_FORMS, SPEECH_NOUNS
from ..lexicon.nouns import GENERIC_ORG_NOUNS, NON_AGENTS, ORGANISATION_NOUNS, is_person_noun
from ..nlp.lemmas import lemma
from .parse import NOT_HEAD_DEPS, Layout, addressed, clause_start, is_time, speakerish, titled_noun


def between_marks_and_cue(qi: int, cue: Token, lay: Layout) -> SpacySpan | None:
    """The words between a closing mark and its cue, when the parse names no subject:
    in ``'…,' Darmanin voiced`` they are the speaker, whatever tags the tagger gave them."""
    doc = lay.doc
    toks = lay.tokens[qi]
    start, end = toks[-1] + 1, cue.i
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if not 0 < end - start <= 8 or any(not lay.outside(t) or t.pos_ == "VERB" or (t.is_punct and t.text != "-")
                                       for t in doc[start:end]):
        return None
    if all(t.dep_ == "det" and t.head.i == cue.i for t in doc[start:end]):
        return None  # "'…,' the statement is …": the cue noun's own article names no one
    return doc[start:end] if doc[start].is_title or doc[start].pos_ in ("PRON", "PROPN", "DET") else None


def nearby_name(cue: Token, lay: Layout) -> Token | None:
    """When the parse gives the cue no subject: a name tagged as an adverb right before the cue, the
    last person named in the cue's clause, a noun there with a "who" clause, the first name or
    pronoun of the clause outside quotes, else a noun phrase right after the cue (``said the
    46-year-old``)."""
    doc = lay.doc
    para = lay.para(cue.idx)
    start = clause_start(cue.i, lay)
    if addressed(cue):
        return None
    if cue.dep_ == "compound" and cue.head.pos_ == "PROPN" and cue.head.i > cue.i:
        return cue.head  # "Stated Stone:": the tagger made the verb a first name
    if cue.dep_ == "amod" and cue.i > start and doc[cue.i - 1].pos_ == "PROPN" and doc[cue.i - 1].dep_ == "compound":
        return doc[cue.i - 1]  # "Trump blasted Disney for …" parsed as one name: the name before the verb
    prev = doc[cue.i - 1] if cue.i > start else None
    if prev is not None and prev.dep_ == "advmod" and prev.pos_ in ("ADV", "PROPN") and prev.is_title \
            and not prev.is_stop and not prev.is_sent_start and prev.i > start:
        return prev  # "And Skelly called Braynard '…'" with Skelly tagged as an adverb
    found = [doc[i] for i in range(start, cue.i) if speakerish(doc[i])]
    # people named in a possessive or a relative clause are not the clause's ("who served as Romney's aide")
    people = [t for t in found if t.ent_type_ == "PERSON" and t.dep_ != "poss"
              and not any(a.dep_ == "relcl" for a in t.ancestors if a.i < cue.i)]
    if people:  # "Saturday at the Democratic convention Sen. Elizabeth Warren (D-MA) said"
        return people[-1]
    nouns = [doc[i] for i in range(start, cue.i) if doc[i].pos_ == "NOUN" and doc[i].dep_ not in NOT_HEAD_DEPS]
    who = [n for n in nouns if any(who_clause(c) for c in n.children)]
    if who:  # "with Sanders's team, a White House official who spoke anonymously … said": "who" is a person
        return who[-1]
    if found:
        return found[0]
    # "'…,' an intelligence source, who was not authorized to speak, told Fox News": a person noun
    # heading the clause's first noun phrase, when the parse lost the subject
    if nouns and (is_person_noun(lemma(nouns[0])) or name_as_noun(nouns[0])):
        return nouns[0]
    if lemma(cue) in ("tell", "ask", "urge", "inform", "assure", "thank"):
        # their object is the one spoken to, but in "'…?' asked Mr. Manafort" the one speaking
        return phrase_after(cue, lay) if lemma(cue) == "ask" else None
    after = [c for c in cue.rights if c.dep_ in ("dobj", "attr", "npadvmod", "dep", "nsubj", "appos")
             and c.pos_ in ("NOUN", "PROPN", "ADJ") and lay.outside(c) and not is_time(c)]
    if after and after[0].left_edge.i <= cue.i + 3 and lay.para(after[0].idx) == para \
            and inverted_subject(after[0]):
        return after[0]
    nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if nxt is not None and lay.outside(nxt) and nxt.is_title and not nxt.is_stop and lay.para(nxt.idx) == para:
        return nxt  # "said Skelly" with Skelly tagged as an adverb
    return phrase_after(cue, lay)


def name_as_noun(t: Token) -> bool:
    """A name the tagger took for a common noun opening the sentence as its subject or root (``Trump
    defended eminent domain, calling …`` with "Trump" a noun and "defended" its modifier)."""
    return titled_noun(t) and t.is_sent_start and t.dep_ in ("nsubj", "ROOT")


def inverted_subject(t: Token) -> bool:
    """Can the noun after a cue be its subject put after it (``said the 46-year-old``, ``read the
    statement``, ``wrote a Trump supporter``)? A name, a person, a body or a text; not a thing the
    verb acts on (``opposes "…" and recalled the three-year freeze on pay: "…"``)."""
    if t.pos_ != "NOUN":
        return True
    base = lemma(t)
    return is_person_noun(base) or base in NON_AGENTS or base in ORGANISATION_NOUNS or base in GENERIC_ORG_NOUNS


def who_clause(c: Token) -> bool:
    """Is ``c`` a relative clause whose subject is "who"?"""
    return c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)


#: Words that stand for one of the people just named ("read one", "tweeted another"; often tagged PRON).
STAND_INS = ("one", "another", "others")


def phrase_after(cue: Token, lay: Layout) -> Token | None:
    """``'…,' said retired neurosurgeon Ben Carson, asked about …``: the parse hung the name elsewhere,
    but the words from the cue to the next comma or full stop are a noun phrase ending in a name."""
    doc = lay.doc
    if cue.i == 0 or not (doc[cue.i - 1].is_punct and doc[cue.i - 1].is_quote):
        return None  # only the inverted order, right after the closing mark
    end = cue.i + 1
    while end < len(doc) and end - cue.i <= 8 and lay.outside(doc[end]) and \
            (doc[end].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or doc[end].lower_ in STAND_INS
             or (doc[end].pos_ == "VERB" and doc[end].dep_ == "amod")):
        end += 1
    if end == cue.i + 1 or end >= len(doc) or doc[end].text not in (",", ".", ";"):
        return None
    last = doc[end - 1]
    named = last.pos_ == "PROPN" or (last.pos_ == "NOUN" and doc[cue.i + 1].pos_ == "DET") \
        or (end == cue.i + 2 and last.lower_ in STAND_INS)  # "asked the boy", "read one"
    return last if named and lay.para(last.idx) == lay.para(cue.idx) else None


def mistagged_cue(t: Token) -> bool:
    """A speech verb the tagger took for a noun or an adverb: ``'…,' the Saudis state in …``."""
    if t.pos_ in ("VERB", "AUX") or t.is_title or t.lower_ not in SPEECH_FORMS or t.dep_ == "compound":
        return False
    prev = t.nbor(-1) if t.i > 0 else None
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if prev is not None and prev.pos_ in ("DET", "ADJ", "NUM") and nxt is not None and nxt.text == "." \
            and lemma(t) not in SPEECH_NOUNS and t.lower_ not in SPEECH_NOUNS:
        return True  # "'…,' the editorial read.", "'…,' the two write.": no noun ends the clause there
    if prev is None or prev.pos_ in ("DET", "ADJ", "NUM") or prev.is_punct:
        return False  # a verb does not follow "a", "new" or a closing mark directly
    return nxt is None or (nxt.is_punct and nxt.text not in "-–—'’") or nxt.is_space or nxt.pos_ in ("ADP", "ADV")
