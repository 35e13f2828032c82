"""Fit the confidence map of a model (``calibration.json``) on articles its scorer never saw.

The shipped tagger was trained on all of PolNeAR train, so its scores on
train are overconfident, and dev is kept for choosing and the final number.
So the scores come from a sibling model trained the same way on a seeded
share of train (``onrecord train --fraction F``; ``make sibling`` builds
build/half-5ep), run over the rest of train; each prediction is right when it
matches a gold content (Jaccard >= 0.5, as in eval). The fitted map is then
written beside the model it will serve.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..attribution.calibration import FILE_NAME, Calibration, fit
from ..errors import OnrecordError
from ..evaluate import Scorer, gold_attributions, predictions_for, read_jsonl
from .examples import split_articles


def calibrate(train_path: str, scorer_dir: str, out_dir: str, *, fraction: float, seed: int,
              n_process: int = 1, progress: bool = False) -> tuple[Calibration, int]:
    """Fit on the train articles ``scorer_dir`` (trained with ``fraction``, ``seed``) left out."""
    if (Path(scorer_dir) / FILE_NAME).exists():
        raise OnrecordError(f"{scorer_dir} is calibrated already: fit on a model's raw scores")
    _, held_out = split_articles(read_jsonl(train_path), fraction, seed)
    predictions = predictions_for(held_out, n_process=n_process, progress=progress, strategy="learned", tagger=scorer_dir)
    scorer = Scorer()
    for record, prediction in zip(held_out, predictions):
        scorer.add(gold_attributions(record), prediction.get("attributions") or [])
    calibration = fit(scorer.outcomes)
    (Path(out_dir) / FILE_NAME).write_text(json.dumps(calibration.to_dict(), indent=1) + "\n", encoding="utf-8")
    _note_in_card(Path(out_dir), len(held_out))
    return calibration, len(held_out)


CARD_SECTION = "## Confidence calibration"


def _note_in_card(directory: Path, articles: int) -> None:
    """Say in the model card how its calibration was fitted (replacing an older note)."""
    card = directory / "MODEL_CARD.md"
    if not card.is_file():
        return
    text = card.read_text(encoding="utf-8").split(CARD_SECTION)[0].rstrip()
    card.write_text(
        f"{text}\n\n{CARD_SECTION}\n\n"
        f"`{FILE_NAME}` maps the tagger's mean content probability to the share\n"
        "of attributions that match a gold content. It is fitted by isotonic regression\n"
        f"(`onrecord calibrate`, `make calibrate`) on the {articles} PolNeAR train articles\n"
        "that a model trained the same way on the other half of train never saw; dev\n"
        "is not used. The README shows each confidence band's precision on dev.\n",
        encoding="utf-8",
    )
