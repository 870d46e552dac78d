"""The typer application every command module registers on, and the root options."""
from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperArgument, TyperGroup

from .output import error

#: How an option's value is named in help when the option does not say (by typer's ``<type>``).
VALUE_NAMES = {"str": "TEXT", "int": "N", "int range": "N", "float": "NUMBER", "float range": "NUMBER",
               "path": "PATH", "bool": None}


def tidy(command: Any) -> None:
    """Help that reads well: arguments by their names in capitals (``SPEAKER``, ``NEW_NAME``, ``PATHS...``),
    options by the value they take (``--db PATH``), flags with no value; the same on the usage line."""
    for param in getattr(command, "params", ()):
        if isinstance(param, TyperArgument):
            if param.metavar is None:
                param.metavar = param.name.upper() + ("..." if param.nargs != 1 else "")
            usage = param.metavar if param.required else f"[{param.metavar}]"
            param._usage_display_name = lambda usage=usage: usage
            param.display_type_rich = lambda ctx: None
        elif getattr(param, "metavar", "") is None:
            param.display_type_rich = lambda ctx, p=param: _value_name(p, ctx)
    for sub in getattr(command, "commands", {}).values():
        tidy(sub)


def _value_name(option: Any, ctx: Any) -> str | None:
    """``PATH`` for ``<path>``, ``N`` for ``<int>``, nothing for a flag."""
    shown = str(type(option).display_type(option, ctx) or "").strip("<>")
    if shown.startswith("bool"):
        return None
    return VALUE_NAMES.get(shown.split(" [")[0], shown.upper() or None)


class Group(TyperGroup):
    """The root command: tidied help, and every error one line on stderr (usage errors too), exit 2."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        tidy(self)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer._click.exceptions.ClickException as e:
            message = " ".join(e.format_message().split())
            ctx = getattr(e, "ctx", None)
            hint = f" (see: {ctx.command_path} --help)" if ctx is not None and e.exit_code == 2 else ""
            error(message + hint)
            sys.exit(e.exit_code)
        except typer.Abort:
            error("aborted")
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


from .. import __version__

app = typer.Typer(
    cls=Group,
    name="quotes",
    help="Find every quotation in news articles, who said it and where; keep a speaker index to list, export and check citations against.",
    no_args_is_help=True,
    rich_markup_mode=None,
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
