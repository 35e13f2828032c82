"""The corpus dashboard at /: counts, the most quoted, attributions per month by outlet, gender of sources."""

from __future__ import annotations

import re

import pytest
from server_fixtures import make_client, make_store

from onrecord.server.render import outlet_lines, timeline_chart


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = make_store(tmp_path_factory.mktemp("dashboard") / "onrecord.db")
    with make_client(url) as client:
        yield client


def test_the_store_counts_attributions_per_month_and_outlet(client):
    store = client.server_context.store
    rows = store.timeline()
    assert {r["month"] for r in rows} >= {"2024-01", "2024-03"} and ("2024-03", "Harbour Gazette") in {
        (r["month"], r["outlet"]) for r in rows
    }
    assert sum(r["count"] for r in rows) == store.stats()["attributions"]
    only = store.timeline(outlet="harbour gazette")
    assert {r["outlet"] for r in only} == {"Harbour Gazette"}
    assert store.timeline(since="2024-02-01") == [r for r in rows if r["month"] >= "2024-02"]


def test_the_dashboard_draws_a_line_per_outlet_and_the_gender_table(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    outlets = {r["outlet"] for r in client.server_context.store.timeline()}
    assert len(outlets) >= 2 and html.count("<polyline") == len(outlets)  # one line per outlet
    assert "Harbour Gazette" in html and "Quoted people by gender" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script: the CSP stays
    narrowed = client.get("/", params={"outlet": "Harbour Gazette"}).text
    assert narrowed.count("<polyline") == 1


def test_a_bad_date_is_a_400(client):
    assert client.get("/", params={"since": "January"}).status_code == 400


def test_lines_share_the_bars_scale():
    rows = [{"month": "2024-01", "outlet": "A", "count": 4}, {"month": "2024-03", "outlet": "A", "count": 2},
            {"month": "2024-03", "outlet": "B", "count": 2}]
    chart = timeline_chart(rows)
    lines = outlet_lines(rows, chart)
    assert [line["outlet"] for line in lines] == ["A", "B"]
    heights = [float(point.split(",")[1]) for point in lines[0]["points"].split()]
    tops = [bar["y"] for bar in chart["bars"]]
    assert heights[0] == tops[0]  # January: A is the whole month
    assert len(heights) == 3 and re.fullmatch(r"[\d.]+,[\d.]+( [\d.]+,[\d.]+)*", lines[1]["points"])
