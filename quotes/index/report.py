"""What one ingest did, counted: the summary the command prints and the API returns."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IngestReport:
    """What one ingest did: documents added/replaced/unchanged, quotes stored, speakers created, skipped."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    quotes: int = 0
    speakers: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.added + self.replaced + self.unchanged

    def add(self, other: "IngestReport") -> None:
        for name in ("added", "replaced", "unchanged", "quotes", "speakers"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.skipped.extend(other.skipped)

    def __str__(self) -> str:
        plural = lambda n, w: f"{n} {w}{'' if n == 1 else 's'}"  # noqa: E731
        return (f"{plural(self.documents, 'document')} ({self.added} added, {self.replaced} replaced, "
                f"{self.unchanged} unchanged), {plural(self.quotes, 'quote')} stored, "
                f"{plural(self.speakers, 'new speaker')}, {self.skipped and len(self.skipped) or 0} skipped")
