"""Corrections a person makes to the index: merge two speakers, rename one, reassign a quotation.

Each runs inside the caller's transaction (:meth:`quotes.index.core.Index.merge_speakers`
and friends) and leaves a row in ``corrections``. Every speaker a correction
touches is marked ``curated``: ingest never renames it, never drops it, and a
reassignment is re-applied when its document is ingested again.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..records import Entity
from .rows import CORRECTIONS, QUOTES, SPEAKERS, now

if TYPE_CHECKING:
    from .core import Index


def log(index: "Index", **fields: Any) -> None:
    table = index._table(CORRECTIONS)
    table.put({table.next_id(): {**fields, "at": now()}})


def merge(index: "Index", into: int, gone: int) -> None:
    """Speaker ``gone``'s quotations, names and roles go to ``into``; ``gone`` is removed."""
    from .placement import absorb

    speakers, quotes, corrections = index._table(SPEAKERS), index._table(QUOTES), index._table(CORRECTIONS)
    keep, drop = dict(speakers.raw()[str(into)]), speakers.raw()[str(gone)]
    absorb(keep, Entity(drop["name"], drop.get("type") or "unknown", list(drop.get("aliases") or []),
                        list(drop.get("roles") or [])))
    keep["curated"], keep["ambiguous"] = True, False
    if keep.get("scope") != drop.get("scope"):
        keep["scope"] = None
    speakers.patch({into: keep})
    quotes.patch({qid: {"speaker_id": into} for qid, q in quotes.raw().items() if q.get("speaker_id") == gone})
    corrections.patch({cid: {"speaker_id": into} for cid, c in corrections.raw().items()
                       if c.get("op") == "reassign" and c.get("speaker_id") == gone})
    speakers.drop([gone])
    log(index, op="merge", speaker_id=into, merged_id=gone, merged_name=drop["name"])


def rename(index: "Index", sid: int, new: str) -> None:
    """Speaker ``sid`` is called ``new`` from now on; the old name stays as an alias."""
    from .roster import key

    speakers = index._table(SPEAKERS)
    row = speakers.raw()[str(sid)]
    old = row["name"]
    aliases = [a for a in row.get("aliases") or [] if key(a) != key(new)]
    if key(old) != key(new) and key(old) not in {key(a) for a in aliases}:
        aliases.append(old)
    speakers.patch({sid: {"name": new, "aliases": aliases, "curated": True, "ambiguous": False}})
    log(index, op="rename", speaker_id=sid, old=old, new=new)


def reassign(index: "Index", qid: str, speaker: str | int | None, create: bool) -> None:
    """Quotation ``qid`` was said by ``speaker`` (a name or id; ``None``: nobody known)."""
    from .core import SpeakerNotFound

    speakers, quotes = index._table(SPEAKERS), index._table(QUOTES)
    target: int | None = None
    if speaker is not None:
        try:
            target = index.resolve_speaker(speaker)
        except SpeakerNotFound:
            if not create or isinstance(speaker, int) or str(speaker).lstrip("#").isdigit():
                raise
            target = speakers.next_id()
            speakers.put({target: {"name": str(speaker).strip(), "aliases": [], "roles": [], "type": "unknown",
                                   "scope": None, "curated": True, "ambiguous": False, "quotes": 0, "quote_ids": []}})
        speakers.patch({target: {"curated": True}})
    q = quotes.raw()[qid]
    doc = index._raw("documents").get(q["doc"]) or {}
    quotes.patch({qid: {"speaker_id": target}})
    log(index, op="reassign", quote_id=qid, doc_path=doc.get("path"), quote=q["quote"], start=q["start"],
        speaker_id=target, was=q.get("speaker_id"))
