"""Speaker labels: the name a transcript, a digest or a vox pop writes beside a quote.

``Clinton: "…"``, ``- Jeffrey M. Jones: "…"``, ``Here's Clinton in 1992: "…"``, a transcript
turn ``"PENCE: Well, …``, a ``- Bernie Sanders.`` line under a quote paragraph, ``That quote
from X …`` right after it, ``"…" ― Sonya Herridge`` closing the quote's line, a signature line
``Dean Baker, Center for Economic and Policy Research."`` closing the quoted block. No verb of
saying is involved, so the parse is read only to tell a name from other words.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span as SpacySpan, Token

from ..detect.marks import FAMILY
from .parse import NOT_SPEAKER_ENTS, Layout, is_cue, token_before


NOT_LABEL_ENTS = NOT_SPEAKER_ENTS | {"GPE", "LOC"}


DASHES = ("-", "–", "—", "―", "•", "*")
#: Every quotation mark of every house style (a credit follows a closing mark of any of them:
#: "»" in French style, "“" in German style).
QUOTE_MARKS = "".join(c for c in FAMILY if len(c) == 1)
CLOSING_MARKS = QUOTE_MARKS

#: Transcript tags that name no speaker: ``"VIDEO: …"`` plays a clip, ``"Q: …"`` is an unnamed
#: interviewer, ``"UPDATE: …"`` is the writer's.
NOT_SPEAKER_TAGS = frozenset("""
video audio clip crosstalk laughter applause inaudible unintelligible note update breaking exclusive watch
photo photos transcript caption source question answer editor
""".split())

#: Words a title-case title leaves in lower case (``Crippled America: How to Make America Great Again``).
SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())

#: ``” ― Name`` ending a line: a closing mark, a dash (``--`` too), the credit.
_CREDIT_DASH = re.compile("[" + re.escape(QUOTE_MARKS) + r"]\s*(?:--|[-–—―])\s*")

#: A line holding only ``Name, Organisation`` (and the closing mark of the quoted block).
_SIGNATURE = re.compile(r"\s*(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}), "
                        r"[A-Z][\w.&'’-]*(?: (?:[A-Z][\w.&'’-]*|of|for|and|the|on|in|at|&)){0,9}\.?"
                        "[" + re.escape(QUOTE_MARKS) + r"]?\s*")


def speaker_label(qi: int, lay: Layout) -> SpacySpan | None:
    """The name the text writes beside quote ``qi`` as its speaker's, or None.

    The rules go from the label inside the marks (a transcript turn) to the labels before the
    quote (``Clinton: "…"``, ``From the report: "…"``) and the credits after it (a dash line
    closing the quote's line or under it, a signature line closing the quoted block)."""
    if not lay.tokens[qi]:
        return None
    rules: tuple[Callable[[int, Layout], SpacySpan | None], ...] = (
        _turn_label, _colon_label, _from_label, _here_label, _follows_label, _credit_line_end, _credit_below,
        _signature_line, _quote_from)
    for rule in rules:
        found = rule(qi, lay)
        if found is not None:
            return found
    return None


def _name_token(t: Token, lay: Layout) -> bool:
    """A word of a name standing alone (``Jeffrey``, ``M.``, ``Sen.``): not a place or a date."""
    if not lay.outside(t) or t.ent_type_ in NOT_LABEL_ENTS:
        return False
    return t.pos_ == "PROPN" or (t.is_title and t.text.endswith(".") and len(t) <= 5)


# -- the label inside the marks: transcripts ---------------------------------------------------

def _turn_label(qi: int, lay: Layout) -> SpacySpan | None:
    """A transcript turn, ``"PENCE: Well, look, …`` or ``"Chris Matthews: Seriously, …``: the marks
    open a paragraph and the speaker's name and a colon open the quoted words.

    Every quote of that paragraph is the turn speaker's words (``as “The Wall Street Journal”
    wrote`` inside Wallace's turn), and a paragraph of the same multi-paragraph quote with no
    tag of its own carries on the last tagged turn."""
    return _turn(qi, lay)[1]


def silent_turn(qi: int, lay: Layout) -> bool:
    """Is quote ``qi`` in a transcript turn that names no speaker (``"VIDEO: …``, ``"(CROSSTALK.)``)?
    Its speaker is unknown: it must not take the speaker of the turn before."""
    found, tag = _turn(qi, lay)
    return found and tag is None


def _turn(qi: int, lay: Layout) -> tuple[bool, SpacySpan | None]:
    """(whether quote ``qi`` is in a tagged transcript turn, the speaker the tag names or None)."""
    first = _first_quote_of_paragraph(qi, lay)
    if first is None:
        return False, None
    group = lay.spans[first].group
    for j in range(first, -1, -1):
        if j < first and (group is None or lay.spans[j].group != group):
            break
        if j < first and not lay.opens_paragraph(lay.spans[j].open_start):
            continue  # a quote nested in an earlier paragraph of the group
        tag = _turn_tag(j, lay)
        if tag is not None:
            if _speaker_tag(tag) and _reads_as_speech(tag, lay):
                return True, tag
            # a capitals tag naming no one ("VIDEO:", "Q:") is a turn; "Look: we are …" is not
            return all(t.text.isupper() for t in tag) and _reads_as_speech(tag, lay), None
        if _stage_direction(lay.spans[j].text):
            return True, None  # "(CROSSTALK.)": no one's words, and no turn of its own
    return False, None


def _first_quote_of_paragraph(qi: int, lay: Layout) -> int | None:
    """The first quote in the paragraph of quote ``qi``, when its marks open the paragraph."""
    para = lay.para(lay.spans[qi].open_start)
    first = qi
    while first > 0 and lay.para(lay.spans[first - 1].open_start) == para:
        first -= 1
    return first if lay.opens_paragraph(lay.spans[first].open_start) and lay.tokens[first] else None


def _turn_tag(qi: int, lay: Layout) -> SpacySpan | None:
    """The one to four capitalised words right inside the opening mark of quote ``qi`` that a
    colon and a space follow (``PENCE``, ``Chris Matthews``, ``VIDEO``)."""
    doc, toks = lay.doc, lay.tokens[qi]
    start = toks[0] + 1
    end = start
    while end <= toks[-1] and end - start < 4 and _tag_word(doc[end]):
        end += 1
    colon = doc[end] if end <= toks[-1] else None
    if end == start or colon is None or colon.text != ":" or not lay.text[colon.idx + 1:colon.idx + 2].isspace():
        return None
    return doc[start:end]


def _reads_as_speech(tag: SpacySpan, lay: Layout) -> bool:
    """Do the words after a tag read as a turn of speech: not a nested quote (``"Clinton: 'I come
    from the 60s.' Marco: …"`` quotes a tweet) and not a title-case subtitle (``"Crippled America:
    How to Make America Great Again"``)?"""
    qi = lay.in_quote[tag.start]
    after = lay.text[tag.end_char + 1:lay.spans[qi].close_end]
    if after.lstrip()[:1] in QUOTE_MARKS:
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", after)[:10]
    return len(words) < 4 or any(w[0].islower() and w.lower() not in SMALL_WORDS for w in words)


def _tag_word(t: Token) -> bool:
    """A capitalised word that can be part of a name (``PENCE``, ``O'MALLEY``, ``McCain``, ``Sen.``)."""
    letters = re.sub(r"[.'’-]", "", t.text)
    return t.text[:1].isupper() and letters.isalpha()


def _speaker_tag(tag: SpacySpan) -> bool:
    """Does a transcript tag name a speaker? Capitals are read by their shape (the tagger takes
    ``RAMOS`` for a plural noun), other words need the name of a person: not ``VIDEO``, ``Q``,
    ``Missouri``."""
    words = [t.text.strip(".").lower() for t in tag]
    if any(w in NOT_SPEAKER_TAGS for w in words):
        return False
    if all(t.text.isupper() for t in tag):
        return len("".join(words)) >= 2
    return any(t.ent_type_ == "PERSON" for t in tag) and not any(t.ent_type_ in NOT_LABEL_ENTS for t in tag)


def _stage_direction(quoted: str) -> bool:
    """``(CROSSTALK.)``, ``[APPLAUSE]``: a transcript's note on the room, said by no one."""
    return bool(re.fullmatch(r"\W*[(\[][^)\]]*[)\]]\W*", quoted))


# -- labels before the quote --------------------------------------------------------------------

def _colon_before(qi: int, lay: Layout) -> int | None:
    """The index of a colon outside quotes right before quote ``qi`` (same line), else None."""
    doc = lay.doc
    i = lay.tokens[qi][0] - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    return i if i > 0 and doc[i].text == ":" and lay.outside(doc[i]) else None


def _colon_label(qi: int, lay: Layout) -> SpacySpan | None:
    """``Clinton: "…"`` or ``- Jeffrey M. Jones: "…"`` opening a line or a sentence (transcripts,
    debate and poll digests): the name before the colon."""
    doc = lay.doc
    i = _colon_before(qi, lay)
    if i is None or lay.para(doc[i].idx) != lay.para(lay.spans[qi].open_start):
        return None
    start = _before_parenthesis(i, lay)
    while start > 0 and i - start < 12 and (_name_token(doc[start - 1], lay) or (
            doc[start - 1].lower_ == "and" and start < i and start > 1 and _name_token(doc[start - 2], lay))):
        start -= 1  # "- Mark Blumenthal and Jon Cohen:"
    before = doc[start - 1] if start > 0 else None
    if start < i and (before is None or "\n" in before.text
                      or (before.text in DASHES and before.whitespace_)
                      or (not lay.outside(before) and before.is_punct)
                      or (before.text in (".", "!", "?") and before.whitespace_)):
        return doc[start:i]
    return None


def _before_parenthesis(i: int, lay: Layout) -> int:
    """Where a party tag closing a name ends the walk back: ``Rep. Trey Gowdy (R-S.C.):``."""
    doc = lay.doc
    if i == 0 or not doc[i - 1].text.endswith(")"):
        return i
    for j in range(i - 1, max(-1, i - 7), -1):
        if doc[j].text == "(" and lay.outside(doc[j]):
            return j
    return i


def _from_label(qi: int, lay: Layout) -> SpacySpan | None:
    """``From the report: '…'``, ``More from Jones: '…'``: the source the colon quotes from, opening a
    line, a dashed item or a sentence (``… are created equal. From the report: '…'``)."""
    doc = lay.doc
    i = _colon_before(qi, lay)
    if i is None:
        return None
    frm = next((t for t in doc[max(0, i - 12):i]
                if t.lower_ == "from" and t.dep_ == "prep" and lay.outside(t)), None)
    objs = [c for c in frm.children if c.dep_ == "pobj"] if frm is not None else []
    if objs and objs[0].right_edge.i == i - 1 and all(lay.outside(t) for t in doc[frm.i:i]) and \
            (_opens_sentence(frm)
             or (frm.i >= 2 and doc[frm.i - 1].lower_ == "more" and ("\n" in doc[frm.i - 2].text
                                                                   or doc[frm.i - 2].text in DASHES))):
        return doc[objs[0].left_edge.i:i]
    return None


def _opens_sentence(t: Token) -> bool:
    """Does ``t`` open a line, a dashed item or a sentence (the word a label starts with)?"""
    return t.i == 0 or "\n" in t.nbor(-1).text or t.nbor(-1).text in DASHES + (".", "!", "?")


def _here_label(qi: int, lay: Layout) -> SpacySpan | None:
    """``Here's Clinton in December 1992: '…'``, ``Here is Colin Powell on the war: '…'``: the
    writer presents the person about to be quoted, in a sentence opening with *Here's*."""
    doc = lay.doc
    i = _colon_before(qi, lay)
    if i is None or i < 3:
        return None
    here = next((t for t in doc[max(0, i - 14):i] if t.lower_ == "here" and lay.outside(t)), None)
    if here is None or here.i + 2 >= i or doc[here.i + 1].lower_ not in ("'s", "’s", "is") \
            or not _opens_sentence(here):
        return None
    start = here.i + 2
    end = start
    while end < i and doc[end].pos_ in ("PROPN", "ADJ", "DET", "ADP") and lay.outside(doc[end]) \
            and not (doc[end].pos_ == "ADP" and doc[end].lower_ != "of"):
        end += 1  # "former Secretary of State Colin Powell", up to "in December" or "on the war"
    while end > start and doc[end - 1].pos_ != "PROPN":
        end -= 1
    if end == start or doc[end - 1].ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None
    return doc[start:end]


#: Nouns the writer uses to point back at the quote just given ("That quote from X …").
_QUOTE_NOUNS = frozenset(["quote", "quotation", "line", "remark", "comment", "words", "quip"])


def _quote_from(qi: int, lay: Layout) -> SpacySpan | None:
    """``'…' That quote from Alabama Securities Commissioner Thomas Krebs appeared …``: the sentence
    right after the quote points back at it and names its source."""
    doc = lay.doc
    i = lay.tokens[qi][-1] + 1
    while i < len(doc) and (lay.in_quote[i] == qi or doc[i].text in FAMILY
                            or doc[i].is_space and "\n" not in doc[i].text):
        i += 1
    if i + 3 >= len(doc) or doc[i].lower_ not in ("that", "this", "the") or doc[i + 1].lower_ not in _QUOTE_NOUNS \
            or doc[i + 2].lower_ != "from":
        return None
    objs = [c for c in doc[i + 2].children if c.dep_ == "pobj"]
    if not objs or objs[0].ent_type_ not in ("PERSON", "ORG") or not lay.outside(objs[0]):
        return None
    return doc[objs[0].left_edge.i:objs[0].i + 1]


def _follows_label(qi: int, lay: Layout) -> SpacySpan | None:
    """``Partial transcript as follows:`` on the line before: the document the quote is read from."""
    doc = lay.doc
    colon = token_before(qi, lay)
    if colon < 3 or doc[colon].text != ":" or not lay.outside(doc[colon]) or \
            doc[colon - 1].lower_ != "follows" or doc[colon - 2].lower_ != "as":
        return None
    end = colon - 2
    start = end
    while start > 0 and "\n" not in doc[start - 1].text and end - start < 5 and \
            doc[start - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PART") and lay.outside(doc[start - 1]):
        start -= 1
    opens_line = start == 0 or "\n" in doc[start - 1].text
    return doc[start:end] if opens_line and start < end and doc[end - 1].pos_ in ("NOUN", "PROPN") else None


# -- credits after the quote --------------------------------------------------------------------

def _credit_line_end(qi: int, lay: Layout) -> SpacySpan | None:
    """``“…” ― Sonya Herridge`` closing a line that opens with a quote, as vox pops, digests and
    epigraphs credit a quote: every quote on the line is the credited person's, also when the
    detector lost a mark on the way (``“… what he calls “hell” than live … president.” ― Name``).

    The dash must follow a closing mark, the name must end the line, and no reporting verb may
    stand outside the marks on the line: ``“…,” the mayor said of the “disaster.”--John Bacon.``
    is a wire story's byline."""
    q, text, doc = lay.spans[qi], lay.text, lay.doc
    if "\n" in text[q.open_start:q.close_end]:
        return None
    start = text.rfind("\n", 0, q.open_start) + 1
    end = text.find("\n", q.close_end)
    end = len(text) if end < 0 else end
    if text[start:end].lstrip()[:1] not in QUOTE_MARKS:
        return None
    credit = None
    for m in _CREDIT_DASH.finditer(text, max(start, q.close_end - 1), end):
        credit = _credit_name(m.end(), end, lay)
        if credit is not None:
            break
    if credit is None:
        return None
    line = doc.char_span(start, credit.start_char, alignment_mode="expand")
    if line is None or any(lay.outside(t) and t.pos_ == "VERB" and is_cue(t, strict=True) for t in line):
        return None
    return credit


def _credit_name(start: int, end: int, lay: Layout) -> SpacySpan | None:
    """The name filling the characters ``start:end`` (a full stop after it allowed), or None.
    A dash glued to the name (``” -President Obama``) is left out of it."""
    text = lay.text[start:end].rstrip()
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        text = text[:-1]
    span = lay.doc.char_span(start, start + len(text), alignment_mode="expand")
    if span is None or not 0 < len(span) <= 5 or not all(_name_token(t, lay) for t in span):
        return None
    if span.start_char == start:
        return span
    inner = lay.doc.char_span(start, start + len(text), alignment_mode="contract")
    glued = span[0].text[:1] in DASHES
    return (inner if inner is not None and len(inner) else span) if glued else None


def _credit_below(qi: int, lay: Layout) -> SpacySpan | None:
    """``- Bernie Sanders.`` on the line under a quote that is a paragraph of its own (fact checks)."""
    doc, q, text, toks = lay.doc, lay.spans[qi], lay.text, lay.tokens[qi]
    if lay.para(q.open_start) != lay.para(q.close_end - 1) or not lay.opens_paragraph(q.open_start):
        return None
    j = toks[-1] + 1
    while j < len(doc) and (doc[j].is_space or (doc[j].is_punct and not lay.outside(doc[j]))):
        j += 1
    if j >= len(doc) or lay.para(doc[j].idx) != lay.para(q.close_end - 1) + 1:
        return None
    first = doc[j]
    glued = False  # "-President Obama": the dash is glued to the first word
    if text[q.close_end:first.idx].strip() in DASHES:
        pass  # the dash is glued to the closing mark: '”\n―Pamela Padilla'
    elif first.text in DASHES:
        j += 1
        while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
            j += 1  # '―\xa0Jorge Falcon'
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
    if glued:
        inner = doc.char_span(first.idx + 1, doc[end - 1].idx + len(doc[end - 1]), alignment_mode="contract")
        return inner if inner is not None and len(inner) else doc[j:end]
    return doc[j:end]


def _signature_line(qi: int, lay: Layout) -> SpacySpan | None:
    """``"I worry that … tax cuts.\\nDean Baker, Center for Economic and Policy Research."``: a line
    holding only a name, a comma and an organisation closes the quoted block and signs it, as
    round-ups of expert comment do. The line is the quote's last, or the one after a quote left
    open at the end of its line whose closing mark ends the signature."""
    q, text = lay.spans[qi], lay.text
    last_break = text.rfind("\n", q.open_start, q.close_end)
    if last_break >= 0:
        line_start, line_end = last_break + 1, q.close_end
        body = text[q.open_start:last_break].rstrip()
    else:
        if text[q.close_end - 1] in CLOSING_MARKS or text[q.close_end:q.close_end + 1] != "\n":
            return None
        line_start = q.close_end + 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:line_end].rstrip()[-1:] not in CLOSING_MARKS:
            return None
        body = text[q.open_start:q.close_end].rstrip()
    m = _SIGNATURE.fullmatch(text, line_start, line_end)
    if m is None or body[-1:] not in ".!?":
        return None
    name = lay.doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    if name is None or any(t.ent_type_ in NOT_LABEL_ENTS or not t.text[:1].isupper() for t in name):
        return None
    return name if any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name) else None
