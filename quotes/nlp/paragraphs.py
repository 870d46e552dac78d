"""A pipeline component that starts a sentence at every line break.

News text puts headings, datelines and captions on lines of their own with no
full stop; left alone, the parser runs them into the next paragraph's first
sentence, and a speaker or a venue is then looked for in the wrong place. Set
before the parser, these boundaries are kept by it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "quotes_paragraphs"


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        after_break = "\n" in tok.whitespace_
    return doc


def add_to(nlp: Language) -> Language:
    """Insert the component before the parser (once)."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp
