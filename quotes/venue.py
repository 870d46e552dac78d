"""Stage 4, venue: the occasion a quotation was given on. (Placeholder.)"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan


def find_venue(doc: Doc, sentence: SpacySpan, cue: SpacySpan | None) -> str | None:
    """The occasion named in the quote's sentence, or None."""
    return None
