"""One document through the stages: parse, detect, attribute, resolve, venue.

:func:`analyse` runs the stages on one parsed document and :func:`parse` parses
documents in batches. Both run wherever a document is worked on: in this process
(:mod:`quotes.pipeline`) or in a worker (:mod:`quotes.parallel`), which is why
they live apart from the code that chooses between the two.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from .detect.spans import detect
from .load import ATTRIBUTED_LANGUAGES
from .lexicon.names import named
from .records import Document, DocResult, Entity, Quote, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Documents per ``nlp.pipe`` batch and per chunk a worker takes.
DEFAULT_BATCH_SIZE = 16
#: Longer texts are parsed in paragraph-aligned pieces of at most this many characters (spaCy refuses
#: texts over ``nlp.max_length``, 1,000,000, and its memory grows with the text): offsets are shifted
#: back into the document and no quotation is ever cut between two pieces.
CHUNK_CHARS = 100_000


def attributed(document: Document) -> bool:
    """Whether the document's language has a pipeline (unknown counts as English)."""
    return document.language is None or document.language in ATTRIBUTED_LANGUAGES


def unattributed(document: Document) -> DocResult:
    """A document in a language the attribution cannot read: every quotation detected, no speakers.

    Detection is language-neutral; the English parse of another language makes speakers of
    articles and verb phrases, so none is given rather than nonsense."""
    quotes = [Quote(doc=document.path, start=s.start, end=s.end, quote=s.text, kind=s.kind,
                    closed=s.closed, group=s.group) for s in detect(document.text)]
    return DocResult(document=document, quotes=quotes)


def analyse(doc: "Doc", document: Document) -> DocResult:
    """Detect, attribute, resolve and place every quotation of one parsed document."""
    if not attributed(document):
        return unattributed(document)
    # the stages import spaCy: loaded with the first document, so commands that parse nothing start fast
    from .attribution.sieve import attribute
    from .coref.confidence import confidence
    from .coref.resolve import resolve_explained  # (likewise, each imports spaCy)
    from .attribution.parse import Layout
    from .attribution.record import CONTINUES
    from .attribution.reported import find_reported
    from .attribution.venue import carry_venues, find_venue

    spans = detect(document.text)
    lay = Layout(doc, spans, document.text)   # one reading of the parse for quotations and reported speech
    attributions = attribute(doc, spans, document.text, lay)
    reported = find_reported(doc, lay)
    # one coreference pass and one set of entities for quotations and reported speech; the quotations'
    # mentions first, in document order, so that reported speech never changes who said a quotation
    # (interleaved, a reported "the Republican nominee said that …" made a description of its own
    # that the nominee's later quotations then went to), then the reported statements'
    order = [(a.span.start, 0, i) for i, a in enumerate(attributions)] \
        + [(doc[r.start].idx, 1, i) for i, r in enumerate(reported)]
    resolved, all_entities, evidence = resolve_explained(
        doc, [(reported[i] if k else attributions[i]).mention for _, k, i in order], lay.text)
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
        speaker=ent.name if ent else named(a.mention.text if a.mention is not None else None),
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
            speaker=ent.name if ent else named(r.mention.text if r.mention is not None else None),
            speaker_mention=_span(r.mention), cue=_span(r.cue), venue=find_venue(doc, sent, r.cue),
            kind="indirect", speaker_type=ent.type if ent else None,
            sentence=" ".join(sent.text.split()) if sent is not None else "",
            rule=REPORTED if r.mention is not None else None, resolution=ev.route if r.mention is not None else None,
            confidence=confidence(REPORTED, ev, ent) if r.mention is not None else None))
    for q in quotes:
        if q.kind in ("direct", "partial"):
            # the clause stops before a closing stop that the quotation's words keep ("… in it.")
            holders = [c for c in out if c.start <= q.start and (q.end <= c.end
                                                                or not document.text[c.end:q.end].strip(" .,;:!?"))]
            if holders:
                q.within = min(holders, key=lambda c: c.end - c.start).start
    return sorted(quotes + out, key=lambda q: q.start)


def _span(s) -> Span | None:
    return None if s is None else Span(start=s.start_char, end=s.end_char, text=s.text)


def parse(nlp: "Language", documents: Iterable[Document], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[tuple["Doc", Document]]:
    """Pairs of (parsed doc, document), parsed in batches, streaming: nothing is held but the batch."""
    for doc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size):
        yield doc, document


# -- many documents, long ones in pieces, none taking another down --------------------------------------

def pieces(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) ranges that cover ``text``, each at most ``limit`` long where the text allows.

    Cuts fall after a line break (a blank line preferred), never inside a quotation or between
    the paragraphs of one quotation; a paragraph longer than ``limit`` is cut at a space outside
    quotations, and only a stretch with neither is cut where it must be."""
    if len(text) <= limit:
        return [(0, len(text))]
    blocked: dict[int | None, list[int]] = {}
    inside = bytearray(len(text) + 1)             # 1 where a cut would split a quotation
    for i, s in enumerate(detect(text)):
        key = s.group if s.group is not None else -1 - i
        lo, hi = blocked.get(key, (s.open_start, s.close_end))
        blocked[key] = [min(lo, s.open_start), max(hi, s.close_end)]
    for lo, hi in blocked.values():
        inside[lo + 1:hi] = b"\x01" * max(0, hi - lo - 1)
    out, start = [], 0
    while len(text) - start > limit:
        cut = start + limit                       # no separator outside a quotation: cut where we must
        for sep, least in (("\n\n", start + limit // 2), ("\n", start + limit // 2), ("\n", start), (" ", start)):
            pos = text.rfind(sep, start + 1, start + limit)
            while pos > least and inside[pos + len(sep)]:
                pos = text.rfind(sep, start + 1, pos)
            if pos > least:
                cut = pos + len(sep)
                break
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _shift(q: Quote, offset: int, groups: int) -> Quote:
    moved = lambda s: None if s is None else Span(s.start + offset, s.end + offset, s.text)  # noqa: E731
    return replace(q, start=q.start + offset, end=q.end + offset, speaker_mention=moved(q.speaker_mention),
                   cue=moved(q.cue), group=None if q.group is None else q.group + groups)


def _merge_entities(entities: Iterable[Entity]) -> list[Entity]:
    """One entity per name over a document's pieces, aliases and roles pooled."""
    out: dict[str, Entity] = {}
    for e in entities:
        seen = out.get(e.name)
        if seen is None:
            out[e.name] = Entity(e.name, e.type, list(e.aliases), list(e.roles))
        else:
            seen.aliases += [a for a in e.aliases if a not in seen.aliases]
            seen.roles += [r for r in e.roles if r not in seen.roles]
    return list(out.values())


def _failure(e: BaseException) -> str:
    return f"extraction failed ({type(e).__name__}: {e})".splitlines()[0]


def _parse_batch(nlp: "Language", texts: list[str], batch_size: int) -> list["Doc | BaseException"]:
    """Each text parsed; when the batch fails, each is parsed alone so only the bad one is lost."""
    try:
        return list(nlp.pipe(texts, batch_size=batch_size))
    except Exception:  # noqa: BLE001  (one bad text must not cost the batch)
        out: list = []
        for t in texts:
            try:
                out.append(nlp(t))
            except Exception as e:  # noqa: BLE001
                out.append(e)
        return out


def run(nlp: "Language", documents: Iterable[Document], batch_size: int = DEFAULT_BATCH_SIZE,
        chunk_chars: int = CHUNK_CHARS) -> Iterator[DocResult]:
    """Every document's result, in input order, parsed in batches; a document the pipeline
    fails on comes back with ``error`` set (and no quotes), the others as usual.

    A text over ``chunk_chars`` is parsed in :func:`pieces` and its quotations shifted back into
    document offsets; a document in a language with no pipeline is not parsed (:func:`unattributed`)."""
    it = iter(documents)
    while batch := list(islice(it, batch_size)):
        plan = [(d, pieces(d.text, chunk_chars) if attributed(d) else []) for d in batch]
        short = [d.text for d, ranges in plan if len(ranges) == 1]
        parsed = iter(_parse_batch(nlp, short, batch_size) if short else [])
        for d, ranges in plan:
            if not ranges:
                yield unattributed(d)
                continue
            try:
                if len(ranges) > 1:      # a long text: its pieces parsed one at a time, never all held at once
                    yield _analyse_pieces(nlp, d, ranges)
                    continue
                doc = next(parsed)
                if isinstance(doc, BaseException):
                    yield DocResult(document=d, error=_failure(doc))
                    continue
                yield analyse(doc, d)
            except Exception as e:  # noqa: BLE001  (reported with the document; the others go on)
                yield DocResult(document=d, error=_failure(e))


def _analyse_pieces(nlp: "Language", d: Document, ranges: list[tuple[int, int]]) -> DocResult:
    starts = [s.start for s in detect(d.text)]
    quotes: list[Quote] = []
    entities: list[Entity] = []
    for a, b in ranges:
        part = analyse(nlp(d.text[a:b]), replace(d, text=d.text[a:b], warnings=[]))
        groups = sum(1 for s in starts if s < a)
        quotes.extend(_shift(q, a, groups) for q in part.quotes)
        entities.extend(part.speakers)
    return DocResult(document=d, quotes=quotes, speakers=_merge_entities(entities))
