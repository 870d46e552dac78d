"""Who is who across the whole index: matching a document's speakers to indexed speakers.

Within one article the coreference stage has already joined "he", "the
justice minister" and "Darmanin" to "Gérald Darmanin". Across articles this
module does the rest, by name only, cautiously:

1. a speaker whose name (case and accents ignored) is the entity's name;
2. else the one speaker with that name among its aliases (two: ambiguous);
3. a bare surname ("Darmanin") joins the one person whose name ends with it;
   two such people (Gérald and Marie Darmanin) make it ambiguous, and it
   becomes a speaker of its own rather than a guess;
4. a full name joins a speaker known so far only by that surname;
5. initials ("G. Darmanin") join the one person whose given names they abbreviate.

Groups and descriptions ("the ministers", "officials") are scoped to their
document: two articles' "officials" are not the same people.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from ..lexicon.names import key

def compatible(a: str | None, b: str | None) -> bool:
    """Speaker types that may be one speaker: equal, or one of them unknown."""
    return a == b or not a or not b or "unknown" in (a, b)


def is_local(name: str, type_: str | None) -> bool:
    """Groups and lower-case descriptions ("the ministers") name no one outside their article."""
    return type_ == "group" or not name[:1].isupper()


def initialled(short: list[str], full: list[str]) -> bool:
    """"G Darmanin" for "Gerald Darmanin": same surname, each given name an initial of the other's."""
    return (len(short) == len(full) > 1 and short[-1] == full[-1] and short != full
            and all(len(a) == 1 and b.startswith(a) for a, b in zip(short[:-1], full[:-1])))


#: A remembered answer reads at most this many speakers' rows (a common surname's hundreds are looked
#: up again rather than checked one by one).
MEMO_IDS = 8


class Roster:
    """Speaker rows indexed by name key, alias key and surname.

    :meth:`memo` remembers an answer with what it read: the index entries it looked up and the rows
    of the speakers found there. Every change stamps what it touches (:meth:`add` the entries it
    adds to and the speaker; :meth:`touched` a row changed in place; a subclass that removes entries
    stamps them, see ``candidates.TrackedRoster.forget``), and an answer is given again only while
    nothing it read is stamped later than it was made. The rules themselves are only in
    :meth:`match`, which says what it read (:meth:`match_reads`)."""

    _trace: list | None = None

    def __init__(self, rows: Mapping[Any, Mapping[str, Any]] = {}) -> None:
        self.rows: dict[int, Mapping[str, Any]] = {}
        self.by_name: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.by_alias: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.by_surname: dict[str, set[int]] = defaultdict(set)
        self.by_role: dict[str, set[int]] = defaultdict(set)
        #: When each index entry (``(table, key)``) and each speaker (its id) last changed.
        self._stamps: dict[Any, int] = {}
        self._tick = 0
        self._memo: dict[Any, tuple[int, tuple, Any]] = {}
        for sid, row in rows.items():
            self.add(int(sid), row)

    def add(self, sid: int, row: Mapping[str, Any]) -> None:
        """Index (or re-index, after a change) speaker ``sid``."""
        self.rows[sid] = row
        self._tick += 1
        tick, stamps = self._tick, self._stamps
        stamps[sid] = stamps[("quotes", sid)] = tick
        scope = row.get("scope") or ""
        k = key(row.get("name"))
        if k:
            self.by_name[(scope, k)].add(sid)
            stamps[("by_name", (scope, k))] = tick
        for alias in row.get("aliases") or ():
            if key(alias):
                self.by_alias[(scope, key(alias))].add(sid)
                stamps[("by_alias", (scope, key(alias)))] = tick
        for role in row.get("roles") or ():
            if key(role):
                self.by_role[key(role)].add(sid)
        if not scope and row.get("type") in ("person", "unknown", None):
            for n in [row.get("name"), *(row.get("aliases") or ())]:
                if key(n):
                    self.by_surname[key(n).split()[-1]].add(sid)
                    stamps[("by_surname", key(n).split()[-1])] = tick

    def touched(self, sid: int | None = None, entry: tuple[str, Any] | None = None, counts: bool = False) -> None:
        """Speaker ``sid``'s row changed in place (``counts``: only its quotation counts, which only a
        choice between namesakes reads), or index entry ``entry`` lost a speaker: answers that read
        either are not given again."""
        self._tick += 1
        if sid is not None:
            self._stamps[("quotes", sid) if counts else sid] = self._tick
        if entry is not None:
            self._stamps[entry] = self._tick

    def counts_changed(self, sids: Iterable[int]) -> None:
        """The quotation counts of speakers ``sids`` changed in their rows, in place (one stamp for all:
        a batch changes the counts of thousands)."""
        self._tick += 1
        self._stamps.update(dict.fromkeys((("quotes", sid) for sid in sids), self._tick))

    def memo(self, question: Any) -> Any:
        """The answer remembered for ``question`` (see :meth:`remember`) if nothing it read has changed
        since, else None."""
        found = self._memo.get(question)
        if found is None:
            return None
        made, reads, answer = found
        stamp = self._stamps.get
        for r in reads:
            if stamp(r, 0) > made:
                del self._memo[question]
                return None
        return answer

    def remember(self, question: Any, reads: tuple, answer: Any) -> None:
        """Keep ``answer`` to ``question``, good while none of ``reads`` (index entries and speaker
        ids, as :meth:`match_reads` gives them) changes."""
        self._memo[question] = (self._tick, reads, answer)

    def _reads(self, table: str, k: Any) -> Iterable[int]:
        found = getattr(self, table).get(k, ())
        if self._trace is not None:
            self._trace.append((table, k))
            self._trace.extend(found)
        return found

    def _typed(self, ids: Iterable[int], type_: str | None) -> list[int]:
        return sorted(i for i in ids if i in self.rows and compatible(self.rows[i].get("type"), type_))

    def match(self, name: str, type_: str | None, aliases: Iterable[str] = (), scope: str = "") -> tuple[int | None, bool]:
        """The speaker ``name`` is, and whether that speaker is known only by the surname (so may be renamed).

        Returns ``(None, False)`` for a new speaker.
        """
        scope = scope if is_local(name, type_) else ""
        k = key(name)
        if not k:
            return None, False
        for candidate in [k, *(key(a) for a in aliases if len(key(a).split()) > 1)]:
            hits = self._typed(self._reads("by_name", (scope, candidate)), type_)
            if hits:
                if len(hits) > 1 and self._trace is not None:     # the counts decide: they were read too
                    self._trace.extend(("quotes", i) for i in hits)
                return min(hits, key=lambda i: (-int(self.rows[i].get("quotes") or 0), i)), False
        hits = self._typed(self._reads("by_alias", (scope, k)), type_)
        if len(hits) == 1:
            return hits[0], False
        if hits or scope or type_ not in ("person", "unknown", None):
            return None, False
        words = k.split()
        if len(words) == 1:
            people = self._typed(self._reads("by_surname", k), type_)
            return (people[0], False) if len(people) == 1 else (None, False)
        bare = [i for i in self._typed(self._reads("by_name", ("", words[-1])), type_)
                if not self.rows[i].get("curated") and not self.rows[i].get("ambiguous")]
        if len(bare) == 1:
            return bare[0], True
        if not any(len(w) == 1 for w in words[:-1]):
            return None, False
        initials = [i for i in self._typed(self._reads("by_surname", words[-1]), type_)
                    if initialled(words, key(self.rows[i].get("name")).split())]
        return (initials[0], False) if len(initials) == 1 else (None, False)

    def match_reads(self, name: str, type_: str | None, aliases: Iterable[str] = (),
                    scope: str = "") -> tuple[tuple[int | None, bool], tuple | None]:
        """:meth:`match`'s answer, and what it read: the index entries it looked up and the speakers it
        found there (None when that is more than ``MEMO_IDS`` speakers: not worth remembering)."""
        self._trace = []
        try:
            answer = self.match(name, type_, aliases, scope)
            reads = self._trace
        finally:
            self._trace = None
        if sum(1 for r in reads if type(r) is int) > MEMO_IDS:
            return answer, None
        return answer, tuple(dict.fromkeys(reads))

    def ambiguous(self, name: str) -> bool:
        """Whether a bare surname fits two or more people already indexed."""
        k = key(name)
        return len(k.split()) == 1 and len(self.by_surname.get(k, ())) > 1

    def find(self, query: str) -> list[int]:
        """Ids of speakers ``query`` names: by id, name, alias or role; a lone word also by surname, and
        failing that by given name ("Helen" finds Helen Park)."""
        q = query.strip().lstrip("#")
        if q.isdigit() and int(q) in self.rows:
            return [int(q)]
        k = key(query)
        if not k:
            return []
        ids: set[int] = set()
        for table in (self.by_name, self.by_alias):
            for (_, name), found in table.items():
                if name == k:
                    ids |= found
        ids |= self.by_role.get(k, set())
        if not ids and len(k.split()) == 1:
            ids |= self.by_surname.get(k, set())
        if not ids and len(k.split()) == 1:
            ids |= self.by_given(k)
        return sorted(ids)

    def by_given(self, word: str) -> set[int]:
        """People whose name or an alias starts with the given name ``word`` ("Helen" for "Helen Park")."""
        return {i for table in (self.by_name, self.by_alias) for (_, name), found in table.items()
                if name.startswith(word + " ") for i in found
                if self.rows[i].get("type") in ("person", "unknown", None)}
