"""The index as an SQLite database: what datasette, sqlite-utils, pandas and ``sqlite3`` open as they are.

Three tables joined by foreign keys, and a full-text index on the quotations' words:

* ``documents`` (``id`` text primary key: path, title, outlet, date, url, author, hash);
* ``speakers`` (``id`` integer primary key: name, type, roles and aliases joined by ``; ``, quotes);
* ``quotes`` (``id`` text primary key: ``speaker_id`` → speakers, ``doc_id`` → documents, quote,
  start, end, kind, venue, cue, cue_start, cue_end, mention, mention_start, mention_end, sentence,
  group_id, within (a mixed quotation: the start of the reported clause it stands in));
* ``quotes_fts``: an FTS5 table over ``quotes.quote`` (external content, so the text is stored once):
  ``SELECT * FROM quotes WHERE rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'cooperation')``.

Standard library only (``sqlite3``). The file is written whole to a temporary name and moved into
place, so a reader never sees half a database.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .export import flat_row

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE documents (
    id TEXT PRIMARY KEY, path TEXT, title TEXT, outlet TEXT, date TEXT, url TEXT, author TEXT, hash TEXT
);
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT, roles TEXT, aliases TEXT, quotes INTEGER
);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    speaker_id INTEGER REFERENCES speakers(id),
    doc_id TEXT NOT NULL REFERENCES documents(id),
    quote TEXT NOT NULL, start INTEGER, "end" INTEGER, kind TEXT, venue TEXT,
    cue TEXT, cue_start INTEGER, cue_end INTEGER, mention TEXT, mention_start INTEGER, mention_end INTEGER,
    sentence TEXT, group_id INTEGER, within INTEGER, confidence REAL, rule TEXT, resolution TEXT
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE VIRTUAL TABLE quotes_fts USING fts5(quote, content='quotes', content_rowid='rowid');
"""

DOC_COLUMNS = ("id", "path", "title", "outlet", "date", "url", "author", "hash")
QUOTE_COLUMNS = ("id", "speaker_id", "doc_id", "quote", "start", "end", "kind", "venue", "cue", "cue_start", "cue_end",
                 "mention", "mention_start", "mention_end", "sentence", "group_id", "within", "confidence", "rule",
                 "resolution")


def write_sqlite(path: str | Path, quotes: Sequence[dict[str, Any]], speakers: Sequence[dict[str, Any]],
                 documents: Sequence[dict[str, Any]], mode: int = 0o644) -> dict[str, int]:
    """Write the rows (as :class:`quotes.index.core.Index` reads them) to a new database at ``path``,
    replacing any file there; returns the row count of each table."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript(SCHEMA)
            con.executemany(f"INSERT INTO documents VALUES ({', '.join('?' * len(DOC_COLUMNS))})",
                            [tuple(d.get(c) for c in DOC_COLUMNS) for d in documents])
            con.executemany("INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?)",
                            [(s["id"], s.get("name"), s.get("type"), "; ".join(s.get("roles") or []),
                              "; ".join(s.get("aliases") or []), s.get("quotes")) for s in speakers])
            rows = [{**flat_row(q), "group_id": q.get("group")} for q in quotes]
            con.executemany(f"INSERT INTO quotes VALUES ({', '.join('?' * len(QUOTE_COLUMNS))})",
                            [tuple(r.get(c) for c in QUOTE_COLUMNS) for r in rows])
            con.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")
            con.commit()
            problems = con.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise ValueError(f"{len(problems)} rows refer to a missing speaker or document")
            counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("documents", "speakers", "quotes")}
        finally:
            con.close()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return counts
