"""Stage 3, attribute: the cue and the speaker mention of each quotation.

A precision-ordered sieve in the manner of Muzny et al. (2017): each quotation
goes through the sieves in turn and the first that answers wins.

0. ``label``: the quote is labelled with its source, as transcripts, digests
   and fact checks do (``Clinton: '…'``, ``- Jeffrey M. Jones: '…'``,
   ``From the report: '…'``, a line ``- Bernie Sanders.`` under the quote).
1. ``syntax``: a reporting verb outside the quote governs words inside it in
   the dependency parse (``'…,' he said``; ``X said that '…'``; a partial
   quote that is the object of ``described as``). A reporting verb right after
   a quote that closes its clause is preferred to one of an earlier sentence;
   one in a clause the verbs above do not report (``…, and she said '…'``)
   stops the walk; a subject that is no one speaking gives way to ``according``.
2. ``according``: ``according to X`` / ``in the words of X`` in the sentence.
3. ``adjacent``: a reporting verb next to the marks in the same paragraph
   (catches parses that split ``'…,' Darmanin voiced`` into two sentences).
4. ``colon``: the quote follows ``X said:`` (or ``X went further:``).
5. ``inside``: the quoted words are themselves the verb (``Darmanin 'sincerely
   thanked' Morocco``): the subject outside the marks speaks.
6. ``introduced``: no cue of its own, right after a sentence in which someone
   speaks (``Jones said he disagreed. '…'``): that someone.
7. ``continues``: no cue of its own; the quote runs on from the previous
   speaker's quote in the same or the previous paragraph.

Between them: ``sentence`` (a cue elsewhere in the sentence of an embedded
quote) and ``embedded`` (the subject above a quote inside the writer's sentence).
What the sieves read off the parse is :mod:`quotes.syntax`.

The mention is the noun phrase naming the speaker at that place (a name,
a pronoun or a description); resolving it to an entity is :mod:`quotes.coref`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from .cues import SOURCE_PREPOSITIONS, STATEMENT_NOUNS
from .records import QuoteSpan
from .lemmas import lemma
from .syntax import (NOT_A_SPEAKER, NOT_SPEAKER_ENTS, SPEAKER_ENTS, WINDOW, Layout, between_marks_and_cue, depth,
                     is_argument, is_cue, mention_span, mistagged_cue, near_sentence, nearby_name, subject_of)


NOT_LABEL_ENTS = NOT_SPEAKER_ENTS | {"GPE", "LOC"}
#: Common nouns that name people or bodies of people, who speak (lemmas).
PERSON_NOUNS = frozenset("""
official spokesman spokeswoman spokesperson aide adviser advisor source lawmaker senator governor president
minister secretary judge lawyer attorney witness candidate voter supporter critic analyst expert economist
professor scientist researcher author writer reporter editor columnist host anchor moderator chairman chairwoman
chair director leader member representative delegate activist organizer strategist pollster campaign committee
agency department ministry government administration company firm group organization party union council court
police officer prosecutor investigator doctor resident worker employee executive manager founder owner
woman man people person father mother wife husband son daughter friend neighbor voice narrator
pope bishop priest pastor rabbi imam king queen prince princess lady mayor sheriff chief commander general admiral
soldier veteran student teacher coach player fan protester demonstrator crowd audience
""".split())
SUBORDINATORS = frozenset(["when", "while", "though", "although", "because", "after", "before", "if", "since", "until"])


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


def governing_cue(qi: int, lay: Layout) -> tuple[Token | None, bool]:
    """Sieve 1: a reporting verb outside the marks that the quote's words depend on.

    The walk goes up the heads to the root of the sentence, within the paragraph:
    the outermost strong cue wins (``Cox says the NRA won't allow '…'`` is Cox's),
    else the nearest weak one; but a strong cue with its own subject in a clause that
    is not reported by the verbs above it (coordinated, adverbial, relative) stops the
    walk. The flag says whether the quote is an *argument* of
    the cue (what was said), rather than hanging from it by a preposition
    (``said on 'Meet the Press'``): only an argument makes a title a partial quote.
    """
    doc = lay.doc
    strong: tuple[Token, bool] | None = None
    weak: tuple[Token, bool] | None = None
    own: tuple[Token, bool] | None = None
    seen: set[int] = set()
    for i in lay.tokens[qi]:
        h = doc[i].head
        if lay.in_quote[h.i] == qi:
            continue
        para = lay.para(doc[i].idx)
        argument = is_argument(doc[i])
        below = doc[i]  # the child through which the walk reached h
        while h.i not in seen and lay.para(h.idx) == para:
            seen.add(h.i)
            if lay.outside(h) and is_cue(h):
                if is_cue(h, strict=True):
                    if strong is None or depth(h) < depth(strong[0]):
                        strong = (h, argument)
                elif weak is None or (weak[0].pos_ == "NOUN" and h.pos_ == "VERB"):
                    # "Fitton called Clinton's assertion 'disturbing'": the verb over its object noun
                    weak = (h, argument)
                if (argument or is_argument(below)) and h.dep_ in CLAUSE_EDGES and is_cue(h, strict=True) \
                        and _own_subject(h, lay):
                    # a clause of its own ("…, and he pledged a 'political revolution'", "which he called
                    # 'a cartel'", "after Sanders said he was 'encouraged'"): the verbs above do not report it
                    own = own or (h, argument)
                    break
            if h.head.i == h.i:
                break
            argument = argument and is_argument(h)
            below, h = h, h.head
    found = own or strong or weak
    return (found[0], found[1]) if found else (None, False)


#: Edges by which a clause hangs from another without being what the other reports.
CLAUSE_EDGES = frozenset(["conj", "advcl", "relcl", "parataxis"])


def _own_subject(v: Token, lay: Layout) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and lay.outside(c)
               and c.lower_ not in NOT_A_SPEAKER and c.lower_ not in ("it", "who") for c in v.children)


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
    # the clause ends at the last word's punctuation, also inside a closing nested quote ('… the 'Title Sponsor,' ')
    ended = q.text.rstrip(" '’‘\"”“")[-1:] == "."
    if q.text.rstrip(" '’‘\"”“")[-1:] in ",.?!…—-" or after[:1] in (",", "—"):
        for i in range(toks[-1] + 1, min(len(doc), toks[-1] + 1 + WINDOW)):
            t = doc[i]
            if not lay.outside(t) or lay.para(t.idx) != para or t.text in (".", "!", "?", ";"):
                break
            near = i - toks[-1] <= 4
            if is_cue(t, strict=not near) or (i - toks[-1] <= 10 and mistagged_cue(t)):
                if ended and any(c.dep_ in ("ccomp", "dobj", "xcomp") and lay.outside(c) for c in t.children):
                    return None  # "'… enforcement.' She further announced that …": a sentence of its own
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


def cue_after(qi: int, lay: Layout) -> Token | None:
    """A reporting verb right after a quote that closes its clause: ``'…,' he said``, ``'…?' asked Smith``.

    English reporting puts the cue of a quote there; when the parse ties the quote to a cue
    of an earlier sentence instead (``He said X. '…,' he added.``), this one is the quote's.
    """
    doc, q = lay.doc, lay.spans[qi]
    toks = lay.tokens[qi]
    if not toks:
        return None
    after = lay.text[q.close_end:q.close_end + 2].lstrip(" ")
    if not (q.text.rstrip(" '’‘\"”“")[-1:] in ",?!" or after[:1] == ","):
        return None
    para = lay.para(q.open_start)
    for i in range(toks[-1] + 1, min(len(doc), toks[-1] + 5)):
        t = doc[i]
        if not lay.outside(t) or lay.para(t.idx) != para or t.text in (".", "!", "?", ";", ":") \
                or t.pos_ in ("CCONJ", "SCONJ") or t.lower_ in SUBORDINATORS:
            return None  # "'…,' but he said", "'…,' and I agree", "'…,' when asked": a clause of its own
        if i == toks[-1] + 1 and t.pos_ == "PRON" and t.is_title and q.text.rstrip(" '’‘\"”“")[-1:] in "?!":
            return None  # "'…!' She replied to him that …": a new sentence
        if is_cue(t, strict=True):
            # "'…,' adding, '…'" and "'…,' saying": a participle hangs from the clause before the quote
            return None if t.tag_ == "VBG" else t
        if t.pos_ in ("VERB", "AUX"):
            return None
    return None


def colon_intro(qi: int, lay: Layout) -> Token | None:
    """Sieve 4: the quote opens a paragraph and the paragraph before ends with ``X said:``."""
    doc = lay.doc
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
        return min(cues, key=depth)
    # "Trump went even further: '…'": the verb the colon closes, else the sentence's
    head = doc[before].head
    if head.i < before and head.pos_ in ("VERB", "AUX") and lay.outside(head) and subject_of(head, lay) is not None:
        return head
    if not lay.outside(head) or head.i > before:
        # the parse hangs the colon on the quote ("Sanders delivered a snappy retort: '…'"):
        # the last verb before the colon, in the same paragraph, with a subject of its own
        para = lay.para(doc[before].idx)
        for i in range(before - 1, max(-1, before - WINDOW), -1):
            t = doc[i]
            if not lay.outside(t) or lay.para(t.idx) != para or t.text in (".", "!", "?", ";"):
                break
            if t.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) \
                    and subject_of(t, lay) is not None:
                return t
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


def is_partial(q: QuoteSpan, text: str) -> bool:
    """Does the quote sit inside a sentence of the writer's (``proclaimed the deal 'a sign'``)?"""
    i = q.open_start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n.!?:;":
        return False
    inner = q.text.lstrip(" '\"‘“«„")
    return bool(inner) and (inner[0].islower() or text[i].isalnum())


def attribute(doc: Doc, spans: list[QuoteSpan], text: str | None = None) -> list[Attribution]:
    """The attribution of every span, in order; groups of one multi-paragraph quote share one.

    ``text`` is ``doc.text`` when the caller has it (rebuilding it from the tokens costs ~3 ms).
    """
    lay = Layout(doc, spans, text)
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
    if quotable:
        label = speaker_label(qi, lay)
        if label is not None:
            return _set(a, "label", None, label, lay)
    cue, argument = governing_cue(qi, lay)
    if quotable and (cue is None or cue.i < lay.tokens[qi][0]):
        near = cue_after(qi, lay)
        if near is not None:
            cue, argument = near, True
    if quotable and cue is not None and not is_cue(cue, strict=True) and lemma(cue) != "call":
        # a weak verb above the quote ("AT&T just finished laying fiber, she said, to 'make sure …'"):
        # a strong reporting verb with a subject in the same sentence reports it
        strong = sentence_cue(qi, lay)
        subj = subject_of(strong, lay) if strong is not None and strong.pos_ == "VERB" else None
        if subj is not None and subj.lower_ != "it":  # not "it's safe to say"
            cue, argument = strong, True
    if cue is not None and (quotable or (argument and cue.pos_ == "VERB")):
        subj = subject_of(cue, lay) or (nearby_name(cue, lay) or between_marks_and_cue(qi, cue, lay) if quotable else None)
        if subj is not None and quotable and not _speaks(cue, subj):
            # "the word ''birther'' was mentioned …, according to a review of transcripts"
            src = according_to(qi, lay)
            if src is not None:
                return _set(a, "according", None, src, lay)
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
            subj = subject_of(cue, lay) or nearby_name(cue, lay) or between_marks_and_cue(qi, cue, lay)
            if subj is not None:
                return _set(a, sieve, cue, subj, lay)
    hit = quoted_verb(qi, lay)
    if hit is not None:
        _set(a, "inside", hit[0], hit[1], lay)


def _speaks(cue: Token, subj: Token | SpacySpan) -> bool:
    """Is the subject someone saying something: a person, a group or a pronoun doing a verb of saying?"""
    head = subj.root if isinstance(subj, SpacySpan) else subj
    if not is_cue(cue, strict=True):
        return False
    return head.pos_ in ("PRON", "PROPN") or head.ent_type_ in SPEAKER_ENTS or lemma(head) in PERSON_NOUNS


def _embedded(qi: int, a: Attribution, lay: Layout) -> bool:
    """A quote inside the writer's sentence: a reporting verb elsewhere in the sentence
    (``Biden, Rubio said, had passed 'hundreds of bills'``), else the sentence's subject."""
    owner = statement_owner(qi, lay)
    if owner is not None:
        _set(a, "embedded", owner[0], owner[1], lay)
        return True
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


def statement_owner(qi: int, lay: Layout) -> tuple[Token, Token] | None:
    """(noun, possessor) when the quote lies inside a noun phrase naming a statement that someone
    owns: ``Obama's "if you like your plan, you can keep it" promise``, ``his rejection of "a
    politics of cynicism"``. The climb stops at the first verb with a subject of its own."""
    for h in _climb(qi, lay, 12):
        if h.pos_ in ("VERB", "AUX") and subject_of(h, lay) is not None:
            return None
        if h.pos_ == "NOUN" and lay.outside(h) and lemma(h) in STATEMENT_NOUNS:
            owner = next((c for c in h.children if c.dep_ == "poss" and lay.outside(c)
                          and (c.pos_ == "PROPN" or c.ent_type_ in SPEAKER_ENTS
                               or (c.pos_ == "PRON" and c.lower_ not in ("its", "their", "your", "my", "our")))), None)
            if owner is not None:
                return h, owner
    return None


def _climb(qi: int, lay: Layout, steps: int):
    """The heads above the quote's first token, in order, while they stay in its paragraph
    and out of every other quote."""
    doc = lay.doc
    toks = lay.tokens[qi]
    if not toks:
        return
    para = lay.para(doc[toks[0]].idx)
    h = doc[toks[0]]
    for _ in range(steps):
        if h.head.i == h.i or lay.para(h.head.idx) != para or lay.in_quote[h.head.i] not in (-1, qi):
            return
        h = h.head
        yield h


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
    toks = lay.tokens[qi]
    if not toks:
        return None
    h = lay.doc[toks[0]]
    for h in _climb(qi, lay, 60):
        if lay.outside(h) and h.pos_ in ("VERB", "AUX") and subject_of(h, lay) is not None:
            return h
    return h if lay.outside(h) and h.pos_ in ("VERB", "AUX") else None


def _set(a: Attribution, sieve: str, cue: Token | None, subj: Token | SpacySpan, lay: Layout) -> None:
    doc = lay.doc
    a.sieve = sieve
    a.cue = doc[cue.i:cue.i + 1] if cue is not None else None
    a.mention = subj if isinstance(subj, SpacySpan) else mention_span(subj, lay, cue)


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
        if a.mention is None:
            used = {o.cue.start for o in out[:i] if o.cue is not None}
            intro = _introduced(i, lay, used)
            if intro is not None and (last is None or intro[0].idx > out[last].span.close_end):
                _set(a, "introduced", intro[0], intro[1], lay)
        if a.mention is None and last is not None and \
                lay.para(a.span.open_start) - lay.para(out[last].span.close_end) <= 1:
            a.mention, a.sieve = out[last].mention, "continues"
            a.continues = last
        if a.mention is not None:
            last = i


def _introduced(qi: int, lay: Layout, used: set[int]) -> tuple[Token, Token] | None:
    """A cue-less quote right after a sentence that reports someone speaking (``Trump said he
    would win. '…'``, ``'…,' Ebeling said, and her husband cut in. '…'``): that someone speaks,
    unless the cue is one an earlier quote already has."""
    doc = lay.doc
    toks = lay.tokens[qi]
    if not toks:
        return None
    j = toks[0] - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text not in (".", "!") or not lay.outside(doc[j]) or \
            lay.para(lay.spans[qi].open_start) - lay.para(doc[j].idx) > 1:
        return None
    sent = near_sentence(doc, j)
    if sent.end < j:
        return None
    cues = [t for t in sent if t.pos_ == "VERB" and lay.outside(t) and t.i not in used and is_cue(t, strict=True)]
    if any(not lay.outside(t) for t in sent):
        # the sentence has a quote of its own: only a second speaker coordinated with its cue
        # ("'…,' Ebeling said, and her husband cut in"), not "as the crowd cheered"
        cues = [t for t in cues if t.dep_ == "conj" and t.head.i in used]
    for cue in sorted(cues, key=depth):
        subj = subject_of(cue, lay)
        if subj is not None:
            return cue, subj
    return None


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
