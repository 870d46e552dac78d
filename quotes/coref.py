"""Coreference for speakers. (Placeholder: names only, clustered by their last word.)"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from .records import Entity


def resolve(doc: Doc, mentions: list[SpacySpan | None]) -> tuple[list[Entity | None], list[Entity]]:
    """For each speaker mention, the entity it refers to (or None); and every entity found."""
    entities: dict[str, Entity] = {}
    out: list[Entity | None] = []
    for m in mentions:
        if m is None or m.root.pos_ == "PRON":
            out.append(None)
            continue
        key = m[-1].text.lower()
        ent = entities.setdefault(key, Entity(name=m.text, type="person" if m.root.ent_type_ == "PERSON" else "unknown"))
        if len(m.text) > len(ent.name):
            ent.aliases.append(ent.name)
            ent.name = m.text
        out.append(ent)
    return out, list(entities.values())
