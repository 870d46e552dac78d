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

from ..index.core import Index, IndexFileError
from ..ingest import plan, store
from ..load import load_documents
from ..nlp.model import ModelNotFound
from ..stages import DEFAULT_BATCH_SIZE
from .app import app
from .common import (DEFAULT_DB, EXIT_ERROR, EXIT_INDEX, EXIT_INTERRUPTED, EXIT_MODEL, BatchOpt, DbOpt, ModelOpt, PathsArg,
                     WorkersOpt)
from .output import error, note

OVERRIDES = ("title", "url", "date", "outlet")

MetaOpt = lambda flag, what: typer.Option(flag, help=f"The article's {what} (one input file only).")  # noqa: E731


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = Path(DEFAULT_DB),
    title: Annotated[Optional[str], MetaOpt("--title", "title")] = None,
    url: Annotated[Optional[str], MetaOpt("--url", "URL")] = None,
    date: Annotated[Optional[str], MetaOpt("--date", "publication date (YYYY-MM-DD)")] = None,
    outlet: Annotated[Optional[str], MetaOpt("--outlet", "outlet (publication)")] = None,
    model: ModelOpt = None,
    encoding: Annotated[str, typer.Option("--encoding", help="How to decode text files.")] = "utf-8",
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Refuse input files larger than this.")] = 5 * 1024 * 1024,
    batch_size: BatchOpt = DEFAULT_BATCH_SIZE,
    workers: WorkersOpt = 1,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Parse on a Dask cluster: scheduler address, or 'local'.")] = None,
) -> None:
    """Find the quotations in PATHS and store them, with their speakers, in the index.

    A document already in the index (same text) is not parsed again; a file
    whose text changed replaces its old quotations. Results are written as
    they arrive, so an interrupted run keeps what it finished and a rerun
    skips it.

    Examples:

      quotes ingest articles/ --db quotes.json

      quotes ingest story.html --outlet "Le Monde" --date 2025-04-14

      quotes ingest corpus.jsonl --workers 2
    """
    overrides = {k: v for k, v in zip(OVERRIDES, (title, url, date, outlet)) if v is not None}
    if overrides and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise typer.BadParameter("--title/--url/--date/--outlet describe one article: give one file",
                                 param_hint="--" + next(iter(overrides)))
    index = open_for_writing(db)
    work = plan(index, load_documents(paths, encoding=encoding, max_bytes=max_bytes), on_error=named_error)
    for item in work.todo + work.known:
        for k, v in overrides.items():
            setattr(item, k, v)
    if overrides and len(work.todo) + len(work.known) > 1:
        raise typer.BadParameter(f"{paths[0]} holds {len(work.todo) + len(work.known)} articles; "
                                 "--title/--url/--date/--outlet describe one", param_hint="--" + next(iter(overrides)))
    with progress_bar(len(work.todo) + len(work.known)) as advance:
        try:
            report = store(index, work, model=model, batch_size=batch_size, workers=workers, dask=dask,
                           progress=advance, on_error=named_error, on_note=note)
        except ModelNotFound as e:
            error(str(e))
            raise typer.Exit(EXIT_MODEL)
        except IndexFileError as e:
            error(str(e))
            raise typer.Exit(EXIT_INDEX)
        except KeyboardInterrupt:
            error("interrupted; the documents finished so far are in the index, a rerun skips them")
            raise typer.Exit(EXIT_INTERRUPTED)
    note(f"{db}: {report}" + (": " + "; ".join(f"{p}: {r}" for p, r in report.skipped[:5])
                                + ("; ..." if len(report.skipped) > 5 else "") if report.skipped else ""))
    if report.skipped:
        raise typer.Exit(EXIT_ERROR)


def named_error(path: str, reason: str) -> None:
    error(f"{path}: {reason}")


def open_for_writing(db: Path) -> "Index":
    """The index at ``db`` (created on first write), or exit 4 with the reason it cannot be used."""
    try:
        return Index(str(db))
    except IndexFileError as e:
        error(str(e))
        raise typer.Exit(EXIT_INDEX)
    except OSError as e:
        error(f"cannot read {db}: {e.strerror or e}")
        raise typer.Exit(EXIT_INDEX)


class progress_bar:
    """A rich progress bar on stderr when it is a terminal and there is more than one document; else nothing."""

    def __init__(self, total: int) -> None:
        self.total, self.bar = total, None

    def __enter__(self) -> Callable[[object], None]:
        if self.total > 1 and sys.stderr.isatty():
            from rich.console import Console  # the bar's imports only when a bar is shown
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=self.total)
        return self.advance

    def advance(self, _result: object) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
