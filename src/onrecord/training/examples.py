"""PolNeAR gold -> BIO labels over an article's wordpieces, cut into training windows."""

from __future__ import annotations

import random

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from ..attribution.tagger import IGNORE, LABELS, ROLES, Encoding, encode, windows, with_specials
from ..evaluate import gold_attributions


def char_roles(text: str, attributions: Sequence[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Per character: role index (0 none, 1.. ROLES) and fragment number (-1 none)."""
    role = np.zeros(len(text), dtype=np.int64)
    fragment = np.full(len(text), -1, dtype=np.int64)
    n = 0
    for attribution in attributions:
        for r, name in enumerate(ROLES, start=1):
            for piece in attribution.get(name) or []:
                start, end = int(piece["start"]), int(piece["end"])
                role[start:end] = r
                fragment[start:end] = n
                n += 1
    return role, fragment


def token_labels(encoding: Encoding, role: np.ndarray, fragment: np.ndarray) -> np.ndarray:
    """A wordpiece takes the role of its first character; B where a new fragment starts."""
    labels = np.full(len(encoding.ids), IGNORE, dtype=np.int64)
    previous = -1
    for i, (start, end) in enumerate(zip(encoding.starts, encoding.ends)):
        if start < 0:
            previous = -1
            continue
        r, f = int(role[start]), int(fragment[start])
        if r == 0:
            labels[i] = 0
        else:
            prefix = "I" if f == previous else "B"
            labels[i] = LABELS.index(f"{prefix}-{ROLES[r - 1]}")
        previous = f if r else -1
    return labels


def article_windows(record: dict[str, Any], tokenizer) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(input ids, labels) of each training window of one gold article."""
    text = record["text"]
    encoding = encode(text, tokenizer)
    role, fragment = char_roles(text, gold_attributions(record))
    labels = token_labels(encoding, role, fragment)
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    for start, end in windows(len(encoding.ids)):
        ids = with_specials(encoding.ids[start:end], cls_id, sep_id)
        window_labels = np.concatenate([[IGNORE], labels[start:end], [IGNORE]])
        yield ids, window_labels


def split_articles(records: list, fraction: float, seed: int) -> tuple[list, list]:
    """(trained on, held out): the seeded share ``onrecord train --fraction`` uses, and the rest.

    Calibration and error reading use the held-out part: articles a model
    trained with the same fraction and seed never saw.
    """
    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    keep = max(1, round(len(shuffled) * fraction))
    return shuffled[:keep], shuffled[keep:]
