"""The tagger's windows, decoding and probabilities, on hand-made encodings (no model run)."""

from __future__ import annotations

import numpy as np
import pytest

from onrecord.attribution.tagger import LABELS, Encoding, Tagging, decode, owner_of_each_token, windows


def test_windows_cover_every_token_with_overlap():
    spans = windows(1000, size=254, stride=128)
    covered = np.zeros(1000, dtype=int)
    for start, end in spans:
        assert end - start == 254
        covered[start:end] += 1
    assert covered.min() >= 1
    assert spans[-1][1] == 1000  # the last window ends at the article's end: nothing cut


def test_short_article_is_one_window():
    assert windows(10) == [(0, 10)]
    assert windows(0) == [(0, 0)]


def test_each_token_is_judged_mid_window():
    spans = windows(600, size=254, stride=128)
    owner = owner_of_each_token(600, spans)
    # token 200 is near the end of window 0 and near the middle of window 1
    assert owner[200] == 1
    assert owner[0] == 0 and owner[599] == len(spans) - 1


def _encoding(words: list[tuple[int, int]], numbers: list[int] | None = None) -> Encoding:
    return Encoding(
        np.arange(len(words)),
        np.array([s for s, _ in words]),
        np.array([e for _, e in words]),
        np.array(numbers if numbers is not None else [i if s >= 0 else -1 for i, (s, _) in enumerate(words)]),
    )


def _probs(labels: list[str], p: float = 0.9) -> np.ndarray:
    probs = np.full((len(labels), len(LABELS)), (1 - p) / (len(LABELS) - 1), dtype=np.float32)
    for i, label in enumerate(labels):
        probs[i, LABELS.index(label)] = p
    return probs


TEXT = "Smith said the plan failed.\n\nIt did."
# Smith said the plan failed . [break] It did .
WORDS = [(0, 5), (6, 10), (11, 14), (15, 19), (20, 26), (26, 27), (-1, -1), (29, 31), (32, 35), (35, 36)]


def test_decode_runs_of_one_role():
    labels = ["B-source", "B-cue", "B-content", "I-content", "I-content", "O", "O", "B-content", "I-content", "O"]
    spans = decode(_encoding(WORDS), _probs(labels))
    assert [(s.role, TEXT[s.start : s.end]) for s in spans] == [
        ("source", "Smith"), ("cue", "said"), ("content", "the plan failed"), ("content", "It did"),
    ]
    # a run's probability is its role's: the label's and the role's other label's
    assert all(abs(s.probability - (0.9 + 0.1 / 6)) < 1e-6 for s in spans)


def test_a_wordpiece_takes_its_likeliest_role_b_and_i_summed():
    probs = _probs(["B-source", "B-cue", "B-content", "I-content", "I-content", "O", "O", "O", "O", "O"])
    # "It": 0.4 outside against 0.3 B-content and 0.3 I-content is content (a B: it starts a run)
    probs[7] = [0.4, 0, 0, 0, 0, 0.3, 0.3]
    probs[8] = [0.4, 0, 0, 0, 0, 0.25, 0.35]
    spans = decode(_encoding(WORDS), probs)
    assert [(s.role, TEXT[s.start : s.end]) for s in spans][-1] == ("content", "It did")


def test_a_b_label_starts_a_new_run_and_a_paragraph_break_ends_one():
    labels = ["B-content", "B-content", "I-content", "I-content", "I-content", "I-content", "O", "I-content", "I-content", "O"]
    spans = decode(_encoding(WORDS), _probs(labels))
    assert [TEXT[s.start : s.end] for s in spans] == ["Smith", "said the plan failed.", "It did"]


def test_a_wordpiece_follows_its_word():
    text = "Whitfield said"
    # "whit" "##field" "said": the second piece continues the first word whatever its label
    encoding = _encoding([(0, 4), (4, 9), (10, 14)], numbers=[0, 0, 1])
    spans = decode(encoding, _probs(["B-source", "O", "B-cue"]))
    assert [(s.role, text[s.start : s.end]) for s in spans] == [("source", "Whitfield"), ("cue", "said")]


def test_a_run_that_starts_inside_a_word_takes_the_whole_word():
    text = "coach Rick Tocchet was"
    # "coach" "rick" "to" "##cch" "##et" "was": not "cchet"
    encoding = _encoding([(0, 5), (6, 10), (11, 13), (13, 16), (16, 18), (19, 22)], numbers=[0, 1, 2, 2, 2, 3])
    spans = decode(encoding, _probs(["O", "O", "O", "B-source", "I-source", "B-cue"]))
    assert [(s.role, text[s.start : s.end]) for s in spans] == [("source", "Tocchet"), ("cue", "was")]


def test_role_probability_over_offsets():
    labels = ["B-source", "B-cue", "B-content", "I-content", "I-content", "O", "O", "O", "O", "O"]
    tagging = Tagging(_encoding(WORDS), _probs(labels))
    # the three content words and the full stop start inside 11..27
    other = 0.1 / 6
    assert tagging.role_probability("content", [(11, 27)]) == pytest.approx((3 * (0.9 + other) + 2 * other) / 4, rel=1e-5)
    assert tagging.role_probability("content", [(1000, 1001)]) == 0.0
