"""Index builders for the export/check/verify tests: seed facts as DocResults, not the pipeline's guesses.

The attributions here are what a reader of the seed article knows (the issue's
seed facts), so tests of check logic do not move when detection or attribution
change. Offsets are found in the fixture text, so a wrong quote fails loudly.
"""
from __future__ import annotations

from pathlib import Path

from quotes.records import Document, DocResult, Entity, Quote

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "morocco-france-justice.txt"
DRAFT = Path(__file__).resolve().parent / "data" / "draft-morocco.md"
DARMANIN, OUAHBI, MINISTRY = "Gérald Darmanin", "Abdellatif Ouahbi", "Ministry of Justice"
TITLE = "Morocco, France Enter New Era of Justice Cooperation with Minister Visit"
URL = "https://example.org/morocco-france-justice"

SEED_QUOTES = [  # (quote as it stands between the marks, speaker, kind, venue)
    ("This visit translates into a deep friendship", DARMANIN, "direct", "interview with 2M"),
    ("The cooperation is excellent,", DARMANIN, "direct", "interview with 2M"),
    ("Even during periods of tension, joint actions have always been carried out between Moroccan and "
     "French justice systems,", DARMANIN, "direct", None),
    ("The more we dialogue, the more we are able to prevent tragedies.", DARMANIN, "direct", None),
    ("We have reached an agreement on all pending issues,", OUAHBI, "direct", None),
    ("We seize many assets", DARMANIN, "direct", None),
    ("sincerely thanked", DARMANIN, "partial", "joint press conference"),
    ("They have not been subjected to any breaches or data leaks,", MINISTRY, "direct", None),
]


def _full(text: str, head: str) -> tuple[int, int]:
    """Offsets of the whole quotation that starts with ``head`` (up to its closing mark)."""
    start = text.index(head)
    end = head_end = start + len(head)
    if not head.endswith((",", ".")) and head != "sincerely thanked":
        end = text.index("'", head_end)
    return start, end


def seed_result() -> DocResult:
    text = SEED.read_bytes().decode("utf-8")
    doc = Document(path=str(SEED), text=text, title=TITLE, url=URL, date="2025-04-14", outlet="Morocco World News")
    quotes = []
    for head, speaker, kind, venue in SEED_QUOTES:
        s, e = _full(text, head)
        quotes.append(Quote(doc=str(SEED), start=s, end=e, quote=text[s:e], speaker=speaker, kind=kind, venue=venue,
                            speaker_type="organisation" if speaker == MINISTRY else "person"))
    speakers = [
        Entity(DARMANIN, "person", aliases=["Darmanin", "Gerald darmanin"], roles=["French Minister of Justice"]),
        Entity(OUAHBI, "person", aliases=["Ouahbi"], roles=["Moroccan Minister of Justice"]),
        Entity(MINISTRY, "organisation", aliases=["the Ministry of Justice"]),
    ]
    return DocResult(document=doc, quotes=quotes, speakers=speakers)


def hostile_result(quotes: list[str]) -> DocResult:
    """An article whose quotations are the given hostile strings, each said by "Nadia Benali"."""
    text, found = "", []
    for q in quotes:
        lead = 'Nadia Benali said "'
        start = len(text) + len(lead)
        text += f'{lead}{q}".\n'
        found.append(Quote(doc="hostile.txt", start=start, end=start + len(q), quote=q, speaker="Nadia Benali",
                           speaker_type="person"))
    doc = Document(path="hostile.txt", text=text, title="<b>Hostile</b> [t](javascript:x)", outlet="# Outlet",
                   url="javascript:alert(1)")
    return DocResult(document=doc, quotes=found, speakers=[Entity("Nadia Benali", "person", roles=["=spokeswoman"])])


def build(db: Path, *results: DocResult) -> Path:
    from quotes.index.core import Index

    Index(str(db)).ingest(list(results) or [seed_result()])
    return db


def said_article(path: str, said: list[tuple[str, str]], tail: str = "",
                 aliases: dict[str, list[str]] | None = None, confidence: float | None = None) -> DocResult:
    """A made-up article of one line per quotation (``WHO said "WORDS".``), each attributed to a person:
    for index tests that need names, not the pipeline."""
    text, quotes = "", []
    for words, who in said:
        lead = f'{who} said "'
        start = len(text) + len(lead)
        text += f'{lead}{words}".\n'
        quotes.append(Quote(doc=path, start=start, end=start + len(words), quote=words, speaker=who,
                            speaker_type="person", confidence=confidence))
    text += tail
    people = [Entity(w, "person", aliases=(aliases or {}).get(w, [])) for w in dict.fromkeys(w for _, w in said)]
    return DocResult(Document(path=path, text=text), quotes, people)
