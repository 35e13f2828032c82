"""The REST API and the HTML pages, over a real SQLite store and a live uvicorn server."""

from __future__ import annotations

import re
import sys

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from onrecord.errors import MissingExtra
from onrecord.server.render import annotate, split_highlights, timeline_chart
from server_fixtures import SQL_QUOTE, XSS, analyse_form, assert_error, make_client, make_store

ESCAPED_XSS = "&lt;script&gt;window.__xss=1&lt;/script&gt;"
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("api") / "onrecord.db")


@pytest.fixture(scope="module")
def client(store_url):
    with make_client(store_url) as client:
        yield client





# -- read API ------------------------------------------------------------------


def test_search_finds_and_highlights(client):
    body = client.get("/api/quotes", params={"q": "ferry"}).json()
    assert set(body) == {"items", "next_cursor", "total", "order", "facets"}
    assert {hit["article_id"] for hit in body["items"]} == {"ferry-1", "union-3"}
    assert body["total"] == 4 and body["order"] == "relevance"
    for hit in body["items"]:
        assert hit["highlights"], hit
        for start, end in hit["highlights"]:
            assert hit["content"][start:end].lower().startswith("ferr")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"speaker": "Lena Ortiz"}, {"ferry-1", "budget-2"}),
        ({"kind": "indirect"}, {"ferry-1", "budget-2"}),
        ({"outlet": "Harbour Gazette"}, {"budget-2"}),
        ({"since": "2024-03-01"}, {"budget-2", "union-3"}),
        ({"until": "2024-01-31"}, {"ferry-1"}),
        ({"since": "2024-03", "until": "2024-03"}, {"budget-2", "union-3"}),
        ({"since": "2024", "until": "2024"}, {"ferry-1", "budget-2", "union-3"}),
        ({"until": "2024-02"}, {"ferry-1"}),
        ({"q": "budget", "speaker": "Lena Ortiz"}, {"budget-2"}),
    ],
)
def test_search_filters(client, params, expected):
    items = client.get("/api/quotes", params=params).json()["items"]
    assert {hit["article_id"] for hit in items} == expected


def test_search_pages_with_a_cursor(client):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/quotes", params=params).json()
        seen += [hit["id"] for hit in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3 and len(seen) == len(set(seen)) == 6


def test_text_with_sql_in_it_is_found(client):
    items = client.get("/api/quotes", params={"q": "DROP TABLE attributions"}).json()["items"]
    assert [hit["article_id"] for hit in items] == ["union-3"]
    assert SQL_QUOTE in items[0]["content"]


def test_speakers_and_speaker(client):
    speakers = client.get("/api/speakers").json()["items"]
    names = [s["name"] for s in speakers]
    assert names[:2] == ["Tomas Reyes", "Lena Ortiz"]
    ortiz = next(s for s in speakers if s["name"] == "Lena Ortiz")
    detail = client.get(f"/api/speakers/{ortiz['id']}").json()
    assert detail["timeline"] == [{"month": "2024-01", "count": 1}, {"month": "2024-03", "count": 1}]
    assert [hit["article_id"] for hit in detail["attributions"]] == ["budget-2", "ferry-1"]  # newest first
    assert client.get("/api/speakers", params={"top": 1}).json()["items"][0]["name"] == "Tomas Reyes"


def test_article_is_spec_shaped(client):
    article = client.get("/api/articles/ferry-1").json()
    assert article["author"] == "Staff reporter"
    for attribution in article["attributions"]:
        assert attribution["speaker_id"] is not None
        for fragment in attribution["content"] + attribution["cue"] + attribution["speaker"]["mention"]:
            assert article["text"][fragment["start"]:fragment["end"]] == fragment["text"]


# -- errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("GET", "/api/nowhere", {}, 404),
        ("GET", "/api/speakers/99999", {}, 404),
        ("GET", "/api/speakers/not-a-number", {}, 404),
        ("GET", "/api/articles/no-such-article", {}, 404),
        ("DELETE", "/api/quotes", {}, 405),
        ("GET", "/api/quotes?limit=0", {}, 422),
        ("GET", "/api/quotes?limit=abc", {}, 422),
        ("GET", "/api/quotes?since=yesterday", {}, 422),
        ("GET", "/api/quotes?until=2024-13", {}, 400),
        ("GET", "/api/quotes?until=2024-02-30", {}, 400),
        ("GET", "/api/quotes?kind=rumour", {}, 422),
        ("GET", "/api/quotes?cursor=not-a-cursor", {}, 400),
        ("GET", "/api/speakers?cursor=%27%3B--", {}, 400),
        ("POST", "/api/extract", {"content": b"x", "headers": {"content-type": "image/png"}}, 415),
        ("POST", "/api/extract", {"content": b"{not json", "headers": {"content-type": "application/json"}}, 422),
        ("POST", "/api/extract", {"json": {"title": "no text"}}, 422),
        ("POST", "/api/extract", {"json": {"text": "x", "surprise": 1}}, 422),
        ("POST", "/api/extract", {"content": b"\xff\xfe\xfa", "headers": {"content-type": "application/json"}}, 422),
        # JSON only: a text/plain or form post is what any web page can make a browser send
        ("POST", "/api/extract", {"content": b'"We will," she said.', "headers": {"content-type": "text/plain"}}, 415),
        ("POST", "/api/extract", {"data": {"text": '"We will," she said.'}}, 415),
        ("POST", "/api/articles", {"json": {"text": "x"}}, 403),
    ],
)
def test_one_error_shape(client, method, path, kwargs, status):
    assert_error(client.request(method, path, **kwargs), status)


def test_unexpected_errors_are_json_and_say_nothing_internal(store_url):
    class Broken:
        def search_quotes(self, *args, **kwargs):
            raise RuntimeError("secret internals")

        def close(self):
            pass

    with make_client(store_url) as client:
        context = client.server_context
        real, context.store = context.store, Broken()
        try:
            response = client.get("/api/quotes", params={"q": "ferry"})
        finally:
            context.store = real
    message = assert_error(response, 500)
    assert "secret" not in message
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_body_limit_413(store_url):
    with make_client(store_url, max_body=1000) as client:
        big = "x" * 2000
        assert_error(client.post("/api/extract", json={"text": big}), 413)
        # a chunked body (no Content-Length) is counted as it arrives
        chunks = (b"y" * 300 for _ in range(5))
        assert_error(client.post("/api/extract", content=chunks, headers={"content-type": "application/json"}), 413)
        page = client.post("/analyse", data=analyse_form(client, text=big))
        assert page.status_code == 413 and "text/html" in page.headers["content-type"]
        assert client.post("/api/extract", json={"text": "short"}).status_code == 200


# -- extract and ingest ----------------------------------------------------------


def test_extract_is_not_stored(client):
    text = 'Intro.\n\n"The tide is turning," said Nora Quill.\n'
    response = client.post("/api/extract", json={"text": text})
    article = response.json()
    assert article["text"] == text
    assert set(article) >= {"id", "title", "published", "url", "outlet", "text", "attributions", "entities"}
    (attribution,) = article["attributions"]
    assert attribution["speaker"]["name"] == "Nora Quill"
    content = attribution["content"][0]
    assert text[content["start"]:content["end"]] == content["text"]
    assert client.get("/api/quotes", params={"q": "tide"}).json()["items"] == []


def test_extract_json_keeps_metadata(client):
    article = client.post("/api/extract", json={"text": "Nothing said.", "title": "T", "id": "x1"}).json()
    assert (article["id"], article["title"], article["attributions"]) == ("x1", "T", [])


def test_extract_with_the_real_extractor(store_url):
    from onrecord import Extractor

    with make_client(store_url, extractor=Extractor()) as client:
        response = client.post("/api/extract", json={"text": '"We will win," she said.', "id": "real"})
    article = response.json()
    assert response.status_code == 200 and article["text"] == '"We will win," she said.'
    assert isinstance(article["attributions"], list)


def test_an_article_over_its_budget_is_422(store_url):
    from onrecord import Extractor
    from onrecord.budget import Budget

    with make_client(store_url, extractor=Extractor(strategy="rules", budget=Budget(seconds=0))) as client:
        response = client.post("/api/extract", json={"text": '"We will win," she said.', "id": "big"})
    assert assert_error(response, 422) == "big: too complex: took more than 0 s"


def test_ingest_needs_the_token(tmp_path):
    url = make_store(tmp_path / "ingest.db", [])
    text = '"Bridges are for everyone," said Ada Lind.\n'
    with make_client(url, token=TOKEN) as client:
        missing = client.post("/api/articles", json={"text": text})
        assert_error(missing, 401)
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = client.post("/api/articles", json={"text": text}, headers={"Authorization": "Bearer nope"})
        assert_error(wrong, 401)
        basic = client.post("/api/articles", json={"text": text}, headers={"Authorization": f"Basic {TOKEN}"})
        assert_error(basic, 401)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        first = client.post("/api/articles", json={"text": text, "title": "Bridges", "author": "A. Writer"}, headers=auth)
        assert first.status_code == 201, first.text
        assert first.json()["added"] is True and first.json()["attributions"] == 1
        again = client.post("/api/articles", json={"text": text}, headers=auth)
        assert again.status_code == 200 and again.json() == {**first.json(), "added": False}
        stored = client.get(f"/api/articles/{first.json()['id']}").json()
        assert (stored["title"], stored["author"]) == ("Bridges", "A. Writer")
        assert client.get("/api/quotes", params={"q": "bridges"}).json()["items"][0]["speaker_name"] == "Ada Lind"


def test_repost_under_another_id_answers_the_stored_id(tmp_path):
    """The answer to a POST always names a stored article: the same text under a new id is the first one."""
    url = make_store(tmp_path / "repost.db", [])
    text = '"Tolls will go," the mayor said on Monday.\n'
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with make_client(url, token=TOKEN) as client:
        first = client.post("/api/articles", json={"text": text, "id": "x"}, headers=auth)
        assert first.status_code == 201 and first.json()["id"] == "x"
        again = client.post("/api/articles", json={"text": text, "id": "y"}, headers=auth)
        assert again.status_code == 200 and again.json()["id"] == "x" and again.json()["added"] is False
        stored = client.get(f"/api/articles/{again.json()['id']}")
        assert stored.status_code == 200 and stored.json()["text"] == text
        assert client.get("/api/articles/y").status_code == 404


def test_responses_are_the_store_shapes(client):
    """The response models are the store's TypedDicts: every key the store returns is documented and sent."""
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"QuoteHit", "QuotePage", "SpeakerDetail", "StoredArticle"} <= set(schemas)
    hit = client.get("/api/quotes", params={"limit": 1}).json()["items"][0]
    assert set(hit) == set(schemas["QuoteHit"]["properties"])


# -- headers, docs, HTML -----------------------------------------------------------


def test_openapi_and_docs(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/extract", "/api/quotes", "/api/most-quoted", "/api/speakers", "/api/speakers/{speaker_id}", "/api/articles"} <= set(schema["paths"])
    assert "ErrorOut" in schema["components"]["schemas"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and 'id="swagger-ui"' in docs.text


def test_docs_work_offline(client):
    """/docs names no other host, every asset it loads is served here, and no script is inline."""
    html = client.get("/docs").text
    assert not re.search(r"(?i)(https?:)?//[a-z0-9.-]+", html)  # no CDN, no absolute URL at all
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert {"/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/static/swagger-init.js"} <= set(assets)
    for asset in assets:
        if asset.startswith("data:"):
            continue
        response = client.get(asset)
        assert response.status_code == 200 and len(response.content) > 500, asset
    assert re.findall(r"<script[^>]*>([^<]*)</script>", html) == ["", ""]  # src= only, empty bodies
    init = client.get("/static/swagger-init.js").text
    assert "SwaggerUIBundle(" in init and "/openapi.json" not in init  # the URL comes from the page
    assert client.get("/docs").headers["content-security-policy"] == client.get("/").headers["content-security-policy"]


@pytest.mark.parametrize(
    ("path", "shown"),
    [("/quotes?q=budget", 2), ("/quotes?q=window", 1), ("/speakers/1", 2), ("/articles/budget-2", 4), ("/", 0), ("/speakers", 0)],
)
def test_script_payload_is_escaped(client, path, shown):
    html = client.get(path).text
    assert XSS not in html
    # shown as text: in the quote and the article title (and the article page's <title>)
    assert html.count(ESCAPED_XSS) >= shown
    assert html.count("window.__xss") == html.count(ESCAPED_XSS)
    if "q=window" in path:  # the hit is marked inside the escaped payload
        assert "&lt;script&gt;<mark>window</mark>.__xss=1&lt;/script&gt;" in html
    # the only <script> element on any page is the static file
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/onrecord.js" defer>']


def test_script_payload_escaped_in_analyse(client):
    response = client.post("/analyse", data=analyse_form(client, text=f'"{XSS} works," said Ann Bell.', title=XSS))
    assert response.status_code == 200
    assert XSS not in response.text and response.text.count(ESCAPED_XSS) >= 2
    assert 'class="a r-content' in response.text and "analysed, not stored" in response.text


def test_search_page_highlights_hits(client):
    html = client.get("/quotes", params={"q": "ferry"}).text
    assert re.search(r"<mark>ferry</mark>", html, flags=re.I)
    assert 'href="/articles/ferry-1"' in html and 'href="/speakers/' in html


def test_article_page_marks_every_role(client):
    html = client.get("/articles/ferry-1").text
    for role in ("r-content", "r-cue", "r-speaker", "r-addressee"):
        assert role in html
    assert re.search(r'<span class="a r-speaker sp-0" data-attributions="a1" title="direct: Lena Ortiz \(mayor of Eastport\)">Mayor Lena Ortiz</span>', html)
    assert 'data-addressee="the Eastport Herald"' in html


def test_speaker_page_has_a_timeline(client):
    html = client.get("/speakers/1").text
    assert html.count("<rect ") == 3  # January, an empty February, March
    assert "mayor of Eastport" in html and "2024-01" in html


@pytest.mark.parametrize(("path", "status"), [("/speakers/999", 404), ("/articles/none", 404), ("/quotes?since=yesterday", 400), ("/quotes?cursor=zzz", 400)])
def test_html_errors_are_pages(client, path, status):
    response = client.get(path)
    assert response.status_code == status and response.headers["content-type"].startswith("text/html")


# -- the pieces ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "highlights", "pieces"),
    [
        ("abc", [], [("abc", False)]),
        ("", [], [("", False)]),
        ("a ferry b", [[2, 7]], [("a ", False), ("ferry", True), (" b", False)]),
        ("ferry", [[0, 5]], [("ferry", True)]),
        ("abcdef", [[0, 2], [1, 4], [5, 99]], [("abcd", True), ("e", False), ("f", True)]),
        ("abc", [[2, 1], [-5, 1]], [("a", True), ("bc", False)]),
    ],
)
def test_split_highlights(content, highlights, pieces):
    assert split_highlights(content, highlights) == pieces


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=6))
def test_split_highlights_keeps_the_text(content, ranges):
    assert "".join(piece for piece, _ in split_highlights(content, ranges)) == content


@given(
    st.text(min_size=1, max_size=60),
    st.lists(st.tuples(st.sampled_from(["content", "cue"]), st.integers(-2, 62), st.integers(-2, 62)), max_size=8),
)
def test_annotate_keeps_the_text(text, marks):
    attributions = [
        {"id": f"a{i}", "kind": "direct", role: [{"start": s, "end": e, "text": ""}], "speaker": {"name": f"P{i % 3}", "mention": []}}
        for i, (role, s, e) in enumerate(marks)
    ]
    segments = annotate({"text": text, "attributions": attributions})
    assert "".join(s.text for s in segments) == text
    assert all(s.text for s in segments)


def test_timeline_fills_empty_months():
    chart = timeline_chart([{"month": "2023-11", "count": 2}, {"month": "2024-02", "count": 4}, {"month": "unknown", "count": 1}])
    assert [(b["month"], b["count"]) for b in chart["bars"]] == [("2023-11", 2), ("2023-12", 0), ("2024-01", 0), ("2024-02", 4)]
    assert chart["undated"] == 1 and chart["max"] == 4
    assert timeline_chart([])["bars"] == []


# -- the command and the extra ----------------------------------------------------------


def test_serve_prints_the_address(monkeypatch, tmp_path):
    import uvicorn

    from onrecord.cli import main

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    monkeypatch.setenv("ONRECORD_DB", str(tmp_path / "env.db"))
    monkeypatch.setenv("ONRECORD_TOKEN", "tok")
    result = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8123" in result.output and "ingest enabled" in result.output
    assert calls == [{"host": "127.0.0.1", "port": 8123, "log_level": "warning"}]
    assert (tmp_path / "env.db").exists()


def test_serve_bad_database_is_one_line(tmp_path):
    from onrecord.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", "mysql://nowhere/db"])
    assert result.exit_code == 2
    assert result.output.startswith("onrecord: error:") and "Traceback" not in result.output


def test_missing_server_extra_says_what_to_install(monkeypatch):
    for name in [m for m in sys.modules if m == "fastapi" or m.startswith(("fastapi.", "onrecord.server.app"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "fastapi", None)
    with pytest.raises(MissingExtra, match=re.escape("pip install 'onrecord[server]'")):
        import onrecord.server.app  # noqa: F401

    from onrecord.cli import main

    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2 and "pip install 'onrecord[server]'" in result.output


def test_hostile_cursor_and_expanding_query_are_clean_400s(client):
    import base64

    nested = base64.urlsafe_b64encode(b"[" * 1100 + b"]" * 1100).decode().rstrip("=")
    for path in ("/api/quotes", "/api/speakers"):
        response = client.get(path, params={"cursor": nested})
        assert response.status_code == 400 and response.json()["error"]["message"] == "invalid cursor"
    for path, param in (("/api/speakers", "q"), ("/api/quotes", "speaker")):
        response = client.get(path, params={param: "\ufdfa" * 1700})
        assert response.status_code == 400 and "too long" in response.json()["error"]["message"], response.text
