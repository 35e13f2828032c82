"""``onrecord spark``: the batch job over a Spark cluster (or local mode)."""

from __future__ import annotations

import json

import click

from .boundary import error_boundary
from .options import strategy_options


@click.command("spark")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True, help="Output directory (local path or Hadoop URI); replaced when the run succeeds.")
@click.option("--master", default=None, help="Spark master URL (default: spark-submit's, else local[<cores>]).")
@click.option("--partitions", type=click.IntRange(min=1), default=None, help="Partitions of documents to analyse (default: 4 per core).")
@click.option("--quotebank", is_flag=True, help="Also write quotebank/ (Quotebank-format JSON Lines).")
@click.option("--model", default=None, help="spaCy pipeline import name (default: the installed English one).")
@strategy_options
def spark_command(inputs: tuple[str, ...], output: str, master: str | None, partitions: int | None,
                  quotebank: bool, model: str | None, strategy: str, tagger: str | None) -> None:
    """Run the Spark job over .warc(.gz), .html, .jsonl and .txt INPUTS; write Parquet to --output."""
    with error_boundary():
        # pyspark is imported only when the job runs: the extra is optional.
        from ..batch.spark import run_job

        summary = run_job(list(inputs), output, master=master, partitions=partitions,
                          quotebank=quotebank, model=model, strategy=strategy, tagger=tagger)
    click.echo(json.dumps(summary.to_dict(), indent=2))
