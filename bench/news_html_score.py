"""Speaker resolution on real news web pages, against hand labels made without looking at the tool.

    .venv/bin/python bench/news_html_score.py [--split dev|lockbox|all] [--cmd "…"] [--show N] [--json]

Gold: ``bench/gold/news_html_speakers.jsonl`` (how it was made: ``bench/gold/news_html_README.md``),
one line per quotation in the English pages of ``../shared/news-html/``, with the first words
inside the marks, its kind (``direct``, ``partial``, ``not-a-quote``), the true speaker and the
page's split. The ``lockbox`` half is measured only when the work is done.

The command (``quotes extract --format jsonl``) runs once on the split's pages through the HTML
loader. A gold quotation is *found* when a record of kind direct or partial holds its words
(case, marks, apostrophes and spaces folded). Figures:

- ``resolved``: of found gold quotations whose speaker is a named person or organisation, the share
  whose predicted speaker names that entity (full name, an alias, or a person's surname), as
  ``../shared/eval/score.py --speakers`` counts it;
- ``wrong``: of the same, the share given to another named speaker (the misattributions a reader
  trusts), beside ``none`` (no usable name: no speaker, or a pronoun left unresolved);
- ``false speaker``: gold not-a-quote items (titles, terms, scare quotes) that the tool gives a speaker;
- with ``confidence`` on records: ``resolved`` among records at >= 0.9, and their count.
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
from score import names_entity  # noqa: E402  (the same "names the entity" rule as PolNeAR's scorer)

GOLD = ROOT / "bench" / "gold" / "news_html_speakers.jsonl"
PAGES = ROOT.parent / "shared" / "news-html"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "one", "his"}


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " ")):
        s = s.replace(a, b)
    return " ".join("".join(c if c.isalnum() or c == "'" else " " for c in s).split())


def run(cmd: str, pages: list[str]) -> dict[str, list[dict]]:
    paths = [str(PAGES / f"{p}.html") for p in pages]
    proc = subprocess.run(shlex.split(cmd) + paths, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"command failed ({proc.returncode})")
    out: dict[str, list[dict]] = {p: [] for p in pages}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            out.setdefault(Path(r["doc"]).stem, []).append(r)
    return out


def usable(name: str | None) -> bool:
    return bool(name) and fold(name) not in PRONOUNS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "lockbox", "all"])
    ap.add_argument("--cmd", default=f"{ROOT}/.venv/bin/quotes extract --format jsonl")
    ap.add_argument("--show", type=int, default=0, help="print up to N misses")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [g for g in gold if args.split == "all" or g["split"] == args.split]
    pages = sorted({g["page"] for g in gold})
    pred = run(args.cmd, pages)
    n = {"quotes": 0, "found": 0, "named": 0, "resolved": 0, "wrong": 0, "none": 0, "terms": 0, "false_speaker": 0,
         "sure": 0, "sure_right": 0}
    misses = []
    for g in gold:
        recs = [r for r in pred.get(g["page"], []) if r.get("kind", "direct") in ("direct", "partial", "title", "scare")]
        words = fold(g["quote"])
        hit = next((r for r in recs if words and words in fold(r["quote"])), None)
        if g["kind"] == "not-a-quote":
            n["terms"] += 1
            spoken = hit is not None and hit.get("kind") in ("direct", "partial") and usable(hit.get("speaker"))
            n["false_speaker"] += spoken
            if spoken:
                misses.append(("false speaker", g, hit))
            continue
        n["quotes"] += 1
        if hit is None or hit.get("kind") not in ("direct", "partial"):
            misses.append(("not found", g, hit))
            continue
        n["found"] += 1
        if g["type"] not in ("person", "organization") or not g.get("speaker"):
            continue
        n["named"] += 1
        ok = names_entity(hit.get("speaker"), g)
        n["resolved"] += ok
        if not ok:
            bad = usable(hit.get("speaker"))
            n["wrong" if bad else "none"] += 1
            misses.append(("wrong" if bad else "none", g, hit))
        if hit.get("confidence") is not None and hit["confidence"] >= 0.9:
            n["sure"] += 1
            n["sure_right"] += ok
    res = {"split": args.split, "pages": len(pages), **n,
           "recall": n["found"] / n["quotes"] if n["quotes"] else None,
           "resolved_share": n["resolved"] / n["named"] if n["named"] else None,
           "wrong_share": n["wrong"] / n["named"] if n["named"] else None,
           "sure_precision": n["sure_right"] / n["sure"] if n["sure"] else None}
    if args.json:
        print(json.dumps(res))
    else:
        f = lambda x: "-" if x is None else f"{x:.3f}"  # noqa: E731
        print(f"news-html {args.split}: {len(pages)} pages, {n['quotes']} quotations, found {n['found']} "
              f"(recall {f(res['recall'])}); resolved {n['resolved']}/{n['named']} = {f(res['resolved_share'])}, "
              f"wrong person {n['wrong']} ({f(res['wrong_share'])}), no usable name {n['none']}; "
              f"terms given a speaker {n['false_speaker']}/{n['terms']}; "
              f"confidence >= 0.9: {n['sure_right']}/{n['sure']} right ({f(res['sure_precision'])})")
    for why, g, hit in misses[:args.show]:
        print(f"  [{why}] {g['page']}: {g['quote'][:50]!r} gold={g.get('speaker')!r} "
              f"pred={(hit or {}).get('speaker')!r} kind={(hit or {}).get('kind')} "
              f"mention={((hit or {}).get('speaker_mention') or {}).get('text')!r}")


if __name__ == "__main__":
    main()
