"""The web pages of ``quotes serve``: a Starlette app over the library (``quotes.index``, ``quotes.verify``).

Everything a page shows comes from the index through the same functions the CLI
calls; this module only reads requests and renders Jinja2 templates with
autoescaping on, so article text and drafts are always shown as text. No page
loads a script: the Content-Security-Policy forbids any, inline or not.

Read-only unless built with ``allow_edits``: then merge, rename and reassign are
POSTs carrying the page's CSRF token, written through :class:`~quotes.index.core.Index`
(locked, atomic) as the CLI writes them. The draft check is a POST too, with
the same token. Request bodies over :data:`MAX_BODY` bytes are refused (413).
"""
from __future__ import annotations

import hmac
import math
import re
import secrets
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..draft import from_text
from ..export import tidy
from ..index.core import AmbiguousSpeaker, Index, QuoteNotFound, SpeakerNotFound
from ..index.source import paragraph
from ..verify import checker_for, summary, verify_drafts

HERE = Path(__file__).resolve().parent
PAGE = 50
#: The largest request body accepted (a pasted or uploaded draft): 2 MB.
MAX_BODY = 2 * 1024 * 1024
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KINDS = ("direct", "partial", "indirect", "title", "scare", "heading", "nickname")
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class BodyLimit:
    """ASGI middleware: a request whose body is larger than ``limit`` bytes gets 413, declared or streamed."""

    def __init__(self, app: Any, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await Response("request too large", 413)(scope, receive, send)
        seen = 0

        async def limited() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, "request too large")
            return message

        await self.app(scope, limited, send)


class SecurityHeaders:
    """ASGI middleware: the headers of :data:`HEADERS` on every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(db: str | Path, *, allow_edits: bool = False, model: str | None = None) -> Starlette:
    """The web app over the index at ``db``."""
    db = Path(db)
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["tidy"] = tidy  # a quotation's words without the sentence's trailing comma, as the export prints them
    token = secrets.token_urlsafe(32)
    state: dict[str, Any] = {}

    def index() -> Index:
        if "index" not in state:
            state["index"] = Index(str(db), readonly=True)
        return state["index"]

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(request=request, csrf=token, edits=allow_edits, db=db.name, **context)
        return HTMLResponse(html, status_code=status)

    async def form(request: Request) -> Any:
        """The POSTed form, refused (403) unless it carries this app's CSRF token."""
        data = await request.form()
        sent = data.get("csrf")
        if not isinstance(sent, str) or not hmac.compare_digest(sent, token):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
        return data

    def editing() -> None:
        if not allow_edits:
            raise HTTPException(403, "read-only: start with quotes serve --allow-edits to correct the index")

    def number(value: str | None) -> int:
        return max(1, int(value)) if value and value.isdigit() else 1

    async def home(request: Request) -> Response:
        return RedirectResponse("/speakers", 302)

    async def speakers(request: Request) -> Response:
        q = (request.query_params.get("q") or "").strip()
        kind = request.query_params.get("type") or ""
        rows = index().find_speakers(q) if q else index().list_speakers()
        if kind:
            rows = [r for r in rows if r["type"] == kind]
        n, at = len(rows), number(request.query_params.get("page"))
        return page(request, "speakers.html", rows=rows[(at - 1) * PAGE: at * PAGE], total=n, q=q, kind=kind,
                    page_no=at, pages=max(1, math.ceil(n / PAGE)))

    async def speaker(request: Request) -> Response:
        sid = request.path_params["sid"]
        found = index().find_speakers(sid)
        found = [s for s in found if s["id"] == sid]
        if not found:
            raise HTTPException(404, "no such speaker")
        p = request.query_params
        filters = {k: (p.get(k) or "").strip() or None for k in ("doc", "venue", "since", "until", "search", "kind")}
        for k in ("since", "until"):
            if filters[k] and not DATE.match(filters[k]):
                raise HTTPException(400, f"{k}: use YYYY, YYYY-MM or YYYY-MM-DD")
        kinds = (filters["kind"],) if filters["kind"] in KINDS else ("direct", "partial", "indirect")
        rows = index().list_quotes(speaker=sid, doc=filters["doc"], venue=filters["venue"], since=filters["since"],
                                   until=filters["until"], search=filters["search"], kinds=kinds)
        n, at = len(rows), number(p.get("page"))
        return page(request, "speaker.html", speaker=found[0], rows=rows[(at - 1) * PAGE: at * PAGE], total=n,
                    f=filters, kinds=KINDS, page_no=at, pages=max(1, math.ceil(n / PAGE)),
                    others=[s for s in index().list_speakers() if s["id"] != sid][:500] if allow_edits else [])

    async def quote(request: Request) -> Response:
        row = index().get_quote(request.path_params["qid"])
        if row is None:
            raise HTTPException(404, "no such quotation")
        doc = index().get_document(row["doc_id"]) or {}
        para = paragraph(row, doc)
        at = para.get("paragraph_start")
        text = para["paragraph"]
        if at is None:
            parts = [(text, False)]
        else:
            s, e = row["start"] - at, row["end"] - at
            parts = [(text[:s], False), (text[s:e], True), (text[e:], False)]
        return page(request, "quote.html", row=row, parts=parts, source=para["paragraph_from"])

    async def documents(request: Request) -> Response:
        rows = index().list_documents()
        n, at = len(rows), number(request.query_params.get("page"))
        return page(request, "documents.html", rows=rows[(at - 1) * PAGE: at * PAGE], total=n, page_no=at,
                    pages=max(1, math.ceil(n / PAGE)))

    async def document(request: Request) -> Response:
        doc = index().get_document(request.path_params["did"])
        if doc is None:
            raise HTTPException(404, "no such document")
        rows = index().list_quotes(doc=doc["id"], kinds=None)
        return page(request, "document.html", doc=doc, rows=rows)

    async def check(request: Request) -> Response:
        if request.method == "GET":
            return page(request, "check.html", lines=None, text="")
        data = await form(request)
        upload = data.get("file")
        text = data.get("draft") or ""
        if upload is not None and not isinstance(upload, str) and upload.filename:
            raw = await upload.read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                return page(request, "check.html", status=400, lines=None, text="",
                            problem="the file is not UTF-8 text; save it as UTF-8 Markdown or plain text")
        text = str(text).replace("\r\n", "\n")
        found = verify_drafts(index(), [from_text("draft.md", text)], model=model, checker=checker_for(index()))
        return page(request, "check.html", lines=draft_lines(text, [(c.start, c.end, c.verdict) for c in found]),
                    text=text, summary=summary([c.verdict for c in found]))

    def edit(action: Any) -> Any:
        async def handler(request: Request) -> Response:
            editing()
            data = await form(request)
            writer = Index(str(db))
            try:
                where = action(writer, request.path_params, data)
            except (SpeakerNotFound, AmbiguousSpeaker, QuoteNotFound, ValueError) as e:
                raise HTTPException(400, str(e.args[0]))
            finally:
                writer.close()
            return RedirectResponse(where, 303)
        return handler

    def rename(ix: Index, path: dict, data: Any) -> str:
        row = ix.rename_speaker(path["sid"], str(data.get("name") or ""))
        return f"/speakers/{row['id']}"

    def merge(ix: Index, path: dict, data: Any) -> str:
        other = str(data.get("other") or "")
        row = ix.merge_speakers(path["sid"], int(other) if other.isdigit() else other)
        return f"/speakers/{row['id']}"

    def reassign(ix: Index, path: dict, data: Any) -> str:
        who = str(data.get("speaker") or "").strip()
        row = ix.reassign_quote(path["qid"], (int(who) if who.isdigit() else who) or None)
        return f"/quotes/{row['id']}"

    async def failed(request: Request, exc: HTTPException) -> Response:
        return page(request, "error.html", status=exc.status_code, status_code=exc.status_code, detail=exc.detail)

    routes = [
        Route("/", home),
        Route("/speakers", speakers),
        Route("/speakers/{sid:int}", speaker),
        Route("/speakers/{sid:int}/rename", edit(rename), methods=["POST"]),
        Route("/speakers/{sid:int}/merge", edit(merge), methods=["POST"]),
        Route("/quotes/{qid}", quote),
        Route("/quotes/{qid}/reassign", edit(reassign), methods=["POST"]),
        Route("/documents", documents),
        Route("/documents/{did}", document),
        Route("/check", check, methods=["GET", "POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: failed},
                     middleware=[Middleware(SecurityHeaders), Middleware(BodyLimit)])


def draft_lines(text: str, found: list) -> list[dict[str, Any]]:
    """The draft line by line (numbered from 1), each line cut into pieces of plain text and of quotation
    (with its verdict), and the verdicts of the quotations that start on it. ``found`` holds (start,
    end, verdict) of each quotation, positions in the draft as written."""
    lines, at = [], 0
    spans = sorted(found, key=lambda t: t[0])
    for no, line in enumerate(text.split("\n"), 1):
        end = at + len(line)
        pieces, pos = [], at
        notes = []
        for s, e, v in spans:
            if e <= at or s >= end:
                continue
            s, e = max(s, at, pos), min(e, end)
            if s > pos:
                pieces.append((text[pos:s], None))
            pieces.append((text[s:e], v.verdict))
            pos = e
        for s, _, v in spans:
            if at <= s <= end:
                notes.append(v)
        if pos < end:
            pieces.append((text[pos:end], None))
        lines.append({"no": no, "pieces": pieces, "verdicts": notes})
        at = end + 1
    return lines
