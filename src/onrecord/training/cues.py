"""Learn the cue-word table from PolNeAR's training split.

    onrecord train-cues ../shared/data/polnear/train.jsonl

For every word form, counts how often it occurs in the articles and how often
it is (the verb of) a gold cue; keeps the forms that are cues in at least
``MIN_PRECISION`` of their occurrences and at least ``MIN_COUNT`` times, and
writes them with those counts to ``onrecord/data/cues.tsv`` (``LEARNED_TABLE``), which ships in
the package. The table only *adds* cue forms to the curated lexicon in
``cues.py``; it never removes one.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from ..attribution.cues import LEARNED_TABLE
from ..evaluate import gold_attributions

# Calibrated on dev: 0.25 adds the frequent non-speech cues of PolNeAR
# ("support", "called for", "shows") without the many incidental verbs below it.
MIN_PRECISION = 0.25
MIN_COUNT = 3
# Words of a multi-word cue that are not its head.
_FUNCTION_WORDS = frozenset(
    "has have had is was are were be been being will would also not did does do then to for on out "
    "of about in a an the that this it as at by with up n't never just again later still once already "
    "said: :".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def learn(path: str) -> list[tuple[str, int, int]]:
    """(form, times a cue, occurrences) of each form kept, most frequent cue first."""
    cue_counts: Counter[str] = Counter()
    word_counts: Counter[str] = Counter()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            word_counts.update(w.lower() for w in _WORD.findall(record["text"]))
            for attribution in gold_attributions(record):
                words = [w.lower() for f in attribution["cue"] for w in _WORD.findall(f["text"])]
                heads = [w for w in words if w not in _FUNCTION_WORDS]
                if heads:
                    cue_counts[heads[0]] += 1
    rows = [
        (word, count, word_counts[word])
        for word, count in cue_counts.items()
        if count >= MIN_COUNT and word_counts[word] and count / word_counts[word] >= MIN_PRECISION
    ]
    return sorted(rows, key=lambda r: -r[1])


def write_table(rows: list[tuple[str, int, int]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write("# form\tas_cue\toccurrences  (learned from PolNeAR train by `onrecord train-cues`)\n")
        for word, count, total in rows:
            out.write(f"{word}\t{count}\t{total}\n")
