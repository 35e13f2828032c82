"""The store on both backends: dedupe, merging, grouping, search, pagination, exports, schema.

Articles are written here (fictional people and places) and their attributions
built by hand from substrings, so these tests do not depend on the extractor.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from collections import Counter
from dataclasses import replace

import pytest

from onrecord.errors import StoreError
from onrecord.model import Article, Attribution, Entity, Fragment, Speaker
from onrecord.store import InvalidQuery, Stored, open_store
from onrecord.store import normalize, schema


def frag(text: str, needle: str, after: int = 0) -> Fragment:
    start = text.index(needle, after)
    return Fragment.of(text, start, start + len(needle))


def said(
    text: str,
    content: str,
    mention: str,
    *,
    name: str | None = None,
    description: str | None = None,
    kind: str = "direct",
    cue: str = "said",
    number: int = 1,
    entity: Entity | None = None,
    addressee: str | None = None,
    via: str | None = None,
) -> Attribution:
    """An attribution whose roles are the first occurrences of these substrings."""
    return Attribution(
        id=f"a{number}",
        kind=kind,  # type: ignore[arg-type]
        content=(frag(text, content),),
        cue=(frag(text, cue),),
        speaker=Speaker((frag(text, mention),), entity=entity.id if entity else None, name=name, description=description),
        addressee=Speaker((frag(text, addressee),), name=addressee) if addressee else None,
        via=Speaker((frag(text, via),), name=via) if via else None,
        confidence=0.875,
    )


FERRY = (
    '"We will not sink money into a ferry nobody rides," said Mayor Lena Ortiz on Monday. '
    "Tomas Reyes told the Herald that the ferry carries two thousand commuters every week."
)
ORTIZ = Entity("e1", "Lena Ortiz", "person", ("Mayor of Eastport",), (frag(FERRY, "Mayor Lena Ortiz"),))


def ferry_article(**changes) -> Article:
    article = Article(
        text=FERRY,
        id="ferry",
        title="Council delays ferry vote",
        published="2021-03-08",
        url="https://herald.example/ferry",
        outlet="Eastport Herald",
        attributions=(
            said(FERRY, '"We will not sink money into a ferry nobody rides,"', "Mayor Lena Ortiz",
                 name="Lena Ortiz", description="Mayor of Eastport", entity=ORTIZ),
            said(FERRY, "that the ferry carries two thousand commuters every week", "Tomas Reyes",
                 name="Tomas Reyes", kind="indirect", cue="told", number=2, addressee="the Herald"),
        ),
        entities=(ORTIZ,),
    )
    return replace(article, **changes)


REPEAT = (
    "Ortiz repeated her line at the harbour: \u201cWe will NOT sink money into a ferry nobody rides.\u201d "
    "A spokeswoman for the port authority said the ferry was safe."
)


def repeat_article() -> Article:
    return Article(
        text=REPEAT,
        id="repeat",
        title="Harbour meeting",
        published="March 2, 2021",
        url="https://gazette.example/harbour",
        outlet="Harbour Gazette",
        attributions=(
            said(REPEAT, "\u201cWe will NOT sink money into a ferry nobody rides.\u201d", "Ortiz",
                 name="Lena  Ortiz", cue="repeated"),
            said(REPEAT, "the ferry was safe", "A spokeswoman for the port authority",
                 description="spokeswoman for the port authority", kind="indirect", number=2),
        ),
    )


def numbered_article(i: int) -> Article:
    text = f"Item {i}: the harbour budget grows by {i} percent, the treasurer Ana Wu said in report {i}."
    return Article(
        text=text,
        id=f"n{i:03d}",
        published=f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}",
        outlet="Ledger",
        attributions=(said(text, f"the harbour budget grows by {i} percent", "the treasurer Ana Wu",
                           name="Ana Wu", kind="indirect"),),
    )


@pytest.fixture
def store(make_store):
    s = make_store()
    assert s.add_article(ferry_article(), author="Jo Banks").added
    assert s.add_article(repeat_article()).added
    return s


# -- adding articles ------------------------------------------------------------


def test_add_article_dedupes_on_normalized_text(make_store):
    s = make_store()
    assert s.add_article(ferry_article()) == Stored("ferry", added=True)
    assert s.add_article(ferry_article()) == Stored("ferry", added=False)
    same_text_other_spacing = ferry_article(text="  " + FERRY.upper().replace(" ", "\n  ") + "\n", id="other")
    # The id it was stored under, not the one given this time.
    assert s.add_article(same_text_other_spacing) == Stored("ferry", added=False)
    assert s.stats() == {"articles": 1, "attributions": 2, "speakers": 2, "quotes": 2}


def test_article_ids_given_taken_or_derived(make_store):
    s = make_store()
    assert s.add_article(ferry_article()) == Stored("ferry", added=True)
    taken = s.add_article(repeat_article().__class__(text="Another text entirely.", id="ferry"))
    none = s.add_article(Article(text="A text with no id."))
    derived_taken = normalize.article_id_for(normalize.text_hash("Another text entirely."))
    derived_none = normalize.article_id_for(normalize.text_hash("A text with no id."))
    assert (taken, none) == (Stored(derived_taken, added=True), Stored(derived_none, added=True))
    assert s.article("ferry")["text"] == FERRY
    assert s.article(derived_taken)["text"] == "Another text entirely."
    assert s.article(derived_none)["text"] == "A text with no id."


def test_article_round_trips_spec_shape(store):
    got = store.article("ferry")
    expected = ferry_article().to_dict()
    assert got["author"] == "Jo Banks"
    assert {k: got[k] for k in expected if k != "attributions"} == {k: v for k, v in expected.items() if k != "attributions"}
    for mine, theirs in zip(got["attributions"], expected["attributions"], strict=True):
        assert {k: mine[k] for k in theirs} == theirs
        assert isinstance(mine["speaker_id"], int)
    ids = {a["speaker_id"] for a in got["attributions"]}
    names = {store.speaker(i)["name"] for i in ids}
    assert names == {"Lena Ortiz", "Tomas Reyes"}
    assert store.article("nope") is None


def test_untrusted_text_is_stored_verbatim(make_store):
    s = make_store()
    text = "<script>alert(1)</script> Robert'); DROP TABLE attributions;-- said \"100% of_us ? %s\"."
    article = Article(text=text, id="x'; --", attributions=(
        said(text, "\"100% of_us ? %s\"", "Robert'); DROP TABLE attributions;--", name="Robert"),))
    assert s.add_article(article).added
    assert s.article("x'; --")["text"] == text
    hit = s.search_quotes("of_us")["items"][0]
    assert hit["content"] == "\"100% of_us ? %s\""
    for query in ["'; DROP TABLE x", '"unbalanced', "NEAR(a b)", "a* OR -b", "%", "?", "((", "-"]:
        s.search_quotes(query)
    assert s.stats()["attributions"] == 1


# -- speakers and quotes across articles ----------------------------------------------


def test_speakers_merge_by_normalized_name_keeping_forms(store):
    items = store.speakers()["items"]
    ortiz = next(i for i in items if i["name"] == "Lena Ortiz")
    assert ortiz["num_attributions"] == 2
    assert set(ortiz["forms"]) == {"Lena Ortiz", "Lena  Ortiz", "Mayor Lena Ortiz", "Ortiz"}
    assert ortiz["type"] == "person"
    assert items[0]["id"] == ortiz["id"]  # most attributions first
    unnamed = next(i for i in items if i["name"] is None)
    assert unnamed["description"] == "spokeswoman for the port authority"
    assert store.stats()["speakers"] == 3


def test_pronoun_only_speaker_is_not_a_speaker_record(make_store):
    s = make_store()
    text = '"Growth is strong this year," she said.'
    assert s.add_article(Article(text=text, attributions=(said(text, '"Growth is strong this year,"', "she"),))).added
    assert s.stats()["speakers"] == 0
    assert s.search_quotes("growth")["items"][0]["speaker_id"] is None
    assert s.search_quotes("growth")["items"][0]["speaker_mention"] == "she"


def test_speaker_page(store):
    ortiz = store.speakers(q="ortiz")["items"][0]
    page = store.speaker(ortiz["id"])
    assert page["descriptions"] == ["Mayor of Eastport"]
    assert page["timeline"] == [{"month": "2021-03", "count": 2}]
    assert [a["article_id"] for a in page["attributions"]] == ["ferry", "repeat"]  # newest first
    assert page["num_attributions"] == 2
    assert store.speaker(str(ortiz["id"]))["id"] == ortiz["id"]
    assert store.speaker(99999) is None
    assert store.speaker("not-an-id") is None


def test_speakers_top_query_and_pagination(make_store):
    s = make_store()
    for i in range(7):
        text = f"Report {i}. " + " ".join(f"Person{j} said point {i}-{j} is true." for j in range(i + 1))
        s.add_article(Article(text=text, attributions=tuple(
            said(text, f"point {i}-{j} is true", f"Person{j}", name=f"Person{j}", number=j + 1)
            for j in range(i + 1))))
    top = s.speakers(top=3)
    assert [i["name"] for i in top["items"]] == ["Person0", "Person1", "Person2"]
    assert [i["num_attributions"] for i in top["items"]] == [7, 6, 5]
    assert top["next_cursor"] is None
    seen, cursor = [], None
    while True:
        page = s.speakers(limit=2, cursor=cursor)
        seen += [i["name"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"Person{j}" for j in range(7)]
    assert [i["name"] for i in s.speakers(q="person6")["items"]] == ["Person6"]


def test_near_identical_quotes_group_across_articles(store):
    items = store.quotes()["items"]
    grouped = items[0]
    assert grouped["num_occurrences"] == 2
    # The earliest occurrence's words ("March 2, 2021"), whatever the order they were stored in.
    assert grouped["quotation"] == "We will NOT sink money into a ferry nobody rides."
    assert grouped["first_seen"] == "2021-03-02"  # "March 2, 2021" beats 2021-03-08
    assert set(grouped["outlets"]) == {"Eastport Herald", "Harbour Gazette"}
    assert set(grouped["article_ids"]) == {"ferry", "repeat"}
    assert len(grouped["urls"]) == 2
    assert grouped["speaker"] == "Lena Ortiz"
    assert grouped["probas"] == [["Lena Ortiz", 1.0]]
    assert [i["num_occurrences"] for i in items[1:]] == [1, 1]
    hits = store.search_quotes("ferry nobody")["items"]
    assert len({h["quote_id"] for h in hits}) == 1
    assert store.quotes(q="safe")["items"][0]["quotation"] == "the ferry was safe"


# -- search ---------------------------------------------------------------------


def test_search_stems_and_highlights(store):
    hits = store.search_quotes("commuter weeks")["items"]
    assert [h["article_id"] for h in hits] == ["ferry"]
    hit = hits[0]
    assert [hit["content"][s:e] for s, e in hit["highlights"]] == ["commuters", "week"]
    assert hit["speaker_name"] == "Tomas Reyes"
    assert hit["addressee"] == "the Herald"
    assert hit["published"] == "2021-03-08"
    assert hit["content_fragments"][0]["text"] == hit["content"]
    assert FERRY[hit["content_fragments"][0]["start"]:hit["content_fragments"][0]["end"]] == hit["content"]
    assert hit["cue"] == "told"
    assert store.search_quotes("zeppelin")["items"] == []


def test_search_phrase(store):
    assert len(store.search_quotes('"nobody rides"')["items"]) == 2
    assert store.search_quotes('"rides nobody"')["items"] == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["ferry", "ferry", "repeat", "repeat"]),
        ({"speaker": "Ortiz"}, ["ferry", "repeat"]),
        ({"speaker": "lena ortiz"}, ["ferry", "repeat"]),
        ({"speaker": "Ort"}, []),
        ({"speaker": "port authority"}, ["repeat"]),
        ({"since": "2021-03-05"}, ["ferry", "ferry"]),
        ({"until": "2021-03-05"}, ["repeat", "repeat"]),
        ({"since": "2021-03-01", "until": "2021-03-02"}, ["repeat", "repeat"]),
        ({"outlet": "harbour gazette"}, ["repeat", "repeat"]),
        ({"kind": "indirect"}, ["ferry", "repeat"]),
        ({"q": "ferry", "kind": "direct", "outlet": "Eastport Herald"}, ["ferry"]),
    ],
)
def test_search_filters(store, filters, expected):
    items = store.search_quotes(**filters)["items"]
    assert [h["article_id"] for h in items] == expected


def test_search_by_speaker_id(store):
    ortiz = store.speakers(q="Ortiz")["items"][0]["id"]
    assert len(store.search_quotes(speaker=ortiz)["items"]) == 2
    assert len(store.search_quotes(speaker=str(ortiz))["items"]) == 2


def test_search_pagination_is_complete_and_newest_first(make_store):
    s = make_store()
    for i in range(23):
        assert s.add_article(numbered_article(i)).added
    s.add_article(Article(text="Undated: the harbour budget is fine, Ana Wu said.", attributions=(
        said("Undated: the harbour budget is fine, Ana Wu said.", "the harbour budget is fine", "Ana Wu", name="Ana Wu"),)))
    seen, cursor, pages = [], None, 0
    while True:
        page = s.search_quotes("harbour budget", order="date", limit=5, cursor=cursor)
        seen += page["items"]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 5
    assert len(seen) == len({h["id"] for h in seen}) == 24
    dated = [h["published"] for h in seen[:-1]]
    assert dated == sorted(dated, reverse=True)
    assert seen[-1]["published"] is None  # unknown dates last


def test_search_by_relevance_is_the_index_ranking_and_pages_completely(make_store):
    s = make_store()
    for i in range(12):
        assert s.add_article(numbered_article(i)).added
    # "harbour" three times in a short content: the best match by bm25 and ts_rank alike.
    text = "Harbour, harbour, harbour: the harbour budget, Ana Wu said."
    assert s.add_article(Article(text=text, id="best", published="1999-01-01", attributions=(
        said(text, "Harbour, harbour, harbour: the harbour budget", "Ana Wu", name="Ana Wu"),))).added
    first = s.search_quotes("harbour", limit=5)
    assert first["order"] == "relevance"  # the default when there are words
    assert first["items"][0]["article_id"] == "best"  # though it is the oldest
    assert s.search_quotes("harbour", order="date", limit=1)["items"][0]["article_id"] != "best"
    seen, cursor = [], None
    while True:
        page = s.search_quotes("harbour", limit=5, cursor=cursor)
        seen += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len({h["id"] for h in seen}) == 13
    # A cursor of one order is refused by the other.
    with pytest.raises(InvalidQuery):
        s.search_quotes("harbour", order="date", cursor=first["next_cursor"])
    # Without words there is nothing to rank: newest first.
    assert s.search_quotes(order="relevance")["order"] == "date"


def test_search_total_and_facets_count_the_whole_result(make_store):
    s = make_store()
    s.add_article(ferry_article())
    s.add_article(repeat_article())
    for i in range(3):
        s.add_article(numbered_article(i))
    page = s.search_quotes(limit=1, facets=True)
    assert page["total"] == 7 and len(page["items"]) == 1
    facets = page["facets"]
    assert {f["value"]: f["count"] for f in facets["kind"]} == {"indirect": 5, "direct": 2}
    assert {f["value"]: f["count"] for f in facets["outlet"]} == {"Ledger": 3, "Eastport Herald": 2, "Harbour Gazette": 2}
    assert facets["outlet"][0] == {"value": "Ledger", "label": "Ledger", "count": 3}  # most hits first
    assert {f["value"]: f["count"] for f in facets["month"]} == {"2021-03": 4, "2020-01": 1, "2020-02": 1, "2020-03": 1}
    wu = next(f for f in facets["speaker"] if f["label"] == "Ana Wu")
    assert wu["count"] == 3 and s.search_quotes(speaker=wu["value"])["total"] == 3
    assert {f["value"]: f["count"] for f in facets["named"]} == {"named": 6, "unnamed": 1}
    assert facets["speaker_type"] == [{"value": "person", "label": "person", "count": 2}]  # Ortiz, an entity
    assert facets["confidence"] == [
        {"value": "0.7", "label": "at least 0.7", "count": 7}, {"value": "0.5", "label": "at least 0.5", "count": 7},
    ]
    # Each count is what its filter finds.
    for name, filters in (("named", {"named": "unnamed"}), ("speaker_type", {"speaker_type": "person"})):
        assert s.search_quotes(**filters)["total"] == next(f["count"] for f in facets[name] if f["value"] in filters.values())
    assert [h["speaker_description"] for h in s.search_quotes(named="unnamed")["items"]] == ["spokeswoman for the port authority"]
    assert s.search_quotes(named="none")["total"] == 0
    # Facets follow the filters, and a filtered total is the filtered count.
    narrowed = s.search_quotes("ferry", kind="direct", facets=True)
    assert narrowed["total"] == 2
    assert narrowed["facets"]["kind"] == [{"value": "direct", "label": "direct", "count": 2}]
    assert s.search_quotes()["facets"] is None
    assert s.search_quotes(total=False)["total"] is None


def _mixed_corpus(s) -> None:
    """Articles of several outlets (one in another case, one with none), dated and not,
    with speakers named, unnamed and absent, of several types, at several confidences."""
    s.add_article(ferry_article())
    s.add_article(repeat_article())
    for i in range(4):
        s.add_article(numbered_article(i))
    text = "Analysts said the harbour budget was too small. The plan, the minister noted, is fine."
    attributions = (
        replace(said(text, "the harbour budget was too small", "Analysts", description="Analysts", kind="indirect"),
                confidence=0.55),
        replace(said(text, "The plan", "the minister", name="Ana Wu", cue="noted", number=2), confidence=0.95),
        replace(said(text, "is fine", "the minister", number=3), speaker=None, confidence=0.3),
    )
    s.add_article(Article(text=text, id="undated", outlet="LEDGER", attributions=attributions))
    s.add_article(Article(text=text + " Again.", id="nowhere", published="2021-03-20", attributions=attributions))
    # People of known gender (an honorific), quoted in several outlets and months.
    people = [("Mara Jovic", "female"), ("Ines Alvarez", "female"), ("Piet Smits", "male"), ("Kofi Mensah", None)]
    for number, (name, gender) in enumerate(people):
        for repeat in range(number + 1):
            text = f"{name} said item {number}-{repeat} was done."
            entity = Entity("e1", name, "person", (), (frag(text, name),), gender, "honorific" if gender else None)
            attribution = replace(said(text, f"item {number}-{repeat} was done", name, name=name, entity=entity,
                                       kind="indirect"),
                                  speaker=Speaker((frag(text, name),), "e1", name, None, gender,
                                                  "honorific" if gender else None))
            s.add_article(Article(
                text=text, id=f"g{number}-{repeat}", published=f"2020-0{1 + repeat}-15" if repeat < 3 else None,
                outlet=("Ledger", "Eastport Herald")[number % 2], attributions=(attribution,), entities=(entity,),
            ))


def _every_hit(s, q, filters) -> list[dict]:
    hits, cursor = [], None
    while True:
        page = s.search_quotes(q, **filters, limit=1000, cursor=cursor)
        hits += page["items"]
        if (cursor := page["next_cursor"]) is None:
            return hits


def _top(counts) -> list[dict]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:10]
    return [{"value": value, "label": value, "count": count} for value, count in ordered]


COUNTED_FILTERS = [
    (None, {}), (None, {"outlet": "ledger"}), (None, {"outlet": "Eastport Herald"}), (None, {"since": "2021-01-01"}),
    (None, {"until": "2020-02-15"}), (None, {"kind": "indirect"}), (None, {"named": "unnamed"}),
    (None, {"named": "none"}), (None, {"speaker_type": "person"}), (None, {"min_confidence": 0.8}),
    (None, {"speaker": "Ana Wu"}), ("ferry", {}), ("harbour budget", {"outlet": "LEDGER", "since": "2020-02-01"}),
]


@pytest.mark.parametrize(("q", "filters"), COUNTED_FILTERS)
def test_counts_are_the_counts_of_the_hits(make_store, q, filters):
    """The total, every facet and the most quoted of a search are what its hits say, each hit
    read with its article (issue 12: the counts read each attribution's copy of its article's
    outlet and day, and count per speaker first; these pin their results)."""
    s = make_store()
    _mixed_corpus(s)
    hits = _every_hit(s, q, filters)
    page = s.search_quotes(q, **filters, limit=1, facets=True)
    assert page["total"] == len(hits) > 0
    speakers = {h["speaker_id"]: s.speaker(h["speaker_id"]) for h in hits if h["speaker_id"] is not None}
    facets = page["facets"]
    assert facets["kind"] == _top(Counter(h["kind"] for h in hits))
    assert facets["outlet"] == _top(Counter(h["outlet"] for h in hits if h["outlet"]))
    assert facets["month"] == _top(Counter(h["published"][:7] for h in hits if h["published"]))
    assert facets["speaker_type"] == _top(Counter(
        speakers[h["speaker_id"]]["type"] for h in hits if h["speaker_id"] is not None and speakers[h["speaker_id"]]["type"]
    ))
    assert facets["named"] == _top(Counter(
        "named" if h["speaker_name"] else "unnamed" if h["speaker_id"] is not None else "none" for h in hits
    ))
    per_speaker = Counter(h["speaker_id"] for h in hits if h["speaker_id"] is not None)
    most = sorted(per_speaker.items(), key=lambda item: (-item[1], item[0]))[:10]
    assert facets["speaker"] == [
        {"value": str(i), "label": speakers[i]["name"] or speakers[i]["description"], "count": n} for i, n in most
    ]
    assert [(m["id"], m["num_attributions"]) for m in s.most_quoted(q, **filters)["items"]] == most
    assert facets["confidence"] == [
        {"value": str(step), "label": f"at least {step}", "count": n}
        for step in (0.9, 0.7, 0.5) if (n := sum(h["confidence"] >= step for h in hits))
    ]


@pytest.mark.parametrize("window", [{}, {"outlet": "ledger"}, {"since": "2021-01-01"}, {"until": "2020-03-31"},
                                    {"outlet": "Harbour Gazette", "since": "2021-03-01", "until": "2021-03-31"}])
def test_timeline_and_gender_shares_are_the_counts_of_the_hits(make_store, window):
    """The dashboard's attributions per month and outlet, and its distinct quoted people by
    gender, are what the hits of the same window say (each hit read with its article)."""
    s = make_store()
    _mixed_corpus(s)
    hits = _every_hit(s, None, window)
    per_month = Counter(((h["published"] or "")[:7] if h["published"] and h["published"][:1].isdigit() else "",
                         h["outlet"]) for h in hits)
    assert sorted((r["month"], r["outlet"] or "", r["count"]) for r in s.timeline(**window)) == sorted(
        (month, outlet or "", n) for (month, outlet), n in per_month.items())
    people = {h["speaker_id"]: s.speaker(h["speaker_id"]) for h in hits if h["speaker_id"] is not None}
    people = {i: p for i, p in people.items() if p["named"] and p["type"] == "person"}

    def by_gender(ids) -> dict[str, int]:
        counts = Counter(people[i]["gender"] or "unknown" for i in set(ids))
        return {g: counts.get(g, 0) for g in ("female", "male", "unknown")}

    quoted = [h for h in hits if h["speaker_id"] in people]
    shares = s.gender_shares(**window)
    if not window:  # the corpus has women, men, and people of unknown gender, dated and not
        assert shares["top_women"] and shares["top_men"] and shares["overall"]["unknown"]
    assert shares["overall"] == by_gender(h["speaker_id"] for h in quoted)
    outlets = {h["outlet"] for h in quoted}
    assert {o["outlet"]: {g: o[g] for g in ("female", "male", "unknown")} for o in shares["by_outlet"]} == {
        outlet: by_gender(h["speaker_id"] for h in quoted if h["outlet"] == outlet) for outlet in outlets
    }
    months = {h["published"][:7] for h in quoted if h["published"]}
    assert {m["month"]: {g: m[g] for g in ("female", "male", "unknown")} for m in shares["by_month"]} == {
        month: by_gender(h["speaker_id"] for h in quoted if (h["published"] or "")[:7] == month) for month in months
    }
    for gender, listed in (("female", shares["top_women"]), ("male", shares["top_men"])):
        counts = Counter(h["speaker_id"] for h in quoted if people[h["speaker_id"]]["gender"] == gender)
        most = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:10]
        assert [(p["id"], p["name"], p["num_attributions"]) for p in listed] == [
            (i, people[i]["name"], n) for i, n in most]


def test_counts_read_no_article_row(make_store, monkeypatch):
    """A search's total, facets and most quoted, the timeline and the gender table read the
    attributions' copies of their article's outlet and day, never the articles, whose rows
    hold the whole text: only a page of hits joins them (issue 12's load benchmark)."""
    s = make_store()
    _mixed_corpus(s)
    seen: list[str] = []
    rows = s.db.rows
    monkeypatch.setattr(s.db, "rows", lambda sql, params=(): seen.append(sql) or rows(sql, params))
    s.search_quotes("harbour", outlet="ledger", since="2020-01-01", facets=True)
    s.search_quotes(outlet="ledger", facets=True)
    s.most_quoted(outlet="ledger", since="2020-01-01")
    s.timeline(outlet="ledger", since="2020-01-01")
    s.gender_shares(outlet="ledger", since="2020-01-01")
    pages = [sql for sql in seen if "article_title" in sql]
    assert len(pages) == 2
    assert [sql for sql in seen if "articles" in sql and sql not in pages] == []


def test_search_min_confidence(make_store):
    s = make_store()
    s.add_article(ferry_article())
    assert s.search_quotes(min_confidence=0.875)["total"] == 2
    assert s.search_quotes(min_confidence=0.9)["total"] == 0
    assert s.search_quotes(min_confidence=0)["total"] == 2


def test_quote_shows_how_it_spread(store):
    quote_id = store.search_quotes("ferry nobody")["items"][0]["quote_id"]
    found = store.quote(quote_id)
    assert found["quote_id"] == quote_id and found["num_occurrences"] == 2
    # Earliest first: the Gazette's March 2 repetition before the Herald's March 8 article.
    assert [o["article_id"] for o in found["occurrences"]] == ["repeat", "ferry"]
    assert [o["published"] for o in found["occurrences"]] == ["2021-03-02", "2021-03-08"]
    assert found["first_seen"] == "2021-03-02"
    assert found["outlets"] == ["Harbour Gazette", "Eastport Herald"]
    assert [o["speaker_mention"] for o in found["occurrences"]] == ["Ortiz", "Mayor Lena Ortiz"]
    assert [v["content"] for v in found["variants"]] == [
        "\u201cWe will NOT sink money into a ferry nobody rides.\u201d",
        '"We will not sink money into a ferry nobody rides,"',
    ]
    assert found["variants"][0] == {
        "content": "\u201cWe will NOT sink money into a ferry nobody rides.\u201d",
        "count": 1, "first_seen": "2021-03-02", "outlets": ["Harbour Gazette"],
    }
    assert store.quote("q0000000000000000") is None
    assert store.quote("q\x00") is None


@pytest.mark.parametrize(
    "bad",
    [{"cursor": "garbage"}, {"since": "yesterday-ish"}, {"kind": "rumour"}, {"limit": 0}, {"limit": 100000},
     {"order": "random"}, {"min_confidence": 1.5}, {"speaker_type": "robot"}, {"named": "maybe"}, {"min_confidence": "nan"}, {"min_confidence": "high"},
     {"cursor": "WyJzZWFyY2gtcmVsZXZhbmNlIixbTmFOLDFdXQ"}],
)
def test_search_rejects_bad_arguments(store, bad):
    with pytest.raises(InvalidQuery):
        store.search_quotes("ferry", **bad)


def test_cursor_of_one_view_is_refused_by_another(make_store):
    s = make_store()
    for i in range(3):
        s.add_article(numbered_article(i))
    cursor = s.speakers(limit=1)["next_cursor"] or s.search_quotes(limit=1)["next_cursor"]
    with pytest.raises(InvalidQuery):
        s.quotes(cursor=s.search_quotes(limit=1)["next_cursor"])
    assert cursor


# -- exports --------------------------------------------------------------------


def test_export_jsonl_is_the_article_dicts(store, tmp_path):
    out = tmp_path / "articles.jsonl"
    assert store.export("jsonl", out) == 2
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [store.article("ferry"), store.article("repeat")]
    assert Article.from_dict(lines[0]).attributions == ferry_article().attributions


def test_export_csv_one_row_per_attribution(store):
    buffer = io.StringIO()
    assert store.export("csv", buffer) == 4
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert len(rows) == 4
    assert {r["speaker_name"] for r in rows} >= {"Lena Ortiz", "Tomas Reyes"}


def test_export_csv_writes_a_would_be_formula_as_text(make_store):
    text = "=HYPERLINK(\"http://evil.example\") was all Mallory Vane said about it."
    article = Article(
        text=text, id="formula",
        attributions=(said(text, '=HYPERLINK("http://evil.example")', "Mallory Vane", name="Mallory Vane", kind="indirect"),),
    )
    store = make_store()
    store.add_article(article)
    buffer = io.StringIO()
    assert store.export("csv", buffer) == 1
    [row] = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert row["content"] == "'=HYPERLINK(\"http://evil.example\")"
    assert row["speaker_name"] == "Mallory Vane"


def test_export_parquet(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "a.parquet"
    assert store.export("parquet", out) == 4
    table = pq.read_table(out)
    assert table.num_rows == 4
    assert "content" in table.column_names


def test_export_quotebank_fields(store):
    buffer = io.StringIO()
    assert store.export("quotebank", buffer) == 3
    records = [json.loads(line) for line in buffer.getvalue().splitlines()]
    for record in records:
        assert set(record) == {"quoteID", "quotation", "speaker", "qids", "probas", "date", "numOccurrences",
                               "phase", "urls"}
        assert all(isinstance(share, float) for _, share in record["probas"])
    top = max(records, key=lambda r: r["numOccurrences"])
    assert top["speaker"] == "Lena Ortiz"
    assert top["date"] == "2021-03-02 00:00:00"
    assert top["numOccurrences"] == 2
    assert sorted(top["urls"]) == ["https://gazette.example/harbour", "https://herald.example/ferry"]


def test_export_rejects_unknown_format(store, tmp_path):
    with pytest.raises(InvalidQuery):
        store.export("xml", tmp_path / "x")


# -- schema and errors -------------------------------------------------------


def test_schema_version_and_reopen(make_store, store_url):
    url = store_url()
    first = make_store(url)
    assert first.db.schema_version() == schema.LATEST_VERSION
    first.add_article(ferry_article())
    first.close()
    again = make_store(url)
    assert again.stats()["articles"] == 1
    assert again.db.schema_version() == schema.LATEST_VERSION


def test_newer_schema_is_refused(make_store, store_url):
    url = store_url()
    s = make_store(url)
    s.db.execute("UPDATE schema_version SET version = ?", (schema.LATEST_VERSION + 1,))
    s.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(url)


def _old_schema_rows(s, article: Article, speaker_keys: list[tuple[str, str]]) -> None:
    """Write an article as onrecord before issue 10 did: speakers keyed ``name:`` / ``desc:`` across articles."""
    s.db.execute(
        "INSERT INTO articles (id, text, text_hash, published, day, outlet, entities, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (article.id, article.text, normalize.text_hash(article.text), article.published,
         normalize.normalize_date(article.published) or "", article.outlet,
         json.dumps([e.to_dict() for e in article.entities]), "2021-01-01T00:00:00+00:00"),
    )
    for ordinal, (attribution, (key, label)) in enumerate(zip(article.attributions, speaker_keys, strict=True)):
        row = s.db.one(
            "INSERT INTO speakers (key, norm, name, description, num_attributions) VALUES (?, ?, ?, ?, 1) "
            "ON CONFLICT (key) DO UPDATE SET num_attributions = speakers.num_attributions + 1 RETURNING id",
            (key, label, label if key.startswith("name:") else None, None if key.startswith("name:") else label),
        )
        s.db.execute(
            "INSERT INTO attributions (article_id, ordinal, attribution_id, kind, content, content_fragments, cue, "
            "speaker_id, speaker, confidence, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, ordinal, attribution.id, attribution.kind, attribution.content_text,
             json.dumps([f.to_dict() for f in attribution.content]), json.dumps([f.to_dict() for f in attribution.cue]),
             row["id"], json.dumps(attribution.speaker.to_dict()), attribution.confidence,
             normalize.normalize_date(article.published) or ""),
        )


@pytest.mark.parametrize("old_version", [1, 2, 3])
def test_old_schema_database_migrates_and_rekeys_its_speakers(store_url, old_version):
    """A database made before issue 10 opens at the latest version, data and search intact,
    its speakers re-keyed: the "analysts" of two articles, one speaker there, become two.
    Its attributions get their article's outlet (version 4), which the counts read."""
    url = store_url()
    with open_store(url) as s:  # rebuilt at the old version: drop everything, apply only the old migrations
        for table in ("attributions", "speaker_forms", "quotes", "speakers", "articles", "schema_version", "settings"):
            s.db.execute(f"DROP TABLE IF EXISTS {table}" + (" CASCADE" if s.backend == "postgresql" else ""))
        s.db.execute("DROP TABLE IF EXISTS attributions_fts")
        with s.db.transaction():
            s.db.execute(schema.VERSION_TABLE)
            for migration in schema.MIGRATIONS[:old_version]:
                for statement in migration(s.db.dialect):
                    s.db.execute(statement)
            s.db.execute("INSERT INTO schema_version (version) VALUES (?)", (old_version,))
            for number in (1, 2):
                text = f"Story {number}. Analysts said the ferry would lose money, Lena Ortiz noted."
                article = Article(text=text, id=f"old{number}", published="2021-03-0" + str(number),
                                  outlet=("Old Herald", "Old Gazette")[number - 1], attributions=(
                    said(text, "the ferry would lose money", "Analysts", description="Analysts", kind="indirect"),
                    said(text, "Analysts said the ferry would lose money", "Lena Ortiz", name="Lena Ortiz",
                         kind="indirect", cue="noted", number=2),
                ))
                _old_schema_rows(s, article, [("desc:analysts", "analysts"), ("name:lena ortiz", "lena ortiz")])
    with open_store(url) as s:
        assert s.db.schema_version() == schema.LATEST_VERSION
        assert {h["article_id"] for h in s.search_quotes("ferry")["items"]} == {"old1", "old2"}
        items = s.speakers()["items"]
        assert [(i["name"], i["num_attributions"], i["named"]) for i in items if i["named"]] == [("Lena Ortiz", 2, True)]
        analysts = [i for i in items if not i["named"]]
        assert [(i["description"], i["num_attributions"]) for i in analysts] == [("Analysts", 1), ("Analysts", 1)]
        assert s.add_article(ferry_article()).added
        assert s.speakers(q="Lena Ortiz")["items"][0]["num_attributions"] == 3
        assert {f["value"]: f["count"] for f in s.search_quotes(facets=True)["facets"]["outlet"]} == {
            "Old Herald": 2, "Old Gazette": 2, "Eastport Herald": 2}
        assert {h["article_id"] for h in s.search_quotes(outlet="old herald")["items"]} == {"old1"}
        assert {(r["month"], r["outlet"], r["count"]) for r in s.timeline()} == {
            ("2021-03", "Old Herald", 2), ("2021-03", "Old Gazette", 2), ("2021-03", "Eastport Herald", 2)}


@pytest.mark.postgres
def test_postgres_search_index_has_no_pending_list(postgres_server):
    """GIN's fastupdate left new rows in a list every search scanned: a search after the
    BBC ingest took 12-20 ms instead of under 2 (benchmarks/load.py). It is off."""
    from postgres_server import new_postgres_url

    with open_store(new_postgres_url(postgres_server)) as s:
        s.add_article(ferry_article())
        row = s.db.one("SELECT reloptions FROM pg_class WHERE relname = 'attributions_fts'")
        assert "fastupdate=off" in row["reloptions"]
        pending = s.db.one("SELECT gin_clean_pending_list('attributions_fts'::regclass) AS pages")
        assert pending["pages"] == 0  # nothing was waiting to be merged


def test_driver_errors_become_store_errors(make_store):
    s = make_store()
    s.close()
    with pytest.raises(StoreError):
        s.stats()


def test_context_manager_closes(store_url):
    with open_store(store_url()) as s:
        assert s.stats()["articles"] == 0
    with pytest.raises(StoreError):
        s.stats()


def test_open_store_urls(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///rel.db") as s:
        assert s.backend == "sqlite"
    assert (tmp_path / "rel.db").exists()
    with open_store(f"sqlite:///{tmp_path}/abs.db") as s:
        s.add_article(ferry_article())
    with open_store(tmp_path / "abs.db") as s:
        assert s.stats()["articles"] == 1
    with open_store("sqlite://") as s:
        assert s.stats()["articles"] == 0
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://localhost/x")
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing-dir" / "x.db")


def test_sqlite_file_is_in_wal_mode(tmp_path):
    with open_store(tmp_path / "w.db") as s:
        assert s.db.one("PRAGMA journal_mode")["journal_mode"] == "wal"


@pytest.mark.postgres
def test_postgres_unreachable_is_a_one_line_store_error():
    with pytest.raises(StoreError, match=r"cannot connect") as info:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(info.value)


def test_normalize_dates():
    assert normalize.normalize_date("2016-09-12") == "2016-09-12"
    assert normalize.normalize_date("2016-09-12T10:00:00Z") == "2016-09-12"
    assert normalize.normalize_date("26-FEB-1987 15:01:01.79") == "1987-02-26"
    assert normalize.normalize_date("Mon, 21 May 2018 10:00:00 GMT") == "2018-05-21"
    assert normalize.normalize_date("March 2, 2021") == "2021-03-02"
    assert normalize.normalize_date("2004-2005") is None
    assert normalize.normalize_date("2021-02-30") is None


# -- hostile query arguments ----------------------------------------------------


def test_a_deeply_nested_cursor_is_invalid_not_a_crash(store):
    """json.loads raises RecursionError on `[` nested ~1,000 deep: that is a bad cursor, not a server error."""
    cursor = base64.urlsafe_b64encode(b"[" * 1100 + b"]" * 1100).decode().rstrip("=")
    for call in (store.search_quotes, store.speakers, store.quotes):
        with pytest.raises(InvalidQuery, match="invalid cursor"):
            call(cursor=cursor)


def test_a_query_that_expands_under_nfkc_is_refused_clearly(store):
    """U+FDFA is 18 characters under NFKC: 1,700 of them made SQLite's "LIKE pattern too complex" (a 500)."""
    huge = "\ufdfa" * 1700
    with pytest.raises(InvalidQuery, match="too long"):
        store.speakers(q=huge)
    with pytest.raises(InvalidQuery, match="too long"):
        store.search_quotes(speaker=huge)
    assert store.speakers(q="\ufdfa" * 10)["items"] == []  # a short one is just not found


@pytest.mark.parametrize("typed", ["ｆｅｒｒｙ", "ＦＥＲＲＹ"])
def test_full_width_letters_find_their_plain_forms(store, typed):
    assert store.search_quotes(typed)["items"] == store.search_quotes("ferry")["items"] != []
    assert store.quotes(q=typed)["items"] == store.quotes(q="ferry")["items"]


def test_search_is_nfkc_folded(make_store):
    s = make_store()
    text = "The café owner, Renée Dubois, said the café would stay open all winter."
    s.add_article(Article(text=text, id="cafe", attributions=(
        said(text, "the café would stay open all winter", "Renée Dubois", name="Renée Dubois", kind="indirect"),
    )))
    decomposed = "cafe\u0301"  # e + combining acute accent, as some keyboards type it
    assert [h["article_id"] for h in s.search_quotes(decomposed)["items"]] == ["cafe"]
    assert [i["name"] for i in s.speakers(q="Rene\u0301e")["items"]] == ["Renée Dubois"]
    assert [i["name"] for i in s.speakers(q="ＲＥＮÉＥ")["items"]] == ["Renée Dubois"]
    assert [h["article_id"] for h in s.search_quotes(speaker="Rene\u0301e Dubois")["items"]] == ["cafe"]


@pytest.mark.postgres
def test_postgres_deadlock_is_retried(postgres_server, monkeypatch):
    """PostgreSQL aborts one of two deadlocked transactions; running it again is what the server expects."""
    import psycopg

    from postgres_server import new_postgres_url
    from onrecord.store import facade

    monkeypatch.setattr(facade, "RECONNECT_FIRST_WAIT_S", 0.0)
    with open_store(new_postgres_url(postgres_server)) as s:
        run = s.db._run
        failures = iter([psycopg.errors.DeadlockDetected("deadlock detected")])

        def deadlocking(sql, params):
            for error in failures:
                raise error
            return run(sql, params)

        monkeypatch.setattr(s.db, "_run", deadlocking)
        assert s.add_article(ferry_article()) == Stored("ferry", added=True)
        assert s.stats()["articles"] == 1
