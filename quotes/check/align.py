"""Word-level alignment of a cited quotation with one indexed quotation.

Both texts become :class:`~quotes.check.normalize.Token` lists; every distinct word
is encoded as one private-use character so rapidfuzz's C routines compare
*words*, not letters (``Levenshtein.distance`` and ``opcodes`` on short
strings). A citation may be a sub-span of the source (a partial citation) and
may mark omissions with ``…``: each piece between omissions is aligned, in
order, with its own best window of the source.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import LCSseq, Levenshtein

from .normalize import Token, norms, segments, tokens

_BASE = 0xF0000  # Supplementary Private Use Area-A: never in real text
#: Worth of a shared word against an edit when choosing where a citation sits in its source.
SHARED_WEIGHT = 1.01


class Vocab:
    """Maps each distinct normalised token to one character, shared by both sides of a comparison."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, toks: list[Token]) -> str:
        return self.encode_norms([t.norm for t in toks])

    def encode_norms(self, norms: list[str]) -> str:
        codes = self._codes
        out = []
        for n in norms:
            c = codes.get(n)
            if c is None:
                c = codes[n] = chr(_BASE + len(codes))
            out.append(c)
        return "".join(out)


@dataclass(slots=True)
class Change:
    """One word-level difference: ``changed`` (replaced), ``added`` (not in the source), ``dropped``."""

    op: str
    draft: str
    source: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "draft": self.draft, "source": self.source}


@dataclass(slots=True)
class Alignment:
    """How a citation lines up with one source text."""

    distance: int            # word edits, over all pieces
    size: int                # words in the citation
    start: int | None        # character span of the matched words in the source text
    end: int | None
    changes: list[Change] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)  # source passages the citation's … stand for
    diff: str = ""           # the source's words with the changes marked inline

    @property
    def score(self) -> float:
        return 1.0 - self.distance / self.size if self.size else 0.0

    @property
    def exact(self) -> bool:
        return self.distance == 0


@dataclass(slots=True)
class Citation:
    """A cited quotation prepared once for comparison with many sources."""

    text: str
    pieces: list[list[Token]]
    vocab: Vocab
    codes: list[str]

    @classmethod
    def of(cls, text: str, vocab: Vocab | None = None) -> "Citation":
        vocab = vocab or Vocab()
        pieces = [p for p in (tokens(s) for s in segments(text)) if p]
        return cls(text, pieces, vocab, [vocab.encode(p) for p in pieces])

    @property
    def size(self) -> int:
        return sum(len(p) for p in self.pieces)

    @property
    def joined(self) -> str:
        return "".join(self.codes)


@dataclass(slots=True)
class Source:
    """An indexed quotation's text, encoded once for many comparisons (offsets worked out on demand)."""

    text: str
    code: str
    _toks: list[Token] | None = None

    @classmethod
    def of(cls, text: str, vocab: Vocab) -> "Source":
        return cls(text, vocab.encode_norms(norms(text)))

    @property
    def toks(self) -> list[Token]:
        if self._toks is None:
            self._toks = tokens(self.text)
        return self._toks


def contains(cite: Citation, src: Source) -> bool:
    """Whether the citation's pieces occur word for word, in order, in ``src`` (cheap: no alignment)."""
    pos = 0
    for code in cite.codes:
        at = src.code.find(code, pos)
        if at < 0:
            return False
        pos = at + len(code)
    return bool(cite.codes)


def exact(cite: Citation, src: Source) -> Alignment | None:
    """The citation's pieces found word for word, in order, in ``src``; else None."""
    hay, pos, windows = src.code, 0, []
    for code in cite.codes:
        at = hay.find(code, pos)
        if at < 0:
            return None
        pos = at + len(code)
        windows.append((at, pos))
    return _build(cite, src.text, src.toks, hay, windows) if windows else None


def fuzzy(cite: Citation, src: Source, max_ratio: float) -> Alignment:
    """The best in-order alignment of the citation's pieces with windows of ``source``.

    Windows are searched only up to ``max_ratio`` of the citation's length in
    edits: a worse match is not worth the work and ends up "not found" anyway.
    """
    source, toks, hay = src.text, src.toks, src.code
    pos, windows, fewest = 0, [], []
    for code in cite.codes:
        s, e, d = _best_window(code, hay, pos, int(len(code) * max_ratio) + 1)
        windows.append((s, e))
        fewest.append(d)
        pos = e
    return _build(cite, source, toks, hay, windows, fewest)


def _best_window(code: str, hay: str, pos: int, k: int) -> tuple[int, int, int]:
    """(start, end) of the window of ``hay[pos:]`` that best explains ``code``, and the fewest edits of any window.

    Windows run from ``k`` words shorter to ``k`` longer than the citation.
    The one chosen minimises edits minus a shade over one per shared word, so
    "on issues" against "on all pending issues" reads as two words dropped,
    not "all" changed to "issues"; ties go to the length nearest the citation.
    """
    n = len(code)
    best, key, fewest = (pos, pos), (float(n), n, pos), n
    for length in range(max(1, n - k), n + k + 1):
        for s in range(pos, len(hay) - length + 1):
            window = hay[s:s + length]
            d = Levenshtein.distance(code, window, score_cutoff=n)
            fewest = min(fewest, d)
            cand = (d - SHARED_WEIGHT * LCSseq.similarity(code, window), abs(length - n), s)
            if cand < key:
                best, key = (s, s + length), cand
    return best[0], best[1], fewest


def _build(cite: Citation, source: str, toks: list[Token], hay: str,
           windows: list[tuple[int, int]], fewest: list[int] | None = None) -> Alignment:
    """Distance, changes, omitted passages and inline diff of the pieces aligned with ``windows``.

    ``fewest`` (edits of the closest window per piece) sets the distance when
    given, so the verdict rests on similarity while the diff shows the reading
    :func:`_best_window` chose.
    """
    distance, changes, omitted, diff = 0, [], [], []
    prev = None
    for i, (piece, code, (s, e)) in enumerate(zip(cite.pieces, cite.codes, windows)):
        if prev is not None:
            gap = _words(toks[prev:s], source)
            omitted.append(gap)
            diff.append(f"[omitted: {gap}]" if gap else "[…]")
        ops = _merged(Levenshtein.opcodes(code, hay[s:e]))
        distance += fewest[i] if fewest is not None else Levenshtein.distance(code, hay[s:e])
        changes += _changes(ops, piece, toks[s:e], source, cite.text)
        diff.append(_diff(ops, piece, toks[s:e], source, cite.text))
        prev = e
    used = [(s, e) for s, e in windows if e > s]
    start = toks[used[0][0]].start if used else None
    end = toks[used[-1][1] - 1].end if used else None
    return Alignment(distance, cite.size, start, end, changes, omitted, " ".join(d for d in diff if d))


@dataclass(frozen=True, slots=True)
class _Op:
    tag: str
    src_start: int
    src_end: int
    dest_start: int
    dest_end: int


def _merged(opcodes) -> list[_Op]:
    """Opcodes with each run of adjacent edits made one (``a b`` -> ``x y z`` reads as one change)."""
    out: list[_Op] = []
    for o in opcodes:
        start, dest_start = o.src_start, o.dest_start
        if o.tag != "equal" and out and out[-1].tag != "equal":
            p = out.pop()
            start, dest_start = p.src_start, p.dest_start
        tag = o.tag
        if tag != "equal":
            src, dest = o.src_end > start, o.dest_end > dest_start
            tag = "replace" if src and dest else "delete" if src else "insert"
        out.append(_Op(tag, start, o.src_end, dest_start, o.dest_end))
    return out


def _words(toks: list[Token], text: str) -> str:
    return text[toks[0].start:toks[-1].end] if toks else ""


def _changes(ops, piece: list[Token], window: list[Token], source: str, draft: str) -> list[Change]:
    names = {"replace": "changed", "delete": "added", "insert": "dropped"}
    return [Change(names[o.tag], _words(piece[o.src_start:o.src_end], draft),
                   _words(window[o.dest_start:o.dest_end], source)) for o in ops if o.tag != "equal"]


def _diff(ops, piece: list[Token], window: list[Token], source: str, draft: str) -> str:
    """The source's words, spaced as in the source, with each change inline: ``[-source-]{+draft+}``."""
    out, last = [], None
    for o in ops:
        d = _words(piece[o.src_start:o.src_end], draft)
        src = window[o.dest_start:o.dest_end]
        if src and last is not None:
            out.append(source[last:src[0].start])
        elif out:
            out.append(" ")
        s = _words(src, source)
        out.append(s if o.tag == "equal" else (f"[-{s}-]" if s else "") + (f"{{+{d}+}}" if d else ""))
        last = src[-1].end if src else last
    return "".join(out)
