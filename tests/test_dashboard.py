"""The corpus dashboard at /: counts, the most quoted, attributions per month by outlet, gender of sources."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape

import pytest
from server_fixtures import Said, assert_error, make_article, make_client, make_store

from onrecord.model import Article, Entity
from onrecord.server.render import outlet_lines, timeline_chart
from onrecord.store.queries import FACET_SIZE


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


def test_an_outlet_with_only_undated_attributions_draws_no_line():
    rows = [{"month": "", "outlet": None, "count": 17}, {"month": "2024-01", "outlet": "A", "count": 4},
            {"month": "", "outlet": "A", "count": 3}]
    lines = outlet_lines(rows, timeline_chart(rows))
    assert [(line["outlet"], line["total"]) for line in lines] == [("A", 4)]


# -- the most quoted, under filters (issue 12) ----------------------------------------------

PIER = (
    "Pier repairs to start in June\n\n"
    '"The pier will reopen by August," said Nadia Kern, the harbour master.\n\n'
    "Nadia Kern said that the contractor had been paid in full.\n\n"
    '"Costs may still rise," analysts warned.\n'
)
CLUB = (
    "Boat club objects to pier timetable\n\n"
    '"We objected to the timetable from the start," said the Quayside Boat Club.\n\n'
    "The Quayside Boat Club announced that its members would vote on Sunday.\n\n"
    '"It is on schedule," said Nadia Kern.\n'
)


def pier_articles() -> list[Article]:
    """Two outlets, two months: Nadia Kern (a person) 3 times, the boat club (an organization)
    twice, and "analysts" (unnamed) once; each quoted directly and indirectly."""
    pier = make_article(
        "pier-1", "Pier repairs to start in June", "2023-05-10", PIER,
        [
            Said('"The pier will reopen by August,"', "said", "Nadia Kern", "Nadia Kern", "the harbour master"),
            Said("that the contractor had been paid in full", "said", "Nadia Kern", "Nadia Kern", kind="indirect"),
            Said('"Costs may still rise,"', "warned", "analysts", None, "analysts"),
        ],
        outlet="Quayside Courier",
    )
    club = make_article(
        "pier-2", "Boat club objects to pier timetable", "2023-07-02", CLUB,
        [
            Said('"We objected to the timetable from the start,"', "said", "the Quayside Boat Club", "Quayside Boat Club"),
            Said("that its members would vote on Sunday", "announced", "The Quayside Boat Club", "Quayside Boat Club",
                 kind="indirect"),
            Said('"It is on schedule,"', "said", "Nadia Kern", "Nadia Kern"),
        ],
        outlet="Coastline Daily",
    )
    # make_article numbers its entities e1, e2... in order of first appearance.
    return [
        replace(pier, entities=(Entity("e1", "Nadia Kern", "person"), Entity("e2", None, "other", ("analysts",)))),
        replace(club, entities=(Entity("e1", "Quayside Boat Club", "organization"), Entity("e2", "Nadia Kern", "person"))),
    ]


@pytest.fixture(scope="module")
def pier_client(tmp_path_factory):
    url = make_store(tmp_path_factory.mktemp("most-quoted") / "onrecord.db", pier_articles())
    with make_client(url) as client:
        yield client


def listed(html: str) -> list[tuple[str, int]]:
    """The dashboard's most quoted: (name, count) in order."""
    section = "".join(re.findall(r'<ol class="speakers most-quoted">(.*?)</ol>', html, flags=re.S))
    return [(unescape(name), int(count)) for name, count in
            re.findall(r'<a href="/speakers/\d+">([^<]*)</a>.*?<span class="count">(\d+)</span>', section, flags=re.S)]


KERN, CLUB_, ANALYSTS = "Nadia Kern", "Quayside Boat Club", "analysts"


@pytest.mark.parametrize(("params", "expected"), [
    ({}, [(KERN, 3), (CLUB_, 2)]),  # named speakers by default: the analysts stay off
    ({"named": ""}, [(KERN, 3), (CLUB_, 2), (ANALYSTS, 1)]),  # the form's "any"
    ({"named": "unnamed"}, [(ANALYSTS, 1)]),
    ({"outlet": "coastline daily"}, [(CLUB_, 2), (KERN, 1)]),  # counted within the outlet
    ({"since": "2023-06"}, [(CLUB_, 2), (KERN, 1)]),
    ({"until": "2023-05"}, [(KERN, 2)]),
    ({"kind": "indirect"}, [(KERN, 1), (CLUB_, 1)]),
    ({"kind": "direct", "named": ""}, [(KERN, 2), (ANALYSTS, 1), (CLUB_, 1)]),  # ties: first stored first
    ({"speaker_type": "organization"}, [(CLUB_, 2)]),
    ({"speaker_type": "person", "until": "2023-05", "kind": "direct"}, [(KERN, 1)]),
])
def test_the_filters_narrow_the_most_quoted(pier_client, params, expected):
    response = pier_client.get("/", params=params)
    assert response.status_code == 200
    assert listed(response.text) == expected
    # The API answers the same list, with the page's default made explicit (and its "any" left out).
    api_params = {name: value for name, value in {"named": "named", **params}.items() if value}
    api = pier_client.get("/api/most-quoted", params=api_params).json()["items"]
    assert [(s["name"] or s["description"], s["num_attributions"]) for s in api] == expected


def test_each_speaker_links_its_page_and_the_form_keeps_the_filters(pier_client):
    html = pier_client.get("/", params={"kind": "indirect", "speaker_type": "person", "named": ""}).text
    (kern,) = pier_client.get("/api/most-quoted", params={"speaker_type": "person", "named": "named"}).json()["items"]
    assert f'<a href="/speakers/{kern["id"]}">Nadia Kern</a>' in html
    assert '<option value="indirect" selected>' in html and '<option value="person" selected>' in html
    assert '<option value="" selected>any</option>' in html  # named: any
    assert listed(html) == [(KERN, 1)]
    assert listed(pier_client.get("/", params={"kind": "block"}).text) == []
    assert "No speaker is quoted under these filters." in pier_client.get("/", params={"kind": "block"}).text


def test_the_search_facet_is_the_head_of_the_most_quoted(pier_client):
    store = pier_client.server_context.store
    facet = store.search_quotes(None, named="named", facets=True, limit=1)["facets"]["speaker"]
    top = store.most_quoted(named="named", limit=FACET_SIZE)["items"]
    assert [(f["value"], f["label"], f["count"]) for f in facet] == [
        (str(s["id"]), s["name"], s["num_attributions"]) for s in top
    ]
    assert top[0] | {"id": 0} == {
        "id": 0, "name": KERN, "description": "the harbour master", "type": "person", "named": True, "num_attributions": 3,
    }
    assert store.most_quoted("schedule timetable")["items"] == []  # all words: no quote holds both
    assert [s["name"] for s in store.most_quoted("timetable")["items"]] == [CLUB_]


@pytest.mark.parametrize(("params", "message"), [
    ({"kind": "rumour"}, "kind: one of direct, indirect, mixed, block"),
    ({"named": "maybe"}, "named: one of named, unnamed, none"),
    ({"speaker_type": "robot"}, "speaker type: one of person, organization, media, place, other"),
    ({"since": "January", "kind": "rumour"}, "since: use a date like 2020, 2020-05 or 2020-05-21; kind: one of"),
])
def test_a_bad_filter_is_a_400_that_says_why(pier_client, params, message):
    response = pier_client.get("/", params=params)
    assert response.status_code == 400
    assert message in unescape(response.text)


def test_the_api_refuses_bad_filters(pier_client):
    assert "kind" in assert_error(pier_client.get("/api/most-quoted", params={"kind": "rumour"}), 422)
    assert_error(pier_client.get("/api/most-quoted", params={"limit": 0}), 422)
    assert_error(pier_client.get("/api/most-quoted", params={"until": "2023-13"}), 400)
    assert len(pier_client.get("/api/most-quoted", params={"limit": 1}).json()["items"]) == 1
