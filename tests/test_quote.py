"""Quote identity (``onrecord.store.quote``): the one definition the store and the Spark job group with."""

from __future__ import annotations

import itertools

import pytest

from onrecord.store.quote import MIN_QUOTE_KEY_CHARS, Occurrence, group, quotation_text, quote_id, quotebank_record


@pytest.mark.parametrize("a,b", [
    ('"We will win in November,"', "“We will WIN in November.”"),
    ("We  will\nwin in November", "we will win in november"),
    ("ｗｅ ｗｉｌｌ ｗｉｎ in November", "We will win in November"),  # NFKC: full-width letters
])
def test_near_identical_contents_share_an_id(a, b):
    assert quote_id(a) == quote_id(b) is not None
    assert quote_id(a).startswith("q") and len(quote_id(a)) == 17


def test_short_contents_are_not_grouped():
    assert quote_id("No comment.") is None  # 9 letters
    assert quote_id("x" * MIN_QUOTE_KEY_CHARS) is not None


def test_quotation_trims_marks_and_clause_punctuation_only():
    assert quotation_text('"We will win,"') == "We will win"
    assert quotation_text("“Is it over?”") == "Is it over?"


def occurrence(article_id, day, name, content="We will win in November", start=0, **extra):
    speaker = {"mention": [], "entity": None, "name": name, "description": None} if name else None
    return Occurrence(content=content, article_id=article_id, day=day, start=start, speaker=speaker,
                      kind="direct", **extra)


def test_group_is_the_same_whatever_the_order_of_its_occurrences():
    items = [
        occurrence("b", "2020-05-22", "Ruth Cole", '"We will WIN in November."', outlet="Daily"),
        occurrence("a", None, "Tom Hill", url="https://a.example/1"),
        occurrence("c", "2020-05-21", "Ruth  Cole", '"We will win in November,"', start=40, url="https://c.example/2"),
        occurrence("c", "2020-05-21", None, start=90),
    ]
    quote = group("q1", items)
    assert all(group("q1", list(order)) == quote for order in itertools.permutations(items))
    assert quote.quotation == "We will win in November"  # the earliest: article c, 2020-05-21, first position
    assert (quote.first_seen, quote.first_article) == ("2020-05-21", "c")
    # "Ruth  Cole" and "Ruth Cole" are one speaker, labelled as first written (spaces collapsed).
    assert quote.speakers == [("Ruth Cole", 2), ("Tom Hill", 1), (None, 1)]
    assert quote.speaker == "Ruth Cole" and quote.probas == [("Ruth Cole", 0.5), ("Tom Hill", 0.25), (None, 0.25)]
    assert quote.article_ids == ["c", "b", "a"] and quote.urls == ["https://c.example/2", "https://a.example/1"]


def test_quotebank_record():
    record = quotebank_record(group("q1", [occurrence("a", None, None), occurrence("b", None, None)]))
    assert record == {
        "quoteID": "q1", "quotation": "We will win in November", "speaker": "None", "qids": [], "date": None,
        "numOccurrences": 2, "probas": [["None", 1.0]], "urls": ["onrecord:article/a", "onrecord:article/b"],
        "phase": "onrecord",
    }


def test_a_quotation_is_one_line():
    from onrecord.store.quote import quotation_text

    assert quotation_text("“We will\nrebuild  the\r\nbridge,”") == "We will rebuild the bridge"
