"""Stage 1, load: turn paths into :class:`~quotes.records.Document` objects.

Text is decoded from bytes (never through text mode), so line endings are kept
and every offset the pipeline reports points into the file exactly as it is.
Bad inputs do not stop a run: :func:`load_documents` yields a
:class:`LoadError` for each one, in order, and goes on with the rest.

Over the project's ~450 lines (474) since web input landed: every input format (text, Markdown with
front matter, HTML, JSON Lines, URLs) funnels into one Document here, and they share the decoding and
the size and encoding checks; the next split is a load/ package with one module a format.
"""
from __future__ import annotations

import codecs
import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .dates import DateError, parse_date
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
#: …per this many characters: long texts (transcripts, hearings) are parsed in pieces, so the limit
#: grows with the length and only a density no prose has is refused.
MARKS_PER_CHARS = 100_000
MARKS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02')
#: Fewer words than this in what trafilatura keeps of a page (a menu, a cookie notice) is no article.
MIN_HTML_WORDS = 8
#: Share of control characters (other than tab, newlines, form feed) above which a text is binary.
MAX_CONTROL = 0.05
#: ``encoding`` meaning: the byte-order mark, the page's declared charset, UTF-8, then charset-normalizer's guess.
AUTO = "auto"
#: A page's own charset declaration: ``<meta charset=…>``, ``<meta http-equiv … content="…; charset=…">``,
#: or an XML declaration, looked for in its first bytes (as browsers do).
DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
                      re.I)
#: What WHATWG's encoding standard reads these labels as (a page saying latin-1 is decoded as windows-1252).
WHATWG = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "latin1": "windows-1252", "us-ascii": "windows-1252",
          "ascii": "windows-1252", "iso-8859-9": "windows-1254", "tis-620": "windows-874"}
#: The languages the attribution can read (spaCy pipelines of this package); others keep their quotes, no speakers.
ATTRIBUTED_LANGUAGES = ("en",)
#: Below this many letters a text is too short to tell its language reliably: it is taken as English.
MIN_LANGUAGE_LETTERS = 200
#: An extraction is flagged as near-empty when it keeps fewer words than this…
SMALL_EXTRACTION_WORDS = 150
#: …and less than this share of the words a reader sees on the page.
SMALL_EXTRACTION_SHARE = 0.2
#: Below this many bytes charset-normalizer guesses wildly (a 15-byte latin-1 line read as Urdu): windows-1252 is tried first.
SHORT_BYTES = 1024
#: On a tie between charset-normalizer's guesses, these win, in this order (the commonest on the web).
COMMON = ("cp1252", "iso8859_15", "cp1251", "shift_jis", "euc_kr", "gb2312", "big5")
URL_SCHEMES = ("http://", "https://")
#: Seconds to wait for a web server: to connect, and between two reads.
FETCH_TIMEOUT = 20.0
USER_AGENT = "quotes/0.1 (newsroom quotation index; +https://pypi.org/project/newsroom-quotes/)"


@dataclass(slots=True)
class LoadError:
    """One input that could not be read, and why, in a single line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class Skipped:
    """A file in a folder that was left out on purpose (hidden, or of a type we do not read), and why.

    Not an error: a summary lists them so nothing is left out silently."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class InputError(Exception):
    """Raised inside this module; turned into a :class:`LoadError` for callers."""


def is_url(raw: str) -> bool:
    return raw.lower().startswith(URL_SCHEMES)


def expand(paths: Iterable[str]) -> Iterator[str | LoadError | Skipped]:
    """Each path as given, directories replaced by the supported files below them (and a :class:`Skipped`
    for each file or hidden folder left out)."""
    for raw in paths:
        if raw == STDIN or is_url(raw):
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            found, skipped = walk(p)
            if not found:
                yield LoadError(raw, f"no supported files in this directory (looked for {', '.join(SUPPORTED)})")
            yield from (str(f) for f in found)
            yield from skipped
        elif p.exists():
            yield raw
        else:
            yield LoadError(raw, "no such file or directory")


def walk(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """The supported files under ``folder``, sorted, and what was left out with the reason."""
    found: list[Path] = []
    skipped: list[Skipped] = []
    hidden_dirs: list[Path] = []
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder).parts
        if any(folder.joinpath(*rel[:i + 1]) in hidden_dirs for i in range(len(rel) - 1)):
            continue
        if f.is_dir():
            if f.name.startswith("."):
                hidden_dirs.append(f)
                skipped.append(Skipped(str(f), "hidden folder"))
            continue
        if not f.is_file():
            continue
        if f.name.startswith("."):
            skipped.append(Skipped(str(f), "hidden file"))
        elif not f.suffix:
            skipped.append(Skipped(str(f), "no extension (name it .txt, .md or .html to read it)"))
        elif f.suffix.lower() not in SUPPORTED:
            skipped.append(Skipped(str(f), f"{f.suffix.lower()} is not a type quotes reads"))
        else:
            found.append(f)
    return found, skipped


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares for itself in its first 4 KB (``None`` if none or unknown to Python)."""
    m = DECLARED.search(data[:4096])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii").strip().lower()
    label = WHATWG.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _bom(data: bytes) -> str | None:
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    return None


def sniff(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding used) for bytes of unknown encoding.

    In order: a byte-order mark; the encoding the page or the server declares
    (``declared``, else a ``<meta charset>``), if the bytes decode with it; UTF-8;
    then charset-normalizer's best guess."""
    bom = _bom(data)
    if bom:
        return data.decode("utf-8-sig" if bom == "utf-8" else bom), bom
    if b"\x00" in data[:8192]:
        raise InputError("binary file (it holds NUL bytes), not text")
    tried = []
    for name in (declared, declared_charset(data), "utf-8"):
        if not name or name in tried:
            continue
        tried.append(name)
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            if name == "cp1252":   # a page saying latin-1 with bytes windows-1252 leaves undefined
                return data.decode("latin-1"), "iso8859-1"
            continue
    if len(data) < SHORT_BYTES:   # too few bytes for a detector: the commonest non-UTF-8 encoding of Western text
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    # charset-normalizer builds its tables on import: only when a file is not UTF-8 and declares nothing
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:   # a tie (cp1250 and cp1252 read French equally well): the commoner encoding wins
        tied = [m for m in matches if m.chaos == best.chaos and m.coherence >= best.coherence]
        best = next((m for name in COMMON for m in tied if m.encoding == name), best)
    if best is None or best.encoding is None:
        raise InputError(f"cannot tell the encoding (not {', '.join(tried)}); choose one with --encoding")
    return str(best), codecs.lookup(best.encoding).name


def decode(data: bytes, path: str, encoding: str | None = AUTO, declared: str | None = None) -> tuple[str, str]:
    """Bytes to (text, encoding used), refusing binary files and naming the encoding that failed.

    ``encoding`` ``auto`` (or ``None``) finds it (:func:`sniff`); any other name is used as given."""
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192] and not _bom(data):
        raise InputError("binary file (it holds NUL bytes), not text")
    if encoding in (None, AUTO):
        text, used = sniff(data, declared)
    else:
        try:
            text, used = data.decode(encoding), codecs.lookup(encoding).name
        except UnicodeDecodeError as e:
            raise InputError(f"not valid {encoding} (byte {e.start}); choose another with --encoding, "
                             "or leave it out to detect it") from None
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
    text = text[1:] if text.startswith("\ufeff") else text
    sample = text[:8192]
    control = sum(1 for c in sample if c < " " and c not in "\t\n\r\f" or "\x7f" <= c < "\xa0")
    if control > MAX_CONTROL * len(sample):
        raise InputError(f"binary file ({control} control characters in the first {len(sample)}), not text")
    return text, used


def check_marks(text: str) -> None:
    """Refuse a text with more quotation marks than any article (see :data:`MAX_MARKS`)."""
    marks = sum(text.count(m) for m in MARKS)
    limit = max(MAX_MARKS, MAX_MARKS * len(text) // MARKS_PER_CHARS)   # a long transcript may hold more
    if marks > limit:
        raise InputError(f"{marks:,} quotation marks, over the limit of {limit:,} for one document "
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
    """Article text and metadata out of a news page, with trafilatura.

    The main-content choice is kept strict (precision first, no comments, no
    tables); when what it keeps is tiny against the words the page shows (a
    caption, a teaser: the article may live in a script's JSON), the document
    carries a warning."""
    import trafilatura  # trafilatura pulls in lxml and its extractors: only when a page is read

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    words = len(text.split()) if text else 0
    if words < MIN_HTML_WORDS:
        raise InputError(f"HTML page with no article text ({words} words outside menus and boilerplate)")
    meta = trafilatura.extract_metadata(html)
    get = (lambda k: getattr(meta, k, None) or None) if meta else (lambda k: None)
    doc = Document(path=path, text=text, title=get("title"), url=get("url"), date=lenient_date(get("date")),
                   outlet=get("sitename"), author=get("author"))
    if words < SMALL_EXTRACTION_WORDS:
        shown = len((trafilatura.html2txt(html) or "").split())
        if words < SMALL_EXTRACTION_SHARE * shown:
            doc.warnings.append(f"near-empty extraction: {words} words kept of the {shown} the page shows "
                                "(the article may be in a script or elsewhere on the page); check it")
    return doc


#: YAML-style front matter at the very start of a Markdown file.
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
FRONT_KEYS = {"title": "title", "date": "date", "url": "url", "link": "url", "outlet": "outlet",
              "publication": "outlet", "source": "outlet", "author": "author", "byline": "author"}


def front_matter(text: str) -> tuple[str, dict[str, str]]:
    """(text with its front matter blanked, the metadata it gave).

    The block is replaced by spaces (line breaks kept), so every offset still
    points into the file as it is and nothing in it is read as a quotation.
    Only flat ``key: value`` lines are read (title, date, url, outlet, author)."""
    m = FRONT_MATTER.match(text)
    if not m:
        return text, {}
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        field_ = FRONT_KEYS.get(key.strip().lower())
        value = value.strip()
        if sep and field_ and value and not line[:1].isspace():
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            meta.setdefault(field_, value)
    blank = "".join(c if c in "\r\n" else " " for c in m.group(0))
    return blank + text[m.end():], meta


def headline(text: str) -> str | None:
    """A plain text's first line when it reads as a headline: short, followed by a blank line, no final full stop."""
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if (not first or len(first) > 150 or first.endswith((".", ",", ";", ":")) or first[0] in "\"'“‘«"
            or not rest.lstrip(" \t\r").startswith("\n")):
        return None
    return first


def lenient_date(value: str | None) -> str | None:
    """A date from a page or a file as ``YYYY[-MM[-DD]]``, or ``None`` when it does not read as one."""
    if not value:
        return None
    try:
        return parse_date(value)
    except DateError:
        return None


def identify_language(doc: Document) -> None:
    """Set ``doc.language`` (when the text is long enough to tell) and warn when no pipeline reads it."""
    letters = sum(1 for c in doc.text[:20000] if c.isalpha())
    if letters < MIN_LANGUAGE_LETTERS:
        return
    # py3langid loads its model (a few MB) on import: only when a document is read
    import py3langid

    doc.language = py3langid.classify(doc.text[:20000])[0]
    if doc.language not in ATTRIBUTED_LANGUAGES:
        doc.warnings.append(f"language {doc.language}: quotations kept with no speakers "
                            f"(speakers are found in {', '.join(ATTRIBUTED_LANGUAGES)} only)")


def fetch(url: str, max_bytes: int, timeout: float = FETCH_TIMEOUT) -> tuple[bytes, str, str | None, str]:
    """(body, final URL after redirects, charset the server declared, content type) of one web page."""
    import httpx  # about 0.1 s to import, and only URLs need it: kept out of start-up

    try:
        with httpx.Client(follow_redirects=True, timeout=httpx.Timeout(timeout), max_redirects=10,
                          headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise InputError(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
                body = bytearray()
                for part in resp.iter_bytes():
                    body += part
                    if len(body) > max_bytes:
                        raise InputError(f"page is over the --max-bytes limit of {max_bytes:,}")
                ctype = resp.headers.get("content-type", "")
                return bytes(body), str(resp.url), resp.charset_encoding, ctype.split(";")[0].strip().lower()
    except httpx.TimeoutException:
        raise InputError(f"no answer from the server within {timeout:.0f} s") from None
    except httpx.TooManyRedirects:
        raise InputError("too many redirects") from None
    except httpx.InvalidURL as e:
        raise InputError(f"not a valid URL ({e})") from None
    except httpx.HTTPError as e:
        raise InputError(f"cannot fetch ({type(e).__name__}: {e or 'connection failed'})") from None


def from_url(url: str, *, max_bytes: int, keep: str | Path | None) -> Document:
    """A web page fetched now: its article, its URL and fetch time; a copy kept in ``keep`` (a folder) if given.

    The copy is the page as decoded, in UTF-8 with a byte-order mark (so it reads back the same whatever
    the page declared), named by the URL's hash; the document's path is then the copy's."""
    body, final, charset, ctype = fetch(url, max_bytes)
    text, used = decode(body, url, AUTO, declared=charset)
    fetched = datetime.now(timezone.utc).isoformat(timespec="seconds")
    html = ctype in ("text/html", "application/xhtml+xml") or (not ctype and "<html" in text[:2000].lower())
    if not html and not ctype.startswith("text/"):
        raise InputError(f"not a web page or text (content type {ctype or 'unknown'})")
    path = url
    if keep is not None:
        folder = Path(keep)
        copy = folder / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()[:16]}{'.html' if html else '.txt'}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
        except OSError as e:
            raise InputError(f"cannot keep a copy in {folder}: {e.strerror or e}") from None
        path = str(copy.resolve())
    doc = from_html(text, path) if html else Document(path=path, text=text, title=headline(text))
    doc.url, doc.encoding, doc.fetched_at = final, used, fetched
    check_marks(doc.text)
    identify_language(doc)
    return doc


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
        meta["date"] = lenient_date(meta["date"])
        doc = Document(path=str(obj.get("id") or obj.get("url") or where), text=body, **meta)
        identify_language(doc)
        yield doc


def load_path(path: str, *, encoding: str | None = AUTO, max_bytes: int = DEFAULT_MAX_BYTES,
              keep: str | Path | None = None) -> Iterator[Document | LoadError]:
    """The documents one path (or URL) holds (a ``.jsonl`` file holds many).

    ``keep``: the folder where a copy of each fetched web page is kept."""
    try:
        if is_url(path):
            yield from_url(path, max_bytes=max_bytes, keep=keep)
            return
        text, used = decode(read_bytes(path, max_bytes), path, encoding)
        suffix = Path(path).suffix.lower()
        if suffix in HTML_SUFFIXES:
            doc = from_html(text, path)
            check_marks(doc.text)
        elif suffix in JSONL_SUFFIXES:
            for item in from_jsonl(text, path):
                if isinstance(item, Document):
                    item.encoding = used
                yield item
            return
        else:
            meta: dict[str, str] = {}
            if suffix in (".md", ".markdown"):
                text, meta = front_matter(text)
                if "date" in meta:
                    meta["date"] = lenient_date(meta["date"])  # type: ignore[assignment]
            check_marks(text)
            doc = Document(path=path, text=text, **meta)
            doc.title = doc.title or (headline(text) if suffix not in (".md", ".markdown") or not meta else None)
        doc.encoding = used
        identify_language(doc)
        yield doc
    except InputError as e:
        yield LoadError(path, str(e))


def load_documents(paths: Iterable[str], *, encoding: str | None = AUTO, max_bytes: int = DEFAULT_MAX_BYTES,
                   keep: str | Path | None = None) -> Iterator[Document | LoadError | Skipped]:
    """Every document under ``paths`` (files, folders, URLs, ``-``) in order, with a :class:`LoadError` in place
    of each bad one and a :class:`Skipped` for each file a folder holds that is not read."""
    for item in expand(paths):
        if isinstance(item, (LoadError, Skipped)):
            yield item
        else:
            yield from load_path(item, encoding=encoding, max_bytes=max_bytes, keep=keep)
