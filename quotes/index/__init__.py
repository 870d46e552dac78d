"""The speaker index in TinyDB: documents, quotes, speakers with aliases and roles, corrections.

``core`` is :class:`~quotes.index.core.Index` (writes and queries); ``storage`` the file that never
loses data (atomic writes, the lock); ``rows`` how records become rows; ``roster`` and ``placement``
who is who across documents; ``curate`` the corrections a person makes, kept apart so they
survive re-ingest.
"""
