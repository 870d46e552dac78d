"""Placing a document's speakers in the index: matched to a known speaker or added as a new one.

:class:`Placement` works on one batch: it matches each entity the pipeline
found (and each named speaker of a quotation that no entity covers) with
:class:`~quotes.index.roster.Roster`, copies a speaker row only when the entity
tells it something new (an alias, a role, a type), and writes the new and
changed rows in one pass each. An entity placed before without changing anything
(a speaker quoted again) is answered from the roster's memo
(:meth:`~quotes.index.roster.Roster.memo`) while nothing its match read has changed.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..records import DocResult, Entity
from ..lexicon.names import PRONOUNS, key, plain
from .roster import Roster, is_local
from .report import IngestReport
from .rows import Rows

#: The most confidence a quotation keeps when its speaker was found across articles by the surname
#: alone: the article never gave a fuller name, and a second person of that surname indexed later
#: would not move it. Below ``records.SURE``, so ``quotes list --unsure`` shows it for review.
SURNAME_ONLY = 0.6


class Placement:
    """Speakers of the documents in one batch, matched to (or added to) the index."""

    def __init__(self, table: Rows, report: IngestReport,
                 known: Roster | Mapping[Any, Mapping[str, Any]] | None = None) -> None:
        """``known``: the indexed speakers this batch may match, as rows or already in a roster (which
        placement then adds to: :mod:`quotes.index.candidates`); every speaker when not given."""
        self.table, self.report = table, report
        self.roster = known if isinstance(known, Roster) else Roster(table.raw() if known is None else known)
        self.next_id = table.next_id()
        self.changed: dict[int, dict] = {}
        self.created: dict[int, dict] = {}
        #: names of this batch's entities filed under a person known by a fuller name from other
        #: articles, on the surname alone ("Park" under Helen Park): a guess the reader should review
        self.by_surname: set[str] = set()

    def place(self, result: DocResult, doc_hash: str, found: list[Entity] | None = None) -> dict[str, int]:
        """Speaker id for each speaker name the document's quotations use (``found``: its
        :func:`entities`, if the caller has them already)."""
        return {e.name: self.one(e, doc_hash) for e in (entities(result) if found is None else found)}

    def one(self, e: Entity, doc_hash: str) -> int:
        # An entity seen before that changed nothing then (the common case: a speaker quoted again)
        # changes nothing now, as long as nothing its match read has changed since (Roster.memo)
        question = (e.name, e.type, tuple(e.aliases), tuple(e.roles), doc_hash if is_local(e.name, e.type) else "")
        known = self.roster.memo(question)
        if known is not None:
            sid, surname_only = known
            if surname_only:
                self.by_surname.add(e.name)
            return sid
        (sid, bare), reads = self.roster.match_reads(e.name, e.type, e.aliases, scope=doc_hash)
        if sid is None:
            sid, self.next_id = self.next_id, self.next_id + 1
            row = {"name": e.name, "aliases": [], "roles": [], "type": e.type or "unknown",
                   "scope": doc_hash if is_local(e.name, e.type) else None, "curated": False,
                   "ambiguous": self.roster.ambiguous(e.name), "quotes": 0, "quote_ids": []}
            self.created[sid] = row
            self.report.speakers += 1
        else:
            row = self.created.get(sid) or self.changed.get(sid) or self.roster.rows[sid]
            surname_only = (not bare and e.type in ("person", "unknown", None) and len(key(e.name).split()) == 1
                            and len(key(row["name"]).split()) > 1 and not any(len(key(a).split()) > 1 for a in e.aliases))
            if surname_only:
                self.by_surname.add(e.name)
            if not bare and not news(row, e):
                if reads is not None and self.roster.rows.get(sid) is row:   # what news read is the roster's row
                    self.roster.remember(question, (*reads, sid), (sid, surname_only))
                return sid
            row = self.created.get(sid) or self.changed.get(sid) or dict(row)
            (self.created if sid in self.created else self.changed)[sid] = row
        absorb(row, e, rename=bare)
        self.roster.add(sid, row)
        return sid

    def write(self) -> None:
        self.table.put(self.created)
        self.table.patch(self.changed)


def accented(name: str) -> int:
    """How many letters of ``name`` carry an accent (or are outside ASCII): "Gérald" 1, "Gerald" 0."""
    return sum(1 for c in name if c.isalpha() and not c.isascii())


def better_spelled(row: Mapping[str, Any], name: str) -> bool:
    """Whether ``name`` is the speaker's own name spelled with the accents a source dropped
    ("Gérald Darmanin" for "Gerald Darmanin"): whichever article came first, the accents win."""
    return (not row.get("curated") and name != row["name"] and key(name) == key(row["name"])
            and accented(name) > accented(row["name"]))


def entities(result: DocResult) -> list[Entity]:
    """The speakers a document places: its entities, then each named speaker of a quotation that no
    entity covers (pronouns and empty names left out)."""
    found = list(result.speakers)
    known = {e.name for e in found}
    for q in result.quotes:
        if q.speaker and q.speaker not in known and key(q.speaker) and key(q.speaker) not in PRONOUNS:
            found.append(Entity(q.speaker, q.speaker_type or "unknown"))
            known.add(q.speaker)
    return [e for e in found if key(e.name) and key(e.name) not in PRONOUNS]


def news(row: Mapping[str, Any], e: Entity) -> bool:
    """Whether ``e`` tells anything speaker ``row`` does not hold yet (a name, a role, a type, accents)."""
    names = {key(row["name"]), *(key(a) for a in row.get("aliases", ()))}
    roles = {plain(r) for r in row.get("roles", ())}
    return (better_spelled(row, e.name)
            or any(key(n) and key(n) not in names for n in [e.name, *e.aliases])
            or any(plain(r) not in roles for r in e.roles)
            or (row.get("type") in (None, "unknown") and e.type not in (None, "unknown")))


def absorb(row: dict, e: Entity, rename: bool = False) -> None:
    """Add ``e``'s names, roles and type to speaker ``row``; with ``rename``, ``e.name`` becomes its name."""
    if rename and not row.get("curated"):
        row["aliases"] = [*row.get("aliases", []), row["name"]]
        row["name"] = e.name
    elif better_spelled(row, e.name):
        row["name"] = e.name
    names = {key(row["name"]), *(key(a) for a in row.get("aliases", []))}
    aliases = list(row.get("aliases", []))
    for alias in [e.name, *e.aliases]:
        if key(alias) and key(alias) not in names:
            names.add(key(alias))
            aliases.append(alias)
    row["aliases"] = aliases
    roles = list(row.get("roles", []))
    for role in e.roles:
        if plain(role) not in {plain(r) for r in roles}:
            roles.append(role)
    row["roles"] = roles
    if row.get("type") in (None, "unknown") and e.type:
        row["type"] = e.type
