"""Quotation marks as crawled text has them, for both strategies (issue 9, item 5).

A text that starts inside a quotation, a quotation opened with one mark and
closed with another, an inverted present-tense cue, and a quotation left open
at a paragraph's end must not shift, swallow or invert the quotations around them.
"""

from __future__ import annotations

import pytest

from onrecord import Extractor
from onrecord.attribution import STRATEGIES
from onrecord.text import paragraph_spans, quotations


def quoted(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.spans] for q in quotations(text, paragraph_spans(text))]


def test_stray_closing_mark_stays_unpaired():
    text = 'and that is history," she added. The mayor said "it is ready" on Monday.'
    assert quoted(text) == [['"it is ready"']]


def test_stray_curly_closer_stays_unpaired():
    text = "the rest is history,” she added.\n\n“It is ready,” Whitfield said."
    assert quoted(text) == [["“It is ready,”"]]


def test_quotation_opened_with_one_mark_and_closed_with_another():
    text = "'AMANDA, you stabbed me,\" a stunned Mark Jones told the court."
    assert quoted(text) == [["'AMANDA, you stabbed me,\""]]
    text = "‘We are done here,” the coach said."
    assert quoted(text) == [["‘We are done here,”"]]


def test_an_opening_mark_typed_for_the_closing_one():
    text = "“Apparently not,“ he said. “A leopard doesn’t change its spots.”"
    assert quoted(text) == [["“Apparently not,“"], ["“A leopard doesn’t change its spots.”"]]
    # a nested quotation that opens after punctuation is still nested
    text = "“He called it “hell,” and left,” she said."
    assert quoted(text) == [["“He called it “hell,” and left,”"]]


def test_an_apostrophe_never_opens_a_quotation():
    text = "It's over,\" the coach said, and the players' bus left."
    assert quoted(text) == []


def test_a_nickname_between_a_persons_names_is_no_quotation():
    assert quoted('Gov. C.L. "Butch" Otter signed it. Rep. Thomas “Tip” O\'Neill did not.') == []
    # one capitalised word quoted after a lowercase one is a quotation
    assert quoted('He called it "Fine" today.') == [['"Fine"']]


def test_pairing_stays_in_its_paragraph_unless_the_next_one_continues():
    text = "He said “the plan is dead.\n\nThe council met on Monday and voted."
    assert quoted(text) == [["“the plan is dead."]]
    text = "“We will win the next one.\n\n“And the one after that,” he added."
    assert quoted(text) == [["“We will win the next one.", "“And the one after that,”"]]


@pytest.fixture(scope="module", params=STRATEGIES)
def extractor(request):
    return Extractor(strategy=request.param)


def _attributions(extractor, text):
    return [
        ([f.text for f in a.content], [f.text for f in a.cue], a.speaker.mention[0].text if a.speaker else None)
        for a in extractor.extract(text).attributions
    ]


def test_inverted_present_tense_cue(extractor):
    text = '"We love cats!" reply Burton and Nick. The shelter opens on Monday.'
    found = _attributions(extractor, text)
    assert any(content == ['"We love cats!"'] or content == ["We love cats!"] for content, _, _ in found), found
    [(content, cue, source)] = [f for f in found if "cats" in " ".join(f[0])]
    assert cue == ["reply"]
    assert source is not None and "Burton" in source


def test_mixed_marks_quote_keeps_its_speaker(extractor):
    text = "'AMANDA, you stabbed me,\" a stunned Mark Jones told the court on Tuesday."
    found = _attributions(extractor, text)
    [(content, cue, source)] = [f for f in found if "stabbed" in " ".join(f[0])]
    assert "told" in " ".join(cue)
    assert source is not None and "Mark Jones" in source
    assert all("court" not in c for c in content)


def test_a_quotation_after_an_abbreviations_stop_is_a_statement_of_its_own(extractor):
    # the parser read "a.m." as ending nothing: the paraphrase ran on into the quotation
    text = 'Officers were called to the house at 3 a.m. "The scene is secure and nobody was hurt," Sergeant Ann Gordon said.'
    found = _attributions(extractor, text)
    [(content, cue, source)] = [f for f in found if "scene" in " ".join(f[0])]
    assert content == ['"The scene is secure and nobody was hurt,"']
    assert cue == ["said"] and source == "Sergeant Ann Gordon"


def test_text_starting_inside_a_quotation(extractor):
    text = "the rest is history,” she added.\n\nThe mayor said “it is ready” on Monday."
    for content, _, _ in _attributions(extractor, text):
        # nothing runs across the paragraph break from the stray mark
        assert all("\n\n" not in c for c in content)
        assert all(not (c.startswith("”") and "mayor" in c) for c in content)
