"""Roles: what the text calls a person, and whether a description fits them.

A role comes from the parse around a name: a title before it ("Moroccan
Minister of Justice Abdellatif Ouahbi"), an appositive after it ("Mohamed
Abdennabaoui, First President of the Court of Cassation") or a noun phrase
the name is an appositive of ("his French counterpart Gérald Darmanin").
A description ("the justice minister", "the French minister") fits a person
when its head noun is a word of one of their roles and its modifiers are
words of their roles too, nationalities agreeing ("French" never fits a
"Moroccan" minister).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span as SpacySpan, Token

from ..nlp.lemmas import lemma
from ..lexicon.names import TITLE_ABBREVIATIONS, TITLE_WORDS, first_name_guess, fold

#: Demonyms whose country does not share their first four letters.
DEMONYMS = {
    "french": "france", "spanish": "spain", "dutch": "netherlands", "british": "britain", "english": "england",
    "welsh": "wales", "scottish": "scotland", "irish": "ireland", "swiss": "switzerland", "danish": "denmark",
    "swedish": "sweden", "finnish": "finland", "polish": "poland", "turkish": "turkey", "greek": "greece",
    "american": "us", "united states": "us", "america": "us", "uk": "britain",
    "emirati": "uae", "saudi": "saudi arabia", "filipino": "philippines", "thai": "thailand",
    "belgian": "belgium", "peruvian": "peru", "yemeni": "yemen", "iraqi": "iraq", "israeli": "israel",
    "pakistani": "pakistan", "afghan": "afghanistan", "kuwaiti": "kuwait", "qatari": "qatar",
    "malian": "mali", "omani": "oman", "bangladeshi": "bangladesh",
}
#: Words of a role that never discriminate between two people.
_FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "and", "for", "to", "in", "on", "at", "'s", "’s", "former", "then"})
_ROLE_DEPS = ("compound", "nmod", "amod", "poss", "nummod")


def nation(word: str) -> str:
    """A country key for a nationality or country word: "Moroccan" and "Morocco" -> "moro"."""
    w = fold(word).replace(".", "").removesuffix("'s").removesuffix("’s")
    w = DEMONYMS.get(w, w)
    return w[:4]


@dataclass(slots=True)
class Role:
    """One role as the text words it, with what matching needs."""

    text: str
    head: str                                 # lemma of the role's head noun, lower case
    words: frozenset[str] = frozenset()       # lemmas of every content word, lower case
    nations: frozenset[str] = frozenset()     # country keys of its nationality words
    possessor: Token | None = None            # "his" in "his French counterpart"


@dataclass(slots=True)
class Description:
    """A definite or indefinite description used as a mention ("the French minister")."""

    text: str
    head: str
    mods: frozenset[str] = field(default_factory=frozenset)
    nations: frozenset[str] = field(default_factory=frozenset)
    plural: bool = False
    definite: bool = True
    #: modifiers that describe rather than name a role ("soft-spoken", "72-year-old", "silver-haired"):
    #: they bind only when some role in the article uses them; see :func:`loosened`
    loose: frozenset[str] = field(default_factory=frozenset)


def _lemma(tok: Token) -> str:
    low = fold(tok.text).strip(".")
    if low in TITLE_ABBREVIATIONS:
        return TITLE_ABBREVIATIONS[low].lower().rstrip("s")
    if tok.tag_ in ("NNS", "NNPS") or tok.pos_ == "PROPN":
        return fold(lemma(tok)) if tok.tag_ == "NNS" else low.removesuffix("s") if tok.tag_ == "NNPS" else low
    return fold(lemma(tok))


def _is_nation(tok: Token) -> bool:
    return tok.ent_type_ in ("NORP", "GPE")


def _expand(text: str) -> str:
    """Abbreviated titles written out: "Florida Sen." -> "Florida Senator"."""
    out = []
    for w in text.split():
        out.append(TITLE_ABBREVIATIONS.get(fold(w).strip("."), w) if w.endswith(".") else w)
    return " ".join(out)


def make_role(tokens: list[Token]) -> Role | None:
    """A :class:`Role` from its tokens, or None when they do not name an office or relation."""
    possessor = None
    while tokens and (tokens[0].dep_ in ("det", "punct", "case") or tokens[0].tag_ == "PRP$"):
        if tokens[0].tag_ == "PRP$":
            possessor = tokens[0]
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[0].ent_type_ == "DATE" or tokens[0].text[:1].isdigit() or tokens[0].text in "-–,"):
        tokens = tokens[1:]   # an age or a year is no part of an office: "a 45-year-old trader", "2011 winemaker"
    while tokens and tokens[-1].pos_ in ("PUNCT", "ADP", "CCONJ", "DET", "PART"):
        tokens = tokens[:-1]
    if not tokens or any(t.pos_ in ("VERB", "AUX") for t in tokens) or len(tokens) > 20:
        return None
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ in ("PERSON", "DATE", "TIME")]
    if not any(t.pos_ == "NOUN" or fold(t.text).strip(".") in TITLE_WORDS
               or fold(t.text).strip(".") in TITLE_ABBREVIATIONS for t in nouns):
        return None
    head = min(tokens, key=lambda t: _depth(t, tokens))
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NNPS") or len(head.text) < 2 or not head.is_alpha:
        return None
    if any(t.is_quote or t.text in "“”‘’\"" for t in tokens):
        return None
    if any(t.pos_ == "PROPN" and t.is_title and fold(t.text) not in TITLE_WORDS and first_name_guess(t.text)[1]
           for t in tokens):
        return None   # a titled person, not an office: "King Mohammed VI, Trump to Announce …" (a headline)
    words = [t for t in tokens if t.is_alpha and fold(t.text) not in _FUNCTION_WORDS]
    if all(t.text[:1].isupper() for t in words) and not any(fold(t.text) in TITLE_WORDS for t in words):
        return None     # a headline in title case ("Hillary's Campaign Slogan"), not an office
    text = _expand(tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text)
    words = frozenset(_lemma(t) for t in tokens if t.is_alpha or t.text.endswith(".")) - _FUNCTION_WORDS
    nations = frozenset(nation(t.text) for t in tokens if _is_nation(t))
    if possessor is None:
        possessor = next((t for t in tokens if t.dep_ == "poss" and t.head == head), None)
    return Role(text=text, head=_lemma(head), words=words, nations=nations, possessor=possessor)


def _depth(tok: Token, within: list[Token]) -> int:
    """How many heads up from ``tok`` stay inside ``within`` (the head of the span has 0)."""
    ids = {t.i for t in within}
    d = 0
    while tok.head.i in ids and tok.head.i != tok.i:
        tok = tok.head
        d += 1
    return d


def roles_around(head: Token, name_start: int) -> list[Role]:
    """Roles the parse gives the name headed by ``head`` whose first word is token ``name_start``.

    Three places are read: premodifiers before the name, appositives after it,
    and the noun phrase the name is an appositive of. (Predicate nominatives,
    "X is a disgusting fraud", say what someone is thought to be, not their office.)
    """
    doc = head.doc
    out: list[Role] = []
    pre = [c for c in head.lefts if c.i < name_start and c.dep_ in _ROLE_DEPS]
    if pre:
        start = min(c.left_edge.i for c in pre)
        toks = list(doc[start:name_start])
        if toks and toks[-1].tag_ != "POS" and not any(t.text in ",;:()\n" or "\n" in t.text for t in toks):
            # ("the paper's Robert Costa": a possessor is an affiliation, not an office)
            r = make_role(toks)
            if r:
                out.append(r)
    for c in head.rights:
        if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("PERSON",):
            r = make_role(_appositive_tokens(c))
            if r:
                out.append(r)
    if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN") and head.head.ent_type_ != "PERSON":
        h = head.head
        toks = [t for t in h.subtree if t.i < head.left_edge.i or t.i > head.right_edge.i]
        toks = [t for t in toks if t.i <= h.i or t.head == h and t.dep_ == "prep"] if toks else toks
        r = make_role(_contiguous(toks, h))
        if r:
            out.append(r)
    return out


def _appositive_tokens(tok: Token) -> list[Token]:
    """The words of an appositive, without a relative clause or a nested appositive after it."""
    toks = []
    for t in tok.subtree:
        if t.i > tok.i and (t.dep_ in ("relcl", "appos", "acl") and t.head == tok or t.text in "(;"
                            or t.tag_ in ("WP", "WDT", "WP$") or t.dep_ == "relcl"):
            break   # (a relative clause on a noun inside the appositive ends it too: "the owner of the estate who …")
        toks.append(t)
    return _contiguous(toks, tok)


def _contiguous(toks: list[Token], anchor: Token) -> list[Token]:
    """The run of consecutive tokens in ``toks`` that holds ``anchor``."""
    ids = sorted(t.i for t in toks)
    if anchor.i not in ids:
        return []
    k = ids.index(anchor.i)
    lo = hi = k
    while lo > 0 and ids[lo - 1] == ids[lo] - 1:
        lo -= 1
    while hi + 1 < len(ids) and ids[hi + 1] == ids[hi] + 1:
        hi += 1
    doc = anchor.doc
    return [doc[i] for i in ids[lo:hi + 1]]


def describe(span: SpacySpan) -> Description | None:
    """The :class:`Description` a common-noun mention makes, or None for a name or pronoun."""
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN") or root.ent_type_ in ("PERSON",):
        return None
    toks = [t for t in span if t.i <= root.i and t.i >= root.left_edge.i]
    det = next((t for t in toks if t.dep_ in ("det", "poss")), None)
    if root.pos_ == "PROPN" and det is None and fold(root.text) not in TITLE_WORDS:
        return None   # a name, not a description ("The Justice Minister" in a headline still is one)
    definite = det is None or fold(det.text) not in ("a", "an", "one", "another", "some", "any")
    mods = frozenset(_lemma(t) for t in toks if t.i != root.i and t.dep_ in _ROLE_DEPS and t.is_alpha
                     and t.tag_ != "PRP$" and not _is_nation(t)) - _FUNCTION_WORDS
    nations = frozenset(nation(t.text) for t in toks if _is_nation(t) and t.i != root.i)
    plural = root.tag_ in ("NNS", "NNPS") or "Plur" in root.morph.get("Number")
    text = span.doc[toks[0].i:root.i + 1].text if toks else root.text
    loose = frozenset(_lemma(t) for t in toks if t.i != root.i and t.dep_ == "amod" and t.pos_ in ("ADJ", "VERB")
                      and fold(t.text) not in ROLE_CHANGING) & mods
    return Description(text=text, head=_lemma(root), mods=mods, nations=nations, plural=plural, definite=definite,
                       loose=loose)


#: Adjectives that change which role is meant ("the former minister" is not the minister): they
#: always bind a description, whatever the article's roles say.
ROLE_CHANGING = frozenset("""former ex late then outgoing incoming acting interim deputy assistant vice associate
    junior senior chief principal future previous past current sitting new elected designate retiring
    first second third top lead head general special""".split())


def loosened(desc: Description, vocabulary: set[str] | frozenset[str]) -> Description:
    """``desc`` without the describing modifiers no role in the article uses: "the soft-spoken grocer"
    may be the article's "Tom Baker, a grocer on Main Street", since no role there says how anyone speaks."""
    drop = desc.loose - vocabulary
    return replace(desc, mods=desc.mods - drop, loose=desc.loose - drop) if drop else desc


def fits(desc: Description, roles: list[Role], nations: frozenset[str] = frozenset()) -> bool:
    """Whether ``desc`` can describe someone with these roles (and nationalities known otherwise)."""
    if not roles:
        return False
    if not any(desc.head == r.head or desc.head in r.words for r in roles):
        return False
    words = frozenset().union(*(r.words for r in roles))
    if not desc.mods <= words:
        return False
    known = nations.union(*(r.nations for r in roles))
    return not desc.nations or bool(desc.nations & known)


def counterpart(role: Role, model: Role) -> Role:
    """The role of someone called ``model``'s counterpart: ``model`` with the nationality swapped.

    "French counterpart" of a "Moroccan Minister of Justice" is a "French Minister of Justice".
    """
    ours = [w for w in role.text.split() if nation(w) in role.nations]
    theirs = [w for w in model.text.split() if nation(w) in model.nations]
    if ours and theirs:
        text = model.text.replace(theirs[0], ours[0], 1)
    elif ours:
        text = f"{ours[0]} {model.text}"
    else:
        return role
    return Role(text=text, head=model.head, words=(model.words - {fold(theirs[0]) if theirs else ""}) | {fold(ours[0])},
                nations=role.nations, possessor=None)
