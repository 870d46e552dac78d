"""Personal names: honorifics, titles, gender and when two names are one person.

``coref`` links "Gérald Darmanin", "Darmanin" and "Mr. Darmanin" through
:func:`same_person`; it keeps "Bill Clinton" and "Hillary Clinton" apart
because their given names differ. Gender comes from an honorific ("Mrs."),
a gendered word ("spokeswoman") or the first-name list that ships with the
``gender-guesser`` package (no network, loaded once on first use).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

#: Honorifics and the gender they imply (None: says nothing about gender).
HONORIFICS: dict[str, str | None] = {
    "mr": "male", "mister": "male", "sir": "male", "lord": "male", "monsieur": "male", "m": None,
    "mrs": "female", "ms": "female", "miss": "female", "madam": "female", "madame": "female",
    "dame": "female", "lady": "female", "mme": "female", "mlle": "female",
    "dr": None, "prof": None, "professor": None, "rev": None, "reverend": None, "hon": None,
}

#: Abbreviated titles and the word a role is written with.
TITLE_ABBREVIATIONS: dict[str, str] = {
    "sen": "Senator", "sens": "Senators", "rep": "Representative", "reps": "Representatives",
    "gov": "Governor", "gen": "General", "lt": "Lieutenant", "col": "Colonel", "sgt": "Sergeant",
    "capt": "Captain", "adm": "Admiral", "pres": "President", "atty": "Attorney", "supt": "Superintendent",
    "amb": "Ambassador", "sec": "Secretary", "cmdr": "Commander", "maj": "Major", "gens": "Generals",
    "cpl": "Corporal", "pvt": "Private", "spc": "Specialist", "insp": "Inspector", "det": "Detective",
    "msgr": "Monsignor", "brig": "Brigadier", "ald": "Alderman", "commr": "Commissioner", "treas": "Treasurer",
}

#: Words that name an office when they stand before a name ("President Trump").
TITLE_WORDS = frozenset("""
president vice senator minister premier secretary governor mayor king queen prince princess pope
judge justice chancellor speaker chairman chairwoman chair ambassador representative congressman
congresswoman general attorney sheriff chief commissioner director leader candidate nominee former
deputy professor coach councilman councilwoman councillor sultan emir sheikh cardinal bishop archbishop
rabbi imam father sister brother lieutenant colonel sergeant captain admiral commander major
superintendent prosecutor detective officer inspector agent spokesman spokeswoman spokesperson
founder ceo chef executive manager minority majority whip lawmaker state first lady gen sen rep gov
treasurer comptroller corporal alderman monsignor brigadier
""".split())

#: Words whose gender is part of their meaning.
GENDERED_WORDS: dict[str, str] = {
    **dict.fromkeys("""chairman spokesman congressman businessman councilman king prince emperor duke
        father husband son brother uncle nephew grandfather boyfriend sir lord monk actor waiter
        sultan emir sheikh""".split(), "male"),
    **dict.fromkeys("""chairwoman spokeswoman congresswoman businesswoman councilwoman queen princess
        empress duchess mother wife daughter sister aunt niece grandmother girlfriend lady dame nun
        actress waitress""".split(), "female"),
}

#: Words dropped from a name's matching key: "Mr. Darmanin" and "Darmanin" have one key.
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "prof", "sen", "rep", "gov", "the"})

#: A speaker that is only one of these was never resolved to anyone: it names no one.
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "one", "his"})

#: Name suffixes that are not surnames.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents: "Gérald" and "Gerald" fold alike."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def plain(text: str | None) -> str:
    """Lower case, no accents, punctuation as spaces, single-spaced: how the index compares names."""
    s = unicodedata.normalize("NFKD", text or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


@lru_cache(maxsize=65536)
def key(name: str | None) -> str:
    """A name's matching key: plain, possessive and titles dropped ("Mr. Darmanin's" -> "darmanin").

    The one key the index (:mod:`quotes.index.roster`), the citation check
    (:mod:`quotes.check.speakers`) and curation match names by."""
    words = plain((name or "").replace("'s ", " ").removesuffix("'s").replace("’s", "")).split()
    return " ".join(w for w in words if w not in TITLES)


def _bare(word: str) -> str:
    """A word folded, without dots and without a possessive ending."""
    w = fold(word).replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w.strip(".,'\"")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split into what matters for matching."""

    words: tuple[str, ...]          # the name itself, as written, without titles
    honorific_gender: str | None = None
    titles: tuple[str, ...] = ()   # titles written before it ("Sen.", "President"), expanded
    folded: tuple[str, ...] = ()   # the words folded for comparison (set by parse_name)

    @property
    def given(self) -> str | None:
        return self.words[0] if len(self.words) > 1 else None

    @property
    def text(self) -> str:
        return " ".join(self.words)


def parse_name(words: list[str]) -> PersonName:
    """Split honorifics and titles off the front and suffixes off the end of a name."""
    honorific = None
    titles: list[str] = []
    ws = [w for w in words if _bare(w)]
    while len(ws) > 1:
        b = _bare(ws[0])
        if b in HONORIFICS:
            honorific = HONORIFICS[b] or honorific
        elif b in TITLE_ABBREVIATIONS:
            titles.append(TITLE_ABBREVIATIONS[b])
        elif b in TITLE_WORDS and ws[0][:1].isupper():
            titles.append(ws[0])
        else:
            break
        ws.pop(0)
    while len(ws) > 1 and _bare(ws[-1]) in SUFFIXES:
        ws.pop()
    if ws and fold(ws[-1]).endswith(("'s", "’s")):
        ws[-1] = ws[-1][:-2]
    return PersonName(words=tuple(ws), honorific_gender=honorific, titles=tuple(titles),
                      folded=tuple(_bare(w) for w in ws))


def _word_eq(a: str, b: str) -> bool:
    """Same name word, allowing an initial ("J" for "John") and a slip of spelling."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 90


def name_match(full: PersonName, other: PersonName) -> str | None:
    """How ``other`` can name the same person as ``full``: "exact", "surname", "given" or None.

    "surname": ``other`` is a tail of ``full`` ("Darmanin", "El Hassan Daki") or has
    the same first and last words ("Hillary Clinton" / "Hillary Rodham Clinton").
    "given": ``other`` is only ``full``'s first name ("Hillary"). Two names with
    different given names never match ("Bill Clinton" / "Hillary Clinton").
    """
    a, b = full.folded, other.folded
    if not a or not b:
        return None
    if len(b) > len(a):
        a, b = b, a
    if len(a) == len(b):
        return "exact" if all(_word_eq(x, y) for x, y in zip(a, b)) else None
    if all(_word_eq(x, y) for x, y in zip(a[-len(b):], b)):
        return "surname"
    if len(b) >= 2 and _word_eq(a[0], b[0]) and _word_eq(a[-1], b[-1]):
        return "surname"
    if len(b) == 1 and _word_eq(a[0], b[0]) and len(b[0]) > 1:
        return "given"
    return None


@lru_cache(maxsize=1)
def _detector():
    """gender-guesser's detector, or None when the package is missing (genders then come from the text alone)."""
    try:
        import gender_guesser.detector as gg  # 40,000 names read on first use, not at import
    except ImportError:
        return None
    return gg.Detector(case_sensitive=False)


def first_name_gender(given: str) -> str | None:
    """"male", "female" or None from the first-name list shipped with gender-guesser."""
    return first_name_guess(given)[0]


@lru_cache(maxsize=4096)
def first_name_guess(given: str) -> tuple[str | None, bool]:
    """(gender or None, whether the list is sure): "Bernie" is only mostly female there, "Hillary" surely."""
    g = _bare(given)
    if "-" in g:        # "Jean-Marc": the list may hold the whole or only its first part
        whole = first_name_guess(given.replace("-", ""))
        return whole if whole[0] else first_name_guess(given.split("-")[0])
    if len(g) < 2 or not g.isalpha():
        return None, False
    detector = _detector()
    if detector is None:
        return None, False
    guess = detector.get_gender(given.strip(".")[:1].upper() + given.strip(".")[1:].lower())
    if guess in ("male", "female"):
        return guess, True
    if guess in ("mostly_male", "mostly_female"):
        return guess.removeprefix("mostly_"), False
    return None, False


def word_gender(word: str) -> str | None:
    """The gender a common word implies ("spokeswoman" -> female), or None."""
    return GENDERED_WORDS.get(fold(word))


def named(speaker: str | None) -> str | None:
    """``speaker`` unless it is only a pronoun (a mention nobody resolved), which names no one.

    The one rule for extract, the index and the check: "he" left unresolved is a mention
    (``speaker_mention``), never a speaker's name.
    """
    return None if not speaker or not key(speaker) or key(speaker) in PRONOUNS else speaker
