"""The FastAPI application: the JSON API under /api and the HTML explorer at /.

Both halves call the same store methods (the one query layer), so the CLI, the
API and the pages cannot disagree. Extraction runs in worker processes with a
deadline (``workers``), so a heavy post never stalls the reads. Every error
the API returns has one shape::

    {"error": {"status": 404, "message": "no speaker with id 42"}}

and HTML pages get the same status with an HTML error page. Every response
carries the security headers of ``SECURITY_HEADERS`` and a Content-Security-
Policy that allows scripts and styles from this server only (no inline script).

A server on localhost is reachable from any web page its user visits, so it
answers only requests whose Host header names it (``AllowedHosts``: a page on
another site, even one whose name resolves to 127.0.0.1, is refused), the API
takes JSON only and the explorer's form carries a token (``csrf``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from ..errors import MissingExtra, ModelNotFound, OnrecordError, StoreError, TooComplex

try:
    import fastapi_offline
    from anyio import to_thread
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException as StarletteHTTPException
except ImportError as error:  # pragma: no cover - exercised by test_missing_extra
    raise MissingExtra("server", error.name or "fastapi") from error

from ..extract import ExtractionFailed, Extractor
from ..store import InvalidQuery
from . import api, web
from .context import ServerContext
from .csrf import FormTokens
from .stores import StorePool
from .workers import DEFAULT_TIMEOUT_S, DeadlineExceeded, ExtractionPool, PoolBusy, WorkerStartFailed, default_workers

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

# The host names a server answers to besides the address it is bound to.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")

# Seconds a client told "busy" (503) is asked to wait before trying again.
RETRY_AFTER_S = 5

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
    504: "extraction timed out",
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


def host_name(header: str) -> str:
    """The host of a Host header, without its port, lowercase: ``[::1]:8000`` -> ``::1``."""
    host = header.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


class AllowedHosts:
    """ASGI middleware: refuse (400) a request whose Host header is not one this server answers to.

    This defeats DNS rebinding: a page at evil.example whose name is made to
    resolve to 127.0.0.1 can reach the server, but its requests say
    ``Host: evil.example``. ``"*"`` among the hosts accepts any.
    """

    def __init__(self, app: Any, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = {host_name(h) for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.hosts:
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if host_name(header) in self.hosts:
            await self.app(scope, receive, send)
            return
        message = (
            f"this server does not answer to the host {header!r}: start it with --allow-host NAME "
            "to serve it under that name"
        )
        await error_response(scope.get("path", ""), 400, message)(scope, receive, send)


class HeadAsGet:
    """ASGI middleware: HEAD answers as GET would, headers and all, without the body.

    FastAPI routes list GET only, so HEAD would be 405; a client checking a
    page (a link checker, ``curl -I``) expects the GET answer's status.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


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

    @app.exception_handler(PoolBusy)
    async def busy(request: Request, error: PoolBusy) -> Response:
        return error_response(request.url.path, 503, str(error), headers={"Retry-After": str(RETRY_AFTER_S)})

    @app.exception_handler(WorkerStartFailed)
    async def no_worker(request: Request, error: WorkerStartFailed) -> Response:
        log.error("%s", error)
        return error_response(request.url.path, 503, str(error))

    @app.exception_handler(DeadlineExceeded)
    async def overran(request: Request, error: DeadlineExceeded) -> Response:
        return error_response(request.url.path, 504, str(error))

    @app.exception_handler(ExtractionFailed)
    async def extraction_failed(request: Request, error: ExtractionFailed) -> Response:
        log.error("%s", error)
        return error_response(request.url.path, 500, str(error))

    @app.exception_handler(TooComplex)
    async def too_complex(request: Request, error: TooComplex) -> Response:
        # the input, not the server: the article went past its time or memory budget
        return error_response(request.url.path, 422, str(error))

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
    workers: int | None = None,
    timeout: float | None = None,
    hosts: Iterable[str] = (),
) -> FastAPI:
    """Build the onrecord web application over one database.

    Args:
        db_url: a SQLite file path, ``sqlite:///PATH`` or ``postgresql://…``;
            opened now, so a bad URL fails before the server starts listening.
        token: the bearer token that enables ``POST /api/articles``; None keeps
            the server read-only (that route then answers 403).
        max_body: largest request body accepted, in bytes; larger ones get 413.
        extractor: the extractor for /api/extract, /analyse and ingest; default
            ``Extractor()``. Each worker process loads its own copy when the
            server starts (the lifespan), before it takes requests.
        workers: extraction worker processes; default ``workers.default_workers()``.
        timeout: seconds an extraction request may take (default
            ``workers.DEFAULT_TIMEOUT_S``) before 503 (no worker
            was free) or 504 (it ran too long and its worker was stopped).
        hosts: host names to answer to besides ``LOCAL_HOSTS`` (``onrecord serve``
            adds its bound address); ``"*"`` answers to any.

    Returns:
        The FastAPI application (an ASGI app for uvicorn or a test client).

    Raises:
        StoreError: the database cannot be opened.
        MissingExtra: the ``server`` extra is not installed.
    """
    pool = ExtractionPool(
        extractor or Extractor(), workers=workers or default_workers(), timeout=timeout or DEFAULT_TIMEOUT_S
    )
    store = StorePool(db_url)
    context = ServerContext(store=store, pool=pool, forms=FormTokens(), token=token or None, max_body=max_body)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # The workers load before the server listens: no request waits on a model load.
        await to_thread.run_sync(pool.start)
        try:
            yield
        finally:
            pool.close()
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
    app.add_middleware(HeadAsGet)
    app.add_middleware(AllowedHosts, hosts=[*LOCAL_HOSTS, *hosts])
    app.add_middleware(SecurityHeaders)  # added last = outermost: errors get headers too
    return app


def _version() -> str:
    from .. import __version__

    return __version__
