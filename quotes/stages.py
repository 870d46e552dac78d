"""One document through the stages: parse, detect, attribute, resolve, venue.

:func:`analyse` runs the stages on one parsed document and :func:`parse` parses
documents in batches. Both run wherever a document is worked on: in this process
(:mod:`quotes.pipeline`) or in a worker (:mod:`quotes.parallel`), which is why
they live apart from the code that chooses between the two.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .records import Document, DocResult, Quote, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Documents per ``nlp.pipe`` batch and per chunk a worker takes.
DEFAULT_BATCH_SIZE = 16


def analyse(doc: "Doc", document: Document) -> DocResult:
    """Detect, attribute, resolve and place every quotation of one parsed document."""
    # the stages import spaCy: loaded with the first document, so commands that parse nothing start fast
    from .attribution.sieve import attribute
    from .coref.confidence import confidence
    from .coref.resolve import resolve_explained  # (likewise, each imports spaCy)
    from .detect.spans import detect
    from .attribution.parse import Layout
    from .attribution.record import CONTINUES
    from .attribution.reported import find_reported
    from .attribution.venue import carry_venues, find_venue

    spans = detect(document.text)
    attributions = attribute(doc, spans, document.text)
    reported = find_reported(doc, Layout(doc, spans, document.text))
    # one coreference pass and one set of entities for quotations and reported speech; the quotations'
    # mentions first, in document order, so that reported speech never changes who said a quotation
    # (interleaved, a reported "the Republican nominee said that …" made a description of its own
    # that the nominee's later quotations then went to), then the reported statements'
    order = [(a.span.start, 0, i) for i, a in enumerate(attributions)] \
        + [(doc[r.start].idx, 1, i) for i, r in enumerate(reported)]
    resolved, all_entities, evidence = resolve_explained(
        doc, [(reported[i] if k else attributions[i]).mention for _, k, i in order])
    entities: list = [None] * len(attributions)
    rep_entities: list = [None] * len(reported)
    how: list = [None] * len(attributions)
    rep_how: list = [None] * len(reported)
    for (_, k, i), e, ev in zip(order, resolved, evidence):
        (rep_entities if k else entities)[i] = e
        (rep_how if k else how)[i] = ev
    venues = carry_venues(
        [find_venue(doc, a.sentence, a.cue) if a.mention is not None and a.sieve != CONTINUES else None
         for a in attributions],
        entities, [a.paragraph for a in attributions], [a.continues for a in attributions])
    quotes = [_quote(document, a, ent, venue) for a, ent, venue in zip(attributions, entities, venues)]
    for q, a, ev, ent in zip(quotes, attributions, how, entities):
        if q.kind in ("direct", "partial") and a.mention is not None:
            q.rule, q.resolution = a.sieve, ev.route
            q.confidence = confidence(a.sieve, ev, ent)
    if reported:
        quotes = _with_reported(doc, document, quotes, reported, rep_entities, rep_how)
    used = {id(e) for e in entities + rep_entities if e is not None}
    return DocResult(document=document, quotes=quotes, speakers=[e for e in all_entities if id(e) in used])


def _quote(document: Document, a, ent, venue: str | None) -> Quote:
    sent = a.sentence
    return Quote(
        doc=document.path, start=a.span.start, end=a.span.end, quote=a.span.text,
        speaker=ent.name if ent else (a.mention.text if a.mention is not None else None),
        speaker_mention=_span(a.mention), cue=_span(a.cue), venue=venue,
        kind=a.kind, speaker_type=ent.type if ent else None,
        sentence=" ".join(sent.text.split()) if sent is not None else "",
        closed=a.span.closed, group=a.span.group,
    )


def _with_reported(doc: "Doc", document: Document, quotes: list[Quote], reported: list, entities: list,
                   how: list) -> list[Quote]:
    """The quotations and the reported statements, in document order; a quotation inside a
    reported clause (a mixed quote) names the clause's start in ``within``."""
    from .attribution.venue import find_venue  # imports spaCy
    from .coref.confidence import REPORTED, confidence

    out = []
    for r, ent, ev in zip(reported, entities, how):
        start, end = r.char_span(doc)
        sent = r.sentence
        out.append(Quote(
            doc=document.path, start=start, end=end, quote=document.text[start:end],
            speaker=ent.name if ent else (r.mention.text if r.mention is not None else None),
            speaker_mention=_span(r.mention), cue=_span(r.cue), venue=find_venue(doc, sent, r.cue),
            kind="indirect", speaker_type=ent.type if ent else None,
            sentence=" ".join(sent.text.split()) if sent is not None else "",
            rule=REPORTED if r.mention is not None else None, resolution=ev.route if r.mention is not None else None,
            confidence=confidence(REPORTED, ev, ent) if r.mention is not None else None))
    for q in quotes:
        if q.kind in ("direct", "partial"):
            holders = [c for c in out if c.start <= q.start and q.end <= c.end]
            if holders:
                q.within = min(holders, key=lambda c: c.end - c.start).start
    return sorted(quotes + out, key=lambda q: q.start)


def _span(s) -> Span | None:
    return None if s is None else Span(start=s.start_char, end=s.end_char, text=s.text)


def parse(nlp: "Language", documents: Iterable[Document], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[tuple["Doc", Document]]:
    """Pairs of (parsed doc, document), parsed in batches, streaming: nothing is held but the batch."""
    for doc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size):
        yield doc, document
