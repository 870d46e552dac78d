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
    from .coref.resolve import resolve  # (likewise, each imports spaCy)
    from .detect.spans import detect
    from .attribution.record import CONTINUES
    from .attribution.venue import carry_venues, find_venue

    attributions = attribute(doc, detect(document.text), document.text)
    entities, all_entities = resolve(doc, [a.mention for a in attributions])
    venues = carry_venues(
        [find_venue(doc, a.sentence, a.cue) if a.mention is not None and a.sieve != CONTINUES else None
         for a in attributions],
        entities, [a.paragraph for a in attributions], [a.continues for a in attributions])
    quotes = [_quote(document, a, ent, venue) for a, ent, venue in zip(attributions, entities, venues)]
    used = {id(e) for e in entities if e is not None}
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


def _span(s) -> Span | None:
    return None if s is None else Span(start=s.start_char, end=s.end_char, text=s.text)


def parse(nlp: "Language", documents: Iterable[Document], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[tuple["Doc", Document]]:
    """Pairs of (parsed doc, document), parsed in batches, streaming: nothing is held but the batch."""
    for doc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size):
        yield doc, document
