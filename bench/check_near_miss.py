"""How often does a citation of unrelated words come back "altered" as a near miss of the speaker named?

    .venv/bin/python bench/check_near_miss.py [QUOTATIONS ...]

`quotes check` calls a citation altered when it differs from one of the named
speaker's own quotations by a word or two, however short (issue 17: "The
cooperation is terrible" for "… excellent"). The risk is a chance match: a few
common words that some quotation of a prolific speaker happens to share. The
worst case is measured here: QUOTATIONS passages (default 50 and 500) drawn from
every double-quoted passage of PolNeAR dev and train (bench/check_thresholds.py's
index), all given to one speaker; the citations are runs of 4, 5, 6 and 8 words
from sentences of the same articles with no quotation marks (never in the index),
cited as that speaker's. Counts only.

Measured 2026-12-05 (seed 7, 150 runs each), after the near-miss rule was bounded to at
most two words changed, added or left out, in at most two places, with three words in
common, one of them more than a function word:

    speaker with  50 quotations: 4 words 2/150, 5 words 0/150, 6 words 0/150, 8 words 0/142
    speaker with 500 quotations: 4 words 7/150, 5 words 5/150, 6 words 0/150, 8 words 0/140

The hits are short runs one word off a phrase the speaker did say ("you don't think about"
for "you don't know about"); from six words on, none.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from check_thresholds import corpus  # noqa: E402
from quotes.check.verdict import Checker  # noqa: E402


def main(sizes: list[int], seed: int = 7) -> None:
    rows, sentences = corpus()
    for r in rows:
        r["speaker"] = "Pat Smith"
    rng = random.Random(seed)
    for size in sizes:
        checker = Checker(rng.sample(rows, size), [{"id": 1, "name": "Pat Smith", "aliases": [], "roles": []}])
        for n in (4, 5, 6, 8):
            hits = total = 0
            for s in rng.sample(sentences, 150):
                words = s.split()
                if len(words) < n:
                    continue
                i = rng.randrange(0, len(words) - n + 1)
                v = checker.check(" ".join(words[i:i + n]), "Pat Smith")
                total += 1
                if v.verdict == "altered":
                    hits += 1
                    print(f"  {' '.join(words[i:i + n])!r}: {v.diff}")
            print(f"speaker with {size} quotations, {n}-word runs: {hits}/{total} altered", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [50, 500])
