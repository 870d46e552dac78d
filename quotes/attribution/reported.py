"""Reported speech: what a text attributes in the writer's own words (kind ``indirect``).

One pass over the parsed document finds the cues of reported speech and the clause
each one reports, with no quotation marks needed:

* a reporting verb with a clausal complement: ``Kayouh said in a parliamentary session
  on June 3 that Royal Air Maroc plans …``, ``told reporters that …``, ``denied that …``,
  and the clause before its verb (``The economy is growing, he said``) or around it
  (``The pollution had become so bad, Mr. Obama noted, that …``);
* a commitment with an infinitive: ``promised to …``, ``refused to …``;
* passives (``it was announced that …``, the agent ``by X`` speaks; with no agent, ``the protester was
  identified as …``, what is said of the subject, by no one named);
* ``according to X`` after or before its clause, and a poll before its finding (``In a new poll, X leads …``);
* nominal cues: ``X's claim that …``, ``a statement from X saying …``, ``expressed the fear that …``;
* ``X quoted Y as saying that …`` (Y speaks);
* stances with an object: ``endorsed Cruz``, ``accused the agency of …``, ``a poll shows Clinton with …``,
  and the stance of others a subject meets: ``the plan drew criticism from unions``, ``the ruling angered …``;
* a headline's source before its colon (``Sanders: Clinton Email Story Has Moved``) or its verb
  (``Carly Fiorina Endorses Ted Cruz``).

What merely seems so (``the plan seems to be working``, ``it appears that …``) is the writer's impression,
with no one to file it under: PolNeAR marks it, the index does not (it gave reported recall +0.006 on dev
at the cost of speakerless records and of mention).

A clause ends before what the writer adds about it after a comma (``…, which forced her to leave``,
``…, while 4 in 10 want …``) and before a report of its own hung inside it. ``Reported.how`` names the
family that found each record (``bench/reported_misses.py`` gives precision by family and cue).

Each finding is a :class:`Reported`: the clause (``text[start:end]``, without ``that`` and
without the closing stop), the cue and the speaker's mention; the pipeline resolves the
mention with the same coreference call as the quotations' mentions. Embedded reports give
one record each (``X said Y told him that …``: the outer clause and the inner one).

A clause that is (nearly) all inside quotation marks is a direct quotation's own clause and
is no record here; a clause with a partial quotation in it is, and the partial quotation
names it (``within``). Linear in the document: each token is looked at once, and spans are
read off ``left_edge``/``right_edge``.

Over the project's ~450 lines (683): one pass over the parse with the cue families sharing its walk,
its speaker search and its clause trimming; the next split is the word lists (to ``lexicon``) and the
nominal cues (stance, belief and statement nouns) into a module of their own.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..lexicon.cues import FRAME_VERBS, IDEA_NOUNS, PHRASAL_CUES, SPEECH_VERBS, STATEMENT_NOUNS
from ..nlp.lemmas import lemma
from .parse import Layout, mention_span

#: Verbs whose clausal complement is what their subject says, believes or finds.
CLAUSE_VERBS = (SPEECH_VERBS | FRAME_VERBS | frozenset(
    "believe think feel hope fear expect worry doubt predict estimate suggest argue contend acknowledge concede "
    "warn assure convince persuade remind inform tell notify show indicate demonstrate reveal "
    "suspect guess imagine hear learn agree allege insist maintain complain testify forget notice sense". split())) - frozenset(
    "read begin start finish open close put offer share call refer identify press crack boom sell pitch plug "
    "hit knock rip pan needle label dub term brand nickname christen caption headline beam smile grin laugh "
    "sigh gasp hiss thank praise welcome hail cheer applaud celebrate congratulate compliment commend".split())

#: Verbs whose infinitive is a commitment, a wish or a refusal their subject states: ``promised to …``.
COMMIT_VERBS = frozenset(
    "promise pledge vow vowed threaten plan intend want refuse decline agree offer propose hope aim seek "
    "expect swear resolve demand ask urge call".split()) | frozenset(
    # wishes and the asking of others: "likes to sing", "implored them to bring it back"
    "like love hate prefer wish long yearn strive vie implore beg encourage persuade convince "
    "challenge dare order instruct advise warn remind press push lobby".split()) | frozenset(
    # a decision or a vote its subject announces: "decided to run", "voted to repeal the law"
    "decide vote opt".split())

#: Verbs whose gerund is what their subject proposes, admits or holds: "proposes allowing parents …".
GERUND_VERBS = frozenset("propose suggest recommend consider admit deny favor favour oppose support resent "
                         "like love hate prefer regret advocate urge contemplate discuss mention defend "
                         "acknowledge report recall".split())

#: Verbs that report only with a clause after them: a ``that``/``whether`` clause, not any object.
_STRONG_SAY = frozenset("say tell add note argue claim write report explain insist warn acknowledge admit "
                        "announce confirm deny predict suggest stress emphasize emphasise tweet assert contend "
                        "declare state caution concede recall reveal observe remark maintain".split())

#: Verbs of stance whose object is what the source holds or asks for: ``called for an investigation``,
#: ``cited sources familiar with the matter``, ``wants a wall``, ``criticized the ruling``.
OBJECT_VERBS = frozenset(
    "cite want plan support oppose attack criticize criticise praise propose reject endorse mention discuss describe "
    "defend demand blame accuse condemn denounce dispute question welcome announce recommend urge favor favour "
    "back champion advocate slam blast decry dismiss tout highlight stress emphasize emphasise acknowledge "
    "deny predict promise pledge vow estimate".split()) | frozenset(
    # what a source voices, evaluates, holds or makes public (PARC/PolNeAR count attitudes and
    # knowledge, not only speech): "expressed concern about", "mocked the complaint", "disclosed its donors"
    "express voice echo invoke reference mock ridicule deride assail lambast fault embrace commend hail applaud "
    "doubt contest view regard consider understand know trust distrust fear like love hate dislike prefer respect "
    "admire seek anticipate forecast project publish issue outline detail explain present suggest "
    "highlight underscore reveal disclose report document confirm examine probe explore".split()) | frozenset(
    # what a source says again, recounts, lists or credits, and the reproaches and laments it voices:
    # "reiterated his support", "listed three reasons", "credited the police", "chided the press"
    "recall note list repeat reiterate reaffirm restate recount recite quote retweet chant state argue clarify "
    "concede credit congratulate lament bemoan rebut repudiate chide rebuke bash savage liken order".split()) | frozenset(
    # what a source says of something, thanks or compares, offers, recalls or recognises, and what a rule or
    # an official bans, appoints, vetoes or authorises: "said the same of Sanders", "offered his assessment of
    # …", "the law bans …", "the governor vetoed the bill" (PolNeAR train: each word's new records right more
    # often than not)
    "say thank accept remember identify promote deem compare relish ignore recognize declare attribute foresee peg "
    "offer answer ban restrict prohibit appoint veto authorize authorise".split())

#: Verbs that say what their object is: ``called Clinton a disgrace``, ``viewed communists as terrorists``.
NAMING_VERBS = frozenset("call label brand dub term describe characterize characterise portray paint cast view "
                         "regard see consider deem declare name".split())

#: Verb + preposition pairs whose object is the content: ``called for``, ``spoke of``, ``pointed to``.
OBJECT_PREPS = frozenset([("call", "for"), ("call", "on"), ("speak", "of"), ("speak", "about"), ("point", "to"),
                          ("talk", "about"), ("warn", "of"), ("warn", "about"), ("complain", "about"),
                          ("argue", "for"), ("argue", "against"), ("push", "for"), ("press", "for"),
                          ("decide", "against"), ("vote", "for"), ("vote", "against"), ("worry", "about"),
                          ("testify", "about"), ("write", "about"), ("comment", "on"), ("insist", "on"),
                          ("warn", "against"), ("speak", "against"), ("rail", "against"), ("campaign", "against"),
                          ("campaign", "for"), ("protest", "against"), ("rally", "against"),
                          ("bristle", "at"), ("brag", "about"), ("boast", "about"), ("refer", "to"),
                          ("believe", "in"), ("ask", "about"), ("wonder", "about"), ("care", "about"),
                          ("complain", "of"), ("object", "to"), ("agree", "on"), ("disagree", "with"),
                          ("focus", "on"), ("press", "on"), ("lash", "at"), ("hit", "at"), ("joke", "about"),
                          ("speculate", "about"), ("think", "about"), ("know", "about"), ("hear", "about"),
                          ("hint", "at"), ("allude", "to"), ("boast", "of"), ("vouch", "for"), ("balk", "at"),
                          ("dwell", "on"), ("caution", "against"), ("talk", "of"), ("open", "about")]) | frozenset([
    # asking for, agreeing with, saying about, seeing as, hoping for, apologising for, siding with (PolNeAR train:
    # each pair's new records right more often than not)
    ("ask", "for"), ("agree", "with"), ("say", "about"), ("see", "as"), ("advocate", "for"),
    ("hope", "for"), ("apologize", "for"), ("apologise", "for"), ("distance", "from"), ("come", "against"),
    ("acquiesce", "to"), ("side", "with"), ("touch", "on"), ("plead", "for"), ("root", "for"), ("lean", "toward"),
    ("lean", "towards"), ("tell", "about"), ("comment", "about"), ("expound", "on"), ("opine", "on"), ("muse", "about"),
    ("rant", "about"), ("rave", "about"), ("gush", "about"), ("complain", "over"), ("argue", "over"), ("spar", "over"),
    ("spar", "with"), ("quarrel", "with"), ("rail", "at")])

#: Adjectives of a stance their subject holds, with what it bears on: ``concerned about …``,
#: ``confident that …``, ``willing to …``.
ATTITUDE_ADJECTIVES = frozenset(
    "concerned worried anxious nervous afraid fearful scared confident optimistic pessimistic hopeful skeptical "
    "sceptical doubtful suspicious wary critical supportive enthusiastic angry furious upset outraged frustrated "
    "disappointed happy pleased glad proud satisfied unhappy dissatisfied eager keen willing unwilling reluctant "
    "determined certain sure convinced aware adamant insistent coy opposed committed grateful thankful".split()) | frozenset(
    # more stances a subject holds towards something: "is upbeat about …", "were not fond of …", "is open to …"
    "interested open upbeat divided enamored enamoured unified leery impressed outspoken appreciative tired fond "
    "measured uncomfortable shy upfront partial passionate sympathetic vocal comfortable unanimous mistrustful "
    "unapologetic vague irritated conscious sensitive sanguine alarmed dismissive mindful shocked bent hostile "
    "distrustful lukewarm cynical tepid ambivalent unsure uncertain cautious forthcoming devoted".split())
_ATTITUDE_PREPS = frozenset("about of over with on to for".split())
#: What an attitude adjective bears on: "interested in …", "alarmed at …", "impressed by …", and the above.
_ADJECTIVE_PREPS = _ATTITUDE_PREPS | frozenset("in toward towards at by".split())

#: Nouns of a stance held by their possessor, with what it bears on: ``his disdain for …``.
STANCE_NOUNS = frozenset(
    "support opposition disdain contempt obsession criticism attack attacks call demand plan proposal push pledge "
    "promise insistence refusal willingness desire wish appeal endorsement rejection complaint doubts "
    "skepticism scepticism enthusiasm stance position warning accusation allegation denial praise "
    "admiration hostility animosity antipathy distrust fear fears hope hopes concern concerns".split()) | frozenset(
    # a decision, a view or an assessment and what it bears on: "the board's decision to delay …", "his
    # assessment of the race", "her critique of the plan" (PolNeAR train: 43 of 60 new records right)
    "decision request view critique assessment disagreement reaction vision perception embrace declaration "
    "dislike interpretation vow".split())
#: Nouns of a belief, a fear or an expectation whose "that" clause is what their holder thinks:
#: "Clinton's belief that …", "voters expressed the fear that …", "the impression among donors that …".
BELIEF_NOUNS = IDEA_NOUNS | frozenset(
    "fear fears hope hopes concern concerns worry worries suspicion assumption impression expectation feeling sense "
    "conviction doubt doubts confidence perception".split())
_NOT_CONTENT = frozenset("it this that which who they he she we i you".split())
_QUOTE_AS = frozenset(["quote", "cite"])
_THAT = frozenset(["that"])
_FROM = frozenset(["from", "by", "of"])


@dataclass(slots=True)
class Reported:
    """One reported statement: the clause's token range, its cue and who is said to speak."""

    start: int                        # first token of the clause
    end: int                          # one past its last token
    cue: SpacySpan
    subject: Token | None             # head of the speaker mention, before it is widened
    mention: SpacySpan | None = None
    sentence: SpacySpan | None = None
    said: bool = True                 # a verb of saying (or "according to"), not a stance or a plan
    how: str = ""                     # the cue family that found it ("clause", "object", "according" …)

    def char_span(self, doc: Doc) -> tuple[int, int]:
        return doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1])


def find_reported(doc: Doc, lay: Layout) -> list[Reported]:
    """Every reported statement of ``doc``, in document order of the clause."""
    out: list[Reported] = []
    seen: set[tuple[int, int]] = set()

    def add(lo: int, hi: int, cue: SpacySpan, subj: Token | None, said: bool = True,
            mention: SpacySpan | None = None, how: str = "") -> None:
        lo, hi = _trim(doc, lo, hi)
        if hi - lo < 1 or hi - lo == 1 and not _one_word(doc[lo]) or (lo, hi) in seen or _quoted(lay, lo, hi):
            return
        q = lay.in_quote[cue.start]
        if q != -1 and (lay.in_quote[lo] != q or lay.in_quote[hi - 1] != q):
            return  # a cue inside a quotation reports nothing outside it
        if q == -1 and lay.in_quote[lo] != -1 and lay.spans[lay.in_quote[lo]].kind in ("direct", "partial"):
            return  # "He also declared that 'without Morocco's work …'": the quotation's own clause
        seen.add((lo, hi))
        out.append(Reported(lo, hi, cue, subj, mention=mention, said=said, how=how))

    for t in doc:
        pos = t.pos_
        if t.text == ":":
            _headline(doc, lay, t, add)
        elif t.is_title and pos in ("NOUN", "PROPN") and t.lower_ in _HEADLINE_VERBS:
            _headline_verb(doc, lay, t, add)
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            _according(doc, t, add)
        elif t.lower_ == "in" and t.dep_ == "prep":
            _in_poll(doc, t, add)
        elif pos == "VERB" or (pos == "AUX" and t.dep_ not in ("aux", "auxpass")):
            lem = lemma(t)
            cue = doc[t.i:t.i + 1]
            clause = None
            says = lem in CLAUSE_VERBS or _phrasal(t, lem)
            for c in t.children:
                if c.dep_ == "ccomp" and says:
                    clause = c
                elif c.dep_ == "xcomp" and lem in COMMIT_VERBS and c.i > t.i and _infinitive(c) and not _unnamed(lem, c):
                    clause = c
                elif c.dep_ == "xcomp" and (lem in GERUND_VERBS or lem in _STRONG_SAY) and c.i > t.i and c.tag_ == "VBG":
                    # "proposes letting parents …"; "said legalizing it could create jobs" (the parse takes the
                    # clause's gerund subject for the verb's complement)
                    clause = c
                elif c.dep_ in ("intj", "advmod") and lem in _STRONG_SAY and c.i == t.i + 1 and c.lower_ in _ANSWERS:
                    clause = c  # "half said so", "most voters said yes", "the governor said no to the plan"
                else:
                    continue
                add(_asked(t, c), _coordinated_end(t, c, _clause_end(doc, c)), cue, _speaker(t),
                    lem in _STRONG_SAY, how="clause" if c.dep_ == "ccomp" else "infinitive")
            if clause is None and (lem in _RECEIVING_VERBS or lem in _PSYCH_VERBS):
                clause = _received(t, lem, cue, add)
            if clause is None and lem == "be":
                clause = _noun_is_that(doc, t, cue, add)
            if clause is None and lem == "make":
                clause = _made_clear(t)
                if clause is not None:
                    add(clause.left_edge.i, _clause_end(doc, clause), cue, _speaker(t), how="clause")
            if clause is None:
                clause = _object(t, lem)
                if clause is not None:
                    add(clause.left_edge.i, max(_clause_end(doc, clause), _complement_end(t, clause)), cue,
                        _speaker(t), False, how="object")
            if clause is None and t.tag_ == "VBN" and (lem in OBJECT_VERBS or lem in _STRONG_SAY):
                # "Donald Trump is supported by far fewer publications", "The issue was first reported by
                # The Washington Post": the passive's subject is what its agent holds or said
                subj = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
                agent = _speaker(t)
                if subj is not None and agent is not None and subj.lower_ not in _NOT_CONTENT:
                    add(subj.left_edge.i, subj.right_edge.i + 1, cue, agent, lem in _STRONG_SAY, how="passive")
                elif subj is not None and agent is None and subj.lower_ not in _NOT_CONTENT:
                    add(subj.left_edge.i, _passive_end(t, subj), cue, None, False, how="passive0")
            if clause is None and lem in _STRONG_SAY and t.dep_ in ("parataxis", "advcl", "ccomp") \
                    and _subject_child(t) is not None and t.i > t.head.left_edge.i \
                    and not any(c.dep_ in ("dobj", "xcomp") and c.i > t.i and lem != "tell" for c in t.children):
                # "The pollution had become so bad, Mr. Obama noted, that …": the aside reports its host
                _around(doc, t.head, t, cue, _speaker(t), add)
        elif pos == "ADJ" and t.dep_ == "acomp" and t.lower_ in ATTITUDE_ADJECTIVES:
            # "Republicans weren't too concerned about this shift", "she is confident that …", "some
            # Republicans were willing to go forward with …": a stance its subject holds
            holder = _subject_child(t.head)
            if holder is not None and holder.dep_ == "nsubj":
                for c in t.children:
                    if c.i < t.i:
                        continue
                    if c.dep_ == "prep" and c.lower_ in _ADJECTIVE_PREPS:
                        c = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
                    elif c.dep_ not in ("ccomp", "xcomp"):
                        continue
                    if c is not None:
                        add(c.left_edge.i, _clause_end(doc, c), doc[t.i:t.i + 1], holder, False, how="attitude")
        elif pos == "NOUN" and lemma(t) in STATEMENT_NOUNS:
            for c in t.children:
                if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in _THAT for m in c.children):
                    add(c.left_edge.i, c.right_edge.i + 1, doc[t.i:t.i + 1], _noun_speaker(t), how="statement")
            _stance_noun(doc, t, add, _ABOUT if lemma(t) not in STANCE_NOUNS else None)
        elif pos == "NOUN" and lemma(t) in STANCE_NOUNS:
            _stance_noun(doc, t, add)
            if lemma(t) in BELIEF_NOUNS:
                _held_that(doc, t, add)
        elif pos == "NOUN" and lemma(t) in BELIEF_NOUNS:
            _held_that(doc, t, add)
        elif pos == "NOUN" and lemma(t) in AGENT_NOUNS:
            _agent_noun(doc, t, add)
    out.sort(key=lambda r: (r.start, -r.end))
    out = _drop_nested_stances(out)
    for r in out:
        r.sentence = doc[r.cue.start].sent
        if r.mention is None:
            r.mention = mention_span(r.subject, lay, r.cue.root) if r.subject is not None else None
    return out


#: Verbs of naming a source, and of asking not to be: "asked not to be named", "declined to be identified".
_NAMING_A_SOURCE = frozenset("name identify quote cite".split())
_ASKING_NOT_TO_BE = frozenset("ask decline refuse request want prefer wish demand".split())


def _made_clear(v: Token) -> Token | None:
    """The clause a source makes clear or makes the case for: ``made clear that …``, ``made it clear that
    …``, ``made clear Monday they have no plans …``, ``will make the case that …``, ``makes the case for
    Sen. Ted Cruz's campaign`` (the parse hangs the clause on the verb, on "clear" or on "case")."""
    for c in v.children:
        if c.lower_ == "clear" and c.i > v.i:
            for h in (v, c):
                for k in h.children:
                    if k.i > c.i and k.dep_ in ("ccomp", "advcl") and k.pos_ in ("VERB", "AUX"):
                        return k
        elif c.lower_ == "case" and c.dep_ == "dobj":
            for k in c.children:
                if k.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in _THAT for m in k.children):
                    return k
                if k.dep_ == "prep" and k.lower_ in ("for", "against"):
                    return next((p for p in k.children if p.dep_ in ("pobj", "pcomp")), None)
    return None


def _passive_end(v: Token, subj: Token) -> int:
    """One past a passive's subject with what the verb says of it: ``the protester was identified as
    Kelsey Atkinson``, ``the remarks were seen as a threat``; else the subject's end."""
    for c in v.children:
        if c.i > v.i and (c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ == "as"):
            return c.right_edge.i + 1
    return subj.right_edge.i + 1


#: Verbs with which a subject meets a stance of others: "the plan drew criticism from unions", "the senator
#: won praise from both parties", "Clinton came under fire".
_RECEIVING_VERBS = frozenset("draw win receive earn garner gain attract enjoy get come".split())
#: The stance met: the object of a _RECEIVING_VERBS verb.
_RECEIVED_NOUNS = frozenset("support criticism praise backing endorsement endorsements condemnation applause fire "
                            "rebuke scorn ridicule backlash ovation cheers boos approval opposition outrage "
                            "skepticism scepticism blame acclaim plaudits".split())
#: Verbs of feeling whose object feels about their subject: "the ruling angered the unions".
_PSYCH_VERBS = frozenset("surprise anger infuriate worry unsettle horrify outrage alarm concern trouble frustrate "
                         "disappoint dismay delight please impress annoy irritate shock appall appal "
                         "disturb bother alienate".split())


def _received(v: Token, lem: str, cue: SpacySpan, add) -> Token | None:
    """A stance of others its subject meets (``the proposal drew sharp criticism from unions``, ``the
    senator came under fire``) or a feeling its object has about it (``the ruling angered the unions``): the
    subject is what the others hold a view of; they, when named, are the source."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("it", "this", "that", "what"):
        return None
    if lem in _PSYCH_VERBS:
        holder = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
        if holder is None or holder.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
    else:
        objs = [c for c in v.children if c.dep_ == "dobj" and c.i > v.i]
        objs += [p for c in v.children if c.dep_ == "prep" and c.lower_ == "under" for p in c.children
                 if p.dep_ == "pobj"]
        stance = next((o for o in objs if lemma(o) in _RECEIVED_NOUNS), None)
        if stance is None:
            return None
        holder = next((p for h in (stance, v) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                       for p in c.children if p.dep_ == "pobj"), None)
    add(subj.left_edge.i, subj.right_edge.i + 1, cue, holder, False, how="received")
    return subj


#: Nouns of what someone says or thinks that a copula can spell out: "his argument is that …", "the joke
#: was that …", "the message was clear: …" (with STATEMENT_NOUNS and BELIEF_NOUNS).
_SPELLED_OUT = frozenset("point message joke position thinking takeaway premise case goal worry reasoning "
                         "pitch line refrain answer".split())


_OPEN_QUESTIONS = frozenset(["question", "sense"])


def _noun_is_that(doc: Doc, v: Token, cue: SpacySpan, add) -> Token | None:
    """``Rubio's response was that it's unfair …``, ``one of his main talking points is that …``: a
    statement or a belief named by the subject of "be", spelled out by its clause (the noun's owner speaks)."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.lower_ == "one":  # "one of his main points is that …"
        subj = next((p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj"), subj)
    lem = lemma(subj)
    if not (lem in STATEMENT_NOUNS or lem in BELIEF_NOUNS or lem in _SPELLED_OUT) or lem in _OPEN_QUESTIONS:
        return None  # "the question is whether …": the writer's question (PolNeAR train: 8 of 19 marked)
    for c in v.children:
        if c.i > v.i and c.dep_ == "ccomp":
            add(c.left_edge.i, _clause_end(doc, c), doc[subj.i:subj.i + 1], _noun_speaker(subj), lem in STATEMENT_NOUNS,
                how="spelled")
            return c
    return None


def _unnamed(lem: str, c: Token) -> bool:
    """Is the infinitive ``c`` of a verb ``lem`` a source's condition for speaking (``asked not to be
    named``, ``declined to be identified``), not something the source says or commits to? (PolNeAR
    train: 6 of 25 such phrases are marked as attributions.)"""
    return lem in _ASKING_NOT_TO_BE and c.tag_ == "VBN" and lemma(c) in _NAMING_A_SOURCE \
        and any(x.dep_ == "auxpass" for x in c.children)


def _asked(v: Token, c: Token) -> int:
    """Where the clause of ``c`` starts: at the object of a verb that asks it of someone
    (``urged Congress to act``, ``told them to leave``: who is asked is part of what is said), else
    at the clause's own first word."""
    if c.dep_ == "xcomp":
        for o in v.children:
            if o.dep_ == "dobj" and v.i < o.i < c.i:
                return o.left_edge.i
    return c.left_edge.i


#: One-word answers a verb of saying reports: "most voters said yes", "neither side would say so".
_ANSWERS = frozenset(["yes", "no", "so"])


def _one_word(w: Token) -> bool:
    """Can one word be all a statement is about: a name or a noun (``endorsed Cruz``,
    ``criticized Obamacare``) or an answer (``said yes``), not a pronoun or a function word?"""
    return w.pos_ in ("PROPN", "NOUN") or w.lower_ in ("him", "her", "them", "us", "me") or w.lower_ in _ANSWERS


#: Prepositions that complete a verb of stance after its object (``accused Trump of …``,
#: ``praised the workers for …``, ``urged Congress to …``), not adjuncts of time or place.
_COMPLEMENT_PREPS = frozenset("as for of to with about against over into from".split())


def _complement_end(v: Token, obj: Token) -> int:
    """One past the object with what the verb says about it: ``called Clinton a disgrace``,
    ``described their actions as crimes``, ``dismissed the plan as too vague`` (what an "as" predicates
    of the object is said of it, a noun or an adjective), ``accused his rival of lying``, ``urged
    Congress to act`` (the object and its complements are the content, up to the first adjunct: ``in a
    speech``, ``, saying …``); else the object's end."""
    end = obj.right_edge.i + 1
    for c in v.children:
        if c.i <= obj.i:
            continue
        if c.left_edge.i > end or not (c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in
                                       _COMPLEMENT_PREPS and any(p.dep_ in ("pobj", "pcomp") or c.lower_ == "as"
                                                                 for p in c.children)):
            break
        end = c.right_edge.i + 1
    return end


#: Verbs with which data say what they show: "a poll shows Clinton with a lead", "the survey found Mrs.
#: Clinton ahead" (with a person as subject, "showed signs of", "found the keys" are no statements).
EVIDENCE_VERBS = frozenset(["show", "find"])
#: What speaks through figures and records: the subjects of EVIDENCE_VERBS.
EVIDENCE_NOUNS = frozenset("poll survey study analysis result figure datum data record report estimate polling video "
                           "footage recording email document number research average tally count".split())


def _evidence(v: Token) -> bool:
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    return subj is not None and lemma(subj) in EVIDENCE_NOUNS


def _object(t: Token, lem: str) -> Token | None:
    """The object a stance verb takes, when it has a speaker to hold it."""
    if lem in NAMING_VERBS:
        obj = next((c for c in t.children if c.dep_ == "dobj" and c.i > t.i), None)
        # "see the test as a waste of time": the parse hangs "as" on the verb or on its object
        if obj is not None and any(c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"
                                   for c in (*t.children, *obj.children)):
            return obj
    if lem in OBJECT_VERBS or lem in EVIDENCE_VERBS and _evidence(t):
        for c in t.children:
            if c.dep_ in ("dobj", "ccomp") and c.i > t.i:
                return None if _says_that(c) else c
    for c in t.children:
        if c.dep_ == "prep" and c.i > t.i and (lem, c.lower_) in OBJECT_PREPS:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    return p
    return None


def _clause_end(doc: Doc, c: Token) -> int:
    """One past the clause's last token: its subtree, cut before a semicolon that closes the
    sentence's first part ("was not intentional; they only learned …") and before a report of its
    own that the parse hung inside it ("…, citing the strategic importance of …", "… and warned
    against hackers"): that one is another attribution, not part of this clause."""
    hi = c.right_edge.i + 1
    for i in range(c.left_edge.i + 1, hi):
        w = doc[i]
        if w.text == ";":
            return i
        if i <= c.i:
            continue
        if w.pos_ == "VERB" and w.head.i >= c.i and w.head.i < i and w.left_edge.i > c.i and _own_report(w):
            return w.left_edge.i
        if doc[i - 1].text == "," and _writers_aside(w, hi):
            return i - 1
    return hi


#: Words that open a relative clause about a name, or a contrast or concession, after a comma at the end of
#: a clause.
_ASIDE_RELATIVES = frozenset("which who whom whose where".split())
_ASIDE_CONTRASTS = frozenset("while whereas though although even despite".split())


def _writers_aside(w: Token, hi: int) -> bool:
    """Is what opens at ``w``, after a comma and running to the clause's end (``hi``), the writer's own
    aside rather than part of what is reported: a non-restrictive relative clause (``…, which forced
    her to leave …``, ``…, who was his chief of staff``), a contrast or concession (``…, while 4 in 10
    want …``, ``…, even as he has taken shots at …``, ``…, despite the potential for a feud``) or a
    participle of consequence (``…, putting them ahead of …``, ``…, highlighting the disconnect …``)?
    PolNeAR train leaves such a comma-aside out of the content a little more often than not; a record
    that stops before one still lies inside the gold, one that runs on may not."""
    head = w
    while head.head is not head and head.head.left_edge.i == w.i:
        head = head.head
    if head.right_edge.i < hi - 2:
        return False
    if head.dep_ == "relcl":
        return w.lower_ in _ASIDE_RELATIVES
    if head.dep_ == "advcl" and w.lower_ in _ASIDE_CONTRASTS:
        return True
    if head.dep_ == "prep" and w.lower_ == "despite":
        return True
    return head.dep_ == "advcl" and head is w and w.tag_ == "VBG"


def _coordinated_end(v: Token, c: Token, end: int) -> int:
    """One past the last clause coordinated with ``c`` that the parse hung on the cue ``v`` instead:
    ``promised to triple the program, grow the Peace Corps and create …`` (bare verbs with no
    subject of their own), ``said that … and that …`` (a second "that" clause)."""
    if end <= c.right_edge.i:
        return end  # cut short already (a semicolon, a report of its own)
    for w in v.children:
        if w.dep_ != "conj" or w.i < end or w.pos_ not in ("VERB", "AUX"):
            continue
        kids = list(w.children)
        bare = c.dep_ == "xcomp" and w.tag_ == "VB" and not any(k.dep_ in ("nsubj", "nsubjpass", "aux") for k in kids)
        that = c.dep_ == "ccomp" and any(k.dep_ == "mark" and k.lower_ in ("that", "whether") for k in kids)
        if not (bare or that):
            break
        end = w.right_edge.i + 1
    return end


def _own_report(w: Token) -> bool:
    """Is ``w`` a report the parse hung inside another clause: a participle of saying (``…, arguing
    that …``, ``citing …``) or a finite verb of saying joined to it (``… and warned against …``,
    ``…, the mother replied``), not a verb of the clause's own content (``to release … or explain``,
    ``told her to leave``, ``… and that it would add …``)?"""
    lem = lemma(w)
    kids = [k.dep_ for k in w.children]
    if lem not in _STRONG_SAY and lem != "cite":
        # "… and promised to stay out of it", "… and urged that everyone relax": a verb of stance or
        # commitment joined with no subject of its own is the speaker's next act, not the clause's
        return w.dep_ == "conj" and w.tag_ == "VBD" and (lem in COMMIT_VERBS or lem in CLAUSE_VERBS) \
            and not any(k in ("nsubj", "nsubjpass", "mark", "aux") for k in kids)
    if w.dep_ == "advcl":
        return w.tag_ == "VBG"
    if w.dep_ in ("conj", "parataxis") and w.tag_ in ("VBD", "VBZ"):
        return "mark" not in kids and ("dobj" not in kids or "ccomp" in kids)
    return False


#: Families whose record is a subject that others judge: a stance named inside it is a statement of its
#: own ("The board's decision to delay the vote surprised the teachers").
_SUBJECT_HOWS = frozenset(["received", "passive0"])


def _drop_nested_stances(out: list[Reported]) -> list[Reported]:
    """A stance, plan or belief inside another report's clause is part of that report
    ("Stein said she plans to join …", "she noted that Trump supported the invasion"), not a
    statement of its own; a verb of saying there is ("X said Y told him that …")."""
    keep = []
    for r in out:
        if not r.said and any(o is not r and o.how not in _SUBJECT_HOWS and o.start <= r.cue.start < o.end
                              for o in out):
            continue
        if r.how == "object" and any(o.said and o.cue.root.tag_ == "VBG" and r.start <= o.cue.start
                                     and o.end <= r.end for o in out):
            continue  # "issued a statement saying …", "quoted industry sources as saying …": the inner report
        keep.append(r)
    return keep


def _phrasal(t: Token, lem: str) -> bool:
    return any(c.dep_ == "prt" and (lem, c.lower_) in PHRASAL_CUES for c in t.children)


def _infinitive(c: Token) -> bool:
    return c.pos_ in ("VERB", "AUX") and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)


def _subject_child(v: Token) -> Token | None:
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return c
    return None


def _speaker(v: Token, depth: int = 0) -> Token | None:
    """Who says what ``v`` reports: its subject, the agent of a passive, or the subject it shares."""
    subj = None
    for c in v.children:
        if c.dep_ == "nsubj":
            subj = c
        elif c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
        elif c.dep_ == "nsubjpass" and subj is None:
            subj = c
    if subj is not None:
        if subj.dep_ == "nsubjpass" or subj.lower_ == "it" and subj.dep_ == "expl":
            return None if subj.lower_ in ("it", "this") else subj if lemma(v) in ("quote", "cite") else None
        return subj
    if depth > 3:
        return None
    h = v.head
    if v.dep_ in ("acl", "relcl") and h.pos_ in ("NOUN", "PROPN", "PRON"):
        if lemma(h) in STATEMENT_NOUNS:
            return _noun_speaker(h)
        return h
    if v.dep_ == "pcomp" and h.lower_ == "as" and lemma(h.head) in _QUOTE_AS:
        # "Reuters quoted industry sources as saying that …": the one quoted speaks
        for c in h.head.children:
            if c.dep_ == "dobj":
                return c
        return None
    if v.dep_ == "pcomp" and h.pos_ == "ADP" and h.head is not h:
        # "Bolton distanced himself by saying he would …", "After saying he was nervous, the man …",
        # "the one impassioned in blasting me": who does what the preposition hangs on
        g = h.head
        if g.pos_ in ("VERB", "AUX"):
            return _speaker(g, depth + 1)
        if g.pos_ == "ADJ" and g.dep_ in ("amod", "acomp"):
            return _speaker(g.head, depth + 1) if g.dep_ == "acomp" else g.head
        return None
    if v.dep_ == "conj" and h.dep_ == "ccomp" and h.head is not h and _own_report(v):
        # "X said the party was not in crisis, and urged …": the speaker's next act, the speaker's subject
        return _speaker(h.head, depth + 1)
    if v.dep_ in ("conj", "xcomp", "advcl", "ccomp", "acomp", "dep") and h is not v:
        # "voters are more likely to say …" (the adjective's subject), "Majorities of Democrats … say …"
        # (a cue the parse left as "dep" of the verb before it)
        return _speaker(h, depth + 1)
    return None


def _noun_speaker(n: Token) -> Token | None:
    """Whose statement a statement noun is: ``X's claim``, ``a statement from X``, ``X issued a statement``."""
    for c in n.children:
        if c.dep_ == "poss":
            return c
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in _FROM:
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN", "PRON"):
                    return p
    if n.dep_ in ("dobj", "pobj") and n.head.pos_ in ("VERB", "ADP"):
        v = n.head if n.dep_ == "dobj" else n.head.head
        if v.pos_ == "VERB":
            return _speaker(v, 2)
    return None


def _around(doc: Doc, h: Token, v: Token, cue: SpacySpan, subj: Token | None, add) -> None:
    """The host clause of a parenthetical cue, less the cue's own words."""
    lo, hi = h.left_edge.i, h.right_edge.i + 1
    vlo, vhi = v.left_edge.i, v.right_edge.i + 1
    if vhi >= hi:
        add(lo, vlo, cue, subj, how="aside")
    elif _connective(doc, lo, vlo + doc[vlo].is_punct) >= vlo and all(
            c.dep_ in ("nsubj", "punct", "advmod") or c.dep_ == "mark" and c.lower_ == "as"
            for c in v.children if c.i < v.i) and not any(c.dep_ == "auxpass" for c in v.children):
        # "As The Washington Post reported, even if …", "Still, he said, officials have to …": the
        # aside opens its host (after a connective at most), and what follows it is the report (not
        # "While he acknowledged …," or "If this fails, X argues, …": a clause of time or condition)
        add(vhi, hi, cue, subj, how="aside")
    else:
        add(lo, hi, cue, subj, how="aside")


#: Most words a headline's source takes before its colon ("Pat Caddell: Democrat Voters Worried …").
_HEADLINE_SOURCE = 4
_NOT_HEADLINE_SOURCE = frozenset("correction corrections update updated clarification editor note photo photos video "
                                 "watch read related breaking live exclusive opinion analysis editorial source sources "
                                 "credit credits caption tags topics subscribe advertisement disclaimer disclosure "
                                 "warning summary byline dateline facebook instagram boom bombshell "
                                 "alert wow".split())


def _headline(doc: Doc, lay: Layout, colon: Token, add) -> None:
    """A line that opens with a name and a colon says what that source says, the news headline
    style ``Pence: Gennifer Flowers Won't Be at Debate`` (the line's rest, without its stop)."""
    text = lay.text
    line = text.rfind("\n", 0, colon.idx) + 1
    first = next((w for w in doc[:colon.i] if w.idx >= line and not w.is_space), None)
    if first is None:
        return
    words = doc[first.i:colon.i]
    if not 0 < len(words) <= _HEADLINE_SOURCE or not all(
            w.pos_ in ("PROPN", "NOUN") or w.text in (".", "-") for w in words) \
            or not (first.is_title or first.is_upper) \
            or any(w.is_stop or w.lower_ in _NOT_HEADLINE_SOURCE for w in words):
        return  # "Stealth Over Health: …" is a title, "Correction: …" a notice, "Q: …" an interview's question
    # (the tagger reads a headline's names as common nouns as often as not: "Sanders: …", "Clinton camp: …")
    end = text.find("\n", colon.idx)
    end = len(text) if end == -1 else end
    hi = colon.i + 1
    while hi < len(doc) and doc[hi].idx < end:
        hi += 1
    add(colon.i + 1, hi, doc[colon.i:colon.i + 1], words.root, True, words, how="headline")


def _third_person(v: str) -> str:
    return v[:-1] + "ies" if v.endswith("y") and v[-2:-1] not in "aeiou" else \
        v + "es" if v.endswith(("s", "sh", "ch", "x", "z")) else v + "s"


#: A verb of saying or stance in a headline's third person, which the tagger in a title-case line takes
#: for a noun: "Carly Fiorina Endorses Ted Cruz", "Hillary Clinton Slams Donald Trump On Abortion".
_HEADLINE_VERBS = frozenset(_third_person(v) for v in (CLAUSE_VERBS | OBJECT_VERBS) - frozenset(
    "call show find know see view rule state post report note present order issue project document record "
    "list present detail cite quote mock fire back".split()) | {"says", "tells"})


def _headline_verb(doc: Doc, lay: Layout, v: Token, add) -> None:
    """``Carly Fiorina Endorses Ted Cruz``: in a line set in title case, the words before a verb of saying or
    stance (which the tagger took for a noun) are the source and the rest of the line what it says."""
    text = lay.text
    line = text.rfind("\n", 0, v.idx) + 1
    end = text.find("\n", v.idx)
    end = len(text) if end == -1 else end
    first = v.i
    while first > 0 and doc[first - 1].idx >= line and not doc[first - 1].is_space:
        first -= 1
    last = v.i
    while last + 1 < len(doc) and doc[last + 1].idx < end:
        last += 1
    src, rest = doc[first:v.i], doc[v.i + 1:last + 1]
    words = [w for w in (*src, *rest) if w.is_alpha and len(w) > 3]
    if not 0 < len(src) <= _HEADLINE_SOURCE + 2 or not src[0].is_title or not rest \
            or sum(w.is_title or w.is_upper for w in words) < 0.8 * len(words):
        return  # not a headline: "… the Democratic Caucus Supports …" in running text
    add(v.i + 1, last + 1, doc[v.i:v.i + 1], src.root, v.lower_ in ("says", "tells"), src, how="headline")


_ABOUT = frozenset(["about", "on", "against", "over"])
#: Verbs that only carry a statement noun: "made comments about …", "issued a warning on …".
_LIGHT_VERBS = frozenset("make offer issue deliver give level lodge repeat".split())


def _says_that(n: Token) -> bool:
    """Is ``n`` a statement or belief noun with its "that" clause (``expressed the fear that …``,
    ``repeated his claim that …``)? The clause is the statement, found from the noun."""
    return (lemma(n) in BELIEF_NOUNS or lemma(n) in STATEMENT_NOUNS) and any(
        c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in _THAT for m in c.children)
        for c in n.children)


def _held_that(doc: Doc, n: Token, add) -> None:
    """A belief noun's "that" clause, when the noun says whose belief it is (its possessor, "from
    X", or the subject of the verb that voices it: "X expressed the fear that …")."""
    holder = _noun_speaker(n)
    if holder is None:
        return
    for c in n.children:
        if c.i > n.i and c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in _THAT for m in c.children):
            add(c.left_edge.i, _clause_end(doc, c), doc[n.i:n.i + 1], holder, False, how="belief")


def _stance_noun(doc: Doc, n: Token, add, preps: frozenset | None = None) -> None:
    """A stance its owner holds, named by a noun: ``his disdain for super PACs``, ``Clinton's plan
    to …``, ``the senator's attacks on …`` (only with a possessor: whose stance it is)."""
    owner = next((c for c in n.children if c.dep_ == "poss"), None)
    if owner is None and preps is not None and n.dep_ == "dobj" and lemma(n.head) in _LIGHT_VERBS:
        # "Trump has made several controversial statements on the matter", "made these same allegations
        # against the NRA", "offered some kind words about Mr. Bush": the subject's statement
        owner = _speaker(n.head)
    if owner is None:
        return
    for c in n.children:
        if c.i < n.i:
            continue
        if c.dep_ == "prep" and c.lower_ in (preps or _ATTITUDE_PREPS | {"against", "toward", "towards"}):
            c = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
        elif preps or not (c.dep_ == "acl" and _infinitive(c)):
            continue
        if c is not None:
            add(c.left_edge.i, _clause_end(doc, c), doc[n.i:n.i + 1], owner, False, how="stance")


#: Nouns of one who holds a stance towards something: "a fierce supporter of the plan", "an outspoken
#: critic of the deal", "a leading advocate for …".
AGENT_NOUNS = frozenset("supporter proponent critic advocate defender backer champion opponent fan foe booster "
                        "detractor skeptic sceptic admirer".split())


#: Subjects that hold no stance of their own (``this is a supporter of …``); a pronoun for a person does.
_NOT_HOLDERS = _NOT_CONTENT - {"he", "she", "they", "we", "i", "you", "who"}


def _agent_noun(doc: Doc, n: Token, add) -> None:
    """``X is an outspoken critic of the deal``: what the stance bears on, held by the subject of "be" (not
    yet the name the noun stands beside, ``X, a longtime supporter of the plan, …``: PolNeAR train marks
    about half of those)."""
    if n.dep_ != "attr":
        return
    holder = _subject_child(n.head)
    if holder is None or holder.lower_ in _NOT_HOLDERS:
        return
    for c in n.children:
        if c.i > n.i and c.dep_ == "prep" and c.lower_ in ("of", "for"):
            p = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if p is not None:
                add(p.left_edge.i, _clause_end(doc, p), doc[n.i:n.i + 1], holder, False, how="agent")
            return


def _according(doc: Doc, t: Token, add) -> None:
    """``according to X``: the clause it hangs on, less the phrase itself."""
    to = doc[t.i + 1]
    src = next((c for c in to.children if c.dep_ == "pobj"), None)
    if src is None:
        return
    _host_clause(doc, t, to.right_edge.i + 1, doc[t.i:t.i + 2], src, add, "according")


#: What a figure is found in: "In a new poll, Clinton leads …".
POLL_NOUNS = frozenset("poll survey polling average tally".split())


def _in_poll(doc: Doc, t: Token, add) -> None:
    """``In the latest poll, …``: the clause it opens is what the poll found, less the phrase itself. (Only
    before its clause: "has slipped in the polls", "who leads in the polls" were attributions in PolNeAR train
    less than half the time.)"""
    src = next((c for c in t.children if c.dep_ == "pobj"), None)
    if src is not None and lemma(src) in POLL_NOUNS and t.i < t.head.i and t.i == t.head.left_edge.i:
        _host_clause(doc, t, t.right_edge.i + 1, doc[t.i:t.i + 1], src, add, "poll")


def _host_clause(doc: Doc, t: Token, phi: int, cue: SpacySpan, src: Token, add, how: str) -> None:
    """The clause a source phrase (``t`` up to ``phi``) hangs on, less the phrase."""
    plo = t.i
    h = t.head
    while h.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and h.head is not h and h.pos_ not in ("VERB", "AUX"):
        h = h.head
    while h.dep_ == "conj" and h.head.pos_ in ("VERB", "AUX") and t.i > h.i and _subject_child(h) is not None \
            and all(w.is_punct or w.is_space for w in doc[phi:h.head.right_edge.i + 1]):
        # "Trump received 37 percent, Clinton had 36 percent and Bloomberg 13 percent, according to the
        # poll": closing the sentence, the phrase sources every clause coordinated before it, not the last
        h = h.head
    lo, hi = h.left_edge.i, h.right_edge.i + 1
    end = hi
    while end > phi and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1  # "…, according to X." ends the clause but for its stop (and the line break after it)
    if plo <= lo:
        lo = phi
    elif phi >= end:
        hi = plo
    elif phi - lo < hi - plo and plo - lo <= 2:
        lo = phi
    add(lo, hi, cue, src, how=how)


_LEAD_DROP = frozenset(["that", ",", ";", ":", "--", "—", "–", "-", "and", "but"])


#: Connectives with which the writer links a sentence to the one before (``Still, officials have to
#: decide …``, ``In fact, neither plan would …``): before a comma at a clause's start, not what is reported.
_CONNECTIVES = frozenset(tuple(c.split()) for c in (
    "however still meanwhile moreover indeed furthermore additionally nevertheless nonetheless instead besides "
    "likewise similarly consequently thus therefore otherwise".split() + [
        "in fact", "in contrast", "by contrast", "in addition", "in particular", "in the end", "of course",
        "at the same time", "on the other hand", "as a result", "after all", "for example", "for instance"]))
_CONNECTIVE_WORDS = 4


def _connective(doc: Doc, lo: int, hi: int) -> int:
    """Where the clause starts after a leading connective and its comma, else ``lo``."""
    for n in range(1, min(_CONNECTIVE_WORDS, hi - lo - 1) + 1):
        if doc[lo + n].text == "," and tuple(w.lower_ for w in doc[lo:lo + n]) in _CONNECTIVES:
            return lo + n + 1
    return lo


#: Punctuation a clause keeps at its end: a closing mark or parenthesis, and a sign that belongs to
#: the number before it ("… with 22%").
_KEPT_AT_END = frozenset(['"', "'", "”", "’", ")", "%"])


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (doc[lo].lower_ in _LEAD_DROP or doc[lo].is_space):
        lo += 1
    lo = _connective(doc, lo, hi)
    while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in _KEPT_AT_END
                       or doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    return lo, hi


def _quoted(lay: Layout, lo: int, hi: int) -> bool:
    """Is the clause a quotation's own words (all but a few tokens inside marks)?"""
    if lay.in_quote[lo] == -1:
        return False  # 'Putin has "been a leader …"': a mixed quote, the writer's clause around it
    inside = sum(1 for i in range(lo, hi) if lay.in_quote[i] != -1)
    return inside and inside >= 0.8 * (hi - lo)
