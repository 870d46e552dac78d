"""Dates as the index stores and compares them: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, checked strictly.

:func:`parse_date` reads ISO dates (and the date of an ISO date-time) and the
unambiguous written forms ``17 April 2025`` and ``April 17, 2025``; anything
else (``17/04/2025``, ``2025-13-01``, ``yesterday``) raises :class:`DateError`
with a message that says what is accepted.
"""
from __future__ import annotations

import re
from datetime import date, datetime

ACCEPTED = "YYYY, YYYY-MM, YYYY-MM-DD, '17 April 2025' or 'April 17, 2025'"
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ISO_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_WRITTEN = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


class DateError(ValueError):
    """A date that is not one (or not in a form we read without guessing)."""


def parse_date(value: str) -> str:
    """``value`` as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or :class:`DateError`."""
    text = " ".join(str(value).split()).strip()
    m = _ISO.fullmatch(text)
    if m:
        year, month, day = m.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError as e:
            raise DateError(f"{value!r} is not a date ({e})") from None
        return text
    m = _ISO_TIME.fullmatch(text)
    if m:
        return parse_date(m.group(1))
    for fmt in _WRITTEN:
        try:
            return datetime.strptime(text.replace(".", ""), fmt).date().isoformat()
        except ValueError:
            continue
    raise DateError(f"{value!r} is not a date; use {ACCEPTED}")
