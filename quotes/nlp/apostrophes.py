"""A pipeline component that reads a curly apostrophe inside a word as the straight one.

The English model saw ``O'Reilly`` and ``don't`` with the typewriter apostrophe far more often
than with the typographer's ``’``: with the curly one, ``Sean O’Malley`` is tagged as two common
nouns, and the name and its entity come out cut ("Maureen" for "Maureen O’Reilly"). The model's
features of a word are its NORM, PREFIX, SUFFIX and SHAPE; this component gives a word with a
curly apostrophe between letters the features of the same word with a straight one (the text,
and so every offset, is unchanged). Each new word is aliased once, in the vocabulary.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

NAME = "quotes_apostrophes"
#: A curly apostrophe (or a modifier letter apostrophe) with a letter on each side.
INNER = re.compile(r"(?<=[^\W\d_])[’ʼ](?=[^\W\d_])")


@Language.component(NAME)
def straight_apostrophes(doc: Doc) -> Doc:
    """Alias each word of ``doc`` with an inner curly apostrophe to its straight form."""
    vocab = doc.vocab
    for tok in doc:
        text = tok.text
        if ("’" in text or "ʼ" in text) and INNER.search(text):
            lex = vocab[text]
            model = vocab[INNER.sub("'", text)]
            if lex.shape_ != model.shape_ or lex.norm_ != model.norm_:
                lex.norm_, lex.prefix_, lex.suffix_, lex.shape_ = model.norm_, model.prefix_, model.suffix_, model.shape_
    return doc


def add_to(nlp: Language) -> Language:
    """Insert the component first, before anything reads the words' features (once)."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, first=True)
    return nlp
