"""Whole-database exports: jsonl (articles), csv and parquet (attributions), quotebank (quotes).

Rows are read in batches by keyset so an export of a large database runs in
constant memory.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from ..errors import InvalidQuery, MissingExtra
from .quote import quotebank_record
from . import queries
from .database import Database

FORMATS = ("jsonl", "csv", "parquet", "quotebank")
# Rows fetched per query while exporting: bounded memory, few round trips.
BATCH = 500

ROW_FIELDS = (
    "id", "article_id", "attribution_id", "ordinal", "article_title", "published", "outlet", "url",
    "kind", "content", "cue", "speaker_id", "speaker_name", "speaker_description", "speaker_mention",
    "addressee", "via", "confidence", "quote_id",
)


def export(db: Database, fmt: str, out: str | os.PathLike[str] | IO[Any]) -> int:
    """Write everything in ``fmt`` to ``out``; return the number of records."""
    if fmt not in FORMATS:
        raise InvalidQuery(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "parquet":
        return _parquet(db, out)
    with _text_stream(out) as stream:
        if fmt == "jsonl":
            return _lines(stream, _articles(db))
        if fmt == "quotebank":
            return _lines(stream, _quotebank(db))
        return _csv(db, stream)


@contextmanager
def _text_stream(out: str | os.PathLike[str] | IO[Any]) -> Iterator[IO[str]]:
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield out


def _lines(stream: IO[str], records: Iterator[dict[str, Any]]) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _articles(db: Database) -> Iterator[dict[str, Any]]:
    last = ""
    while articles := queries.articles_after(db, last, BATCH):
        yield from articles
        last = articles[-1]["id"]


def attribution_rows(db: Database) -> Iterator[dict[str, Any]]:
    """Every attribution as a flat hit dict (``ROW_FIELDS``), in id order."""
    last = -1
    while hits := queries.hits_after(db, last, BATCH):
        for hit in hits:
            yield {name: hit[name] for name in ROW_FIELDS}
        last = hits[-1]["id"]


# A spreadsheet runs a cell starting with one of these as a formula (CSV
# injection: "=HYPERLINK(...)" in a quote would run on the researcher's
# machine). Such a cell is written with a leading apostrophe, as OWASP advises.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: strings that would start a formula get a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(db: Database, stream: IO[str]) -> int:
    writer = csv.DictWriter(stream, fieldnames=ROW_FIELDS)
    writer.writeheader()
    count = 0
    for row in attribution_rows(db):
        writer.writerow({name: safe_cell(value) for name, value in row.items()})
        count += 1
    return count


def _parquet(db: Database, out: str | os.PathLike[str] | IO[Any]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise MissingExtra("spark", "pyarrow") from error
    types = {"id": pa.int64(), "ordinal": pa.int64(), "speaker_id": pa.int64(), "confidence": pa.float64()}
    arrow_schema = pa.schema([(name, types.get(name, pa.string())) for name in ROW_FIELDS])
    count = 0
    with pq.ParquetWriter(out, arrow_schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in attribution_rows(db):
            batch.append(row)
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=arrow_schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=arrow_schema))
            count += len(batch)
    return count


def _quotebank(db: Database) -> Iterator[dict[str, Any]]:
    last = ""
    while quotes := queries.quotes_after(db, last, BATCH):
        yield from map(quotebank_record, quotes)
        last = quotes[-1].quote_id
