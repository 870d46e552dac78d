"""Corrections a person makes to the index: merge two speakers, rename one, reassign a quotation.

Each runs inside the caller's transaction (:meth:`quotes.index.core.Index.merge_speakers`
and friends) and leaves a row in ``corrections``. Every speaker a correction
touches is marked ``curated``: ingest never renames it, never drops it, and a
reassignment is re-applied when its document is ingested again.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..lexicon.names import key
from ..records import Entity
from .errors import SpeakerNotFound
from .placement import absorb
from .rows import CORRECTIONS, DOCUMENTS, QUOTES, SPEAKERS, Rows, now

#: How a correction reaches the index's tables: by name, inside the caller's transaction.
Tables = Callable[[str], Rows]


def log(tables: Tables, **fields: Any) -> None:
    table = tables(CORRECTIONS)
    table.put({table.next_id(): {**fields, "at": now()}})


def merge(tables: Tables, into: int, gone: int) -> None:
    """Speaker ``gone``'s quotations, names and roles go to ``into``; ``gone`` is removed."""
    speakers, quotes, corrections = tables(SPEAKERS), tables(QUOTES), tables(CORRECTIONS)
    keep, drop = dict(speakers.one(into)), speakers.one(gone)
    absorb(keep, Entity(drop["name"], drop.get("type") or "unknown", list(drop.get("aliases") or []),
                        list(drop.get("roles") or [])))
    keep["curated"], keep["ambiguous"] = True, False
    if keep.get("scope") != drop.get("scope"):
        keep["scope"] = None
    speakers.patch({into: keep})
    quotes.patch({qid: {"speaker_id": into} for qid in quotes.of_speaker(gone)})
    corrections.patch({cid: {"speaker_id": into} for cid, c in corrections.raw().items()
                       if c.get("op") == "reassign" and c.get("speaker_id") == gone})
    speakers.drop([gone])
    log(tables, op="merge", speaker_id=into, merged_id=gone, merged_name=drop["name"])


def rename(tables: Tables, sid: int, new: str) -> None:
    """Speaker ``sid`` is called ``new`` from now on; the old name stays as an alias."""
    speakers = tables(SPEAKERS)
    row = speakers.one(sid)
    old = row["name"]
    aliases = [a for a in row.get("aliases") or [] if key(a) != key(new)]
    if key(old) != key(new) and key(old) not in {key(a) for a in aliases}:
        aliases.append(old)
    speakers.patch({sid: {"name": new, "aliases": aliases, "curated": True, "ambiguous": False}})
    log(tables, op="rename", speaker_id=sid, old=old, new=new)


def reassign(tables: Tables, resolve: Callable[[str | int], int], qid: str, speaker: str | int | None,
             create: bool) -> None:
    """Quotation ``qid`` was said by ``speaker`` (a name or id, found by ``resolve``; ``None``: nobody known)."""
    speakers, quotes = tables(SPEAKERS), tables(QUOTES)
    target: int | None = None
    if speaker is not None:
        try:
            target = resolve(speaker)
        except SpeakerNotFound:
            if not create or isinstance(speaker, int) or str(speaker).lstrip("#").isdigit():
                raise
            target = speakers.next_id()
            speakers.put({target: {"name": str(speaker).strip(), "aliases": [], "roles": [], "type": "unknown",
                                   "scope": None, "curated": True, "ambiguous": False, "quotes": 0, "quote_ids": []}})
        speakers.patch({target: {"curated": True}})
    q = quotes.one(qid)
    doc = tables(DOCUMENTS).one(q["doc"]) or {}
    quotes.patch({qid: {"speaker_id": target}})
    log(tables, op="reassign", quote_id=qid, doc_path=doc.get("path"), quote=q["quote"], start=q["start"],
        speaker_id=target, was=q.get("speaker_id"))
