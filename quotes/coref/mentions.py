"""What the parse says about one mention: where a name begins and ends, what an organisation is called,
how much weight a mention carries for salience."""
from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan, Token

from ..lexicon import nouns as lex
from ..lexicon.names import HONORIFICS, TITLE_ABBREVIATIONS, TITLE_WORDS, fold

W_SUBJECT, W_OTHER, W_POSS, W_SPEAKER = 2.0, 1.0, 0.5, 3.0


def attached(tok: Token, root: Token) -> bool:
    """Whether ``tok`` names what ``root`` does: reaches it through appositions, conjuncts and compounds.

    (Tokens are compared by position: spaCy makes a new ``Token`` object at every access.)
    """
    steps = 0
    while tok.i != root.i and steps < 6:
        if tok.dep_ not in ("appos", "conj", "compound", "flat") or tok.head.i == tok.i:
            return False
        tok, steps = tok.head, steps + 1
    return tok.i == root.i


def noun_before(tok: Token) -> Token | None:
    """The noun right before a relative pronoun ("the Department which reported"), past one comma."""
    j = tok.i - 1
    if j >= 0 and tok.doc[j].text == ",":
        j -= 1
    return tok.doc[j] if j >= 0 and tok.doc[j].pos_ in ("NOUN", "PROPN") else None


def weight(tok: Token) -> float:
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return W_SUBJECT
    if tok.dep_ == "poss":
        return W_POSS
    if tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        return W_SUBJECT
    return W_OTHER


def name_head(tok: Token) -> Token:
    """The last word of a name: climbs "Moulay El" up to "Daki" (an entity split in two), never out of its kind."""
    while tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN" and tok.head.i > tok.i \
            and tok.head.ent_type_ == tok.ent_type_:
        tok = tok.head
    return tok


def name_tokens(head: Token) -> list[Token]:
    """The head and the run of proper-noun compounds right before it.

    Inside an entity the run goes on over hyphens; in an ORG-tagged person it stops at a
    title ("Hewlett-Packard CEO | Carly Fiorina"), which is left for the role.
    """
    doc = head.doc
    j = k = head.i
    while j > 0:
        t = doc[j - 1]
        if doc[j].ent_iob_ == "I" and head.ent_type_ and (t.pos_ == "PROPN" and not is_title(t) or glue(t)) \
                and "\n" not in t.whitespace_:
            j -= 1          # the rest of the entity, hyphens included ("Doris Crouse-Mays")
        elif t.pos_ == "PROPN" and t.dep_ in ("compound", "flat") and not t.is_punct and t.head.i >= j \
                and (t.ent_type_ == head.ent_type_ and (head.ent_type_ == "PERSON" or not is_title(t))
                     or not t.ent_type_ and is_title(t)) and "\n" not in t.whitespace_:
            j -= 1
        else:
            break
    while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I" and head.ent_type_ and not doc[k].whitespace_ \
            and (doc[k + 1].pos_ == "PROPN" and doc[k + 1].tag_ != "POS" or glue(doc[k + 1])):
        k += 1              # "Ban Ki-moon" whose root is "Ban"
    return list(doc[j:k + 1])


def glue(tok: Token) -> bool:
    """A hyphen inside a name, touching the words either side."""
    return tok.text in ("-", "–") and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def name_words(toks: list[Token]) -> list[str]:
    """The words of a name as written: "Crouse-Mays" stays one word."""
    return toks[0].doc[toks[0].i:toks[-1].i + 1].text.split()


def is_title(tok: Token) -> bool:
    w = fold(tok.text).strip(".")
    return w in HONORIFICS or w in TITLE_ABBREVIATIONS or w in TITLE_WORDS


def org_text(ent: SpacySpan) -> str:
    """An organisation's name without "the" and "'s" ("Ministry of Justice"); a publication keeps
    a capital "The" that is part of its title ("The Washington Post", "The Hill")."""
    toks = list(ent)
    while toks and (toks[-1].dep_ == "case" or toks[-1].is_punct):
        toks = toks[:-1]
    if not toks:
        return ""
    keep_the = toks[0].text == "The" and is_news_name(ent.doc[toks[0].i:toks[-1].i + 1].text)
    while toks and not keep_the and (toks[0].dep_ == "det" or fold(toks[0].text) in ("the", "amid")):
        toks = toks[1:]
    return ent.doc[toks[0].i:toks[-1].i + 1].text if toks else ""


def org_key(name: str) -> str:
    """What two writings of one organisation's name share: its words, sorted, without "the", "of"..."""
    words = [w for w in re.findall(r"[\w-]+", fold(name)) if w not in ("the", "of", "s", "and", "for")]
    return " ".join(sorted(words))


def acronym(name: str) -> str:
    caps = [w for w in name.split() if w[:1].isupper() and fold(w) not in ("the", "of")]
    return fold("".join(w[0] for w in caps)) if len(caps) >= 2 else ""


def is_news_name(name: str) -> bool:
    f = fold(name).removeprefix("the ").strip()
    return f in lex.NEWS_NAMES or bool(set(f.split()) & lex.NEWS_NAME_WORDS)
