"""quotes: find every quotation in news articles, who said it, and where.

The package reads as the pipeline, one module per stage::

    load -> detect -> attribute (+ coref) -> venue -> index -> export / check

Importing :mod:`quotes` is cheap: spaCy is imported only by the stages that parse.
"""
from .records import Document, DocResult, Entity, Quote, QuoteSpan, Span

__version__ = "0.1.0"
__all__ = ["Document", "DocResult", "Entity", "Quote", "QuoteSpan", "Span", "__version__"]
