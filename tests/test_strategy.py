"""The two strategies behind one interface, on the API and the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from spacy.tokens import Doc
from spacy.vocab import Vocab

from onrecord import Extractor
from onrecord.attribution import STRATEGIES, UnknownStrategy, may_attribute
from onrecord.attribution.strategy import TAG_EVERY_PARAGRAPH_CHARS, tagged_spans
from onrecord.attribution.tagger import TaggerUnavailable
from onrecord.cli import main
from onrecord.text import Unit

TEXT = "“We cannot sign a blank check,” said Dana Whitfield, the council’s budget chair."


def test_unknown_strategy_is_a_clear_error():
    with pytest.raises(UnknownStrategy, match="choose one of learned, rules"):
        Extractor(strategy="neural")


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_both_strategies_give_the_same_schema(strategy):
    article = Extractor(strategy=strategy).extract(TEXT)
    [attribution] = article.attributions
    assert attribution.speaker.name == "Dana Whitfield"
    assert 0.0 < attribution.confidence <= 1.0
    assert set(article.to_dict()) >= {"id", "text", "attributions", "entities"}


def test_missing_model_directory_says_what_to_do(tmp_path):
    with pytest.raises(TaggerUnavailable, match="--strategy rules"):
        Extractor(strategy="learned", tagger=str(tmp_path)).extract(TEXT)


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_cli_extract_takes_a_strategy(strategy):
    result = CliRunner().invoke(main, ["extract", "-", "--strategy", strategy], input=TEXT)
    assert result.exit_code == 0, result.output
    [attribution] = json.loads(result.output)["attributions"]
    assert attribution["speaker"]["name"] == "Dana Whitfield"


def test_cli_rejects_an_unknown_strategy():
    result = CliRunner().invoke(main, ["extract", "-", "--strategy", "neural"], input=TEXT)
    assert result.exit_code == 2
    assert "'neural' is not one of 'learned', 'rules'" in result.output


def test_cli_missing_model_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["extract", "-", "--tagger", str(tmp_path)], input=TEXT)
    assert result.exit_code == 2
    assert "onrecord: error: no trained model at" in result.output
    assert "Traceback" not in result.output


def test_a_very_long_text_has_only_its_sentences_worth_parsing_tagged_with_their_neighbours():
    # tagging every paragraph of a 5 MB page would overrun the deadline (test_cli's five-megabyte article)
    words = ["Rain", ".", "Tea", ".", "Nets", "said", "no", ".", "Wind", ".", "Sun", ".", "Fog", "."]
    doc = Doc(Vocab(), words=words, spaces=[i + 1 < len(words) and words[i + 1] != "." for i in range(len(words))],
              sent_starts=[i == 0 or words[i - 1] == "." for i in range(len(words))])
    assert doc.text == "Rain. Tea. Nets said no. Wind. Sun. Fog."
    units = [Unit(0, 9, 0), Unit(12, 12 + len(doc.text), 1, doc=doc)]
    assert tagged_spans("x" * TAG_EVERY_PARAGRAPH_CHARS, units) == [(0, TAG_EVERY_PARAGRAPH_CHARS)]
    # "said": its sentence and one either side, "Tea. Nets said no. Wind."
    assert tagged_spans("x" * (TAG_EVERY_PARAGRAPH_CHARS + 1), units) == [(12 + 6, 12 + 30)]


def test_long_paragraphs_without_a_letter_or_digit_are_not_tagged():
    # 50,000 quotation marks cost the tagger 36 s and can hold no cue or name;
    # a short separator ("___.") is layout the model was trained with
    marks = "“”«»„‘’" * 20
    text = f"“Ships come in,” she said.\n\n{marks}\n\n___.\n\nThe port 2."
    assert [text[a:b] for a, b in tagged_spans(text, [])] == ["“Ships come in,” she said.", "___.", "The port 2."]


def test_the_tagger_reads_paragraphs_no_cue_word_marks():
    # "fumed" is in no cue table: the paragraph is not parsed, but the tagger still reads it
    text = "The council met on Monday.\n\nUnion leaders fumed that the deal would cost jobs."
    assert not may_attribute(text.split("\n\n")[1])
    [attribution] = Extractor(strategy="learned").extract(text).attributions
    assert attribution.content_text == "that the deal would cost jobs"
    assert attribution.speaker.description == "Union leaders"
