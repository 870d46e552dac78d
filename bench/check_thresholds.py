"""Where should `quotes check` draw the line between "altered" and "not-found"?

    .venv/bin/python bench/check_thresholds.py [N_NEGATIVES] [SEED]

Index: every double-quoted passage (3+ words) of the PolNeAR dev and train
texts, as quote rows. Positives: indexed passages of 8+ words with k of their
words replaced, dropped or added at random (k = 1, 2, 3 and 10-50 % of the
words). Negatives: sentences of the same articles from lines with no
quotation marks (same outlets, topics and speakers; never in the index).
Then short citations: runs of 4-12 words from those sentences (negatives)
and from quotations with one word changed (positives). For each query the
best word-level score among the rows :meth:`quotes.check.verdict.Checker.near` hands
on is compared with fixed thresholds and with the rule check uses
(:func:`quotes.check.verdict.altered_min`). Counts only, no timings.

Measured 2026-11-29 (`bench/check_thresholds.py 600 11`, 6634 indexed
passages). Whole sentences: of 600 unquoted sentences the highest genuine
negative scored 0.57 (the one 1.00 was a real quotation in single marks).
Whole quotations kept as altered at 0.60: one word changed 600/600, two
599/600, three 588/600, 30 % of words 585/600. But short runs of words from
unquoted sentences reach 0.60 by chance: 4 words 84/297, 5 words 104/297,
6 words 23/300, 8 words 5/300, 12 words 1/300. Hence the rule in
quotes/check.py: a citation of n words needs ``0.6 + 1/n`` (and 5+ words).
Under it: whole sentences 1/600 through (the real quotation); whole
quotations one word changed 600/600, two 585/600, 30 % 526/600; short runs
with one word changed / unrelated: 5 words 156/200 vs 13/297, 6 words 190/200
vs 2/300, 7 words 195/200 vs 0/300, 10 words 199/200 vs 1/300.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.check.align import Citation  # noqa: E402
from quotes.check.verdict import Checker, altered_min  # noqa: E402

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "polnear"
QUOTED = re.compile(r'["“]([^"“”\n]+)["”]')
SENT = re.compile(r"[^.!?\n]+[.!?]")


def corpus() -> tuple[list[dict], list[str]]:
    rows, sentences = [], []
    for part in ("dev", "train"):
        for p in sorted((POLNEAR / part / "text").glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            for m in QUOTED.finditer(text):
                if len(m.group(1).split()) >= 3:
                    rows.append({"id": len(rows), "quote": m.group(1), "speaker": None, "doc_path": str(p)})
            for line in text.splitlines():
                if any(c in line for c in "\"“”‘’"):  # a line with a quotation in it
                    continue
                sentences += [s for m in SENT.finditer(line) if 6 <= len((s := m.group().strip()).split()) <= 40]
    return rows, sentences


def mutate(words: list[str], k: int, vocab: list[str], rng: random.Random) -> str:
    words = list(words)
    for _ in range(k):
        op, i = rng.choice("rrrda"), rng.randrange(len(words))
        if op == "r":
            words[i] = rng.choice(vocab)
        elif op == "d" and len(words) > 3:
            del words[i]
        else:
            words.insert(i, rng.choice(vocab))
    return " ".join(words)


def best(text: str, checker: Checker) -> tuple[float, int]:
    """(best word-level score among the rows near ``text``, size of ``text`` in words)."""
    cite = Citation.of(text, checker.vocab)
    return max((a.score for _, a in checker.near(cite)), default=0.0), cite.size


def through(scored: list[tuple[float, int]], t: float | None) -> str:
    """How many would be called altered (or verbatim) at fixed threshold ``t``, or by the rule when None."""
    hit = sum(x >= (altered_min(n) if t is None else t) for x, n in scored)
    return f"{hit}/{len(scored)}"


def chunks(texts: list[str], size: int, k: int, rng: random.Random) -> list[str]:
    """``k`` random runs of ``size`` words out of ``texts`` long enough to hold one."""
    pool = [t.split() for t in texts if len(t.split()) >= size]
    out = []
    for w in rng.sample(pool, min(k, len(pool))):
        i = rng.randrange(len(w) - size + 1)
        out.append(" ".join(w[i:i + size]))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    rows, sentences = corpus()
    checker = Checker(rows)
    vocab = [w for r in rows for w in r["quote"].split()]
    long = [r for r in rows if len(r["quote"].split()) >= 8]
    print(f"index: {len(rows)} quoted passages; {len(long)} of 8+ words; {len(sentences)} unquoted sentences")
    neg = [(best(s, checker), s) for s in rng.sample(sentences, n)]
    for (x, _), s in sorted(neg)[-3:]:
        print(f"  a high negative: {x:.2f} {s[:100]!r}")
    neg_scores = [sc for sc, _ in neg]
    pos: dict[str, list[tuple[float, int]]] = {}
    for label, k_of in [("1 word", lambda L: 1), ("2 words", lambda L: 2), ("3 words", lambda L: 3),
                        ("10%", lambda L: max(1, round(.1 * L))), ("20%", lambda L: max(1, round(.2 * L))),
                        ("30%", lambda L: max(1, round(.3 * L))), ("40%", lambda L: max(1, round(.4 * L))),
                        ("50%", lambda L: max(1, round(.5 * L)))]:
        sample = rng.sample(long, min(n, len(long)))
        pos[label] = [best(mutate(r["quote"].split(), k_of(len(r["quote"].split())), vocab, rng), checker)
                      for r in sample]
    print(f"whole sentences and quotations (n={n} each): called altered (or verbatim) at each threshold")
    print("threshold  negatives  " + "  ".join(f"{k:>8}" for k in pos))
    for t in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, None):
        print(f"{'rule' if t is None else f'{t:.2f}':>9}  {through(neg_scores, t):>9}  "
              + "  ".join(f"{through(v, t):>8}" for v in pos.values()))
    print("short citations: runs of N words from unquoted sentences (negatives; exact matches left out) "
          "and from quotations with one word changed (positives)")
    for size in (4, 5, 6, 7, 8, 10, 12):
        negs = [sc for sc in (best(c, checker) for c in chunks(sentences, size, n // 2, rng)) if sc[0] < 1]
        poss = [best(mutate(c.split(), 1, vocab, rng), checker)
                for c in chunks([r["quote"] for r in rows], size, n // 3, rng)]
        print(f"  {size:2} words: " + " | ".join(f"{'rule' if t is None else t}: neg {through(negs, t)} "
                                                 f"pos {through(poss, t)}" for t in (0.6, 0.7, 0.8, None)))


if __name__ == "__main__":
    main()
