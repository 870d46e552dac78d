"""Where ``quotes extract`` spends the time that is not spaCy's.

Each batch is parsed once (timed: that is the floor), then the stages run on
the parsed docs twice: once on a plain clock, CPU time (our true overhead) and once under
cProfile (where that overhead goes, by quotes module and by function; cProfile
slows Python code, so read its figures as shares, not seconds).
"""
from __future__ import annotations

import cProfile
import io
import pstats
from collections import defaultdict

from common import Clock, load_corpus, note, report

TOP = 15


def run(corpus, limit: int | None, batch_size: int) -> dict:
    from quotes.nlp.model import load_pipeline
    from quotes.pipeline import analyse

    docs = load_corpus(corpus, limit)
    nlp = load_pipeline()
    clock = Clock()
    profiler = cProfile.Profile()
    for start in range(0, len(docs), batch_size):
        chunk = docs[start:start + batch_size]
        with clock.time("parse (nlp.pipe)"):
            parsed = list(nlp.pipe([d.text for d in chunk], batch_size=batch_size))
        with clock.time("our stages (analyse)"):
            for doc, document in zip(parsed, chunk):
                analyse(doc, document)
        profiler.enable()
        for doc, document in zip(parsed, chunk):
            analyse(doc, document)
        profiler.disable()
        if start // batch_size % 10 == 0:
            note(f"profile: {start + len(chunk)}/{len(docs)} documents")
    stats = pstats.Stats(profiler)
    s = clock.cpu_seconds
    parse, ours = s["parse (nlp.pipe)"], s["our stages (analyse)"]
    return {
        "documents": len(docs), "batch_size": batch_size,
        "cpu_seconds": {k: round(v, 2) for k, v in s.items()},
        "wall_seconds": {k: round(v, 2) for k, v in clock.seconds.items()},
        "our_share_of_extract": round(ours / (parse + ours), 4),
        "ms_per_document": {"parse": round(1000 * parse / len(docs), 2), "ours": round(1000 * ours / len(docs), 2)},
        "profiled_share_by_stage": by_stage(stats),
        "profiled_share_by_module": by_module(stats),
        "profiled_top_functions_by_own_time": top_functions(stats),
    }


def by_stage(stats: pstats.Stats) -> dict[str, float]:
    """Share of profiled time in each call ``analyse`` makes (its stages), with everything below them."""
    entries = stats.stats  # {(file, line, name): (cc, nc, tottime, cumtime, callers)}
    analyse = next((k for k in entries if k[2] == "analyse" and k[0].endswith("pipeline.py")), None)
    if analyse is None:
        return {}
    total = entries[analyse][3] or 1.0
    shares = {}
    for (filename, line, name), (*_, callers) in entries.items():
        if analyse in callers:
            cumtime = callers[analyse][3]
            shares[f"{module_of(filename)}.{name}"] = cumtime / total
    shares["analyse itself"] = entries[analyse][2] / total
    return {k: round(v, 4) for k, v in sorted(shares.items(), key=lambda kv: -kv[1]) if v >= 0.002}


def by_module(stats: pstats.Stats) -> dict[str, float]:
    """Share of profiled time spent in each module's own code (quotes modules named, the rest grouped)."""
    own: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        own[module_of(filename)] += tottime
    total = sum(own.values()) or 1.0
    return {k: round(v / total, 4) for k, v in sorted(own.items(), key=lambda kv: -kv[1]) if v / total >= 0.005}


def module_of(filename: str) -> str:
    """``quotes/attribute.py`` -> ``quotes.attribution.sieve``; spaCy and the rest by top package."""
    parts = filename.replace("\\", "/").split("/")
    if "quotes" in parts:
        i = len(parts) - 1 - parts[::-1].index("quotes")
        return ".".join(parts[i:]).removesuffix(".py")
    for top in ("spacy", "thinc", "rapidfuzz", "re", "dataclasses"):
        if top in parts or filename.endswith(f"/{top}.py"):
            return top
    return "builtins" if filename.startswith("~") else "other"


def top_functions(stats: pstats.Stats) -> list[str]:
    buf = io.StringIO()
    stats.stream = buf
    stats.sort_stats("tottime").print_stats(TOP)
    lines = [ln.rstrip() for ln in buf.getvalue().splitlines()]
    start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
    return [ln for ln in lines[start:] if ln.strip()]


def main(args) -> None:
    report("profile_extract", run(args.corpus, args.limit, args.batch_size))
