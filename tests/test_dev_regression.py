"""The evaluation gate: metrics on the PolNeAR dev split must not fall below the issue's bars.

Content partial F1 70, exact F1 50, partial recall on quoted gold contents 90,
source and cue partial F1 65 (issue 2). The scores measured when this was set
(70.9, 57.8, 90.1, 67.2, 65.1) clear them narrowly; spaCy and the pipeline are
pinned, so the scores are reproducible and any rule change that loses
ground fails here.
"""

from pathlib import Path

import pytest

from onrecord.evaluate import evaluate_files

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"

FLOORS = {
    ("content", "partial"): 70.0,
    ("content", "exact"): 50.0,
    ("source", "partial"): 65.0,
    ("cue", "partial"): 65.0,
}
RECALL_QUOTED_FLOOR = 90.0


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason="../shared is not beside the repository")
def test_dev_metrics_stay_above_their_floors():
    metrics = evaluate_files(DEV, n_process=2)
    assert metrics["articles"] == 84
    for (role, match), floor in FLOORS.items():
        assert metrics[role][match]["f1"] >= floor, (role, match, metrics[role][match])
    assert metrics["recall_quoted"] >= RECALL_QUOTED_FLOOR
