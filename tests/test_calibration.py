"""Confidence calibration: a monotone map from the tagger's raw score to how often it is right."""

from __future__ import annotations

import random

import pytest

from onrecord.attribution.calibration import Calibration, fit
from onrecord.attribution.tagger import MODEL_DIR


def test_fit_is_monotone_and_matches_the_rate_in_each_block():
    rng = random.Random(3)
    # right with probability raw**2: a tagger that overstates its middle scores
    outcomes = [(x, rng.random() < x * x) for x in (rng.random() for _ in range(5000))]
    calibration = fit(outcomes, min_block=100)
    ys = [y for _, y in calibration.points]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    assert calibration(0.5) == pytest.approx(0.25, abs=0.06)
    assert calibration(0.9) == pytest.approx(0.81, abs=0.06)


def test_violators_are_pooled():
    outcomes = [(0.1, True)] * 50 + [(0.2, False)] * 50 + [(0.9, True)] * 50
    assert fit(outcomes, min_block=50).points == ((0.15, 0.5), (0.9, 1.0))


def test_the_map_interpolates_and_clamps():
    calibration = Calibration(((0.2, 0.1), (0.6, 0.5), (1.0, 0.9)))
    assert calibration(0.0) == 0.1 and calibration(1.0) == pytest.approx(0.9) and calibration(1.5) == 0.9
    assert calibration(0.4) == pytest.approx(0.3)


def test_the_shipped_model_is_calibrated():
    calibration = Calibration.read(MODEL_DIR)
    assert calibration is not None
    ys = [y for _, y in calibration.points]
    assert ys == sorted(ys) and 0.0 <= ys[0] and ys[-1] <= 1.0
