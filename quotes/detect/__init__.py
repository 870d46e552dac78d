"""Stage 2, detect: every stretch of text between a pair of quotation marks (pure text, no parse).

``marks`` knows the characters and what one occurrence can do (open, close, be an apostrophe);
``spans`` pairs them into :class:`~quotes.records.QuoteSpan` objects and classes each.
"""
from .spans import detect

__all__ = ["detect"]
