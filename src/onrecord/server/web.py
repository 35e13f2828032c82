"""The HTML explorer: server-rendered Jinja pages over the same store methods as the API.

Autoescape is on for every template and nothing from the data is ever marked
safe: helpers in ``render`` return plain text pieces and the templates write
the tags around them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ..model import KINDS
from ..store.queries import NAMED, ORDERS, SPEAKER_TYPES
from ..store.shapes import QuoteFilters
from .api import DATE_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, context_of, day_range
from .csrf import FIELD
from .render import annotate, describe, label, outlet_lines, speaker_colours, split_highlights, timeline_chart

TEMPLATES_DIR = Path(__file__).parent / "templates"

# Attributions listed on a speaker page; the API has them all.
SPEAKER_PAGE_ATTRIBUTIONS = 200

# Speakers listed on the home page.
HOME_TOP_SPEAKERS = 12

# Largest text the analyse form takes, in characters (the body limit also applies).
MAX_ANALYSE_CHARS = 200_000

env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,  # every template, whatever its name: untrusted text is escaped
    trim_blocks=True,
    lstrip_blocks=True,
)
env.filters["segment"] = lambda value: quote(str(value), safe="")
env.filters["http_url"] = lambda value: value if isinstance(value, str) and re.match(r"(?i)^https?://", value) else ""
env.globals.update(
    split_highlights=split_highlights,
    label=label,
    describe=describe,
    kinds=KINDS,
    orders=ORDERS,
    speaker_types=SPEAKER_TYPES,
    named_values=NAMED,
)

router = APIRouter(include_in_schema=False)


def page(name: str, status: int = 200, headers: Mapping[str, str] | None = None, **context: Any) -> HTMLResponse:
    """Render a template into an HTML response."""
    return HTMLResponse(env.get_template(name).render(**context), status_code=status, headers=dict(headers or {}))


def error_page(status: int, message: str, headers: Mapping[str, str] | None = None) -> HTMLResponse:
    """The HTML counterpart of the API's JSON error."""
    return page("error.html", status=status, headers=headers, status_code=status, message=message)


# The query-string filters the search page reads, and the dashboard's share of them.
SEARCH_FILTERS = ("q", *QuoteFilters.__annotations__, "order", "cursor", "limit")
DASHBOARD_FILTERS = ("outlet", "since", "until", "kind", "speaker_type", "named")
# The filters whose values are a few names.
_CHOICES = {"kind": KINDS, "speaker_type": SPEAKER_TYPES, "named": NAMED, "order": ORDERS}


def _filters(params: Mapping[str, str], names: tuple[str, ...] = SEARCH_FILTERS) -> tuple[dict[str, Any], list[str]]:
    """The filters ``names`` from a query string: blanks dropped, bad values reported and dropped."""
    problems = []
    filters: dict[str, Any] = {name: (params.get(name) or "").strip() or None for name in names}
    for name in ("since", "until"):
        if filters.get(name) and not re.match(DATE_PATTERN, filters[name]):
            problems.append(f"{name}: use a date like 2020, 2020-05 or 2020-05-21")
            filters[name] = None
    for name, allowed in _CHOICES.items():
        if filters.get(name) and filters[name] not in allowed:
            problems.append(f"{name.replace('_', ' ')}: one of {', '.join(allowed)}")
            filters[name] = None
    if filters.get("min_confidence"):
        try:
            if not 0 <= float(filters["min_confidence"]) <= 1:
                raise ValueError
        except ValueError:
            problems.append("minimum confidence: a number from 0 to 1")
            filters["min_confidence"] = None
    if "limit" in names:
        try:
            filters["limit"] = max(1, min(MAX_LIMIT, int(params.get("limit") or DEFAULT_LIMIT)))
        except ValueError:
            problems.append("limit: a whole number")
            filters["limit"] = DEFAULT_LIMIT
    return filters, problems


def _days(filters: Mapping[str, Any]) -> dict[str, str | None]:
    """The filters' since and until (a year, a month or a day) as the first and last ISO day the store compares."""
    return {"since": day_range(filters["since"], end=False), "until": day_range(filters["until"], end=True)}


def _query_string(filters: Mapping[str, Any], **changes: Any) -> str:
    merged = {**filters, **changes}
    if merged.get("limit") == DEFAULT_LIMIT:
        merged.pop("limit")
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


# What each facet is called on the page, and the filters one of its values sets.
FACET_TITLES = {
    "kind": "Kind", "outlet": "Outlet", "month": "Month", "speaker": "Speaker",
    "speaker_type": "Speaker type", "named": "Named or not", "confidence": "Confidence",
}


def _facet_filters(name: str, value: str) -> dict[str, str]:
    if name == "month":
        return {"since": value, "until": value}
    return {"min_confidence" if name == "confidence" else name: value}


def facet_links(filters: Mapping[str, Any], facets: Mapping[str, list[Mapping[str, Any]]] | None) -> list[dict[str, Any]]:
    """Each facet's values as links that add (or, when set already, keep) their filter, first page."""
    shown = []
    for name, title in FACET_TITLES.items():
        values = []
        for facet in (facets or {}).get(name) or ():
            wanted = _facet_filters(name, facet["value"])
            values.append({
                "label": facet["label"],
                "count": facet["count"],
                "url": "/quotes?" + _query_string(filters, cursor=None, **wanted),
                "active": all(str(filters.get(k) or "") == v for k, v in wanted.items()),
            })
        if values:
            shown.append({"name": name, "title": title, "choices": values})
    return shown


def download_links(filters: Mapping[str, Any]) -> dict[str, str]:
    """The API's download of the whole filtered result (no cursor, no page size), per format."""
    query = _query_string(filters, cursor=None, limit=DEFAULT_LIMIT)
    return {fmt: f"/api/quotes.{fmt}" + (f"?{query}" if query else "") for fmt in ("csv", "jsonl")}


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """The corpus at a glance: counts, most quoted, attributions per month by outlet, gender of sources.

    ``outlet``, ``since`` and ``until`` (YYYY, YYYY-MM or a day) narrow every
    panel; ``kind``, ``named`` and ``speaker_type`` narrow the most quoted,
    counted over the attributions all these filters keep (``Store.most_quoted``,
    as ``/api/most-quoted``).
    """
    filters, problems = _filters(request.query_params, DASHBOARD_FILTERS)
    if problems:
        raise HTTPException(400, "; ".join(problems))
    # Named speakers unless asked otherwise, so that unnamed "analysts" of many
    # articles do not crowd out the people. The form always sends ``named``
    # (blank for any), so only a link without it gets this default.
    if "named" not in request.query_params:
        filters["named"] = "named"
    window = {"outlet": filters["outlet"], **_days(filters)}
    store = context_of(request).store
    top = store.most_quoted(
        **window, kind=filters["kind"], speaker_type=filters["speaker_type"], named=filters["named"],
        limit=HOME_TOP_SPEAKERS,
    )["items"]
    rows = store.timeline(**window)
    chart = timeline_chart(rows)
    return page(
        "index.html", filters={}, top=top, stats=_stats(store), chart=chart, lines=outlet_lines(rows, chart),
        shares=store.gender_shares(**window), table_rows=GENDER_TABLE_ROWS, dashboard=filters,
    )


def _search_page(filters: dict[str, Any], status: int = 200, problems: list[str] | None = None, **found: Any) -> HTMLResponse:
    values = {"hits": [], "next_url": None, "total": None, "facets": [], "downloads": None, **found}
    return page("quotes.html", status=status, filters=filters, problems=problems or [], **values)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request) -> HTMLResponse:
    filters, problems = _filters(request.query_params)
    if problems:
        return _search_page(filters, 400, problems)
    store = context_of(request).store
    search = {k: v for k, v in filters.items() if k != "q"}
    search.update(_days(filters))
    try:
        result = store.search_quotes(filters["q"], **search, facets=True)
    except ValueError as error:
        return _search_page(filters, 400, [str(error)])
    next_url = None
    if result.get("next_cursor"):
        next_url = "/quotes?" + _query_string(filters, cursor=result["next_cursor"])
    return _search_page(
        filters,
        hits=result["items"],
        next_url=next_url,
        total=result["total"],
        order=result["order"],
        facets=facet_links(filters, result["facets"]),
        downloads=download_links(filters),
    )


@router.get("/quotes/{quote_id}", response_class=HTMLResponse)
def quote_page(request: Request, quote_id: str) -> HTMLResponse:
    found = context_of(request).store.quote(quote_id)
    if found is None:
        raise HTTPException(404, f"no quote with id {quote_id}")
    return page("quote.html", quote=found)


# The speakers page lists one kind of source at a time: named speakers (merged
# across articles) by default, so "analysts" of many articles never crowd out the
# people; unnamed sources (each of its own article) on their own tab.
SPEAKER_SOURCES = {"named": True, "unnamed": False, "all": None}
SPEAKER_GENDERS = ("female", "male", "unknown")
# Rows of the by-outlet and by-month gender tables on the speakers page.
GENDER_TABLE_ROWS = 12


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request) -> HTMLResponse:
    params = request.query_params
    q = (params.get("q") or "").strip() or None
    cursor = params.get("cursor") or None
    sources = params.get("sources") or "named"
    gender = params.get("gender") or None
    if sources not in SPEAKER_SOURCES:
        raise HTTPException(400, f"sources: one of {', '.join(SPEAKER_SOURCES)}")
    if gender is not None and gender not in SPEAKER_GENDERS:
        raise HTTPException(400, f"gender: one of {', '.join(SPEAKER_GENDERS)}")
    store = context_of(request).store
    try:
        result = store.speakers(q=q, named=SPEAKER_SOURCES[sources], gender=gender, limit=DEFAULT_LIMIT, cursor=cursor)
    except ValueError as error:
        raise HTTPException(400, str(error)) from error
    kept = {"q": q, "sources": None if sources == "named" else sources, "gender": gender}
    next_url = None
    if result.get("next_cursor"):
        next_url = "/speakers?" + urlencode({k: v for k, v in {**kept, "cursor": result["next_cursor"]}.items() if v})
    # The gender summary heads the first page only: later pages are for paging the list.
    shares = store.gender_shares() if cursor is None else None
    tabs = [
        {"label": label, "url": "/speakers?" + urlencode({k: v for k, v in {**kept, "sources": value}.items() if v}),
         "current": (value or "named") == sources}
        for label, value in (("Named", None), ("Unnamed", "unnamed"), ("All", "all"))
    ]
    return page(
        "speakers.html", q=q, sources=sources, gender=gender, genders=SPEAKER_GENDERS, tabs=tabs,
        speakers=result["items"], next_url=next_url, shares=shares, table_rows=GENDER_TABLE_ROWS,
    )


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker(request: Request, speaker_id: str) -> HTMLResponse:
    store = context_of(request).store
    found = store.speaker(speaker_id, attributions_limit=SPEAKER_PAGE_ATTRIBUTIONS)
    if found is None:
        raise HTTPException(404, f"no speaker with id {speaker_id}")
    attributions = found.get("attributions") or []
    return page(
        "speaker.html",
        speaker=found,
        chart=timeline_chart(found.get("timeline") or []),
        attributions=attributions,
        more=max(0, int(found.get("num_attributions") or 0) - len(attributions)),
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    found = context_of(request).store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return page("article.html", stored=True, **annotated(found))


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request) -> HTMLResponse:
    return _analyse_page(request, text="", title="", problems=[])


@router.post("/analyse", response_class=HTMLResponse)
async def analyse(
    request: Request, text: str = Form(""), title: str = Form(""), token: str = Form("", alias=FIELD)
) -> HTMLResponse:
    text = text.replace("\r\n", "\n")
    context = context_of(request)
    if not context.forms.valid(token):
        # A post from another site, or a form served before a restart: the text
        # is shown again with a fresh token, and nothing is analysed.
        problem = "this form has expired or was not served by this server: press Analyse again"
        return _analyse_page(request, status=403, text=text, title=title, problems=[problem])
    problems = []
    if not text.strip():
        problems.append("paste the text of an article")
    elif len(text) > MAX_ANALYSE_CHARS:
        problems.append(f"the text is longer than {MAX_ANALYSE_CHARS} characters")
    if problems:
        return _analyse_page(request, status=400, text=text, title=title, problems=problems)
    result = await run_in_threadpool(context.extract, text, title=title.strip() or None)
    return page("article.html", stored=False, **annotated(result.to_dict()))


def _analyse_page(request: Request, status: int = 200, **fields: Any) -> HTMLResponse:
    """The analyse form, with a fresh token in its hidden field."""
    token = context_of(request).forms.issue()
    return page("analyse.html", status=status, csrf_field=FIELD, csrf_token=token, **fields)


def annotated(article: Mapping[str, Any]) -> dict[str, Any]:
    """What article.html needs: segments of the text and the attribution list.

    The one rendering path for stored (/articles/{id}) and pasted (/analyse) articles.
    """
    attributions = list(article.get("attributions") or ())
    colours = speaker_colours(attributions)
    rows = [
        {
            "id": str(a.get("id")),
            "kind": a.get("kind"),
            "content": " … ".join(f.get("text", "") for f in a.get("content") or ()),
            "cue": " ".join(f.get("text", "") for f in a.get("cue") or ()),
            "speaker": label(a.get("speaker")),
            "speaker_id": a.get("speaker_id"),
            "addressee": label(a.get("addressee")),
            "via": label(a.get("via")),
            "colour": colours.get(str(a.get("id"))),
        }
        for a in attributions
    ]
    return {"article": article, "segments": annotate(article), "rows": rows}


def _stats(store: Any) -> list[tuple[str, Any]]:
    """The store's scalar statistics as (label, value) pairs, for the home page."""
    try:
        stats = store.stats()
    except (AttributeError, NotImplementedError):
        return []
    if not isinstance(stats, Mapping):
        return []
    return [(str(k).replace("_", " "), v) for k, v in stats.items() if isinstance(v, (int, float, str))]
