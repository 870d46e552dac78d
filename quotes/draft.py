"""A journalist's draft, read as what a reader sees, with every position traced back to the draft.

``quotes verify`` reads a Markdown draft (``.md``, ``.markdown``) the way it will be
published: markdown-it-py (CommonMark) parses it, and the text the pipeline reads is
the rendered prose: links give their words (``[Gérald Darmanin](https://…)`` reads
"Gérald Darmanin"), emphasis and list and block-quote markers go, and headings are
left out (a heading is never a speaker nor a quotation to check; the first one is the
draft's title). Code blocks, HTML blocks and images say nothing and are left out too.
Each character of that text keeps the position it came from, so a quotation is
reported at ``draft.md:LINE:COL`` of the draft as written. Plain-text drafts are read
as they are; an HTML draft through the loader (positions in its article text).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

from .load import AUTO, HTML_SUFFIXES, InputError, LoadError, check_marks, decode, from_html, read_bytes, DEFAULT_MAX_BYTES
from .records import Document

MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Between two blocks of the rendered text: a blank line, so the detector sees paragraphs.
BLOCK_BREAK = "\n\n"


@dataclass(slots=True)
class Draft:
    """A draft as the pipeline reads it (``document.text``) and as it was written (``source``)."""

    document: Document
    source: str
    offsets: list[int] | None = None  # offsets[i]: where document.text[i] came from in source

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where ``document.text[start:end]`` came from in the draft as written."""
        if self.offsets is None or end <= start:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1

    def line_col(self, pos: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a position in the draft as written."""
        starts = _line_starts(self.source)
        line = bisect.bisect_right(starts, pos)
        return line, pos - starts[line - 1] + 1


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n" or (c == "\r" and text[i + 1:i + 2] != "\n"):
            starts.append(i + 1)
    return starts


def read_draft(path: str, *, encoding: str = AUTO, max_bytes: int = DEFAULT_MAX_BYTES) -> Draft | LoadError:
    """The draft at ``path``: Markdown rendered, HTML through the loader, anything else as plain text."""
    try:
        if Path(path).is_dir():
            raise InputError("is a directory; verify reads one draft (.md, .txt or .html)")
        source, _ = decode(read_bytes(path, max_bytes), path, encoding)
        suffix = Path(path).suffix.lower()
        if suffix in HTML_SUFFIXES:
            doc = from_html(source, path)
            check_marks(doc.text)
            return Draft(doc, doc.text)
        check_marks(source)
        return from_text(path, source, markdown=suffix in MARKDOWN_SUFFIXES)
    except InputError as e:
        return LoadError(path, str(e))


def from_text(path: str, source: str, markdown: bool = True) -> Draft:
    """A draft from its text: rendered as Markdown (positions traced back), or read as it is."""
    if not markdown:
        return Draft(Document(path=path, text=source), source)
    text, offsets, title = render(source)
    return Draft(Document(path=path, text=text, title=title), source, offsets)


def render(source: str) -> tuple[str, list[int], str | None]:
    """The prose of a Markdown text, where each of its characters came from, and the first heading."""
    from markdown_it import MarkdownIt

    out = _Rendering(source)
    title = None
    tokens = MarkdownIt("commonmark").parse(source)
    heading = False
    for tok in tokens:
        if tok.type == "heading_open":
            heading = True
        elif tok.type == "heading_close":
            heading = False
        elif tok.type == "inline" and tok.map:
            if heading:
                title = title or tok.content.strip() or None
                continue
            out.block(tok)
    return "".join(out.chars), out.offsets, title


class _Rendering:
    """Rendered characters and their positions in the source, block by block."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = _line_starts(source) + [len(source)]
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def block(self, tok) -> None:
        first, last = tok.map
        self.cursor = self.starts[first]
        self.limit = self.starts[min(last, len(self.starts) - 1)]
        if self.chars:
            self._emit_at(BLOCK_BREAK, max(self.cursor - 1, 0))
        for child in tok.children or ():
            kind = child.type
            if kind in ("text", "code_inline"):
                self._find(child.content)
            elif kind in ("softbreak", "hardbreak"):
                at = self.source.find("\n", self.cursor, self.limit)
                self._emit_at(" ", at if at >= 0 else self.cursor)
                if at >= 0:
                    self.cursor = at + 1
            elif kind == "link_close":
                self._skip_destination()
            elif kind == "image":
                at = self.source.find("![", self.cursor, self.limit)
                if at >= 0:
                    self.cursor = at + 1
                    self._skip_bracketed("[", "]")
                    self._skip_destination(opened=False)
            elif kind == "html_inline":
                at = self.source.find(child.content, self.cursor, self.limit)
                if at >= 0:
                    self.cursor = at + len(child.content)

    def _emit_at(self, text: str, pos: int) -> None:
        self.chars.extend(text)
        self.offsets.extend([pos] * len(text))

    def _find(self, text: str) -> None:
        """Each character of ``text`` at its next occurrence in the source (escapes, markers skipped)."""
        src, limit = self.source, self.limit
        for c in text:
            at = src.find(c, self.cursor, limit)
            if at < 0 and c == " ":
                at = src.find("\n", self.cursor, limit)
            self.chars.append(c)
            if at < 0:  # an entity (&amp;) or a character the renderer made: where the cursor is
                self.offsets.append(min(self.cursor, len(src) - 1) if src else 0)
            else:
                self.offsets.append(at)
                self.cursor = at + 1

    def _skip_destination(self, opened: bool = True) -> None:
        """Past the ``](destination)`` or ``][label]`` of a link whose words were just read."""
        src = self.source
        if opened:
            at = src.find("]", self.cursor, self.limit)
            if at < 0:
                return
            self.cursor = at + 1
        if src.startswith("(", self.cursor):
            self._skip_bracketed("(", ")")
        elif src.startswith("[", self.cursor):
            self._skip_bracketed("[", "]")

    def _skip_bracketed(self, open_: str, close: str) -> None:
        """Past a bracketed stretch starting at the cursor (nesting and backslash escapes counted)."""
        src, depth, i = self.source, 0, self.cursor
        while i < self.limit:
            c = src[i]
            if c == "\\":
                i += 2
                continue
            if c == open_:
                depth += 1
            elif c == close:
                depth -= 1
                if depth == 0:
                    self.cursor = i + 1
                    return
            i += 1
