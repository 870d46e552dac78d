"""What the coref stage costs next to parsing, and whether it stays linear.

    python bench/bench_coref.py [--docs 30] [--repeat 3] [--review N]

1. Parses the first ``--docs`` PolNeAR dev articles plus the seed page, then
   resolves, for each, the subjects of say/tell/add as speaker mentions; prints
   coref seconds / parse seconds (best of ``--repeat``). The brief's budget is a
   few per cent.
2. Resolves the seed page glued to itself 1, 2, 4 and 8 times and prints the
   cost per token relative to the smallest: about 1.0 means linear.
3. With ``--review N``: prints how the gold sources of PolNeAR dev direct quotes
   that are pronouns resolve (first N), with context, for a person to judge.
   (PolNeAR marks sources, not the entities they mean, so this cannot be scored
   automatically.)
No thresholds: timing depends on the machine and its load.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

from quotes.coref.resolve import resolve  # noqa: E402
from quotes.nlp.model import load_pipeline  # noqa: E402

DEV = ROOT.parent / "shared" / "polnear" / "dev"
SEED = ROOT / "fixtures" / "morocco-france-justice.txt"


def speaker_subjects(doc):
    return [doc[t.i:t.i + 1] for t in doc if t.dep_ == "nsubj" and t.head.lemma_ in ("say", "tell", "add")]


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def cost_ratio(nlp, n_docs: int, repeat: int) -> None:
    texts = [p.read_bytes().decode("utf-8") for p in sorted((DEV / "text").glob("*.txt"))[:n_docs]]
    texts.append(SEED.read_bytes().decode("utf-8"))
    docs: list = []
    parse = best(lambda: docs.__setitem__(slice(None), list(nlp.pipe(texts))), repeat)
    mentions = [speaker_subjects(d) for d in docs]
    resolve(docs[0], [])     # first call loads the first-name list
    coref = best(lambda: [resolve(d, m) for d, m in zip(docs, mentions)], repeat)
    print(f"{len(docs)} docs, {sum(map(len, docs))} tokens, {sum(map(len, mentions))} mentions: "
          f"parse {parse:.2f}s, coref {coref:.3f}s, coref/parse {coref / parse:.2%}")


def linearity(nlp, repeat: int) -> None:
    seed = SEED.read_bytes().decode("utf-8")
    base = None
    for k in (1, 2, 4, 8):
        doc = nlp(seed * k)
        mentions = speaker_subjects(doc)
        per_token = best(lambda: resolve(doc, mentions), repeat) / len(doc)
        base = base or per_token
        print(f"seed x{k}: {len(doc)} tokens, {len(mentions)} mentions, cost per token x{per_token / base:.2f}")


def review(nlp, limit: int) -> None:
    from brat import articles, direct_quotes

    shown = 0
    arts = list(articles(DEV))
    for (name, text, attrs), doc in zip(arts, nlp.pipe(t for _, t, _ in arts)):
        golds = sorted((g for g in direct_quotes(text, attrs) if g.source), key=lambda g: g.source[0][0])
        spans = [doc.char_span(*g.source[0], alignment_mode="expand") for g in golds]
        ents, _ = resolve(doc, spans)
        for s, e in zip(spans, ents):
            if s is None or s.root.pos_ != "PRON":
                continue
            context = text[max(0, s.start_char - 200):s.end_char + 20].replace("\n", " ")
            print(f"--- {name}: {s.text!r} -> {e.name if e else None!r}\n    ...{context}")
            shown += 1
            if shown >= limit:
                return


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--review", type=int, default=0)
    args = ap.parse_args()
    nlp = load_pipeline()
    cost_ratio(nlp, args.docs, args.repeat)
    linearity(nlp, args.repeat)
    if args.review:
        review(nlp, args.review)


if __name__ == "__main__":
    main()
