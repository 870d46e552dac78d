"""``quotes extract``: print every quotation of the given articles, nothing stored."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from . import app
from .output import Format, default_format, error, render

EXIT_INPUT = 1      # some input could not be read (the others were processed)
EXIT_MODEL = 3      # no spaCy pipeline installed

COLUMNS = ["doc", "start", "end", "speaker", "quote", "cue", "venue", "kind"]

PathsArg = Annotated[list[str], typer.Argument(help="Files (.txt .md .html .jsonl), directories of them, or - for stdin.", show_default=False)]
FormatOpt = Annotated[Optional[Format], typer.Option("--format", "-f", help="table | json | jsonl | csv (default: table on a terminal, jsonl when piped).")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", envvar="QUOTES_MODEL", help="spaCy pipeline to load by name.")]
EncodingOpt = Annotated[str, typer.Option("--encoding", help="How to decode the input files.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Refuse input files larger than this.")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch.")]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", min=0, help="Processes to parse with (0: one per core).")]


@app.command()
def extract(
    paths: PathsArg,
    fmt: FormatOpt = None,
    model: ModelOpt = None,
    encoding: EncodingOpt = "utf-8",
    max_bytes: MaxBytesOpt = 5 * 1024 * 1024,
    batch_size: BatchOpt = 16,
    workers: WorkersOpt = 1,
) -> None:
    """Print every quotation in PATHS with its speaker, cue and venue.

    Examples:

      quotes extract article.txt

      quotes extract articles/ --format jsonl > quotes.jsonl

      cat article.txt | quotes extract - --format json
    """
    from ..load import LoadError, load_documents
    from ..nlp.model import ModelNotFound
    from ..pipeline import extract_documents

    fmt = default_format(fmt)
    if fmt is Format.md:
        raise typer.BadParameter("md is for `quotes export`; use table, json, jsonl or csv", param_hint="--format")
    failed = 0
    documents = []
    for item in load_documents(paths, encoding=encoding, max_bytes=max_bytes):
        if isinstance(item, LoadError):
            error(str(item))
            failed += 1
        else:
            documents.append(item)
    rows: list[dict] = []
    try:
        for result in extract_documents(documents, model=model, batch_size=batch_size, workers=workers):
            recs = [q.to_dict() for q in result.quotes]
            if fmt in (Format.jsonl, Format.csv) and fmt is Format.jsonl:
                sys.stdout.write(render(recs, fmt))
                sys.stdout.flush()
            else:
                rows.extend(recs)
    except ModelNotFound as e:
        error(str(e))
        raise typer.Exit(EXIT_MODEL)
    if fmt is not Format.jsonl:
        sys.stdout.write(render(rows, fmt, COLUMNS if fmt is Format.table else None))
    if failed:
        raise typer.Exit(EXIT_INPUT)
