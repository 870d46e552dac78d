"""Corrections a person makes to the index: merge two speakers, rename one, reassign a quotation.

Each runs inside the caller's transaction (:meth:`quotes.index.core.Index.merge_speakers`
and friends) and leaves a row in ``corrections``. Every speaker a correction
touches is marked ``curated``: ingest never renames it, never drops it, and a
reassignment is re-applied when its document is ingested again.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

from ..lexicon.names import key, plain
from ..records import Entity
from .errors import SpeakerNotFound
from .placement import absorb
from .rows import CORRECTIONS, DOCUMENTS, QUOTES, SPEAKERS, Rows, now

#: How a correction reaches the index's tables: by name, inside the caller's transaction.
Tables = Callable[[str], Rows]


def log(tables: Tables, **fields: Any) -> None:
    table = tables(CORRECTIONS)
    table.put({table.next_id(): {**fields, "at": now()}})


def before(tables: Tables, speakers: Iterable[int] = (), quotes: Iterable[str] = (), fields: tuple[str, ...] = ("speaker_id",),
           corrections: Iterable[int] = ()) -> dict[str, Any]:
    """What a correction is about to change, as it is now: the ``undo`` record :func:`undo` restores.

    Speakers are kept whole (``None``: not there yet), quotations by the ``fields`` the correction
    changes, corrections whole. Reads those rows only."""
    speakers, quotes, corrections = list(speakers), list(quotes), list(corrections)
    s_rows, q_rows = tables(SPEAKERS).rows(speakers), tables(QUOTES).rows(quotes)
    c_rows = tables(CORRECTIONS).rows(corrections)
    return {
        "speakers": {str(i): copy.deepcopy(s_rows.get(str(i))) for i in speakers},
        "quotes": {q: {f: q_rows[q].get(f) for f in fields} for q in quotes if q in q_rows},
        "corrections": {str(i): copy.deepcopy(c_rows[str(i)]) for i in corrections if str(i) in c_rows},
    }


def undo(tables: Tables) -> dict | None:
    """Take back the last correction: every row it changed is as it was before; the correction is forgotten.
    ``None`` when there is nothing to undo."""
    corrections = tables(CORRECTIONS)
    found = corrections.last()
    if found is None:
        return None
    last, row = found
    saved = row.get("undo") or {}
    speakers = tables(SPEAKERS)
    speakers.drop([sid for sid, was in saved.get("speakers", {}).items() if was is None])
    speakers.put({int(sid): was for sid, was in saved.get("speakers", {}).items() if was is not None})
    where = row.get("moves") or ([row] if row.get("doc_path") else [])
    tables(QUOTES).patch(_relocate(tables, saved.get("quotes", {}), where))
    corrections.patch({int(cid): was for cid, was in saved.get("corrections", {}).items()})
    corrections.drop([last])
    return {"id": int(last), **{k: v for k, v in row.items() if k != "undo"}}


def _relocate(tables: Tables, saved: dict[str, dict], where: list[dict]) -> dict[str, dict]:
    """``saved`` (quotation id -> fields) keyed by the ids the quotations have now: one that a re-ingest
    gave a new id is found again, as :func:`quotes.index.core._reapply` finds it, by its document's path,
    its words and the nearest place (``where``: doc_path, quote, start of each, in order). Reads those
    quotations, and the quotations of the documents now at those paths."""
    quotes = tables(QUOTES)
    present = quotes.rows(saved)
    out: dict[str, dict] = {}
    for n, (qid, fields) in enumerate(saved.items()):
        if qid in present or n >= len(where):
            out[qid] = fields
            continue
        w = where[n]
        held = tables(DOCUMENTS).holding(w.get("doc_path"))
        same = [(abs(r["start"] - (w.get("start") or 0)), q) for q, r in quotes.of_documents(held).items()
                if r["doc"] in held and plain(r["quote"]) == plain(w.get("quote"))]
        if same:
            out[min(same)[1]] = fields
    return out


def merge(tables: Tables, into: int, gone: int) -> None:
    """Speaker ``gone``'s quotations, names and roles go to ``into``; ``gone`` is removed."""
    speakers, quotes, corrections = tables(SPEAKERS), tables(QUOTES), tables(CORRECTIONS)
    saved = before(tables, [into, gone], list(quotes.of_speaker(gone)),
                   corrections=[int(c) for c, row in corrections.raw().items()
                                if row.get("op") in ("reassign", "split") and row.get("speaker_id") == gone])
    keep, drop = dict(speakers.one(into)), speakers.one(gone)
    absorb(keep, Entity(drop["name"], drop.get("type") or "unknown", list(drop.get("aliases") or []),
                        list(drop.get("roles") or [])))
    keep["curated"], keep["ambiguous"] = True, False
    if keep.get("scope") != drop.get("scope"):
        keep["scope"] = None
    speakers.patch({into: keep})
    quotes.patch({qid: {"speaker_id": into} for qid in quotes.of_speaker(gone)})
    corrections.patch({cid: {"speaker_id": into} for cid, c in corrections.raw().items()
                       if c.get("op") in ("reassign", "split") and c.get("speaker_id") == gone})
    speakers.drop([gone])
    log(tables, op="merge", speaker_id=into, merged_id=gone, merged_name=drop["name"], undo=saved)


def rename(tables: Tables, sid: int, new: str) -> None:
    """Speaker ``sid`` is called ``new`` from now on; the old name stays as an alias."""
    speakers = tables(SPEAKERS)
    saved = before(tables, [sid])
    row = speakers.one(sid)
    old = row["name"]
    aliases = [a for a in row.get("aliases") or [] if key(a) != key(new)]
    if key(old) != key(new) and key(old) not in {key(a) for a in aliases}:
        aliases.append(old)
    speakers.patch({sid: {"name": new, "aliases": aliases, "curated": True, "ambiguous": False}})
    log(tables, op="rename", speaker_id=sid, old=old, new=new, undo=saved)


def reassign(tables: Tables, resolve: Callable[[str | int], int], qid: str, speaker: str | int | None,
             create: bool) -> None:
    """Quotation ``qid`` was said by ``speaker`` (a name or id, found by ``resolve``; ``None``: nobody known)."""
    speakers, quotes = tables(SPEAKERS), tables(QUOTES)
    was = quotes.one(qid).get("speaker_id")     # read now: the row is patched in place below
    target: int | None = None
    created = False
    if speaker is not None:
        try:
            target = resolve(speaker)
        except SpeakerNotFound:
            if not create or isinstance(speaker, int) or str(speaker).lstrip("#").isdigit():
                raise
            target, created = speakers.next_id(), True
    # the speaker it leaves may be dropped once empty: kept whole, so undo brings it back
    saved = before(tables, dict.fromkeys(s for s in (was, target) if s is not None), [qid])
    if created:
        speakers.put({target: {"name": str(speaker).strip(), "aliases": [], "roles": [], "type": "unknown",
                               "scope": None, "curated": True, "ambiguous": False, "quotes": 0, "quote_ids": []}})
    if target is not None:
        speakers.patch({target: {"curated": True}})
    q = quotes.one(qid)
    doc = tables(DOCUMENTS).one(q["doc"]) or {}
    quotes.patch({qid: {"speaker_id": target}})
    log(tables, op="reassign", quote_id=qid, doc_path=doc.get("path"), quote=q["quote"], start=q["start"],
        speaker_id=target, was=was, undo=saved)


def split(tables: Tables, sid: int, name: str, qids: Iterable[str], aliases: Iterable[str]) -> int:
    """A new speaker ``name`` for the quotations ``qids`` of speaker ``sid`` and those whose speaker
    mention is one of ``aliases`` (which move to the new speaker); returns the new speaker's id."""
    speakers, quotes = tables(SPEAKERS), tables(QUOTES)
    wanted = {key(a) for a in aliases if key(a)}
    rows = quotes.of_speaker(sid)                   # the speaker's quotations only, in the index's order
    moving = [qid for qid, q in rows.items() if q.get("speaker_id") == sid
              and (qid in set(qids) or (wanted and key(q.get("mention")) in wanted))]
    missing = set(qids) - set(moving)
    if missing:
        raise ValueError(f"not quotations of speaker #{sid}: {', '.join(sorted(missing))}")
    if not moving:
        raise ValueError("nothing to split off: give quotation ids (--quote) or names it was quoted by (--alias)")
    new = speakers.next_id()
    saved = before(tables, [sid, new], moving)
    old = speakers.one(sid)
    speakers.patch({sid: {"aliases": [a for a in old.get("aliases") or [] if key(a) not in wanted], "curated": True}})
    speakers.put({new: {"name": name.strip(), "aliases": [a for a in old.get("aliases") or [] if key(a) in wanted],
                        "roles": [], "type": old.get("type") or "unknown", "scope": old.get("scope"), "curated": True,
                        "ambiguous": False, "quotes": 0, "quote_ids": []}})
    docs = tables(DOCUMENTS).rows({rows[q]["doc"] for q in moving})
    moves = [{"doc_path": (docs.get(rows[q]["doc"]) or {}).get("path"), "quote": rows[q]["quote"],
              "start": rows[q]["start"]} for q in moving]
    quotes.patch({qid: {"speaker_id": new} for qid in moving})
    log(tables, op="split", speaker_id=new, split_from=sid, name=name.strip(), moves=moves, undo=saved)
    return new


def mark_kind(tables: Tables, qid: str, kind: str) -> None:
    """Quotation ``qid`` is not a quotation but a ``kind`` (a title, a so-called term): it leaves every
    listing and its speaker's count; the mark is re-applied when the article is ingested again."""
    quotes = tables(QUOTES)
    saved = before(tables, [s for s in [quotes.one(qid).get("speaker_id")] if s is not None], [qid],
                   fields=("kind", "speaker_id"))
    q = quotes.one(qid)
    doc = tables(DOCUMENTS).one(q["doc"]) or {}
    quotes.patch({qid: {"kind": kind, "speaker_id": None}})
    log(tables, op="kind", quote_id=qid, doc_path=doc.get("path"), quote=q["quote"], start=q["start"], kind=kind,
        speaker_id=None, undo=saved)
