"""``quotes document show REF`` and ``quotes document set REF --date …``: a document's metadata, read and corrected.

REF is a document id (or its first 6+ characters), a path, or the end of a path.
Metadata set here holds when the file is ingested again, even with a changed
text. Exit codes: 0 done, 1 no index or no such document (or REF fits several),
2 usage (a bad date, nothing to set), 4 the index file cannot be used.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import app
from .common import DEFAULT_DB, EXIT_ERROR, DbOpt, FormatOpt, checked_date, open_index, output_format
from .curate import run
from .output import Format, emit, error

document_app = typer.Typer(help="Show a document's metadata or correct it.", no_args_is_help=True)
app.add_typer(document_app, name="document")

COLUMNS = ["id", "path", "title", "date", "outlet", "author", "url", "encoding", "language", "quotes"]
RefArg = Annotated[str, typer.Argument(help="Document id (6+ characters), path, or end of a path.", show_default=False)]
Field = lambda flag, what: typer.Option(flag, help=f"The {what} ('' clears it).")  # noqa: E731


def _show(row: dict, fmt: Format | None) -> None:
    fmt = output_format(fmt)
    emit([row], fmt, COLUMNS if fmt in (Format.table, Format.csv) else None)


@document_app.command("show")
def show(ref: RefArg, db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = None) -> None:
    """A document's metadata: title, date, outlet, author, URL, encoding, language, paths.

    Example:

      quotes document show morocco-france-justice.txt
    """
    row = open_index(db).get_document(ref)
    if row is None:
        error(f"no single document answers to {ref!r} in {db}; give its id (quotes list --format json shows doc_id)")
        raise typer.Exit(EXIT_ERROR)
    _show(row, fmt)


@document_app.command("set")
def set_metadata(
    ref: RefArg,
    db: DbOpt = Path(DEFAULT_DB),
    title: Annotated[Optional[str], Field("--title", "title")] = None,
    date: Annotated[Optional[str], Field("--date", "publication date (YYYY-MM-DD, or '17 April 2025')")] = None,
    url: Annotated[Optional[str], Field("--url", "URL")] = None,
    outlet: Annotated[Optional[str], Field("--outlet", "outlet (publication)")] = None,
    author: Annotated[Optional[str], Field("--author", "author")] = None,
    fmt: FormatOpt = None,
) -> None:
    """Set or correct a document's metadata; it holds over later ingests of the file.

    Examples:

      quotes document set story.txt --date 2025-04-17 --outlet "Le Monde"

      quotes document set 600edb9977 --title ""
    """
    fields = {k: v for k, v in (("title", title), ("date", date), ("url", url), ("outlet", outlet),
                                ("author", author)) if v is not None}
    if not fields:
        raise typer.BadParameter("nothing to set: give --title, --date, --url, --outlet or --author")
    if fields.get("date"):
        fields["date"] = checked_date(fields["date"], "--date")
    _show(run(db, lambda index: index.set_metadata(ref, fields)), fmt)
