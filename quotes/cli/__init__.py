"""The ``quotes`` command: a thin typer layer over the library.

Each sub-module registers its commands on :data:`app`. None of them imports
spaCy at module level, so commands that need no parse start fast.
"""
from __future__ import annotations

import typer

app = typer.Typer(
    name="quotes",
    help="Find every quotation in news articles, who said it and where; keep a speaker index to list, export and check citations against.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)



def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"quotes {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Find every quotation in news articles, who said it and where."""


# Each module registers its commands on `app` when imported.
from . import extract
from . import ingest
from . import read
from . import curate
from . import export
from . import check  # noqa: E402,F401


def main() -> None:
    app()
