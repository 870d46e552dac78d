"""Lemmas on demand.

spaCy's rule lemmatizer costs about 16 ms an article (8 % of the English
pipeline) to lemmatize every token, and the quote stages read the lemma of a
few dozen: candidate cue verbs, the heads of descriptions and occasions. So
:func:`quotes.nlp.model.load_pipeline` loads the lemmatizer but does not run it, and
registers it here; :func:`lemma` asks it for one token at a time, and keeps
the answer by form, part of speech and morphology (the English lemmatizer does
not cache the base forms it recognises, most of the nouns asked about). Its word
index is read as sets (:func:`_index_as_sets`). The answers are the ones the
component would have written.

A ``Doc`` made by any other pipeline (one that ran its lemmatizer) keeps its
own lemmas: a token that has one is never lemmatized again.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.vocab import Vocab

#: Lemmatizers by the vocabulary their pipeline shares with its docs, each with its answers so far.
_LEMMATIZERS: dict[int, tuple[Any, dict[tuple[int, int, int], str]]] = {}


def register(vocab: "Vocab", lemmatizer: Any) -> None:
    """Let :func:`lemma` lemmatize, on demand, the tokens of docs made with ``vocab``."""
    _index_as_sets(lemmatizer)
    _LEMMATIZERS[id(vocab)] = (lemmatizer, {})


def _index_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer asks ``form in index`` of word lists (57,528 nouns): a linear scan for
    each rule, about 0.3 ms a token it has not seen. The same words as sets give the same answers
    (only membership is asked) at a fraction of the cost."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


#: Verb forms the rule lemmatizer reads as another verb: "hoped", "hoping", "hopes" end the way
#: "hopped" does once its consonant is undoubled, and come back as "hop".
_MISREAD = {"hoped": "hope", "hoping": "hope", "hopes": "hope"}


def lemma(tok: "Token") -> str:
    """The token's lemma, lower case: the one it carries, else its lemmatizer's answer.

    With no lemma and no lemmatizer registered for its vocabulary, the lower-case form.
    """
    if tok.lemma:
        return tok.lemma_.lower()
    registered = _LEMMATIZERS.get(id(tok.vocab))
    if registered is None:
        return tok.lower_
    lemmatizer, known = registered
    key = (tok.orth, tok.pos, tok.morph.key)
    found = known.get(key)
    if found is None:
        forms = lemmatizer.lemmatize(tok)
        found = known[key] = _MISREAD.get(tok.lower_) or (forms[0].lower() if forms else tok.lower_)
    return found


def is_word(tok: "Token") -> bool:
    """Whether the token, lower-cased, is a word of the English lexicon (a noun, verb, adjective or
    adverb the lemmatizer's index holds): "tennis", "ham", not "ouahbi". False with no lemmatizer."""
    registered = _LEMMATIZERS.get(id(tok.vocab))
    lookups = getattr(registered[0], "lookups", None) if registered else None
    if lookups is None or not lookups.has_table("lemma_index"):
        return False
    table = lookups.get_table("lemma_index")
    low = tok.lower_
    return any(low in words for words in table.values())
