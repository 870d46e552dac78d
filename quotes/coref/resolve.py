"""Stage 4, coref: which person, organisation or group each speaker mention means.

A precision-ordered sieve in the manner of Stanford's deterministic
coreference (Lee et al. 2013), cut down to what quotation attribution needs:

1. A first pass reads the whole parse once, in order, and builds the
   *antecedent pool*: every named person and organisation (names clustered:
   "Gérald Darmanin" = "Darmanin" = "Mr. Darmanin", never "Bill" with
   "Hillary" Clinton), the roles the text gives them (:mod:`quotes.coref.roles`),
   definite descriptions that fit those roles ("the French minister"), and
   gender evidence from the text's own pronouns.
2. Each speaker mention is then resolved in document order: a name to its
   cluster; a description by role, then by an organisation's head noun
   ("the ministry" -> Ministry of Justice), then by class ("the news outlet"
   -> the last news organisation named); a pronoun to the most salient
   compatible entity (gender, number, subject position, being a recent
   speaker, decaying by sentence). A speaker the text never names stays a
   description ("a campaign aide"), never a wrong name.

Entities never cross an article boundary (a page of several articles glued
together is split at "Related articles" lines and runs of blank lines).

This module is over the project's ~450 lines: the passes share one pool and the class that
holds it (``_Resolver``), and its sieves are methods of that class, read in order.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, LOWER, ORTH, POS, SENT_START
from spacy.parts_of_speech import NOUN
from spacy.symbols import ccomp
from spacy.strings import hash_string
from spacy.tokens import Doc, Span as SpacySpan, Token

from ..lexicon import nouns as lex
from ..lexicon.cues import SPEECH_NOUNS, SPEECH_VERBS
from ..nlp.lemmas import is_word, lemma
from .clusters import (FEMALE, MALE, PLURAL, Cluster, Mention, description_type, description_type_of, org_class, org_fits,
                       pronoun_filter, surname_compatible)
from .segments import doc_segment_starts, double_quoted
from .mentions import (W_OTHER, W_SPEAKER, attached, is_news_name, name_head, name_tokens, name_words, noun_before,
                       org_key, org_text, acronym, weight as mention_weight)
from ..lexicon.names import TITLE_ABBREVIATIONS, TITLE_WORDS, PersonName, first_name_gender, first_name_guess, fold, name_match, parse_name, word_gender
from ..records import Entity
from .roles import DEMONYMS as _DEMONYM_WORDS, Description, Role, counterpart, describe, fits, loosened, make_role, nation, roles_around

WINDOW = 5          # sentences a pronoun looks back for salience
DECAY = 0.5         # salience kept per sentence of distance
W_QUOTED = 0.1      # factor for a mention inside a quotation: "John Holdren" in the quote is not who said it
W_REPORTED = 0.25   # factor for a mention inside a reported clause: in "Cox says Obama is trying …", Obama is
                    # what Cox talks about; a "He says" after it goes on with Cox
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
_THE = frozenset({"the", "this", "that", "a", "an"})
#: Texts that speak for their owner: "her statement said", "the company's release said".
_OWNED_TEXTS = frozenset(SPEECH_NOUNS | {"release", "memo", "letter", "post", "tweet", "email", "note", "filing",
                                         "website", "blog", "account", "article", "piece", "story", "clip", "ad",
                                         "advertisement", "spot", "commercial", "study", "book", "documentary", "feature",
                                         # court and legal papers: "Ivana Trump's brief said", "the judge's ruling"
                                         "brief", "missive", "motion", "petition", "complaint", "lawsuit", "suit",
                                         "ruling", "opinion", "indictment", "affidavit", "manifesto"})
#: Nouns that name a text only with its author given ("a paper by …"); alone, "the paper" is a newspaper.
_TEXTS_IF_AUTHORED = frozenset({"paper", "column", "editorial", "op-ed"})
#: Verbs whose subject authors their object: "the RNC released a video", "the Post published a piece".
_AUTHORING = frozenset({"release", "publish", "air", "post", "run", "issue", "write", "produce", "put", "launch",
                        "tweet", "send", "file", "broadcast"})
TEXT_LOOKBACK = 8   # sentences an unowned "the piece" looks back for the text it repeats
#: Texts that repeat one another in news prose: a "video" becomes "the ad", then "the clip"; a
#: "piece" becomes "the article". Any other text repeats only its own word ("the report").
_TEXT_FAMILIES = (frozenset({"video", "clip", "ad", "advertisement", "spot", "commercial", "documentary"}),
                  frozenset({"article", "piece", "story", "feature", "column", "editorial", "op-ed", "essay"}))
_GENDERED_IDS = numpy.array([hash_string(w) for w in sorted(MALE | FEMALE)], dtype=numpy.uint64)


class _Resolver:
    """The pool of one document and the sieves that read it."""

    def __init__(self, doc: Doc, text: str | None = None):
        self.doc = doc
        self.seg_starts = doc_segment_starts(doc)
        self.quote_spans = double_quoted(doc)
        self.reported_toks = _reported_tokens(doc)
        self.sent_of = self._sentence_ranks()
        self.pool: list[Mention] = []
        self.at: dict[int, Mention] = {}                 # token index -> mention there
        self.clusters: dict[int, list[Cluster]] = defaultdict(list)   # segment -> clusters
        self.last_speaker: dict[int, Mention] = {}
        #: How the last mention was resolved, and how clear a pronoun's choice was (see :class:`Evidence`).
        self.route, self.margin = "none", 1.0
        self.repeated_text = False   # set when a speaking text was tied to an earlier text's owner
        self.text_owners: dict[tuple[int, frozenset[str]], SpacySpan] = {}   # (segment, family) -> last owner found
        self.closing: dict[int, tuple[int, SpacySpan | None]] = {}   # segment -> its last line (the writer's bio)
        self.by_key: dict[tuple[int, str], Cluster] = {}
        self.vocab: dict[int, set[str]] = defaultdict(set)   # segment -> nouns a description there may fit
        self.person_surnames: dict[int, set[str]] = defaultdict(set)  # segment -> last words of PERSON names
        self.text = doc.text if text is None else text   # once: Doc.text joins every token again on each read
        self.defined = acronym_definitions(self.text)   # "UCEA" -> the name it stands for, where it was defined
        self.person_words: dict[int, set[str]] = defaultdict(set)     # segment -> every word of PERSON names
        self.ents = _with_nicknames(doc, [_without_dateline(e) for e in doc.ents])
        for ent in self.ents:
            if ent.label_ in ("PERSON", NICKNAMED) and len(ent) > 1 and ent[-1].is_alpha:
                self.person_surnames[self.segment(ent.start)].add(fold(ent[-1].text))
                self.person_words[self.segment(ent.start)].update(fold(t.text) for t in ent if t.is_alpha)

    def _quote_at(self, tok: int) -> int:
        """The index of the quoted stretch holding token ``tok`` (its marks included), or -1."""
        k = bisect_right(self.quote_spans, (tok, len(self.doc))) - 1
        return k if k >= 0 and self.quote_spans[k][0] <= tok <= self.quote_spans[k][1] else -1

    def quoted(self, tok: int) -> bool:
        """Whether token ``tok`` lies between double quotation marks (names there are rarely the speaker)."""
        k = self._quote_at(tok)
        return k >= 0 and self.quote_spans[k][0] < tok < self.quote_spans[k][1]

    def _sentence_ranks(self) -> list[int]:
        """Per token, its sentence's rank counting only sentences of narration.

        A sentence wholly inside one quotation does not move the count on, so a
        "he continued" after a long quoted speech is as near its speaker as after
        a short one.
        """
        doc = self.doc
        if not len(doc):
            return []
        starts = numpy.flatnonzero(doc.to_array([SENT_START]) == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        ends = starts[1:] + [len(doc)]
        ranks, rank = [], -1
        for a, b in zip(starts, ends):
            q = self._quote_at(a)
            if rank < 0 or q < 0 or q != self._quote_at(b - 1):
                rank += 1
            ranks.append(rank)
        return numpy.repeat(ranks, [b - a for a, b in zip(starts, ends)]).tolist()

    # -- positions -------------------------------------------------------
    def segment(self, tok: int) -> int:
        return bisect_right(self.seg_starts, self.doc[tok].idx) - 1

    def add(self, tok: int, cluster: Cluster, weight: float | None = None) -> Mention:
        """Record that token ``tok`` mentions ``cluster`` (replacing what was there)."""
        if tok in self.at:
            m = self.at[tok]
            m.cluster = cluster
            cluster.last = max(cluster.last, tok)
            if weight is not None:
                m.weight = max(m.weight, weight)
            return m
        cluster.last = max(cluster.last, tok)
        w = weight if weight is not None else mention_weight(self.doc[tok])
        if w != W_SPEAKER and self.quoted(tok):
            w *= W_QUOTED
        elif w != W_SPEAKER and tok in self.reported_toks:
            w *= W_REPORTED
        m = Mention(tok, self.sent_of[tok], cluster, w)
        insort(self.pool, m, key=lambda x: x.tok)
        self.at[tok] = m
        return m

    def new_cluster(self, tok: int, name: str, type_: str, **kw) -> Cluster:
        c = Cluster(Entity(name=name, type=type_), self.segment(tok), **kw)
        self.clusters[c.segment].append(c)
        return c

    def salient(self, tok: int, ok: Callable[[Cluster], float]) -> Cluster | None:
        """The cluster with most salience at ``tok`` among those ``ok`` weighs above zero.

        Salience adds up each earlier mention's weight, halved per sentence of
        distance, within :data:`WINDOW` sentences; with none there, the most
        recent acceptable mention in the same article wins.
        """
        seg, sent = self.segment(tok), self.sent_of[tok]
        scores: dict[int, float] = defaultdict(float)
        by_id: dict[int, Cluster] = {}
        i = bisect_left(self.pool, tok, key=lambda x: x.tok) - 1
        looked = 0
        while i >= 0 and looked < 400:
            m = self.pool[i]
            i -= 1
            looked += 1
            if m.cluster.segment != seg:
                break
            f = ok(m.cluster)
            if f <= 0:
                continue
            dist = sent - m.sent
            if dist > WINDOW:
                if not scores:
                    return m.cluster
                break
            scores[id(m.cluster)] += f * m.weight * DECAY ** dist
            by_id[id(m.cluster)] = m.cluster
        if not scores:
            return None
        last = self.last_speaker.get(seg)
        if last is not None and id(last.cluster) in scores and last.tok < tok:
            scores[id(last.cluster)] += W_OTHER * DECAY ** (sent - last.sent)   # the previous speaker goes on
        ranked = sorted(scores.values(), reverse=True)
        # how far the winner is ahead of the runner-up: a close call is said, not hidden (Evidence.margin)
        self.margin = 1.0 if len(ranked) == 1 else (ranked[0] - ranked[1]) / ranked[0]
        return by_id[max(scores, key=scores.__getitem__)]

    # -- first pass --------------------------------------------------------
    def build(self) -> None:
        """Read the whole document once, in token order, into the pool."""
        doc = self.doc
        events: list[tuple[int, int, object]] = []
        for ent in self.ents:
            if ent.label_ in ("PERSON", "ORG", NICKNAMED) or self._surname_as_place(ent):
                events.append((ent.start, 0, ent))
        events += [(t.i, 0, doc[t.i:t.i + 1]) for t in self._untagged_subjects()]
        for i in numpy.flatnonzero(doc.to_array([POS]) == NOUN).tolist():
            events.append((i, 1, i))
        lower = doc.to_array([LOWER])
        for i in numpy.flatnonzero(numpy.isin(lower, _GENDERED_IDS)).tolist():
            if doc[i].pos_ == "PRON":
                events.append((i, 2, doc[i]))
        events.sort(key=lambda e: (e[0], e[1]))
        seen_heads: set[int] = set()
        for _, kind, obj in events:
            if kind == 0:
                self._name_event(obj, seen_heads)
            elif kind == 1:
                self._description_event(obj)
            else:
                self._pronoun_vote(obj)

    def _known_surname(self, tok: Token) -> bool:
        """Whether ``tok`` is the last word of a PERSON name of its article segment."""
        return fold(tok.text) in self.person_surnames[self.segment(tok.i)]

    def _surname_as_place(self, ent: SpacySpan) -> bool:
        """A one-word nationality or place that is the surname of a person the article named (``Mark Cuban``
        … ``Cuban said``, ``Justin T. Bamberg`` … ``Bamberg, who is 28,``): that person, not a group or a town."""
        return (ent.label_ in ("NORP", "GPE", "LOC") and len(ent) == 1 and ent[0].pos_ == "PROPN"
                and self._known_surname(ent[0]) and (ent.start == 0 or self.doc[ent.start - 1].lower_ not in _THE))

    def _untagged_subjects(self) -> list[Token]:
        """Bare one-word subjects in title case that the tagger made proper nouns but the recogniser
        no entity (``Ouahbi was upbeat.``, ``Ham went on to explain``: a surname it has not seen):
        someone a later "he" may mean. Only a word that opens its clause and has no words of its own
        (not ``the 13th Amendment was``), and no English word (``Tennis``, ``Loyalty``) unless a
        person's name in the article ends with it (``Gen. Norman Ham`` … ``Ham went on``)."""
        doc = self.doc
        return [t for t in doc if t.pos_ == "PROPN" and t.dep_ == "nsubj" and not t.ent_type_ and t.is_title
                and t.is_alpha and len(t) > 2 and not any(c.dep_ != "punct" for c in t.children)
                and t.head.pos_ in ("VERB", "AUX") and not self.quoted(t.i) and fold(t.text) not in lex.ORG_NAME_WORDS
                and (t.i == 0 or doc[t.i - 1].is_punct or doc[t.i - 1].is_space
                     or doc[t.i - 1].pos_ in ("CCONJ", "SCONJ") or doc[t.i - 1].dep_ == "mark")   # "Once Fetter arrived"
                and (not is_word(t) or self._known_surname(t))]

    def _name_event(self, ent: SpacySpan, seen: set[int]) -> None:
        while len(ent) > 1 and ent[-1].pos_ in ("VERB", "AUX") and ent.label_ == "PERSON":
            # a headline's verb glued to the name ("Obama Says African-American Museum …" read as
            # PERSON "Obama Says"): the name stops before it
            ent = ent[:-1]
        text = ent.text
        if ent.label_ == NICKNAMED:
            self._nicknamed(ent, seen)
            return
        if any(ch in text for ch in ",;\"“”\n") or not any(t.is_alpha for t in ent):
            return
        head = name_head(ent.root)
        if head.i in seen:
            return
        if ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0 and self.doc[ent.start - 1].lower_ in _THE \
                and fold(ent.text) in lex.THING_NAME_WORDS:
            return  # "The Bill would require …": a thing written with a capital, not a man called Bill
        if ent.label_ == "PERSON" and len(ent) == 1 and is_word(ent[0]) \
                and fold(ent.text) not in self.person_words[self.segment(ent.start)] \
                and sum(1 for t in ent.sent if not t.is_punct and not t.is_space) == 1:
            return  # "Harsh? He doesn't think so.": a one-word sentence in English, no one's name
        if ent.label_ == "PERSON" and len(ent) == 1 and ent[0].pos_ == "VERB" and is_word(ent[0]) \
                and fold(ent.text) not in self.person_words[self.segment(ent.start)]:
            return  # "Conceding that …, he warned": an English verb opening a clause, no one's name
        seen.add(head.i)
        if ent.label_ == "ORG" and not self._org_is_person(ent):
            self._org_name(ent, head)
            return
        while head.i > ent.start and fold(head.text) in SPEECH_NOUNS and self.doc[head.i - 1].pos_ == "PROPN":
            head = self.doc[head.i - 1]  # a title-case caption: "President Obama Speech at ..." is Obama
        toks = name_tokens(head)
        name = parse_name(name_words(toks))
        if not name.words:
            return
        c = self.link_person(head.i, name)
        if name.titles:      # "Vice President", "Attorney General": one office
            titles = self._portfolio(toks[0].i) + list(name.titles)
            text = " ".join(titles)
            c.add_role(Role(text=text, head=fold(titles[-1]), words=frozenset(fold(t) for t in titles)),
                       self.vocab[c.segment])
        for role in roles_around(head, toks[0].i):
            c.add_role(self._complete(role, head), self.vocab[c.segment])
        outer = head.head if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN") else None
        self.add(head.i, c, mention_weight(outer) if outer is not None else None)
        if outer is not None and outer.i not in self.at:
            self.add(outer.i, c)
        for a in head.rights:
            if a.dep_ == "appos" and a.pos_ == "NOUN" and a.i not in self.at:
                self.add(a.i, c, W_OTHER)

    def _nicknamed(self, ent: SpacySpan, seen: set[int]) -> None:
        """A name with a nickname in marks (``John “Tig” Tiegen``, ``Marcia "Cia" Price``): the person is
        the name without the nickname, which the recogniser had cut in two or missed."""
        inside = {t.i for t in ent if t.is_quote or self.quoted(t.i)}
        words = [t.text for t in ent if t.i not in inside]
        head = ent[-1]
        name = parse_name(words)
        if head.i in seen or not name.words:
            return
        seen.add(head.i)
        c = self.link_person(head.i, name)
        for role in roles_around(head, ent.start):
            c.add_role(self._complete(role, head), self.vocab[c.segment])
        self.add(head.i, c)

    def _portfolio(self, i: int) -> list[str]:
        """The words of an office written before its title word: "Agriculture" in "Agriculture Minister
        Annie Genevard", "Transport" in "Transport Minister …" (capitalised compounds, up to three)."""
        words: list[str] = []
        j = i - 1
        while j >= 0 and len(words) < 3:
            t = self.doc[j]
            if t.pos_ != "PROPN" or t.dep_ != "compound" or not t.is_title or t.ent_type_ in ("PERSON", "GPE", "NORP", "DATE") \
                    or "\n" in t.whitespace_ or fold(t.text) in lex.THING_NAME_WORDS:
                break
            words.insert(0, t.text)
            j -= 1
        return words

    def _complete(self, role: Role, head: Token) -> Role:
        """Give "his French counterpart" the office of the person "his" means."""
        if role.head != "counterpart" or role.possessor is None:
            return role
        p = role.possessor
        owner = self.at[p.i].cluster if p.i in self.at else self.salient(p.i, pronoun_filter(fold(p.text)))
        if owner is None:
            return role
        model = next((r for r in owner.role_list if r.nations and r.head != "counterpart"), None)
        return counterpart(role, model) if model else role

    def _org_is_person(self, ent: SpacySpan) -> bool:
        """An ORG that is really a person: one already named ("Trump" after "Donald Trump"), one with a
        person appositive ("Jean-Marc Ayrault, the foreign minister"), or a sure first name and one more
        word that is no organisation word ("Carly Fiorina", not "Royal Air Maroc")."""
        toks = [t for t in ent if t.text not in ("-", "–")]
        words = ent.text.split()
        if len(words) > 1 and fold(words[-1]).strip(".,") in lex.THING_NAME_WORDS and not first_name_guess(words[0])[1]:
            return False    # "the Data Retention Bill", "Smith Tower": a thing (but "Arsenio Hall" is a man)
        if len(words) == 1 and words[0][:1].isupper() and fold(words[0]) in self.person_surnames[self.segment(ent.start)]:
            return True     # "Sanders" before or after "Bernie Sanders" in the same article (even tagged a noun)
        if not toks or any(t.pos_ != "PROPN" for t in toks) or len(words) > 3 or is_news_name(ent.text):
            return False
        name = parse_name(words)
        head = ent.root
        if any(c.dep_ == "appos" and c.pos_ == "NOUN" and description_type_of(c) == "person" for c in head.rights):
            return True
        if len(words) == 2 and first_name_guess(words[0])[1] and words[1][:1].isupper() \
                and fold(words[1]) not in lex.ORG_NAME_WORDS:
            return True
        return any(c.type == "person" and any(name_match(n, name) in ("exact", "surname") for n in c.names)
                   for c in self.clusters[self.segment(ent.start)])

    def _org_name(self, ent: SpacySpan, head: Token) -> None:
        name = org_text(ent)
        if not name:
            return
        short = None
        for acro, (long, start, end) in self.defined.items():
            # the tagger cut "Universities and Colleges Employers' Association (UCEA)" to its tail, or
            # this is the acronym itself: the body is the one the article defined
            if fold(name) == fold(long) or start <= ent.start_char < end or name == acro:
                name, short = long, acro
                break
        key = org_key(name)
        seg = self.segment(ent.start)
        demonym, bare = _nationality(name)
        keys = {key, org_key(bare)} if demonym else {key}
        c = next((c for c in reversed(self.clusters[seg]) if c.type == "organisation"
                  and (keys & c.org_keys or acronym(name) in c.org_keys)
                  and not (demonym and c.nations and nation(demonym) not in c.nations)), None)
        if c is None:
            mute = short is None and fold(name.split()[-1]) in lex.MUTE_NAME_WORDS
            # a building or an event the tagger made an organisation ("Smith Tower"): a name, never a body
            # that "the company" or "it" means
            c = self.new_cluster(ent.start, name, "unknown" if mute else "organisation")
            c.news = is_news_name(name)
        if head.dep_ in ("nsubj",) and lemma(head.head) in lex.REPORTING_VERBS:
            c.news = True
        c.add_form(name, self.vocab[seg])
        if short:
            c.add_form(short, self.vocab[seg])
        c.org_keys.update((keys | {acronym(name)}) - {""})
        if demonym:
            c.nations.add(nation(demonym))
        c.nations.update(nation(t.text) for t in ent.doc[ent.root.left_edge.i:ent.start] if t.ent_type_ == "NORP")
        for a in head.rights:   # "the National Social Security Fund (CNSS)"
            if a.dep_ == "appos" and a.text.isupper() and a.is_alpha:
                c.org_keys.add(fold(a.text))
        self.add(head.i, c)

    def link_person(self, tok: int, name: PersonName) -> Cluster:
        """The person cluster ``name`` at ``tok`` belongs to, made if none fits.

        Exact matches win over surname matches over given-name matches; a tie
        goes to the cluster mentioned most recently (a bare "Clinton" to the
        Clinton just talked about). An honorific of the other gender vetoes.
        """
        seg = self.segment(tok)
        best, best_rank, best_last = None, 9, -1
        ranks = {"exact": 0, "surname": 1, "given": 2}
        words = set(name.folded)
        for c in self.clusters[seg]:
            if c.type != "person" or not c.names or not words & c.name_words:
                continue
            if name.honorific_gender and (g := c.gender()) and g != name.honorific_gender:
                continue
            found = [name_match(n, name) for n in c.names]
            rank = min((ranks[f] for f in found if f), default=9)
            if rank == 9:
                continue
            if rank == ranks["surname"] and not surname_compatible(c, name):
                continue
            if rank < best_rank or (rank == best_rank and c.last > best_last):
                best, best_rank, best_last = c, rank, c.last
        if best is None:
            best = self.new_cluster(tok, name.text, "person")
        if all(n.folded != name.folded or n.honorific_gender != name.honorific_gender for n in best.names):
            best.names.append(name)
            best.name_words.update(name.folded)
        best.forms[name.text] += 1
        return best

    def _description_event(self, i: int) -> None:
        """A common noun whose lemma some role or organisation name holds: try it as a description."""
        root = self.doc[i]
        base = fold(lemma(root))
        # a person described as the subject of a sentence ("A local shop owner shook his head.") is someone
        # a later "he" or "she" may mean, though no role or name in the text holds the noun
        # (only an indefinite one: "the nominee" most often means someone named before)
        introduced = root.dep_ in ("nsubj", "nsubjpass") and lex.is_person_noun(base) and not self.quoted(i) \
            and self.doc[root.left_edge.i].lower_ in ("a", "an")
        # a named owner's body as a subject ("Donald Trump's campaign is defending …") is what a later
        # "it" means, though no organisation's name holds the noun
        owned_body = root.dep_ in ("nsubj", "nsubjpass") and base in lex.BODY_NOUNS and not self.quoted(i) \
            and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in root.children)
        if i in self.at or (base not in self.vocab[self.segment(i)] and not word_gender(base) and not introduced
                            and not owned_body):
            return
        if root.dep_ in ("compound", "amod", "nmod", "poss"):
            return
        chunk = self.doc[root.left_edge.i:i + 1]
        d = describe(chunk)
        if d is None or d.plural or not (d.definite or introduced):
            return
        introduced = introduced and not d.definite
        c = None if chunk[0].tag_ == "PRP$" else self.resolve_description(i, d, create=False)
        if c is None and (word_gender(d.head) or introduced) and root.dep_ in ("nsubj", "nsubjpass"):
            c = self._description_cluster(i, d, "person")   # "the woman" is someone a "she" may mean
        elif c is None and owned_body:
            c = self._description_cluster(i, d, "organisation")
        if c is not None:
            self.add(i, c)

    def _pronoun_vote(self, tok: Token) -> None:
        """Count a gendered pronoun for the one person it can mean nearby, if there is only one."""
        sent = self.sent_of[tok.i]
        i = bisect_left(self.pool, tok.i, key=lambda x: x.tok) - 1
        people = set()
        while i >= 0 and self.pool[i].sent >= sent - 1:
            if self.pool[i].cluster.type == "person":
                people.add(self.pool[i].cluster)
            i -= 1
        if len(people) == 1:
            people.pop().votes["male" if fold(tok.text) in MALE else "female"] += 1

    # -- sieves -------------------------------------------------------------
    def resolve_description(self, tok: int, d: Description, create: bool = True) -> Cluster | None:
        """Role fit, then organisation head noun, then class noun; else (if ``create``) the description itself."""
        seg = self.segment(tok)
        if d.head in lex.NON_AGENTS and d.head not in lex.NEWS_NOUNS:
            return self._description_cluster(tok, d, "unknown") if create else None
        cands = self.clusters[seg]
        if any(c.type == "person" and c.role_list for c in cands):
            p = loosened(d, self.vocab[seg])
            c = self.salient(tok, lambda c: float(c.type == "person" and fits(p, c.role_list, frozenset(c.nations))))
            if c is not None and create and not c.names and c.key == _description_key(d):
                # only the description itself, met before as a noun ("The former first lady and U.S. senator"):
                # an epithet for someone named, if it is one
                named = self._epithet(tok, d)
                if named is not None:
                    self.route = "epithet"
                    return named
            if c is not None:
                return c
        if any(c.type == "organisation" for c in cands):
            c = self.salient(tok, lambda c: float(c.type == "organisation" and org_fits(d, c)))
            if c is not None:
                return c
            cls = org_class(d)
            if cls is not None:
                c = self.salient(tok, cls)
                if c is not None:
                    return c
        if not create:
            return None
        kind = description_type(d)
        if kind == "person":
            c = self._epithet(tok, d)
            if c is not None:
                self.route = "epithet"
                return c
        return self._description_cluster(tok, d, kind)

    def _epithet(self, tok: int, d: Description) -> Cluster | None:
        """The named person a news epithet means: a definite description with a describing modifier and
        no role in the article to fit (``Trump charges that …`` / ``The New York businessman says …``,
        ``Mike Pence says …`` / ``The Indiana governor said …``) is the main subject of the sentence it
        follows, reading back over descriptions, up to :data:`EPITHET_REACH` sentences. Nouns before the
        head (``the plant manager``) and modifiers that set someone apart (``the other candidate``) make
        a new person; so does a subject whose gender or whose own role with that head disagrees. Words that
        only describe (``the silver-haired veteran``) bind as they do for roles: only through a role the
        article gave someone (:func:`loosened`); words that classify (``the GOP presidential candidate``)
        do not stop an epithet."""
        head = self.doc[tok]
        mods = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod")]
        det = next((c for c in head.lefts if c.dep_ == "det"), None)
        if not d.definite or d.plural or det is None or det.lower_ != "the" or not mods or self.quoted(tok) \
                or any(not _classifying(w) for w in d.loose) \
                or not all(c.pos_ in ("ADJ", "PROPN") or c.ent_type_ in ("GPE", "NORP", "ORG") for c in mods) \
                or any(c.pos_ == "NOUN" or c.tag_ == "POS" or (c.pos_ == "ADJ" and c.lower_ in SETTING_APART)
                       for c in head.subtree if c.i < tok and c.dep_ != "det"):
            return None
        want = word_gender(d.head)
        sent = self.sent_of[tok]
        k = bisect_left(self.pool, tok, key=lambda x: x.tok) - 1
        while k >= 0 and self.pool[k].sent >= sent - EPITHET_REACH:
            m = self.pool[k]
            k -= 1
            t = self.doc[m.tok]
            if not _main_subject(t) or self.quoted(m.tok) or m.cluster.type != "person":
                continue
            c = m.cluster
            if not c.names:
                continue   # a description before it ("The Republican vice presidential nominee was speaking"): read on
            g = c.gender()
            if (want and g and want != g) or any(r.head == d.head for r in c.role_list):
                return None
            return c
        return None

    def _description_cluster(self, tok: int, d: Description, type_: str) -> Cluster:
        """A speaker known only by a description; a definite one repeated is the same one."""
        seg = self.segment(tok)
        key = _description_key(d)
        if d.definite and (seg, key) in self.by_key:
            return self.by_key[(seg, key)]
        c = self.new_cluster(tok, d.text, type_, plural=d.plural, key=key)
        role = make_role(list(self.doc[self.doc[tok].left_edge.i:tok + 1]))
        if role is not None:
            c.add_role(role, self.vocab[seg])
        self.by_key.setdefault((seg, key), c)
        return c

    def resolve_pronoun(self, tok: Token) -> Cluster | None:
        self.route, self.margin = "pronoun", 1.0
        low = fold(tok.text)
        if low in _RELATIVE:
            ante = tok.head.head if tok.head.dep_ == "relcl" else noun_before(tok)
            if ante is None or ante.i == tok.i or ante.pos_ == "PRON":
                return None
            return self.resolve_span(self.doc[ante.left_edge.i:ante.i + 1])
        if low in ("i", "me") and not self.quoted(tok.i):
            return self._author(tok.i)
        f = pronoun_filter(low)
        if f is None:
            return None
        if low in PLURAL:   # "they" is a group; an organisation only when it was just speaking ("they reported")
            last = self.last_speaker.get(self.segment(tok.i))
            speaking = last.cluster if last is not None else None
            return self.salient(tok.i, lambda c: f(c) if c.type != "organisation" or c is speaking else 0.0)
        best = self.salient(tok.i, f)
        return self._introduced_here(tok.i, f, best) or self._subject_just_before(tok.i, f, best) or best

    def _subject_just_before(self, tok: int, ok: Callable[[Cluster], float], best: Cluster | None) -> Cluster | None:
        """The subject of the narration sentence right before the pronoun's, when the pronoun opens a new
        paragraph (or follows the quotation that opens it) and that sentence put a new person in front
        of the last speaker: ``Williams then said: "…"`` / ``Trump also attacked Clinton and Rubio.`` /
        ``He said that …`` is Trump."""
        doc = self.doc
        start = self.text.rfind("\n", 0, doc[tok].idx) + 1
        before = doc.char_span(start, doc[tok].idx, alignment_mode="expand") or ()
        if best is None or best.type != "person" or any(not t.is_space and not t.is_punct and not self.quoted(t.i)
                                                         for t in before):
            return None   # (the paragraph may open with the words the pronoun attributes: '"…," he said')
        sent = self.sent_of[tok] - 1
        k = bisect_left(self.pool, tok, key=lambda x: x.tok) - 1
        subject = None
        while k >= 0 and self.pool[k].sent >= sent:
            m = self.pool[k]
            k -= 1
            if m.sent == sent:
                t = doc[m.tok]
                if self.quoted(m.tok) or any(self.quoted(i) for i in range(t.sent.start, t.sent.end)):
                    return None
                if _main_subject(t) and m.cluster.type == "person" and ok(m.cluster) >= 1.0:
                    subject = m.cluster
        return subject if subject is not None and subject is not best else None

    def _author(self, tok: int) -> Cluster | None:
        """The writer an "I" outside quotation marks means: in an opinion piece, the person its closing
        line introduces (``Charlotte Meehan is playwright-in-residence at Wheaton College …``); else no one."""
        start, span = self._closing_line(self.segment(tok))
        if span is None or len(span) < 3 or start <= self.doc[tok].idx:
            return None
        ent = next((e for e in span.ents if e.label_ == "PERSON"), None)
        if ent is None or ent.start != span.start or ent.end >= span.end or lemma(self.doc[ent.end]) != "be":
            return None
        m = self.at.get(name_head(ent.root).i)
        if m is None or m.cluster.type != "person":
            return None
        self.route = "author"
        return m.cluster

    def _closing_line(self, seg: int) -> tuple[int, SpacySpan | None]:
        """Where the last line of segment ``seg`` starts, and its tokens (read once per segment)."""
        if seg not in self.closing:
            end = self.seg_starts[seg + 1] if seg + 1 < len(self.seg_starts) else len(self.text)
            tail = self.text[:end].rstrip()
            start = tail.rfind("\n") + 1
            self.closing[seg] = (start, self.doc.char_span(start, len(tail), alignment_mode="expand"))
        return self.closing[seg]

    def _introduced_here(self, tok: int, ok: Callable[[Cluster], float], best: Cluster | None) -> Cluster | None:
        """A person introduced in the pronoun's own paragraph, before it, when the most salient one was
        last named in an earlier paragraph: ``… O’Malley. "…," he said.`` then a new paragraph
        ``A local shop owner shook his head. "…," he said.``: the shop owner speaks, not O’Malley."""
        start = self.text.rfind("\n", 0, self.doc[tok].idx) + 1
        here = [m for m in self.pool[max(0, bisect_left(self.pool, tok, key=lambda x: x.tok) - 60):]
                if m.tok < tok and self.doc[m.tok].idx >= start and not self.quoted(m.tok) and ok(m.cluster) > 0]
        if not here or best is None or any(m.cluster is best for m in here):
            return None
        people = {id(m.cluster): m.cluster for m in here if m.cluster.type == "person"}
        return next(iter(people.values())) if len(people) == 1 else None

    def resolve_span(self, span: SpacySpan) -> Cluster | None:
        """The cluster a speaker mention means (made when it is new), or None."""
        cut = next((t.i for t in span if t.text == "(" and t.i > span.start), None)
        if cut is not None and span[-1].text == ")":
            span = self.doc[span.start:cut]   # "the National … Administration (NOAA)": the name, not its acronym
        root = span.root
        if root.pos_ not in ("NOUN", "PROPN", "PRON") and not root.ent_type_:
            nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")]
            if not nouns:
                return None
            root = nouns[-1]
        body = _body_spoken_for(root)
        if body is not None:
            c = self.resolve_span(body)
            if c is not None and c.type == "organisation":
                # "a spokesperson for UCEA said": the body speaks; "a source from ANFCC": someone inside it
                self.route = "source" if fold(lemma(root)) in INSIDERS else "spokesperson"
                return c
            self.route, self.margin = "none", 1.0
        self.repeated_text = False
        owner = self._statement_owner(root)
        if owner is not None:
            repeated = self.repeated_text
            c = self.resolve_span(owner)
            if repeated:
                self.route = "text"   # the owner of a text named sentences back: surer than a guess, not a name
            return c
        named = root.pos_ == "PROPN" or root.ent_type_ in ("PERSON", "ORG") or self._surname_as_noun(root)
        if named and any(c.dep_ == "conj" and span.start <= c.i < span.end and c.pos_ == "PROPN"
                         and not _one_entity(root, c) for c in root.children):   # not "Oceanic and Atmospheric" in one name
            # "Ouahbi and Darmanin said": both, as a group
            last = max(c.right_edge.i for c in root.children if c.dep_ == "conj")
            return self._group(root.i, Description(text=self.doc[span.start:min(last + 1, span.end)].text,
                                                   head=fold(root.text), plural=True))
        self.route, self.margin = ("name" if named else "description"), 1.0
        for t in [root] + [t for t in span if t.i != root.i and attached(t, root) and not self._affiliation(t, root)]:
            m = self.at.get(t.i)
            if m is not None and m.cluster.type in ("person", "organisation") and (named or t.i != root.i):
                return m.cluster
            if m is not None and m.cluster.type == "person" and t.is_title and m.cluster.names:
                self.route = "name"   # a capitalised word a name event filed under a person: that person
                return m.cluster
        if root.pos_ == "PRON" or root.tag_ in ("PRP", "WP", "WDT"):
            return self.resolve_pronoun(root)
        if not named:
            c = self._name_set_off(span, root)
            if c is not None:
                self.route = "name"
                return c
        if named:
            return self._proper(span, root)
        d = describe(span)
        if d is None:
            return None
        if d.plural and d.head in lex.NON_AGENTS:
            return self._description_cluster(root.i, d, "unknown")    # "converging reports": things, not people
        if d.plural:
            return self._group(root.i, d)
        return self.resolve_description(root.i, d)

    def _name_set_off(self, span: SpacySpan, root: Token) -> Cluster | None:
        """The person a description names after a comma at its end, whatever the parse hung the name on:
        ``His former business partner at Lenox, Lawrence B. Cummings, called him …`` (the parser made
        Cummings an appositive of Lenox)."""
        if root.pos_ != "NOUN" or not lex.is_person_noun(fold(lemma(root))) or span[-1].ent_type_ != "PERSON":
            return None
        start = span.end - 1
        while start > span.start and self.doc[start - 1].ent_type_ == "PERSON" and self.doc[start].ent_iob_ != "B":
            start -= 1
        if start <= root.i or self.doc[start - 1].text != ",":
            return None
        m = self.at.get(name_head(self.doc[span.end - 1]).i) or self.at.get(span.end - 1)
        return m.cluster if m is not None and m.cluster.type == "person" else None

    def _affiliation(self, t: Token, root: Token) -> bool:
        """Whether ``t`` names the body a titled person belongs to rather than the speaker: ``United Auto
        Workers`` in ``United Auto Workers Secretary-Treasurer Gary Casteel`` (a title word stands between
        the body and the person's name)."""
        if t.i >= root.i or root.pos_ != "PROPN":
            return False
        words = (fold(w.text).strip(".") for w in self.doc[t.i + 1:root.i])
        return any(w in TITLE_WORDS or w in TITLE_ABBREVIATIONS for w in words)

    def _surname_as_noun(self, root: Token) -> bool:
        """A capitalised common noun with no determiner that is the surname of a person the article
        named (``Mark Duval, the owner …`` then ``"…," Duval said`` with ``Duval`` tagged a noun): the
        person's name, not a description called "Duval"."""
        return (root.pos_ == "NOUN" and root.is_title and root.is_alpha and not root.ent_type_
                and not any(c.dep_ in ("det", "poss") for c in root.children)
                and self._known_surname(root))

    def _statement_owner(self, root: Token) -> SpacySpan | None:
        """The owner of a text that speaks: the person or body whose text it is speaks, not the text.

        Its own owner first (``"…," her statement said``, ``the company's release said``, ``the tweet
        from Vulture magazine``, ``a Clinton ad says``); else, for a definite text with none
        (``The clip says``), the owner of the text it repeats, a few sentences back (``A web video by
        the Republican National Committee …``, ``The Post published a piece …``): media nouns
        are one text to their readers (video, ad, clip), so any earlier owned text counts."""
        if root.pos_ != "NOUN" or fold(lemma(root)) not in _OWNED_TEXTS:
            if root.pos_ == "NOUN" and fold(lemma(root)) in _TEXTS_IF_AUTHORED \
                    and any(c.dep_ == "prep" and c.lower_ in ("by", "from") for c in root.children):
                return _owner_of_text(root)   # "a paper from the Brookings Institution": a text, not a newspaper
            return None
        own = _owner_of_text(root)
        if own is not None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in root.children):
            return own
        sent, word = self.sent_of[root.i], fold(lemma(root))
        same = next((f for f in _TEXT_FAMILIES if word in f), frozenset({word}))
        for i in range(root.i - 1, -1, -1):
            t = self.doc[i]
            if self.sent_of[i] < sent - TEXT_LOOKBACK:
                break
            if t.pos_ in ("NOUN", "PROPN") and fold(lemma(t)) in same and not self.quoted(i):
                owner = _owner_of_text(t)
                if owner is not None:
                    self.repeated_text = True
                    self.text_owners[(self.segment(root.i), same)] = owner
                    return owner
        # a chain longer than the look-back: "The piece …" tied to its owner, then "The article …" later
        owner = self.text_owners.get((self.segment(root.i), same))
        self.repeated_text = owner is not None
        return owner

    def _proper(self, span: SpacySpan, root: Token) -> Cluster:
        """A name the NER left out (or tagged as something else)."""
        toks = name_tokens(root)
        text = " ".join(name_words(toks))
        name = parse_name(name_words(toks))
        is_person = (name.honorific_gender or name.titles or root.ent_type_ == "PERSON"
                     or (name.given and first_name_gender(name.given))
                     or any(c.type == "person" and any(name_match(n, name) for n in c.names)
                            for c in self.clusters[self.segment(root.i)]))
        if (root.ent_type_ == "NORP" or root.tag_ == "NNPS") and not is_person:   # "Democrats", not "Meeks"
            return self._group(root.i, Description(text=text, head=fold(lemma(root)), plural=True))
        if is_person:
            c = self.link_person(root.i, name)
            self.add(root.i, c)
            return c
        seg = self.segment(root.i)
        short = next((a for a, (_, start, end) in self.defined.items() if start <= root.idx < end), None)
        if short is not None:
            text = self.defined[short][0]   # a part of a name the article defines an acronym for: all of it
        key = org_key(text)
        c = next((c for c in self.clusters[seg] if key in c.org_keys
                  or (short is not None and fold(short) in c.org_keys)), None)
        if c is None:
            words = set(fold(text).split())
            type_ = "organisation" if (words & (lex.BODY_NOUNS | lex.NEWS_NAME_WORDS) or is_news_name(text)
                                       or root.ent_type_ in ("ORG", "GPE") or short is not None) else "unknown"
            c = self.new_cluster(root.i, text, type_)
            c.news = is_news_name(text)
            c.org_keys.add(key)
            c.add_form(text, self.vocab[seg])
            if short is not None:
                c.org_keys.add(fold(short))
                c.add_form(short, self.vocab[seg])
        self.add(root.i, c)
        return c

    def _group(self, tok: int, d: Description) -> Cluster:
        """A plural speaker: "the ministers", "Democrats". Repeats of one wording are one group."""
        self.route = "group"
        seg = self.segment(tok)
        key = fold(re.sub(r"^(the|some|many|several|two|three|both)\s+", "", d.text, flags=re.I))
        c = self.by_key.get((seg, key))
        if c is None:
            c = self.new_cluster(tok, d.text, "group", plural=True, key=key)
            self.by_key[(seg, key)] = c
        return c

    # -- second pass --------------------------------------------------------
    def speaker(self, span: SpacySpan) -> Cluster | None:
        self.route, self.margin = "none", 1.0
        c = self.resolve_span(span)
        if c is not None and self.route != "author":   # (the writer's "I" is no antecedent for a "she")
            m = self.add(span.root.i, c, W_SPEAKER)
            self.last_speaker[c.segment] = m
        return c

    def finish(self) -> None:
        """Canonical names, aliases and roles onto every entity record."""
        for cs in self.clusters.values():
            for c in cs:
                e = c.entity
                if c.type == "person" and c.forms:
                    forms = list(c.forms)
                    e.name = max(forms, key=lambda f: (len(f.split()) > 1, c.forms[f], len(f.split()), -forms.index(f)))
                elif c.type == "organisation" and c.forms:
                    e.name = max(c.forms, key=lambda f: (c.forms[f], -list(c.forms).index(f)))
                seen = {fold(e.name)}
                e.aliases = [f for f in c.forms if not (fold(f) in seen or seen.add(fold(f)))]
                e.roles = [r.text for r in c.role_list]


@dataclass(frozen=True, slots=True)
class Evidence:
    """How one speaker mention was resolved: what :mod:`quotes.coref.confidence` weighs.

    ``route`` is ``name`` (a name, or a description that sits on one: "Agriculture Minister Annie
    Genevard"), ``description`` (a role or noun: "the justice minister"), ``pronoun``, ``group``,
    ``text`` (a text's owner named sentences back: "The clip says" after "a video by the RNC"),
    ``spokesperson``/``source`` (an unnamed voice of a named body: the body), ``author`` (an opinion
    piece's "I"), ``epithet`` ("the New York businessman": the named subject just before) or
    ``none`` (nothing to resolve); ``margin`` is how far a pronoun's or a description's choice was
    ahead of the runner-up (1: no rival; 0: a tie).
    """

    route: str = "none"
    margin: float = 1.0


def resolve(doc: Doc, mentions: list[SpacySpan | None]) -> tuple[list[Entity | None], list[Entity]]:
    """For each speaker mention (document order), the entity it refers to or None; and every speaker entity.

    None means the mention could not be resolved to anyone (an "I" or "we",
    a "he" with no man in sight). The second list holds each entity any
    mention resolved to, in order of first use.
    """
    out, speakers, _ = resolve_explained(doc, mentions)
    return out, speakers


def resolve_explained(doc: Doc, mentions: list[SpacySpan | None], text: str | None = None
                      ) -> tuple[list[Entity | None], list[Entity], list[Evidence]]:
    """:func:`resolve`, and for each mention the :class:`Evidence` of how it was resolved (``text``:
    ``doc.text`` when the caller has it)."""
    r = _Resolver(doc, text)
    r.build()
    out: list[Entity | None] = []
    evidence: list[Evidence] = []
    for m in mentions:
        c = r.speaker(m) if m is not None and len(m) else None
        out.append(c.entity if c is not None else None)
        evidence.append(Evidence(r.route, round(r.margin, 3)) if m is not None and len(m) else Evidence())
    r.finish()
    used: dict[int, Entity] = {}
    for e in out:
        if e is not None:
            used.setdefault(id(e), e)
    return out, list(used.values()), evidence


#: Nationality words that open the names of bodies other than a country's ("Republican National Committee").
_NOT_NATIONS = frozenset({"republican", "christian", "urban", "suburban", "metropolitan", "pan", "human"})


def _nationality(name: str) -> tuple[str | None, str]:
    """The nationality a body's name opens with and the name without it: ("Moroccan", "Ministry of
    Justice") for "Moroccan Ministry of Justice", so that "the Ministry of Justice" later in the same
    article is the same body; (None, name) when the name does not open with one or little is left."""
    first, _, rest = name.partition(" ")
    low = fold(first)
    if not first[:1].isupper() or low in _NOT_NATIONS or len(org_key(rest).split()) < 2 \
            or not (low in _DEMONYM_WORDS or low.endswith(("an", "ese", "ish"))):
        return None, name
    return first, rest


#: The label :func:`_with_nicknames` gives a name with a nickname in marks.
NICKNAMED = "PERSON_NICKNAMED"
_OPENING, _CLOSING = frozenset('"“'), frozenset('"”')
_OPENING_ORTHS = numpy.array([hash_string(m) for m in sorted(_OPENING)], dtype=numpy.uint64)


def _with_nicknames(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """``ents`` with each name that holds a nickname in marks made one entity (label :data:`NICKNAMED`):
    a given name, the nickname (one or two words, in marks), then one or two more capitalised words."""
    found = []
    marks = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), _OPENING_ORTHS)).tolist()   # (no Python walk per token)
    for i in marks:
        t = doc[i]
        if t.i < 1 or t.i + 3 >= len(doc):
            continue
        given = doc[t.i - 1]
        if given.pos_ != "PROPN" or not given.is_title or not first_name_guess(given.text)[0]:
            continue
        close = next((j for j in (t.i + 2, t.i + 3) if j < len(doc) and doc[j].text in _CLOSING), None)
        if close is None or not all(w.is_title and w.is_alpha for w in doc[t.i + 1:close]):
            continue
        end = close + 1
        while end < len(doc) and end <= close + 2 and doc[end].pos_ in ("PROPN", "NOUN") and doc[end].is_title:
            end += 1
        if end == close + 1:
            continue
        found.append(SpacySpan(doc, given.i, end, label=NICKNAMED))
    if not found:
        return ents
    taken = {i for f in found for i in range(f.start, f.end)}
    kept = [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
    return sorted(kept + found, key=lambda e: e.start)


def _without_dateline(ent: SpacySpan) -> SpacySpan:
    """An entity without the dateline the recogniser glued to it: ``CLEVELAND - Donald Trump`` (ORG) is
    the person Donald Trump (a name in capitals, a dash, then the article's first words)."""
    dash = next((t.i for t in ent if t.text in ("-", "--", "–", "—") and t.i > ent.start), None)
    if dash is None or dash + 1 >= ent.end or not all(t.is_upper or t.is_punct for t in ent.doc[ent.start:dash]):
        return ent
    rest = ent.doc[dash + 1:ent.end]
    words = [t.text for t in rest]
    label = "PERSON" if len(words) in (2, 3) and first_name_guess(words[0])[1] else ent.label_
    return SpacySpan(ent.doc, rest.start, rest.end, label=label)


def _reported_tokens(doc: Doc) -> set[int]:
    """Tokens of the clauses a speech verb with a subject reports (``Cox says [Obama is trying …]``):
    the people named there are what the speaker talks about, less likely a later pronoun's speaker."""
    out: set[int] = set()
    for i in numpy.flatnonzero(doc.to_array(DEP) == ccomp).tolist():   # (no Python walk per token)
        t = doc[i]
        if t.head.pos_ == "VERB" and lemma(t.head) in SPEECH_VERBS and any(c.dep_ == "nsubj" for c in t.head.children):
            out.update(range(t.left_edge.i, t.right_edge.i + 1))
    return out


def _owner_of_text(text: Token) -> SpacySpan | None:
    """Who a text noun belongs to, from its own phrase: "her statement", "the tweet from X", "a report
    by X", "a Washington Post piece", or the subject of "X released a video"; None when it does not say."""
    doc = text.doc
    for c in text.children:
        if c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN", "NOUN"):
            return doc[c.left_edge.i:c.i + 1]
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            obj = next((o for o in c.children if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in ("PERSON", "ORG")
                                                                      or any(w.pos_ == "PROPN" for w in o.lefts))), None)
            if obj is not None:
                return doc[obj.left_edge.i:obj.i + 1]
    names = [c for c in text.children if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG")]
    if names:
        last = names[-1]
        return doc[min(t.i for t in last.subtree):last.i + 1]
    if text.dep_ == "dobj" and fold(lemma(text.head)) in _AUTHORING:
        subj = next((c for c in text.head.children if c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG"))), None)
        if subj is not None:
            return doc[subj.left_edge.i:subj.i + 1]
    return None


_DEFINITION = re.compile(r"((?:[A-Z][\w'’.&-]*\s+(?:(?:and|of|for|the|on|in|&)\s+)*)+)\(([A-Z][A-Za-z]{1,9})\)")


def acronym_definitions(text: str) -> dict[str, tuple[str, int, int]]:
    """Acronyms an article defines: ``the Universities and Colleges Employers' Association (UCEA)``
    gives ``{"UCEA": ("Universities and Colleges Employers' Association", start, end)}``, the long
    name being the shortest run of capitalised words before the brackets whose initials spell it."""
    out: dict[str, tuple[str, int, int]] = {}
    for m in _DEFINITION.finditer(text):
        acro, words = m.group(2), m.group(1).split()
        caps = [i for i, w in enumerate(words) if w[:1].isupper()]
        letters = [c for c in acro if c.isupper()]
        for k in range(len(caps) - len(letters), -1, -1):
            if k >= 0 and len(caps) - k == len(letters) \
                    and all(words[i][0] == c for i, c in zip(caps[k:], letters)):
                long = " ".join(words[caps[k]:])
                start = m.start(1) + len(" ".join(words[:caps[k]])) + (1 if caps[k] else 0)
                out.setdefault(acro, (long, start, start + len(long)))
                break
    return out


#: People who speak for a body by office: unnamed, what they say is the body's.
SPOKESPEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "mouthpiece"})
#: People inside a body who speak for it unofficially ("an authorized source from ANFCC", "an official at
#: the ministry"): filed under the body too, but less surely (route "source").
INSIDERS = frozenset({"source", "official"})

#: How many sentences back a news epithet ("the New York businessman") looks for the subject it renames.
EPITHET_REACH = 2
#: Modifiers that make a description someone new rather than a renaming of the subject before it.
SETTING_APART = frozenset({"other", "new", "local", "unnamed", "anonymous", "second", "third", "next", "latter",
                           "young", "same", "last"})


def _main_subject(t: Token) -> bool:
    """Whether ``t`` is the subject of its sentence's main verb: who a narration sentence is about."""
    return t.dep_ == "nsubj" and t.head.dep_ == "ROOT"


def _classifying(adjective: str) -> bool:
    """Whether a lower-cased adjective sorts rather than describes ("presidential", "economic",
    "Republican", "military": English relational suffixes), unlike "soft-spoken" or "silver-haired"."""
    return "-" not in adjective and adjective.endswith(("al", "ic", "an", "ary"))


def _description_key(d: Description) -> str:
    """What repeats of one description share: its words without the article ("former first lady")."""
    return fold(re.sub(r"^(the|a|an|one|another)\s+", "", d.text, flags=re.I))


def _body_spoken_for(root: Token) -> SpacySpan | None:
    """The body an unnamed spokesperson speaks for: "a spokesperson for the Universities and Colleges
    Employers' Association (UCEA)", "a spokeswoman at the ministry"; None for a named one."""
    noun = fold(lemma(root))
    # "sources from the agency" are several unnamed insiders, not the agency's voice; plural
    # spokespeople ("representatives for the union said") still speak for the body
    if root.pos_ != "NOUN" or noun not in SPOKESPEOPLE | INSIDERS or (noun in INSIDERS and root.tag_ == "NNS") \
            or any(c.dep_ == "appos" or c.ent_type_ == "PERSON" for c in root.children):
        return None
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at", "from"):
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ == "ORG"
                                    or fold(lemma(obj)) in lex.BODY_NOUNS):
                return root.doc[obj.left_edge.i:obj.i + 1]
    return None


def _one_entity(a: Token, b: Token) -> bool:
    """Whether two tokens lie in one named entity ("National Oceanic and Atmospheric Administration")."""
    lo, hi = sorted((a.i, b.i))
    doc = a.doc
    return bool(a.ent_type_) and a.ent_type_ == b.ent_type_ and all(doc[i].ent_iob_ == "I" for i in range(lo + 1, hi + 1))

