"""``quotes check`` (one citation) and ``quotes verify`` (every quotation of a draft) against the index.

Exit codes, for scripts: 0 verbatim (for verify: every quotation verbatim),
10 altered, 11 misattributed, 12 not found, 13 reported (words the source only
reports, put in quotation marks; verify: the worst verdict among the draft's quotations), 1 no index or unreadable draft, 2 usage error,
3 no spaCy pipeline (verify only).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..check.verdict import Verdict
from ..load import LoadError, load_path
from ..nlp.model import ModelNotFound
from ..verify import check_citation, checker_for, summary, verify_documents
from .app import app
from .common import (DEFAULT_DB, EXIT_ERROR, EXIT_MODEL, EXIT_VERDICT, DbOpt, FormatOpt, ModelOpt, open_index,
                     output_format)
from .output import Format, emit, error, note

COLUMNS = ["verdict", "quote", "speaker", "said_by", "diff", "note", "title", "doc_path", "start", "end"]
#: verify's csv adds where each quotation sits in the draft.
VERIFY_COLUMNS = ["draft_start", "draft_end", *COLUMNS]


def _plain(text: str) -> str:
    """Text from articles with control characters (terminal escape sequences) shown as ``?``."""
    return "".join("?" if (ord(c) < 32 and c not in "\t\n") or 127 <= ord(c) < 160 else c for c in text)


def describe(v: "Verdict") -> str:
    """A few lines a journalist reads: the verdict, the source's words, what differs, where from."""
    return _plain(_describe(v))


def _describe(v: "Verdict") -> str:
    who = v.said_by or "nobody named"
    head = {
        "verbatim": f"verbatim: found word for word{f', said by {who}' if v.row else ''}",
        "altered": f"altered: the source says it differently ({round(100 * v.score)}% of words match), said by {who}",
        "misattributed": f"misattributed: found word for word, but said by {who}, not {v.speaker}",
        "not-found": "not-found: nothing close to this quotation in the index",
        "unsure": f"unsure: found word for word; the index has {who} saying it, but is unsure who said it",
        "reported": f"reported: {who} is reported saying this in the source's own words; it is not a quotation",
    }[v.verdict]
    lines = [head]
    if v.source is not None:
        lines.append(f"  source's words: {v.source}")
    if v.verdict == "altered" or v.omitted:
        lines.append(f"  difference:     {v.diff}")
    for c in v.changes:
        lines.append(f"    {c.op:8} " + {"changed": f"{c.source!r} -> {c.draft!r}",
                                          "added": f"{c.draft!r} (not in the source)",
                                          "dropped": f"{c.source!r} (left out, no … marks it)"}[c.op])
    if v.row:
        r = v.row
        where = ", ".join(str(x) for x in (r.get("title"), r.get("outlet"), r.get("url") or r.get("doc_path")) if x)
        lines.append(f"  from: {where}, characters {v.start}-{v.end}" + (f", {r['date']}" if r.get("date") else ""))
    if v.note:
        lines.append(f"  note: {v.note}")
    return "\n".join(lines) + "\n"


@app.command()
def check(
    quote: Annotated[str, typer.Argument(help="The quotation as cited (marks around it optional), or - to read it from stdin.", show_default=False)],
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Who the citation says said it.")] = None,
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = None,
) -> None:
    """Is QUOTE in the index word for word, and said by --speaker?

    Says verbatim, altered (with the source's words and the difference, word
    by word), misattributed (with who said it) or not-found. Typography does
    not count: curly or straight marks, dashes, ellipses, case, spacing, a
    comma or full stop moved at the edge. An omission marked … or […] is
    allowed. Exit code 0 only for verbatim; 10 altered, 11 misattributed,
    12 not found, 13 reported (the source gives these words as reported speech, not a quotation).

    Examples:

      quotes check "The cooperation is excellent" --speaker Darmanin

      pbpaste | quotes check - --speaker "Gérald Darmanin" --format json
    """
    fmt = output_format(fmt)
    if quote == "-":
        quote = sys.stdin.read()

    index = open_index(db)
    v = check_citation(index, checker_for(index), quote, speaker)
    if fmt is Format.table:
        sys.stdout.write(describe(v))
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

    Quotations and speakers are found with the same detector and attributor as
    `quotes extract`. Prints one row per quotation; exits 0 only when all are
    verbatim, else with the worst verdict's code (10 altered, 11 misattributed,
    12 not found, 13 reported).

    Example:

      quotes verify story.md --db quotes.json
    """
    fmt = output_format(fmt)
    index = open_index(db)
    docs = list(load_path(draft))
    bad = [d for d in docs if isinstance(d, LoadError)]
    for d in bad:
        error(str(d))
    if bad:
        raise typer.Exit(EXIT_ERROR)
    try:
        found = verify_documents(index, docs, model=model, checker=checker_for(index))
    except ModelNotFound as e:
        error(str(e))
        raise typer.Exit(EXIT_MODEL)
    verdicts = [v for _, v in found]
    if not verdicts:
        note(f"no quotations found in {draft}")
    rows = [{**v.to_dict(), "draft_start": q.start, "draft_end": q.end} for q, v in found]
    if fmt is Format.table:
        emit(rows, fmt, ["verdict", "quote", "speaker", "said_by", "diff"], title=f"{draft}: {summary(verdicts)}")
    else:
        emit(rows, fmt, VERIFY_COLUMNS if fmt is Format.csv else None)
    raise typer.Exit(max((EXIT_VERDICT[v.verdict] for v in verdicts), default=0))
