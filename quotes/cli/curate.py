"""Curation: ``quotes speakers merge A B``, ``quotes speakers rename A NAME``, ``quotes quote reassign ID SPEAKER``.

Each correction is stored in the index and holds when articles are ingested
again. A, B and SPEAKER are a name, an alias or an id (``7`` or ``#7``, from
``quotes speakers``). Exit codes: 0 done, 1 no such speaker or quotation (or
a name that fits several: the message lists them with ids), 2 usage, 4 the
index file cannot be used.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..index.core import (
    AmbiguousSpeaker,
    Index,
    IndexFileError,
    QuoteNotFound,
    SpeakerNotFound,
)
from .app import app
from .common import DEFAULT_DB, EXIT_INDEX, DbOpt, FormatOpt, output_format
from .common import EXIT_ERROR as EXIT_NOT_FOUND
from .output import Format, emit, error, note
from .read import QUOTE_TABLE, SPEAKER_COLUMNS, speakers_app

SpeakerArg = lambda what: typer.Argument(help=what, show_default=False)  # noqa: E731

quote_app = typer.Typer(help="Correct one quotation.", no_args_is_help=True)
app.add_typer(quote_app, name="quote")


def run(db: Path, action: Callable[[Any], dict]) -> dict:
    """``action(index)`` on the index at ``db``, turning lookup failures into one-line errors."""
    if not db.is_file():
        error(f"no index at {db}; build one with: quotes ingest ARTICLES --db {db}")
        raise typer.Exit(EXIT_NOT_FOUND)
    try:
        return action(Index(str(db)))
    except (SpeakerNotFound, AmbiguousSpeaker, QuoteNotFound) as e:
        error(str(e.args[0]))
        raise typer.Exit(EXIT_NOT_FOUND)
    except IndexFileError as e:
        error(str(e))
        raise typer.Exit(EXIT_INDEX)
    except ValueError as e:
        raise typer.BadParameter(str(e))


def show(rows: list[dict], fmt: Format | None, columns: list[str]) -> None:
    fmt = output_format(fmt)
    emit(rows, fmt, columns if fmt in (Format.table, Format.csv) else None)


@speakers_app.command("merge")
def merge(
    a: Annotated[str, SpeakerArg("The speaker to keep.")],
    b: Annotated[str, SpeakerArg("The speaker to fold into A (its names become aliases of A).")],
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
) -> None:
    """Merge speaker B into speaker A: B's quotations, names and roles go to A.

    Example:

      quotes speakers merge "Gérald Darmanin" "G. Darmanin"
    """
    row = run(db, lambda index: index.merge_speakers(a, b))
    note(f"merged {b!r} into #{row['id']} {row['name']} ({row['quotes']} quotations)")
    show([row], fmt, SPEAKER_COLUMNS)


@speakers_app.command("rename")
def rename(
    a: Annotated[str, SpeakerArg("The speaker (name, alias or id).")],
    new: Annotated[str, SpeakerArg("Its canonical name from now on (the old one stays an alias).")],
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
) -> None:
    """Give a speaker a new canonical name.

    Example:

      quotes speakers rename 7 "Gérald Darmanin"
    """
    row = run(db, lambda index: index.rename_speaker(a, new))
    note(f"#{row['id']} is now {row['name']}")
    show([row], fmt, SPEAKER_COLUMNS)


@quote_app.command("reassign")
def reassign(
    quote_id: Annotated[str, typer.Argument(metavar="ID", help="The quotation's id (from quotes list).", show_default=False)],
    speaker: Annotated[Optional[str], SpeakerArg("Who said it: name, alias or id.")] = None,
    nobody: Annotated[bool, typer.Option("--nobody", help="Nobody identified said it (remove the attribution).")] = False,
    create: Annotated[bool, typer.Option("--create", help="Add SPEAKER as a new speaker if no one answers to the name.")] = False,
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
) -> None:
    """Attribute quotation ID to SPEAKER (kept when the article is ingested again).

    Examples:

      quotes quote reassign 600edb9977-2638 "Abdellatif Ouahbi"

      quotes quote reassign 600edb9977-2638 "Nadia Benali" --create
    """
    if (speaker is None) == (not nobody):
        raise typer.BadParameter("give SPEAKER or --nobody (not both)")
    row = run(db, lambda index: index.reassign_quote(quote_id, None if nobody else speaker, create=create))
    note(f"{row['id']} is now attributed to {row['speaker'] or 'nobody identified'}")
    show([row], fmt, QUOTE_TABLE)
