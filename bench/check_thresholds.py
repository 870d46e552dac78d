"""Where should `quotes check` draw the line between "altered" and "not-found"?

    .venv/bin/python bench/check_thresholds.py [N_NEGATIVES] [SEED]

Index: every double-quoted passage (3+ words) of the PolNeAR dev and train
texts, as quote rows. Positives: indexed passages of 8+ words with k of their
words replaced, dropped or added at random (k = 1, 2, 3 and 10-50 % of the
words). Negatives: sentences of the same articles from lines with no quotation marks
(same outlets, same topics, same speakers; never inside the index). For each
query the best word-level score among the index rows that
:meth:`quotes.check.Checker.near` hands on is printed as distribution figures, and
for each candidate threshold the share of positives kept and of negatives let
through. Figures only, no timings.

Measured 2026-11-29 (`bench/check_thresholds.py 600 11`): 6634 indexed
passages; of 600 unquoted sentences the highest genuine negative scored 0.57
(the one 1.00 was a real quotation in single marks), so at 0.60 none passed;
positives kept at 0.60: one word changed 100 %, two 99.8 %, three 98 %,
10 % of words 99.8 %, 20 % 99.8 %, 30 % 97.5 %, 40 % 79 %, 50 % 48 %.
Hence ``ALTERED_MIN = 0.6`` in quotes/check.py.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.align import Citation  # noqa: E402
from quotes.check import Checker  # noqa: E402

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "polnear"
QUOTED = re.compile(r'["“]([^"“”\n]+)["”]')
SHORT = 10  # words: below this a citation's score moves in big steps
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


def best(text: str, checker: Checker) -> float:
    cite = Citation.of(text, checker.vocab)
    return max((a.score for _, a in checker.near(cite)), default=0.0)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    rows, sentences = corpus()
    checker = Checker(rows)
    vocab = [w for r in rows for w in r["quote"].split()]
    long = [r for r in rows if len(r["quote"].split()) >= 8]
    print(f"index: {len(rows)} quoted passages; {len(long)} of 8+ words; {len(sentences)} unquoted sentences")
    scored = sorted((best(s, checker), s) for s in rng.sample(sentences, n))
    neg = [x for x, _ in scored]
    short = [x for x, s in scored if Citation.of(s).size < SHORT]
    longer = [x for x, s in scored if Citation.of(s).size >= SHORT]
    for x, s in scored[-3:]:
        print(f"  a high negative: {x:.2f} {s[:100]!r}")
    pct = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
    print(f"negatives (n={n}): median {pct(neg, .5):.2f}  p90 {pct(neg, .9):.2f}  p99 {pct(neg, .99):.2f}  max {neg[-1]:.2f}")
    pos: dict[str, list[float]] = {}
    for label, k_of in [("1 word", lambda L: 1), ("2 words", lambda L: 2), ("3 words", lambda L: 3),
                        ("10%", lambda L: max(1, round(.1 * L))), ("20%", lambda L: max(1, round(.2 * L))),
                        ("30%", lambda L: max(1, round(.3 * L))), ("40%", lambda L: max(1, round(.4 * L))),
                        ("50%", lambda L: max(1, round(.5 * L)))]:
        sample = rng.sample(long, min(n, len(long)))
        pos[label] = sorted(best(mutate(r["quote"].split(), k_of(len(r["quote"].split())), vocab, rng), checker)
                            for r in sample)
        xs = pos[label]
        print(f"positives, {label:>7} changed: p1 {pct(xs, .01):.2f}  p10 {pct(xs, .1):.2f}  median {pct(xs, .5):.2f}")
    for t in (0.6, 0.65, 0.7, 0.75, 0.8):
        print(f"threshold {t:.2f}: short negatives through {sum(x >= t for x in short)}/{len(short)}, "
              f"longer {sum(x >= t for x in longer)}/{len(longer)}")
    print("threshold  negatives-through  " + "  ".join(f"{k:>7}" for k in pos))
    for t in (0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        through = sum(x >= t for x in neg) / len(neg)
        kept = [sum(x >= t for x in xs) / len(xs) for xs in pos.values()]
        print(f"{t:9.2f}  {through:17.3f}  " + "  ".join(f"{k:7.3f}" for k in kept))


if __name__ == "__main__":
    main()
