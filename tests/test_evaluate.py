"""docs/scoring.md scoring on hand-made cases."""

from onrecord.evaluate import Scorer, names_agree, positions


def frag(start, end, text):
    return {"start": start, "end": end, "text": text}


def test_trimming_ignores_quotes_and_punctuation():
    assert positions([frag(0, 7, "“Yes.”,")]) == frozenset({1, 2, 3})


def test_greedy_matching_partial_and_exact():
    text = "He said that the bridge is unsafe and old."
    gold = [{"content": [frag(8, 41, text[8:41])], "source": [frag(0, 2, "He")], "cue": [frag(3, 7, "said")]}]
    exact = [{"content": [frag(8, 41, text[8:41])], "speaker": {"mention": [frag(0, 2, "He")]}, "cue": [frag(3, 7, "said")]}]
    partial = [{"content": [frag(13, 41, text[13:41])], "speaker": None, "cue": []}]
    scorer = Scorer()
    scorer.add(gold, exact)
    scorer.add(gold, partial)
    metrics = scorer.metrics()
    assert metrics["content"]["partial"]["recall"] == 100.0
    assert metrics["content"]["exact"]["recall"] == 50.0
    assert metrics["source"]["exact"]["precision"] == 100.0
    assert metrics["source"]["partial"]["recall"] == 50.0


def test_names_agree_without_titles():
    assert names_agree("Michael Glassner", "Mr. Glassner")
    assert names_agree("The New York Times", "New York Times")
    assert not names_agree("Jeff Sessions", "Doug Jones")
    assert not names_agree(None, "Doug Jones")
