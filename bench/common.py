"""What every benchmark shares: the corpus, a clock, and one way to print and keep figures.

Benchmarks report rates and ratios measured in the same run (never a pass/fail
on absolute time: the machine may be shared). Each writes its figures as JSON
under ``bench/results/`` so a README table can be rebuilt from them.
"""
from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "polnear" / "train" / "text"
RESULTS = ROOT / "bench" / "results"
#: Load when the benchmark process started (``machine()`` reports it with the load at the end).
START_LOAD = os.getloadavg() if hasattr(os, "getloadavg") else None

sys.path.insert(0, str(ROOT))


def corpus_paths(corpus: Path = DEFAULT_CORPUS, limit: int | None = None) -> list[str]:
    """The article files of ``corpus`` in name order, the first ``limit`` of them."""
    paths = sorted(str(p) for p in Path(corpus).iterdir() if p.is_file() and p.suffix == ".txt")
    if not paths:
        raise SystemExit(f"no .txt articles in {corpus}")
    return paths[:limit] if limit else paths


def load_corpus(corpus: Path = DEFAULT_CORPUS, limit: int | None = None) -> list:
    """The articles as :class:`quotes.records.Document`, read the way ``quotes extract`` reads them."""
    from quotes.load import load_documents
    from quotes.records import Document

    docs = [d for d in load_documents(corpus_paths(corpus, limit)) if isinstance(d, Document)]
    return docs


class Clock:
    """Seconds accumulated per label, over as many timed blocks as the benchmark runs.

    Keeps wall time and this process's CPU time. On a machine shared with other
    work, wall time of a one-process benchmark also counts the time the process
    waited for a core; CPU time does not, so one-process ratios are read from it.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}

    @contextmanager
    def time(self, label: str) -> Iterator[None]:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - start
            self.cpu_seconds[label] = self.cpu_seconds.get(label, 0.0) + time.process_time() - cpu


def machine() -> dict:
    """Enough about the machine to read a figure: cores, load (1, 5, 15 min) at start and end."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"python": platform.python_version(), "cores": os.cpu_count(),
            "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
            "loadavg_at_start": [round(x, 2) for x in START_LOAD] if START_LOAD else None,
            "loadavg_at_end": [round(x, 2) for x in load] if load else None}


def report(name: str, figures: dict) -> None:
    """Print the figures and keep them as ``bench/results/NAME.json``."""
    figures = {"benchmark": name, "when": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": machine(), **figures}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))
    sys.stdout.flush()


def note(message: str) -> None:
    """Progress on stderr, so stdout stays the figures."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)
