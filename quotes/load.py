"""Stage 1, load: turn paths into :class:`~quotes.records.Document` objects.

Text is decoded from bytes (never through text mode), so line endings are kept
and every offset the pipeline reports points into the file exactly as it is.
Bad inputs do not stop a run: :func:`load_documents` yields a
:class:`LoadError` for each one, in order, and goes on with the rest.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
STDIN = "-"
#: Double quotation marks one document may hold. A long news article has a few
#: hundred at most, a long transcript a few thousand; a text with more is a data dump
#: or mark soup, not an article, and is refused with its count rather than indexed
#: as thousands of "quotations". (Detection and attribution are linear: see bench/.)
MAX_MARKS = 5000
MARKS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02')
#: Fewer words than this in what trafilatura keeps of a page (a menu, a cookie notice) is no article.
MIN_HTML_WORDS = 8
#: Share of control characters (other than tab, newlines, form feed) above which a text is binary.
MAX_CONTROL = 0.05


@dataclass(slots=True)
class LoadError:
    """One input that could not be read, and why, in a single line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class InputError(Exception):
    """Raised inside this module; turned into a :class:`LoadError` for callers."""


def expand(paths: Iterable[str]) -> Iterator[str | LoadError]:
    """Each path as given, directories replaced by the supported files below them."""
    for raw in paths:
        if raw == STDIN:
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                yield LoadError(raw, f"no supported files in this directory (looked for {', '.join(SUPPORTED)})")
            yield from (str(f) for f in found)
        elif p.exists():
            yield raw
        else:
            yield LoadError(raw, "no such file or directory")


def decode(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """Bytes to text, refusing binary files and naming the encoding that failed."""
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (it holds NUL bytes), not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"not valid {encoding} (byte {e.start}); choose another with --encoding") from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    text = text[1:] if text.startswith("\ufeff") else text
    sample = text[:8192]
    control = sum(1 for c in sample if c < " " and c not in "\t\n\r\f" or "\x7f" <= c < "\xa0")
    if control > MAX_CONTROL * len(sample):
        raise InputError(f"binary file ({control} control characters in the first {len(sample)}), not text")
    return text


def check_marks(text: str) -> None:
    """Refuse a text with more quotation marks than any article (see :data:`MAX_MARKS`)."""
    marks = sum(text.count(m) for m in MARKS)
    if marks > MAX_MARKS:
        raise InputError(f"{marks:,} quotation marks, over the limit of {MAX_MARKS:,} for one document "
                         "(split it into articles)")


def read_bytes(path: str, max_bytes: int) -> bytes:
    """The raw bytes of a file or of stdin, refusing anything over ``max_bytes``."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            size = Path(path).stat().st_size
            if size > max_bytes:
                raise InputError(f"file is {size:,} bytes, over the --max-bytes limit of {max_bytes:,}")
            data = Path(path).read_bytes()
        except OSError as e:
            raise InputError(e.strerror or str(e)) from None
    if len(data) > max_bytes:
        raise InputError(f"input is over the --max-bytes limit of {max_bytes:,}")
    return data


def from_html(html: str, path: str) -> Document:
    """Article text and metadata out of a news page, with trafilatura."""
    import trafilatura  # lxml and its models cost a second: only for HTML

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    words = len(text.split()) if text else 0
    if words < MIN_HTML_WORDS:
        raise InputError(f"HTML page with no article text ({words} words outside menus and boilerplate)")
    meta = trafilatura.extract_metadata(html)
    get = (lambda k: getattr(meta, k, None) or None) if meta else (lambda k: None)
    return Document(path=path, text=text, title=get("title"), url=get("url"), date=get("date"),
                    outlet=get("sitename"), author=get("author"))


def from_jsonl(text: str, path: str) -> Iterator[Document | LoadError]:
    """One document per line holding a JSON object with ``text``; bad lines named, the rest kept."""
    import orjson  # only for JSON Lines input

    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError:
            yield LoadError(where, "line is not valid JSON")
            continue
        body = obj.get("text") if isinstance(obj, dict) else None
        if not isinstance(body, str) or not body.strip():
            yield LoadError(where, "line has no \"text\" field with article text")
            continue
        try:
            check_marks(body)
        except InputError as e:
            yield LoadError(where, str(e))
            continue
        meta = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in ("title", "url", "date", "outlet", "author")}
        yield Document(path=str(obj.get("id") or obj.get("url") or where), text=body, **meta)


def load_path(path: str, *, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | LoadError]:
    """The documents one path holds (a ``.jsonl`` file holds many)."""
    try:
        text = decode(read_bytes(path, max_bytes), path, encoding)
        suffix = Path(path).suffix.lower()
        if suffix in HTML_SUFFIXES:
            doc = from_html(text, path)
            check_marks(doc.text)
            yield doc
        elif suffix in JSONL_SUFFIXES:
            yield from from_jsonl(text, path)
        else:
            check_marks(text)
            yield Document(path=path, text=text)
    except InputError as e:
        yield LoadError(path, str(e))


def load_documents(paths: Iterable[str], *, encoding: str = "utf-8",
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | LoadError]:
    """Every document under ``paths`` in order, with a :class:`LoadError` in place of each bad one."""
    for item in expand(paths):
        if isinstance(item, LoadError):
            yield item
        else:
            yield from load_path(item, encoding=encoding, max_bytes=max_bytes)
