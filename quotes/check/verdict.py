"""Check a cited quotation against the indexed quotations: verbatim, altered, misattributed or not found.

Works over plain quote rows (the dicts :meth:`quotes.index.core.Index.list_quotes`
returns) so it can be tested with rows built by hand. Typography never counts
as a change (see :mod:`quotes.check.normalize`); a citation that is a sub-span of a
longer quotation is verbatim; omissions marked ``…`` or ``[…]`` are allowed
and shown. Anything else that differs is listed word by word.

The journalist's editorial marks are no changes: words in square brackets standing
for a few of the source's words (``the decision [the council] has taken``) or put
in (``[T]he``), and ``[sic]``, make a citation ``verbatim`` with ``edited`` set and
each edit listed; an omission marked ``…`` is listed too. Words left out with no
mark are a change (``dropped``).

Verdicts (``quotes check`` exits with the code :data:`quotes.cli.common.EXIT_VERDICT` gives each):

* ``verbatim``: word for word, attributed to the speaker named (or no speaker named);
* ``altered``: a close match with different words: above a similarity that grows
  for short citations, or, against the named speaker's own quotations, any
  citation that differs from one of them by a word or two (the most dangerous
  change of all: "terrible" for "excellent", a "not" added), each change that
  negates or turns a word into its opposite flagged;
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

from ..lexicon.opposites import negations, opposite
from ..records import SURE
from .align import Alignment, Change, Citation, Source, Vocab, contains, exact, fuzzy
from .normalize import norms, strip_marks
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
#: A near miss against the named speaker's own quotations: at most this many citation words
#: changed or added, and source words changed or left out, in at most this many places, and at
#: least :data:`NEAR_SHARED` words in common.
NEAR_WORDS = 2
NEAR_SHARED = 3
#: Words too common to make two quotations alike on their own (a near miss needs one more).
FUNCTION_WORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being am do does did
have has had i you he she it we they me him her us them my your his its our their this that these those
there here so than then too very not no will would can could shall should may might must just also
""".split())


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
    edits: list[Change] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.verdict == VERBATIM

    @property
    def edited(self) -> bool:
        """Verbatim but for the journalist's marked edits (brackets, [sic])."""
        return bool(self.edits)

    def to_dict(self) -> dict[str, Any]:
        row = self.row or {}
        return {
            "verdict": self.verdict, "quote": self.quote, "speaker": self.speaker,
            "said_by": self.said_by, "score": round(self.score, 3), "source": self.source,
            "diff": self.diff, "changes": [c.to_dict() for c in self.changes],
            "omitted": self.omitted, "edited": self.edited, "edits": [c.to_dict() for c in self.edits],
            "note": self.note,
            "quote_id": row.get("id"), "doc_id": row.get("doc_id"), "doc_path": row.get("doc_path"),
            "title": row.get("title"), "url": row.get("url"), "outlet": row.get("outlet"),
            "date": row.get("date"), "venue": row.get("venue"), "start": self.start, "end": self.end,
            "sources": self.sources,
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
        self._rows_of: dict[Any, list[int]] = {}  # a speaker named (and the ids it stands for) -> their rows
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
        found = self._found(cite, range(self.singles)) or self._found(cite, range(self.singles, len(self.rows)))
        if found:
            mine = [(i, al) for i, al in found if by(self.rows[i])]
            i, al = _earliest(mine or found, self.rows)
            v = _verdict(VERBATIM if mine else MISATTRIBUTED, quote, speaker, self.rows[i], al)
            others = sorted({self.rows[j].get("speaker") or "nobody" for j, _ in found} - {v.said_by or "nobody"})
            if v.verdict in (MISATTRIBUTED, UNSURE) and others:
                v.note = _join(v.note, f"also attributed to {', '.join(others)}")
            v.sources = self._sources(mine or found)
            return v
        best = None
        for row, al, mine in self.candidates(cite, by if speaker else None, (speaker, frozenset(ids))):
            if not _close(al, cite, mine):
                continue
            key = (al.score, mine, -al.groups)
            if best is None or key > best[0]:
                best = (key, row, al, mine)
        if best is None:
            return Verdict(NOT_FOUND, quote, speaker)
        _, row, al, mine = best
        v = _verdict(ALTERED, quote, speaker, row, al, mine or not speaker)
        v.sources = self._sources(self._found(Citation.of(v.source or "", self.vocab), range(self.singles)))
        flagged = [c for c in v.changes if c.flag]
        if flagged:
            v.note = _join(v.note, "may reverse the meaning: " + "; ".join(_flag_text(c) for c in flagged))
        return v

    def _found(self, cite: Citation, where: Iterable[int]) -> list[tuple[int, Alignment]]:
        """Rows (by index) that hold the citation word for word, with where."""
        out = []
        for i in where:
            if contains(cite, self.sources[i]):
                al = exact(cite, self.sources[i])
                if al is not None:
                    out.append((i, al))
        return out

    def _sources(self, found: list[tuple[int, Alignment]]) -> list[dict[str, Any]]:
        """Every article that holds the words, earliest first (undated ones last): one entry a document."""
        out, seen = [], set()
        for i, al in sorted(found, key=lambda f: _when(self.rows[f[0]])):
            row = self.rows[i]
            doc = row.get("doc_id") or row.get("doc_path")
            if doc in seen:
                continue
            seen.add(doc)
            out.append({"quote_id": row.get("id"), "speaker": row.get("speaker"), "doc_path": row.get("doc_path"),
                        "title": row.get("title"), "url": row.get("url"), "outlet": row.get("outlet"),
                        "date": row.get("date"), "start": _doc_offset(row, al.start),
                        "end": _doc_offset(row, al.end, end=True)})
        return out

    def candidates(self, cite: Citation, by=None, key: Any = None) -> list[tuple[dict[str, Any], Alignment, bool]]:
        """Rows worth a verdict of altered, aligned word by word, each with whether the named speaker said it.

        The rows rapidfuzz finds closest over the whole index, and with a speaker named
        (``by`` says whose a row is; ``key`` names that speaker for the cache), that speaker's
        quotations closest to the citation (however far below any similarity floor).
        """
        hits = self._near_indices(cite)
        if by is not None:
            mine = self._rows_of.get(key) if key is not None else None
            if mine is None:
                mine = [i for i, r in enumerate(self.rows) if by(r)]
                if key is not None:
                    self._rows_of[key] = mine
            hits += [i for i in self._closest_of(cite, mine) if i not in hits]
        return [(self.rows[i], fuzzy(cite, self.sources[i], 1 - ALTERED_MIN), by(self.rows[i]) if by else False)
                for i in hits]

    def _reported(self, cite: Citation, quote: str, speaker: str | None, ids: set[Any]) -> Verdict | None:
        """``reported`` when the cited words are, word for word, in a clause the source only reports
        (and no quotation holds them): putting them in quotation marks makes a quotation up."""
        by = (lambda r: said_by(speaker, r, ids)) if speaker else (lambda r: True)
        found = [(i, al) for i, s in enumerate(self.reported_sources)
                 if contains(cite, s) and (al := exact(cite, s)) is not None]
        if not found:
            return None
        i, al = next(((i, al) for i, al in found if by(self.reported[i])), found[0])
        v = _verdict(REPORTED, quote, speaker, self.reported[i], al)
        v.note = _join(v.note, "the source reports this in its own words; it is not a quotation")
        if speaker and not by(self.reported[i]):
            v.note = _join(v.note, f"and reports {self.reported[i].get('speaker') or 'nobody'} saying it, not {speaker}")
        return v

    def near(self, cite: Citation) -> list[tuple[dict[str, Any], Alignment]]:
        """Rows worth aligning word by word (rapidfuzz partial ratio over encoded words), aligned."""
        return [(self.rows[i], fuzzy(cite, self.sources[i], 1 - ALTERED_MIN)) for i in self._near_indices(cite)]

    def _closest_of(self, cite: Citation, rows: list[int]) -> list[int]:
        """Of the named speaker's ``rows``, the :data:`CANDIDATES` closest to the citation."""
        from rapidfuzz import fuzz, process

        if len(rows) <= CANDIDATES:
            return list(rows)
        codes = {i: self.sources[i].code for i in rows}
        return [i for _, _, i in process.extract(cite.joined, codes, scorer=fuzz.partial_ratio, limit=CANDIDATES)]

    def _near_indices(self, cite: Citation) -> list[int]:
        from rapidfuzz import fuzz, process  # only a fuzzy search needs it: exact matches start faster

        hits = process.extract(cite.joined, [s.code for s in self.sources], scorer=fuzz.partial_ratio,
                               limit=CANDIDATES, score_cutoff=100 * ALTERED_MIN * 0.8)
        return [i for _, _, i in hits]


def _close(al: Alignment, cite: Citation, mine: bool) -> bool:
    """Whether an alignment is close enough to call the citation ``altered`` rather than ``not-found``.

    Three ways: similar enough overall (:func:`altered_min`, five words or more); word for
    word but for passages left out with no omission mark; or, against the named speaker's
    own quotations, a near miss: a word or two changed or added among at least three shared
    words, one of which says something (not only "the", "is", "were").
    """
    if cite.size >= MIN_FUZZY_WORDS and al.score >= altered_min(cite.size):
        return True
    unmatched = cite.size - al.matched
    if al.unmatched == 0 and al.groups and al.matched >= 2 * MIN_FUZZY_WORDS:
        return True  # an unmarked omission: every word cited is the source's (a mark may differ)
    if not mine or unmatched > NEAR_WORDS or al.replaced > NEAR_WORDS or al.groups > NEAR_WORDS \
            or al.matched < NEAR_SHARED:
        return False
    return al.matched > 2 * al.groups and _says_something(al, cite)


def _says_something(al: Alignment, cite: Citation) -> bool:
    """Whether a word the citation shares with its source is more than a function word or a mark."""
    changed = {c.draft.lower() for c in al.changes}
    return any(t.norm[0].isalnum() and t.norm not in FUNCTION_WORDS and t.norm not in changed
               for p in cite.pieces for t in p)


def _flag(c: Change) -> str | None:
    """``negation`` when a change adds or removes a negating word, ``antonym`` when it swaps a word for its opposite."""
    draft, source = norms(c.draft), norms(c.source)
    if negations(draft) != negations(source):
        return "negation"
    if len(draft) == 1 and len(source) == 1 and opposite(draft[0], source[0]):
        return "antonym"
    return None


def _flag_text(c: Change) -> str:
    if c.flag == "antonym":
        return f"'{c.draft}' is the opposite of '{c.source}'"
    if c.op == "added":
        return f"'{c.draft}' added"
    if c.op == "dropped":
        return f"'{c.source}' left out"
    return f"'{c.source}' -> '{c.draft}' negates"


def _when(row: dict[str, Any]) -> tuple:
    """Sort key: dated rows first, earliest first; then in index order."""
    date = row.get("date")
    return (date is None, str(date or ""))


def _earliest(found: list[tuple[int, Alignment]], rows: Sequence[dict[str, Any]]) -> tuple[int, Alignment]:
    return min(found, key=lambda f: (_when(rows[f[0]]), f[0]))


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
    for c in al.changes:
        c.flag = _flag(c)
    v = Verdict(verdict, quote, speaker, said_by=row.get("speaker"), score=al.score,
                source=source.replace(JOIN, SHOWN_JOIN) if source else source,
                diff=al.diff.replace(JOIN, SHOWN_JOIN), changes=al.changes,
                omitted=[o.replace(JOIN, SHOWN_JOIN) for o in al.omitted], row=row,
                start=_doc_offset(row, al.start), end=_doc_offset(row, al.end, end=True), edits=al.edits)
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
