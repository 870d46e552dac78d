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

Paths are stored absolute (the text's hash is the key), so ``show`` works from
any directory and a moved file, ingested again, is read from where it is now.
Web pages (``http(s)://`` inputs) are fetched and a copy kept beside the index
(:func:`pages_dir`). Metadata given by hand (``overrides``) is stored with
:meth:`~quotes.index.core.Index.set_metadata`, so it outlasts later re-ingests.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from .index.core import Index
from .index.report import IngestReport
from .load import DEFAULT_MAX_BYTES, STDIN, AUTO, LoadError, Skipped, is_url, load_documents
from . import nlp, parallel, pipeline  # as modules: tests and callers may swap their functions
from .index.storage import IndexFileError
from .nlp.model import ModelNotFound
from .records import Document, DocResult
from .stages import DEFAULT_BATCH_SIZE, run

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
    #: Files a folder holds that are not read (hidden, unsupported type), with the reason.
    ignored: list[tuple[str, str]] = field(default_factory=list)
    #: Documents whose text another file of this run already holds (their paths are recorded too).
    duplicates: list[Document] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.todo) + len(self.known)


def absolute(path: str) -> str:
    """A file's path made absolute (``doc.jsonl:3`` too); stdin, URLs and ids kept as they are."""
    if path == STDIN or is_url(path):
        return path
    if os.path.exists(path):
        return os.path.abspath(path)
    m = re.fullmatch(r"(.+):(\d+)", path)
    if m and os.path.isfile(m.group(1)):
        return f"{os.path.abspath(m.group(1))}:{m.group(2)}"
    return path


def plan(index: Index, items: Iterable[Document | LoadError | Skipped], on_error: OnError | None = None,
         on_note: Callable[[str], None] | None = None) -> Plan:
    """Sort loaded ``items`` into new texts, texts the index (or this run) already has, and load failures.

    Each new document's warnings (a near-empty extraction, a language with no pipeline) go to ``on_note``."""
    out, seen = Plan(), set()
    for item in items:
        if isinstance(item, Skipped):
            out.ignored.append((item.path, item.reason))
            continue
        if isinstance(item, LoadError):
            out.failed.append((item.path, item.reason))
            if on_error:
                on_error(item.path, item.reason)
            continue
        item.path = absolute(item.path)
        if item.hash in seen:
            out.duplicates.append(item)
            out.known.append(item)           # not parsed again: only its path is recorded
        elif index.has_document(item.hash):
            out.known.append(item)
        else:
            seen.add(item.hash)
            out.todo.append(item)
            for w in item.warnings:
                if on_note:
                    on_note(f"{item.path}: {w}")
    return out


def pages_dir(index_path: str | Path) -> Path:
    """Where copies of fetched web pages are kept: ``quotes.json`` -> ``quotes.pages/`` beside it."""
    p = Path(index_path).absolute()
    return p.with_name(p.stem + ".pages")


def ingest(index: Index, paths: Iterable[str], *, encoding: str | None = AUTO, max_bytes: int = DEFAULT_MAX_BYTES,
           overrides: Mapping[str, str] | None = None, model: str | None = None,
           batch_size: int = DEFAULT_BATCH_SIZE, workers: int = 1, dask: str | None = None,
           dask_fallback: bool = False, on_plan: Callable[[Plan], None] | None = None,
           progress: Progress | None = None, on_error: OnError | None = None,
           on_note: Callable[[str], None] | None = None) -> IngestReport:
    """Load ``paths`` (files, folders, URLs, ``-``), parse what is new and store it; the report says what happened.

    ``overrides`` (title, url, date, outlet, author) describe the one document ``paths`` holds: a
    :class:`ValueError` if they hold several. ``on_plan`` sees the plan before parsing starts (for a
    progress bar's total)."""
    work = plan(index, load_documents(paths, encoding=encoding, max_bytes=max_bytes, keep=pages_dir(index.path)),
                on_error=on_error, on_note=on_note)
    if overrides and work.total != 1:
        raise ValueError(f"{work.total} articles given; --title/--url/--date/--outlet/--author describe one")
    if on_plan:
        on_plan(work)
    report = store(index, work, model=model, batch_size=batch_size, workers=workers, dask=dask,
                   dask_fallback=dask_fallback, progress=progress, on_error=on_error, on_note=on_note)
    if overrides:
        doc = (work.todo + work.known)[0]
        if index.has_document(doc.hash) and index.set_metadata(doc.hash[:16], dict(overrides), report=True):
            report.updated += 1
    return report


def store(index: Index, work: Plan, *, model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
          workers: int = 1, dask: str | None = None, progress: Progress | None = None,
          on_error: OnError | None = None, on_note: Callable[[str], None] | None = None,
          dask_fallback: bool = False) -> IngestReport:
    """Parse ``work.todo`` and store the results as they come, then record the paths of ``work.known``.

    Failed documents are added to ``work.failed`` (and to the report's ``skipped``).
    """
    def failed(path: str, reason: str) -> None:
        work.failed.append((path, reason))
        if on_error:
            on_error(path, reason)

    report = IngestReport()
    parsed = (results(work.todo, model, batch_size, workers, dask, failed, dask_fallback, on_note)
              if work.todo else iter(()))
    parsed = succeeded(parsed, failed)
    try:
        report.add(index.ingest(chain(parsed, work.known), progress=progress))
    except (ModelNotFound, IndexFileError, KeyboardInterrupt, parallel.ClusterUnreachable):
        raise
    except Exception as e:  # noqa: BLE001  (one bad document must not cost the others)
        if on_note:
            on_note(f"parsing stopped ({type(e).__name__}: {e}); going on one document at a time")
        rest = [d for d in work.todo if not index.has_document(d.hash)]
        report.add(index.ingest(chain(one_by_one(rest, model, failed), work.known), progress=progress))
    report.skipped.extend(work.failed)
    dups = min(len(work.duplicates), report.unchanged)
    report.unchanged -= dups
    report.duplicates += dups
    report.ignored.extend(work.ignored)
    return report


def succeeded(results: Iterable[DocResult], failed: OnError) -> Iterator[DocResult]:
    """The results the pipeline got through; each one it failed on is reported and left out."""
    for r in results:
        if r.error:
            failed(r.document.path, r.error)
        else:
            yield r


def results(documents: list[Document], model: str | None, batch_size: int, workers: int, dask: str | None,
            failed: OnError, dask_fallback: bool = False,
            on_note: Callable[[str], None] | None = None) -> Iterator[DocResult]:
    """Results from the pipeline in this process, a process pool, or a Dask cluster."""
    if dask:
        try:
            yield from parallel.extract_on_dask(documents, dask, model=model, batch_size=batch_size,
                                                **({"local_workers": workers or None} if dask == parallel.LOCAL else {}))
            return
        except parallel.ClusterUnreachable as e:   # raised before any result: nothing was sent
            if not dask_fallback:
                raise
            if on_note:
                on_note(f"{e}; parsing here instead (--dask-fallback)")
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
            yield from succeeded(run(english, [doc]), failed)
        except Exception as e:  # noqa: BLE001
            failed(doc.path, f"extraction failed ({type(e).__name__}: {e})")
