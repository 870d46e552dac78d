"""The speaker index in TinyDB: documents, quotes, speakers with aliases and roles, corrections.

``core`` is :class:`~quotes.index.core.Index` (writes and queries); ``storage`` the JSON file that never
loses data (atomic writes, the lock) and ``sqlstore`` the SQLite one for archives of millions of
quotations (same guarantees, reads only what a query needs); ``rows`` how records become rows; ``roster`` and ``placement``
who is who across documents; ``curate`` the corrections a person makes, kept apart so they
survive re-ingest.
"""
