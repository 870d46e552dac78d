"""Which indexed speakers a batch's placement needs, and keeping them across the batches of one run.

:class:`~quotes.index.placement.Placement` matches a batch's speakers against a
:class:`~quotes.index.roster.Roster`. The JSON storage hands it every speaker
(the whole file is in memory anyway). A SQLite index of millions of quotations
hands it only the speakers the batch's names can reach, and :class:`SpeakerCache`
keeps those across the batches of one ingest, so a speaker is read once per run
rather than once per batch. What :meth:`Roster.match <quotes.index.roster.Roster.match>`
looks up, and so what :func:`lookups` fetches, for an entity named ``k``:

* speakers whose name or alias is ``k``, and those whose name is one of the entity's aliases of two
  words or more;
* a one-word ``k`` (a bare surname, also for ``Roster.ambiguous``): every person whose name or an
  alias ends with it;
* a ``k`` of several words: speakers named by its last word alone (a surname-only speaker it may
  rename) and, when a given name is an initial (``G. Darmanin``), every person with that surname;
* groups and descriptions look within their own document: every speaker scoped to a document of the
  batch.

This only decides *which rows* the roster is built from, never *how* they are matched: that stays
in ``roster.py``. ``tests/test_archive.py`` places randomised names both ways (every speaker; these
candidates, cached over batches) and requires the same index; a rule that looks up something new
must be added here too, or that test fails.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..lexicon.names import key
from ..records import DocResult, Document, Entity
from .placement import entities
from .roster import Roster, is_local
from .rows import doc_key


@dataclass
class Lookups:
    """Keys to fetch speakers by (see the module's docstring)."""

    exact: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    scopes: set[str] = field(default_factory=set)

    def add(self, e: Entity, scope: str) -> None:
        k = key(e.name)
        if not k:
            return
        self.exact.add(k)
        self.names |= {key(a) for a in e.aliases if len(key(a).split()) > 1}
        words = k.split()
        if len(words) == 1:
            self.surnames.add(k)
        else:
            self.names.add(words[-1])
            if any(len(w) == 1 for w in words[:-1]):
                self.surnames.add(words[-1])
        if is_local(e.name, e.type):
            self.scopes.add(scope)

    def tagged(self) -> set[tuple[str, str]]:
        return {*(("e", k) for k in self.exact), *(("n", k) for k in self.names),
                *(("s", k) for k in self.surnames), *(("d", k) for k in self.scopes)}

    @classmethod
    def of(cls, tagged: Iterable[tuple[str, str]]) -> "Lookups":
        out = cls()
        for tag, k in tagged:
            {"e": out.exact, "n": out.names, "s": out.surnames, "d": out.scopes}[tag].add(k)
        return out


def lookups(batch: Iterable[DocResult | Document], seen: set[tuple] | None = None,
            hashes: list[str] | None = None, found: list[list[Entity] | None] | None = None) -> Lookups:
    """What placing ``batch`` may look up (its documents' entities, and quotations' speakers no entity
    covers), less the names of ``seen`` (which it extends). ``hashes`` and ``found``, if given: each
    document's hash and :func:`~quotes.index.placement.entities`, in the batch's order."""
    out, seen = Lookups(), set() if seen is None else seen
    for n, item in enumerate(batch):
        if isinstance(item, Document):
            continue
        scope = doc_key(item.document.hash if hashes is None else hashes[n])
        for e in (entities(item) if found is None else found[n]):
            if is_local(e.name, e.type):
                out.scopes.add(scope)
            seen_as = (e.name, e.type, *e.aliases)       # the same name in many articles: looked up once
            if seen_as not in seen:
                seen.add(seen_as)
                out.add(e, scope)
    return out


class TrackedRoster(Roster):
    """A :class:`Roster` that can forget a speaker: every index entry ``add`` made for it is recorded
    (by indexing the row alone in a throwaway Roster), so the row can be replaced or dropped."""

    def __init__(self, rows: Mapping[Any, Mapping[str, Any]] = {}) -> None:
        self.entries: dict[int, set[tuple[str, Any]]] = defaultdict(set)
        self._alone = Roster()
        self._tables = [(name, table) for name, table in vars(self._alone).items()
                        if name.startswith("by_") and isinstance(table, dict)]
        super().__init__(rows)

    def add(self, sid: int, row: Mapping[str, Any]) -> None:
        self._alone.add(sid, row)
        mine = self.entries[sid]
        for name, table in self._tables:
            mine.update((name, k) for k in table)
            table.clear()
        self._alone.rows.clear()
        self._alone._stamps.clear()
        super().add(sid, row)

    def forget(self, sid: int) -> None:
        for name, k in self.entries.pop(sid, ()):
            table = getattr(self, name)
            found = table.get(k)
            if found is not None:
                found.discard(sid)
                if not found:
                    del table[k]
            self.touched(entry=(name, k))
        self.rows.pop(sid, None)
        self.touched(sid)
        self.touched(sid, counts=True)


class SpeakerCache:
    """The speakers one :class:`~quotes.index.core.Index` has read for placement, in a roster kept
    across its ingest batches.

    Valid while every change to the speakers table since it was filled is one it was told of:
    :meth:`committed` applies the speaker rows a committed transaction wrote (the storage keeps them,
    ``speaker_writes``). Anything else (another process wrote, a transaction failed, a correction was
    made) changes the storage's ``(generation, serial)`` (or the index opens another storage) and the cache starts again, empty."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.roster = TrackedRoster()
        self.loaded: set[tuple[str, str]] = set()
        self.seen: set[tuple] = set()           # entities whose lookups are loaded
        self.stamp: tuple[Any, int, int] | None = None

    def roster_for(self, storage: Any, batch: Iterable[DocResult | Document], hashes: list[str] | None = None,
                   found: list[list[Entity] | None] | None = None) -> Roster:
        """The roster to place ``batch`` with: the cached one, plus every speaker its names reach that
        it lacked (``hashes``, ``found``: see :func:`lookups`). Placement then changes it; until
        :meth:`committed`, the cache counts as stale."""
        if self.stamp is None or self.stamp[0] is not storage or self.stamp[1:] != (storage.generation, storage.serial):
            self.reset()
        self.stamp = None
        need = lookups(batch, self.seen, hashes, found).tagged() - self.loaded
        if need:
            want = Lookups.of(need)
            found = storage.speakers_for_placement(want.exact, want.names, want.surnames, want.scopes)
            for sid, row in found.items():
                if int(sid) not in self.roster.rows:      # a cached row is the current one
                    self.roster.add(int(sid), row)
            self.loaded |= need
        return self.roster

    def committed(self, storage: Any) -> None:
        """The batch's transaction committed: its speaker rows, as written, replace what placement left
        (a row whose counts alone changed keeps its index entries)."""
        for sid, row in storage.speaker_writes.items():
            self.roster.forget(sid)
            if row is not None:
                self.roster.add(sid, row)
        rows, changed = self.roster.rows, []
        for sid, (quotes, reported) in storage.speaker_counts.items():
            row = rows.get(sid)
            if row is not None:       # a row the storage read for us (placement copies before changing one)
                row["quotes"], row["reported"] = quotes, reported
                changed.append(sid)
        self.roster.counts_changed(changed)
        self.stamp = (storage, storage.generation, storage.serial)
