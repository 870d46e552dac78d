"""What the attribution sieves read off the parse: where the quotes lie, cue words, subjects.

:class:`Layout` maps tokens to the quote they lie in and offsets to paragraphs;
:func:`is_cue` says whether a token reports speech; :func:`subject_of` and
:func:`mention_span` find who does a verb and the noun phrase that names them;
the rest are fallbacks for the parses the small English model gets wrong.
"""
from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span as SpacySpan, Token

from ..nlp.lemmas import lemma
from ..lexicon.nouns import NON_AGENTS, ORGANISATION_NOUNS, is_person_noun
from ..lexicon.cues import PHRASAL_CUES, SPEECH_NOUNS, SPEECH_VERBS, WEAK_VERBS
from ..records import QuoteSpan

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("xcomp", "advcl", "conj", "pcomp", "prep", "pobj")
#: How many heads a subjectless verb climbs to the clause that has its subject: a preposition is a step of
#: its own ("Sanders … has toned down his criticism, shifting his focus to defeating Donald Trump and
#: admitting that …": from "admitting" up through defeating, to and shifting to "toned").
CLIMB_STEPS = 5
NOT_A_SPEAKER = frozenset(["this", "that", "which", "what", "there", "who", "whom", "you", "one"])
NOT_SPEAKER_ENTS = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"])
SPEAKER_ENTS = frozenset(["PERSON", "ORG", "NORP", "GPE", "FAC"])
#: Edges of a noun that modifies another rather than heading its own phrase.
NOT_HEAD_DEPS = frozenset(["compound", "poss", "pobj", "amod", "nmod"])
ARGUMENT_DEPS = frozenset(["ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "advcl", "conj", "parataxis",
                           "pcomp", "dep", "appos", "ROOT"])
_NEWLINE = re.compile("\n")
SENTENCE_REACH = 80  # tokens either side of a quote that count as its sentence
WINDOW = 30  # tokens looked at on either side of the marks by the adjacency sieve


class Layout:
    """Per-document lookups: which quote each token lies in, and paragraph numbers."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan], text: str | None = None):
        self.doc = doc
        self.spans = spans
        self.in_quote = [-1] * len(doc)
        self.tokens: list[list[int]] = []
        starts = doc.to_array(IDX) if len(doc) else numpy.zeros(0, dtype=numpy.uint64)
        for j, q in enumerate(spans):  # spans are sorted and do not overlap
            lo, hi = (int(k) for k in numpy.searchsorted(starts, [q.open_start, q.close_end]))
            self.tokens.append(list(range(lo, hi)))
            if q.kind != "nickname":  # Marcia "Cia" Price: part of the writer's words
                self.in_quote[lo:hi] = [j] * (hi - lo)
        self.text = text = doc.text if text is None else text
        lines = [0] + [m.end() for m in _NEWLINE.finditer(text)] + [len(text) + 1]
        self.para_starts = [s for s, e in zip(lines, lines[1:]) if text[s:e - 1].strip()]

    def para(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def opens_paragraph(self, char: int) -> bool:
        """Is there nothing but white space between the start of its paragraph and offset ``char``?"""
        return not self.text[self.para_starts[self.para(char)]:char].strip()

    def closes_paragraph(self, char: int) -> bool:
        """Is there nothing but white space between offset ``char`` and the end of its paragraph?"""
        p = self.para(char)
        end = self.para_starts[p + 1] if p + 1 < len(self.para_starts) else len(self.text)
        return not self.text[char:end].strip()

    def outside(self, t: Token) -> bool:
        return self.in_quote[t.i] == -1


def token_before(qi: int, lay: Layout) -> int:
    """Index of the last token before quote ``qi`` that is not a space (-1: none, or an empty quote)."""
    toks = lay.tokens[qi]
    if not toks:
        return -1
    j = toks[0] - 1
    while j >= 0 and lay.doc[j].is_space:
        j -= 1
    return j


def near_sentence(doc: Doc, i: int) -> SpacySpan:
    """The sentence of token ``i``, clipped to SENTENCE_REACH tokens either side.

    spaCy's ``Token.sent`` walks the whole sentence; in a text that is one endless
    sentence (a list of slogans, mark soup) doing that for every quote is quadratic.
    The sentence starts are read once per doc (:func:`sentence_starts`) and bisected.
    """
    starts = sentence_starts(doc)
    k = bisect_right(starts, i)
    start = max(starts[k - 1] if k else 0, i - SENTENCE_REACH)
    end = min(starts[k] if k < len(starts) else len(doc), i + SENTENCE_REACH, len(doc))
    return doc[start:end]


_STARTS_KEY = ("quotes", "sentence_starts")


def sentence_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that start a sentence, kept in ``doc.user_data`` after the first call."""
    found = doc.user_data.get(_STARTS_KEY)
    if found is None or found[0] != len(doc):
        marks = doc.to_array(SENT_START) if len(doc) else numpy.zeros(0, dtype=numpy.int32)
        found = doc.user_data[_STARTS_KEY] = (len(doc), numpy.flatnonzero(marks == 1).tolist())
    return found[1]


def words_end(quote_text: str) -> str:
    """The last character of a quote's own words, past the closing marks of a quotation nested at
    its end (``… the 'Title Sponsor,'``): where its clause ends, "", "," or "." and so on."""
    return quote_text.rstrip(" '’‘\"”“")[-1:]


def is_cue(t: Token, strict: bool = False) -> bool:
    """A reporting verb (or a noun naming a statement, when not ``strict``)."""
    if t.pos_ == "NOUN":
        return not strict and lemma(t) in SPEECH_NOUNS
    if t.pos_ not in ("VERB", "AUX"):
        return False
    base = lemma(t)
    if base == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children):
        return True  # "as Foner put it", "as the Post puts it"
    if base in SPEECH_VERBS:
        return not strict or base not in WEAK_VERBS
    # "went on", "pointed out" (the particle often parsed as an adverb: "shot back", "cut in");
    # "issued a statement", "posted a message"
    return t.pos_ == "VERB" and any((c.dep_ in ("prt", "advmod") and (base, c.lower_) in PHRASAL_CUES)
                                    or (c.dep_ == "dobj" and lemma(c) in SPEECH_NOUNS) for c in t.children)


def denied(v: Token) -> bool:
    """Is the verb negated (``He didn't suggest retaliation``, ``Comey cannot say that '…,' Lewandowski
    added``, ``for not calling the attack an act of 'radical Islamic terrorism'``)? What it holds was not
    said by its subject."""
    return any(c.dep_ == "neg" for c in v.children)


def subject_of(v: Token, lay: Layout, depth: int = 0) -> Token | None:
    """Who does the verb: its subject, or the subject of the clause it hangs from (same paragraph)."""
    subj = _subject(v, lay, depth)
    return subj if subj is not None and lay.para(subj.idx) == lay.para(v.idx) else None


def _subject(v: Token, lay: Layout, depth: int) -> Token | None:
    agent = _agent(v)
    passive = v.tag_ == "VBN" or any(c.dep_ == "nsubjpass" for c in v.children)
    if agent and lay.outside(agent[0]) and is_cue(v) and passive:
        return agent[0]  # "Rubio was asked by moderator Gerard Baker whether …": the one asking speaks
    if addressed(v):
        return None  # "Trump was asked, '…?'": the one asked is not the one asking
    will = [c for c in v.children if c.dep_ == "aux" and c.text == "Will" and c.i < v.i]
    if will and v.tag_ in ("VBD", "VBN", "VBZ") and not any(
            c.dep_ in SUBJECT_DEPS or (c.dep_ in ("aux", "auxpass") and c.i != will[0].i)
            for c in v.children if c.i < v.i):
        return will[0]  # "Will described Trump as …": a modal takes no past tense, so Will is a name
    if v.tag_ == "VBG" and v.i > 0 and not any(c.dep_ in SUBJECT_DEPS for c in v.children):
        before = v.doc[v.i - 1]
        if before.dep_ == "pobj" and before.head.lower_ == "of" and before.pos_ in ("PROPN", "PRON") \
                and lay.outside(before):
            return before  # "footage of Hillary Clinton asking, '…'": the one shown speaks
    # of two subjects the nearest the verb: "LONDON (Reuters) - Donald Trump said" parses as both
    subjects = sorted((c for c in v.children if c.dep_ in SUBJECT_DEPS), key=lambda c: abs(c.i - v.i))
    for c in subjects:
        if lay.outside(c):
            if c.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                if c.dep_ == "nsubjpass" and is_cue(v):
                    return None  # "a 'paperwork error' that was reported in …": the error is what was said
                return _author(v.head, lay) or v.head
            if _counted(c, v):
                return _poll(v) or c
            if _partitive(c) or (c.lower_ not in NOT_A_SPEAKER and not is_time(c)):
                return c
    if v.pos_ == "NOUN":  # "his statement", "the ministry's statement"
        for c in v.children:
            if c.dep_ == "poss" and lay.outside(c):
                return c
    agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agent and lay.outside(agent[0]):
        return agent[0]
    if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return v.head
        # "The judge pointed to a previous case to say that …": an infinitive says what the one above does
        up = v.head.head.head if v.head.dep_ == "pobj" else v.head.head
        return _subject(up, lay, depth + 1) if depth < 3 and up.pos_ in ("VERB", "AUX") else None
    if v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and v.head.pos_ in ("NOUN", "PROPN") \
            and (any(c.dep_ == "ccomp" for c in v.children) or _spoken_by(v) or verbless_root(v)):
        # "Two military analysts, …, found in 2014 that …": a verb with a clause of its own is no
        # participle of the noun but the sentence's verb, the noun its subject
        return v.head
    if depth < CLIMB_STEPS and v.dep_ in CLIMB_DEPS and v.head.i != v.i:
        return _subject(v.head, lay, depth + 1)
    return None


def verbless_root(v: Token) -> bool:
    """Is ``v`` a verb the parse hung as a participle from the name or noun before it that it made
    the root of the sentence (``Aaron Kall, the director of debate at the University of Michigan,
    compared Trump to a coach …``, ``Texas Sen. Ted Cruz, who has experienced a surge in Iowa, named
    'Veep' as his top show``)? With no main verb found, the participle is the sentence's verb and
    the root its subject. Only after the comma closing an aside on a name or a person: in
    ``…, restaurants packed with patrons`` the participle is one."""
    head = v.head
    return v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and head.dep_ == "ROOT" and head.i < v.i \
        and v.doc[v.i - 1].text == "," and (head.pos_ == "PROPN" or is_person_noun(lemma(head)))


def _spoken_by(v: Token) -> bool:
    """Is ``v`` a past-tense cue the parse hung from the person or body right before it as a
    modifier (``a man yelled "Stay there!"``)? A finite verb modifies no noun: the noun says it."""
    head = v.head
    return v.tag_ == "VBD" and is_cue(v, strict=True) and head.i < v.i \
        and (head.pos_ == "PROPN" or head.ent_type_ in SPEAKER_ENTS or is_person_noun(lemma(head)))


def _agent(v: Token) -> list[Token]:
    """The ``by`` phrase of a passive verb, also where the parse hangs it from what was said
    (``has been called "strategic ambiguity" by Joshua Hendrick``, ``labeled as a "witch hunt" by
    Democrats``)."""
    agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agent:
        return agent
    said = [c for c in v.children if c.dep_ in ("oprd", "dobj")]
    said += [g for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    return [g for w in said for c in w.children if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children if g.dep_ == "pobj" and (g.pos_ in ("PROPN", "PRON") or g.ent_type_ in SPEAKER_ENTS)]


#: Verbs whose passive subject is the one spoken to ("was asked", "was told").
ADDRESS_VERBS = frozenset(["ask", "tell", "question", "press", "urge", "quiz", "grill", "instruct", "warn"])


def addressed(v: Token) -> bool:
    """Is ``v`` a passive verb of address with no agent, whose subject was spoken to, not speaking?"""
    return lemma(v) in ADDRESS_VERBS and any(c.dep_ == "nsubjpass" for c in v.children) \
        and not any(c.dep_ == "agent" for c in v.children)


def _author(doc_noun: Token, lay: Layout) -> Token | None:
    """Who made the document a relative clause speaks through: ``The Washington Post ran a piece
    that noted '…'``, ``The council voted for the resolution, which said '…'``: the subject of the
    verb the document hangs from, when it is a name or an organisation."""
    if lemma(doc_noun) not in NON_AGENTS:
        return None
    verb = doc_noun.head.head if doc_noun.dep_ == "pobj" else doc_noun.head
    if doc_noun.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and lay.outside(c)), None)
    if subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ in ("ORG", "PERSON")
                             or lemma(subj) in ORGANISATION_NOUNS):
        return subj
    return None


def _counted(t: Token, v: Token) -> bool:
    """``63 percent said``, ``About four in 10 said``: a share of those polled, saying something."""
    return t.ent_type_ in ("CARDINAL", "PERCENT") and t.dep_ == "nsubj" and is_cue(v, strict=True)


POLLS = frozenset(["poll", "survey", "study"])


def _poll(v: Token) -> Token | None:
    """``In a CNN/ORC poll, 31% said …``: the poll reports what the share said. Also from a verb
    above the share's (``The Q poll also finds that, while 37 percent say …``), or a clause beside it
    that the poll's ``in`` phrase hangs from (``In a … poll, 8 percent said …; 3 percent said …``)."""
    for up in (v, *v.ancestors):
        for c in up.children:
            if c.dep_ == "nsubj" and up is not v and lemma(c) in POLLS:
                return c
            near = [c] if c.dep_ == "prep" else [g for g in c.children if g.dep_ == "prep" and c.pos_ == "VERB"]
            for prep in near:
                if prep.lower_ == "in":
                    obj = next((o for o in prep.children if o.dep_ == "pobj" and lemma(o) in POLLS), None)
                    if obj is not None:
                        return obj
    return None


def _partitive(t: Token) -> bool:
    """``one of those advisers``, ``Hundreds of pro-Sanders demonstrators``: a pronoun-like word or a
    number that names someone through its complement."""
    return (t.lower_ == "one" or t.ent_type_ == "CARDINAL") and any(c.dep_ == "prep" and c.lower_ == "of"
                                                                     for c in t.children)


def mention_span(t: Token, lay: Layout, cue: Token | None = None) -> SpacySpan:
    """The whole noun phrase headed by ``t`` (appositives included), kept outside quotes and the cue."""
    doc = t.doc
    if t.pos_ == "PRON":
        return doc[t.i:t.i + 1]
    para = lay.para(t.idx)
    start = t.i
    for i in range(t.i - 1, t.left_edge.i - 1, -1):
        tok = doc[i]
        if not lay.outside(tok) or lay.para(tok.idx) != para or (cue is not None and tok.i == cue.i) \
                or _spaced_dash(tok):
            break  # a spaced dash ends a dateline or an aside: "BOCA RATON, Fla. -- Weeds"
        start = i
    end = t.i + 1
    for i in range(t.i + 1, t.right_edge.i + 1):
        tok = doc[i]
        if (not lay.outside(tok) and not _titled(tok, t, lay)) or lay.para(tok.idx) != para \
                or (cue is not None and tok.i == cue.i) or (tok.head.i == t.i and verbless_root(tok)):
            break  # "Aaron Kall, the director …, compared": the name's verb is no part of it
        end = i + 1
    while start < t.i and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    while end > t.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text == ")" and any(x.text == "(" for x in doc[start:end - 1]):
            break  # "Gov. John Kasich (R-OH)" keeps its closing parenthesis
        if not lay.outside(doc[end - 1]):
            break  # "author of ''America's Unwritten Constitution,''" keeps the title's closing mark
        end -= 1
    return doc[start:end]


def _spaced_dash(tok: Token) -> bool:
    """A dash standing between spaces ("--", " — ", " - "), not one inside a word or a name."""
    return tok.text in ("--", "—", "–", "-", "―") and bool(tok.whitespace_) and tok.i > 0 \
        and bool(tok.doc[tok.i - 1].whitespace_)


def _titled(tok: Token, head: Token, lay: Layout) -> bool:
    """Is ``tok`` in a title in marks inside the noun phrase of ``head`` (``author of ''Lost Tycoon''``)?"""
    qi = lay.in_quote[tok.i]
    if qi < 0 or lay.spans[qi].kind != "title" or not lay.tokens[qi]:
        return False
    return head.i < lay.tokens[qi][0] and lay.tokens[qi][-1] <= head.right_edge.i


def is_argument(t: Token) -> bool:
    """Does ``t`` carry content to its head (a clause or object, or what one goes on "about"), not a
    place, time or name?"""
    if t.dep_ in ARGUMENT_DEPS:
        return True
    if t.dep_ in ("prep", "agent"):
        return t.lower_ in ("as", "that", "like", "about")
    if t.dep_ == "pobj":
        return t.head.lower_ in ("as", "like")
    return False


def depth(t: Token) -> int:
    n = 0
    while t.head.i != t.i and n < 60:
        t, n = t.head, n + 1
    return n


def clause_start(i: int, lay: Layout) -> int:
    """Where the writer's words before token ``i`` begin: back to a sentence mark, a semicolon or a
    colon, a quote (not a title), the paragraph's start, or :data:`WINDOW` tokens."""
    doc = lay.doc
    para = lay.para(doc[i].idx)
    start = i
    while start > 0 and start > i - WINDOW:
        t = doc[start - 1]
        if (not lay.outside(t) and not _in_title(t, lay)) or lay.para(t.idx) != para \
                or t.text in (".", "!", "?", ";", ":"):
            break
        start -= 1
    return start


def _in_title(t: Token, lay: Layout) -> bool:
    """Is ``t`` in a title in marks (``a reference to the blockbuster "Star Wars" sequel``)? A title
    is part of the writer's words, not a quote that ends the clause before it."""
    qi = lay.in_quote[t.i]
    return qi >= 0 and lay.spans[qi].kind == "title"


def titled_noun(t: Token) -> bool:
    """Is ``t`` a common noun in title case with no article, which at the head of a sentence is most
    often a name the tagger took for a noun ("Trump went further")?"""
    return t.tag_ == "NN" and t.is_title and not any(c.dep_ == "det" for c in t.children)


def is_time(t: Token) -> bool:
    """``Tuesday``, ``last year``, ``10,000``: not a speaker (but ``the 46-year-old`` is)."""
    return t.ent_type_ in NOT_SPEAKER_ENTS and t.pos_ != "ADJ"


def speakerish(t: Token) -> bool:
    if t.pos_ == "PRON":
        return t.dep_ in SUBJECT_DEPS and t.lower_ not in NOT_A_SPEAKER
    return t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "NORP") and t.dep_ != "compound"
