"""The Apache Spark job: article files in, Parquet datasets of attributions out.

Run it with ``onrecord spark INPUT... --output DIR``, ``python -m onrecord.batch.spark
INPUT... --output DIR`` or ``spark-submit src/onrecord/batch/spark.py INPUT... --output
DIR`` (onrecord and its spaCy model must be installed on every executor, or shipped
with ``--archives`` of a packed virtual environment). It needs ``pip install
'onrecord[spark]'`` (PySpark 4.x) and Java 17 or 21.

Inputs are files, directories or globs, local or any Hadoop URI Spark can read
(``s3a://``, ``hdfs://``, ``gs://``, ``abfss://``): ``.warc``/``.warc.gz`` (HTML
responses, through trafilatura; each WARC file is read whole by one task, so give
executors memory for the largest file), ``.html``/``.htm``, ``.jsonl`` (one article
a line, split across tasks) and ``.txt`` (one article a file). The documents are
repartitioned and each partition is analysed by the executor process's one
``Extractor`` (loaded once per Python worker, which Spark reuses across tasks).

Output: ``DIR/`` holds these Parquet datasets (and ``quotebank/`` with
``--quotebank``). A rerun writes everything under a staging directory next to
``DIR`` and swaps it in only when every dataset is written, so ``DIR`` holds
either the previous complete run or the new one (on object stores, where
rename is a copy, the swap is not atomic: write to a fresh ``DIR`` there).

``articles/``: one row per analysed article::

    id string, title string, published string (as the source gives it),
    date date (published, parsed), url string, outlet string, author string,
    origin string (file or WARC record it came from), text string (what every
    offset indexes), chars int, words int, attributions int, entities int

``attributions/``: one row per attribution (SPEC §1), in article order::

    article_id string, published string, date date, outlet string, url string,
    attribution_id string, kind string (direct|indirect|mixed|block),
    content array<fragment>, content_text string (fragments joined by " … "),
    content_start int, content_end int, cue array<fragment>,
    speaker speaker, addressee speaker, via speaker, confidence double,
    quote string (normalized content of direct/mixed/block kinds, else null)

    fragment = struct<start int, end int, text string>   (offsets into articles.text)
    speaker  = struct<mention array<fragment>, entity string, name string,
                      description string>                 (null when absent)

``speakers/``: one row per distinct speaker of an article::

    article_id string, published string, date date, outlet string, url string,
    entity string, name string (resolved; null when unnamed), description string,
    type string (person|organization|media|place|other), mentions int,
    attributions int, direct int, indirect int, mixed int, block int

``quotes/``: identical quotes grouped across articles (``attributions.quote``)::

    quote_id string (first 16 hex digits of SHA-256 of quote), quote string,
    text string (the earliest occurrence as written), occurrences long,
    articles long, first_seen date, first_article string, outlets array<string>,
    urls array<string>, kinds array<string>,
    speakers array<struct<name string ("None" when unresolved), occurrences long>>
    (most frequent first)

``errors/``: one row per unreadable record or failed article; never fails the job::

    id string, origin string, error string, stage string (read|extract)

``quotebank/`` (``--quotebank``): JSON Lines in the Quotebank quotation-centric
format: quoteID, quotation, speaker, qids (empty: onrecord links no Wikidata),
date, numOccurrences, probas ([[name, share]]), urls, phase ("onrecord").
"""

from __future__ import annotations

import functools
import json
import os
import sys
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from onrecord.attribution.strategy import DEFAULT_STRATEGY
from onrecord.batch.rows import error_row, result_row
from onrecord.errors import MissingExtra, OnrecordError, ReadError
from onrecord.readers.document import Document

if TYPE_CHECKING:  # pragma: no cover
    from pyspark import SparkContext
    from pyspark.rdd import RDD
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["DATASETS", "JobSummary", "main", "run_job", "schemas", "spark_session"]

DATASETS = ("articles", "attributions", "speakers", "quotes", "errors")

# Partitions per available core when --partitions is not given: enough that a
# slow article (a long one) does not leave the other cores idle at the end.
PARTITIONS_PER_CORE = 4
# The most URLs kept per quote in quotes/ and the Quotebank export (a viral
# quote would otherwise carry every syndicated copy).
MAX_QUOTE_URLS = 1000

_WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_SUFFIXES = (".html", ".htm")
_KNOWN_SUFFIXES = (*_WARC_SUFFIXES, *_HTML_SUFFIXES, ".jsonl", ".txt")


def _pyspark():
    try:
        import pyspark
    except ImportError as error:
        raise MissingExtra("spark", "pyspark") from error
    return pyspark


# --- schemas ------------------------------------------------------------------------------------


def schemas() -> dict[str, Any]:
    """The typed Spark schemas: one per dataset, plus ``result`` (what executors return)."""
    _pyspark()
    from pyspark.sql.types import (
        ArrayType,
        DateType,
        DoubleType,
        IntegerType,
        StringType,
        StructField,
        StructType,
    )

    def fields(*items: tuple[str, Any]) -> StructType:
        return StructType([StructField(name, kind, True) for name, kind in items])

    string, integer = StringType(), IntegerType()
    fragment = fields(("start", integer), ("end", integer), ("text", string))
    fragments = ArrayType(fragment, True)  # nullable throughout: Parquet reads it back so
    speaker = fields(("mention", fragments), ("entity", string), ("name", string), ("description", string))
    context = (("article_id", string), ("published", string), ("date", DateType()), ("outlet", string), ("url", string))
    article = fields(
        ("id", string), ("title", string), ("published", string), ("date", DateType()),
        ("url", string), ("outlet", string), ("author", string), ("origin", string),
        ("text", string), ("chars", integer), ("words", integer),
        ("attributions", integer), ("entities", integer),
    )
    attribution = fields(
        *context,
        ("attribution_id", string), ("kind", string), ("content", fragments),
        ("content_text", string), ("content_start", integer), ("content_end", integer),
        ("cue", fragments), ("speaker", speaker), ("addressee", speaker), ("via", speaker),
        ("confidence", DoubleType()), ("quote", string),
    )
    speaker_row = fields(
        *context,
        ("entity", string), ("name", string), ("description", string), ("type", string),
        ("mentions", integer), ("attributions", integer),
        ("direct", integer), ("indirect", integer), ("mixed", integer), ("block", integer),
    )
    error = fields(("id", string), ("origin", string), ("error", string), ("stage", string))
    result = fields(
        ("article", article),
        ("attributions", ArrayType(attribution, True)),
        ("speakers", ArrayType(speaker_row, True)),
        ("error", error),
    )
    return {
        "articles": article,
        "attributions": attribution,
        "speakers": speaker_row,
        "errors": error,
        "result": result,
    }


# --- executor side: reading ---------------------------------------------------------------------

# ReadError does not survive pickling (its __init__ takes two arguments), so a
# read failure crosses between Spark stages as this plain tuple.
_READ_FAILED = "onrecord.read-failed"


def _portable(items: Iterable[Document | ReadError | None]) -> Iterator[Document | tuple[str, str, str]]:
    for item in items:
        if isinstance(item, ReadError):
            yield (_READ_FAILED, item.path, item.reason)
        elif item is not None:
            yield item


def _name(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def _stem(uri: str) -> str:
    name = _name(uri)
    for suffix in _KNOWN_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name.rsplit(".", 1)[0] if "." in name else name


def _warc_documents(item: tuple[str, bytes]) -> Iterator[Document | ReadError]:
    from onrecord.readers.warc import documents_from_warc_bytes

    uri, data = item
    yield from _portable(documents_from_warc_bytes(data, uri))


def _html_documents(item: tuple[str, bytes]) -> Iterator[Document | ReadError]:
    from onrecord.readers.html import document_from_html

    uri, data = item
    try:
        document = document_from_html(data, origin=uri, id=_stem(uri))
    except ReadError as error:
        yield from _portable([error])
        return
    yield from _portable([document or ReadError(uri, "no article text found in the HTML page")])


def _txt_documents(item: tuple[str, bytes]) -> Iterator[Document | ReadError]:
    """As ``readers.text.read_txt``: the whole file is one article, its stem the id."""
    from pathlib import Path

    from onrecord.readers.text import decode, split_headline

    uri, data = item
    try:
        text = decode(Path(uri), data)
    except ReadError as error:
        yield from _portable([error])
        return
    title, text = split_headline(text)
    yield Document(text=text, id=_stem(uri), title=title, origin=uri)


def _jsonl_document(uri: str, number: int, line: bytes) -> Document | ReadError | None:
    """As ``readers.text.read_jsonl`` for one line (1-based ``number``)."""
    origin = f"{uri}:{number}"
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        return ReadError(origin, f"not UTF-8 text (bad byte at offset {error.start})")
    if number == 1:
        text = text.removeprefix("\ufeff")
    if not text.strip():
        return None
    try:
        record = json.loads(text)
        document = Document.from_record(record, origin=origin)
        if document.id is None:
            document = Document.from_record({**record, "id": f"{_stem(uri)}-{number}"}, origin=origin)
    except (json.JSONDecodeError, ValueError, TypeError) as error:
        return ReadError(origin, f"bad JSON Lines record: {error}")
    return document


def _jsonl_documents(uri: str, pairs: Iterable[tuple[bytes, int]]) -> Iterator[Document | tuple[str, str, str]]:
    return _portable(_jsonl_document(uri, index + 1, line) for line, index in pairs)


# --- executor side: extraction ------------------------------------------------------------------

# One Extractor per executor Python process and model, kept across tasks.
_EXTRACTORS: dict[tuple[str | None, str, str | None], Any] = {}


def _extractor(model: str | None, strategy: str, tagger: str | None):
    key = (model, strategy, tagger)
    if key not in _EXTRACTORS:
        from onrecord.extract import Extractor

        _EXTRACTORS[key] = Extractor(model, strategy=strategy, tagger=tagger)
    return _EXTRACTORS[key]


def extract_partition(
    items: Iterable[Document | ReadError | tuple[str, str, str]],
    model: str | None = None,
    strategy: str = DEFAULT_STRATEGY,
    tagger: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Result records (``schemas()["result"]``) of one partition; never raises for one article."""
    extractor = None
    for item in items:
        if isinstance(item, ReadError):
            item = (_READ_FAILED, item.path, item.reason)
        if isinstance(item, tuple):
            _, path, reason = item
            yield {"article": None, "attributions": [], "speakers": [],
                   "error": error_row(None, path, reason, "read")}
            continue
        if extractor is None:
            extractor = _extractor(model, strategy, tagger)
        try:
            article = extractor.extract_document(item)
            yield result_row(item, article)
        except Exception as error:  # ExtractionFailed, OnrecordError, or a bug in a row builder
            message = str(error) if isinstance(error, OnrecordError) else f"{type(error).__name__}: {error}"
            yield {"article": None, "attributions": [], "speakers": [],
                   "error": error_row(item.id, item.origin, message, "extract")}


# --- driver side --------------------------------------------------------------------------------


@dataclass
class JobSummary:
    """What a run wrote: rows per dataset and where."""

    output: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"output": self.output, "counts": self.counts, "seconds": round(self.seconds, 3)}


def _is_local(master: str | None) -> bool:
    return master is None or master.startswith("local")


def spark_session(master: str | None = None, *, app_name: str = "onrecord", partitions: int | None = None) -> SparkSession:
    """A SparkSession: the given master, spark-submit's, or ``local[<cores>]``.

    Local sessions bind to 127.0.0.1, run the Python workers on this interpreter
    and have the web UI off.
    """
    _pyspark()
    from pyspark.sql import SparkSession

    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started us
    if master is None and not under_submit:
        master = f"local[{os.cpu_count() or 1}]"
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    if _is_local(master) and not under_submit:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        cores = _local_cores(master)
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", str(partitions or cores * PARTITIONS_PER_CORE))
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
        )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session


def _local_cores(master: str | None) -> int:
    inside = (master or "").partition("[")[2].partition("]")[0].partition(",")[0]
    if inside.isdigit():
        return max(1, int(inside))
    return os.cpu_count() or 1


class _FileSystem:
    """The Hadoop FileSystem calls the driver needs: list, exists, rename, delete."""

    def __init__(self, sc: SparkContext) -> None:
        self._jvm = sc._jvm  # noqa: SLF001 - the documented way to reach Hadoop from PySpark
        self._conf = sc._jsc.hadoopConfiguration()  # noqa: SLF001

    def _path(self, uri: str):
        return self._jvm.org.apache.hadoop.fs.Path(uri)

    def _fs(self, uri: str):
        return self._path(uri).getFileSystem(self._conf)

    def qualify(self, uri: str) -> str:
        path = self._path(uri)
        return str(path.getFileSystem(self._conf).makeQualified(path).toString())

    def exists(self, uri: str) -> bool:
        return bool(self._fs(uri).exists(self._path(uri)))

    def rename(self, source: str, target: str) -> bool:
        return bool(self._fs(source).rename(self._path(source), self._path(target)))

    def delete(self, uri: str) -> None:
        self._fs(uri).delete(self._path(uri), True)

    def files(self, uri: str) -> list[str]:
        """The files a path, directory (recursively) or glob names, sorted; [] when none."""
        fs = self._fs(uri)
        statuses = fs.globStatus(self._path(uri)) or []
        found: list[str] = []
        for status in statuses:
            if status.isDirectory():
                iterator = fs.listFiles(status.getPath(), True)
                while iterator.hasNext():
                    child = str(iterator.next().getPath().toString())
                    name = _name(child)
                    if not name.startswith((".", "_")) and name.lower().endswith(_KNOWN_SUFFIXES):
                        found.append(child)
            else:
                found.append(str(status.getPath().toString()))
        return sorted(found)


def _kind(uri: str) -> str:
    name = _name(uri).lower()
    for suffix, kind in ((".warc.gz", "warc"), (".warc", "warc"), (".html", "html"), (".htm", "html"), (".jsonl", "jsonl")):
        if name.endswith(suffix):
            return kind
    return "txt"


def _documents(sc: SparkContext, files: Sequence[str]) -> RDD:
    """An RDD of Document and ReadError items for every input file."""
    by_kind: dict[str, list[str]] = {}
    for uri in files:
        by_kind.setdefault(_kind(uri), []).append(uri)
    parts = []
    if by_kind.get("warc"):
        parts.append(sc.binaryFiles(",".join(by_kind["warc"])).flatMap(_warc_documents))
    if by_kind.get("html"):
        parts.append(sc.binaryFiles(",".join(by_kind["html"])).flatMap(_html_documents))
    if by_kind.get("txt"):
        parts.append(sc.binaryFiles(",".join(by_kind["txt"])).flatMap(_txt_documents))
    for uri in by_kind.get("jsonl", []):
        lines = sc.textFile(uri, use_unicode=False).zipWithIndex()
        parts.append(
            lines.mapPartitions(functools.partial(_jsonl_documents, uri))
        )
    return sc.union(parts) if len(parts) > 1 else parts[0]


def _quotes(attributions: DataFrame) -> DataFrame:
    """``quotes/``: identical normalized quotes grouped across articles."""
    from pyspark.sql import functions as F

    quoted = attributions.where(F.col("quote").isNotNull())
    # Earliest occurrence first: dated before undated, then by article and position.
    order = F.struct(
        F.coalesce(F.col("date"), F.lit("9999-12-31").cast("date")), F.col("article_id"), F.col("content_start")
    )
    totals = quoted.groupBy("quote").agg(
        F.count(F.lit(1)).alias("occurrences"),
        F.countDistinct("article_id").alias("articles"),
        F.min("date").alias("first_seen"),
        F.min_by("content_text", order).alias("text"),
        F.min_by("article_id", order).alias("first_article"),
        F.array_sort(F.collect_set("outlet")).alias("outlets"),
        F.slice(F.array_sort(F.collect_set("url")), 1, MAX_QUOTE_URLS).alias("urls"),
        F.array_sort(F.collect_set("kind")).alias("kinds"),
    )
    by_speaker = (
        quoted.groupBy("quote", F.coalesce(F.col("speaker.name"), F.lit("None")).alias("name"))
        .agg(F.count(F.lit(1)).alias("occurrences"))
        .groupBy("quote")
        .agg(F.sort_array(F.collect_list(F.struct("occurrences", "name")), asc=False).alias("ranked"))
        .select("quote", F.transform("ranked", lambda s: F.struct(s["name"].alias("name"), s["occurrences"].alias("occurrences"))).alias("speakers"))
    )
    return totals.join(by_speaker, "quote").select(
        F.substring(F.sha2(F.col("quote"), 256), 1, 16).alias("quote_id"),
        "quote", "text", "occurrences", "articles", "first_seen", "first_article",
        "outlets", "urls", "kinds", "speakers",
    )


def _quotebank(quotes: DataFrame) -> DataFrame:
    """The Quotebank quotation-centric JSON Lines records of ``quotes/``."""
    from pyspark.sql import functions as F

    named = F.filter("speakers", lambda s: s["name"] != F.lit("None"))
    return quotes.select(
        F.col("quote_id").alias("quoteID"),
        F.col("text").alias("quotation"),
        F.coalesce(F.try_element_at(named, F.lit(1))["name"], F.lit("None")).alias("speaker"),
        F.array().cast("array<string>").alias("qids"),
        F.date_format("first_seen", "yyyy-MM-dd HH:mm:ss").alias("date"),
        F.col("occurrences").alias("numOccurrences"),
        F.transform(
            "speakers",
            lambda s: F.array(s["name"], F.format_number(s["occurrences"] / F.col("occurrences"), 4)),
        ).alias("probas"),
        "urls",
        F.lit("onrecord").alias("phase"),
    )


def _swap(fs: _FileSystem, staging: str, output: str) -> None:
    """Replace ``output`` by ``staging``; the old output is removed only after the swap."""
    old = None
    if fs.exists(output):
        old = f"{output.rstrip('/')}.old-{uuid.uuid4().hex[:8]}"
        if not fs.rename(output, old):
            raise OnrecordError(f"cannot move the previous output {output} aside to {old}")
    if not fs.rename(staging, output):
        if old is not None:
            fs.rename(old, output)
        raise OnrecordError(f"cannot move the new output {staging} to {output}")
    if old is not None:
        fs.delete(old)


def run_job(
    inputs: Sequence[str],
    output: str,
    *,
    master: str | None = None,
    partitions: int | None = None,
    quotebank: bool = False,
    model: str | None = None,
    strategy: str = DEFAULT_STRATEGY,
    tagger: str | None = None,
    session: SparkSession | None = None,
) -> JobSummary:
    """Run the job: read ``inputs``, extract attributions, write the datasets under ``output``.

    Args:
        inputs: files, directories or globs (local paths or Hadoop URIs).
        output: the output directory; replaced as a whole when the run succeeds.
        master: Spark master URL; None uses spark-submit's or ``local[<cores>]``.
        partitions: partitions of documents to analyse; None: 4 per core.
        quotebank: also write ``quotebank/`` (JSON Lines).
        model: the spaCy pipeline's import name; None picks the installed one.
        strategy: ``learned`` or ``rules`` (see ``onrecord.attribution.strategy``).
        tagger: a trained model directory readable on every executor; None: the shipped one.
        session: an existing SparkSession to use (its master wins).

    Returns:
        A JobSummary with the row count of each dataset.

    Raises:
        MissingExtra: pyspark is not installed.
        ReadError: an input path does not exist or names no file.
    """
    import time

    started = time.perf_counter()
    _pyspark()
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    if not inputs:
        raise ReadError("<inputs>", "no input path given")
    spark = session or spark_session(master, partitions=partitions)
    sc = spark.sparkContext
    fs = _FileSystem(sc)
    files: list[str] = []
    for uri in inputs:
        found = fs.files(uri)
        if not found:
            raise ReadError(uri, "no such file, or no .warc/.warc.gz/.html/.jsonl/.txt file in it")
        files.extend(found)

    types = schemas()
    documents = _documents(sc, files)
    count = partitions or sc.defaultParallelism * PARTITIONS_PER_CORE
    results_rdd = documents.repartition(count).mapPartitions(functools.partial(extract_partition, model=model, strategy=strategy, tagger=tagger))
    results = spark.createDataFrame(results_rdd, types["result"], verifySchema=False)
    results = results.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        articles = results.where(F.col("article").isNotNull()).select("article.*")
        attributions = results.select(F.explode("attributions").alias("row")).select("row.*")
        speakers = results.select(F.explode("speakers").alias("row")).select("row.*")
        errors = results.where(F.col("error").isNotNull()).select("error.*")
        quotes = _quotes(attributions)
        datasets = {"articles": articles, "attributions": attributions, "speakers": speakers,
                    "quotes": quotes, "errors": errors}

        output = fs.qualify(output)
        staging = f"{output.rstrip('/')}.staging-{uuid.uuid4().hex[:8]}"
        try:
            for name, frame in datasets.items():
                frame.write.mode("overwrite").parquet(f"{staging}/{name}")
            if quotebank:
                _quotebank(quotes).write.mode("overwrite").json(f"{staging}/quotebank")
            summary = JobSummary(output=output)
            for name in DATASETS:
                summary.counts[name] = spark.read.parquet(f"{staging}/{name}").count()
            _swap(fs, staging, output)
        except BaseException:
            if fs.exists(staging):
                fs.delete(staging)
            raise
    finally:
        results.unpersist()
    summary.seconds = time.perf_counter() - started
    return summary


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m onrecord.batch.spark`` and ``spark-submit .../spark.py``: the CLI command."""
    from onrecord.batch.commands import spark_command

    spark_command.main(args=list(argv) if argv is not None else None, prog_name="onrecord.batch.spark")


if __name__ == "__main__":
    # Re-import by name, so executors unpickle functions from onrecord.batch.spark
    # rather than from spark-submit's __main__.
    from onrecord.batch.spark import main as _main

    _main()
