"""Detection-only score: ``detect()`` straight on the texts, no spaCy, same metric as score.py.

    python bench/detect_score.py CORPUS [--gold-text DIR] [--limit N] [--doubled] [--fp N] [--fn N]

Predictions of kind title/scare/heading/nickname are dropped, as score.py drops them; the
attribution stage may later upgrade some to ``partial``, so this is the detector's
own figure. ``--fp``/``--fn`` print that many false positives / missed gold quotes
with context, which is how the detector's rules were found.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))
sys.path.insert(0, str(ROOT))

from brat import articles, direct_quotes  # noqa: E402
from score import overlap, score  # noqa: E402

from quotes.detect.spans import detect  # noqa: E402

SCORED = {"direct", "partial"}


def load(corpus: Path, gold_text: Path | None, limit: int, doubled: bool = False) -> dict:
    gold = {}
    for name, text, attrs in articles(corpus):
        marked = (gold_text / f"{name}.txt").read_bytes().decode("utf-8") if gold_text else text
        if doubled:  # '' is a double mark too (the NYT archive's style); score.py counts only " “ ” « » „ ‟
            marked = marked.replace("''", '""')
        gold[name] = (text, direct_quotes(marked, attrs))
        if limit and len(gold) >= limit:
            break
    return gold


def predict(gold: dict) -> dict[str, list[dict]]:
    out = {}
    for name, (text, _) in gold.items():
        out[name] = [{"start": q.start, "end": q.end, "kind": q.kind, "text": q.text}
                     for q in detect(text) if q.kind in SCORED]
    return out


def ctx(text: str, s: int, e: int, width: int = 60) -> str:
    return (text[max(0, s - width):s] + "[[" + text[s:e] + "]]" + text[e:e + width]).replace("\n", "⏎")


def show_errors(gold: dict, pred: dict, n_fp: int, n_fn: int) -> None:
    fps, fns = [], []
    for name, (text, golds) in gold.items():
        covered = set()
        for p in pred.get(name, []):
            span = (p["start"], p["end"])
            ovs = [sum(overlap(span, c) for c in g.content) for g in golds]
            best = max(range(len(ovs)), key=ovs.__getitem__) if ovs else None
            if best is None or ovs[best] < 0.5 * max(1, span[1] - span[0]):
                fps.append((name, ctx(text, *span)))
            else:
                covered.add(best)
        for gi, g in enumerate(golds):
            if gi not in covered:
                fns.append((name, ctx(text, g.start, g.end)))
    for label, rows, n in (("FP", fps, n_fp), ("FN", fns, n_fn)):
        for name, c in rows[:n]:
            print(f"{label} {name}: {c}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--gold-text", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--doubled", action="store_true",
                    help="count attributions quoted with '' as gold direct quotations too")
    ap.add_argument("--fp", type=int, default=0, help="print this many false positives")
    ap.add_argument("--fn", type=int, default=0, help="print this many missed gold quotes")
    args = ap.parse_args()
    gold = load(args.corpus, args.gold_text, args.limit, args.doubled)
    pred = predict(gold)
    show_errors(gold, pred, args.fp, args.fn)
    r = score(gold, pred, {})
    print(f"{len(gold)} articles, gold {r['gold']}, pred {r['predicted']}: "
          f"P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f}")


if __name__ == "__main__":
    main()
