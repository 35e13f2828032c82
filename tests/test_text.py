"""Paragraphs and quotation marks: offsets into the text as given, never an exception."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.text import paragraph_spans, quotations, quote_spans


def test_paragraphs_split_at_blank_lines_and_keep_offsets():
    text = "Update 2:01 p.m.:\n\n  The mayor spoke.\nStill the same paragraph.\n\n\n"
    spans = paragraph_spans(text)
    assert [text[a:b] for a, b in spans] == ["Update 2:01 p.m.:", "The mayor spoke.\nStill the same paragraph."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "yes" and "no".', ['"yes"', '"no"']),
        ("She said “we will win” today.", ["“we will win”"]),
        ("Il a dit « non » hier.", ["« non »"]),
        ("“the assertion that you are ‘Trump’s #1 supporter,’” per the letter", ["“the assertion that you are ‘Trump’s #1 supporter,’”"]),
        ("''It's more tinkering,'' he said.", ["''It's more tinkering,''"]),
        ("A stray ” closer and “an unclosed one", ["“an unclosed one"]),
        ("”Typed backwards,” she wrote.", ["”Typed backwards,”"]),
        ("“I’d rather live in what he calls “hell” than here.” ― A reader", ["“I’d rather live in what he calls “hell” than here.”"]),
        ("“Unclosed and “reopened,” she said.", ["“Unclosed and “reopened,”"]),
        ('"An excerpt quoting “someone” inside it', ['"An excerpt quoting “someone” inside it']),
        # copy that lost its paragraph breaks reopens the quote without closing it
        ('said: "It was a stupid remark. "If you say that, there is trouble."', ['"It was a stupid remark.', '"If you say that, there is trouble."']),
        ('He called it "a mess. " Then he left.', ['"a mess. "']),
    ],
)
def test_quote_pairing(text, expected):
    assert [text[a:b] for a, b in quote_spans(text, 0, len(text))] == expected


def test_multi_paragraph_quote_reopens_and_closes_once():
    text = "“First part of it.\n\n“Second part of it.\n\n“Last part,” she said.\n\nNarration."
    quotes = quotations(text, paragraph_spans(text))
    assert len(quotes) == 1
    assert [text[a:b] for a, b in quotes[0].spans] == ["“First part of it.", "“Second part of it.", "“Last part,”"]


def test_an_unclosed_straight_excerpt_gives_way_to_the_quotes_inside_it():
    text = '"The rally was loud. “We are here,” she said, and “Nobody leaves.”\n\nAfterwards we left.'
    quotes = quotations(text, paragraph_spans(text))
    assert [text[q.start : q.end] for q in quotes] == ["“We are here,”", "“Nobody leaves.”"]


def test_a_straight_excerpt_does_not_swallow_the_next_curly_quote():
    # a site sets a long excerpt off with straight marks and quotes inside it with curly ones
    text = '"The crowd was loud.\n\n“We are here,” she said.\n\n"Nobody left."'
    quotes = quotations(text, paragraph_spans(text))
    assert "“We are here,”" in [text[q.start : q.end] for q in quotes]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\"“”‘’'«»,.")), max_size=120))
def test_quote_spans_are_always_inside_the_text(text):
    for quote in quotations(text, paragraph_spans(text)):
        for start, end in quote.spans:
            assert 0 <= start < end <= len(text)
