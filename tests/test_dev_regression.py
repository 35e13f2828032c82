"""The evaluation gate: metrics on the PolNeAR dev split must not fall below their floors.

The floors are the scores measured when they were set, less about one point of
slack for noise from dependency upgrades. They are *below* the issue's targets
(content partial F1 70, exact 50, quoted recall 90, source and cue partial 65):
exact F1 and source partial F1 are reached; the others are not yet, and the
README says so. Raise a floor whenever a
change raises its score.
"""

from pathlib import Path

import pytest

from onrecord.evaluate import evaluate_files

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"

FLOORS = {
    ("content", "partial"): 68.5,
    ("content", "exact"): 55.5,
    ("source", "partial"): 64.5,
    ("cue", "partial"): 62.5,
}
RECALL_QUOTED_FLOOR = 86.0


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason="../shared is not beside the repository")
def test_dev_metrics_stay_above_their_floors():
    metrics = evaluate_files(DEV, n_process=2)
    assert metrics["articles"] == 84
    for (role, match), floor in FLOORS.items():
        assert metrics[role][match]["f1"] >= floor, (role, match, metrics[role][match])
    assert metrics["recall_quoted"] >= RECALL_QUOTED_FLOOR
