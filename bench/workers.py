"""``quotes extract --workers 2`` against ``--workers 1``: the whole command, start to exit.

Each run is a fresh ``quotes extract --format jsonl`` process over the corpus
(Python start-up, pipeline loading in every worker and output included), the
two settings alternating ``--repeat`` times; the speed-up is the ratio of the
best times. Target on two free cores: >= 1.7.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from common import corpus_paths, note, report

QUOTES = Path(sys.executable).parent / "quotes"


def extract_seconds(paths: list[str], workers: int, batch_size: int) -> tuple[float, int]:
    """Wall time of one ``quotes extract`` run and the number of quotations it printed."""
    cmd = [str(QUOTES), "extract", "--format", "jsonl", "--workers", str(workers), "--batch-size", str(batch_size), *paths]
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"quotes extract --workers {workers} failed:\n{proc.stderr[-2000:]}")
    return seconds, proc.stdout.count("\n")


def run(corpus, limit: int | None, batch_size: int, repeat: int, settings: tuple[int, ...] = (1, 2)) -> dict:
    paths = corpus_paths(corpus, limit)
    times: dict[int, list[float]] = {w: [] for w in settings}
    found: dict[int, int] = {}
    for r in range(repeat):
        for w in settings:
            seconds, found[w] = extract_seconds(paths, w, batch_size)
            times[w].append(round(seconds, 2))
            note(f"workers: run {r + 1}/{repeat}, --workers {w}: {seconds:.1f}s")
    best = {w: min(t) for w, t in times.items()}
    base = settings[0]
    return {
        "documents": len(paths), "batch_size": batch_size, "repeat": repeat,
        "seconds": {f"workers_{w}": t for w, t in times.items()},
        "docs_per_second_best": {f"workers_{w}": round(len(paths) / b, 3) for w, b in best.items()},
        "same_output": len(set(found.values())) == 1,
        "quotations": found[base],
        "speedup_best": {f"workers_{w}_vs_{base}": round(best[base] / best[w], 3) for w in settings if w != base},
        "target": {"speedup workers_2_vs_1": ">= 1.7 on two free cores"},
    }


def main(args) -> None:
    report("workers", run(args.corpus, args.limit, args.batch_size, args.repeat))
