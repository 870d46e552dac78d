"""What the commands share: exit codes, the ``--db`` and ``--format`` options, opening the index."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..dates import DateError, parse_date
from ..index.core import Index, IndexFileError
from .output import Format, default_format, error

# -- exit codes: the one table (the README's "Exit codes" section says the same) --------------------
EXIT_OK = 0
EXIT_ERROR = 1        # no index, no such quotation or speaker, output file exists, some input unreadable
EXIT_USAGE = 2        # typer's own code for a usage error
EXIT_MODEL = 3        # no spaCy pipeline installed
EXIT_INDEX = 4        # the index file cannot be used (not JSON, not ours, newer schema, lock held)
#: ``check`` and ``verify``: each verdict and its exit code, the one table (``verify`` exits with the
#: highest code among its quotations).
EXIT_VERDICT = {"verbatim": EXIT_OK, "altered": 10, "misattributed": 11, "not-found": 12, "reported": 13,
                "unsure": 14}
EXIT_INTERRUPTED = 130

DEFAULT_DB = "quotes.json"

DbOpt = Annotated[Path, typer.Option("--db", envvar="QUOTES_DB", help="The index file (TinyDB: JSON, or SQLite for a new name ending .sqlite).")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", envvar="QUOTES_MODEL", help="spaCy pipeline to load by name.")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch.")]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", min=0, help="Processes to parse with (0: one per core).")]
PathsArg = Annotated[list[str], typer.Argument(metavar="PATHS...", help="Files (.txt .md .html .jsonl), directories of them, or - for stdin.", show_default=False)]

#: The formats of a listing of rows, and of a report on one thing (no Markdown: that is ``export``'s).
ROWS = (Format.table, Format.json, Format.jsonl, Format.csv, Format.tsv)
FormatOpt = Annotated[Optional[Format], typer.Option(
    "--format", "-f", metavar="FORMAT",
    help="table | json | jsonl | csv | tsv; md for list and export, sqlite for export (default: table on a "
         "terminal, jsonl when piped; md for export).")]

def output_format(fmt: Format | None, allowed: tuple[Format, ...] = ROWS) -> Format:
    """``fmt`` (or the default for where stdout goes), refused with a usage error unless ``allowed``."""
    fmt = default_format(fmt)
    if fmt not in allowed:
        names = ", ".join(f.value for f in allowed)
        hint = f"{fmt.value} is for `quotes export`; " if fmt in (Format.md, Format.sqlite) else ""
        raise typer.BadParameter(f"{hint}use {names}", param_hint="--format")
    return fmt


def checked_date(value: str | None, option: str) -> str | None:
    """A date option read strictly (YYYY, YYYY-MM, YYYY-MM-DD, '17 April 2025'); anything else is a usage error."""
    if value is None:
        return None
    try:
        return parse_date(value)
    except DateError as e:
        raise typer.BadParameter(str(e), param_hint=option)


def open_index(db: Path) -> "Index":
    """The index at ``db`` for reading; exits 1 if there is none, 4 if it cannot be used."""
    if not db.is_file():
        error(f"no index at {db}; build one with: quotes ingest ARTICLES --db {db}")
        raise typer.Exit(EXIT_ERROR)
    try:
        return Index(str(db), readonly=True)
    except IndexFileError as e:
        error(str(e))
        raise typer.Exit(EXIT_INDEX)
