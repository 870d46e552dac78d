"""``quotes check`` (one citation) and ``quotes verify`` (every quotation of a draft) against the index.

Exit codes, for scripts (:data:`quotes.cli.common.EXIT_VERDICT` for the verdicts): 0
verbatim (for verify: every quotation verbatim), 10 altered, 11 misattributed, 12 not
found, 13 reported (words the source only reports, put in quotation marks), 14 unsure
(verify: the worst verdict among the draft's quotations), 1 no index or unreadable
draft, 2 usage error (an empty quotation, a directory for a draft), 3 no spaCy pipeline
(verify only).
"""
from __future__ import annotations

import json
import os
import re
import sys
import textwrap
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..check.normalize import SIC_MARK as SIC, strip_marks, tokens
from ..check.verdict import Verdict
from ..draft import read_draft
from ..load import LoadError
from ..nlp.model import ModelNotFound
from ..verify import check_citation, checker_for, summary, verify_drafts
from .app import app
from .common import (DEFAULT_DB, EXIT_ERROR, EXIT_MODEL, EXIT_USAGE, EXIT_VERDICT, DbOpt, FormatOpt, ModelOpt, open_index,
                     output_format)
from .output import Format, emit, error, note

COLUMNS = ["verdict", "quote", "speaker", "said_by", "diff", "note", "title", "doc_path", "start", "end"]
#: verify's csv adds where each quotation sits in the draft.
VERIFY_COLUMNS = ["draft_start", "draft_end", *COLUMNS, "where", "line", "column"]


def _plain(text: str) -> str:
    """Text from articles with control characters (terminal escape sequences) shown as ``?``."""
    return "".join("?" if (ord(c) < 32 and c not in "\t\n") or 127 <= ord(c) < 160 else c for c in text)


def describe(v: "Verdict", width: int | None = None) -> str:
    """A few lines a journalist reads: the verdict, the source's words, what differs, where from.

    With ``width``, lines are wrapped at word boundaries to fit it (a change such as
    ``[-excellent-]{+terrible+}`` is never cut), continuation lines indented.
    """
    text = _plain(_describe(v))
    return text if not width else wrap(text, width)


def _describe(v: "Verdict") -> str:
    who = v.said_by or "nobody named"
    head = {
        "verbatim": f"verbatim{' (edited)' if v.edited else ''}: found word for word{f', said by {who}' if v.row else ''}",
        "altered": (f"altered: every word is the source's, but some of the source's are left out with no … to "
                    f"mark it, said by {who}" if v.changes and all(c.op == "dropped" for c in v.changes) else
                    f"altered: the source says it differently ({round(100 * v.score)}% of words match), said by {who}"),
        "misattributed": f"misattributed: found word for word, but said by {who}, not {v.speaker}",
        "not-found": "not-found: nothing close to this quotation in the index",
        "unsure": f"unsure: found word for word; the index has {who} saying it, but is unsure who said it",
        "reported": f"reported: {who} is reported saying this in the source's own words; it is not a quotation",
    }.get(v.verdict, f"{v.verdict}: {v.note or ''}")
    lines = [head]
    if v.source is not None:
        lines.append(f"  source's words: {v.source}")
    if v.verdict == "altered" or v.omitted or v.edited:
        lines.append(f"  difference:     {v.diff}")
    for c in v.changes:
        flag = {"negation": "  <- a negation: may reverse the meaning",
                "antonym": "  <- the opposite word: may reverse the meaning"}.get(c.flag or "", "")
        lines.append(f"    {c.op:8} " + {"changed": f"{c.source!r} -> {c.draft!r}",
                                          "added": f"{c.draft!r} (not in the source)",
                                          "dropped": f"{c.source!r} (left out, no … marks it)"}[c.op] + flag)
    for e in v.edits:
        lines.append(f"    edited   {e.draft}" + (f" for {e.source!r}" if e.source else
                                                   " (marks an error in the source)" if SIC.fullmatch(e.draft) else
                                                   " (put in)"))
    sources = v.sources or []
    if len(sources) > 1:
        lines.append(f"  in {len(sources)} articles, earliest first:")
        lines += [f"    {_where(s)}" for s in sources]
    elif v.row:
        r = v.row
        lines.append(f"  from: {_where({**r, 'start': v.start, 'end': v.end})}")
    if v.note:
        lines.append(f"  note: {v.note}")
    return "\n".join(lines) + "\n"


def _where(r: dict) -> str:
    """An article and the characters the words stand at: title, outlet, address or file, date."""
    place = ", ".join(str(x) for x in (r.get("title"), r.get("outlet"), r.get("url") or r.get("doc_path")) if x)
    at = f", characters {r['start']}-{r['end']}" if r.get("start") is not None else ""
    return place + at + (f", {r['date']}" if r.get("date") else "")


#: Inline changes a wrap must not cut: ``[-source words-]`` and ``{+draft words+}``.
_CHANGE = re.compile(r"\[-.*?-\]|\{\+.*?\+\}|\[omitted: [^\]]*\]")
_KEEP = "\u00a0"


def wrap(text: str, width: int) -> str:
    """Each line of ``text`` wrapped at word boundaries to ``width``, continuation lines indented
    under the line's text; no word and no inline change is split (a longer one overflows)."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip(" "))
        label = re.match(r" *(?:[\w' ]+?: {1,6}|\w+ +)", line)
        hang = " " * min(len(label.group()) if label else indent, width // 2)
        kept = _CHANGE.sub(lambda m: m.group().replace(" ", _KEEP), line)
        lines = textwrap.wrap(kept.lstrip(" "), width=width, initial_indent=" " * indent, subsequent_indent=hang,
                              break_long_words=False, break_on_hyphens=False)
        out.extend(x.replace(_KEEP, " ") for x in lines)
    return "\n".join(out)


def terminal_width() -> int:
    """The terminal's width (``COLUMNS`` respected); 80 when output is not a terminal."""
    import shutil

    return shutil.get_terminal_size((80, 24)).columns if sys.stdout.isatty() else int(os.environ.get("COLUMNS") or 80)


@app.command()
def check(
    quote: Annotated[str, typer.Argument(help="The quotation as cited (marks around it optional), a sentence with its "
                                              "attribution, or - to read it from stdin.", show_default=False)],
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Who the citation says said it.")] = None,
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
) -> None:
    """Is QUOTE in the index word for word, and said by --speaker?

    Says verbatim, altered (with the source's words and the difference, word
    by word, a negation or an opposite word flagged), misattributed (with who
    said it) or not-found. Typography does not count: curly or straight marks,
    dashes, ellipses, case, spacing, a comma or full stop moved at the edge.
    The journalist's marks are allowed and listed: an omission marked … or
    […], words in [square brackets] put in or standing for a few of the
    source's, [sic]. A sentence pasted with its attribution ('"…," Okafor
    said.') is checked for the words inside its marks, said by the name it
    gives. Exit code 0 only for verbatim; 10 altered, 11 misattributed, 12
    not found, 13 reported (the source gives these words as reported speech,
    not a quotation), 14 unsure; 2 an empty quotation.

    Examples:

      quotes check "The cooperation is excellent" --speaker Darmanin

      quotes check '"The cooperation is excellent," Darmanin said.'

      pbpaste | quotes check - --speaker "Gérald Darmanin" --format json
    """
    fmt = output_format(fmt)
    if quote == "-":
        quote = sys.stdin.read()

    if not tokens(strip_marks(quote)):
        error("the quotation is empty: give the words to check")
        raise typer.Exit(EXIT_USAGE)
    index = open_index(db)
    v = check_citation(index, checker_for(index), quote, speaker, sentence=True)
    if fmt is Format.table:
        sys.stdout.write(describe(v, terminal_width()))
    elif fmt is Format.json:
        sys.stdout.write(json.dumps(v.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        emit([v.to_dict()], fmt, COLUMNS if fmt is Format.csv else None)
    raise typer.Exit(EXIT_VERDICT[v.verdict])


@app.command()
def verify(
    draft: Annotated[str, typer.Argument(help="The draft (.md, .txt or .html).", show_default=False)],
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
    model: ModelOpt = None,
) -> None:
    """Check every quotation in DRAFT against the index, with the speaker the draft gives it.

    A Markdown draft is read as it renders (links give their words, headings
    are no speakers); quotations and speakers are found with the same detector
    and attributor as `quotes extract`. Each quotation is reported at
    DRAFT:LINE:COL. Exits 0 only when all are verbatim, else with the worst
    verdict's code (10 altered, 11 misattributed, 12 not found, 13 reported).

    Example:

      quotes verify story.md --db quotes.json
    """
    fmt = output_format(fmt)
    if Path(draft).is_dir():
        error(f"{draft} is a directory; verify reads one draft (.md, .txt or .html)")
        raise typer.Exit(EXIT_USAGE)
    index = open_index(db)
    doc = read_draft(draft)
    if isinstance(doc, LoadError):
        error(str(doc))
        raise typer.Exit(EXIT_ERROR)
    try:
        found = verify_drafts(index, [doc], model=model, checker=checker_for(index))
    except ModelNotFound as e:
        error(str(e))
        raise typer.Exit(EXIT_MODEL)
    verdicts = [c.verdict for c in found]
    if not verdicts:
        note(f"no quotations found in {draft}")
    if fmt is Format.table:
        width = terminal_width()
        out = [wrap(f"{draft}: {summary(verdicts)}", width)]
        for c in found:
            said = f" ({c.quote.speaker})" if c.quote.speaker else ""
            out.append(wrap(_plain(f"{c.where}: “{c.quote.quote}”{said}"), width))
            out.append(describe(c.verdict, width - 2).rstrip("\n").replace("\n", "\n  ").join(("  ", "")))
        sys.stdout.write("\n".join(out) + "\n")
    else:
        rows = [{**c.verdict.to_dict(), "draft_start": c.start, "draft_end": c.end, "line": c.line,
                 "column": c.column, "where": c.where} for c in found]
        emit(rows, fmt, VERIFY_COLUMNS if fmt is Format.csv else None)
    raise typer.Exit(max((EXIT_VERDICT[v.verdict] for v in verdicts), default=0))
