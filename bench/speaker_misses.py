"""Which labelled PolNeAR quotations are filed under the wrong speaker, or none: the list behind
``score.py --speakers``' ``resolved`` figure, to read rather than to count.

    .venv/bin/python bench/speaker_misses.py [--gold FILE] [--jsonl EXTRACT_OUTPUT]

Gold: ``bench/gold/polnear_dev_speakers.jsonl`` (dev articles 1–30) by default, or ``--gold
bench/gold/polnear_dev31_60_speakers.jsonl`` (articles 31–60), or a train sample with ``--corpus
../shared/polnear/train``; only the articles a gold file labels are run. A gold quotation's first
matched prediction is judged with the scorer's own ``names_entity``, as ``score.py`` does. Each
miss prints the gold speaker, what the record says (speaker, mention, rule, resolution,
confidence) and the quotation's opening words. ``--jsonl`` reads a saved
``quotes extract --format jsonl`` output instead of running the command.
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
from brat import articles, direct_quotes  # noqa: E402
from score import load_speakers, names_entity, overlap  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "polnear_dev_speakers.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="labels (JSON Lines, bench/gold/README.md)")
    ap.add_argument("--jsonl", type=Path, help="saved extract output to read instead of running the command")
    ap.add_argument("--cmd", default=f"{ROOT}/.venv/bin/quotes extract --format jsonl")
    ap.add_argument("--corpus", type=Path, default=SHARED / "polnear" / "dev",
                    help="the PolNeAR split the labels are of (../shared/polnear/train for polnear_train_*)")
    args = ap.parse_args()
    labels = load_speakers(args.gold)
    wanted = {k[0] for k in labels}
    arts = [a for a in articles(args.corpus) if a[0] in wanted]
    if args.jsonl:
        lines = args.jsonl.read_text(encoding="utf-8").splitlines()
    else:
        paths = [str(args.corpus / "text" / f"{a[0]}.txt") for a in arts]
        proc = subprocess.run(shlex.split(args.cmd) + paths, capture_output=True, text=True)
        lines = proc.stdout.splitlines()
    pred: dict[str, list[dict]] = defaultdict(list)
    for line in lines:
        if line.startswith("{"):
            r = json.loads(line)
            if r.get("kind") in (None, "direct", "partial"):
                pred[Path(r["doc"]).stem].append(r)
    total = ok = 0
    why: Counter = Counter()
    for name, text, anns in arts:
        for g in direct_quotes(text, anns):
            ann = labels.get((name, g.start, g.end))
            if not ann or ann.get("type") not in ("person", "organization") or not ann.get("speaker"):
                continue
            total += 1
            hits = [p for p in pred.get(name, []) if sum(overlap((p["start"], p["end"]), c) for c in g.content)
                    >= 0.5 * max(1, p["end"] - p["start"])]
            p = hits[0] if hits else None
            if p and names_entity(p.get("speaker"), ann):
                ok += 1
                continue
            kind = "unfound" if p is None else "none" if not p.get("speaker") else "wrong"
            why[kind] += 1
            m = (p or {}).get("speaker_mention") or {}
            print(f"{kind:7} {name[:40]:40} gold={ann['speaker']!r} (src {ann.get('source_text')!r})")
            if p:
                print(f"        pred={p.get('speaker')!r} mention={m.get('text')!r} rule={p.get('rule')} "
                      f"res={p.get('resolution')} conf={p.get('confidence')}  «{p['quote'][:60]}»")
    print(f"resolved {ok}/{total} = {ok / total:.3f}; misses: {dict(why)}")


if __name__ == "__main__":
    main()
