"""Stage 2, detect: quoted spans in the text. (Placeholder: straight and curly double marks only.)"""
from __future__ import annotations

import re

from .records import QuoteSpan

_PAIR = re.compile(r'["“]([^"“”\n]+)["”]')


def detect(text: str) -> list[QuoteSpan]:
    """Every quotation-mark span in ``text``, in order."""
    return [QuoteSpan(start=m.start(1), end=m.end(1), text=m.group(1), open_start=m.start(), close_end=m.end())
            for m in _PAIR.finditer(text)]
