"""Does a name a writer used point at the speaker an indexed quotation has?

A draft says "Darmanin" where the index says "Gérald Darmanin", or uses an
alias or a role the index keeps for that person. Names are compared without
case or accents; a lone surname matches a full name with that surname.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..lexicon.names import key

FUNCTION_WORDS = frozenset({"of", "for", "a", "an", "and", "in", "on", "at", "to"})


def names_match(a: str | None, b: str | None) -> bool:
    """Same name, or the same surname where one side gives only the surname or both give the same
    first name; or one side is only the other's first name ("Helen" for Helen Park), as the index's
    lookup reads it (``quotes list -s Helen``)."""
    ka, kb = key(a).split(), key(b).split()
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if ka[-1] == kb[-1] and (len(ka) == 1 or len(kb) == 1 or ka[0] == kb[0]):
        return True
    return (len(ka) == 1) != (len(kb) == 1) and ka[0] == kb[0]


def role_match(name: str | None, role: str | None) -> bool:
    """Whether every content word of ``name`` is in ``role``: "the justice minister" fits "Minister of Justice"."""
    words = set(key(name).split()) - FUNCTION_WORDS
    return bool(words) and words <= set(key(role).split())


def answers_to(name: str, speaker: dict[str, Any]) -> bool:
    """Whether a speaker row answers to ``name``: by its name, an alias or one of its roles."""
    names = [speaker.get("name") or ""] + list(speaker.get("aliases") or [])
    return any(names_match(name, n) for n in names) or any(role_match(name, r) for r in speaker.get("roles") or [])


def matching_ids(name: str, speakers: Iterable[dict[str, Any]]) -> set[Any]:
    """Ids of the speaker rows ``name`` may refer to."""
    return {s.get("id") for s in speakers if answers_to(name, s)}


def said_by(name: str | None, row: dict[str, Any], ids: set[Any] = frozenset()) -> bool:
    """Whether the quotation in ``row`` is attributed to ``name`` (or to one of the speaker ``ids``)."""
    if not name:
        return False
    if row.get("speaker_id") is not None and row.get("speaker_id") in ids:
        return True
    mention = row.get("speaker_mention")
    if isinstance(mention, dict):
        mention = mention.get("text")
    return names_match(name, row.get("speaker")) or names_match(name, mention)
