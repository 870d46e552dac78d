"""What every index-reading command shares: the ``--db`` option, opening the index, exit codes."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .output import error

if TYPE_CHECKING:
    from ..index.core import Index

EXIT_ERROR = 1      # no index, no such quotation or speaker, output file exists, unreadable input
EXIT_MODEL = 3      # no spaCy pipeline installed
EXIT_INDEX = 4      # the index file cannot be used (not JSON, not ours, newer schema, lock held)
DEFAULT_DB = "quotes.json"

DbOpt = Annotated[Path, typer.Option("--db", envvar="QUOTES_DB", help="The index file (TinyDB JSON).")]


def open_index(db: Path) -> "Index":
    """The index at ``db`` for reading; exits 1 if there is none, 4 if it cannot be used."""
    from ..index.core import Index, IndexFileError

    if not db.is_file():
        error(f"no index at {db}; build one with: quotes ingest ARTICLES --db {db}")
        raise typer.Exit(EXIT_ERROR)
    try:
        return Index(str(db), readonly=True)
    except IndexFileError as e:
        error(str(e))
        raise typer.Exit(EXIT_INDEX)
