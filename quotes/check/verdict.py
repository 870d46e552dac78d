"""Check a cited quotation against the indexed quotations: verbatim, altered, misattributed or not found.

Works over plain quote rows (the dicts :meth:`quotes.index.core.Index.list_quotes`
returns) so it can be tested with rows built by hand. Typography never counts
as a change (see :mod:`quotes.check.normalize`); a citation that is a sub-span of a
longer quotation is verbatim; omissions marked ``…`` or ``[…]`` are allowed
and shown. Anything else that differs is listed word by word.

Verdicts (``quotes check`` exits 0, 10, 11, 12 for them, in this order):

* ``verbatim``: word for word, attributed to the speaker named (or no speaker named);
* ``altered``: a close match with different words;
* ``misattributed``: word for word, but the index has someone else saying it
  (or nobody: the source names no speaker);
* ``not-found``: nothing close enough in the index;
* ``reported`` (exit 13): no quotation holds these words, but the source reports them in its own
  words (a record of kind ``indirect``, "Kayouh said that …"): they are not a quotation.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import SURE
from .align import Alignment, Change, Citation, Source, Vocab, contains, exact, fuzzy
from .normalize import strip_marks
from .speakers import matching_ids, said_by

VERBATIM, ALTERED, MISATTRIBUTED, NOT_FOUND = "verbatim", "altered", "misattributed", "not-found"
REPORTED = "reported"
#: Word for word, said by someone else according to an attribution the index is not sure of
#: (confidence below quotes.records.SURE): a reader should look, not be told it is wrong.
UNSURE = "unsure"
VERDICTS = (VERBATIM, ALTERED, MISATTRIBUTED, NOT_FOUND, REPORTED, UNSURE)
#: Row kinds that are reported speech, not quotations: a citation is never verbatim against them.
REPORTED_KINDS = frozenset(["indirect"])

#: Word-level similarity (1 - word edits / words cited) a long citation needs to be ``altered``;
#: a citation of n words needs ``ALTERED_MIN + 1/n`` (see :func:`altered_min`).
#: Chosen from data: see bench/check_thresholds.py.
ALTERED_MIN = 0.6
#: A citation shorter than this (in words) is only ever verbatim or not found.
MIN_FUZZY_WORDS = 5
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
    """Quote rows prepared once (tokenised, encoded) so that many citations can be checked against them.

    Besides each row, each speaker's quotations in one document are joined in
    order (see :func:`runs`), so a citation may run across an interruption
    ("…," he said, "…") or join two quotations with a marked omission.
    """

    def __init__(self, rows: Sequence[dict[str, Any]], speakers: Iterable[dict[str, Any]] = ()) -> None:
        self.reported = [r for r in rows if r.get("kind") in REPORTED_KINDS]
        rows = [r for r in rows if r.get("kind") not in REPORTED_KINDS]
        self.singles = len(rows)
        self.rows = list(rows) + runs(rows)
        self.speakers = list(speakers)
        self.vocab = Vocab()
        self.sources = [Source.of(r.get("quote") or "", self.vocab) for r in self.rows]
        self.reported_sources = [Source.of(r.get("quote") or "", self.vocab) for r in self.reported]

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
        v = self._check(cite, quote, speaker, ids)
        if v.verdict in (NOT_FOUND, ALTERED):
            v = self._reported(cite, quote, speaker, ids) or v
        if speaker and not ids and self.speakers and v.verdict != VERBATIM:
            v.note = _join(v.note, f"no speaker in the index answers to {speaker}")
        return v

    def _check(self, cite: Citation, quote: str, speaker: str | None, ids: set[Any]) -> Verdict:
        by = (lambda r: said_by(speaker, r, ids)) if speaker else (lambda r: True)
        found = [i for i, s in enumerate(self.sources[:self.singles]) if contains(cite, s)]
        found = found or [i for i, s in enumerate(self.sources) if i >= self.singles and contains(cite, s)]
        if found:
            i = next((i for i in found if by(self.rows[i])), found[0])
            v = _verdict(VERBATIM if by(self.rows[i]) else MISATTRIBUTED, quote, speaker, self.rows[i],
                         exact(cite, self.sources[i]))
            others = sorted({self.rows[j].get("speaker") or "nobody" for j in found} - {v.said_by or "nobody"})
            if v.verdict in (MISATTRIBUTED, UNSURE) and others:
                v.note = _join(v.note, f"also attributed to {', '.join(others)}")
            return v
        close = [(r, a) for r, a in self.near(cite) if a.score >= altered_min(cite.size)]
        if not close or cite.size < MIN_FUZZY_WORDS:
            return Verdict(NOT_FOUND, quote, speaker)
        row, al = max(close, key=lambda ra: (ra[1].score, by(ra[0])))
        return _verdict(ALTERED, quote, speaker, row, al, by(row))

    def _reported(self, cite: Citation, quote: str, speaker: str | None, ids: set[Any]) -> Verdict | None:
        """``reported`` when the cited words are, word for word, in a clause the source only reports
        (and no quotation holds them): putting them in quotation marks makes a quotation up."""
        by = (lambda r: said_by(speaker, r, ids)) if speaker else (lambda r: True)
        found = [i for i, s in enumerate(self.reported_sources) if contains(cite, s)]
        if not found:
            return None
        i = next((i for i in found if by(self.reported[i])), found[0])
        v = _verdict(REPORTED, quote, speaker, self.reported[i], exact(cite, self.reported_sources[i]))
        v.note = _join(v.note, "the source reports this in its own words; it is not a quotation")
        if speaker and not by(self.reported[i]):
            v.note = _join(v.note, f"and reports {self.reported[i].get('speaker') or 'nobody'} saying it, not {speaker}")
        return v

    def near(self, cite: Citation) -> list[tuple[dict[str, Any], Alignment]]:
        """Rows worth aligning word by word (rapidfuzz partial ratio over encoded words), aligned."""
        from rapidfuzz import fuzz, process  # only a fuzzy search needs it: exact matches start faster

        hits = process.extract(cite.joined, [s.code for s in self.sources], scorer=fuzz.partial_ratio,
                               limit=CANDIDATES, score_cutoff=100 * ALTERED_MIN * 0.8)
        return [(self.rows[i], fuzzy(cite, self.sources[i], 1 - ALTERED_MIN)) for _, _, i in hits]


def altered_min(words: int) -> float:
    """The similarity a citation of ``words`` words needs to be called altered rather than not found.

    Short citations need more: four or five common words match some quotation
    somewhere by chance far more often than twelve do (bench/check_thresholds.py).
    """
    return ALTERED_MIN + 1 / max(words, 1)


def check(quote: str, rows: Sequence[dict[str, Any]], speaker: str | None = None,
          speakers: Iterable[dict[str, Any]] = (), speaker_ids: Iterable[Any] = ()) -> Verdict:
    """One citation against ``rows``: see :meth:`Checker.check`."""
    return Checker(rows, speakers).check(quote, speaker, speaker_ids)


#: Joins the quotations of a run: no word, so words either side of an interruption are adjacent.
JOIN = "\n"
SHOWN_JOIN = " / "


def runs(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each speaker's quotations in one document joined in document order, as extra rows.

    A run row is the first member's row with ``quote`` the joined text and
    ``parts`` the (offset in the joined text, member row) pairs.
    """
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for r in rows:
        doc, who = r.get("doc_id") or r.get("doc_path"), r.get("speaker_id", r.get("speaker"))
        if doc is not None and isinstance(r.get("start"), int):
            groups.setdefault((doc, who if who is not None else r.get("speaker")), []).append(r)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda r: r["start"])
        parts, text = [], ""
        for r in members:
            text += JOIN if text else ""
            parts.append((len(text), r))
            text += r.get("quote") or ""
        out.append({**members[0], "quote": text, "start": None, "end": None, "parts": parts})
    return out


def _doc_offset(row: dict[str, Any], pos: int | None, end: bool = False) -> int | None:
    """A position in ``row["quote"]`` as an offset in the document (run rows map through their parts)."""
    if pos is None:
        return None
    if "parts" not in row:
        return row["start"] + pos if isinstance(row.get("start"), int) else None
    for off, r in reversed(row["parts"]):
        if off < pos or (off == pos and not end):
            return r["start"] + pos - off if isinstance(r.get("start"), int) else None
    return None


def _verdict(verdict: str, quote: str, speaker: str | None, row: dict[str, Any], al: Alignment,
             same_speaker: bool = True) -> Verdict:
    source = (row.get("quote") or "")[al.start:al.end] if al.start is not None else None
    v = Verdict(verdict, quote, speaker, said_by=row.get("speaker"), score=al.score,
                source=source.replace(JOIN, SHOWN_JOIN) if source else source,
                diff=al.diff.replace(JOIN, SHOWN_JOIN), changes=al.changes,
                omitted=[o.replace(JOIN, SHOWN_JOIN) for o in al.omitted], row=row,
                start=_doc_offset(row, al.start), end=_doc_offset(row, al.end, end=True))
    if "parts" in row and source and JOIN in source:
        v.note = f"runs across {source.count(JOIN) + 1} quotations of one speaker, shown joined by {SHOWN_JOIN.strip()}"
    sure = row.get("confidence")  # None: an index written before attributions had a confidence
    if verdict == MISATTRIBUTED and row.get("speaker") and sure is not None and sure < SURE:
        v.verdict = UNSURE
        v.note = _join(v.note, f"the index is unsure who said this (confidence {sure:.2f})")
    if verdict == MISATTRIBUTED and not row.get("speaker"):
        v.note = _join(v.note, "the source does not say who said it")
    elif verdict == ALTERED and speaker and not same_speaker:
        v.note = _join(v.note, f"and the source has {row.get('speaker') or 'nobody'} saying it, not {speaker}")
    if v.omitted:
        v.note = _join(v.note, f"{len(v.omitted)} omission(s) marked, shown as [omitted: …]")
    return v


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b
