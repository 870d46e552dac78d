"""``quotes ingest``: parse articles and store their quotations in the speaker index.

Exit codes: 0 every input ingested (unchanged ones count), 1 some inputs failed
(each named on stderr; the others were ingested), 2 usage error, 3 no spaCy
pipeline installed, 4 the index file cannot be used (not JSON, not a quotes
index, a newer schema, locked too long), 130 interrupted (finished documents
are kept).
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import app
from .common import DEFAULT_DB, EXIT_INDEX, DbOpt
from .output import error, note

if TYPE_CHECKING:
    from ..index.core import Index, IngestReport
    from ..records import Document, DocResult

EXIT_INPUT = 1
EXIT_MODEL = 3
EXIT_INTERRUPTED = 130
OVERRIDES = ("title", "url", "date", "outlet")

PathsArg = Annotated[list[str], typer.Argument(help="Files (.txt .md .html .jsonl), directories of them, or - for stdin.", show_default=False)]
MetaOpt = lambda flag, what: typer.Option(flag, help=f"The article's {what} (one input file only).")  # noqa: E731


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = Path(DEFAULT_DB),
    title: Annotated[Optional[str], MetaOpt("--title", "title")] = None,
    url: Annotated[Optional[str], MetaOpt("--url", "URL")] = None,
    date: Annotated[Optional[str], MetaOpt("--date", "publication date (YYYY-MM-DD)")] = None,
    outlet: Annotated[Optional[str], MetaOpt("--outlet", "outlet (publication)")] = None,
    model: Annotated[Optional[str], typer.Option("--model", envvar="QUOTES_MODEL", help="spaCy pipeline to load by name.")] = None,
    encoding: Annotated[str, typer.Option("--encoding", help="How to decode text files.")] = "utf-8",
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Refuse input files larger than this.")] = 5 * 1024 * 1024,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch.")] = 16,
    workers: Annotated[int, typer.Option("--workers", "-w", min=0, help="Processes to parse with (0: one per core).")] = 1,
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
    from ..load import LoadError, load_documents

    overrides = {k: v for k, v in zip(OVERRIDES, (title, url, date, outlet)) if v is not None}
    if overrides and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise typer.BadParameter("--title/--url/--date/--outlet describe one article: give one file",
                                 param_hint="--" + next(iter(overrides)))
    index = open_for_writing(db)
    failed: list[tuple[str, str]] = []
    todo, known, seen = [], [], set()
    for item in load_documents(paths, encoding=encoding, max_bytes=max_bytes):
        if isinstance(item, LoadError):
            error(str(item))
            failed.append((item.path, item.reason))
            continue
        for k, v in overrides.items():
            setattr(item, k, v)
        digest = item.hash
        if digest in seen or index.has_document(digest):
            known.append(item)           # not parsed again: only its path is recorded
        else:
            seen.add(digest)
            todo.append(item)
    if overrides and len(todo) + len(known) > 1:
        raise typer.BadParameter(f"{paths[0]} holds {len(todo) + len(known)} articles; "
                                 "--title/--url/--date/--outlet describe one", param_hint="--" + next(iter(overrides)))
    report = store(index, todo, known, failed, model=model, batch_size=batch_size, workers=workers, dask=dask)
    report.skipped.extend(failed)
    note(f"{db}: {report}" + (": " + "; ".join(f"{p}: {r}" for p, r in report.skipped[:5])
                                + ("; ..." if len(report.skipped) > 5 else "") if report.skipped else ""))
    if report.skipped:
        raise typer.Exit(EXIT_INPUT)


def open_for_writing(db: Path) -> "Index":
    """The index at ``db`` (created on first write), or exit 4 with the reason it cannot be used."""
    from ..index.core import Index, IndexFileError

    try:
        return Index(str(db))
    except IndexFileError as e:
        error(str(e))
        raise typer.Exit(EXIT_INDEX)
    except OSError as e:
        error(f"cannot read {db}: {e.strerror or e}")
        raise typer.Exit(EXIT_INDEX)


def store(index: "Index", documents: list["Document"], known: list["Document"], failed: list[tuple[str, str]], *,
          model: str | None, batch_size: int, workers: int, dask: str | None) -> "IngestReport":
    """Parse ``documents`` and store the results as they come, then record the paths of ``known`` texts.

    A document the pipeline chokes on is retried alone and, if it fails again,
    reported in ``failed`` while the rest go on.
    """
    from itertools import chain

    from ..index.core import IndexFileError, IngestReport
    from ..nlp.model import ModelNotFound

    report = IngestReport()
    parsed = results(documents, model, batch_size, workers, dask, failed) if documents else iter(())
    with progress_bar(len(documents) + len(known)) as advance:
        try:
            report.add(index.ingest(chain(parsed, known), progress=advance))
        except ModelNotFound as e:
            error(str(e))
            raise typer.Exit(EXIT_MODEL)
        except IndexFileError as e:
            error(str(e))
            raise typer.Exit(EXIT_INDEX)
        except KeyboardInterrupt:
            error("interrupted; the documents finished so far are in the index, a rerun skips them")
            raise typer.Exit(EXIT_INTERRUPTED)
        except Exception as e:  # noqa: BLE001  (one bad document must not cost the others)
            note(f"parsing stopped ({type(e).__name__}: {e}); going on one document at a time")
            rest = [d for d in documents if not index.has_document(d.hash)]
            report.add(index.ingest(chain(one_by_one(rest, model, failed), known), progress=advance))
    return report


def results(documents: list["Document"], model: str | None, batch_size: int, workers: int, dask: str | None,
            failed: list[tuple[str, str]]) -> Iterator["DocResult"]:
    """Results from the pipeline in this process, a process pool, or a Dask cluster."""
    if dask:
        from ..parallel import DaskExtractionError, extract_on_dask

        try:
            yield from extract_on_dask(documents, dask, model=model, batch_size=batch_size)
        except DaskExtractionError as e:
            reason = f"failed on the Dask cluster ({e})"
            for path in getattr(e, "paths", []):
                error(f"{path}: {reason}")
                failed.append((path, reason))
        return
    from ..pipeline import extract_documents

    yield from extract_documents(documents, model=model, batch_size=batch_size, workers=workers)


def one_by_one(documents: Iterable["Document"], model: str | None, failed: list[tuple[str, str]]) -> Iterator["DocResult"]:
    from ..nlp.model import load_pipeline
    from ..pipeline import analyse

    nlp = load_pipeline(model)
    for doc in documents:
        try:
            yield analyse(nlp(doc.text), doc)
        except Exception as e:  # noqa: BLE001
            reason = f"extraction failed ({type(e).__name__}: {e})"
            error(f"{doc.path}: {reason}")
            failed.append((doc.path, reason))


class progress_bar:
    """A rich progress bar on stderr when it is a terminal and there is more than one document; else nothing."""

    def __init__(self, total: int) -> None:
        self.total, self.bar = total, None

    def __enter__(self) -> Callable[[object], None]:
        if self.total > 1 and sys.stderr.isatty():
            from rich.console import Console
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
