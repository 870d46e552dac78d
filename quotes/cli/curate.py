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
    DocumentNotFound,
    Index,
    IndexFileError,
    NameTaken,
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
    except (SpeakerNotFound, AmbiguousSpeaker, QuoteNotFound, DocumentNotFound, NameTaken) as e:
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
    speaker: Annotated[str, SpeakerArg("The speaker to keep (name, alias or id).")],
    other: Annotated[str, SpeakerArg("The speaker to fold into SPEAKER (its names become aliases).")],
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
) -> None:
    """Merge speaker OTHER into SPEAKER: OTHER's quotations, names and roles go to SPEAKER.

    Example:

      quotes speakers merge "Gérald Darmanin" "G. Darmanin"
    """
    row = run(db, lambda index: index.merge_speakers(speaker, other))
    note(f"merged {other!r} into #{row['id']} {row['name']} ({row['quotes']} quotations)")
    show([row], fmt, SPEAKER_COLUMNS)


@speakers_app.command("rename")
def rename(
    speaker: Annotated[str, SpeakerArg("The speaker (name, alias or id).")],
    new_name: Annotated[str, SpeakerArg("Its canonical name from now on (the old one stays an alias).")],
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
) -> None:
    """Give a speaker a new canonical name.

    Example:

      quotes speakers rename 7 "Gérald Darmanin"
    """
    row = run(db, lambda index: index.rename_speaker(speaker, new_name))
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


@speakers_app.command("split")
def split(
    speaker: Annotated[str, SpeakerArg("The speaker that is really two (name, alias or id).")],
    new_name: Annotated[str, SpeakerArg("The name of the speaker to split off.")],
    quotes: Annotated[Optional[list[str]], typer.Option("--quote", "-q", metavar="ID", help="A quotation of the new speaker (repeat for more).")] = None,
    aliases: Annotated[Optional[list[str]], typer.Option("--alias", "-a", metavar="NAME", help="A name the new speaker was quoted under: its quotations and the alias move (repeat for more).")] = None,
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
) -> None:
    """Split off NEW_NAME from SPEAKER: the quotations given by --quote, and those quoted under an --alias.

    Kept when the articles are ingested again; `quotes undo` takes it back.

    Example:

      quotes speakers split "John Smith" "Jane Smith" --alias "Jane Smith" --quote 600edb9977-2638
    """
    if not quotes and not aliases:
        raise typer.BadParameter("give --quote ID or --alias NAME (or both)")
    row = run(db, lambda index: index.split_speaker(speaker, new_name, quotes or (), aliases or ()))
    note(f"#{row['id']} {row['name']} split off ({row['quotes']} quotations)")
    show([row], fmt, SPEAKER_COLUMNS)


@quote_app.command("not-a-quote")
def not_a_quote(
    quote_id: Annotated[str, typer.Argument(metavar="ID", help="The quotation's id (from quotes list).", show_default=False)],
    kind: Annotated[str, typer.Option("--as", metavar="KIND", help="What the marks hold: scare (a so-called term), title, heading or nickname.")] = "scare",
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
) -> None:
    """Mark quotation ID as no quotation (a term, a title): it leaves listings, exports and counts.

    Kept when the article is ingested again; `quotes undo` takes it back.

    Example:

      quotes quote not-a-quote 600edb9977-2638 --as title
    """
    row = run(db, lambda index: index.mark_not_quote(quote_id, kind))
    note(f"{row['id']} is now a {row['kind']}, not a quotation")
    show([row], fmt, QUOTE_TABLE)


@app.command()
def undo(
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Take back the last correction (merge, rename, reassign, split or not-a-quote).

    Run it again to take back the one before.

    Example:

      quotes undo
    """
    done = run(db, lambda index: index.undo() or {})
    if not done:
        error("nothing to undo: the index holds no corrections")
        raise typer.Exit(EXIT_NOT_FOUND)
    what = {k: v for k, v in done.items() if k not in ("id", "at", "op", "moves")}
    note(f"undone: {done['op']} " + ", ".join(f"{k}={v!r}" for k, v in what.items()))
