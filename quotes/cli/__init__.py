"""The ``quotes`` command: a thin typer layer over the library.

Each command module registers its commands on :data:`~quotes.cli.app.app`; it
parses options, calls one library function and renders the answer. None of them
imports spaCy at module level, so commands that need no parse start fast.
"""
from __future__ import annotations

from . import check, curate, export, extract, ingest, read, serve  # noqa: F401  (each registers its commands)
from .app import app


def main() -> None:
    app()
