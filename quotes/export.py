"""Markdown export of quote rows: grouped by speaker, each quote cited to its source.

Quote texts and metadata come from articles anyone could have written, so
everything taken from a row is escaped: Markdown punctuation gets a backslash,
``< > &`` become entities, and a leading ``#``, ``-``, ``=``, ``1.`` cannot
start a heading or a list. The only live markup an export carries is what
this module writes itself, plus autolinks to ``http(s)`` source URLs.

One thing escaping cannot stop: GitHub-flavoured renderers turn a bare
``https://`` or ``www.`` address inside a quotation into a link whatever is
escaped (only those schemes, never ``javascript:``). Plain CommonMark does not.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

#: ASCII punctuation Markdown may give a meaning to; backslash-escaped wherever it appears.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~^$])")
#: Characters that start a list, a setext underline or a thematic break at the start of a line.
_LEAD = re.compile(r"^([-+=])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_LIST_START = re.compile(r"^(\d+)([.)])")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)
UNKNOWN = "Unattributed"


def escape(text: Any) -> str:
    """``text`` as inert Markdown: one line, no markup, no HTML."""
    s = " ".join(str(text if text is not None else "").split())
    s = "".join(_HTML.get(c, c) for c in s)
    s = _SPECIAL.sub(r"\\\1", s)
    s = _LEAD.sub(r"\\\1", s)
    return _LIST_START.sub(r"\1\\\2", s)


def link(url: str | None) -> str:
    """An autolink for an ``http(s)`` URL; anything else (``javascript:``, paths) as escaped text."""
    if url and _SAFE_URL.match(url):
        return f"<{url}>"
    return escape(url)


def group(rows: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Rows by speaker name (unattributed last), speakers by name, quotes by date, document and offset."""
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r.get("speaker") or UNKNOWN, []).append(r)
    order = sorted(out, key=lambda name: (name == UNKNOWN, name.casefold()))
    return {name: sorted(out[name], key=_when) for name in order}


def _when(row: dict[str, Any]) -> tuple:
    return (str(row.get("date") or ""), str(row.get("doc_path") or row.get("doc_id") or ""), row.get("start") or 0)


def citation(row: dict[str, Any]) -> str:
    """Where a quote comes from: title, outlet, URL or path, character offsets."""
    parts = []
    if row.get("title"):
        parts.append(f"*{escape(row['title'])}*")
    if row.get("outlet"):
        parts.append(escape(row["outlet"]))
    if row.get("url"):
        parts.append(link(row["url"]))
    elif row.get("doc_path"):
        parts.append(f"{escape(row['doc_path'])}")
    if row.get("start") is not None and row.get("end") is not None:
        parts.append(f"characters {escape(row['start'])}–{escape(row['end'])}")
    return ", ".join(parts)


def quote_block(row: dict[str, Any]) -> str:
    """One quote as a blockquote, then a line with venue, date and source."""
    lead = [f"{escape(row.get('venue'))}" if row.get("venue") else None,
            escape(row.get("date")) if row.get("date") else None]
    where = "; ".join(p for p in lead if p)
    cite = citation(row)
    tail = " — ".join(p for p in (where, f"Source: {cite}" if cite else "") if p)
    kind = " (partial quote)" if row.get("kind") == "partial" else ""
    return f"> {escape(row.get('quote'))}\n\n{tail}{kind}\n" if tail or kind else f"> {escape(row.get('quote'))}\n"


def reported_block(row: dict[str, Any]) -> str:
    """Reported speech as the writer gave it, never as a quotation: "Kayouh **said** that …", no
    blockquote and no quotation marks, marked as reported, then venue, date and source."""
    who = escape(row.get("speaker") or (row.get("speaker_mention") or {}).get("text") or "Someone")
    cue = escape(((row.get("cue") or {}).get("text") or "said").strip())
    said = escape(row.get("quote"))
    if cue.lower().startswith("according"):
        line = f"**{cue}** {who}, {said}"
    elif said.lower().startswith(("to ", "whether ", "if ", "what ", "how ", "why ")) or not cue[:1].islower():
        line = f"{who} **{cue}** {said}"
    else:
        line = f"{who} **{cue}** that {said}"
    lead = [escape(row.get("venue")) if row.get("venue") else None, escape(row.get("date")) if row.get("date") else None]
    cite = citation(row)
    tail = " — ".join(p for p in ("; ".join(p for p in lead if p), f"Source: {cite}" if cite else "") if p)
    return f"{line} *(reported speech, not a quotation)*\n\n{tail}\n" if tail else \
        f"{line} *(reported speech, not a quotation)*\n"


def to_markdown(rows: Sequence[dict[str, Any]], speakers: Sequence[dict[str, Any]] | None = None,
                title: str = "Quotations") -> str:
    """A Markdown document of ``rows`` grouped by speaker, each speaker's roles under the name.

    ``speakers`` (speaker rows: id, name, roles...) supplies the roles; without
    it, only names are shown.
    """
    by_id = {s.get("id"): s for s in speakers or ()}
    by_name = {s.get("name"): s for s in speakers or ()}
    out = [f"# {escape(title)}", ""]
    for name, quotes in group(rows).items():
        out += [f"## {escape(name)}", ""]
        sp = by_id.get(quotes[0].get("speaker_id")) or by_name.get(name) or {}
        if sp.get("roles"):
            out += ["*" + escape("; ".join(sp["roles"])) + "*", ""]
        for row in quotes:
            out += [reported_block(row) if row.get("kind") == "indirect" else quote_block(row)]
    if not rows:
        out += ["No quotations.", ""]
    return "\n".join(out).rstrip("\n") + "\n"
