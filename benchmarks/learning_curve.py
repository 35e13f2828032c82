"""Dev content F1 of the learned strategy when the tagger trains on 25 %, 50 % and 100 % of train.

    python benchmarks/learning_curve.py [--epochs 2] [--reuse]

Trains with `onrecord train`'s settings (but ``--epochs``) on a seeded share
of the PolNeAR training articles (build/curve-25, build/curve-50,
build/curve-100), scores each on dev with the learned strategy, and writes
benchmarks/results/learning_curve.json. At 2 epochs the three runs take about
6, 12 and 25 minutes on 2 cores; ``--reuse`` scores models an earlier run left.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from onrecord.evaluate import evaluate_files
from onrecord.training.finetune import Settings, train

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "polnear"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--reuse", action="store_true", help="keep models an earlier run left in build/")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    points = []
    for fraction in (0.25, 0.5, 1.0):
        directory = ROOT / "build" / f"curve-{round(fraction * 100)}"
        if not (args.reuse and (directory / "model.onnx").exists()):
            train(SHARED / "train.jsonl", directory, Settings(fraction=fraction, epochs=args.epochs))
        metrics = evaluate_files(SHARED / "dev.jsonl", n_process=args.jobs, strategy="learned", tagger=str(directory))
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        points.append({
            "fraction": fraction,
            "articles": config["training"]["articles"],
            "epochs": config["training"]["settings"]["epochs"],
            "content_partial_f1": metrics["content"]["partial"]["f1"],
            "content_exact_f1": metrics["content"]["exact"]["f1"],
        })
        print(f"{fraction:>5.0%} of train ({points[-1]['articles']} articles): content partial F1 "
              f"{points[-1]['content_partial_f1']:.1f}, exact F1 {points[-1]['content_exact_f1']:.1f}", flush=True)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "learning_curve.json").write_text(json.dumps(points, indent=2))


if __name__ == "__main__":
    main()
