"""Speaker labels: the name a transcript, a digest or a vox pop writes beside a quote.

``Clinton: "…"``, ``- Jeffrey M. Jones: "…"``, a ``- Bernie Sanders.`` line under a
quote paragraph, ``"…" ― Sonya Herridge`` closing the quote's own line. No verb of
saying is involved, so the parse is read only to tell a name from other words.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from .syntax import NOT_SPEAKER_ENTS, Layout


NOT_LABEL_ENTS = NOT_SPEAKER_ENTS | {"GPE", "LOC"}


DASHES = ("-", "–", "—", "―", "•", "*")


def _name_token(t: Token, lay: Layout) -> bool:
    """A word of a name standing alone (``Jeffrey``, ``M.``, ``Sen.``): not a place or a date."""
    if not lay.outside(t) or t.ent_type_ in NOT_LABEL_ENTS:
        return False
    return t.pos_ == "PROPN" or (t.is_title and t.text.endswith(".") and len(t) <= 5)


def speaker_label(qi: int, lay: Layout) -> SpacySpan | None:
    """The quote is labelled with its speaker's name, as transcripts, digests and fact checks do:
    ``Clinton: "…"`` or ``- Jeffrey M. Jones: "…"`` opening a line or a sentence, or a line
    ``- Bernie Sanders.`` under a quote that fills its own paragraph."""
    doc, q = lay.doc, lay.spans[qi]
    toks = lay.tokens[qi]
    if not toks:
        return None
    i = toks[0] - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    if i > 0 and doc[i].text == ":" and lay.outside(doc[i]) and lay.para(doc[i].idx) == lay.para(q.open_start):
        start = i
        while start > 0 and i - start < 8 and (_name_token(doc[start - 1], lay) or (
                doc[start - 1].lower_ == "and" and start < i and start > 1 and _name_token(doc[start - 2], lay))):
            start -= 1  # "- Mark Blumenthal and Jon Cohen:"
        before = doc[start - 1] if start > 0 else None
        if start < i and (before is None or "\n" in before.text
                          or (before.text in DASHES and before.whitespace_)
                          or (not lay.outside(before) and before.is_punct)
                          or (before.text in (".", "!", "?") and before.whitespace_)):
            return doc[start:i]
    # "From the report: '…'", "More from Jones: '…'": the source the colon quotes from
    if i > 0 and doc[i].text == ":" and lay.outside(doc[i]):
        frm = next((t for t in doc[max(0, i - 12):i]
                    if t.lower_ == "from" and t.dep_ == "prep" and lay.outside(t)), None)
        objs = [c for c in frm.children if c.dep_ == "pobj"] if frm is not None else []
        if objs and objs[0].right_edge.i == i - 1 and all(lay.outside(t) for t in doc[frm.i:i]) and \
                (frm.i == 0 or "\n" in doc[frm.i - 1].text or doc[frm.i - 1].text in DASHES
                 or (frm.i >= 2 and doc[frm.i - 1].lower_ == "more" and ("\n" in doc[frm.i - 2].text
                                                                       or doc[frm.i - 2].text in DASHES))):
            return doc[objs[0].left_edge.i:i]
    # "- Bernie Sanders." on the line under a quote that is a paragraph of its own
    text = lay.text
    if lay.para(q.open_start) != lay.para(q.close_end - 1) or \
            text[lay.para_starts[lay.para(q.open_start)]:q.open_start].strip():
        return None
    j = toks[-1] + 1
    while j < len(doc) and (doc[j].is_space or (doc[j].is_punct and not lay.outside(doc[j]))):
        j += 1
    if j >= len(doc):
        return None
    # '“…” ― Sonya Herridge' closing the quote's own line, as digests and epigraphs credit a quote
    same_line = "\n" not in text[q.close_end:doc[j].idx]
    if not same_line and (lay.para(doc[j].idx) != lay.para(q.close_end - 1) + 1
                          or text[q.close_end:doc[j].idx].count("\n") == 0):
        return None
    first = doc[j]
    glued = False  # "-President Obama": the dash is glued to the first word
    if text[q.close_end:first.idx].strip() in DASHES:
        pass  # the dash is glued to the closing mark: '”―Pamela Padilla'
    elif first.text in DASHES:
        j += 1
    elif first.text[:1] in DASHES and first.text[1:2].isupper() and first.pos_ == "PROPN":
        glued = True
    else:
        return None
    end = j
    while end < len(doc) and end - j < 5 and _name_token(doc[end], lay) \
            and lay.para(doc[end].idx) == lay.para(first.idx):
        end += 1
    if end == j or (end < len(doc) and doc[end].text not in (",", ".", "(") and "\n" not in doc[end].text):
        return None
    if same_line and not _line_ends_after(end, lay):
        return None
    if glued:
        inner = doc.char_span(first.idx + 1, doc[end - 1].idx + len(doc[end - 1]), alignment_mode="contract")
        return inner if inner is not None and len(inner) else doc[j:end]
    return doc[j:end]


def _line_ends_after(end: int, lay: Layout) -> bool:
    """Nothing but a full stop between token ``end`` and the end of its line (or of the text)."""
    doc = lay.doc
    if end < len(doc) and doc[end].text == ".":
        end += 1
    return end >= len(doc) or "\n" in doc[end].text or (doc[end].is_space and end + 1 >= len(doc))
