"""``onrecord extract``: attributions of article files or stdin, printed."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ..errors import ReadError
from ..extract import ExtractionFailed, Extractor
from ..model import Article
from ..readers import Document, iter_documents
from ..readers.text import decode, split_headline
from ..report import text_report
from .boundary import PARTIAL, error_boundary, fail, progress, progress_wanted
from .options import strategy_options


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


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="jsonl", show_default=True,
              help="jsonl: one article per line; json: one array of articles; text: a report grouped by speaker.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--model", default=None, help="spaCy pipeline import name (default: the installed English one).")
@strategy_options
@click.option("--progress/--no-progress", "show_progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
def extract(
    paths: tuple[str, ...], fmt: str, jobs: int, model: str | None, strategy: str, tagger: str | None, show_progress: bool | None
) -> None:
    """Find the attributions in article files (.txt, .jsonl, .html, .warc) or stdin (-)."""
    errors: list[ReadError] = []
    articles: list[dict] = []
    done = failed = 0
    with error_boundary():
        extractor = Extractor(model, strategy=strategy, tagger=tagger, n_process=jobs)
        results = extractor.pipe(documents_of(paths, errors), errors="yield")
        for result in progress(results, enabled=progress_wanted(show_progress)):
            if isinstance(result, ExtractionFailed):
                fail(str(result))
                failed += 1
                continue
            done += 1
            _emit(result, fmt, articles)
    if fmt == "json":
        # Always an array, one input or many: a script reads it the same way.
        click.echo(json.dumps(articles, ensure_ascii=False, indent=2))
    if errors or failed:
        # the count after the per-file lines, as `onrecord ingest` ends with its summary
        fail(f"{done} articles extracted, {len(errors)} unreadable skipped, {failed} failed")
        sys.exit(PARTIAL)


def _emit(article: Article, fmt: str, collected: list[dict]) -> None:
    if fmt == "jsonl":
        click.echo(article.to_json())
    elif fmt == "json":
        collected.append(article.to_dict())
    else:
        click.echo(text_report(article))
