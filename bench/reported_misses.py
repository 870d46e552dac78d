"""Where reported speech is missed: the gold attributions of a PolNeAR split that no record
covers, bucketed by their cue (its lemma and its construction), with the figures of
``../shared/eval/score.py --attributions all`` computed in the same process on cached parses.

    .venv/bin/python bench/reported_misses.py ../shared/polnear/train [--limit N] [--top 40]
        [--show BUCKET] [--n 20] [--fp 30] [--exact 30] [--json]

Buckets are ``construction:lemma``: ``verb:say`` (a verbal cue), ``noun:statement``,
``according``, ``prep:as``, ``none`` (no cue marked) …; a construction suffix tells where the
cue stands (``<`` cue before its content, ``>`` after, ``~`` inside it). ``--show BUCKET``
prints missed examples of one bucket; ``--fp`` prints predictions that lie in no gold content;
``--exact`` prints matched predictions whose span is not the gold's, with the class of the
difference (``that`` only, start, end, both). The parse is cached like
bench/attribution_score.py's (QUOTES_DOCBIN_CACHE).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

from brat import articles, direct_quotes  # noqa: E402
from score import ALL_KINDS, overlap, score, trimmed  # noqa: E402

from bench.attribution_score import parsed_corpus  # noqa: E402
from quotes.nlp.lemmas import lemma  # noqa: E402


def records(docs, arts):
    """Every record the pipeline gives each article, as score.py reads them; an indirect record
    carries the cue family that found it (``how``: clause, object, aside, according …)."""
    from quotes.attribution.parse import Layout
    from quotes.attribution.reported import find_reported
    from quotes.detect.spans import detect
    from quotes.records import Document
    from quotes.stages import analyse

    out = {}
    for (name, text, _), doc in zip(arts, docs):
        res = analyse(doc, Document(path=name, text=text, language="en"))
        how = {r.char_span(doc): r.how for r in find_reported(doc, Layout(doc, detect(text), text))}
        out[name] = [q.to_dict() | ({"how": how.get((q.start, q.end), "?")} if q.kind == "indirect" else {})
                     for q in res.quotes if q.kind in ALL_KINDS]
    return out


def bucket(doc, text, g) -> str:
    """The cue's construction and lemma."""
    if not g.cue:
        return "none"
    cs, ce = g.cue[0]
    toks = [t for t in doc if t.idx < ce and t.idx + len(t) > cs]
    if not toks:
        return "none"
    words = " ".join(t.lower_ for t in toks)
    where = "<" if ce <= g.start else ">" if cs >= g.end else "~"
    if words.startswith("according"):
        return "according" + where
    root = next((t for t in toks if t.pos_ in ("VERB",)), None) or next(
        (t for t in toks if t.pos_ in ("NOUN", "AUX", "ADJ")), toks[0])
    kind = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "ADJ": "adj", "ADP": "prep",
            "PROPN": "noun"}.get(root.pos_, root.pos_.lower())
    if kind == "verb" and root.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in root.children):
        kind = "passive"
    elif kind == "verb" and root.tag_ == "VBG" and root.dep_ in ("advcl", "acl", "xcomp"):
        kind = "gerund"
    return f"{kind}{where}:{lemma(root)}"


def relation(doc, g) -> str:
    """The dependency path from the cue's head word to the content's head word (``dobj``,
    ``ccomp``, ``prep>pobj``, ``^nsubj`` when the content governs the cue …)."""
    if not g.cue:
        return "nocue"
    cs, ce = g.cue[0]
    cue = [t for t in doc if t.idx < ce and t.idx + len(t) > cs]
    s, e = g.content[0]
    content = [t for t in doc if t.idx < e and t.idx + len(t) > s and not t.is_punct]
    if not cue or not content:
        return "?"
    inside = {t.i for t in content}
    croot = next((t for t in content if t.head.i not in inside or t.head is t), content[0])
    cset = {t.i for t in cue}
    for c in cue:
        path, w = [], croot
        for _ in range(4):
            if w.head.i == c.i:
                return ">".join([w.dep_] + path[::-1][:0]) if not path else w.dep_ + ">" + ">".join(path[::-1])
            path.append(w.dep_)
            if w.head is w:
                break
            w = w.head
    # the content governs the cue: "X, he said" (parataxis), "seems"
    for c in cue:
        w, path = c, []
        for _ in range(4):
            if w.i in inside:
                return "^" + ">".join(path)
            path.append(w.dep_)
            if w.head is w:
                break
            w = w.head
    return "far"


def _cue_key(doc, p) -> str:
    """An indirect record's cue: its lemma and part of speech (``say/VERB``)."""
    cue = p.get("cue")
    if p.get("how"):
        return p["how"] + ":" + _cue_key(doc, p | {"how": ""})
    if not cue:
        return "-"
    toks = [t for t in doc if cue["start"] <= t.idx < cue["end"]]
    if not toks:
        return "-"
    return f"{lemma(toks[0])}/{toks[0].pos_}" if len(toks) == 1 else " ".join(t.lower_ for t in toks)


def _difference(text: str, gold: tuple[int, int], got: tuple[int, int]) -> str:
    """How a matched prediction's span differs from the gold's: ``that-only`` (the gold keeps the
    complementizer the record leaves out), else ``start-long|short`` and/or ``end-long|short``."""
    (gs, ge), (ps, pe) = gold, got
    if ps > gs and text[gs:ps].strip().lower() == "that":
        gs = ps
        if pe == ge:
            return "that-only"
    parts = []
    if ps != gs:
        parts.append("start-" + ("long" if ps < gs else "short"))
    if pe != ge:
        parts.append("end-" + ("long" if pe > ge else "short"))
    return " ".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--show", default="", help="print missed examples of this bucket (prefix match)")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--boundary", action="store_true", help="with --show: only misses a record overlaps")
    ap.add_argument("--fp", type=int, default=0, help="print this many false positives")
    ap.add_argument("--exact", type=int, default=0, help="print this many inexact matches")
    ap.add_argument("--cues", type=int, default=0, help="print precision of indirect records by cue")
    ap.add_argument("--mentions", type=int, default=0, help="print this many wrong speaker mentions")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    arts, docs = parsed_corpus(args.corpus, args.limit)
    pred = records(docs, arts)
    gold = {}
    for name, text, attrs in arts:
        direct = direct_quotes(text, attrs)
        for a in attrs:
            a.direct = any(a is d for d in direct)
        gold[name] = (text, [a for a in attrs if a.content])
    figures = score(gold, pred, {})
    keys = ("precision", "recall", "f1", "exact_f1", "recall_direct", "recall_reported", "mention")
    print(" ".join(f"{k}={figures[k]:.3f}" for k in keys), f"pred={figures['predicted']} gold={figures['gold']}")

    missed, total, overlapped = Counter(), Counter(), Counter()
    sourceless = 0
    rels, rel_overlap, rel_lemmas = Counter(), Counter(), defaultdict(Counter)
    examples = defaultdict(list)
    exact_kinds = Counter()
    exact_examples = []
    mention_bad, mention_examples = Counter(), []
    by_cue = defaultdict(lambda: [0, 0, 0, 0])  # FP, TP, with speaker, without
    direct_exact, direct_examples = Counter(), []
    fps = []
    for (name, text, _), doc in zip(arts, docs):
        golds = gold[name][1]
        preds = pred.get(name, [])
        hit = defaultdict(list)
        for p in preds:
            span = (p["start"], p["end"])
            best, best_ov = None, 0
            for gi, g in enumerate(golds):
                ov = sum(overlap(span, c) for c in g.content)
                if ov > best_ov:
                    best, best_ov = gi, ov
            ok = not (best is None or best_ov < 0.5 * max(1, span[1] - span[0]))
            if p["kind"] == "indirect":
                key = _cue_key(doc, p)
                by_cue[key][ok] += 1
                by_cue[key][2 + (p.get("speaker") is None)] += 1
            if not ok:
                fps.append((name, p, text[max(0, p["start"] - 100):p["end"] + 40].replace("\n", " / ")))
                continue
            hit[best].append(p)
            g = golds[best]
            if g.source:
                m = p.get("speaker_mention")
                good = bool(m) and any(overlap((m["start"], m["end"]), s) > 0 for s in g.source)
                mkey = (p["kind"], _cue_key(doc, p) if p["kind"] == "indirect" else "-",
                        "none" if not m else "wrong")
                if not good:
                    mention_bad[mkey] += 1
                    if len(mention_examples) < args.mentions:
                        mention_examples.append((name, g, p, text))
        for gi, g in enumerate(golds):
            if g.direct:
                if gi in hit:
                    ge = trimmed(text, g.content[0]) if len(g.content) == 1 else None
                    if ge is not None and any(trimmed(text, (p["start"], p["end"])) == ge for p in preds):
                        direct_exact["exact"] += 1
                    else:
                        k = "discontinuous" if ge is None else _difference(
                            text, ge, trimmed(text, (hit[gi][0]["start"], hit[gi][0]["end"])))
                        direct_exact[k] += 1
                        if len(direct_examples) < args.exact:
                            direct_examples.append((k, name, g, hit[gi][0], text))
                continue
            b = bucket(doc, text, g)
            total[b] += 1
            if gi not in hit:
                missed[b] += 1
                sourceless += not g.source
                near = [p for p in preds if any(overlap((p["start"], p["end"]), c) for c in g.content)]
                overlapped[b] += bool(near)
                rel = relation(doc, g)
                rels[rel] += 1
                rel_overlap[rel] += bool(near)
                rel_lemmas[rel][b.split(":")[-1]] += 1
                examples[b].append((name, g, text, near))
                continue
            ge = trimmed(text, g.content[0]) if len(g.content) == 1 else None
            if ge is not None and any(trimmed(text, (p["start"], p["end"])) == ge for p in preds):
                continue
            p = hit[gi][0]
            ps, pe = trimmed(text, (p["start"], p["end"]))
            if ge is None:
                k = "discontinuous"
            else:
                k = _difference(text, ge, (ps, pe))
            exact_kinds[k] += 1
            if len(exact_examples) < args.exact and k not in ("that-only",):
                exact_examples.append((k, name, g, p, text))

    n_missed = sum(missed.values())
    print(f"reported golds {sum(total.values())}, missed {n_missed}")
    print(f"of which with no source marked: {sourceless}")
    print(f"of which a record overlaps the gold content (a boundary miss): {sum(overlapped.values())}")
    print("bucket                          missed  total  overlapped  share-of-misses")
    for b, n in missed.most_common(args.top):
        print(f"{b:32} {n:6d} {total[b]:6d} {overlapped[b]:6d}  {n / n_missed:.3f}")
    coarse = Counter()
    for b, n in missed.items():
        coarse[b.split(":")[0]] += n
    print("by construction:", ", ".join(f"{k} {v}" for k, v in coarse.most_common()))
    print("missed by cue-to-content relation (overlapped: a record overlaps the gold):")
    for r, n in rels.most_common(args.top):
        print(f"  {r:28} {n:6d} overlapped {rel_overlap[r]:5d}   "
              + ", ".join(f"{k} {v}" for k, v in rel_lemmas[r].most_common(12)))
    print("inexact matched reported golds:", ", ".join(f"{k} {v}" for k, v in exact_kinds.most_common()))
    if args.cues:
        print("indirect records by cue, most false positives first: FP TP precision (no speaker)")
        fams = defaultdict(lambda: [0, 0])
        for k, (fp, tp, _, _) in by_cue.items():
            fams[k.split(":")[0]][0] += fp
            fams[k.split(":")[0]][1] += tp
        print("  by family:", ", ".join(f"{k} {fp}/{fp + tp} FP ({tp / (fp + tp):.2f})" for k, (fp, tp) in
                                       sorted(fams.items(), key=lambda kv: -kv[1][0])))
        for k, (fp, tp, _, nospk) in sorted(by_cue.items(), key=lambda kv: -kv[1][0])[: args.cues]:
            print(f"  {k:32} {fp:5d} {tp:5d} {tp / (fp + tp):.2f} ({nospk})")
    if args.show:
        shown = 0
        for b in sorted(examples, key=lambda b: -missed[b]):
            if not b.startswith(args.show):
                continue
            for name, g, text, near in examples[b]:
                if shown >= args.n:
                    break
                if args.boundary and not near:
                    continue
                shown += 1
                lo = max(0, min(g.start, *(c[0] for c in g.cue)) - 60) if g.cue else max(0, g.start - 100)
                hi = min(len(text), max(g.end, *(c[1] for c in g.cue)) + 40) if g.cue else g.end + 40
                cue = " ".join(text[s:e] for s, e in g.cue)
                print(f"--- {b} {name}\n  cue={cue!r} source={g.source_text!r}\n"
                      f"  content={' | '.join(text[s:e] for s, e in g.content)!r}\n"
                      f"  {text[lo:hi]!r}")
                for p in near:
                    print(f"  near {p['kind']}: {p['quote']!r}")
    print("wrong or missing speaker mentions:", sum(mention_bad.values()), "by kind, cue, problem:",
          ", ".join(f"{'/'.join(k)} {v}" for k, v in mention_bad.most_common(25)))
    for name, g, p, text in mention_examples:
        m = p.get("speaker_mention")
        print(f"--- MENTION {name} kind={p['kind']} cue={(p.get('cue') or {}).get('text')!r} "
              f"gold={g.source_text!r} got={(m or {}).get('text')!r}\n  {p['quote'][:150]!r}\n  "
              f"{text[max(0, min(p['start'], g.source[0][0]) - 60):p['start'] + 20]!r}")
    print("matched direct golds:", ", ".join(f"{k} {v}" for k, v in direct_exact.most_common()))
    for k, name, g, p, text in exact_examples + direct_examples:
        print(f"--- {k} {name}\n  gold={' | '.join(text[s:e] for s, e in g.content)!r}\n"
              f"  pred={text[p['start']:p['end']]!r}")
    for name, p, ctx in fps[: args.fp]:
        print(f"--- FP {name} kind={p['kind']} how={p.get('how')} cue={(p.get('cue') or {}).get('text')!r} "
              f"speaker={p.get('speaker')!r}\n  pred={p['quote']!r}\n  {ctx!r}")
    if args.json:
        print(json.dumps({"figures": figures, "missed": dict(missed), "total": dict(total),
                          "exact": dict(exact_kinds)}))


if __name__ == "__main__":
    main()
