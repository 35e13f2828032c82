"""Commands over the store: ingest, search, speakers, show, export."""

from __future__ import annotations

import json
import sys

import click

from ..errors import InvalidAliases, StoreError
from ..model import KINDS
from ..store.export import FORMATS
from ..store.queries import NAMED, ORDERS, SPEAKER_TYPES
from .boundary import PARTIAL, fail, progress_wanted, stop
from .database import db_option, opened_store
from .options import strategy_options

# How much of a long quote the text output shows before eliding it.
TEXT_QUOTE_CHARS = 300


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--progress/--no-progress", "show_progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option(
    "--aliases", "aliases", default=None, metavar="FILE",
    help="Speaker alias file (README: 'Speaker aliases'): merge or split names; the store keeps it for later ingests.",
)
@strategy_options
def ingest_command(
    paths: tuple[str, ...], db_url: str, jobs: int, show_progress: bool | None, strategy: str, tagger: str | None,
    aliases: str | None,
) -> None:
    """Extract attributions from article files and directories and store them."""
    # The pipeline (spaCy, the tagger) loads only for the command that extracts.
    from ..ingest import ingest

    with opened_store(db_url, create=True) as store:
        try:
            summary = ingest(
                paths, store, n_process=jobs, strategy=strategy, tagger=tagger,
                progress=progress_wanted(show_progress), report=fail, aliases=aliases,
            )
        except KeyboardInterrupt:
            stop("interrupted; every article committed so far is kept, run the same command to resume", 130)
        except InvalidAliases as error:
            stop(str(error))  # checked before any article is read: nothing was ingested
        except StoreError as error:
            # The database failed mid-run (a full disk, a server gone for good):
            # what was committed stays, and a rerun skips it.
            stop(f"{error}; every article committed so far is kept, run the same command to resume")
        click.echo(str(summary), err=True)
    if summary.skipped or summary.failed:
        sys.exit(PARTIAL)


@click.command("search")
@click.argument("query", required=False, default="")
@db_option
@click.option("--speaker", default=None, help="Speaker id, or name / description (whole words).")
@click.option("--since", default=None, metavar="DATE", help="Published on or after (YYYY-MM-DD).")
@click.option("--until", default=None, metavar="DATE", help="Published on or before (YYYY-MM-DD).")
@click.option("--outlet", default=None, help="Outlet name (case-insensitive).")
@click.option("--kind", type=click.Choice(KINDS), default=None)
@click.option("--speaker-type", type=click.Choice(SPEAKER_TYPES), default=None, help="The speaker's type.")
@click.option("--named", type=click.Choice(NAMED), default=None,
              help="named speakers, unnamed ones (only described: an anonymous source), or none.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, help="Only attributions at least this confident.")
@click.option(
    "--order", type=click.Choice(ORDERS), default=None,
    help="relevance (the full-text index's ranking; the default with a query) or date (newest first).",
)
@click.option("--limit", type=click.IntRange(min=1, max=1000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
def search_command(
    query: str, db_url: str, speaker: str | None, since: str | None, until: str | None,
    outlet: str | None, kind: str | None, speaker_type: str | None, named: str | None, min_confidence: float | None, order: str | None, limit: int, fmt: str,
) -> None:
    """Full-text search over what was said (all words must match; "quote" a phrase).

    Prints the first LIMIT hits; how many there are in all goes to stderr.
    """
    with opened_store(db_url) as store:
        result = store.search_quotes(
            query or None, speaker=speaker, since=since, until=until, outlet=outlet, kind=kind,
            speaker_type=speaker_type, named=named, min_confidence=min_confidence, order=order, limit=limit,
        )
    for hit in result["items"]:
        if fmt == "jsonl":
            click.echo(json.dumps(hit, ensure_ascii=False))
            continue
        who = hit["speaker_name"] or hit["speaker_description"] or hit["speaker_mention"] or "(no source)"
        content = hit["content"]
        if len(content) > TEXT_QUOTE_CHARS:
            content = content[:TEXT_QUOTE_CHARS] + "…"
        where = " · ".join(x for x in (hit["published"], hit["outlet"], hit["article_id"]) if x)
        click.echo(f"{who} [{hit['kind']}] {content}\n    {where}")
    # On stderr, so jsonl output stays one hit per line.
    click.echo(f"{len(result['items'])} of {result['total']} hits, {'best match' if result['order'] == 'relevance' else 'newest'} first", err=True)


@click.command("speakers")
@db_option
@click.option("--top", type=click.IntRange(min=1, max=1000), default=20, show_default=True)
@click.option("-q", "query", default=None, help="Only speakers whose name or forms contain this.")
@click.option("--named/--unnamed", "named", default=None,
              help="Named speakers only (merged across articles), or unnamed sources only (one per article).")
@click.option("--gender", type=click.Choice(["female", "male", "unknown"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
def speakers_command(
    db_url: str, top: int, query: str | None, named: bool | None, gender: str | None, fmt: str
) -> None:
    """The most quoted speakers."""
    with opened_store(db_url) as store:
        result = store.speakers(q=query, named=named, gender=gender, top=top)
    for item in result["items"]:
        if fmt == "jsonl":
            click.echo(json.dumps(item, ensure_ascii=False))
            continue
        label = item["name"] or item["description"]
        extra = f" ({item['description']})" if item["name"] and item["description"] else ""
        click.echo(f"{item['num_attributions']:6d}  #{item['id']}  {label}{extra}")


@click.command("show")
@click.argument("article_id")
@db_option
def show_command(article_id: str, db_url: str) -> None:
    """Print a stored article with its attributions as JSON."""
    with opened_store(db_url) as store:
        found = store.article(article_id)
    if found is None:
        stop(f"no article with id {article_id!r}", PARTIAL)
    click.echo(json.dumps(found, ensure_ascii=False, indent=2))


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("-o", "--output", default="-", show_default=True, help="Output file (- for stdout).")
def export_command(db_url: str, fmt: str, output: str) -> None:
    """Export the database: articles (jsonl), attributions (csv, parquet) or quotes (quotebank)."""
    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        stop("parquet is a binary format: write it to a file with -o FILE (or redirect stdout)")
    with opened_store(db_url) as store:
        if output != "-":
            count = store.export(fmt, output)
        elif fmt == "parquet":
            count = store.export(fmt, sys.stdout.buffer)
        else:
            count = store.export(fmt, sys.stdout)
    click.echo(f"exported {count} records", err=True)
