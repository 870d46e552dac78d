"""``quotes extract --workers 2`` against ``--workers 1``: the whole command, start to exit.

Each run is a fresh ``quotes extract --format jsonl`` process over the corpus
(Python start-up, pipeline loading in every worker and output included), the
two settings alternating ``--repeat`` times; the speed-up is the ratio of the
best times. Target on two free cores: >= 1.7.
"""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import corpus_paths, note, report

QUOTES = Path(sys.executable).parent / "quotes"
POLL = 0.5  # seconds between CPU samples of the process tree (the last half second of a worker may be missed)


def extract_seconds(paths: list[str], workers: int, batch_size: int) -> tuple[float, float, int]:
    """Wall time of one ``quotes extract`` run, the CPU time of its whole process tree, and the
    number of quotations it printed. CPU / wall is how many cores the run actually got: on a
    machine shared with other work it can be far below ``workers``."""
    import psutil

    cmd = [str(QUOTES), "extract", "--format", "jsonl", "--workers", str(workers), "--batch-size", str(batch_size), *paths]
    cpu: dict[int, float] = {}
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                for p in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        t = p.cpu_times()
                        cpu[p.pid] = max(cpu.get(p.pid, 0.0), t.user + t.system)
            except psutil.Error:
                pass
            time.sleep(POLL)
        seconds = time.perf_counter() - start
        stderr = proc.stderr.read()
        if proc.returncode != 0:
            raise SystemExit(f"quotes extract --workers {workers} failed:\n{stderr[-2000:]}")
        out.seek(0)
        return seconds, sum(cpu.values()), sum(1 for _ in out)


def run(corpus, limit: int | None, batch_size: int, repeat: int, settings: tuple[int, ...] = (1, 2)) -> dict:
    paths = corpus_paths(corpus, limit)
    times: dict[int, list[float]] = {w: [] for w in settings}
    cores: dict[int, list[float]] = {w: [] for w in settings}
    loads: dict[int, list[float]] = {w: [] for w in settings}
    found: dict[int, int] = {}
    for r in range(repeat):
        for w in settings:
            seconds, cpu, found[w] = extract_seconds(paths, w, batch_size)
            times[w].append(round(seconds, 2))
            cores[w].append(round(cpu / seconds, 2))
            loads[w].append(round(os.getloadavg()[0], 2))
            note(f"workers: run {r + 1}/{repeat}, --workers {w}: {seconds:.1f}s, {cpu / seconds:.2f} cores used, "
                 f"load {loads[w][-1]}")
    best = {w: min(t) for w, t in times.items()}
    base = settings[0]
    return {
        "documents": len(paths), "batch_size": batch_size, "repeat": repeat,
        "seconds": {f"workers_{w}": t for w, t in times.items()},
        "cores_used": {f"workers_{w}": c for w, c in cores.items()},
        "loadavg_1min_after": {f"workers_{w}": x for w, x in loads.items()},
        "docs_per_second_best": {f"workers_{w}": round(len(paths) / b, 3) for w, b in best.items()},
        "same_output": len(set(found.values())) == 1,
        "quotations": found[base],
        "speedup_best": {f"workers_{w}_vs_{base}": round(best[base] / best[w], 3) for w in settings if w != base},
        "target": {"speedup workers_2_vs_1": ">= 1.7 on two free cores"},
        "note": "cores_used = CPU seconds of the whole process tree / wall seconds; "
                "below the worker count, the machine did not give the run that many cores",
    }


def main(args) -> None:
    report("workers", run(args.corpus, args.limit, args.batch_size, args.repeat))
