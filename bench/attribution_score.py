"""Attribution-only scorer for fast iteration: parses a PolNeAR split once (cached as a DocBin),
then runs detect + attribute + coref on the cached docs and scores speaker mentions like
../shared/eval/score.py does, printing the failures.

    .venv/bin/python bench/attribution_score.py ../shared/polnear/train [--limit N] [--show 40] [--gold-spans]

--gold-spans feeds the attributor with quote spans derived from the gold (the double-mark pairs inside
each gold content), to measure attribution apart from detection.
"""
from __future__ import annotations

import argparse
import os
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

from brat import articles, direct_quotes  # noqa: E402

#: Parsed splits, one DocBin per split and pipeline (QUOTES_DOCBIN_CACHE to put them elsewhere).
CACHE = Path(os.environ.get("QUOTES_DOCBIN_CACHE", "/tmp/quotes-docbin"))


def parsed(nlp, names, texts):
    from spacy.tokens import DocBin

    from quotes.nlp.model import fingerprint

    CACHE.mkdir(exist_ok=True)
    # the parse depends on the texts, the pipeline and how quotes.nlp.model reads marks
    key = hashlib.sha1(("\0".join(names) + nlp.meta["name"] + ",".join(nlp.pipe_names)
                        + fingerprint()).encode()).hexdigest()[:16]
    f = CACHE / f"{key}.spacy"
    if f.exists():
        return list(DocBin().from_disk(f).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(f)
    return docs


def parsed_corpus(corpus: Path, limit: int | None = None) -> tuple[list, list]:
    """The articles of a PolNeAR split (the first ``limit``) and their parses, cached as :func:`parsed` does."""
    from quotes.nlp.model import load_pipeline

    arts = list(articles(corpus))
    if limit:
        arts = arts[:limit]
    return arts, parsed(load_pipeline(), [a[0] for a in arts], [a[1] for a in arts])


def gold_spans(text, golds):
    from quotes.records import QuoteSpan

    out = []
    for g in golds:
        for s, e in g.content:
            for m in re.finditer(r'["“]([^"“”]*)["”]', text[s:e]):
                out.append(QuoteSpan(start=s + m.start(1), end=s + m.end(1), text=m.group(1),
                                     open_start=s + m.start(), close_end=s + m.end()))
    out.sort(key=lambda q: q.start)
    return out


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--gold-spans", action="store_true")
    ap.add_argument("--gold-text", type=Path, help="choose gold direct quotations from these texts (see score.py)")
    ap.add_argument("--detection", action="store_true", help="print detection TP/FP by kind and sieve, and FPs")
    args = ap.parse_args()

    from quotes.attribution.sieve import attribute
    from quotes.coref.resolve import resolve
    from quotes.detect.spans import detect

    arts, docs = parsed_corpus(args.corpus, args.limit)
    total = ok = 0
    fails = []
    from collections import Counter
    det = Counter()
    fp_examples = []
    for (name, text, attrs), doc in zip(arts, docs):
        marked = (args.gold_text / f"{name}.txt").read_bytes().decode("utf-8") if args.gold_text else text
        golds = direct_quotes(marked, attrs)
        spans = gold_spans(text, golds) if args.gold_spans else detect(text)
        atts = attribute(doc, spans)
        ents, _ = resolve(doc, [a.mention for a in atts])
        for a, ent in zip(atts, ents):
            span = (a.span.start, a.span.end)
            best, best_ov = None, 0
            for g in golds:
                ov = sum(overlap(span, c) for c in g.content)
                if ov > best_ov:
                    best, best_ov = g, ov
            hit = best is not None and best_ov >= 0.5 * max(1, span[1] - span[0])
            det[(a.kind, a.sieve or "-", "TP" if hit else "FP")] += 1
            if not hit and a.kind in ("direct", "partial") and len(fp_examples) < args.show:
                fp_examples.append((name, a.kind, a.sieve, a.mention.text if a.mention is not None else None,
                                    text[max(0, a.span.open_start - 80):a.span.close_end + 40].replace("\n", " / ")))
            if a.kind not in ("direct", "partial"):
                continue
            if best is None or best_ov < 0.5 * max(1, span[1] - span[0]) or not best.source:
                continue
            total += 1
            m = a.mention
            good = m is not None and any(overlap((m.start_char, m.end_char), s) > 0 for s in best.source)
            ok += good
            if not good:
                ctx_s = max(0, min(a.span.open_start, best.source[0][0]) - 60)
                ctx_e = min(len(text), max(a.span.close_end, best.source[-1][1]) + 60)
                fails.append((name, best.source_text, m.text if m is not None else None,
                              (a.cue.text if a.cue is not None else None, a.sieve),
                              text[ctx_s:ctx_e].replace("\n", " / ")))
    print(f"mention accuracy {ok}/{total} = {ok / max(1, total):.3f}")
    if args.detection:
        for k in sorted(det):
            print("  ", k, det[k])
        for f in fp_examples:
            print(f"FP {f[0]} kind={f[1]} sieve={f[2]} mention={f[3]!r}\n   {f[4]}")
        return
    for f in fails[: args.show]:
        print(f"--- {f[0]}\n  gold={f[1]!r} pred={f[2]!r} cue={f[3]!r}\n  {f[4]}")


if __name__ == "__main__":
    main()
