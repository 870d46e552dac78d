"""``quotes ingest``: parse articles and store their quotations in the speaker index.

Exit codes: 0 every input ingested (unchanged ones count), 1 some inputs failed
(each named on stderr; the others were ingested), 2 usage error, 3 no spaCy
pipeline installed, 4 the index file cannot be used (not JSON, not a quotes
index, a newer schema, locked too long), 130 interrupted (finished documents
are kept).
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..index.core import STORAGES, Index, IndexFileError
from ..ingest import ingest as run_ingest
from ..parallel import ClusterUnreachable, resolve_workers
from ..nlp.model import ModelNotFound
from ..stages import DEFAULT_BATCH_SIZE
from .app import app
from .common import (DEFAULT_DB, EXIT_ERROR, EXIT_INDEX, EXIT_INTERRUPTED, EXIT_MODEL, BatchOpt, DbOpt, ModelOpt,
                     checked_date)
from .output import error, note

OVERRIDES = ("title", "url", "date", "outlet", "author")

MetaOpt = lambda flag, what: typer.Option(flag, help=f"The article's {what} (one input file only).")  # noqa: E731
EncodingOpt = Annotated[str, typer.Option(
    "--encoding", help="How to decode files: auto (the page's declared charset, UTF-8, then a detector) or a name.")]
StorageOpt = Annotated[str, typer.Option(
    "--storage", metavar="auto|json|sqlite",
    help="How the index is kept. auto: an existing index as it is; a new one SQLite when --db ends in .sqlite, "
         ".sqlite3 or .db, else JSON, converted to SQLite past 50,000 quotations. json: one JSON file, never "
         "converted. sqlite: SQLite, whatever the name (an existing JSON index is converted first, kept as "
         "PATH.json.bak).")]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATHS...", show_default=False,
        help="Files (.txt .md .html .jsonl), directories of them, http(s):// URLs, or - for stdin.")],
    db: DbOpt = Path(DEFAULT_DB),
    storage: StorageOpt = "auto",
    title: Annotated[Optional[str], MetaOpt("--title", "title")] = None,
    url: Annotated[Optional[str], MetaOpt("--url", "URL")] = None,
    date: Annotated[Optional[str], MetaOpt("--date", "publication date (YYYY-MM-DD, or '17 April 2025')")] = None,
    outlet: Annotated[Optional[str], MetaOpt("--outlet", "outlet (publication)")] = None,
    author: Annotated[Optional[str], MetaOpt("--author", "author")] = None,
    model: ModelOpt = None,
    encoding: EncodingOpt = "auto",
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Refuse input files larger than this.")] = 5 * 1024 * 1024,
    batch_size: BatchOpt = DEFAULT_BATCH_SIZE,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", "-w", min=0, help="Processes to parse with (0: one per core); with --dask local, the "
                                       "cluster's size (default: one per core).")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Parse on a Dask cluster: scheduler address, or 'local'.")] = None,
    dask_fallback: Annotated[bool, typer.Option(
        "--dask-fallback", help="If the --dask scheduler cannot be reached, parse here instead of failing.")] = False,
) -> None:
    """Find the quotations in PATHS and store them, with their speakers, in the index.

    A document already in the index (same text) is not parsed again; a file
    whose text changed replaces its old quotations and keeps its metadata.
    Results are written as they arrive, so an interrupted run keeps what it
    finished and a rerun skips it. Web pages given as URLs are fetched, and a
    copy is kept in a folder beside the index (quotes.json -> quotes.pages/).

    Examples:

      quotes ingest articles/ --db quotes.json

      quotes ingest story.html --outlet "Le Monde" --date 2025-04-14

      quotes ingest https://example.org/news/story.html

      quotes ingest corpus.jsonl --workers 2

      quotes ingest archive/ --db archive.idx --storage sqlite
    """
    overrides = {k: v for k, v in zip(OVERRIDES, (title, url, date, outlet, author)) if v is not None}
    if "date" in overrides:
        overrides["date"] = checked_date(overrides["date"], "--date")
    if overrides and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise typer.BadParameter("--title/--url/--date/--outlet/--author describe one article: give one file",
                                 param_hint="--" + next(iter(overrides)))
    if workers is not None and workers > resolve_workers(0):
        note(f"--workers {workers} on {resolve_workers(0)} cores: the processes will share them and go no faster")
    if storage not in STORAGES:
        raise typer.BadParameter(f"use {', '.join(STORAGES)}", param_hint="--storage")
    index = open_for_writing(db, storage)
    bar = progress_bar("ingesting")
    batch_size = bar.batch_size(batch_size)
    try:
        with bar:
            report = run_ingest(index, paths, encoding=encoding, max_bytes=max_bytes, overrides=overrides,
                                model=model, batch_size=batch_size,
                                workers=1 if workers is None and not dask else (workers or 0), dask=dask,
                                dask_fallback=dask_fallback, on_plan=lambda work: bar.start(work.total),
                                progress=bar.advance, on_error=bar.say(named_error), on_note=bar.say(note))
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--" + next(iter(overrides or {"title": 1})))
    except ModelNotFound as e:
        error(str(e))
        raise typer.Exit(EXIT_MODEL)
    except IndexFileError as e:
        error(str(e))
        raise typer.Exit(EXIT_INDEX)
    except ClusterUnreachable as e:
        error(f"{e}; start it, or add --dask-fallback to parse here")
        raise typer.Exit(EXIT_ERROR)
    except KeyboardInterrupt:
        error("interrupted; the documents finished so far are in the index, a rerun skips them")
        raise typer.Exit(EXIT_INTERRUPTED)
    note(f"{db}: {report}" + (": " + "; ".join(f"{p}: {r}" for p, r in report.skipped[:5])
                                + ("; ..." if len(report.skipped) > 5 else "") if report.skipped else ""))
    for p, r in report.ignored[:20]:
        note(f"not read: {p}: {r}")
    if len(report.ignored) > 20:
        note(f"not read: {len(report.ignored) - 20} more files")
    if report.skipped:
        raise typer.Exit(EXIT_ERROR)


def named_error(path: str, reason: str) -> None:
    error(f"{path}: {reason}")


def open_for_writing(db: Path, storage: str = "auto") -> "Index":
    """The index at ``db`` (created on first write) kept as ``storage`` says (``sqlite`` converts an
    existing JSON index now), or exit 4 with the reason it cannot be used."""
    try:
        index = Index(str(db), storage=storage)
        if storage == "sqlite" and index.storage.kind == "json" and db.is_file() and db.stat().st_size:
            backup = index.convert()
            note(f"{db}: converted to SQLite (the JSON index is kept as {backup})")
        return index
    except IndexFileError as e:
        error(str(e))
        raise typer.Exit(EXIT_INDEX)
    except OSError as e:
        error(f"cannot read {db}: {e.strerror or e}")
        raise typer.Exit(EXIT_INDEX)


class progress_bar:
    """A rich progress bar on stderr, per document, when stderr is a terminal; else nothing.

    ``start(total)`` shows it (at once, before the model loads); ``say(fn)`` wraps a message
    function so the bar is cleared before the message and redrawn after it; leaving the block
    removes the bar before any final message."""

    def __init__(self, label: str) -> None:
        self.label, self.bar, self.task = label, None, None

    def __enter__(self) -> "progress_bar":
        return self

    @staticmethod
    def batch_size(asked: int) -> int:
        """On a terminal, the default batch becomes one document, so the bar moves per document (not in
        steps of a whole ``nlp.pipe`` batch); a --batch-size given explicitly is kept."""
        return 1 if asked == DEFAULT_BATCH_SIZE and sys.stderr.isatty() else asked

    def start(self, total: int) -> None:
        if self.bar is not None or total < 1 or not sys.stderr.isatty():
            return
        from rich.console import Console  # rich's progress is only imported for a terminal
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(stderr=True), transient=True)
        self.bar.start()
        self.task = self.bar.add_task(self.label, total=total)

    def advance(self, _result: object = None) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def say(self, fn: Callable) -> Callable:
        def wrapped(*args: object) -> None:
            if self.bar is None:
                return fn(*args)
            self.bar.stop()           # the message on a line of its own, never glued to the bar
            fn(*args)
            self.bar.start()
        return wrapped

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
