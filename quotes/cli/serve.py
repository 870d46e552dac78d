"""``quotes serve``: the index as a local web page (see :mod:`quotes.serve`)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .common import DEFAULT_DB, DbOpt, ModelOpt, open_index
from .output import note

LOCAL = "127.0.0.1"


@app.command()
def serve(
    db: DbOpt = Path(DEFAULT_DB),
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, metavar="PORT", help="Port to listen on.")] = 8000,
    host: Annotated[str, typer.Option("--host", metavar="HOST", help="Address to listen on; anything but 127.0.0.1 lets other machines in.")] = LOCAL,
    allow_edits: Annotated[bool, typer.Option("--allow-edits", help="Allow merge, rename and reassign from the page.")] = False,
    model: ModelOpt = None,
) -> None:
    """Serve the index as a web page on this machine: speakers, quotations in context, documents, and a
    draft check. Read-only unless --allow-edits.

    Example:

      quotes serve --db quotes.json --port 8000
    """
    open_index(db)  # exits with the usual one-line error when there is no usable index
    import uvicorn  # the web server and the app are only needed here: keeps every other command's start fast

    from ..serve import create_app

    if host not in (LOCAL, "localhost", "::1"):
        note(f"warning: listening on {host}: anyone who can reach this machine can read the index"
             + (" and change it" if allow_edits else ""))
    note(f"serving {db} on http://{host}:{port}/ ({'edits allowed' if allow_edits else 'read-only'}); Ctrl-C stops")
    uvicorn.run(create_app(db, allow_edits=allow_edits, model=model), host=host, port=port, log_level="warning")
