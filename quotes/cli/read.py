"""``quotes list``, ``quotes speakers`` and ``quotes show ID``: reading the index.

None of these imports spaCy; they read the index file once and answer from
it (a speaker filter goes through the speakers table, not every quotation).
Exit codes: 0 ok, 1 no index / no such quotation or speaker, 2 usage,
4 the index file cannot be used.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..dates import DateError, parse_date
from ..export import FLAT_COLUMNS, flat_row, to_markdown
from ..index.source import paragraph
from .app import app
from .common import DEFAULT_DB, ROWS, DbOpt, FormatOpt, open_index, output_format
from .common import EXIT_ERROR as EXIT_NOT_FOUND
from .output import Format, emit, error

if TYPE_CHECKING:
    pass

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

QUOTE_TABLE = ["id", "date", "speaker", "kind", "quote", "venue", "doc_path"]
SPEAKER_COLUMNS = ["id", "name", "type", "quotes", "reported", "aliases", "roles"]


def check_date(value: Optional[str]) -> Optional[str]:
    """Strict: ``2025-13-01`` is refused, ``17 April 2025`` read as ``2025-04-17`` (quotes.dates)."""
    if value is None:
        return None
    try:
        return parse_date(value)
    except DateError as e:
        raise typer.BadParameter(str(e))


@app.command("list")
def list_quotes(
    db: DbOpt = Path(DEFAULT_DB),
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Any name, alias or id (case and accents ignored).")] = None,
    doc: Annotated[Optional[str], typer.Option("--doc", help="A document's path (or its end) or id.")] = None,
    venue: Annotated[Optional[str], typer.Option("--venue", help="Words the venue contains.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", callback=check_date, help="Published on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", callback=check_date, help="Published on or before (YYYY[-MM[-DD]]).")] = None,
    search: Annotated[Optional[str], typer.Option("--search", help="Words every listed quotation contains.")] = None,
    kind: Annotated[str, typer.Option("--kind", help="direct, partial, indirect (reported speech), quotes (direct and partial) or all.")] = "all",
    all_kinds: Annotated[bool, typer.Option("--all-kinds", help="Also titles, scare quotes, headings and nicknames in marks.")] = False,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", min=0.0, max=1.0, metavar="X", help="Only attributions at least this sure (0-1).")] = None,
    unsure: Annotated[bool, typer.Option("--unsure", help="Only the review queue: attributions the index is unsure of (confidence below 0.9) or with no speaker.")] = False,
    fmt: FormatOpt = None,
) -> None:
    """List the quotations in the index, filtered.

    Examples:

      quotes list --speaker darmanin

      quotes list --unsure --format csv > to-review.csv

      quotes list --since 2025-04 --search "cooperation" --format csv > quotes.csv
    """
    from ..index.core import KIND_CHOICES, AmbiguousSpeaker

    if kind not in KIND_CHOICES:
        raise typer.BadParameter(f"one of {', '.join(KIND_CHOICES)}", param_hint="--kind")
    fmt = output_format(fmt, (*ROWS, Format.md))
    index = open_index(db)
    if speaker is not None and not index.find_speakers(speaker):
        error(f"no speaker in the index answers to {speaker!r}; see: quotes speakers")
        raise typer.Exit(EXIT_NOT_FOUND)
    try:
        rows = index.list_quotes(speaker=speaker, doc=doc, venue=venue, since=since, until=until, search=search,
                                 kinds=None if all_kinds else KIND_CHOICES[kind], min_confidence=min_confidence,
                                 unsure=unsure)
    except AmbiguousSpeaker as e:
        error(str(e))
        raise typer.Exit(EXIT_NOT_FOUND)
    if fmt is Format.md:
        sys.stdout.write(markdown(rows, index.find_speakers(speaker) if speaker else index.list_speakers()))
    elif fmt is Format.table:
        emit(rows, fmt, QUOTE_TABLE, title=f"{len(rows)} quotation{'s' if len(rows) != 1 else ''}")
    elif fmt in (Format.csv, Format.tsv):
        emit([flat_row(r) for r in rows], fmt, FLAT_COLUMNS)
    else:
        emit(rows, fmt)


def markdown(rows: list[dict], speakers: list[dict]) -> str:
    return to_markdown(rows, speakers, title="Quotations")


speakers_app = typer.Typer(help="List the speakers in the index; merge or rename them.", no_args_is_help=False,
                           invoke_without_command=True)
app.add_typer(speakers_app, name="speakers")


@speakers_app.callback()
def speakers(
    ctx: typer.Context,
    db: DbOpt = Path(DEFAULT_DB),
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="Only speakers answering to this name.")] = None,
    fmt: FormatOpt = None,
) -> None:
    """List the speakers in the index, most quoted first (with no sub-command).

    Examples:

      quotes speakers

      quotes speakers --name darmanin --format json

      quotes speakers merge "Gérald Darmanin" "G. Darmanin"
    """
    if ctx.invoked_subcommand is not None:
        return
    index = open_index(db)
    rows = index.find_speakers(name) if name else index.list_speakers()
    fmt = output_format(fmt)
    emit(rows, fmt, SPEAKER_COLUMNS if fmt in (Format.table, Format.csv) else None,
         title=f"{len(rows)} speaker{'s' if len(rows) != 1 else ''}" if fmt is Format.table else None)


@app.command()
def show(
    quote_id: Annotated[str, typer.Argument(metavar="ID", help="A quotation's id (from quotes list).", show_default=False)],
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
) -> None:
    """Show one quotation in its paragraph, with its speaker and source.

    The paragraph is read back from the source file when it still holds the
    text that was indexed; otherwise the quotation's sentence is shown.

    Example:

      quotes show 600edb9977-2638
    """
    index = open_index(db)
    row = index.get_quote(quote_id)
    if row is None:
        error(f"no quotation with id {quote_id!r} in {db}; see: quotes list")
        raise typer.Exit(EXIT_NOT_FOUND)
    doc = index.get_document(row["doc_id"]) or {}
    row = {**row, **paragraph(row, doc)}
    fmt = output_format(fmt)
    if fmt is Format.table:
        sys.stdout.write(describe(row, bold=sys.stdout.isatty() and not os.environ.get("NO_COLOR")))
    elif fmt in (Format.csv, Format.tsv):
        emit([flat_row(row)], fmt, [*FLAT_COLUMNS, "paragraph"])
    else:
        emit([row], fmt)


def describe(row: dict[str, Any], bold: bool = False) -> str:
    """The quotation for a reader: its words, who said it, where, and the paragraph it stands in."""
    who = f"{row['speaker']} (#{row['speaker_id']})" if row.get("speaker") else "nobody identified"
    mention = (row.get("speaker_mention") or {}).get("text")
    lines = [f"{row['id']} ({row.get('kind')})", f"  {row['quote']}", f"  said by: {who}"
             + (f", named as \"{mention}\"" if mention and mention != row.get("speaker") else "")]
    if row.get("cue"):
        lines.append(f"  cue:     {row['cue'].get('text')}")
    if row.get("venue"):
        lines.append(f"  venue:   {row['venue']}")
    lines.append(f"  source:  {plain_citation(row)}")
    if row.get("url") and row.get("doc_path"):
        lines.append(f"  file:    {row['doc_path']}")
    label = "paragraph" if row.get("paragraph_from") == "source" else "sentence (source file not available)"
    lines += ["", f"  {label}:", "", indent(mark(row, bold))]
    return "\n".join(lines) + "\n"


def plain_citation(row: dict[str, Any]) -> str:
    parts = [row.get("title"), row.get("outlet"), row.get("date"), row.get("url") or row.get("doc_path")]
    return ", ".join(str(p) for p in parts if p) + f", characters {row['start']}-{row['end']}"


BOLD, RESET = "\x1b[1m", "\x1b[22m"


def mark(row: dict[str, Any], bold: bool = False) -> str:
    """The paragraph as written, its quotation's words highlighted: bold on a terminal, ``**…**`` when
    piped. Nothing is added that could pass for a quotation mark of the article's own."""
    para, at = row["paragraph"], row.get("paragraph_start")
    if at is None:
        return para
    s, e = row["start"] - at, row["end"] - at
    on, off = (BOLD, RESET) if bold else ("**", "**")
    return para[:s] + on + para[s:e] + off + para[e:]


def indent(text: str) -> str:
    """Each line of ``text`` indented, as written (not re-wrapped)."""
    return "\n".join("    " + p for p in text.splitlines() or [""])
