"""Is ``confidence`` calibrated? Share of attributions right, by confidence bucket and by rule.

    .venv/bin/python bench/calibration.py [--sets polnear-dev,polnear-dev31-60,polnear-train-a,polnear-train-c,news-dev,news-lockbox,polnear-dev61-84,polnear-train-b,polnear-train-d,polnear-train-e]

"Right" means the record names the true speaker (``score.py``'s ``names_entity``: full name, an
alias, or a person's surname), on the project's hand labels: the first 30 PolNeAR dev articles
(``bench/gold/polnear_dev_speakers.jsonl``), articles 31-60 and 61-84 (``polnear_dev31_60_speakers.jsonl``,
``polnear_dev61_84_speakers.jsonl``, the last a lockbox), four samples of PolNeAR train
(``polnear_train_{a,c}_speakers.jsonl``; ``polnear_train_b_speakers.jsonl``, a lockbox, and
``polnear_train_{d,e}_speakers.jsonl``, held-out checks) and the English news-html pages
(``bench/gold/news_html_speakers.jsonl``, dev and lockbox halves apart). Only gold quotations
whose speaker is a named person or organisation count, as in the speaker scores. The tables of
:mod:`quotes.coref.confidence` are set from the development sets; the lockbox checks them.
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
sys.path.insert(0, str(ROOT / "bench"))
from brat import articles, direct_quotes  # noqa: E402
from news_html_score import GOLD as NEWS_GOLD, PAGES, fold  # noqa: E402
from score import names_entity, overlap  # noqa: E402

CMD = f"{ROOT}/.venv/bin/quotes extract --format jsonl"
BUCKETS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)


def extract(paths: list[Path]) -> dict[str, list[dict]]:
    proc = subprocess.run(shlex.split(CMD) + [str(p) for p in paths], capture_output=True, text=True)
    out: dict[str, list[dict]] = defaultdict(list)
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            if r.get("kind") in ("direct", "partial"):
                out[Path(r["doc"]).stem].append(r)
    return out


def polnear_dev(labels_file: str = "polnear_dev_speakers.jsonl", split: str = "dev") -> list[tuple[dict, bool]]:
    labels = {}
    for line in (ROOT / "bench/gold" / labels_file).read_text().splitlines():
        r = json.loads(line)
        labels[(r["article"], r["content_start"], r["content_end"])] = r
    wanted = {k[0] for k in labels}
    gold, paths = {}, []
    for name, text, attrs in articles(SHARED / "polnear" / split):
        if name in wanted:
            gold[name] = direct_quotes(text, attrs)
            paths.append(SHARED / "polnear" / split / "text" / f"{name}.txt")
    pred = extract(paths)
    out = []
    for name, golds in gold.items():
        for g in golds:
            ann = labels.get((name, g.start, g.end))
            if not ann or ann.get("type") not in ("person", "organization"):
                continue
            hits = [p for p in pred.get(name, []) if sum(overlap((p["start"], p["end"]), c) for c in g.content)
                    >= 0.5 * max(1, p["end"] - p["start"])]
            if hits:
                out.append((hits[0], names_entity(hits[0].get("speaker"), ann)))
    return out


def news(split: str) -> list[tuple[dict, bool]]:
    gold = [json.loads(x) for x in NEWS_GOLD.read_text().splitlines() if x.strip()]
    gold = [g for g in gold if g["split"] == split and g["kind"] != "not-a-quote"
            and g["type"] in ("person", "organization") and g.get("speaker")]
    pages = sorted({g["page"] for g in gold})
    pred = extract([PAGES / f"{p}.html" for p in pages])
    out = []
    for g in gold:
        hit = next((r for r in pred.get(g["page"], []) if fold(g["quote"]) in fold(r["quote"])), None)
        if hit is not None:
            out.append((hit, names_entity(hit.get("speaker"), g)))
    return out


def table(rows: list[tuple[dict, bool]], key) -> list[str]:
    groups: dict = defaultdict(lambda: [0, 0])
    for r, ok in rows:
        k = key(r)
        groups[k][0] += 1
        groups[k][1] += ok
    return [f"  {str(k):28} {n:4d}  right {right / n:.3f}" for k, (n, right) in sorted(groups.items(), key=str)]


def bucket(r: dict) -> str:
    c = r.get("confidence")
    if c is None:
        return "none"
    lo = max(b for b in BUCKETS if b <= c)
    hi = BUCKETS[BUCKETS.index(lo) + 1]
    return f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default="polnear-dev,news-dev")
    args = ap.parse_args()
    makers = {"polnear-dev": polnear_dev, "polnear-dev31-60": lambda: polnear_dev("polnear_dev31_60_speakers.jsonl"),
              "polnear-dev61-84": lambda: polnear_dev("polnear_dev61_84_speakers.jsonl"),
              "polnear-train-a": lambda: polnear_dev("polnear_train_a_speakers.jsonl", "train"),
              "polnear-train-b": lambda: polnear_dev("polnear_train_b_speakers.jsonl", "train"),
              "polnear-train-c": lambda: polnear_dev("polnear_train_c_speakers.jsonl", "train"),
              "polnear-train-d": lambda: polnear_dev("polnear_train_d_speakers.jsonl", "train"),
              "polnear-train-e": lambda: polnear_dev("polnear_train_e_speakers.jsonl", "train"),
              "news-dev": lambda: news("dev"), "news-lockbox": lambda: news("lockbox")}
    for name in args.sets.split(","):
        rows = makers[name]()
        sure = [ok for r, ok in rows if (r.get("confidence") or 0) >= 0.9]
        print(f"{name}: {len(rows)} attributions, right {sum(ok for _, ok in rows) / max(1, len(rows)):.3f}; "
              f"confidence >= 0.9: {len(sure)} ({len(sure) / max(1, len(rows)):.0%}), right "
              f"{sum(sure) / max(1, len(sure)):.3f}")
        print(" by confidence:")
        print("\n".join(table(rows, bucket)))
        print(" by rule / resolution:")
        print("\n".join(table(rows, lambda r: f"{r.get('rule')}/{r.get('resolution')}")))


if __name__ == "__main__":
    main()
