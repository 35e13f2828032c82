"""The FastAPI application: the JSON API under /api and the HTML explorer at /.

Both halves call the same store methods (the one query layer), so the CLI, the
API and the pages cannot disagree. Every error the API returns has one shape::

    {"error": {"status": 404, "message": "no speaker with id 42"}}

and HTML pages get the same status with an HTML error page. Every response
carries the security headers of ``SECURITY_HEADERS`` and a Content-Security-
Policy that allows scripts and styles from this server only (no inline script).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from ..errors import MissingExtra, ModelNotFound, OnrecordError, StoreError

try:
    import fastapi_offline
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException as StarletteHTTPException
except ImportError as error:  # pragma: no cover - exercised by test_missing_extra
    raise MissingExtra("server", error.name or "fastapi") from error

from ..extract import ExtractionFailed, Extractor
from ..store import InvalidQuery, open_store
from . import api, web
from .context import ServerContext

log = logging.getLogger("onrecord.server")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

STATIC_DIR = Path(__file__).parent / "static"
# Swagger UI's script and style sheet, as the fastapi-offline package ships them,
# so /docs needs no CDN (and no network at all).
SWAGGER_DIR = Path(fastapi_offline.__file__).parent / "static"
SWAGGER_ASSETS = "/docs/assets"

# Largest request body accepted, in bytes: a long feature article is ~100 KB of
# text, so 1 MiB leaves room for JSON overhead while refusing accidental uploads.
DEFAULT_MAX_BODY = 1024 * 1024

# The policy of every page: scripts, styles and images from this server only.
# Inline <script>, inline event handlers and style="" attributes are all refused,
# so even a template bug that let article text through unescaped could not run it.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

HTTP_STATUS_TEXT = {
    400: "bad request",
    401: "unauthorized",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    413: "request body too large",
    415: "unsupported media type",
    422: "invalid request",
    500: "internal server error",
    503: "service unavailable",
}


def is_api(path: str) -> bool:
    """Whether a path belongs to the JSON API (errors there are JSON)."""
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def error_response(path: str, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The error response for ``path``: the API's JSON shape, or an HTML page."""
    if is_api(path):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)
    return web.error_page(status, message, headers=headers)


class SecurityHeaders:
    """ASGI middleware: add the security headers to every HTTP response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                wanted = {**SECURITY_HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY}
                for name, value in wanted.items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_body`` bytes with 413.

    Checks ``Content-Length`` first, then counts a streamed (chunked) body as it
    arrives, buffering at most ``max_body`` bytes before handing it on.
    """

    def __init__(self, app: Any, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await error_response(path, 400, "invalid Content-Length header")(scope, receive, send)
                return
            if declared > self.max_body:
                await self._too_large(scope, receive, send)
                return
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            total += len(body)
            if total > self.max_body:
                await self._too_large(scope, receive, send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"request body too large: the limit is {self.max_body} bytes"
        await error_response(scope.get("path", ""), 413, message)(scope, receive, send)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = error.detail if isinstance(error.detail, str) else HTTP_STATUS_TEXT.get(error.status_code, "error")
        if error.status_code == 404 and message == "Not Found":
            message = f"not found: {request.url.path}"
        elif error.status_code == 405 and message == "Method Not Allowed":
            message = f"method {request.method} not allowed on {request.url.path}"
        return error_response(request.url.path, error.status_code, message, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        return error_response(request.url.path, 422, _validation_message(error))

    @app.exception_handler(ModelNotFound)
    async def no_model(request: Request, error: ModelNotFound) -> Response:
        return error_response(request.url.path, 503, str(error))

    @app.exception_handler(ExtractionFailed)
    async def extraction_failed(request: Request, error: ExtractionFailed) -> Response:
        log.error("%s", error)
        return error_response(request.url.path, 500, str(error))

    @app.exception_handler(InvalidQuery)
    async def invalid_query(request: Request, error: InvalidQuery) -> Response:
        return error_response(request.url.path, 400, str(error))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> Response:
        # The driver's message names the database file or server and quotes SQL:
        # it goes to the log, and the client learns only that the database failed.
        log.error("store error on %s: %s", request.url.path, error)
        return error_response(request.url.path, 500, "database error (details are in the server log)")

    @app.exception_handler(OnrecordError)
    async def onrecord_error(request: Request, error: OnrecordError) -> Response:
        return error_response(request.url.path, 500, str(error))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        # The traceback is logged by the server; the client learns nothing internal.
        # This handler runs outside the middleware stack, so it adds the headers itself.
        headers = {**SECURITY_HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY}
        return error_response(request.url.path, 500, "internal server error", headers=headers)


def _swagger_page() -> Response:
    """Swagger UI at /docs: local assets, started by a static script, under the common policy."""
    return web.page("docs.html", title="onrecord API", assets=SWAGGER_ASSETS, openapi_url="/openapi.json")


def create_app(
    db_url: str,
    *,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    extractor: Extractor | None = None,
) -> FastAPI:
    """Build the onrecord web application over one database.

    Args:
        db_url: a SQLite file path, ``sqlite:///PATH`` or ``postgresql://…``;
            opened now, so a bad URL fails before the server starts listening.
        token: the bearer token that enables ``POST /api/articles``; None keeps
            the server read-only (that route then answers 403).
        max_body: largest request body accepted, in bytes; larger ones get 413.
        extractor: the extractor for /api/extract, /analyse and ingest; default
            ``Extractor()``, whose spaCy pipeline loads on first use.

    Returns:
        The FastAPI application (an ASGI app for uvicorn or a test client).

    Raises:
        StoreError: the database cannot be opened.
        MissingExtra: the ``server`` extra is not installed.
    """
    store = open_store(db_url)
    context = ServerContext(store=store, extractor=extractor or Extractor(), token=token or None, max_body=max_body)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="onrecord",
        summary="Who said what, to whom, according to whom, and when.",
        description=(
            "Search the attributions extracted from a corpus of news articles, and analyse new "
            "articles on the fly. Read-only unless the server was started with a token. Every "
            'error is `{"error": {"status": int, "message": str}}`.'
        ),
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.context = context
    _install_error_handlers(app)
    app.add_api_route("/docs", _swagger_page, include_in_schema=False, methods=["GET"])
    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount(SWAGGER_ASSETS, StaticFiles(directory=SWAGGER_DIR), name="swagger")
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(SecurityHeaders)  # added last = outermost: errors get headers too
    return app


def _version() -> str:
    from .. import __version__

    return __version__
