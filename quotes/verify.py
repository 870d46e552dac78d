"""Verify a draft: every quotation it holds, found as ``extract`` finds them, checked against the index.

:func:`verify_documents` is what ``quotes verify`` runs; :func:`check_citation` is ``quotes check``.
Both compare with :class:`~quotes.check.verdict.Checker` built over the index's quotations.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .check.speakers import named
from .check.verdict import Checker, Verdict
from .index.core import Index
from .pipeline import extract_documents
from .records import Document, Quote

#: Kinds of record a draft's quotation is checked as (titles and scare quotes are not citations).
CITED = ("direct", "partial")


def checker_for(index: Index) -> Checker:
    """A checker over every quotation, reported statement and speaker in ``index`` (reported
    statements only ever give the verdict ``reported``)."""
    from .index.core import QUOTATIONS, REPORTED

    return Checker(index.list_quotes(kinds=QUOTATIONS + REPORTED), index.list_speakers())


def check_citation(index: Index, checker: Checker, quote: str, speaker: str | None) -> Verdict:
    """The verdict on ``quote`` cited as ``speaker``'s words (any name the index knows them by)."""
    ids = [s.get("id") for s in index.find_speakers(speaker)] if speaker else []
    return checker.check(quote, speaker, ids)


def verify_documents(index: Index, documents: Iterable[Document], *, model: str | None = None,
                     checker: Checker | None = None) -> list[tuple[Quote, Verdict]]:
    """Each quotation of the drafts with its verdict, in draft order."""
    checker = checker or checker_for(index)
    out = []
    for result in extract_documents(documents, model=model):
        for q in result.quotes:
            if q.kind in CITED:
                out.append((q, check_citation(index, checker, q.quote, named(q.speaker))))
    return out


def summary(verdicts: list[Verdict]) -> str:
    """``3 quotations: 1 verbatim, 1 altered, 1 not-found``."""
    counts = Counter(v.verdict for v in verdicts)
    parts = ", ".join(f"{n} {k}" for k, n in counts.items())
    return f"{len(verdicts)} quotation{'s' if len(verdicts) != 1 else ''}" + (f": {parts}" if parts else "")
