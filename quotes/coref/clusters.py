"""An entity being built while a document is read, and the tests that say what may refer to it."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..lexicon import nouns as lex
from ..nlp.lemmas import lemma
from ..lexicon.names import PersonName, first_name_guess, fold, name_match, word_gender
from ..records import Entity
from .roles import Description, Role

UNKNOWN_GENDER = 0.8  # salience factor for a person of unknown gender under he/she
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})


@dataclass(eq=False, slots=True)
class Cluster:
    """One entity being built: the record plus what matching needs."""

    entity: Entity
    segment: int
    names: list[PersonName] = field(default_factory=list)
    forms: Counter = field(default_factory=Counter)        # surface names, for the canonical one
    org_keys: set[str] = field(default_factory=set)
    role_list: list[Role] = field(default_factory=list)
    nations: set[str] = field(default_factory=set)
    votes: Counter = field(default_factory=Counter)        # pronoun genders seen after it
    plural: bool = False
    news: bool = False
    key: str | None = None                                 # descriptions: what repeats of it share
    last: int = -1                                         # token of its latest mention so far
    words: set[str] = field(default_factory=set)           # organisations: folded words of their names
    heads: set[str] = field(default_factory=set)           # organisations: last word of each name, singular
    name_words: set[str] = field(default_factory=set)      # people: every folded word of their names

    @property
    def type(self) -> str:
        return self.entity.type

    def gender(self) -> str | None:
        """From an honorific, the text's own pronouns (two or more, most of one gender, none for the
        list's answer), the first-name list when it is sure, one pronoun, the list when it is not, then a
        gendered role word. (Pronouns are counted loosely, so one that agrees with a sure list keeps it.)

        The text outranks the list: gender-guesser calls "Rand" female and "Bernie" mostly female.
        """
        for n in self.names:
            if n.honorific_gender:
                return n.honorific_gender
        if not self.names:   # someone known only as "her father", "the woman": the word says, not the votes
            for r in self.role_list:
                if g := word_gender(r.head):
                    return g
        voted, k = None, 0
        if self.votes:
            (g, k), (_, other) = (self.votes.most_common(2) + [(None, 0)])[:2]
            voted = g if k > other else None
        guesses = [first_name_guess(n.given) for n in sorted(self.names, key=lambda n: -len(n.words)) if n.given]
        sure = next((g for g, certain in guesses if g and certain), None)
        if voted and k >= 2 and not (sure and self.votes[sure]):
            return voted    # the list is overruled only when no pronoun at all agrees with it
        if sure or voted:
            return sure or voted
        if g := next((g for g, _ in guesses if g), None):
            return g
        for r in self.role_list:
            if g := word_gender(r.head):
                return g
        return None

    def add_role(self, role: Role, vocab: set[str]) -> None:
        """Keep ``role`` (once) and let descriptions headed by its words look here."""
        if all(fold(r.text) != fold(role.text) for r in self.role_list):
            self.role_list.append(role)
        self.nations.update(role.nations)
        vocab.update(role.words)
        vocab.add(role.head)

    def add_form(self, form: str, vocab: set[str]) -> None:
        """Keep a surface name; an organisation's name words can head a description of it."""
        self.forms[form] += 1
        if self.type == "organisation":
            ws = set(re.findall(r"[\w-]+", fold(form)))
            ws |= {w[:-1] for w in ws if w.endswith("s") and not w.endswith("ss")}
            self.words |= ws
            last = fold(form.split()[-1]) if form.split() else ""
            self.heads |= {last, last.removesuffix("s")}
            vocab |= ws
            if self.news:
                vocab |= lex.NEWS_NOUNS | {"agency"}
            else:
                vocab |= lex.COMPANY_NOUNS | lex.GENERIC_ORG_NOUNS


@dataclass(slots=True)
class Mention:
    tok: int
    sent: int
    cluster: Cluster
    weight: float


def surname_compatible(c: Cluster, name: PersonName) -> bool:
    """Two given names that differ ("Bill" / "Hillary") are two people."""
    if name.given is None:
        return True
    return all(n.given is None or name_match(n, name) for n in c.names)


def org_fits(d: Description, c: Cluster) -> bool:
    """"the ministry" for "Ministry of Justice": head noun in the name, modifiers there or in roles."""
    words = c.words
    if d.head not in words or not (d.head in lex.BODY_NOUNS or d.head in c.heads):
        return False
    if d.nations and c.nations and not d.nations & c.nations:
        return False
    return d.mods <= words.union(*(r.words for r in c.role_list))


def org_class(d: Description) -> Callable[[Cluster], float] | None:
    """A test for organisations of the kind a class noun names: news outlet, company."""
    if d.head in lex.NEWS_NOUNS or (d.head == "agency" and "news" in d.mods) or "news" in d.mods:
        return lambda c: float(c.type == "organisation" and c.news)
    if d.head in lex.GENERIC_ORG_NOUNS:
        return lambda c: float(c.type == "organisation" and not c.news)
    if d.head in lex.COMPANY_NOUNS:
        return lambda c: float(c.type == "organisation" and not c.news
                               and not set(fold(" ".join(c.forms)).split()) & lex.BODY_NOUNS)
    return None


def description_type_of(tok: Token) -> str:
    return description_type(Description(text=tok.text, head=fold(lemma(tok)), plural=tok.tag_ == "NNS"))


def description_type(d: Description) -> str:
    h = d.head
    if h in lex.BODY_NOUNS or h in lex.NEWS_NOUNS or h in lex.COMPANY_NOUNS:
        return "organisation"
    if d.plural:
        return "group"
    if lex.is_person_noun(h):
        return "person"
    return "unknown"


def pronoun_filter(low: str) -> Callable[[Cluster], float] | None:
    """How acceptable each cluster is as what pronoun ``low`` refers to (0: not at all)."""
    if low in MALE or low in FEMALE:
        want = "male" if low in MALE else "female"

        def person(c: Cluster) -> float:
            if c.type != "person" or c.plural:
                return 0.0
            g = c.gender()
            return 1.0 if g == want else 0.0 if g else UNKNOWN_GENDER
        return person
    if low in PLURAL:
        return lambda c: 1.0 if c.type == "group" else 0.5 if c.type == "organisation" else 0.0
    if low in NEUTER:
        return lambda c: 1.0 if c.type == "organisation" else 0.0
    return None
