"""Extraction rate against its floor (plain ``nlp.pipe``) and against textacy.

Four ways over the same texts:

* ``spacy``  : ``nlp.pipe`` of the pipeline ``quotes`` loads and nothing else: the
  floor, no quote tool on this pipeline can beat it;
* ``spacy_stock``: ``nlp.pipe`` of the English pipeline as spaCy loads it (every
  component runs, the lemmatizer and the Matcher-based attribute_ruler included);
* ``textacy``: the stock pipeline + ``textacy.extract.direct_quotations`` on each
  doc, as ``../shared/eval/score.py --baseline`` runs it (textacy reads lemmas, so
  it needs the lemmatizer);
* ``quotes`` : what ``quotes extract --format jsonl`` does after loading:
  ``extract_documents`` (parse, detect, attribute, resolve, venue) and each
  quote rendered as a JSON line.

``quotes`` runs the same models with two components in a cheaper form that gives
the same annotations (quotes/ruler.py, quotes/lemmas.py): the gap between
``spacy`` and ``spacy_stock`` is that saving, the gap between ``quotes`` and ``spacy``
is the cost of our stages.

The corpus is cut into rounds of a few batches; every round runs all three,
rotating which goes first, so load from other processes on a shared machine
falls on all three alike; ratios are read from CPU time, which waiting for a
busy core does not inflate (wall-time ratios are reported too). Every text is tokenized once before the clocks start
(new words enter spaCy's vocabulary then, not during whichever way runs first). Targets: quotes/spacy >= 0.9 and quotes/textacy >= 1.0.
"""
from __future__ import annotations

import io

from common import Clock, load_corpus, note, report

ROUND_BATCHES = 1


def run(corpus, limit: int | None, batch_size: int) -> dict:
    from textacy.extract import direct_quotations

    from quotes.cli.output import Format, render
    from quotes.nlp.model import load_pipeline
    from quotes.pipeline import extract_documents

    import spacy

    docs = load_corpus(corpus, limit)
    nlp = load_pipeline()
    stock = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    # Warm-up before any clock runs: the first time spaCy meets a word it adds it to the
    # vocabulary and the tokenizer cache, a cost the first of the three ways would pay alone.
    for d in docs:
        nlp.make_doc(d.text)
        stock.make_doc(d.text)
    list(nlp.pipe([d.text for d in docs[:4]]))
    list(stock.pipe([d.text for d in docs[:4]]))
    clock = Clock()
    counts = {"spacy": 0, "spacy_stock": 0, "textacy": 0, "quotes": 0, "textacy_gave_up": 0}
    sink = io.StringIO()

    def spacy_floor(chunk):
        for doc in nlp.pipe([d.text for d in chunk], batch_size=batch_size):
            counts["spacy"] += len(doc)

    def spacy_stock(chunk):
        for doc in stock.pipe([d.text for d in chunk], batch_size=batch_size):
            counts["spacy_stock"] += len(doc)

    def textacy_quotes(chunk):
        for doc in stock.pipe([d.text for d in chunk], batch_size=batch_size):
            try:
                counts["textacy"] += sum(1 for _ in direct_quotations(doc))
            except ValueError:  # textacy gives up on an odd number of quotation marks (as score.py allows)
                counts["textacy_gave_up"] += 1

    def our_quotes(chunk):
        for result in extract_documents(chunk, nlp=nlp, batch_size=batch_size):
            sink.write(render([q.to_dict() for q in result.quotes], Format.jsonl))
            counts["quotes"] += len(result.quotes)
        sink.seek(0)
        sink.truncate()

    ways = [("spacy", spacy_floor), ("spacy_stock", spacy_stock), ("textacy", textacy_quotes), ("quotes", our_quotes)]
    size = batch_size * ROUND_BATCHES
    rounds = [docs[i:i + size] for i in range(0, len(docs), size)]
    for n, chunk in enumerate(rounds):
        for label, fn in ways[n % len(ways):] + ways[:n % len(ways)]:
            with clock.time(label):
                fn(chunk)
        if n % 10 == 0:
            note(f"extract: round {n + 1}/{len(rounds)}, CPU s so far {({k: round(v, 1) for k, v in clock.cpu_seconds.items()})}")
    s, c = clock.seconds, clock.cpu_seconds
    chars = sum(len(d.text) for d in docs)
    return {
        "documents": len(docs), "characters": chars, "tokens": counts["spacy"], "batch_size": batch_size,
        "rounds": len(rounds),
        "cpu_seconds": {k: round(v, 2) for k, v in c.items()},
        "wall_seconds": {k: round(v, 2) for k, v in s.items()},
        "docs_per_cpu_second": {k: round(len(docs) / v, 3) for k, v in c.items()},
        "quotations_found": {"quotes": counts["quotes"], "textacy": counts["textacy"]},
        "textacy_gave_up_on_documents": counts["textacy_gave_up"],
        "ratio_quotes_to_spacy": round(c["spacy"] / c["quotes"], 3),
        "ratio_quotes_to_spacy_stock": round(c["spacy_stock"] / c["quotes"], 3),
        "ratio_quotes_to_textacy": round(c["textacy"] / c["quotes"], 3),
        "our_overhead_share": round((c["quotes"] - c["spacy"]) / c["quotes"], 3),
        "wall_ratio_quotes_to_spacy": round(s["spacy"] / s["quotes"], 3),
        "wall_ratio_quotes_to_spacy_stock": round(s["spacy_stock"] / s["quotes"], 3),
        "wall_ratio_quotes_to_textacy": round(s["textacy"] / s["quotes"], 3),
        "targets": {"ratio_quotes_to_spacy": ">= 0.9", "ratio_quotes_to_textacy": ">= 1.0"},
        "note": "ratios are rates (docs per CPU second) of quotes over the other; wall_ratio_* the same on wall time",
    }


def main(args) -> None:
    report("extract_rate", run(args.corpus, args.limit, args.batch_size))
