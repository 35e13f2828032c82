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
@click.option("--progress/--no-progress", "show_progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
def extract(paths: tuple[str, ...], fmt: str, jobs: int, model: str | None, show_progress: bool | None) -> None:
    """Find the attributions in article files (.txt, .jsonl, .html, .warc) or stdin (-)."""
    errors: list[ReadError] = []
    extractor = Extractor(model, n_process=jobs)
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
def evaluate_command(gold: str, pred: str | None, as_json: bool, jobs: int, limit: int | None) -> None:
    """Score attributions against a PolNeAR-style gold file (SPEC §3)."""
    from .evaluate import evaluate_files, format_table

    try:
        metrics = evaluate_files(gold, pred, n_process=jobs, limit=limit, progress=sys.stderr.isatty())
    except OnrecordError as error:
        fail(str(error))
        sys.exit(2)
    click.echo(json.dumps(metrics, indent=2) if as_json else format_table(metrics))


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
