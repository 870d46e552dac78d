"""``quotes export``: the index (or one speaker's part of it) as Markdown, JSON, JSONL or CSV."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..export import to_markdown
from .app import app
from .common import DEFAULT_DB, EXIT_ERROR, DbOpt, FormatOpt, open_index, output_format
from .output import Format, error, render

if TYPE_CHECKING:
    from ..index.core import Index

SpeakerOpt = Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only this speaker (any name or alias, case and accents ignored).")]
OutOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.", dir_okay=False)]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")]

#: Columns of the json/jsonl/csv export, in order.
COLUMNS = ["id", "speaker", "quote", "venue", "date", "title", "outlet", "url", "doc_path", "start", "end",
           "kind", "cue", "speaker_mention", "sentence", "speaker_id", "doc_id"]


def write_out(text: str, out: Path | None, force: bool) -> None:
    """``text`` to stdout, or to ``out`` atomically; an existing file only with ``force``."""
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if out.exists() and not force:
        error(f"{out} exists; use --force to overwrite it")
        raise typer.Exit(EXIT_ERROR)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def rows_for(index: "Index", speaker: str | None) -> tuple[list[dict], list[dict]]:
    """Quote rows (of one speaker, if named) and the speaker rows they refer to."""
    speakers = index.find_speakers(speaker) if speaker else index.list_speakers()
    if speaker and not speakers:
        error(f"no speaker in the index answers to {speaker!r}; see: quotes speakers")
        raise typer.Exit(EXIT_ERROR)
    from ..index.core import QUOTATIONS, REPORTED

    kinds = QUOTATIONS + REPORTED  # reported speech too, written as reported (quotes.export.reported_block)
    rows = index.list_quotes(speaker=speaker, kinds=kinds) if speaker else index.list_quotes(kinds=kinds)
    return rows, speakers


@app.command()
def export(
    db: DbOpt = Path(DEFAULT_DB),
    speaker: SpeakerOpt = None,
    fmt: FormatOpt = None,
    out: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    """Export the quotations in the index, grouped by speaker, each cited to its source.

    Markdown (the default) is safe to publish: quote texts are escaped so no
    link, image, HTML or heading in an article survives as markup. CSV cells
    that a spreadsheet would run as formulas are defused.

    Examples:

      quotes export -o quotes.md

      quotes export --speaker Darmanin --format csv -o darmanin.csv --force
    """
    fmt = output_format(fmt or Format.md, (Format.md, Format.json, Format.jsonl, Format.csv))
    rows, speakers = rows_for(open_index(db), speaker)
    if fmt is Format.md:
        title = f"Quotations of {speakers[0]['name']}" if speaker and len(speakers) == 1 else "Quotations"
        text = to_markdown(rows, speakers, title=title)
    else:
        text = render([{c: r.get(c) for c in COLUMNS} for r in rows], fmt, COLUMNS)
    write_out(text, out, force)
