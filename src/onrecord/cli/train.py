"""``onrecord train`` and ``onrecord train-cues``: the learned parts, rebuilt from PolNeAR train."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .boundary import error_boundary


@click.command("train")
@click.argument("train_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Directory for the model (src/onrecord/data/tagger ships it).")
@click.option("--dev", "dev_file", type=click.Path(exists=True, dir_okay=False), help="Gold file scored once at the end, for the model card.")
@click.option("--epochs", type=click.FloatRange(min=0.01), default=3.0, show_default=True)
@click.option("--fraction", type=click.FloatRange(min=0.01, max=1.0), default=1.0, show_default=True, help="Share of the training articles (learning curves).")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N training articles (smoke tests).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes for the dev evaluation.")
def train_command(
    train_file: str, out: str, dev_file: str | None, epochs: float, fraction: float, seed: int, limit: int | None, jobs: int
) -> None:
    """Fine-tune the attribution tagger on PolNeAR-style gold (needs onrecord[train])."""
    # torch and transformers (the [train] extra) load only here.
    from ..training.card import write_card
    from ..training.finetune import Settings, train

    with error_boundary():
        config = train(train_file, out, Settings(epochs=epochs, fraction=fraction, seed=seed, limit=limit), progress=True)
        dev = None
        if dev_file:
            from ..evaluate import evaluate_files, format_table

            dev = evaluate_files(dev_file, n_process=jobs, progress=sys.stderr.isatty(), strategy="learned", tagger=out)
            click.echo(format_table(dev))
            (Path(out) / "dev-scores.json").write_text(json.dumps(dev, indent=2) + "\n", encoding="utf-8")
        card = write_card(Path(out), config, dev)
    click.echo(f"model written to {out} ({card.name} beside it)")


@click.command("train-cues")
@click.argument("train_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Table to write (default: the one shipped in the package).")
def train_cues_command(train_file: str, out: str | None) -> None:
    """Relearn the cue-word table (data/cues.tsv) from PolNeAR-style gold."""
    from ..attribution.cues import LEARNED_TABLE
    from ..training.cues import learn, write_table

    target = Path(out) if out else LEARNED_TABLE
    with error_boundary():
        rows = learn(train_file)
        write_table(rows, target)
    click.echo(f"wrote {len(rows)} cue forms to {target}")


@click.command("calibrate")
@click.argument("train_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--scored-by", "scorer_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="A model trained with --fraction F --seed S on TRAIN_FILE (make sibling: build/half-5ep).")
@click.option("--fraction", type=click.FloatRange(min=0.01, max=0.99), required=True, help="The scorer's --fraction.")
@click.option("--seed", type=int, default=13, show_default=True, help="The scorer's --seed.")
@click.option("--out", required=True, type=click.Path(exists=True, file_okay=False),
              help="The model the map is for (src/onrecord/data/tagger ships it).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True)
def calibrate_command(train_file: str, scorer_dir: str, fraction: float, seed: int, out: str, jobs: int) -> None:
    """Fit the confidence map (calibration.json) on train articles the scorer never saw."""
    from ..training.calibrate import calibrate

    with error_boundary():
        calibration, articles = calibrate(train_file, scorer_dir, out, fraction=fraction, seed=seed,
                                          n_process=jobs, progress=sys.stderr.isatty())
    click.echo(f"fitted on {articles} held-out articles: " +
               ", ".join(f"{raw:.2f}->{right:.2f}" for raw, right in calibration.points))
