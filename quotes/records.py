"""The records that cross module boundaries.

Every stage of the pipeline speaks in these dataclasses: ``load`` makes
:class:`Document`, ``detect`` makes :class:`QuoteSpan`, ``attribute`` and
``coref`` turn them into :class:`Quote` and :class:`Entity`, and the index,
export and check stages read them back. Offsets are always code points into
``Document.text`` exactly as decoded (line endings kept).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any



#: The confidence at or above which an attribution counts as sure: on the project's labelled sets,
#: records at or above it name the right speaker at least 97 % of the time (README, calibration).
#: Below it, ``quotes list --unsure`` lists the record for review and ``check`` says the index is
#: unsure rather than crying "misattributed".
SURE = 0.9


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Document:
    """One article: its text as decoded and whatever metadata came with it."""

    path: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    outlet: str | None = None
    author: str | None = None

    @property
    def hash(self) -> str:
        """Content key: the same text is the same document, wherever it lives."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class QuoteSpan:
    """What the detector finds: the words between a pair of quotation marks.

    ``start``/``end`` bound the words *inside* the marks; ``open_start`` and
    ``close_end`` include the marks (``close_end == end`` when unclosed).
    A quotation running over several paragraphs is one QuoteSpan per paragraph,
    all sharing ``group`` (the index of the first piece in the detector's list).
    """

    start: int
    end: int
    text: str
    open_start: int
    close_end: int
    kind: str = "direct"
    closed: bool = True
    group: int | None = None


@dataclass(slots=True)
class Entity:
    """Someone or something that speaks: a person, an organisation or a group."""

    name: str
    type: str = "unknown"
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Quote:
    """One quotation with its attribution, as ``quotes extract`` prints it."""

    doc: str
    start: int
    end: int
    quote: str
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    venue: str | None = None
    #: ``direct`` or ``partial`` (a quotation), ``indirect`` (reported speech, no marks), or quotation
    #: marks used for something else, with no speaker: ``title``, ``scare``, ``heading``, ``nickname``
    kind: str = "direct"
    speaker_type: str | None = None
    sentence: str = ""
    closed: bool = True
    group: int | None = None
    #: for a quotation inside a reported clause (a mixed quote), the ``start`` of that ``indirect`` record
    within: int | None = None
    #: how sure the attribution is that ``speaker`` said it (0-1, calibrated: see the README), and why:
    #: the attribution rule that found the mention and how the mention was resolved to the speaker
    confidence: float | None = None
    rule: str | None = None
    resolution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``extract`` contract first, extra fields after it."""
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "venue": self.venue,
            "kind": self.kind,
            "speaker_type": self.speaker_type,
            "closed": self.closed,
            "group": self.group,
            "within": self.within,
            "confidence": self.confidence,
            "rule": self.rule,
            "resolution": self.resolution,
            "sentence": self.sentence,
        }


@dataclass(slots=True)
class DocResult:
    """Everything the pipeline learned from one document."""

    document: Document
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Entity] = field(default_factory=list)
