"""the GGT section of docs/scoring.md scoring (Gender Gap Tracker gold) on hand-made cases."""

from onrecord.evaluate import format_table
from onrecord.evaluate_ggt import GgtScorer, format_ggt_table, full_names_agree

TEXT = '"We will win," Ms. Ada Lovell said. "In November." Bo Chan disagreed.'


def frag(start, end):
    return {"start": start, "end": end, "text": TEXT[start:end]}


def quote(start, end, reference):
    return {"quote_start": start, "quote_end": end, "speaker_reference": reference}


RECORD = {
    "text": TEXT,
    "quotes": [quote(0, 14, "Ada Lovell"), quote(36, 50, "Ada Lovell")],
    "sources_female": ["Ada Lovell"],
    "sources_male": ["Bo Chan"],
}


def prediction(name, gender):
    speaker = {"mention": [frag(19, 29)], "entity": "e1", "name": name, "description": None}
    return {
        "attributions": [{"content": [frag(0, 14), frag(36, 50)], "speaker": speaker}],
        "entities": [{"id": "e1", "name": name, "type": "person", "gender": gender}],
    }


def test_each_fragment_matches_a_gold_quote_and_inherits_the_speaker():
    scorer = GgtScorer()
    scorer.add(RECORD, prediction("Ada Lovell", "female"))
    metrics = scorer.metrics()
    assert metrics["quote_recall"] == 100.0
    assert metrics["speaker_name_accuracy"] == 100.0
    assert metrics["full_name_accuracy"] == 100.0
    # Ada is found with her gender; Bo Chan is never a predicted speaker
    assert metrics["gender_right"] == 50.0 and metrics["gender_not_found"] == 50.0


def test_a_surname_is_a_right_name_but_not_a_full_name():
    scorer = GgtScorer()
    scorer.add(RECORD, prediction("Lovell", "male"))
    metrics = scorer.metrics()
    assert metrics["speaker_name_accuracy"] == 100.0
    assert metrics["full_name_accuracy"] == 0.0
    assert metrics["gender_wrong"] == 50.0


def test_wrong_names_are_counted_by_what_was_wrong():
    scorer = GgtScorer()
    scorer.add(RECORD, prediction("Bo Chan", None))
    unnamed = prediction(None, None)
    unnamed["attributions"][0]["speaker"]["description"] = "a spokeswoman"
    scorer.add(RECORD, unnamed)
    bare = prediction(None, None)
    bare["attributions"][0]["speaker"]["mention"] = [frag(15, 17)]
    bare["attributions"][0]["speaker"]["mention"][0]["text"] = "She"
    scorer.add(RECORD, bare)
    metrics = scorer.metrics()
    assert metrics["speaker_name_errors"] == {"another name": 2, "an unnamed description": 2, "a bare pronoun": 2}
    assert "wrong names: another name 2" in format_ggt_table(metrics)


def test_full_names_ignore_honorifics_but_not_missing_words():
    assert full_names_agree("Ms. Ada Lovell", "Ada Lovell")
    assert not full_names_agree("Lovell", "Ada Lovell")
    assert not full_names_agree(None, "Ada Lovell")


def test_no_denominator_prints_n_a():
    metrics = GgtScorer().metrics()
    assert "n/a" in format_ggt_table(metrics)
    polnear = {"articles": 0, "recall_quoted": 0.0, "recall_unquoted": 0.0, "quoted_gold": 0, "unquoted_gold": 0,
               "speaker_name_accuracy": 0.0, "speaker_names_gold": 0}
    empty = {"exact": {"precision": 0.0, "recall": 0.0, "f1": 0.0}, "predicted": 0, "gold": 0}
    empty["partial"] = empty["exact"]
    polnear.update(content=empty, source=empty, cue=empty)
    line = next(line for line in format_table(polnear).splitlines() if line.startswith("speaker name accuracy"))
    assert "n/a" in line and "0.00" not in line
