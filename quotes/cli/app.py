"""The typer application every command module registers on, and the root options."""
from __future__ import annotations

import typer

from .. import __version__

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
        typer.echo(f"quotes {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Find every quotation in news articles, who said it and where."""
