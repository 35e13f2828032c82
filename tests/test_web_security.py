"""Issue 5, item 3: hostile input against the API and the explorer, on both backends.

Over HTTP, against a live uvicorn and a real store holding ``hostile_articles()``
(the ``XSS_PAYLOADS`` in every field a reader sees):

- every payload comes back escaped on every page that shows it, and no page
  has a tag or attribute that a payload made (the browser half is in
  test_browser.py, where the pages are rendered with the policy switched off);
- payloads in query strings, paths and forms are reflected escaped too;
- SQL, FTS5, tsquery and LIKE metacharacters in every query parameter and
  path parameter give correct results or a clean 4xx, never a 500, and leave
  the database as it was;
- raw request targets (sent over a socket, so no client normalises them)
  cannot read a file outside the static folder;
- every route carries a Content-Security-Policy that forbids inline script;
- body limits hold at the boundary and the write endpoint needs its token.
"""

from __future__ import annotations

import base64
import json
import re
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from markupsafe import escape

from postgres_server import new_postgres_url
from onrecord.store.normalize import normalize_name
from server_fixtures import (
    SQL_METACHARACTERS,
    XSS_PAYLOADS,
    analyse_form,
    hostile_articles,
    make_app,
    make_client,
    make_store,
)

TOKEN = "websec-token"
ARTICLES = hostile_articles()
# The sample articles hold 6 attributions; each hostile article one more.
TOTAL_ATTRIBUTIONS = 6 + len(ARTICLES)

# Values for every query parameter: the SQL list, plus what breaks drivers rather
# than parsers (NUL, huge or non-ASCII numbers, a 4,000-character value) and the
# operators of PostgreSQL's tsquery and LIKE.
HOSTILE_VALUES = [
    *SQL_METACHARACTERS,
    "\x00", "ferry\x00", "%00", "' UNION SELECT name FROM sqlite_master --", "'; SELECT pg_sleep(5); --",
    "$$", "E'\\\\'", "::text", "@@", "<->", "ferry & budget", "ferry | budget", "!ferry", "ferry:*",
    "L_na", "O%Reyes", "Lena%Ortiz", "[]", "{}", "null", "true", "NaN", "1e309", "-1", "0", "9" * 30,
    "²", "１２", "\u202eferry", "ferry\u2028", "😀", "x" * 4000,
]
# Wrapped around a real word, these must change nothing: "ferry*" is not a prefix
# query, "-ferry" not a negation, "(ferry" not a group.
WRAPPERS = ["'", '"', "*", "-", "(", ")", ":", "^", "%", "_", ";--", "\\", "{", "}", "!", "&", "|", "<->", "\x00"]

QUOTE_PARAMS = ["q", "speaker", "since", "until", "outlet", "kind", "cursor", "limit"]
SPEAKER_PARAMS = ["q", "top", "cursor", "limit"]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request) -> str:
    return request.param


def empty_url(backend: str, request: pytest.FixtureRequest, folder: Any) -> str:
    """A new, empty database on ``backend``."""
    if backend == "postgres":
        return new_postgres_url(request.getfixturevalue("postgres_server"))
    return str(folder / "onrecord.db")


@pytest.fixture(scope="module")
def store_url(backend, request, tmp_path_factory) -> str:
    """A store with the sample and the hostile articles, on each backend in turn (never written to)."""
    return make_store(empty_url(backend, request, tmp_path_factory.mktemp("websec")), hostile=True)


@pytest.fixture(scope="module")
def client(store_url) -> Iterator[httpx.Client]:
    with make_client(store_url) as client:
        yield client


@pytest.fixture(scope="module")
def token_client(store_url) -> Iterator[httpx.Client]:
    """A server that takes writes with TOKEN (one for every wrong token tried)."""
    with make_client(store_url, token=TOKEN) as client:
        yield client


@pytest.fixture(scope="module")
def everything(client) -> dict[str, Any]:
    """Every attribution and every speaker (with descriptions), for reference answers."""
    hits = client.get("/api/quotes", params={"limit": 200}).json()["items"]
    assert len(hits) == TOTAL_ATTRIBUTIONS
    speakers = client.get("/api/speakers", params={"limit": 200}).json()["items"]
    details = {s["id"]: client.get(f"/api/speakers/{s['id']}").json() for s in speakers}
    return {"hits": hits, "speakers": speakers, "details": details}


def assert_error(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]


def assert_clean(response: httpx.Response, api: bool) -> None:
    """Never a 500; the API answers JSON (an error in the one shape), pages answer HTML."""
    assert response.status_code in (200, 400, 404, 422), (response.status_code, response.text[:300])
    media = response.headers["content-type"]
    if api:
        assert media.startswith("application/json")
        if response.status_code != 200:
            assert_error(response, response.status_code)
    else:
        assert media.startswith("text/html")


def intact(client: httpx.Client) -> None:
    """Nothing was dropped, altered or added by a hostile request."""
    assert len(client.get("/api/quotes", params={"limit": 200}).json()["items"]) == TOTAL_ATTRIBUTIONS
    assert client.get("/api/articles/ferry-1").json()["title"] == "Council delays vote on river ferry"


def segment(value: str) -> str:
    return quote(value, safe="")


# -- escaping: stored payloads ---------------------------------------------------------

# A tag the page itself writes: an element name and attributes, outside any text.
_TAG = re.compile(r"<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_ATTRIBUTE = re.compile(r"([^\s=>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
# Elements the explorer never writes, so their presence means a payload became markup.
# Attributes a browser follows or loads (a javascript: URL in an input's value is just text).
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href", "poster", "background"}
FOREIGN_TAGS = {"img", "iframe", "object", "embed", "base", "meta", "details", "body", "math", "style", "frame"}


def assert_no_injected_markup(html: str) -> None:
    """The page's own markup only: one external script, no handlers, no script URLs, no foreign tags."""
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/onrecord.js" defer>']
    assert html.count("</script>") == 1
    tags = _TAG.findall(html)
    assert tags, "no markup at all?"
    for name, attributes in tags:
        lowered = name.lower()
        if lowered == "meta":
            assert attributes.strip() in ('charset="utf-8"', 'name="viewport" content="width=device-width, initial-scale=1"')
        elif lowered == "body":
            assert attributes.strip() == ""
        else:
            assert lowered not in FOREIGN_TAGS, f"<{name}{attributes}>"
        for attribute, value in _ATTRIBUTE.findall(attributes):
            assert not attribute.lower().startswith("on"), f"<{name}{attributes}>"
            if attribute.lower() in URL_ATTRIBUTES and value != '"data:,"':  # the empty favicon of base.html
                assert not re.match(r"""["']?\s*(javascript|data|vbscript):""", value, flags=re.I), f"<{name}{attributes}>"


def stored_pages(everything: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(path, payloads that page must show escaped) for every page showing stored data."""
    pages: list[tuple[str, list[str]]] = [
        ("/", []),
        ("/speakers", list(XSS_PAYLOADS)),
        ("/quotes?limit=200", list(XSS_PAYLOADS)),
    ]
    for n, (article, payload) in enumerate(zip(ARTICLES, XSS_PAYLOADS), 1):
        pages.append((f"/articles/{segment(article.id)}", [payload]))
        pages.append((f"/quotes?q=harbour{n}", [payload]))
    for speaker in everything["speakers"]:
        shown = [p for p in XSS_PAYLOADS if speaker["name"] and speaker["name"].endswith(p)]
        pages.append((f"/speakers/{speaker['id']}", shown))
    for hit in everything["hits"]:
        if hit["quote_id"]:  # the quote page shows its words, outlet, article title and speaker
            pages.append((f"/quotes/{hit['quote_id']}", [p for p in XSS_PAYLOADS if p in hit["content"]]))
    return pages


def test_stored_payloads_are_escaped_on_every_page(client, everything):
    pages = stored_pages(everything)
    assert len(pages) >= 3 + 3 * len(XSS_PAYLOADS)
    for path, shown in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert_no_injected_markup(html)
        for payload in shown:
            escaped = str(escape(payload))
            if escaped != payload:
                assert payload not in html, (path, payload)
            assert html.count(escaped) >= 2, (path, payload)  # the quote and the speaker, at least
        if "{{ 7*7 }}" in "".join(shown):
            # Template syntax in data is never evaluated (link targets are left out:
            # a quote id is hex digits, and may hold "49").
            assert "49" not in re.sub(r'href="[^"]*"', "", html), path


def test_article_page_shows_every_field_escaped(client):
    for article in ARTICLES:
        html = client.get(f"/articles/{segment(article.id)}").text
        payload = article.title.removesuffix(" title " + article.title.rsplit(" ", 1)[-1])
        escaped = str(escape(payload))
        # title in <title> and <h1>; text: the lead, the quote, speaker, reader, outlet;
        # outlet and author in the meta line; the speaker, addressee and via labels and
        # data-* attributes of the attribution list; hover titles of the segments
        assert html.count(escaped) >= 12, (article.id, html.count(escaped))
        if article.url.startswith("javascript:"):
            assert 'class="source"' not in html  # only http(s) URLs become links
        else:
            assert f'href="{escape(article.url)}"' in html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_api_returns_payloads_verbatim_as_json(client, payload):
    n = XSS_PAYLOADS.index(payload) + 1
    response = client.get("/api/quotes", params={"q": f"harbour{n}"})
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"  # never sniffed as HTML
    (hit,) = response.json()["items"]
    assert hit["content"] == f'"Harbour{n} {payload} plan,"'
    assert hit["speaker_name"] == f"Speaker{n} {payload}" and hit["outlet"] == f"{payload} outlet {n}"
    article = client.get(f"/api/articles/{segment(ARTICLES[n - 1].id)}").json()
    assert article["text"] == ARTICLES[n - 1].text and article["author"].startswith(payload)


# -- escaping: reflected payloads --------------------------------------------------------


def reflected_requests(payload: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, httpx keyword arguments) that echo ``payload`` into a page.

    The last one echoes a path, where ``#`` stays percent-encoded, so it is only
    checked for injected markup.
    """
    return [
        ("GET", "/quotes", {"params": {"q": payload, "speaker": payload, "outlet": payload}}),
        ("GET", "/quotes", {"params": {"q": payload, "since": payload, "kind": payload, "limit": payload}}),
        ("GET", "/quotes", {"params": {"q": payload, "cursor": payload}}),
        ("GET", "/speakers", {"params": {"q": payload}}),
        ("GET", f"/articles/{segment(payload)}", {}),
        ("GET", f"/speakers/{segment(payload)}", {}),
        ("POST", "/analyse", {"data": {"title": payload, "text": f'"{payload} works," said Ann Bell. {payload}'}}),
        ("POST", "/analyse", {"data": {"title": payload, "text": payload * (200_001 // len(payload) + 1)}}),
        ("GET", f"/nowhere/{segment(payload)}", {}),
    ]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_reflected_payloads_are_escaped(client, payload):
    # query values are stripped of surrounding white space (U+2028 is some)
    escaped = str(escape(payload.strip()))
    requests = reflected_requests(payload)
    for number, (method, path, kwargs) in enumerate(requests, 1):
        if method == "POST":
            kwargs = {"data": analyse_form(client, **kwargs["data"])}
        response = client.request(method, path, **kwargs)
        assert_clean(response, api=False)
        html = response.text
        assert_no_injected_markup(html)
        if escaped != payload:
            assert payload not in html, (method, path)
        if number < len(requests):
            assert escaped in html, (method, path, response.status_code)


# -- SQL metacharacters: every parameter, both backends ------------------------------------


def words_of(value: str) -> list[str]:
    return re.findall(r"\w+", value.lower())


def check_quotes_result(value: str, param: str, items: list[dict[str, Any]], everything: dict[str, Any]) -> None:
    """Whether a 200 answer to /api/quotes?param=value is the right one."""
    if param == "q":
        words = words_of(value)
        if not words:  # no words: no text filter at all
            assert len(items) == TOTAL_ATTRIBUTIONS, value
        for hit in items:  # every word (stemmed: its first 4 letters) is in every hit, no OR
            for word in words:
                if len(word) >= 4:
                    assert word[:4] in hit["content"].lower(), (value, hit["content"])
    elif param == "speaker":
        # an id, else whole words of the normalized name: "Lena%Ortiz" is Lena Ortiz
        # (punctuation is not part of a name), "' OR '1'='1" is nobody
        ident = int(value) if value.isascii() and value.isdigit() and int(value) < 2**63 else None
        norm = normalize_name(value)
        expected = [
            h["id"] for h in everything["hits"]
            if (h["speaker_id"] == ident if ident is not None
                else f" {norm} " in f" {normalize_name(h['speaker_name'] or h['speaker_description'] or '')} ")
        ]
        assert sorted(h["id"] for h in items) == sorted(expected), (param, value)
    elif param == "outlet":
        assert items == [], (param, value)  # an exact name: no outlet is called "%"
    else:  # since, until, kind, cursor, limit: these values are never valid
        raise AssertionError(f"{param}={value!r} was accepted")


def expected_speakers(value: str, everything: dict[str, Any]) -> set[int]:
    """Reference answer of /api/speakers?q=value: the name, description or a form contains it."""
    norm, typed = normalize_name(value), value.strip().lower()
    if not norm:
        return {s["id"] for s in everything["speakers"]}
    found = set()
    for ident, detail in everything["details"].items():
        label = normalize_name(detail["name"] or detail["description"] or "")
        forms = [f.lower() for f in detail["forms"] + detail["descriptions"]]
        if norm in label or any(typed in form for form in forms):
            found.add(ident)
    return found


@pytest.mark.parametrize("param", QUOTE_PARAMS)
def test_quote_search_parameters_take_hostile_values(client, everything, param):
    for value in HOSTILE_VALUES:
        api = client.get("/api/quotes", params={param: value})
        assert_clean(api, api=True)
        page = client.get("/quotes", params={param: value})
        assert_clean(page, api=False)
        if api.status_code == 200:
            items = api.json()["items"]
            check_quotes_result(value, param, items, everything)
            if page.status_code == 200:  # one query layer: the page lists the same hits
                shown = page.text.count('<li class="hit ')
                assert shown == min(len(items), 50), (param, value)
        else:
            assert page.status_code in (200, 400), (param, value)
    intact(client)


@pytest.mark.parametrize("param", ["q", "speaker", "outlet"])
def test_metacharacters_around_a_word_change_nothing(client, param):
    word = {"q": "ferry", "speaker": "Reyes", "outlet": "Harbour Gazette"}[param]
    plain = client.get("/api/quotes", params={param: word}).json()["items"]
    assert plain
    for wrapper in WRAPPERS:
        for value in (wrapper + word, word + wrapper):
            response = client.get("/api/quotes", params={param: value})
            if "\x00" in value and param == "outlet":
                assert_error(response, 400)  # a NUL cannot be in a stored outlet
                continue
            if param == "outlet":  # an exact match: "Harbour Gazette'" is another outlet
                assert response.json()["items"] == [], value
                continue
            assert response.status_code == 200, (value, response.text)
            assert [h["id"] for h in response.json()["items"]] == [h["id"] for h in plain], value


@pytest.mark.parametrize("param", SPEAKER_PARAMS)
def test_speaker_list_parameters_take_hostile_values(client, everything, param):
    for value in HOSTILE_VALUES:
        api = client.get("/api/speakers", params={param: value})
        assert_clean(api, api=True)
        if param in ("q", "cursor"):
            assert_clean(client.get("/speakers", params={param: value}), api=False)
        if api.status_code != 200:
            continue
        if param == "q":
            got = {s["id"] for s in api.json()["items"]}
            assert got == expected_speakers(value, everything), value
        else:
            raise AssertionError(f"{param}={value!r} was accepted")
    for value in ("Reyes", "Reyes'", "'Reyes", "Reyes%", "(Reyes)", "Reyes;--"):
        names = [s["name"] for s in client.get("/api/speakers", params={"q": value}).json()["items"]]
        assert names == ["Tomas Reyes"], value
    intact(client)


@pytest.mark.parametrize("route", ["/api/speakers/", "/speakers/", "/api/articles/", "/articles/"])
def test_path_parameters_take_hostile_values(client, route):
    for value in HOSTILE_VALUES:
        response = client.get(route + segment(value))
        assert_clean(response, api=route.startswith("/api"))
        assert response.status_code in (400, 404), (route, value, response.status_code)
    intact(client)


def crafted_cursor(view: str, key: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps([view, key]).encode()).decode().rstrip("=")


CRAFTED_KEYS = [
    [{"a": 1}, 1], [[1], 1], [None, None], [1, 10**30], [1, -(10**30)], [1, 1.5], [1, True],
    ["x\x00", 1], ["' OR 1=1 --", "1"], [1], [1, 2, 3], "not a list", 7,
]
# Right shape for one view, wrong for the other: a search key is (day, id), a speakers key (count, id).
WRONG_VIEW_KEYS = {"search": [1, 1], "speakers": ["2024-01-01", 1]}


@pytest.mark.parametrize(("path", "view"), [("/api/quotes", "search"), ("/api/speakers", "speakers"), ("/quotes", "search"), ("/speakers", "speakers")])
def test_crafted_cursors_are_refused(client, path, view):
    """A cursor is base64 JSON from the client: wrong types or sizes are a 400, not a driver error."""
    for key in [*CRAFTED_KEYS, WRONG_VIEW_KEYS[view]]:
        response = client.get(path, params={"cursor": crafted_cursor(view, key)})
        assert response.status_code == 400, (key, response.text[:200])
        assert_clean(response, api=path.startswith("/api"))
    # a well-formed key past the end is an empty page, not an error
    end = {"search": ["0000-00-00", 0], "speakers": [0, 0]}[view]
    assert client.get(path, params={"cursor": crafted_cursor(view, end)}).status_code == 200


def test_huge_numbers_are_not_ids(client):
    """30 digits or "²" pass str.isdigit, but cannot name a row: 404 or no hits, never a 500."""
    for value in ("9" * 30, "²", "9223372036854775808"):
        assert_error(client.get(f"/api/speakers/{segment(value)}"), 404)
        assert client.get(f"/speakers/{segment(value)}").status_code == 404
    for value in ("9" * 30, "9223372036854775808"):  # as a filter they are names, of nobody
        assert client.get("/api/quotes", params={"speaker": value}).json()["items"] == []
    assert client.get("/api/speakers/9223372036854775807").status_code == 404


# -- paths cannot reach files ---------------------------------------------------------------


def raw_request(base_url: str, target: bytes, *, method: bytes = b"GET", headers: bytes = b"", body: bytes = b"") -> tuple[int, bytes]:
    """Send one request line exactly as given (no client normalises it); (status, body)."""
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(method + b" " + target + b" HTTP/1.1\r\nHost: " + host.encode() + b"\r\nConnection: close\r\n" + headers + b"\r\n" + body)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    response = b"".join(chunks)
    status = int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/") else 0
    return status, response.partition(b"\r\n\r\n")[2]


TRAVERSALS = [
    b"/static/../../../../etc/passwd",
    b"/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    b"/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    b"/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    b"/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    b"/static/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
    b"/static/..%5c..%5c..%5c..%5cetc%5cpasswd",
    b"/static/..\\..\\..\\..\\etc\\passwd",
    b"/static/....//....//....//....//etc/passwd",
    b"/static/..%c0%af..%c0%af..%c0%afetc%c0%afpasswd",
    b"/static//etc/passwd",
    b"/static/%2fetc%2fpasswd",
    b"/static/../app.py",
    b"/static/..%2fapp.py",
    b"/static/%2e%2e%2fapp.py",
    b"/static/..%2f..%2f..%2f..%2fpyproject.toml",
    b"/static/onrecord.js%00.png",
    b"/static/%00",
    b"/static/",
    b"/static/.",
    b"/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    b"/../../../../etc/passwd",
    b"/articles/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    b"/articles/../../../../etc/passwd",
    b"/api/articles/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    b"/articles/%2Fetc%2Fpasswd",
    b"/articles/file:%2F%2F%2Fetc%2Fpasswd",
    b"/speakers/..%2F..%2Fetc%2Fpasswd",
    b"/api/speakers/1%00",
    b"/docs/..%2F..%2Fetc%2Fpasswd",
    b"/static/onrecord.js\x00",
    b"/articles/ferry-1\x00../../etc/passwd",
]
# What a leaked file would contain: /etc/passwd, the server's source, the project file.
LEAKS = (b"root:", b"def create_app", b"import ", b"[project]", b"CONTENT_SECURITY_POLICY")


def test_paths_cannot_reach_files(client):
    for target in TRAVERSALS:
        status, body = raw_request(str(client.base_url), target)
        assert status in (400, 404), (target, status, body[:200])
        for leak in LEAKS:
            assert leak not in body, (target, leak)
    # the real files are still served, so the 404s above are not a broken mount
    status, body = raw_request(str(client.base_url), b"/static/onrecord.js")
    assert status == 200 and b"use strict" in body


# -- headers on every route --------------------------------------------------------------------


def concrete(path: str) -> str:
    return path.replace("{speaker_id}", "1").replace("{article_id:path}", "ferry-1").replace("{article_id}", "ferry-1")


def assert_policy(headers: httpx.Headers, where: str) -> None:
    """A Content-Security-Policy whose scripts come from this server only, never inline."""
    policy = headers.get("content-security-policy")
    assert policy, where
    directives = {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}
    scripts = directives.get("script-src", directives.get("default-src"))
    assert scripts == ["'self'"], (where, policy)  # no 'unsafe-inline', no hash, no host
    assert directives.get("default-src") == ["'none'"], where  # objects, frames, fonts: none
    assert directives.get("base-uri") == ["'none'"] and directives.get("frame-ancestors") == ["'none'"], where
    assert headers.get("x-content-type-options") == "nosniff" and headers.get("x-frame-options") == "DENY", where


def routes_of(routes: list[Any]) -> Iterator[Any]:
    """Every route and mount, through included routers (FastAPI wraps those)."""
    for route in routes:
        if hasattr(route, "original_router"):
            yield from routes_of(route.original_router.routes)
        else:
            yield route


# A file in each mount, to request as that mount's route.
MOUNT_FILES = {"/static": "/static/onrecord.css", "/docs/assets": "/docs/assets/swagger-ui.css"}


def test_every_route_sends_the_policy(client, store_url):
    app = make_app(store_url)  # only to list its routes
    seen = 0
    for route in routes_of(app.routes):
        path = getattr(route, "path", "")
        methods = getattr(route, "methods", None) or {"GET"}
        path = MOUNT_FILES.get(path, path)
        for method in sorted(methods - {"HEAD"}):
            response = client.request(method, concrete(path), content=b"" if method == "POST" else None)
            assert_policy(response.headers, f"{method} {path} -> {response.status_code}")
            seen += 1
    assert seen >= 17  # 15 routes and 2 mounts today; a new route is covered by itself
    # and the error paths: 404, 405, 413, 415, 422
    for method, path, kwargs in [
        ("GET", "/nowhere", {}), ("DELETE", "/api/quotes", {}), ("GET", "/api/quotes?limit=x", {}),
        ("POST", "/api/extract", {"content": b"x", "headers": {"content-type": "image/png"}}),
        ("POST", "/api/extract", {"content": b"x" * (2 * 1024 * 1024)}),
    ]:
        response = client.request(method, path, **kwargs)
        assert response.status_code >= 400
        assert_policy(response.headers, f"{method} {path} -> {response.status_code}")


# -- body limits and the token ------------------------------------------------------------------


def test_body_limit_boundary_and_lying_lengths(store_url):
    with make_client(store_url, max_body=1000, token=TOKEN) as client:
        def body(size: int) -> bytes:
            return b'{"text": "' + b"y" * (size - 12) + b'"}'

        json_type = {"content-type": "application/json"}
        ok = client.post("/api/extract", content=body(1000), headers=json_type)
        assert ok.status_code == 200  # exactly the limit is accepted
        assert_error(client.post("/api/extract", content=body(1001), headers=json_type), 413)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert_error(client.post("/api/articles", content=body(1001), headers={**auth, **json_type}), 413)
        assert client.post("/analyse", data=analyse_form(client, text="z" * 1001)).status_code == 413
        base = str(client.base_url)
        # a declared length over the limit is refused before the body arrives
        status, _ = raw_request(base, b"/api/extract", method=b"POST", headers=b"Content-Length: 1000000000000\r\n")
        assert status == 413
        for bad in (b"abc", b"-5", b"1, 2"):
            status, _ = raw_request(base, b"/api/extract", method=b"POST", headers=b"Content-Length: " + bad + b"\r\n", body=b"x")
            assert status == 400, bad
        intact(client)


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", f"Basic {TOKEN}", f"Token {TOKEN}",
     f"Bearer {TOKEN.upper()}", f"Bearer {TOKEN}, Bearer {TOKEN}", TOKEN, f"Bearer\t{TOKEN}x"],
)
def test_write_endpoint_refuses_wrong_tokens(token_client, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    text = '"Tunnels are for everyone," said Ada Lind.\n'
    response = token_client.post("/api/articles", json={"text": text}, headers=headers)
    assert_error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    # nor is the token read from anywhere else
    assert_error(token_client.post(f"/api/articles?token={TOKEN}", json={"text": text}, headers=headers), 401)
    assert_error(token_client.post("/api/articles", json={"text": text, "token": TOKEN}, headers=headers), 401)
    # refused before the body is parsed: an anonymous caller learns nothing from validation
    assert_error(token_client.post("/api/articles", content=b"{broken", headers={**headers, "content-type": "application/json"}), 401)
    assert token_client.get("/api/quotes", params={"q": "tunnels"}).json()["items"] == []


def test_read_only_server_and_other_methods(client):
    text = '"Tunnels are for everyone," said Ada Lind.\n'
    assert_error(client.post("/api/articles", json={"text": text}, headers={"Authorization": "Bearer anything"}), 403)
    for method in ("PUT", "PATCH", "DELETE"):
        assert_error(client.request(method, "/api/articles/ferry-1"), 405)
        assert_error(client.request(method, "/api/speakers/1"), 405)
    intact(client)


def test_database_errors_say_nothing_internal(client):
    """A driver error names the database file and quotes SQL: the log gets it, the client does not."""
    from onrecord.errors import StoreError

    class Failing:
        def search_quotes(self, *args: Any, **kwargs: Any) -> Any:
            raise StoreError("/srv/secret/onrecord.db: OperationalError: no such table: attributions")

    context = client.server_context
    real, context.store = context.store, Failing()
    try:
        api, page = client.get("/api/quotes"), client.get("/quotes")
    finally:
        context.store = real
    assert_error(api, 500)
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    for response in (api, page):
        assert "secret" not in response.text and "no such table" not in response.text


def test_posted_hostile_articles_are_stored_verbatim_or_refused(backend, request, tmp_path):
    """Payloads posted to the write endpoint come back verbatim; what a backend cannot hold is a 4xx."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "".join(f'"Quay{n} {p} now," said Ada Lind.\n' for n, p in enumerate(XSS_PAYLOADS, 1))
    with make_client(make_store(empty_url(backend, request, tmp_path), []), token=TOKEN) as client:
        posted = client.post("/api/articles", json={"text": text, "title": XSS_PAYLOADS[4], "outlet": XSS_PAYLOADS[5]}, headers=auth)
        assert posted.status_code == 201, posted.text
        stored = client.get(f"/api/articles/{segment(posted.json()['id'])}").json()
        assert (stored["text"], stored["title"], stored["outlet"]) == (text, XSS_PAYLOADS[4], XSS_PAYLOADS[5])
        assert posted.json()["attributions"] == len(XSS_PAYLOADS)
        # PostgreSQL cannot hold NUL: refused on both backends, in every field
        for body in ({"text": "NUL \x00 inside"}, {"text": "fine 1", "title": "\x00"}, {"text": "fine 2", "id": "a\x00b"}):
            response = client.post("/api/articles", json=body, headers=auth)
            assert_error(response, 422)
            assert "NUL" in response.json()["error"]["message"]
        assert len(client.get("/api/quotes", params={"limit": 200}).json()["items"]) == len(XSS_PAYLOADS)
