"""The JSON API under /api: request and error models live here, at the boundary.

Read endpoints call the store's query methods, the same ones the CLI and the
HTML pages use, and declare the store's own shapes (``store.shapes``, and
``model``'s output dicts (docs/output.md) for /extract) as their response models, so the answer
and the API's documented answer are one declaration. ``POST /api/articles`` (ingest) is refused with 403 when the
server was started without a token, and with 401 when the request does not
carry ``Authorization: Bearer TOKEN``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..model import Article, ArticleDict, EntityType, Kind
from ..store.queries import FACET_SIZE
from ..store.shapes import GenderShares, MostQuoted, QuoteDetail, QuotePage, SpeakerDetail, SpeakerPage, StoredArticle
from . import downloads
from .context import ServerContext

# Page sizes: the default of the store, and a ceiling that keeps one response
# (200 hits of a few hundred characters each) well under a megabyte.
DEFAULT_LIMIT = 50
MAX_LIMIT = 200

# A date filter: a year, a month or a day; ``day_range`` turns the first two
# into the first or last day they cover, the ISO day the store compares.
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def day_range(value: str | None, *, end: bool) -> str | None:
    """``2024`` / ``2024-02`` as their first (``end=False``) or last day; a day as itself."""
    if not value:
        return None
    if len(value) == 4:
        return f"{value}-12-31" if end else f"{value}-01-01"
    if len(value) == 7:
        if not end:
            return f"{value}-01"
        import calendar

        year, month = int(value[:4]), int(value[5:7])
        if 1 <= month <= 12:
            return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status code, repeated.")
    message: str = Field(description="What went wrong, for a person to read.")


class ErrorOut(BaseModel):
    """The one error shape of the whole API."""

    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in {
        400: "Bad request (e.g. an invalid cursor)",
        404: "Not found",
        413: "Request body too large",
        422: "Invalid parameters or body",
        500: "Server or database error",
    }.items()
}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


class ExtractIn(BaseModel):
    """An article to analyse: its text and optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    title: str | None = None
    id: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None


class IngestIn(ExtractIn):
    author: str | None = None

    @field_validator("text", "title", "id", "published", "url", "outlet", "author")
    @classmethod
    def _storable(cls, value: str | None) -> str | None:
        # PostgreSQL text cannot hold NUL (the insert would fail as a 500), and
        # both backends refuse it alike so an article stores the same anywhere.
        if value is not None and "\x00" in value:
            raise ValueError("contains a NUL character, which the store cannot hold")
        return value


class IngestOut(BaseModel):
    id: str = Field(description="The article's id in the store.")
    added: bool = Field(description="False when the same text was already stored.")
    attributions: int = Field(description="Attributions found in the article.")


def context_of(request: Request) -> ServerContext:
    return request.app.state.context


async def _read_article(request: Request, model: type[ExtractIn]) -> ExtractIn:
    """The posted article: JSON validated by ``model``.

    JSON only: a web page on another site can make a browser post text/plain
    or a form to a server on localhost without asking, but not JSON (the
    browser first asks the server, which never allows it).
    """
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise HTTPException(415, f"unsupported Content-Type {media!r}: send application/json")
    try:
        return model.model_validate_json(await request.body())
    except ValidationError as error:
        message = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in error.errors())
        raise HTTPException(422, message) from error


_ARTICLE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ExtractIn"}},
        },
    }
}
_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/IngestIn"}},
        },
    }
}


@router.post(
    "/extract",
    response_model=ArticleDict,
    summary="Analyse an article without storing it",
    openapi_extra=_ARTICLE_BODY,
    responses={
        415: {"model": ErrorOut, "description": "Not JSON"},
        503: {"model": ErrorOut, "description": "Every extraction worker is busy: retry after Retry-After seconds"},
        504: {"model": ErrorOut, "description": "The extraction overran the server's deadline"},
    },
)
async def extract(request: Request) -> Any:
    """Find the attributions in a posted article (JSON with ``text`` and metadata)."""
    posted = await _read_article(request, ExtractIn)
    context = context_of(request)
    meta = posted.model_dump(exclude={"text"})
    article = await run_in_threadpool(context.extract, posted.text, **meta)
    return article.to_dict()


def attribution_filters(
    q: Annotated[str | None, Query(description="Full-text query on the quote content.")] = None,
    speaker: Annotated[str | None, Query(description="Speaker name (or id).")] = None,
    since: Annotated[str | None, Query(pattern=DATE_PATTERN, description="Earliest date, YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN, description="Latest date, YYYY[-MM[-DD]].")] = None,
    outlet: Annotated[str | None, Query()] = None,
    kind: Annotated[Kind | None, Query()] = None,
    speaker_type: Annotated[EntityType | None, Query(description="The speaker's type.")] = None,
    named: Annotated[
        Literal["named", "unnamed", "none"] | None,
        Query(description="named (the speaker has a name), unnamed (only described: an anonymous source) or none."),
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Only attributions at least this confident.")] = None,
) -> dict[str, Any]:
    """Which attributions count, as ``Store.search_quotes`` and ``Store.most_quoted`` take them."""
    return {
        "q": q or None,
        "speaker": speaker or None,
        "since": day_range(since, end=False),
        "until": day_range(until, end=True),
        "outlet": outlet or None,
        "kind": kind,
        "speaker_type": speaker_type,
        "named": named,
        "min_confidence": min_confidence,
    }


AttributionFilters = Annotated[dict[str, Any], Depends(attribution_filters)]


def search_filters(
    filters: AttributionFilters,
    order: Annotated[
        Literal["relevance", "date"] | None,
        Query(description="relevance (the full-text index's ranking; the default with q) or date (newest first)."),
    ] = None,
) -> dict[str, Any]:
    """The search filters shared by the search and its downloads: which attributions, and in what order."""
    return {**filters, "order": order}


SearchFilters = Annotated[dict[str, Any], Depends(search_filters)]


@router.get("/quotes", response_model=QuotePage, summary="Search attributions")
def quotes(
    request: Request,
    filters: SearchFilters,
    facets: Annotated[bool, Query(description="Count kinds, outlets, months and speakers of the whole result.")] = True,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Any:
    """Attributions matching a full-text query and filters, best match first when ``q`` is given.

    ``total`` counts every hit; ``facets`` the most frequent values of the whole
    result (kind, outlet, month, speaker, speaker type, named) and its hits at
    or above a few confidences. The same filters download every hit from ``/api/quotes.csv`` and ``/api/quotes.jsonl``.
    """
    store = context_of(request).store
    return _paged(store.search_quotes, **filters, facets=facets, limit=limit, cursor=cursor or None)


@router.get(
    "/quotes.{fmt}",
    summary="Download every hit of a search",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}, "description": "The whole result"}},
)
def quotes_download(request: Request, fmt: Annotated[Literal["csv", "jsonl"], Path()], filters: SearchFilters) -> Any:
    """Every attribution a search finds (not one page), streamed as CSV (one row per hit) or JSON Lines (one hit per line)."""
    store = context_of(request).store
    return downloads.download(fmt, _paged(downloads.search_hits, store, **filters), "onrecord-quotes")


@router.get("/most-quoted", response_model=MostQuoted, summary="The most quoted speakers of a search")
def most_quoted(
    request: Request,
    filters: AttributionFilters,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = FACET_SIZE,  # as many as the search's speaker facet
) -> Any:
    """The speakers with the most attributions among those the filters of ``/api/quotes`` keep, most first.

    ``num_attributions`` counts those attributions only, not the speaker's
    whole record. The explorer's dashboard lists the same, with ``named=named``
    unless asked otherwise.
    """
    store = context_of(request).store
    return _paged(store.most_quoted, **filters, limit=limit)


@router.get("/quotes/{quote_id}", response_model=QuoteDetail, summary="One quote and how it spread")
def quote(request: Request, quote_id: Annotated[str, Path()]) -> Any:
    """A quote grouped across articles: every occurrence earliest first, its outlets in order, and each wording."""
    found = context_of(request).store.quote(quote_id)
    if found is None:
        raise HTTPException(404, f"no quote with id {quote_id}")
    return found


Gender = Literal["female", "male", "unknown"]


@router.get("/speakers", response_model=SpeakerPage, summary="List speakers")
def speakers(
    request: Request,
    q: Annotated[str | None, Query(description="Part of a name or description.")] = None,
    named: Annotated[bool | None, Query(
        description="true: named speakers only (merged across articles); false: unnamed sources only "
        "(each a source of its own article); absent: both.")] = None,
    gender: Annotated[Gender | None, Query(description="The speaker's gender; unknown: not known.")] = None,
    top: Annotated[int | None, Query(ge=1, description="Only the N most quoted speakers.")] = None,
    cursor: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Any:
    """Speakers, most quoted first: named ones merged across articles, unnamed ones per article."""
    store = context_of(request).store
    return _paged(store.speakers, q=q or None, named=named, gender=gender, top=top, limit=limit, cursor=cursor or None)


@router.get("/gender", response_model=GenderShares, summary="Quoted people by gender")
def gender(
    request: Request,
    outlet: Annotated[str | None, Query()] = None,
    since: Annotated[str | None, Query(pattern=DATE_PATTERN, description="Earliest date, YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN, description="Latest date, YYYY[-MM[-DD]].")] = None,
) -> Any:
    """Distinct quoted named people by gender (female, male, unknown), overall, by outlet and by month,
    with the most quoted women and men. Unnamed sources are not counted."""
    store = context_of(request).store
    return _paged(
        store.gender_shares, outlet=outlet or None,
        since=day_range(since, end=False), until=day_range(until, end=True),
    )


@router.get("/speakers/{speaker_id}", response_model=SpeakerDetail, summary="One speaker")
def speaker(request: Request, speaker_id: Annotated[str, Path()]) -> Any:
    """A speaker with their surface forms, attributions per month and every attribution, newest first."""
    # The store parses the id: anything but a 64-bit number of ASCII digits is no speaker.
    found = context_of(request).store.speaker(speaker_id)
    if found is None:
        raise HTTPException(404, f"no speaker with id {speaker_id}")
    return found


@router.get("/articles/{article_id:path}", response_model=StoredArticle, summary="One stored article")
def article(request: Request, article_id: Annotated[str, Path()]) -> Any:
    """A stored article as docs/output.md defines it, plus ``author`` and each attribution's ``speaker_id``."""
    found = context_of(request).store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return found


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=201,
    summary="Ingest an article (needs the server's token)",
    openapi_extra=_INGEST_BODY,
    responses={
        200: {"model": IngestOut, "description": "The same text was already stored"},
        401: {"model": ErrorOut, "description": "Missing or wrong bearer token"},
        403: {"model": ErrorOut, "description": "The server was started without a token (read-only)"},
    },
)
async def ingest(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
) -> Any:
    """Analyse an article and store it with its attributions. Re-posting the same text adds nothing."""
    context = context_of(request)
    if not context.token:
        raise HTTPException(403, "this server is read-only: start it with --token to enable ingest")
    if not context.accepts(authorization):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})
    posted = await _read_article(request, IngestIn)
    return await run_in_threadpool(_ingest, context, posted)


def _ingest(context: ServerContext, posted: IngestIn) -> JSONResponse:
    """Extract and store one article; 201 when added, 200 when its text was already stored.

    The id answered is the one the store holds the text under: the posted id,
    the text's own when that id is taken or none was given, or, for a text
    stored before, the id it was stored under then.
    """
    meta = posted.model_dump(exclude={"text", "author"})
    article: Article = context.extract(posted.text, **meta)
    stored = context.store.add_article(article, author=posted.author)
    body = {"id": stored.id, "added": stored.added, "attributions": len(article.attributions)}
    return JSONResponse(body, status_code=201 if stored.added else 200)


def _paged(method: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return method(*args, **kwargs)
    except ValueError as error:  # a malformed cursor or filter the store refused
        raise HTTPException(400, str(error)) from error


__all__ = ["router", "ErrorOut"]
