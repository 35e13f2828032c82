"""``onrecord eval``: scores against gold annotations."""

from __future__ import annotations

import json
import sys

import click

from .boundary import error_boundary
from .options import strategy_options


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Predictions (JSON Lines of articles); default: run the extractor.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N gold articles.")
@click.option("--format", "gold_format", type=click.Choice(["polnear", "ggt"]), default="polnear", show_default=True,
              help="Gold file kind: PolNeAR-style attributions or Gender Gap Tracker quotes (docs/scoring.md).")
@strategy_options
def evaluate_command(
    gold: str, pred: str | None, as_json: bool, jobs: int, limit: int | None, gold_format: str,
    strategy: str, tagger: str | None,
) -> None:
    """Score attributions against a PolNeAR-style or GGT gold file (docs/scoring.md)."""
    from ..evaluate import evaluate_files, format_table, score_polnear
    from ..evaluate_ggt import format_ggt_table, score_ggt

    score, table = {"polnear": (score_polnear, format_table), "ggt": (score_ggt, format_ggt_table)}[gold_format]
    with error_boundary():
        metrics = evaluate_files(
            gold, pred, n_process=jobs, limit=limit, progress=sys.stderr.isatty(), strategy=strategy, tagger=tagger,
            score=score,
        )
    click.echo(json.dumps(metrics, indent=2) if as_json else table(metrics))
