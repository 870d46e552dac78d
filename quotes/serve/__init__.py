"""``quotes serve``: a local web page over the index (speakers, quotations in context, documents, draft check).

:func:`create_app` builds the Starlette app; the pages only call library
functions (:mod:`quotes.index`, :mod:`quotes.verify`). See :mod:`quotes.serve.app`.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
