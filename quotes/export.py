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

from .lexicon.names import plain

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


#: Columns of a quotation in flat exports (CSV, TSV, SQLite): spans as text, start and end.
FLAT_COLUMNS = ["id", "speaker", "quote", "venue", "date", "title", "outlet", "url", "doc_path", "start", "end",
                "kind", "cue", "cue_start", "cue_end", "mention", "mention_start", "mention_end", "sentence",
                "speaker_id", "doc_id", "group", "within", "confidence", "rule", "resolution"]


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """A quote row with its cue and speaker mention as plain columns (``cue``, ``cue_start``, ``cue_end``,
    ``mention``, ...), so sqlite3, pandas and spreadsheets read every cell as a value."""
    out = dict(row)
    for name, as_ in (("cue", "cue"), ("speaker_mention", "mention")):
        span = row.get(name) or {}
        out.update({as_: span.get("text"), f"{as_}_start": span.get("start"), f"{as_}_end": span.get("end")})
    out.pop("speaker_mention", None)
    return out


def group(rows: Iterable[dict[str, Any]], speakers: Sequence[dict[str, Any]] | None = None
          ) -> dict[str, list[dict[str, Any]]]:
    """Rows by speaker name (unattributed last), quotes by date, document and offset.

    Speakers are in index order: people by surname then name, organisations
    and groups by name (``speakers`` or each row's ``speaker_type`` says which).
    """
    types = {s.get("name"): s.get("type") for s in speakers or ()}
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r.get("speaker") or UNKNOWN, []).append(r)
        types.setdefault(r.get("speaker"), r.get("speaker_type"))
    order = sorted(out, key=lambda name: (name == UNKNOWN, *sort_key(name, types.get(name))))
    return {name: sorted(out[name], key=_when) for name in order}


#: Words after a surname that are not the surname (``Martin Luther King Jr.``).
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv v".split())


def sort_key(name: str, kind: str | None) -> tuple[str, str]:
    """How a speaker sorts: a person by surname then full name, anyone else by name."""
    words = plain(name).split()
    if kind == "person" and len(words) > 1:
        while len(words) > 1 and words[-1] in _SUFFIXES:
            words.pop()
        return words[-1], plain(name)
    return plain(name), plain(name)


def _when(row: dict[str, Any]) -> tuple:
    return (str(row.get("date") or ""), str(row.get("doc_path") or row.get("doc_id") or ""), row.get("start") or 0)


def tidy(quote: Any) -> str:
    """The quotation's words without the sentence's punctuation: a trailing comma (``"…," she said``)
    goes; ``?``, ``!`` and ``.`` belong to the quotation and stay."""
    return str(quote or "").rstrip().rstrip(",").rstrip()


def entries(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One speaker's rows as quotations to publish: the pieces of one quotation over several paragraphs
    (rows of one document sharing a ``group``) become one entry, and the same words said again (in
    the same article or another) one entry listing every source. Each entry: ``pieces`` (the
    paragraphs' words), ``kind``, ``venue``, ``sources`` (the first row of each document), ``rows``."""
    joined: list[dict[str, Any]] = []
    by_group: dict[tuple, dict[str, Any]] = {}
    for r in sorted(rows, key=_when):
        g = r.get("group")
        if g is not None and (r.get("doc_id"), g) in by_group:
            e = by_group[(r.get("doc_id"), g)]
            e["pieces"].append(tidy(r.get("quote")))
            e["rows"].append(r)
            continue
        e = {"pieces": [tidy(r.get("quote"))], "kind": r.get("kind"), "venue": r.get("venue"), "rows": [r]}
        joined.append(e)
        if g is not None:
            by_group[(r.get("doc_id"), g)] = e
    out: list[dict[str, Any]] = []
    by_words: dict[tuple, dict[str, Any]] = {}
    for e in joined:
        words = (e["kind"] == "indirect", plain(" ".join(e["pieces"])))
        head = {**e["rows"][0], "end": e["rows"][-1].get("end")}  # the whole quotation, first piece to last
        same = by_words.get(words)
        if same is None:
            by_words[words] = same = {**e, "rows": [], "sources": []}
            out.append(same)
        same["venue"] = same.get("venue") or e.get("venue")
        same["rows"].extend(e["rows"])
        if all((s.get("doc_id"), s.get("doc_path")) != (head.get("doc_id"), head.get("doc_path"))
               for s in same["sources"]):
            same["sources"].append(head)
    return out


def citation(row: dict[str, Any]) -> str:
    """Where a quote comes from, for a reader: ``*Title*, Outlet, date`` linked to the URL, the file and
    characters in an HTML comment; only a document with none of these is cited by its path."""
    parts = []
    if row.get("title"):
        parts.append(f"*{escape(row['title'])}*")
    if row.get("outlet"):
        parts.append(escape(row["outlet"]))
    if row.get("date"):
        parts.append(escape(row["date"]))
    where = _where(row)
    if not parts:
        if row.get("url"):
            return ", ".join(p for p in (link(row["url"]), where) if p)
        return where
    text = ", ".join(parts)
    url = row.get("url")
    if url and _SAFE_URL.match(url):
        text = f"[{text}](<{url}>)"
    return f"{text} <!-- {where} -->" if where else text


def _where(row: dict[str, Any]) -> str:
    """``path, characters 2122–2151`` (escaped, so it cannot close an HTML comment)."""
    parts = [escape(row["doc_path"])] if row.get("doc_path") else []
    if row.get("start") is not None and row.get("end") is not None:
        parts.append(f"characters {escape(row['start'])}–{escape(row['end'])}")
    return ", ".join(parts)


def quote_block(row: dict[str, Any]) -> str:
    """One quotation row as published (see :func:`entry_block`)."""
    return entry_block(entries([row])[0])


def entry_block(entry: dict[str, Any]) -> str:
    """One quotation: a blockquote (one paragraph per piece), then its venue and every source.

    Reported speech (kind ``indirect``) is not the speaker's words: it is never a blockquote."""
    kind = entry.get("kind")
    if kind == "indirect":
        return reported_block(entry["rows"][0])
    body = "\n>\n".join(f"> {escape(p)}" for p in entry["pieces"])
    sources = [citation(r) for r in entry.get("sources") or ()]
    sources = [s for s in sources if s]
    tail = []
    if entry.get("venue"):
        tail.append(escape(entry["venue"]))
    if sources:
        tail.append(("Source: " if len(sources) == 1 else "Sources: ") + "; ".join(sources))
    line = " — ".join(tail) + (" (partial quote)" if kind == "partial" else "")
    return f"{body}\n\n{line.strip()}\n" if line.strip() else f"{body}\n"


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
    lead = [escape(row.get("venue")) if row.get("venue") else None]  # the date is in the citation
    cite = citation(row)
    tail = " — ".join(p for p in ("; ".join(p for p in lead if p), f"Source: {cite}" if cite else "") if p)
    return f"{line} *(reported speech, not a quotation)*\n\n{tail}\n" if tail else \
        f"{line} *(reported speech, not a quotation)*\n"


def publishable(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One speaker's rows in the order they are published: quotations as :func:`entries` (pieces joined,
    repeats merged), reported statements (kind ``indirect``) row by row, all by date, document and place."""
    items: list[dict[str, Any]] = entries([r for r in rows if r.get("kind") != "indirect"])
    items += [r for r in rows if r.get("kind") == "indirect"]
    return sorted(items, key=lambda item: _when(item["rows"][0] if "pieces" in item else item))


def to_markdown(rows: Sequence[dict[str, Any]], speakers: Sequence[dict[str, Any]] | None = None,
                title: str = "Quotations") -> str:
    """A Markdown document of ``rows`` grouped by speaker, each speaker's roles under the name.

    ``speakers`` (speaker rows: id, name, roles...) supplies the roles; without
    it, only names are shown.
    """
    by_id = {s.get("id"): s for s in speakers or ()}
    by_name = {s.get("name"): s for s in speakers or ()}
    out = [f"# {escape(title)}", ""]
    for name, quotes in group(rows, speakers).items():
        out += [f"## {escape(name)}", ""]
        sp = by_id.get(quotes[0].get("speaker_id")) or by_name.get(name) or {}
        if sp.get("roles"):
            out += ["*" + escape("; ".join(sp["roles"])) + "*", ""]
        for item in publishable(quotes):
            out += [reported_block(item) if item.get("kind") == "indirect" and "pieces" not in item else entry_block(item)]
    if not rows:
        out += ["No quotations.", ""]
    return "\n".join(out).rstrip("\n") + "\n"
