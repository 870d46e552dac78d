"""The pipeline end to end: documents in, :class:`~quotes.records.DocResult` out.

:func:`extract_documents` parses many documents with ``nlp.pipe`` (the model
loaded once per process), here or spread over processes (:mod:`quotes.parallel`),
and yields results in input order. The work on one document is :mod:`quotes.stages`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .nlp import load_pipeline
from .parallel import extract_in_processes
from .records import Document, DocResult
from .stages import DEFAULT_BATCH_SIZE, analyse, parse

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_BATCH_SIZE", "analyse", "extract_documents", "parse"]


def extract_documents(documents: Iterable[Document], *, model: str | None = None,
                      batch_size: int = DEFAULT_BATCH_SIZE, workers: int = 1,
                      nlp: "Language | None" = None) -> Iterator[DocResult]:
    """Every document's result, in input order, with one pipeline per process.

    ``workers`` > 1 (or 0 for one per core) spreads chunks of ``batch_size``
    documents over that many processes, each loading the pipeline once
    (:mod:`quotes.parallel`); ``nlp``, a pipeline already loaded here, is only
    used with ``workers=1``.
    """
    if workers != 1 and nlp is None:
        yield from extract_in_processes(documents, model=model, batch_size=batch_size, workers=workers)
        return
    nlp = nlp or load_pipeline(model)
    for doc, document in parse(nlp, documents, batch_size):
        yield analyse(doc, document)
