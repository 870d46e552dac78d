"""Ingest orchestration: documents in, stored in the index, none parsed twice, none lost to another's failure.

What ``quotes ingest`` does, as a library call (:func:`ingest`):

1. :func:`plan` skips texts the index already holds (by content hash) and duplicates
   within the run, so only new or changed texts are parsed;
2. :func:`store` parses them here, over a process pool or on a Dask cluster, and
   stores each result as it arrives (an interrupted run keeps what it finished);
3. a document the pipeline chokes on is retried alone, and reported as failed if it
   fails again, while the others go on.

Failures reach the caller as ``(path, reason)`` pairs and through ``on_error``;
exceptions that concern the whole run (no pipeline, an unusable index, an
interrupt) propagate.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from .index.core import Index
from .index.report import IngestReport
from .load import LoadError
from . import nlp, parallel, pipeline  # as modules: tests and callers may swap their functions
from .index.storage import IndexFileError
from .nlp.model import ModelNotFound
from .records import Document, DocResult
from .stages import DEFAULT_BATCH_SIZE, analyse

#: Called with (path, reason) for each input that could not be read or parsed.
OnError = Callable[[str, str], None]
#: Called once per document stored (or found unchanged), for a progress bar.
Progress = Callable[[object], None]


@dataclass
class Plan:
    """What an ingest will do: documents to parse, known texts (only their paths recorded), failures."""

    todo: list[Document] = field(default_factory=list)
    known: list[Document] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def plan(index: Index, items: Iterable[Document | LoadError], on_error: OnError | None = None) -> Plan:
    """Sort loaded ``items`` into new texts, texts the index (or this run) already has, and load failures."""
    out, seen = Plan(), set()
    for item in items:
        if isinstance(item, LoadError):
            out.failed.append((item.path, item.reason))
            if on_error:
                on_error(item.path, item.reason)
            continue
        if item.hash in seen or index.has_document(item.hash):
            out.known.append(item)           # not parsed again: only its path is recorded
        else:
            seen.add(item.hash)
            out.todo.append(item)
    return out


def store(index: Index, work: Plan, *, model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
          workers: int = 1, dask: str | None = None, progress: Progress | None = None,
          on_error: OnError | None = None, on_note: Callable[[str], None] | None = None) -> IngestReport:
    """Parse ``work.todo`` and store the results as they come, then record the paths of ``work.known``.

    Failed documents are added to ``work.failed`` (and to the report's ``skipped``).
    """
    def failed(path: str, reason: str) -> None:
        work.failed.append((path, reason))
        if on_error:
            on_error(path, reason)

    report = IngestReport()
    parsed = results(work.todo, model, batch_size, workers, dask, failed) if work.todo else iter(())
    try:
        report.add(index.ingest(chain(parsed, work.known), progress=progress))
    except (ModelNotFound, IndexFileError, KeyboardInterrupt):
        raise
    except Exception as e:  # noqa: BLE001  (one bad document must not cost the others)
        if on_note:
            on_note(f"parsing stopped ({type(e).__name__}: {e}); going on one document at a time")
        rest = [d for d in work.todo if not index.has_document(d.hash)]
        report.add(index.ingest(chain(one_by_one(rest, model, failed), work.known), progress=progress))
    report.skipped.extend(work.failed)
    return report


def results(documents: list[Document], model: str | None, batch_size: int, workers: int, dask: str | None,
            failed: OnError) -> Iterator[DocResult]:
    """Results from the pipeline in this process, a process pool, or a Dask cluster."""
    if dask:
        try:
            yield from parallel.extract_on_dask(documents, dask, model=model, batch_size=batch_size)
        except parallel.DaskExtractionError as e:
            reason = f"failed on the Dask cluster ({e})"
            for path in getattr(e, "paths", []):
                failed(path, reason)
        return
    yield from pipeline.extract_documents(documents, model=model, batch_size=batch_size, workers=workers)


def one_by_one(documents: Iterable[Document], model: str | None, failed: OnError) -> Iterator[DocResult]:
    """Each document parsed alone: one that fails is reported and the next one goes on."""
    english = nlp.load_pipeline(model)
    for doc in documents:
        try:
            yield analyse(english(doc.text), doc)
        except Exception as e:  # noqa: BLE001
            failed(doc.path, f"extraction failed ({type(e).__name__}: {e})")
