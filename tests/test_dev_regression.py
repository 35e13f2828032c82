"""The evaluation gate: metrics on the PolNeAR dev split must not fall below their floors.

For the rules, the floors are issue 2's bars (content partial F1 70, exact 50,
partial recall of quoted gold contents 90, source and cue partial F1 65),
which they clear narrowly. For the learned strategy (the default), the floors
sit one point under what the shipped model measured when it was chosen (see
the README's accuracy table): issue 9's bars (80 / 67 / 94 / 76 / 74) are not
reached yet, and this gate keeps what was reached from slipping. spaCy, the
pipeline and onnxruntime are pinned, so the scores are reproducible.
"""

from pathlib import Path

import pytest

from onrecord.evaluate import evaluate_files

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"

FLOORS = {
    "rules": {
        ("content", "partial"): 70.0,
        ("content", "exact"): 50.0,
        ("source", "partial"): 65.0,
        ("cue", "partial"): 65.0,
        "recall_quoted": 90.0,
    },
    "learned": {
        ("content", "partial"): 77.3,
        ("content", "exact"): 61.4,
        ("source", "partial"): 71.6,
        ("cue", "partial"): 68.1,
        "recall_quoted": 91.4,
    },
}


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason="../shared is not beside the repository")
@pytest.mark.parametrize("strategy", sorted(FLOORS))
def test_dev_metrics_stay_above_their_floors(strategy):
    metrics = evaluate_files(DEV, n_process=2, strategy=strategy)
    assert metrics["articles"] == 84
    for key, floor in FLOORS[strategy].items():
        if key == "recall_quoted":
            assert metrics["recall_quoted"] >= floor, metrics["recall_quoted"]
        else:
            role, match = key
            assert metrics[role][match]["f1"] >= floor, (role, match, metrics[role][match])
