"""Check a cited quotation against the indexed quotations: verbatim, altered, misattributed or not found.

Works over plain quote rows (the dicts :meth:`quotes.index.Index.list_quotes`
returns) so it can be tested with rows built by hand. Typography never counts
as a change (see :mod:`quotes.normalize`); a citation that is a sub-span of a
longer quotation is verbatim; omissions marked ``…`` or ``[…]`` are allowed
and shown. Anything else that differs is listed word by word.

Verdicts, and the exit codes the CLI maps them to:

* ``verbatim`` (0): word for word, attributed to the speaker named (or no speaker named);
* ``altered`` (1): a close match with different words;
* ``misattributed`` (2): word for word, but the index has someone else saying it
  (or nobody: the source names no speaker);
* ``not-found`` (3): nothing close enough in the index.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .align import Alignment, Change, Citation, Source, Vocab, contains, exact, fuzzy
from .normalize import strip_marks
from .speakers import matching_ids, said_by

VERBATIM, ALTERED, MISATTRIBUTED, NOT_FOUND = "verbatim", "altered", "misattributed", "not-found"
VERDICTS = (VERBATIM, ALTERED, MISATTRIBUTED, NOT_FOUND)
EXIT_CODES = {VERBATIM: 0, ALTERED: 1, MISATTRIBUTED: 2, NOT_FOUND: 3}

#: Lowest word-level similarity (1 - word edits / words cited) still called ``altered``.
#: Chosen from data: see bench/check_thresholds.py.
ALTERED_MIN = 0.6
#: A citation shorter than this (in words) is only ever verbatim or not found.
MIN_FUZZY_WORDS = 4
#: How many rows the coarse rapidfuzz pass hands on to word alignment.
CANDIDATES = 25


@dataclass(slots=True)
class Verdict:
    """The answer for one cited quotation, with the source it was matched against."""

    verdict: str
    quote: str
    speaker: str | None = None
    said_by: str | None = None
    score: float = 0.0
    source: str | None = None
    diff: str | None = None
    changes: list[Change] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)
    row: dict[str, Any] | None = None
    start: int | None = None
    end: int | None = None
    note: str | None = None

    @property
    def ok(self) -> bool:
        return self.verdict == VERBATIM

    def to_dict(self) -> dict[str, Any]:
        row = self.row or {}
        return {
            "verdict": self.verdict, "quote": self.quote, "speaker": self.speaker,
            "said_by": self.said_by, "score": round(self.score, 3), "source": self.source,
            "diff": self.diff, "changes": [c.to_dict() for c in self.changes],
            "omitted": self.omitted, "note": self.note,
            "quote_id": row.get("id"), "doc_id": row.get("doc_id"), "doc_path": row.get("doc_path"),
            "title": row.get("title"), "url": row.get("url"), "outlet": row.get("outlet"),
            "date": row.get("date"), "venue": row.get("venue"), "start": self.start, "end": self.end,
        }


class Checker:
    """Quote rows prepared once (tokenised, encoded) so that many citations can be checked against them."""

    def __init__(self, rows: Sequence[dict[str, Any]], speakers: Iterable[dict[str, Any]] = ()) -> None:
        self.rows = list(rows)
        self.speakers = list(speakers)
        self.vocab = Vocab()
        self.sources = [Source.of(r.get("quote") or "", self.vocab) for r in self.rows]

    def check(self, quote: str, speaker: str | None = None, speaker_ids: Iterable[Any] = ()) -> Verdict:
        """The verdict for ``quote``, attributed to ``speaker`` if given.

        ``speaker_ids`` (ids the index already resolved the name to) widen what
        counts as the same speaker, as do the aliases and roles of the speaker rows.
        """
        quote = strip_marks(quote)
        cite = Citation.of(quote, self.vocab)
        if not cite.size:
            return Verdict(NOT_FOUND, quote, speaker, note="nothing to look for: the quotation has no words")
        ids = set(speaker_ids) | (matching_ids(speaker, self.speakers) if speaker else set())
        by = (lambda r: said_by(speaker, r, ids)) if speaker else (lambda r: True)
        found = [i for i, s in enumerate(self.sources) if contains(cite, s)]
        if found:
            i = next((i for i in found if by(self.rows[i])), found[0])
            al = exact(cite, self.sources[i])
            return _verdict(VERBATIM if by(self.rows[i]) else MISATTRIBUTED, quote, speaker, self.rows[i], al)
        close = [(r, a) for r, a in self.near(cite) if a.score >= ALTERED_MIN]
        if not close or cite.size < MIN_FUZZY_WORDS:
            return Verdict(NOT_FOUND, quote, speaker)
        row, al = max(close, key=lambda ra: (ra[1].score, by(ra[0])))
        return _verdict(ALTERED, quote, speaker, row, al, by(row))

    def near(self, cite: Citation) -> list[tuple[dict[str, Any], Alignment]]:
        """Rows worth aligning word by word (rapidfuzz partial ratio over encoded words), aligned."""
        from rapidfuzz import fuzz, process

        hits = process.extract(cite.joined, [s.code for s in self.sources], scorer=fuzz.partial_ratio,
                               limit=CANDIDATES, score_cutoff=100 * ALTERED_MIN * 0.8)
        return [(self.rows[i], fuzzy(cite, self.sources[i], 1 - ALTERED_MIN)) for _, _, i in hits]


def check(quote: str, rows: Sequence[dict[str, Any]], speaker: str | None = None,
          speakers: Iterable[dict[str, Any]] = (), speaker_ids: Iterable[Any] = ()) -> Verdict:
    """One citation against ``rows``: see :meth:`Checker.check`."""
    return Checker(rows, speakers).check(quote, speaker, speaker_ids)


def _verdict(verdict: str, quote: str, speaker: str | None, row: dict[str, Any], al: Alignment,
             same_speaker: bool = True) -> Verdict:
    base = row.get("start") if isinstance(row.get("start"), int) else None
    v = Verdict(verdict, quote, speaker, said_by=row.get("speaker"), score=al.score,
                source=(row.get("quote") or "")[al.start:al.end] if al.start is not None else None,
                diff=al.diff, changes=al.changes, omitted=al.omitted, row=row,
                start=base + al.start if base is not None and al.start is not None else None,
                end=base + al.end if base is not None and al.end is not None else None)
    if verdict == MISATTRIBUTED and not row.get("speaker"):
        v.note = "the source does not say who said it"
    elif verdict == ALTERED and speaker and not same_speaker:
        v.note = f"and the source has {row.get('speaker') or 'nobody'} saying it, not {speaker}"
    if v.omitted:
        v.note = _join(v.note, f"{len(v.omitted)} omission(s) marked, shown as […]")
    return v


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b
