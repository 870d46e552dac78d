"""Formatting for every listing: machine formats on stdout, messages on stderr.

``json`` is one array, ``jsonl`` one object a line, ``csv`` a header and rows
(cells that a spreadsheet would run as a formula are defused), ``table`` a rich
table for people. With no ``--format`` the default is ``table`` on a terminal
and ``jsonl`` when piped, so scripts get stable output.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

import typer


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"
    tsv = "tsv"
    sqlite = "sqlite"
    parquet = "parquet"


FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


def default_format(fmt: Format | None) -> Format:
    """``table`` for a person at a terminal, ``jsonl`` for a pipe."""
    if fmt is not None:
        return fmt
    return Format.table if sys.stdout.isatty() else Format.jsonl


def error(message: str) -> None:
    """One line on stderr, prefixed so it stands out among other output."""
    typer.echo(f"quotes: error: {message}", err=True)


def note(message: str) -> None:
    typer.echo(f"quotes: {message}", err=True)


def csv_cell(value: Any) -> str:
    """A cell that opens as text in a spreadsheet: formulas and nested values defused."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    if text.startswith(FORMULA_LEAD):
        text = "'" + text
    return text


def flat(value: Any) -> str:
    """A short readable form of a nested value for table cells."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("text", value.get("name", json.dumps(value, ensure_ascii=False))))
    if isinstance(value, list):
        return ", ".join(flat(v) for v in value)
    return str(value)


def render(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str] | None = None,
           title: str | None = None) -> str:
    """The rows as text in ``fmt`` (``md`` is the caller's business: see :mod:`quotes.export`)."""
    cols = list(columns) if columns else (list(rows[0].keys()) if rows else [])
    if fmt is Format.json:
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    if fmt is Format.jsonl:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt in (Format.csv, Format.tsv):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n", delimiter="\t" if fmt is Format.tsv else ",")
        w.writerow(cols)
        for r in rows:
            w.writerow([csv_cell(r.get(c)) for c in cols])
        return buf.getvalue()
    if fmt is Format.table:
        return table(rows, cols, title)
    raise ValueError(f"format {fmt.value} is not supported here")


def table(rows: Sequence[dict[str, Any]], cols: Sequence[str], title: str | None = None) -> str:
    """A rich table; plain (no colour, no box styling) when not on a terminal or with NO_COLOR."""
    from rich.console import Console  # rich's tables cost ~100 ms to import: only for a table on a terminal
    from rich.markup import escape
    from rich.table import Table

    plain = not sys.stdout.isatty() or bool(os.environ.get("NO_COLOR"))
    t = Table(title=title, show_lines=False, header_style=None if plain else "bold")
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*(escape(flat(r.get(c))) for c in cols))
    width = None if sys.stdout.isatty() else 200
    console = Console(file=io.StringIO(), width=width, no_color=plain, highlight=False,
                      force_terminal=not plain, color_system=None if plain else "auto")
    console.print(t)
    return console.file.getvalue()


def emit(rows: Iterable[dict[str, Any]], fmt: Format, columns: Sequence[str] | None = None,
         title: str | None = None) -> None:
    """Render and write to stdout."""
    sys.stdout.write(render(list(rows), fmt, columns, title))
    sys.stdout.flush()
