"""Word-level alignment of a cited quotation with one indexed quotation.

Both texts become :class:`~quotes.check.normalize.Token` lists; every distinct word
is encoded as one private-use character so rapidfuzz's C routines compare
*words*, not letters (``Levenshtein.distance`` on short strings). A citation may be
a sub-span of the source (a partial citation) and may carry the journalist's marks:
omissions (``…``) and bracketed words (``[the council]``) cut it into pieces, each
aligned, in order, with its own stretch of the source. How near a piece is counts
the fewest word edits of any window (the measure the verdict's thresholds were set
on); what it shows is a proper word alignment with affine gaps (:func:`align_words`),
in which a passage left out is one change however long.

At 451 lines, one idea: the alignment and the reading of its changes share the token model.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import LCSseq, Levenshtein

from .normalize import Token, norms, pieces, sics, tokens

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
    flag: str | None = None  # "negation" or "antonym": the change may reverse the meaning

    def to_dict(self) -> dict[str, str | None]:
        out = {"op": self.op, "draft": self.draft, "source": self.source}
        if self.flag:
            out["flag"] = self.flag
        return out


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
    edits: list[Change] = field(default_factory=list)  # the journalist's marked edits: [brackets], [sic]
    matched: int = 0         # citation words aligned with the same source word
    groups: int = 0          # runs of changed, added or dropped words
    replaced: int = 0        # source words changed or left out inside the matched stretch
    unmatched: int = 0       # citation words (not marks) the source does not have there

    @property
    def score(self) -> float:
        return 1.0 - self.distance / self.size if self.size else 0.0

    @property
    def exact(self) -> bool:
        return self.distance == 0


#: Most source words that words put in square brackets may stand for ("the decision [the council] has taken").
BRACKET_WORDS = 4


@dataclass(slots=True)
class Citation:
    """A cited quotation prepared once for comparison with many sources.

    ``pieces`` are the runs of words between the journalist's editorial marks; ``joins[i]``
    is what stands between piece ``i`` and the next: ``None`` for an omission mark (any
    number of source words left out), else the bracketed words put in (``[the council]``,
    standing for at most :data:`BRACKET_WORDS` source words). ``lead``/``trail``: bracketed
    words before the first piece and after the last; ``sic``: each ``[sic]``.
    """

    text: str
    pieces: list[list[Token]]
    vocab: Vocab
    codes: list[str]
    joins: list[str | None] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    trail: list[str] = field(default_factory=list)
    sic: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, vocab: Vocab | None = None) -> "Citation":
        vocab = vocab or Vocab()
        spans, joins, lead, trail = pieces(text)
        toks = [tokens(text, s, e) for s, e in spans]
        return cls(text, toks, vocab, [vocab.encode(p) for p in toks], joins, lead, trail, sics(text))

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
    """Whether the citation's pieces occur word for word, in order, in ``src`` (cheap: no alignment,
    no check of what a bracket may stand for; :func:`exact` has the last word)."""
    pos = 0
    for code in cite.codes:
        at = src.code.find(code, pos)
        if at < 0:
            return False
        pos = at + len(code)
    return bool(cite.codes)


def exact(cite: Citation, src: Source) -> Alignment | None:
    """The citation's pieces found word for word, in order, in ``src``; else None.

    Pieces either side of an omission mark may be any distance apart; either side of
    bracketed words, at most :data:`BRACKET_WORDS` source words apart.
    """
    windows = _place(cite, src.code, 0, 0)
    if not windows:
        return None
    ops = [[_Op("equal", 0, e - s, 0, e - s)] for s, e in windows]
    return _build(cite, src.text, src.toks, windows, ops)


#: Occurrences of one piece tried before giving up on placing the next ones after it.
_TRIES = 32


def _place(cite: Citation, hay: str, i: int, pos: int) -> list[tuple[int, int]] | None:
    """Windows for pieces ``i…`` of the citation, word for word, from ``pos`` on."""
    if i == len(cite.codes):
        return []
    code = cite.codes[i]
    latest = pos + BRACKET_WORDS if i and cite.joins[i - 1] is not None else len(hay)
    at = hay.find(code, pos)
    for _ in range(_TRIES):
        if at < 0 or at > latest:
            return None
        rest = _place(cite, hay, i + 1, at + len(code))
        if rest is not None:
            return [(at, at + len(code)), *rest]
        at = hay.find(code, at + 1)
    return None


def fuzzy(cite: Citation, src: Source, max_ratio: float) -> Alignment:
    """The best in-order alignment of the citation's pieces with ``src``.

    Each piece's distance is the fewest word edits of any window of the source
    (windows searched up to ``max_ratio`` of its length in edits: a worse match is
    not worth the work and ends up "not found" anyway); what it shows, word by word,
    is a proper alignment (:func:`align_words`) around that window, in which a
    passage left out reads as one dropped passage however long.
    """
    source, toks, hay = src.text, src.toks, src.code
    pos, windows, fewest, ops = 0, [], [], []
    for code in cite.codes:
        s, e, d = _best_window(code, hay, pos, int(len(code) * max_ratio) + 1)
        lo, hi = max(pos, s - len(code) - 4), min(len(hay), e + 2 * len(code) + 8)
        piece_ops, gs, ge = align_words(code, hay[lo:hi])
        windows.append((lo + gs, lo + ge))
        ops.append(piece_ops)
        fewest.append(d)
        pos = lo + ge
    return _build(cite, source, toks, windows, ops, fewest)


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


# -- word alignment ------------------------------------------------------------------------------
#: Costs of the alignment: a word in common (a gain), a word changed, a word the citation adds,
#: and a passage of the source it leaves out (opening it, then each word). A passage left out
#: reads as one change ("on issues" for "on all pending issues" drops two words rather than
#: changing "all" to "issues"), and a word changed reads better than one added where both explain
#: the citation.
MATCH, SUB, ADD, DROP_OPEN, DROP_EXTEND = 1.0, 1.0, 1.01, 1.0, 0.1
_INF = float("inf")


def align_words(q: str, h: str) -> tuple[list["_Op"], int, int]:
    """Align the encoded words ``q`` of a citation with the best stretch of the encoded source ``h``.

    Semi-global (Gotoh's affine gaps): every word of ``q`` is aligned, the source may
    begin and end anywhere. Returns the merged opcodes (``src`` = citation, ``dest`` =
    source, relative to the stretch) and the stretch's (start, end) in ``h``.
    """
    n, m = len(q), len(h)
    if not n or not m:
        return ([_Op("delete", 0, n, 0, 0)] if n else []), 0, 0
    # M: q[i-1] against h[j-1]; X: q[i-1] added (no source word); Y: h[j-1] dropped
    M = [[0.0] * (m + 1)] + [[_INF] * (m + 1) for _ in range(n)]
    X = [[_INF] * (m + 1)] + [[_INF] * (m + 1) for _ in range(n)]
    Y = [[_INF] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        X[i][0] = i * ADD
        Mi, Xi, Yi = M[i], X[i], Y[i]
        Mp, Xp, Yp = M[i - 1], X[i - 1], Y[i - 1]
        qc = q[i - 1]
        for j in range(1, m + 1):
            best = Mp[j - 1]
            if Xp[j - 1] < best:
                best = Xp[j - 1]
            if Yp[j - 1] < best:
                best = Yp[j - 1]
            Mi[j] = best + (-MATCH if qc == h[j - 1] else SUB)
            Xi[j] = min(Mp[j], Xp[j], Yp[j]) + ADD
            Yi[j] = min(Mi[j - 1] + DROP_OPEN, Xi[j - 1] + DROP_OPEN, Yi[j - 1] + DROP_EXTEND)
    end, state, cost = 0, "X", X[n][0]
    for j in range(1, m + 1):
        for st, table in (("M", M), ("X", X)):
            if table[n][j] < cost - 1e-9:
                end, state, cost = j, st, table[n][j]
    steps = []  # (state, i, j) from the end back
    i, j = n, end
    while i > 0:
        steps.append((state, i, j))
        if state == "M":
            prev = _cheapest(M, X, Y, i - 1, j - 1)
            i, j = i - 1, j - 1
        elif state == "X":
            prev = _cheapest(M, X, Y, i - 1, j)
            i -= 1
        else:
            here = Y[i][j]
            if abs(Y[i][j - 1] + DROP_EXTEND - here) < 1e-9:
                prev = "Y"
            elif abs(M[i][j - 1] + DROP_OPEN - here) < 1e-9:
                prev = "M"
            else:
                prev = "X"
            j -= 1
        state = prev
        if i == 0:
            break
    start = j
    raw = []
    for st, i, j in reversed(steps):
        if st == "M":
            raw.append(("equal" if q[i - 1] == h[j - 1] else "replace", i - 1, i, j - 1 - start, j - start))
        elif st == "X":
            raw.append(("delete", i - 1, i, j - start, j - start))
        else:
            raw.append(("insert", i, i, j - 1 - start, j - start))
    return _merged(_runs(raw)), start, end


def _cheapest(M, X, Y, i: int, j: int) -> str:
    """Which of the three states holds the least cost at (i, j), preferring a match, then an addition."""
    best, name = M[i][j], "M"
    if X[i][j] < best - 1e-9:
        best, name = X[i][j], "X"
    if Y[i][j] < best - 1e-9:
        name = "Y"
    return name


def _runs(raw: list[tuple[str, int, int, int, int]]) -> list["_Op"]:
    """Single-word steps joined into runs of one tag."""
    out: list[_Op] = []
    for tag, a, b, c, d in raw:
        if out and out[-1].tag == tag and out[-1].src_end == a and out[-1].dest_end == c:
            out[-1] = _Op(tag, out[-1].src_start, b, out[-1].dest_start, d)
        else:
            out.append(_Op(tag, a, b, c, d))
    return out


def _build(cite: Citation, source: str, toks: list[Token], windows: list[tuple[int, int]],
           ops: list[list["_Op"]], fewest: list[int] | None = None) -> Alignment:
    """Distance, changes, omitted passages, edits and inline diff of the pieces aligned with ``windows``.

    ``ops[i]`` aligns piece ``i`` with its window (``dest`` relative to the window's start);
    ``fewest`` (edits of the closest window per piece) sets the distance when given, so the
    verdict rests on similarity while the diff shows the alignment.
    """
    distance, changes, omitted, edits, diff = 0, [], [], [], []
    matched = groups = replaced = unmatched = 0
    for w in cite.lead:
        edits.append(Change("edited", w, ""))
        diff.append(f"{{+{w}+}}")
    prev = None
    for i, (piece, (s, e), piece_ops) in enumerate(zip(cite.pieces, windows, ops)):
        if prev is not None:
            gap = _words(toks[prev:s], source)
            join = cite.joins[i - 1]
            if join is None:
                omitted.append(gap)
                diff.append(f"[omitted: {gap}]" if gap else "[…]")
            else:
                edits.append(Change("edited", join, gap))
                diff.append((f"[-{gap}-]" if gap else "") + f"{{+{join}+}}")
        window = toks[s:e]
        distance += fewest[i] if fewest is not None else sum(
            max(o.src_end - o.src_start, o.dest_end - o.dest_start) for o in piece_ops if o.tag != "equal")
        changes += _changes(piece_ops, piece, window, source, cite.text)
        edits += _in_word_edits(piece_ops, piece, window, source, cite.text)
        matched += sum(o.src_end - o.src_start for o in piece_ops if o.tag == "equal")
        groups += sum(o.tag != "equal" for o in piece_ops)
        replaced += sum(o.dest_end - o.dest_start for o in piece_ops if o.tag != "equal")
        unmatched += sum(t.norm[0].isalnum() for o in piece_ops if o.tag != "equal"
                         for t in piece[o.src_start:o.src_end])
        diff.append(_diff(piece_ops, piece, window, source, cite.text))
        prev = e
    for w in cite.trail:
        edits.append(Change("edited", w, ""))
        diff.append(f"{{+{w}+}}")
    edits += [Change("edited", w, "") for w in cite.sic]
    used = [(s, e) for s, e in windows if e > s]
    start = toks[used[0][0]].start if used else None
    end = toks[used[-1][1] - 1].end if used else None
    return Alignment(distance, cite.size, start, end, changes, omitted, " ".join(d for d in diff if d),
                     edits, matched, groups, replaced, unmatched)


def _in_word_edits(ops, piece: list[Token], window: list[Token], source: str, draft: str) -> list[Change]:
    """Words the journalist changed inside brackets (``[T]he``) that match the source's word."""
    out = []
    for o in ops:
        if o.tag != "equal":
            continue
        for k in range(o.src_end - o.src_start):
            t = piece[o.src_start + k]
            if "[" in draft[t.start:t.end]:
                w = window[o.dest_start + k]
                out.append(Change("edited", draft[t.start:t.end], source[w.start:w.end]))
    return out
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
    """Each run of edits as a change. Source words replaced by punctuation alone read as dropped:
    two fragments joined with a full stop (``weeks. The plan``) leave out the words between them."""
    names = {"replace": "changed", "delete": "added", "insert": "dropped"}
    out = []
    for o in ops:
        if o.tag == "equal":
            continue
        cited, src = piece[o.src_start:o.src_end], window[o.dest_start:o.dest_end]
        op = names[o.tag]
        if op == "changed" and not any(t.norm[0].isalnum() for t in cited) and len(src) > len(cited):
            op = "dropped"
        out.append(Change(op, _words(cited, draft), _words(src, source)))
    return out


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
