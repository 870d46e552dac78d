"""Stage 3, attribute: the cue and the speaker mention of each quotation. (First cut.)"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan

from .records import QuoteSpan

CUE_LEMMAS = {"say", "tell", "add", "declare", "state", "voice", "articulate", "proclaim", "emphasize",
              "write", "tweet", "post", "report", "explain", "note", "argue", "insist", "claim"}


@dataclass(slots=True)
class Attribution:
    span: QuoteSpan
    kind: str = "direct"
    cue: SpacySpan | None = None
    mention: SpacySpan | None = None
    sentence: SpacySpan | None = None
    venue: str | None = None


def attribute(doc: Doc, spans: list[QuoteSpan]) -> list[Attribution]:
    out = []
    for qs in spans:
        a = Attribution(span=qs, kind=qs.kind)
        sent = doc.char_span(qs.start, qs.end, alignment_mode="expand")
        a.sentence = sent.sent if sent is not None and len(sent) else None
        if a.sentence is not None:
            for tok in a.sentence:
                if qs.open_start <= tok.idx < qs.close_end:
                    continue
                if tok.lemma_ in CUE_LEMMAS and tok.pos_ == "VERB":
                    a.cue = doc[tok.i:tok.i + 1]
                    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                    if subj:
                        s = subj[0]
                        a.mention = doc[s.left_edge.i:s.i + 1]
                    break
        out.append(a)
    return out
