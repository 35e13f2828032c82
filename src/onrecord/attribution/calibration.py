"""Confidence as a probability: the tagger's raw score mapped to how often it is right.

The learned strategy scores an attribution by the tagger's mean probability
over its content. That ranks well but overstates the middle (of raw 0.7-0.8,
about half were right). ``calibration.json`` beside a model holds a monotone
map, fitted by isotonic regression on articles that the scoring model never
saw (``onrecord calibrate``), from raw score to the share of attributions
that matched a gold content: an attribution with confidence 0.8 is then right
about 8 times in 10.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "calibration.json"


@dataclass(frozen=True, slots=True)
class Calibration:
    """Piecewise-linear through ``points`` (raw score, share right), both increasing."""

    points: tuple[tuple[float, float], ...]

    def __call__(self, raw: float) -> float:
        xs = [x for x, _ in self.points]
        i = bisect.bisect_left(xs, raw)
        if i == 0:
            return self.points[0][1]
        if i == len(xs):
            return self.points[-1][1]
        (x0, y0), (x1, y1) = self.points[i - 1], self.points[i]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1

    def to_dict(self) -> dict:
        return {"points": [list(p) for p in self.points]}

    @classmethod
    def read(cls, directory: Path) -> Calibration | None:
        """The map shipped beside a model, or None when it has none (raw scores are kept)."""
        path = directory / FILE_NAME
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(tuple((float(x), float(y)) for x, y in data["points"]))


def fit(outcomes: list[tuple[float, bool]], *, min_block: int = 50) -> Calibration:
    """Isotonic regression (pool adjacent violators) of right/wrong on raw score.

    Blocks hold at least ``min_block`` predictions so that no step rests on a
    handful of examples; each block becomes one point at its mean raw score.
    """
    if not outcomes:
        raise ValueError("no predictions to calibrate on")
    ordered = sorted(outcomes)
    # start from blocks of min_block consecutive predictions, then pool violators
    blocks: list[list[float]] = []  # [sum of raw, sum of right, count]
    for start in range(0, len(ordered), min_block):
        chunk = ordered[start:start + min_block]
        blocks.append([sum(x for x, _ in chunk), float(sum(y for _, y in chunk)), float(len(chunk))])
    if len(blocks) > 1 and blocks[-1][2] < min_block:
        last = blocks.pop()
        blocks[-1] = [a + b for a, b in zip(blocks[-1], last)]
    pooled: list[list[float]] = []
    for block in blocks:
        pooled.append(block)
        while len(pooled) > 1 and pooled[-2][1] / pooled[-2][2] >= pooled[-1][1] / pooled[-1][2]:
            last = pooled.pop()
            pooled[-1] = [a + b for a, b in zip(pooled[-1], last)]
    return Calibration(tuple((round(s / n, 4), round(r / n, 4)) for s, r, n in pooled))
