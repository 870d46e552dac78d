"""Where the cue of a quote is: the rules that find the verb (or noun, or phrase) reporting it.

Each takes a quote's index and the document :class:`~quotes.attribution.parse.Layout` and
returns the cue token (and sometimes its speaker) or None; :mod:`quotes.attribution.sieve`
tries them in order of precision. ``governing_cue`` reads the dependency parse
above the quote; the others are the surface patterns news writing uses when the
parse does not tie the quote to its verb (a cue right after the quote, a colon, a
statement someone owns, "according to", a verb quoted inside the marks).

At about 490 lines this module is over the project's ~450: it is one idea (where the cue is),
and its finders share the walk up the parse (``governing_cue`` and the tests it calls); split,
every half would import the other.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.cues import FRAME_VERBS, IDEA_NOUNS, SOURCE_PREPOSITIONS, SPEECH_FORMS, STATEMENT_NOUNS
from ..nlp.lemmas import lemma
from ..lexicon.nouns import is_person_noun
from .fallback import mistagged_cue
from .parse import (NOT_A_SPEAKER, SPEAKER_ENTS, WINDOW, Layout, denied, depth, is_argument, is_cue,
                     near_sentence, subject_of, token_before, verbless_root, words_end)


SUBORDINATORS = frozenset(["when", "while", "though", "although", "because", "after", "before", "if", "since", "until"])


def governing_cue(qi: int, lay: Layout) -> tuple[Token | None, bool]:
    """Sieve 1: a reporting verb outside the marks that the quote's words depend on.

    The walk goes up the heads to the root of the sentence, within the paragraph:
    the outermost strong cue wins (``Cox says the NRA won't allow '…'`` is Cox's),
    else the nearest weak one; but a strong cue with its own subject in a clause that
    is not reported by the verbs above it (coordinated, adverbial, relative) stops the
    walk, and so does any such clause above a strong cue (``as a guy walks in, saying '…'``), or an
    "in which" clause with someone for subject below any (``an interview, in which Clinton expressed
    confidence that …``). A negated cue reports nothing (``Comey cannot say that '…,' Lewandowski added``).
    The flag says whether the quote is an *argument* of the cue (what was said), rather than
    hanging from it by a preposition (``said on 'Meet the Press'``): only an argument makes a
    title a partial quote.
    """
    doc = lay.doc
    strong: tuple[Token, bool] | None = None
    weak: tuple[Token, bool] | None = None
    own: tuple[Token, bool] | None = None
    seen: set[int] = set()
    # the marks hang from anything; the words say what the quote is to the verb above
    words = [i for i in lay.tokens[qi] if not doc[i].is_punct] or lay.tokens[qi]
    for i in words:
        h = doc[i].head
        if lay.in_quote[h.i] == qi:
            continue
        para = lay.para(doc[i].idx)
        argument = is_argument(doc[i])
        below = doc[i]  # the child through which the walk reached h
        stray = False
        while h.i not in seen and lay.para(h.idx) == para:
            seen.add(h.i)
            stray = stray or _stray_complement(below)
            if stray and h.pos_ in ("VERB", "AUX"):
                argument, stray = True, False
            if lay.outside(h) and is_cue(h) and not denied(h):
                if is_cue(h, strict=True):
                    if strong is None or depth(h) < depth(strong[0]):
                        strong = (h, argument)
                elif weak is None or (weak[0].pos_ == "NOUN" and h.pos_ == "VERB"):
                    # "Fitton called Clinton's assertion 'disturbing'": the verb over its object noun
                    weak = (h, argument)
                if _tag_after_marks(h, lay):
                    own = own or (h, argument)
                    break
                if (argument or is_argument(below) or h.dep_ == "conj") and h.dep_ in CLAUSE_EDGES \
                        and (is_cue(h, strict=True) or _names_as(h)) and _own_subject(h, lay):
                    # a clause of its own ("…, and he pledged a 'political revolution'", "which he called
                    # 'a cartel'", "after Sanders said he was 'encouraged'"): the verbs above do not report it
                    own = own or (h, argument)
                    break
            elif strong is None and _in_which(h, lay):
                # "an interview …, in which Clinton expressed confidence that the server would not be an
                # issue 'that is going to affect …'": what the document holds is its speaker's
                own = (h, argument)
                break
            elif (strong is not None or (weak is not None and _names_as(weak[0]))) and _shelters(h, lay):
                # "Clinton asks as a maintenance guy walks in, saying he's 'here to fix …'", "with
                # Lewandowski taking to Twitter to call Fields '…'": the cue below speaks for the
                # clause's own subject, not for the verb above it
                own = own or strong or weak
                break
            if strong is not None and lay.outside(h) and is_cue(h) and not is_cue(h, strict=True) \
                    and _shelters(h, lay) and _subordinated(h):
                # "When Trump later referred to the massacre and said he would 'protect …,' the crowd
                # applauded": a weak cue's subordinate clause shelters the strong cue below it too
                own = own or strong
                break
            if h.head.i == h.i:
                break
            argument = argument and is_argument(h)
            below, h = h, h.head
    found = own or strong or weak
    return (found[0], found[1]) if found else (None, False)


#: Edges by which a clause hangs from another without being what the other reports.
CLAUSE_EDGES = frozenset(["conj", "advcl", "relcl", "parataxis"])


def _tag_after_marks(h: Token, lay: Layout) -> bool:
    """Is ``h`` the cue of a tag right after a quote that ends with a comma (``Comey cannot say that
    "from his perspective," Lewandowski added, saying it should be "up to the prosecutor …"``)? The
    parse may hang the tag as the complement of a verb before the quote, but a tag reports, it is not
    reported: the walk stops there."""
    if h.dep_ != "ccomp" or not is_cue(h, strict=True) or h.head.i > h.i:
        return False
    subj = next((c for c in h.children if c.dep_ == "nsubj" and c.i < h.i), None)
    if subj is None or subj.left_edge.i < 2:
        return False
    mark, comma = lay.doc[subj.left_edge.i - 1], lay.doc[subj.left_edge.i - 2]
    return mark.is_quote and lay.in_quote[mark.i] >= 0 and comma.text == ","


def _names_as(v: Token) -> bool:
    """Is ``v`` "call" giving its object a name in a coordinated or adverbial clause (``Ryan saying
    he was 'very encouraged' and Trump calling it a 'great meeting'``)? A weak cue elsewhere, but with
    a name for its object it says the quote as surely as a strong one. Not in a relative clause
    (``whom he called a 'con artist'``): its pronoun echoes the speaker of the verb above."""
    return lemma(v) == "call" and v.dep_ != "relcl" and any(c.dep_ == "oprd" for c in v.children)


def _stray_complement(t: Token) -> bool:
    """A "that" clause the parse hangs from a noun as a relative clause although "that" is its
    conjunction, not its subject (``argued for the second debate that '…'``, ``told Clinton at a
    debate that Americans were '…'``): the clause is what the verb above the noun says."""
    return t.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)


def _in_which(v: Token, lay: Layout) -> bool:
    """Is ``v`` the verb of an "in which" / "during which" clause with someone for its own subject
    (``a tweet …, followed by one in which he took credit for '…'``)?"""
    which = any(c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children) for c in v.children)
    return which and v.dep_ == "relcl" and v.pos_ in ("VERB", "AUX") and lay.outside(v) \
        and any(c.dep_ == "nsubj" and (c.pos_ in ("PRON", "PROPN") or c.ent_type_ == "PERSON")
                and c.lower_ not in NOT_A_SPEAKER and c.lower_ != "it" for c in v.children)


def _subordinated(v: Token) -> bool:
    """Is ``v`` the verb of a clause opened by a subordinator (``when Trump later referred to …``)?"""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS for c in v.children)


def _shelters(h: Token, lay: Layout) -> bool:
    """Is ``h`` a verb that is no cue, heading a clause of its own (its own subject) that hangs from
    the verb above by a clause edge, or by "with" (``with Lewandowski taking …``)? A cue inside it
    reports for that subject."""
    absolute = h.dep_ == "pcomp" and h.head.lower_ == "with"  # "with Lewandowski taking to Twitter to …"
    return h.pos_ in ("VERB", "AUX") and lay.outside(h) and (h.dep_ in CLAUSE_EDGES or absolute) \
        and _own_subject(h, lay) \
        and any(c.dep_ == "nsubj" for c in h.children)  # one who acts, not "Obama wasn't treated as …"


def _own_subject(v: Token, lay: Layout) -> bool:
    """Has the clause a subject of its own? In a relative clause "who" is one: the person it is
    attached to (``Franklin Graham, who has vowed not to buy cookies because of the group's '…'``)."""
    relative = v.dep_ == "relcl" and v.head.pos_ == "PROPN"
    return any(c.dep_ in ("nsubj", "nsubjpass") and lay.outside(c)
               and ((relative and c.lower_ == "who") or (c.lower_ not in NOT_A_SPEAKER and c.lower_ != "it"))
               for c in v.children)


def according_to(qi: int, lay: Layout) -> Token | None:
    """Sieve 2: ``according to X`` (``in X's words``, ``To X, …``) in the quote's sentence; returns X."""
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
                    if phrase == ("per",):  # "per the party's bylaws", "per CNN"; not "$5 per person"
                        objs = [o for o in objs if o.ent_type_ in SPEAKER_ENTS
                                or any(c.dep_ in ("det", "poss") for c in o.children)]
                        if not objs:
                            continue
                    if objs:
                        return objs[0]
                    if t.i + n < len(doc) and doc[t.i + n].pos_ in ("PROPN", "NOUN", "PRON"):
                        return doc[t.i + n]
            owner = _in_words(t) or _to_someone(t)
            if owner is not None:
                return owner
    return None


#: "in X's words", "in his view", "in her eyes": nouns whose owner the quote is credited to.
IN_OWN_NOUNS = frozenset(["words", "view", "eyes", "opinion", "estimation", "judgment", "judgement", "telling"])


def _in_words(t: Token) -> Token | None:
    """X in ``in X's words`` / ``in his own words`` / ``in Bolton's view``: the source, like ``in the
    words of X``."""
    if t.lower_ not in IN_OWN_NOUNS or t.head.lower_ != "in" or not 0 < t.i - t.head.i <= 5:
        return None
    # the owner between "in" and "words", however the parse hangs it ("Forbes ’" is often no possessive)
    owners = [w for w in t.doc[t.head.i + 1:t.i] if w.pos_ == "PROPN" or w.tag_ == "PRP$"]
    return owners[-1] if owners else None


#: Words after which "to X," opens a clause: the sentence's start, a conjunction, a subordinator.
CLAUSE_OPENERS = frozenset(["because", "but", "and", "that", "so", "yet", "while", "since", "for"])


def _to_someone(t: Token) -> Token | None:
    """X in ``To Sharp, Trump is the "kind-hearted and caring" man``, ``because to him, liberals pose
    …``: "to" and a person set off by a comma at the head of a clause name whose view the clause is."""
    doc = t.doc
    if t.lower_ != "to" or t.i + 2 >= len(doc):
        return None
    before = doc[t.i - 1] if t.i > 0 else None
    if not (before is None or t.is_sent_start or before.is_punct or before.is_space or before.lower_ in CLAUSE_OPENERS):
        return None  # "spoke to reporters, …": an object of the verb before
    who = next((c for c in t.children if c.dep_ == "pobj"), None)
    end = who.right_edge.i + 1 if who is not None else len(doc)
    if end >= len(doc) or doc[end].text != "," or end - t.i > 5:
        return None
    return who if who.pos_ == "PROPN" or who.ent_type_ == "PERSON" or who.lower_ in ("him", "her", "them") else None


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
    end = words_end(q.text)
    ended, closed = end == ".", end in ".?!"
    if end in ",.?!…—-" or after[:1] in (",", "—"):
        for i in range(toks[-1] + 1, min(len(doc), toks[-1] + 1 + WINDOW)):
            t = doc[i]
            if not lay.outside(t) or lay.para(t.idx) != para or t.text in (".", "!", "?", ";") or t.lower_ == "which":
                break  # "'…,' which Mozloom thinks will lead to …": a clause about what was said, not its cue
            near = i - toks[-1] <= 4
            if is_cue(t, strict=not near) or (i - toks[-1] <= 10 and mistagged_cue(t)):
                if ended and any(c.dep_ in ("ccomp", "dobj", "xcomp") and lay.outside(c) for c in t.children):
                    break  # "'… enforcement.' She further announced that …": a sentence of its own
                if ended and any(doc[k].text == "," for k in range(toks[-1] + 1, i)):
                    break  # "'… a Muslim.' Perhaps, he said, this …": the cue of the next sentence
                return t
            if closed and t.pos_ == "AUX" and t.dep_ == "ROOT":
                break  # "'… Wisconsin?' Dalton Brody is a … store, which sells …": the next sentence's copula
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
    if not (words_end(q.text) in ",?!" or after[:1] == ","):
        return None
    para = lay.para(q.open_start)
    for i in range(toks[-1] + 1, min(len(doc), toks[-1] + 8)):
        t = doc[i]
        if t.lower_ == "as" and t.dep_ == "mark" and t.head.i > i and is_cue(t.head, strict=True):
            continue  # "'…,' as a Homeland Security memo put it": the clause credits the quote
        if not lay.outside(t) or lay.para(t.idx) != para or t.text in (".", "!", "?", ";", ":") \
                or t.pos_ in ("CCONJ", "SCONJ") or t.lower_ in SUBORDINATORS:
            return None  # "'…,' but he said", "'…,' and I agree", "'…,' when asked": a clause of its own
        if i == toks[-1] + 1 and t.pos_ != "PROPN" and t.is_title and words_end(q.text) in "?!":
            return None  # "'…!' She replied to him that …", "'…?' The spot concludes with …": a new sentence
        if is_cue(t, strict=True):
            # "'…,' adding, '…'" and "'…,' saying": a participle hangs from the clause before the quote
            return None if t.tag_ == "VBG" else t
        if t.pos_ in ("VERB", "AUX"):
            return None
    return None


def colon_intro(qi: int, lay: Layout) -> Token | None:
    """Sieve 4: the quote opens a paragraph and the paragraph before ends with ``X said:``."""
    doc = lay.doc
    before = token_before(qi, lay)
    if before < 0 or doc[before].text != ":" or not lay.outside(doc[before]):
        return None
    sent = near_sentence(doc, before)
    cues = [t for t in sent if t.i < before and lay.outside(t) and is_cue(t, strict=True)]
    if cues:
        return min(cues, key=depth)
    first = sent[0]
    if first.is_title and first.lower_ in SPEECH_FORMS and first.dep_ == "compound" and first.head.pos_ == "PROPN":
        return first  # "Stated Stone:", "Added Smith:" parsed as one name: the verb opens the line
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
            if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) \
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


def statement_owner(qi: int, lay: Layout) -> tuple[Token, Token] | None:
    """(noun, possessor) when the quote lies inside a noun phrase naming a statement that someone
    owns: ``Obama's "if you like your plan, you can keep it" promise``, ``his rejection of "a
    politics of cynicism"``, ``Podliska's claim is that …``. The climb stops at the first verb with a
    subject of its own."""
    below = None
    for h in _climb(qi, lay, 12):
        said = _said_is(h, below)
        below = h
        if said is not None:
            h = said
        elif h.pos_ in ("VERB", "AUX") and subject_of(h, lay) is not None and not _states(h, lay):
            return None
        if h.pos_ == "NOUN" and lay.outside(h) and lemma(h) in STATEMENT_NOUNS:
            owner = next((c for c in h.children if c.dep_ == "poss" and lay.outside(c)
                          and (c.pos_ == "PROPN" or c.ent_type_ in SPEAKER_ENTS
                               or (c.pos_ == "PRON" and c.lower_ not in ("its", "their", "your", "my", "our")))), None)
            if owner is not None:
                return h, owner
    return None


#: Statement nouns whose "of" phrase is what they are about, not who made them ("a description of Trump").
TOPIC_NOUNS = frozenset("description characterization characterisation assessment question dismissal rejection "
                        "explanation observation report words".split())


def statement_by(qi: int, lay: Layout) -> tuple[Token, Token] | None:
    """(noun, maker) when the quote lies in the "that" clause of a statement noun whose maker a
    "by" or "of" phrase names: ``it was a report by Politico that he "fabricated" the story``, ``the
    contention of Hillary Clinton that her emails were subjected to "over-classification"``. The
    clause is what the maker said, as with ``Politico's report that …``."""
    doc = lay.doc
    toks = lay.tokens[qi]
    if not toks:
        return None
    sent = near_sentence(doc, toks[0])
    mark = next((t for t in reversed(doc[sent.start:toks[0]]) if t.lower_ == "that" and t.dep_ == "mark"), None)
    if mark is None or not lay.outside(mark) or not mark.head.left_edge.i <= toks[0] <= mark.head.right_edge.i:
        return None
    for p in range(mark.i - 1, max(sent.start, mark.i - 10), -1):
        t = doc[p]
        if t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":") or not lay.outside(t):
            return None
        noun = doc[p - 1]
        if t.lower_ not in ("by", "of") or noun.pos_ != "NOUN" or lemma(noun) not in STATEMENT_NOUNS \
                or (t.lower_ == "of" and lemma(noun) in TOPIC_NOUNS):
            continue
        maker = next((c for c in t.children if c.dep_ == "pobj" and c.i < mark.i), None)
        if maker is not None and (maker.pos_ == "PROPN" or maker.ent_type_ in SPEAKER_ENTS
                                  or is_person_noun(lemma(maker))):
            return noun, maker
    return None


def _said_is(v: Token, below: Token | None) -> Token | None:
    """The statement noun subject of a copula whose clause the climb came up through: in
    ``Podliska's most explosive claim is that the committee is a 'witch hunt'`` the clause after
    "is" is what the claim says."""
    if below is None or below.dep_ != "ccomp" or lemma(v) != "be":
        return None
    return next((c for c in v.children if c.dep_ == "nsubj" and lemma(c) in STATEMENT_NOUNS), None)


def _states(v: Token, lay: Layout) -> bool:
    """Is the clause what a statement or an idea says (``Trump's claim that Obama 'founded ISIS'``,
    ``to defend the view that he is 'natural born'``)? Then it is not the speaker's own clause."""
    if v.dep_ == "ccomp" and _said_is(v.head, v) is not None:
        return True  # "his claim is that he is '…'"
    return v.dep_ in ("acl", "ccomp") and v.head.pos_ == "NOUN" and lay.outside(v.head) \
        and (lemma(v.head) in STATEMENT_NOUNS or lemma(v.head) in IDEA_NOUNS)


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


def _holder(h: Token, lay: Layout) -> Token | None:
    """The verb of saying or finding whose complement clause ``h`` is, directly, through an
    adjective (``the agency could not be sure that money …``) or through a clause it is coordinated
    with, with a subject, in the same paragraph."""
    while h.dep_ == "conj" and h.head.pos_ in ("VERB", "AUX"):
        h = h.head  # "found that the Air Force is 'the best' and ground forces are 'the best'"
    up = h.head
    if h.dep_ == "ccomp" and up.pos_ == "ADJ" and up.dep_ == "acomp":
        h, up = up.head, up.head.head  # "could not be sure that …": the clause of "be"
        if h.dep_ != "ccomp":
            return None
    elif h.dep_ != "ccomp":
        return None
    if _holds(up) and lay.outside(up) and lay.para(up.idx) == lay.para(h.idx) and subject_of(up, lay) is not None:
        return up
    return None


def _holds(v: Token) -> bool:
    """Does the verb hold a clause as what someone says, finds or thinks?"""
    return v.pos_ == "VERB" and (is_cue(v) or lemma(v) in FRAME_VERBS)


def clause_root(qi: int, lay: Layout) -> Token | None:
    """The first verb above the quote, in the parse, that has a subject of its own
    (``he wanted to 'go an extra step'`` -> wanted), else the sentence's root verb."""
    toks = lay.tokens[qi]
    if not toks:
        return None
    h = lay.doc[toks[0]]
    for h in _climb(qi, lay, 60):
        if lay.outside(h) and h.pos_ in ("VERB", "AUX") and subject_of(h, lay) is not None and not _states(h, lay):
            # a clause that is what a verb above it holds ("two analysts found that the Air Force is
            # 'the best'"): the holder of the whole frame
            while True:
                holder = _holder(h, lay)
                if holder is None:
                    return h
                h = holder
    if h.dep_ == "ROOT" and h.pos_ in ("NOUN", "PROPN"):
        # "Beruff, a Scott ally, called Florida's standards 'strong.'" parsed with the name for root and
        # the quote hung from it: the verb parsed as the name's participle is the sentence's
        h = next((c for c in h.children if verbless_root(c) and lay.outside(c)), h)
    return h if lay.outside(h) and h.pos_ in ("VERB", "AUX") else None
