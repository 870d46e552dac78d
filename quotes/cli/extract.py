"""``quotes extract``: print every quotation of the given articles, nothing stored."""
from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..load import LoadError, load_documents
from ..nlp.model import ModelNotFound
from ..pipeline import extract_documents
from ..stages import DEFAULT_BATCH_SIZE
from .app import app
from .common import (
    EXIT_ERROR,
    EXIT_MODEL,
    BatchOpt,
    FormatOpt,
    ModelOpt,
    PathsArg,
    WorkersOpt,
    output_format,
)
from .output import Format, error, render

COLUMNS = ["doc", "start", "end", "speaker", "quote", "cue", "venue", "kind"]

EncodingOpt = Annotated[str, typer.Option("--encoding", help="How to decode the input files.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Refuse input files larger than this.")]


@app.command()
def extract(
    paths: PathsArg,
    fmt: FormatOpt = None,
    model: ModelOpt = None,
    encoding: EncodingOpt = "utf-8",
    max_bytes: MaxBytesOpt = 5 * 1024 * 1024,
    batch_size: BatchOpt = DEFAULT_BATCH_SIZE,
    workers: WorkersOpt = 1,
) -> None:
    """Print every quotation in PATHS with its speaker, cue and venue.

    Examples:

      quotes extract article.txt

      quotes extract articles/ --format jsonl > quotes.jsonl

      cat article.txt | quotes extract - --format json
    """
    fmt = output_format(fmt)
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
        raise typer.Exit(EXIT_ERROR)
