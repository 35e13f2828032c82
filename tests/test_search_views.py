"""Issue 12: quote pages, faceted search and downloads, over the API and the pages, on both backends."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from onrecord.model import Article
from onrecord.server import downloads
from onrecord.store.export import safe_cell
from server_fixtures import Said, make_article, make_client, make_store, sample_articles

ECHO = "We will not sink money into a ferry nobody rides"
FORMULA = '=HYPERLINK("https://evil.example") would double the ferry fare'


def echo_articles() -> list[Article]:
    """The sample articles plus two later outlets repeating the mayor's ferry quote, one reworded."""
    return [
        *sample_articles(),
        make_article(
            "echo-4", "Ferry row reaches the capital", "2024-02-01",
            f'"{ECHO}," said Ortiz.\n\nMore later.\n', [Said(f'"{ECHO},"', "said", "Ortiz", "Lena Ortiz")],
            outlet="Capital Post",
        ),
        make_article(
            "echo-5", "Mayor's line goes national", "2024-04-09",
            f'"{ECHO.upper()}!" said Lena Ortiz.\n\nMore later.\n', [Said(f'"{ECHO.upper()}!"', "said", "Lena Ortiz", "Lena Ortiz")],
            outlet="National Wire",
        ),
        make_article(
            "formula-6", "A formula", "2024-05-01",
            f"Tomas Reyes said {FORMULA}.\n", [Said(FORMULA, "said", "Tomas Reyes", "Tomas Reyes", kind="indirect")],
        ),
    ]


@pytest.fixture
def client(store_url):
    with make_client(make_store(store_url(), echo_articles())) as client:
        yield client


def test_quote_api_shows_the_spread(client):
    hit = client.get("/api/quotes", params={"q": "sink money"}).json()["items"][0]
    quote = client.get(f"/api/quotes/{hit['quote_id']}").json()
    assert [o["article_id"] for o in quote["occurrences"]] == ["ferry-1", "echo-4", "echo-5"]
    assert quote["first_seen"] == "2024-01-15"
    assert quote["outlets"] == ["Eastport Herald", "Capital Post", "National Wire"]
    assert [o["speaker_mention"] for o in quote["occurrences"]] == ["Mayor Lena Ortiz", "Ortiz", "Lena Ortiz"]
    # The Herald's wording, repeated word for word by the Post, then the Wire's shouted one.
    assert quote["variants"] == [
        {"content": f'"{ECHO},"', "count": 2, "first_seen": "2024-01-15", "outlets": ["Eastport Herald", "Capital Post"]},
        {"content": f'"{ECHO.upper()}!"', "count": 1, "first_seen": "2024-04-09", "outlets": ["National Wire"]},
    ]
    assert client.get("/api/quotes/qnothing").status_code == 404


def test_quote_page_lists_occurrences_and_variants(client):
    quote_id = client.get("/api/quotes", params={"q": "sink money"}).json()["items"][0]["quote_id"]
    search = client.get("/quotes", params={"q": "sink money"}).text
    assert f'href="/quotes/{quote_id}"' in search  # hits link to their quote
    html = client.get(f"/quotes/{quote_id}").text
    assert "First seen" in html and "2024-01-15" in html
    assert html.index("Eastport Herald") < html.index("Capital Post") < html.index("National Wire")
    assert 'href="/articles/echo-4"' in html
    assert html.count('class="variant"') == 2
    assert client.get("/quotes/qnothing").status_code == 404


def test_search_api_totals_facets_order_and_confidence(client):
    body = client.get("/api/quotes", params={"limit": 1}).json()
    assert body["total"] == 9 and body["order"] == "date" and len(body["items"]) == 1
    kinds = {f["value"]: f["count"] for f in body["facets"]["kind"]}
    assert kinds == {"direct": 6, "indirect": 3}
    months = {f["value"]: f["count"] for f in body["facets"]["month"]}
    assert months == {"2024-01": 2, "2024-02": 1, "2024-03": 4, "2024-04": 1, "2024-05": 1}
    outlet = client.get("/api/quotes", params={"outlet": "Capital Post"}).json()
    assert outlet["total"] == 1 and outlet["facets"]["outlet"] == [{"value": "Capital Post", "label": "Capital Post", "count": 1}]
    assert client.get("/api/quotes", params={"q": "ferry"}).json()["order"] == "relevance"
    assert client.get("/api/quotes", params={"q": "ferry", "order": "date"}).json()["order"] == "date"
    assert client.get("/api/quotes", params={"facets": "false"}).json()["facets"] is None
    assert client.get("/api/quotes", params={"min_confidence": 1}).json()["total"] == 0
    # every facet's count is what the filter it stands for finds (speaker types: test_store, these have no entities)
    for name in ("named", "confidence"):
        assert body["facets"][name], name
        for facet in body["facets"][name]:
            param = "min_confidence" if name == "confidence" else name
            assert client.get("/api/quotes", params={param: facet["value"]}).json()["total"] == facet["count"], facet
    assert client.get("/api/quotes", params={"named": "maybe"}).status_code == 422
    assert client.get("/api/quotes", params={"order": "random"}).status_code == 422
    assert client.get("/api/quotes", params={"min_confidence": 2}).status_code == 422


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_download_streams_the_whole_result_over_several_pages(client, monkeypatch, fmt):
    monkeypatch.setattr(downloads, "DOWNLOAD_PAGE", 2)  # 9 hits: five store pages
    response = client.get(f"/api/quotes.{fmt}")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == f'attachment; filename="onrecord-quotes.{fmt}"'
    if fmt == "csv":
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
    else:
        rows = [json.loads(line) for line in response.text.splitlines()]
    assert len(rows) == len({row["id"] for row in rows}) == 9
    expected = [h["id"] for h in client.get("/api/quotes", params={"limit": 50}).json()["items"]]
    assert [int(row["id"]) for row in rows] == expected  # the view's own order
    filtered = client.get(f"/api/quotes.{fmt}", params={"q": "ferry", "kind": "direct"}).text
    assert filtered.count("ferry-1") == 1 and "budget-2" not in filtered


def test_csv_download_cannot_run_formulas(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/quotes.csv", params={"q": "hyperlink"}).text)))
    assert [row["content"] for row in rows] == ["'" + FORMULA]
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("@SUM") == "'@SUM"
    assert safe_cell("-2") == "'-2" and safe_cell("plain") == "plain" and safe_cell(0.5) == 0.5


def test_download_refuses_bad_filters_before_streaming(client):
    response = client.get("/api/quotes.csv", params={"since": "yesterday"})
    assert response.status_code == 422
    assert client.get("/api/quotes.xml").status_code == 422


def test_search_page_has_facets_totals_and_download_links(client):
    html = client.get("/quotes", params={"q": "ferry"}).text
    assert '<span class="count">7</span> results, best match' in html
    assert 'href="/api/quotes.csv?q=ferry"' in html and 'href="/api/quotes.jsonl?q=ferry"' in html
    assert 'href="/quotes?q=ferry&amp;kind=direct"' in html  # a facet adds its filter
    assert 'href="/quotes?q=ferry&amp;since=2024-03&amp;until=2024-03"' in html
    narrowed = client.get("/quotes", params={"q": "ferry", "min_confidence": "0.5", "order": "date"}).text
    assert 'href="/api/quotes.csv?q=ferry&amp;min_confidence=0.5&amp;order=date"' in narrowed
    assert 'href="/quotes?q=ferry&amp;named=named"' in html
    assert re.search(r'href="/quotes\?q=ferry&amp;min_confidence=0\.\d"', html)
    assert client.get("/quotes", params={"min_confidence": "lots"}).status_code == 400
    assert client.get("/quotes", params={"named": "maybe"}).status_code == 400


def test_cli_search_orders_filters_and_counts(store_url):
    from click.testing import CliRunner

    from onrecord.cli import main

    url = make_store(store_url(), echo_articles())
    runner = CliRunner()
    result = runner.invoke(main, ["search", "ferry", "--db", url, "--limit", "2", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2
    assert "2 of 7 hits, best match first" in result.stderr
    result = runner.invoke(main, ["search", "--db", url, "--order", "date", "--limit", "1", "--format", "jsonl"])
    assert json.loads(result.stdout)["article_id"] == "formula-6"  # the newest
    assert "newest first" in result.stderr
    result = runner.invoke(main, ["search", "--db", url, "--named", "named", "--speaker-type", "place"])
    assert result.exit_code == 0 and "0 of 0 hits" in result.stderr
    result = runner.invoke(main, ["search", "--db", url, "--min-confidence", "1"])
    assert result.exit_code == 0 and "0 of 0 hits" in result.stderr
    assert runner.invoke(main, ["search", "--db", url, "--order", "random"]).exit_code == 2


class PagedStore:
    """A stand-in for the store answering ``pages`` pages of made-up hits, counting its calls."""

    def __init__(self, pages: int, per_page: int) -> None:
        self.pages, self.per_page, self.calls = pages, per_page, 0

    def search_quotes(self, q, *, limit, cursor=None, total=True, **filters):
        assert total is False  # a download never counts
        number = int(cursor or 0)
        self.calls += 1
        hit = {name: f"value {number}" for name in downloads.ROW_FIELDS} | {"content": "x" * 400}
        items = [dict(hit, id=number * self.per_page + i) for i in range(self.per_page)]
        return {"items": items, "next_cursor": str(number + 1) if number + 1 < self.pages else None}


def test_download_reads_the_store_page_by_page_as_it_streams():
    store = PagedStore(pages=5, per_page=3)
    chunks = downloads._csv_chunks(downloads.search_hits(store, None))
    assert store.calls == 1  # the first page is read before the response starts (a bad filter is a 400)
    next(chunks)
    assert store.calls == 1
    rest = list(chunks)
    assert store.calls == 5 and len(rest) == 4


def test_download_memory_is_flat():
    """The memory a CSV download takes does not grow with its rows: 40,000 rows need what 10,000 do."""
    import tracemalloc

    def peak_streaming(pages: int) -> tuple[int, int]:
        store = PagedStore(pages=pages, per_page=1000)
        tracemalloc.start()
        try:
            size = sum(len(chunk) for chunk in downloads._csv_chunks(downloads.search_hits(store, None)))
            return tracemalloc.get_traced_memory()[1], size
        finally:
            tracemalloc.stop()

    small_peak, small_size = peak_streaming(10)
    large_peak, large_size = peak_streaming(40)
    assert large_size > 4 * small_size * 0.99 and large_size > 20_000_000
    assert large_peak < 1.25 * small_peak, (small_peak, large_peak)
    assert large_peak < large_size / 4
