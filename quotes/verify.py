"""Verify a draft: every quotation it holds, found as ``extract`` finds them, checked against the index.

:func:`verify_drafts` is what ``quotes verify`` runs (drafts read by :mod:`quotes.draft`,
Markdown rendered, positions traced back to the draft); :func:`check_citation` is
``quotes check``. Both compare with :class:`~quotes.check.verdict.Checker` built over
the index's quotations.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .check.pasted import pasted
from .check.speakers import answers_to
from .lexicon.names import named
from .check.verdict import Checker, Verdict
from .draft import Draft
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


def check_citation(index: Index, checker: Checker, quote: str, speaker: str | None, *,
                   sentence: bool = False) -> Verdict:
    """The verdict on ``quote`` cited as ``speaker``'s words (any name the index knows them by).

    With ``sentence`` (what a person pasted), a sentence with its attribution (``"…,"
    Okafor said.``) is checked for the words inside its marks, said by the name it gives
    unless ``speaker`` is given.
    """
    found = pasted(quote) if sentence else None
    if found is not None:
        quote = found.quote
        if not speaker and found.names:
            speaker = next((n for n in found.names if any(answers_to(n, s) for s in checker.speakers)),
                           found.names[0])
    ids = [s.get("id") for s in index.find_speakers(speaker)] if speaker else []
    return checker.check(quote, speaker, ids)


@dataclass(slots=True)
class Checked:
    """One quotation of a draft, where it stands in the draft as written, and its verdict."""

    draft: Draft
    quote: Quote
    verdict: Verdict
    start: int      # in the draft as written
    end: int
    line: int
    column: int

    @property
    def where(self) -> str:
        """``draft.md:LINE:COL``, as compilers give a place editors can jump to."""
        return f"{self.draft.document.path}:{self.line}:{self.column}"


def verify_drafts(index: Index, drafts: Iterable[Draft], *, model: str | None = None,
                  checker: Checker | None = None) -> list[Checked]:
    """Each quotation of the drafts with its verdict, in draft order."""
    checker = checker or checker_for(index)
    drafts = list(drafts)
    out = []
    for draft, result in zip(drafts, extract_documents([d.document for d in drafts], model=model)):
        for q in result.quotes:
            if q.kind in CITED:
                start, end = draft.span(q.start, q.end)
                line, col = draft.line_col(start)
                v = check_citation(index, checker, q.quote, named(q.speaker))
                out.append(Checked(draft, q, v, start, end, line, col))
    return out


def verify_documents(index: Index, documents: Iterable[Document], *, model: str | None = None,
                     checker: Checker | None = None) -> list[tuple[Quote, Verdict]]:
    """Each quotation of documents read as they are (no Markdown), with its verdict, in order."""
    found = verify_drafts(index, [Draft(d, d.text) for d in documents], model=model, checker=checker)
    return [(c.quote, c.verdict) for c in found]


def summary(verdicts: list[Verdict]) -> str:
    """``3 quotations: 1 verbatim, 1 altered, 1 not-found``."""
    counts = Counter(v.verdict for v in verdicts)
    parts = ", ".join(f"{n} {k}" for k, n in counts.items())
    return f"{len(verdicts)} quotation{'s' if len(verdicts) != 1 else ''}" + (f": {parts}" if parts else "")
