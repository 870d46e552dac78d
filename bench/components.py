"""Where the parse spends its time, component by component, stock pipeline against ours.

Every document is run through each component of spaCy's stock English pipeline
and of the pipeline ``quotes`` loads (:func:`quotes.nlp.model.load_pipeline`: the
attribute rules compiled, the lemmatizer on demand), the two alternating
document by document so that load from elsewhere falls on both; CPU time per
component, in ms per document. The stock ``attribute_ruler`` + ``lemmatizer``
against our ``quotes_attribute_rules`` is the saving ``quotes.nlp.ruler`` and
``quotes.nlp.lemmas`` make; ``tests/test_nlp.py`` checks the annotations are the same.
"""
from __future__ import annotations

import time
from collections import defaultdict

from common import load_corpus, note, report


def _time_components(nlp, text: str, into: dict[str, float]) -> None:
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        t = time.process_time()
        doc = proc(doc)
        into[name] += time.process_time() - t


def run(corpus, limit: int | None) -> dict:
    import spacy

    from quotes.nlp.model import load_pipeline

    docs = load_corpus(corpus, limit)
    ours = load_pipeline()
    stock = spacy.load(ours.meta["lang"] + "_" + ours.meta["name"], exclude=["senter"])
    for d in docs[:3]:  # warm-up: vocabulary, caches, lazy tables
        ours(d.text)
        stock(d.text)
    seconds = {"stock": defaultdict(float), "quotes": defaultdict(float)}
    for n, d in enumerate(docs):
        pair = [("stock", stock), ("quotes", ours)]
        for label, nlp in pair if n % 2 else pair[::-1]:
            _time_components(nlp, d.text, seconds[label])
        if n % 50 == 0:
            note(f"components: {n + 1}/{len(docs)} documents")
    ms = {label: {k: round(1000 * v / len(docs), 2) for k, v in per.items()} for label, per in seconds.items()}
    totals = {label: round(sum(per.values()), 2) for label, per in ms.items()}
    return {
        "documents": len(docs),
        "cpu_ms_per_document": ms,
        "total_cpu_ms_per_document": totals,
        "parse_rate_ratio_quotes_to_stock": round(totals["stock"] / totals["quotes"], 3),
        "note": "stock = spaCy's English pipeline as loaded (senter excluded, as quotes does); "
                "quotes = load_pipeline(): same models, attribute rules compiled, lemmatizer on demand",
    }


def main(args) -> None:
    report("components", run(args.corpus, args.limit))
