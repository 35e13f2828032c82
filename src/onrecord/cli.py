"""The `onrecord` command: thin click commands over the library.

Library errors become one-line messages here, at the boundary, and nowhere else.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from tqdm import tqdm

from .errors import OnrecordError, ReadError
from .extract import ExtractionFailed, Extractor
from .model import Article
from .options import strategy_options
from .readers import Document, iter_documents
from .readers.text import decode, split_headline
from .report import text_report


def fail(message: str) -> None:
    """Print a one-line error on stderr (the run goes on)."""
    click.echo(f"onrecord: error: {message}", err=True)


def documents_of(paths: tuple[str, ...], errors: list[ReadError]) -> Iterator[Document]:
    """Documents from files and stdin ("-"); unreadable files are reported and collected."""
    for path in paths:
        if path == "-":
            try:
                text = decode(Path("<stdin>"), sys.stdin.buffer.read())
                if not text.strip():
                    raise ReadError("<stdin>", "no article text (the input is empty or blank)")
            except ReadError as error:
                fail(str(error))
                errors.append(error)
                continue
            title, text = split_headline(text)
            yield Document(text=text, id="stdin", title=title, origin="<stdin>")
            continue
        for item in iter_documents([path], recursive=True):
            if isinstance(item, ReadError):
                fail(str(item))
                errors.append(item)
            else:
                yield item


def progress(items, *, enabled: bool, unit: str = "article"):
    """A progress bar on stderr when it is a terminal or when asked for."""
    return tqdm(items, unit=unit, disable=not enabled, file=sys.stderr, dynamic_ncols=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="onrecord")
def main() -> None:
    """onrecord: who said what, to whom, according to whom, and when."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="jsonl", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--model", default=None, help="spaCy pipeline import name (default: the installed English one).")
@strategy_options
@click.option("--progress/--no-progress", "show_progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
def extract(
    paths: tuple[str, ...], fmt: str, jobs: int, model: str | None, strategy: str, tagger: str | None, show_progress: bool | None
) -> None:
    """Find the attributions in article files (.txt, .jsonl, .html, .warc) or stdin (-)."""
    errors: list[ReadError] = []
    extractor = Extractor(model, strategy=strategy, tagger=tagger, n_process=jobs)
    if show_progress is None:
        show_progress = sys.stderr.isatty()
    articles: list[dict] = []
    done = failed = 0
    try:
        results = extractor.pipe(documents_of(paths, errors), errors="yield")
        for result in progress(results, enabled=show_progress):
            if isinstance(result, ExtractionFailed):
                fail(str(result))
                failed += 1
                continue
            done += 1
            _emit(result, fmt, articles)
    except OnrecordError as error:
        fail(str(error))
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(articles if len(articles) != 1 else articles[0], ensure_ascii=False, indent=2))
    if errors or failed:
        # the count after the per-file lines, as `onrecord ingest` ends with its summary
        fail(f"{done} articles extracted, {len(errors)} unreadable skipped, {failed} failed")
        sys.exit(1)


def _emit(article: Article, fmt: str, collected: list[dict]) -> None:
    if fmt == "jsonl":
        click.echo(article.to_json())
    elif fmt == "json":
        collected.append(article.to_dict())
    else:
        click.echo(text_report(article))


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Predictions (JSON Lines of articles); default: run the extractor.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N gold articles.")
@click.option("--format", "gold_format", type=click.Choice(["polnear", "ggt"]), default="polnear", show_default=True,
              help="Gold file kind: PolNeAR-style attributions (SPEC §3) or Gender Gap Tracker quotes (SPEC §4).")
@strategy_options
def evaluate_command(
    gold: str, pred: str | None, as_json: bool, jobs: int, limit: int | None, gold_format: str, strategy: str, tagger: str | None
) -> None:
    """Score attributions against a PolNeAR-style or GGT gold file (SPEC §3-4)."""
    from .evaluate import evaluate_files, format_table
    from .evaluate_ggt import format_ggt_table

    try:
        metrics = evaluate_files(
            gold, pred, n_process=jobs, limit=limit, progress=sys.stderr.isatty(), strategy=strategy, tagger=tagger,
            gold_format=gold_format,
        )
    except OnrecordError as error:
        fail(str(error))
        sys.exit(2)
    table = format_ggt_table(metrics) if gold_format == "ggt" else format_table(metrics)
    click.echo(json.dumps(metrics, indent=2) if as_json else table)


@main.command("train")
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
    from .training.card import write_card
    from .training.finetune import Settings, train

    try:
        config = train(train_file, out, Settings(epochs=epochs, fraction=fraction, seed=seed, limit=limit), progress=True)
        dev = None
        if dev_file:
            from .evaluate import evaluate_files, format_table

            dev = evaluate_files(dev_file, n_process=jobs, progress=sys.stderr.isatty(), strategy="learned", tagger=out)
            click.echo(format_table(dev))
            (Path(out) / "dev-scores.json").write_text(json.dumps(dev, indent=2) + "\n", encoding="utf-8")
        card = write_card(Path(out), config, dev)
    except OnrecordError as error:
        fail(str(error))
        sys.exit(2)
    click.echo(f"model written to {out} ({card.name} beside it)")


from .server.commands import serve  # noqa: E402  (no FastAPI import until it runs)
main.add_command(serve)


from .store.commands import export_command, ingest_command, search_command, show_command, speakers_command  # noqa: E402
main.add_command(ingest_command)
main.add_command(search_command)
main.add_command(speakers_command)
main.add_command(show_command)
main.add_command(export_command)

from .batch.commands import spark_command  # noqa: E402  (no pyspark import until it runs)
main.add_command(spark_command)


if __name__ == "__main__":  # pragma: no cover
    main()
