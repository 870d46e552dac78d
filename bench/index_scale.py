"""The speaker index at 1,000, 10,000 and 100,000 quotations (``--sizes`` for others, up to
1,000,000): ingest and ``quotes list --speaker``, each storage side by side in the same run.

No NLP: the DocResults are generated (ten quotations an article, speakers drawn
from a pool that grows with the index, as a newsroom's does), so only index
time is measured. For each size, a fresh index file:

* ``ingest``: ``Index(path).ingest(results)`` (target <= 10 s at 100k);
* ``list``  : the whole ``quotes list --speaker NAME --db PATH`` command, start
  to exit (target <= 1 s at 100k);
* ``add_1000``: 1,000 new quotations (100 new articles) ingested into the index
  of that size: should cost about what it costs on an empty index.

Both storages are measured on the same generated results, one after the other:
``json`` (one JSON file, forced: never converted) and ``sqlite``.

Growth is read from the ratios between sizes: x10 quotations should cost about
x10 time (linear), not x100 (quadratic).
"""
from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import note, report

QUOTES = Path(sys.executable).parent / "quotes"
SIZES = (1_000, 10_000, 100_000)
PER_ARTICLE = 10
FIRST = ["Nadia", "Tom", "Ana", "Li", "Omar", "Gerald", "Marie", "John", "Fatima", "Pedro", "Aiko", "Samuel",
         "Chloe", "Rashid", "Elena", "Kwame", "Sofia", "Ivan", "Priya", "Lucas"]
LAST = ["Benali", "Hughes", "Ruiz", "Wei", "Haddad", "Darmanin", "Dupont", "Smith", "Zahra", "Silva", "Tanaka",
        "Okafor", "Martin", "Karimi", "Petrova", "Mensah", "Rossi", "Volkov", "Sharma", "Moreau", "Garcia", "Nowak"]
VENUES = [None, "a press conference", "an interview with Le Monde", "the Senate floor", "a campaign rally"]
WORDS = ("we will not accept any decision taken without the parliament and the people are tired of "
         "promises that nobody keeps so the government must act now on prices wages and justice").split()


def speaker_pool(n_quotes: int) -> list[str]:
    """About one speaker per 25 quotations: distinct full names."""
    names = [f"{f} {l}" for l in LAST for f in FIRST]
    size = max(20, n_quotes // 25)
    extra = [f"{f} {l}-{i}" for i in range(size // len(names) + 1) for l in LAST for f in FIRST]
    return (names + extra)[:size]


STORAGES = ("json", "sqlite")


def generate(n_quotes: int, seed: int = 6, prefix: str = "articles", pool: int | None = None) -> list:
    """``n_quotes`` quotations in DocResults of ten, with offsets that hold in the text."""
    from quotes.records import Document, DocResult, Entity, Quote, Span

    rng = random.Random(seed)
    speakers = speaker_pool(pool or n_quotes)
    results = []
    for a in range(n_quotes // PER_ARTICLE):
        path = f"{prefix}/{a:07d}.txt"
        parts, quotes, used = [], [], {}
        offset = 0
        for _ in range(PER_ARTICLE):
            name = rng.choice(speakers)
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 20)))
            sentence = f'"{words.capitalize()}," {name} said. '
            start = offset + 1
            quote = Quote(doc=path, start=start, end=start + len(words), quote=words.capitalize(), speaker=name,
                          speaker_mention=Span(offset + len(words) + 4, offset + len(words) + 4 + len(name), name),
                          cue=Span(offset + len(words) + 5 + len(name), offset + len(words) + 9 + len(name), "said"),
                          venue=rng.choice(VENUES), kind="direct", speaker_type="person", sentence=sentence.strip())
            parts.append(sentence)
            offset += len(sentence)
            quotes.append(quote)
            used.setdefault(name, Entity(name=name, type="person", aliases=[name.split()[-1]]))
        text = "".join(parts)
        results.append(DocResult(document=Document(path=path, text=text, outlet="Bench Daily", date="2026-01-01"),
                                 quotes=quotes, speakers=list(used.values())))
    return results


def ingest_seconds(db: Path, results: list, storage: str = "auto") -> tuple[float, object, float]:
    """Wall time of ``Index(db).ingest(results)``, its report, and the CPU time it took (the figure to
    read on a shared machine: wall time there includes waiting for a core)."""
    from quotes.index.core import Index

    start, cpu = time.perf_counter(), time.process_time()
    index = Index(str(db), storage=storage)
    outcome = index.ingest(results)
    close = getattr(index, "close", None)
    if close:
        close()
    return time.perf_counter() - start, outcome, time.process_time() - cpu


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def list_seconds(db: Path, speaker: str) -> tuple[float, int | str, float]:
    """Wall time of the whole ``quotes list`` command, the rows it printed (or its error), its CPU time."""
    cmd = [str(QUOTES), "list", "--speaker", speaker, "--db", str(db), "--format", "jsonl"]
    start, cpu = time.perf_counter(), children_cpu()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds, cpu = time.perf_counter() - start, children_cpu() - cpu
    if proc.returncode != 0:
        return seconds, f"failed ({proc.returncode}): {proc.stderr.strip()[-300:]}", cpu
    return seconds, proc.stdout.count("\n"), cpu


def run(sizes: tuple[int, ...] = SIZES) -> dict:
    figures: dict[str, dict] = {}
    figures: dict[str, dict[str, dict]] = {s: {} for s in STORAGES}
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as tmp:
        for n in sizes:
            results = generate(n)
            extra = generate(1_000, seed=8, prefix="more", pool=n)      # the same speakers, new articles
            speaker = results[0].quotes[0].speaker
            expected = sum(q.speaker == speaker for r in results for q in r.quotes)
            for storage in STORAGES:
                db = Path(tmp) / f"index-{n}.{storage}"
                ingest, outcome, ingest_cpu = ingest_seconds(db, results, storage)
                runs = [list_seconds(db, speaker) for _ in range(3)]
                listing, rows, _ = min(runs, key=lambda r: r[0])
                list_cpu = min(r[2] for r in runs)
                add, _, add_cpu = ingest_seconds(db, extra, storage)
                size = sum(p.stat().st_size for p in Path(tmp).glob(f"index-{n}.{storage}*") if not p.name.endswith(".lock"))
                figures[storage][str(n)] = {
                    "ingest_seconds": round(ingest, 3), "ingest_us_per_quote": round(1e6 * ingest / n, 1),
                    "list_seconds_best_of_3": round(listing, 3), "list_rows": rows, "list_rows_expected": expected,
                    "add_1000_seconds": round(add, 3), "index_bytes": size, "ingest_report": str(outcome)[:200],
                    "cpu_seconds": {"ingest": round(ingest_cpu, 3), "list_best_of_3": round(list_cpu, 3),
                                    "add_1000": round(add_cpu, 3)},
                    "load_average": round(os.getloadavg()[0], 1)}
                note(f"index [{storage}]: {n} quotes: ingest {ingest:.2f}s (cpu {ingest_cpu:.2f}), list {listing:.2f}s "
                     f"(cpu {list_cpu:.2f}, {rows}/{expected} rows), +1000 quotes {add:.2f}s (cpu {add_cpu:.2f}), "
                     f"{size / 1e6:.0f} MB, load {os.getloadavg()[0]:.1f}")
                for p in Path(tmp).glob(f"index-{n}.{storage}*"):
                    p.unlink()
            del results, extra
    growth: dict[str, dict] = {s: {} for s in STORAGES}
    for storage in STORAGES:
        f = figures[storage]
        for small, big in zip(sizes, sizes[1:]):
            a, b = f[str(small)], f[str(big)]
            g = growth[storage][f"{big}_vs_{small}"] = {
                "size_ratio": big / small, "ingest_time_ratio": round(b["ingest_seconds"] / a["ingest_seconds"], 2),
                "list_time_ratio": round(b["list_seconds_best_of_3"] / a["list_seconds_best_of_3"], 2),
                "add_1000_time_ratio": round(b["add_1000_seconds"] / a["add_1000_seconds"], 2),
                "ingest_cpu_ratio": round(b["cpu_seconds"]["ingest"] / a["cpu_seconds"]["ingest"], 2)}
            if not isinstance(b["list_rows"], int):
                del g["list_time_ratio"]
    return {"sizes": figures, "growth": growth,
            "targets": {"sqlite at 1000000": "list <= 1 s, ingest <= 60 s, 1000 more quotes <= 2 s",
                        "growth": "1M vs 100k ingest time ratio <= 12 (linear)"}}


def main(args) -> None:
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else SIZES
    report("index_scale", run(sizes))
