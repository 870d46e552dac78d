"""Stage 3, attribute: the cue and the speaker mention of each quotation.

A precision-ordered sieve in the manner of Muzny et al. (2017): each quotation
goes through the sieves in turn and the first that answers wins.

1. ``syntax``: a reporting verb outside the quote governs words inside it in
   the dependency parse (``'…,' he said``; ``X said that '…'``; a partial
   quote that is the object of ``described as``).
2. ``according``: ``according to X`` / ``in the words of X`` in the sentence.
3. ``adjacent``: a reporting verb next to the marks in the same paragraph
   (catches parses that split ``'…,' Darmanin voiced`` into two sentences).
4. ``colon``: the quote opens a paragraph and the one before ends ``X said:``.
5. ``inside``: the quoted words are themselves the verb (``Darmanin 'sincerely
   thanked' Morocco``): the subject outside the marks speaks.
6. ``continues``: no cue of its own; the quote runs on from the previous
   speaker's quote in the same or the previous paragraph.

The mention is the noun phrase naming the speaker at that place (a name,
a pronoun or a description); resolving it to an entity is :mod:`quotes.coref`.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from .cues import PHRASAL_CUES, SOURCE_PREPOSITIONS, SPEECH_FORMS, SPEECH_NOUNS, SPEECH_VERBS, WEAK_VERBS
from .records import QuoteSpan

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("xcomp", "advcl", "conj", "pcomp", "prep", "pobj")
NOT_A_SPEAKER = frozenset(["this", "that", "which", "what", "there", "who", "whom", "you", "one"])
NOT_SPEAKER_ENTS = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"])
SPEAKER_ENTS = frozenset(["PERSON", "ORG", "NORP", "GPE", "FAC"])
ARGUMENT_DEPS = frozenset(["ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "advcl", "conj", "parataxis",
                           "pcomp", "dep", "appos", "ROOT"])
SENTENCE_REACH = 80  # tokens either side of a quote that count as its sentence
WINDOW = 30  # tokens looked at on either side of the marks by the adjacency sieve


@dataclass(slots=True)
class Attribution:
    """The attribution of one quote span; ``sieve`` names the rule that found it."""

    span: QuoteSpan
    kind: str = "direct"
    cue: SpacySpan | None = None
    mention: SpacySpan | None = None
    sentence: SpacySpan | None = None
    venue: str | None = None
    sieve: str | None = None
    continues: int | None = None
    paragraph: int = 0


class Layout:
    """Per-document lookups: which quote each token lies in, and paragraph numbers."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan]):
        self.doc = doc
        self.spans = spans
        self.in_quote = [-1] * len(doc)
        self.tokens: list[list[int]] = [[] for _ in spans]
        j = 0
        for t in doc:
            while j < len(spans) and spans[j].close_end <= t.idx:
                j += 1
            if j < len(spans) and spans[j].open_start <= t.idx < spans[j].close_end:
                self.in_quote[t.i] = j
                self.tokens[j].append(t.i)
        self.text = text = doc.text  # Doc.text joins every token: read it once
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.para_starts = [s for k, s in enumerate(starts)
                            if text[s:(starts[k + 1] if k + 1 < len(starts) else len(text))].strip()]

    def para(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def outside(self, t: Token) -> bool:
        return self.in_quote[t.i] == -1


def near_sentence(doc: Doc, i: int) -> SpacySpan:
    """The sentence of token ``i``, clipped to SENTENCE_REACH tokens either side.

    spaCy's ``Token.sent`` walks the whole sentence; in a text that is one endless
    sentence (a list of slogans, mark soup) doing that for every quote is quadratic.
    """
    start = i
    while start > 0 and i - start < SENTENCE_REACH and not doc[start].is_sent_start:
        start -= 1
    end = i + 1
    while end < len(doc) and end - i < SENTENCE_REACH and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def is_cue(t: Token, strict: bool = False) -> bool:
    """A reporting verb (or a noun naming a statement, when not ``strict``)."""
    lemma = t.lemma_.lower()
    if t.pos_ in ("VERB", "AUX") and lemma in SPEECH_VERBS:
        return not strict or lemma not in WEAK_VERBS
    if t.pos_ == "VERB" and any((c.dep_ == "prt" and (lemma, c.lower_) in PHRASAL_CUES)
                                or (c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS) for c in t.children):
        return True  # "went on", "pointed out"; "issued a statement", "posted a message"
    return not strict and t.pos_ == "NOUN" and t.lemma_.lower() in SPEECH_NOUNS


def subject_of(v: Token, lay: Layout, depth: int = 0) -> Token | None:
    """Who does the verb: its subject, or the subject of the clause it hangs from (same paragraph)."""
    subj = _subject(v, lay, depth)
    return subj if subj is not None and lay.para(subj.idx) == lay.para(v.idx) else None


def _subject(v: Token, lay: Layout, depth: int) -> Token | None:
    for c in v.children:
        if c.dep_ in SUBJECT_DEPS and lay.outside(c):
            if c.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                return v.head
            if c.lower_ not in NOT_A_SPEAKER and not _is_time(c):
                return c
    if v.pos_ == "NOUN":  # "his statement", "the ministry's statement"
        for c in v.children:
            if c.dep_ == "poss" and lay.outside(c):
                return c
    agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agent and lay.outside(agent[0]):
        return agent[0]
    if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
        return v.head
    if depth < 3 and v.dep_ in CLIMB_DEPS and v.head.i != v.i:
        return _subject(v.head, lay, depth + 1)
    return None


def mention_span(t: Token, lay: Layout, cue: Token | None = None) -> SpacySpan:
    """The whole noun phrase headed by ``t`` (appositives included), kept outside quotes and the cue."""
    doc = t.doc
    if t.pos_ == "PRON":
        return doc[t.i:t.i + 1]
    para = lay.para(t.idx)
    start = t.i
    for i in range(t.i - 1, t.left_edge.i - 1, -1):
        tok = doc[i]
        if not lay.outside(tok) or lay.para(tok.idx) != para or (cue is not None and tok.i == cue.i):
            break
        start = i
    end = t.i + 1
    for i in range(t.i + 1, t.right_edge.i + 1):
        tok = doc[i]
        if not lay.outside(tok) or lay.para(tok.idx) != para or (cue is not None and tok.i == cue.i):
            break
        end = i + 1
    while start < t.i and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    while end > t.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def governing_cue(qi: int, lay: Layout) -> tuple[Token | None, bool]:
    """Sieve 1: a reporting verb outside the marks that the quote's words depend on.

    The walk goes up the heads to the root of the sentence, within the paragraph:
    the outermost strong cue wins (``Cox says the NRA won't allow '…'`` is Cox's),
    else the nearest weak one. The flag says whether the quote is an *argument* of
    the cue (what was said), rather than hanging from it by a preposition
    (``said on 'Meet the Press'``): only an argument makes a title a partial quote.
    """
    doc = lay.doc
    strong: tuple[Token, bool] | None = None
    weak: tuple[Token, bool] | None = None
    seen: set[int] = set()
    for i in lay.tokens[qi]:
        h = doc[i].head
        if lay.in_quote[h.i] == qi:
            continue
        para = lay.para(doc[i].idx)
        argument = _is_argument(doc[i])
        while h.i not in seen and lay.in_quote[h.i] in (-1, qi) and lay.para(h.idx) == para:
            seen.add(h.i)
            if lay.outside(h) and is_cue(h):
                if is_cue(h, strict=True):
                    if strong is None or _depth(h) < _depth(strong[0]):
                        strong = (h, argument)
                elif weak is None:
                    weak = (h, argument)
            if h.head.i == h.i:
                break
            argument = argument and _is_argument(h)
            h = h.head
    found = strong or weak
    return (found[0], found[1]) if found else (None, False)


def _is_argument(t: Token) -> bool:
    """Does ``t`` carry content to its head (a clause or object), not a place, time or name?"""
    if t.dep_ in ARGUMENT_DEPS:
        return True
    if t.dep_ in ("prep", "agent"):
        return t.lower_ in ("as", "that", "like")
    if t.dep_ == "pobj":
        return t.head.lower_ in ("as", "like")
    return False


def _depth(t: Token) -> int:
    n = 0
    while t.head.i != t.i and n < 60:
        t, n = t.head, n + 1
    return n


def according_to(qi: int, lay: Layout) -> Token | None:
    """Sieve 2: ``according to X`` in the quote's sentence; returns X."""
    doc = lay.doc
    toks = lay.tokens[qi]
    if not toks:
        return None
    sents = {near_sentence(doc, toks[0]), near_sentence(doc, toks[-1])}
    for sent in sents:
        for t in sent:
            if not lay.outside(t):
                continue
            for phrase in SOURCE_PREPOSITIONS:
                n = len(phrase)
                if t.lower_ == phrase[0] and t.i + n <= len(doc) and \
                        tuple(x.lower_ for x in doc[t.i:t.i + n]) == phrase:
                    objs = [c for c in doc[t.i + n - 1].children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
                    if t.i + n < len(doc) and doc[t.i + n].pos_ in ("PROPN", "NOUN", "PRON"):
                        return doc[t.i + n]
    return None


def adjacent_cue(qi: int, lay: Layout) -> Token | None:
    """Sieve 3: a reporting verb beside the marks, in the same paragraph, no other quote between.

    Right of a quote that closes a clause (``'…,' he said``, ``'…?' asked Smith``), or left
    of one with nothing but a few function words between (``He said on Monday that '…'``).
    """
    doc, q = lay.doc, lay.spans[qi]
    toks = lay.tokens[qi]
    if not toks:
        return None
    para = lay.para(q.open_start)
    after = lay.text[q.close_end:q.close_end + 2].lstrip(" ")
    if q.text.rstrip()[-1:] in ",.?!…—-" or after[:1] in (",", "—"):
        for i in range(toks[-1] + 1, min(len(doc), toks[-1] + 1 + WINDOW)):
            t = doc[i]
            if not lay.outside(t) or lay.para(t.idx) != para or t.text in (".", "!", "?", ";"):
                break
            near = i - toks[-1] <= 4
            if is_cue(t, strict=not near) or (i - toks[-1] <= 10 and _mistagged_cue(t)):
                return t
    for i in range(toks[0] - 1, max(-1, toks[0] - 1 - WINDOW // 2), -1):
        t = doc[i]
        if not lay.outside(t) or lay.para(t.idx) != para or t.text in (".", "!", "?", ";"):
            break
        if is_cue(t, strict=True):
            return t
        if t.pos_ == "VERB":
            break
    return None


def colon_intro(qi: int, lay: Layout) -> Token | None:
    """Sieve 4: the quote opens a paragraph and the paragraph before ends with ``X said:``."""
    doc, q = lay.doc, lay.spans[qi]
    toks = lay.tokens[qi]
    if not toks:
        return None
    before = toks[0] - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before < 0 or doc[before].text != ":" or not lay.outside(doc[before]):
        return None
    sent = near_sentence(doc, before)
    cues = [t for t in sent if t.i < before and lay.outside(t) and is_cue(t, strict=True)]
    if cues:
        return min(cues, key=_depth)
    root = sent.root
    return root if root.pos_ in ("VERB", "AUX") and lay.outside(root) else None


def quoted_verb(qi: int, lay: Layout) -> tuple[Token, Token] | None:
    """Sieve 5: the quote holds the clause's verb and its subject stands outside the marks."""
    doc = lay.doc
    toks = lay.tokens[qi]
    for i in toks[:4]:
        t = doc[i]
        if t.pos_ == "VERB" and t.dep_ in ("ROOT", "conj", "ccomp", "relcl"):
            subj = subject_of(t, lay)
            if subj is not None and lay.outside(subj):
                return t, subj
            before = toks[0] - 1
            if before >= 0 and doc[before].pos_ == "PROPN" and doc[before].is_title:
                return t, doc[before]
    return None


def is_partial(q: QuoteSpan, text: str) -> bool:
    """Does the quote sit inside a sentence of the writer's (``proclaimed the deal 'a sign'``)?"""
    i = q.open_start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n.!?:;":
        return False
    inner = q.text.lstrip(" '\"‘“«„")
    return bool(inner) and (inner[0].islower() or text[i].isalnum())


def attribute(doc: Doc, spans: list[QuoteSpan]) -> list[Attribution]:
    """The attribution of every span, in order; groups of one multi-paragraph quote share one."""
    lay = Layout(doc, spans)
    out = [Attribution(span=q, kind=q.kind) for q in spans]
    for qi, a in enumerate(out):
        if a.kind == "heading":
            continue
        _sieve(qi, a, lay)
    _share_groups(out, spans)
    _continue(out, lay)
    for a in out:
        _finish(a, lay)
        a.paragraph = lay.para(a.span.open_start)
    return out


def _sieve(qi: int, a: Attribution, lay: Layout) -> None:
    quotable = a.kind in ("direct", "partial")
    cue, argument = governing_cue(qi, lay)
    if cue is not None and (quotable or (argument and cue.pos_ == "VERB")):
        subj = subject_of(cue, lay) or (_nearby_name(cue, lay) or _between(qi, cue, lay) if quotable else None)
        if subj is not None:
            return _set(a, "syntax", cue, subj, lay)
    if not quotable:
        hit = quoted_verb(qi, lay)
        if hit is not None:
            return _set(a, "inside", hit[0], hit[1], lay)
        return
    src = according_to(qi, lay)
    if src is not None:
        return _set(a, "according", None, src, lay)
    embedded = is_partial(a.span, lay.text)
    if embedded and _embedded(qi, a, lay):
        return
    for sieve, find in (("adjacent", adjacent_cue), ("colon", colon_intro)):
        cue = find(qi, lay)
        if cue is not None:
            subj = subject_of(cue, lay) or _nearby_name(cue, lay) or _between(qi, cue, lay)
            if subj is not None:
                return _set(a, sieve, cue, subj, lay)
    hit = quoted_verb(qi, lay)
    if hit is not None:
        _set(a, "inside", hit[0], hit[1], lay)


def _embedded(qi: int, a: Attribution, lay: Layout) -> bool:
    """A quote inside the writer's sentence: a reporting verb elsewhere in the sentence
    (``Biden, Rubio said, had passed 'hundreds of bills'``), else the sentence's subject."""
    cue = sentence_cue(qi, lay)
    subj = subject_of(cue, lay) if cue is not None else None
    if subj is not None:
        _set(a, "sentence", cue, subj, lay)
        return True
    root = clause_root(qi, lay)
    subj = subject_of(root, lay) if root is not None else None
    if subj is None:
        return False
    _set(a, "embedded", None, subj, lay)
    return True


def sentence_cue(qi: int, lay: Layout) -> Token | None:
    """The strong cue nearest the quote in its sentence, outside every quote, same paragraph."""
    doc = lay.doc
    toks = lay.tokens[qi]
    if not toks:
        return None
    para = lay.para(doc[toks[0]].idx)
    sent = near_sentence(doc, toks[0])
    cues = [t for t in sent if lay.outside(t) and lay.para(t.idx) == para and is_cue(t, strict=True)]
    return min(cues, key=lambda t: min(abs(t.i - toks[0]), abs(t.i - toks[-1])), default=None)


def clause_root(qi: int, lay: Layout) -> Token | None:
    """The first verb above the quote, in the parse, that has a subject of its own
    (``he wanted to 'go an extra step'`` -> wanted), else the sentence's root verb."""
    doc = lay.doc
    toks = lay.tokens[qi]
    if not toks:
        return None
    para = lay.para(doc[toks[0]].idx)
    h = doc[toks[0]]
    for _ in range(60):
        if h.head.i == h.i or lay.para(h.head.idx) != para or lay.in_quote[h.head.i] not in (-1, qi):
            break
        h = h.head
        if lay.outside(h) and h.pos_ in ("VERB", "AUX") and subject_of(h, lay) is not None:
            return h
    return h if lay.outside(h) and h.pos_ in ("VERB", "AUX") else None


def _set(a: Attribution, sieve: str, cue: Token | None, subj: Token | SpacySpan, lay: Layout) -> None:
    doc = lay.doc
    a.sieve = sieve
    a.cue = doc[cue.i:cue.i + 1] if cue is not None else None
    a.mention = subj if isinstance(subj, SpacySpan) else mention_span(subj, lay, cue)


def _between(qi: int, cue: Token, lay: Layout) -> SpacySpan | None:
    """The words between a closing mark and its cue, when the parse names no subject:
    in ``'…,' Darmanin voiced`` they are the speaker, whatever tags the tagger gave them."""
    doc = lay.doc
    toks = lay.tokens[qi]
    start, end = toks[-1] + 1, cue.i
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if not 0 < end - start <= 8 or any(not lay.outside(t) or t.pos_ == "VERB" or (t.is_punct and t.text != "-")
                                       for t in doc[start:end]):
        return None
    return doc[start:end] if doc[start].is_title or doc[start].pos_ in ("PRON", "PROPN", "DET") else None


def _nearby_name(cue: Token, lay: Layout) -> Token | None:
    """When the parse gives the cue no subject: the first name or pronoun of the cue's clause
    outside quotes, else a noun phrase right after the cue (``said the 46-year-old``)."""
    doc = lay.doc
    para = lay.para(cue.idx)
    start = cue.i
    while start > 0 and start > cue.i - WINDOW:
        t = doc[start - 1]
        if not lay.outside(t) or lay.para(t.idx) != para or t.text in (".", "!", "?", ";", ":"):
            break
        start -= 1
    for i in range(start, cue.i):
        if _speakerish(doc[i]):
            return doc[i]
    if cue.lemma_.lower() in ("tell", "ask", "urge", "inform", "assure", "thank"):
        return None  # their object is the one spoken to
    after = [c for c in cue.rights if c.dep_ in ("dobj", "attr", "npadvmod", "dep", "nsubj", "appos")
             and c.pos_ in ("NOUN", "PROPN", "ADJ") and lay.outside(c) and not _is_time(c)]
    if after and after[0].left_edge.i <= cue.i + 3 and lay.para(after[0].idx) == para:
        return after[0]
    nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if nxt is not None and lay.outside(nxt) and nxt.is_title and not nxt.is_stop and lay.para(nxt.idx) == para:
        return nxt  # "said Skelly" with Skelly tagged as an adverb
    return None


def _mistagged_cue(t: Token) -> bool:
    """A speech verb the tagger took for a noun or an adverb: ``'…,' the Saudis state in …``."""
    if t.pos_ in ("VERB", "AUX") or t.is_title or t.lower_ not in SPEECH_FORMS or t.dep_ == "compound":
        return False
    prev = t.nbor(-1) if t.i > 0 else None
    if prev is None or prev.pos_ in ("DET", "ADJ", "NUM") or prev.is_punct:
        return False  # a verb does not follow "a", "new" or a closing mark directly
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return nxt is None or (nxt.is_punct and nxt.text not in "-–—'’") or nxt.is_space or nxt.pos_ in ("ADP", "ADV")


def _is_time(t: Token) -> bool:
    """``Tuesday``, ``last year``, ``10,000``: not a speaker (but ``the 46-year-old`` is)."""
    return t.ent_type_ in NOT_SPEAKER_ENTS and t.pos_ != "ADJ"


def _speakerish(t: Token) -> bool:
    if t.pos_ == "PRON":
        return t.dep_ in SUBJECT_DEPS and t.lower_ not in NOT_A_SPEAKER
    return t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "NORP") and t.dep_ != "compound"


def _share_groups(out: list[Attribution], spans: list[QuoteSpan]) -> None:
    """Every piece of a multi-paragraph quote takes the attribution one of its pieces found."""
    groups: dict[int, list[Attribution]] = {}
    for a in out:
        if a.span.group is not None:
            groups.setdefault(a.span.group, []).append(a)
    for pieces in groups.values():
        found = next((p for p in pieces if p.mention is not None), None)
        if found is None:
            continue
        for p in pieces:
            if p.mention is None:
                p.mention, p.cue, p.sieve = found.mention, found.cue, "group"


def _continue(out: list[Attribution], lay: Layout) -> None:
    """Sieve 6: a cue-less quote continues the previous speaker's quote nearby."""
    last: int | None = None
    for i, a in enumerate(out):
        if a.kind not in ("direct", "partial"):
            continue
        if a.mention is None and last is not None and \
                lay.para(a.span.open_start) - lay.para(out[last].span.close_end) <= 1:
            a.mention, a.sieve = out[last].mention, "continues"
            a.continues = last
        if a.mention is not None:
            last = i


def _finish(a: Attribution, lay: Layout) -> None:
    """The sentence for context and the final kind."""
    doc = lay.doc
    anchor = a.cue if a.cue is not None and a.sieve != "continues" else None
    if anchor is not None:
        a.sentence = near_sentence(doc, anchor.start if isinstance(anchor, SpacySpan) else anchor.i)
    else:
        span = doc.char_span(a.span.start, a.span.end, alignment_mode="expand")
        a.sentence = near_sentence(doc, span.start) if span is not None and len(span) else None
    if a.kind in ("title", "scare") and a.mention is not None:
        a.kind = "partial"
    elif a.kind == "direct" and is_partial(a.span, lay.text):
        # words in marks inside the writer's sentence: quoted from someone, or only set apart
        a.kind = "partial" if a.mention is not None else "scare"
    if a.kind not in ("direct", "partial"):
        a.mention = a.cue = None
