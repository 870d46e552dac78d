"""Who can speak: the tests the sieve puts to a subject before it takes it for a speaker.

A person, a group, an organisation or a pronoun says things; a thing ("the plan", "it")
does not, unless it is a text that speaks for its authors ("the statement", "the ad").
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from ..lexicon.cues import STATEMENT_NOUNS
from ..nlp.lemmas import lemma
from ..lexicon.nouns import NON_AGENTS, is_person_noun
from .parse import SPEAKER_ENTS, is_cue, titled_noun


#: Common nouns that name people or bodies of people who speak (lemmas), beyond the nouns of people
#: coreference knows (:func:`quotes.lexicon.nouns.is_person_noun`, asked as well): bodies, crowds, voices.
SPEAKING_NOUNS = frozenset("""
campaign committee agency department ministry government administration company firm group organization party
union council court police employee people voice pope bishop priest rabbi imam lady sheriff admiral coach fan
crowd audience
""".split())


def speaks(cue: Token, subj: Token | SpacySpan) -> bool:
    """Is the subject someone saying something: a person, a group or a pronoun doing a verb of saying?"""
    head = subj.root if isinstance(subj, SpacySpan) else subj
    return is_cue(cue, strict=True) and names_someone(head)


def someone(subj: Token | SpacySpan) -> bool:
    """Is the word a person, a group or a pronoun (someone who could speak), not a thing? Also a
    name the tagger took for a noun at the start of a sentence ("Trump went further")."""
    head = subj.root if isinstance(subj, SpacySpan) else subj
    return names_someone(head) or titled_noun(head)


def acts(subj: Token) -> bool:
    """Is the subject someone who could say the words, not a thing nor "it"?"""
    return someone(subj) and subj.lower_ != "it"


def names_someone(head: Token) -> bool:
    return head.pos_ in ("PRON", "PROPN") or head.ent_type_ in SPEAKER_ENTS or lemma(head) in SPEAKING_NOUNS \
        or is_person_noun(lemma(head))


def document(subj: Token | SpacySpan) -> bool:
    """Is the subject a text that speaks for its authors (a statement, an ad, a story)?"""
    head = subj.root if isinstance(subj, SpacySpan) else subj
    return lemma(head) in NON_AGENTS or lemma(head) in STATEMENT_NOUNS
