"""A tiny training run end to end: `onrecord train` writes a model the learned strategy loads.

Three articles written for this test, one epoch: it checks the plumbing
(labels, windows, ONNX export, int8 quantization, model card, loading and
tagging), not accuracy.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner
from tokenizers import Tokenizer

from onrecord import Extractor
from onrecord.attribution.tagger import IGNORE, LABELS, MODEL_DIR, STRIDE, Tagger, encode, windows
from onrecord.cli import main
from onrecord.training.examples import article_windows, char_roles, token_labels

ARTICLES = [
    ("t1", "The council met on Monday. “We will fix the bridge,” said Mayor Dana Whitfield.\n\nShe left early."),
    ("t2", "Officials said the new school will open in the autumn, according to the district."),
    ("t3", "The coach told reporters that the team was ready. Fans cheered."),
]


def gold(text: str, *roles: tuple[str, str, str]) -> dict:
    """One attribution from the first occurrence of each role's words."""
    attribution = {}
    for role, words in zip(("source", "cue", "content"), roles):
        start = text.index(words)
        attribution[role] = [{"start": start, "end": start + len(words), "text": words}]
    return attribution


def write_gold(path) -> None:
    spans = [
        ("Mayor Dana Whitfield", "said", "We will fix the bridge,"),
        ("Officials", "said", "the new school will open in the autumn"),
        ("The coach", "told", "the team was ready"),
    ]
    with open(path, "w", encoding="utf-8") as handle:
        for (article_id, text), roles in zip(ARTICLES, spans):
            record = {"id": article_id, "text": text, "annotators": ["x"],
                      "annotations": {"x": {"attributions": [gold(text, *roles)]}}}
            handle.write(json.dumps(record) + "\n")


def test_labels_follow_the_gold_spans():
    text = ARTICLES[2][1]
    # the shipped tokenizer: the vocabulary every trained model shares
    tokenizer = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
    encoding = encode(text, tokenizer)
    role, fragment = char_roles(text, [gold(text, "The coach", "told", "the team was ready")])
    labels = [LABELS[i] if i != IGNORE else None for i in token_labels(encoding, role, fragment)]
    words = [text[s:e] for s, e in zip(encoding.starts, encoding.ends)]
    assert list(zip(words, labels))[:7] == [
        ("The", "B-source"), ("coach", "I-source"), ("told", "B-cue"), ("reporters", "O"),
        ("that", "O"), ("the", "B-content"), ("team", "I-content"),
    ]
    record = {"text": text, "annotations": {"x": {"attributions": []}}}
    [(ids, window_labels)] = list(article_windows(record, tokenizer))
    assert window_labels[0] == IGNORE and window_labels[-1] == IGNORE  # [CLS] and [SEP]
    assert len(ids) == len(encoding.ids) + 2


@pytest.mark.slow
def test_tiny_training_run(tmp_path):
    data = tmp_path / "gold.jsonl"
    write_gold(data)
    out = tmp_path / "model"
    result = CliRunner().invoke(
        main, ["train", str(data), "--dev", str(data), "--out", str(out), "--epochs", "1", "--seed", "3"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "model.onnx").stat().st_size < 40_000_000
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "Apache-2.0" in card and "Dev scores" in card
    assert f"a new one every {STRIDE}" in card  # the windows the model reads are the ones it was trained on
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["labels"] == list(LABELS) and config["training"]["articles"] == 3

    tagger = Tagger(out)
    text = "“It is ready,” the mayor said.\n\n" + "The bridge opens. " * 300  # over one window
    encoding = encode(text, tagger.tokenizer)
    probs = tagger.probabilities(encoding)
    assert probs.shape == (len(encoding.ids), len(LABELS))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)
    # the learned strategy runs on it and every offset indexes the text as given
    article = Extractor(strategy="learned", tagger=str(out)).extract(text)
    for attribution in article.attributions:
        assert 0.0 <= attribution.confidence <= 1.0
        for fragment in attribution.content:
            assert text[fragment.start : fragment.end] == fragment.text


def test_the_tagger_reads_the_windows_it_was_trained_on():
    # a long article of our own: several windows
    text = "\n\n".join(f"The clerk of ward {n} said the count would finish by noon on Tuesday." for n in range(80))
    tokenizer = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
    encoding = encode(text, tokenizer)
    record = {"text": text, "annotations": {"x": {"attributions": []}}}
    trained = [ids[1:-1] for ids, _ in article_windows(record, tokenizer)]
    read = [encoding.ids[s:e] for s, e in windows(len(encoding.ids))]
    assert len(read) > 2
    assert [list(w) for w in trained] == [list(w) for w in read]
