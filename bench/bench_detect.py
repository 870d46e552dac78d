"""Does detect() stay linear? Time it on growing texts and report cost per character as ratios.

    python bench/bench_detect.py [--max-mb 1.0] [--repeat 3]

Texts are built from the seed article (ordinary paragraphs) and from three
adversarial shapes that would go quadratic with a naive look-ahead: one huge
paragraph with no line break, thousands of quotations left open, and a run of
plural possessives inside an open single quotation. For each shape it prints
the seconds at 1/8, 1/4, 1/2 and 1 of the largest size and the ratio of the
per-character cost to that at the smallest size: about 1.0 everywhere means
linear, a ratio that doubles with each size means quadratic. No thresholds:
timing depends on the machine and its load.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes.detect.spans import detect  # noqa: E402

SEED = ROOT / "fixtures" / "morocco-france-justice.txt"


def shapes() -> dict[str, str]:
    """One unit of each text shape; a text of size n repeats its unit."""
    seed = SEED.read_bytes().decode("utf-8")
    return {
        "seed paragraphs": seed,
        "one paragraph": seed.replace("\n", " "),
        "unclosed openers": "He said “we will win and then \"we can ‘do it " * 20 + "\n",
        "possessives in a quote": "'The farmers' union backs the workers' pay " + "and the teachers' pay " * 50,
    }


def best_time(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        detect(text)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    top = int(args.max_mb * 1_000_000)
    sizes = [top // 8, top // 4, top // 2, top]
    print(f"{'shape':24} " + " ".join(f"{s / 1e6:>8.3f}MB" for s in sizes) + "   cost ratios vs smallest")
    for name, unit in shapes().items():
        secs = []
        for n in sizes:
            text = (unit * (n // len(unit) + 1))[:n]
            secs.append(best_time(text, args.repeat))
        base = secs[0] / sizes[0]
        ratios = " ".join(f"{(s / n) / base:5.2f}" for s, n in zip(secs, sizes))
        print(f"{name:24} " + " ".join(f"{s:9.3f}s" for s in secs) + f"   {ratios}")


if __name__ == "__main__":
    main()
