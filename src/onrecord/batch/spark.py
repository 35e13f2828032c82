"""The Apache Spark job: article files in, Parquet datasets of attributions out.

Run it with ``onrecord spark INPUT... --output DIR``, ``python -m onrecord.batch.submit
INPUT... --output DIR`` or ``spark-submit src/onrecord/batch/submit.py INPUT... --output
DIR`` (onrecord and its spaCy model must be installed on every executor, or shipped
with ``--archives`` of a packed virtual environment). It needs ``pip install
'onrecord[spark]'`` (PySpark 4.x) and Java 17 or 21.

Inputs are files, directories or globs, local or any Hadoop URI Spark can read
(``s3a://``, ``hdfs://``, ``gs://``, ``abfss://``), in the formats ``onrecord
ingest`` reads and read by the same code (``readers.read_content``): ``.warc``
(HTML responses, through trafilatura), ``.html``/``.htm``, ``.jsonl`` (one
article a line) and ``.txt`` (one article a file), each also ``.gz``. Each file
is read whole by one task, so give executors memory for the largest file. The
documents are then repartitioned and each partition is analysed by the executor
process's one ``Extractor`` (loaded once per Python worker, which Spark reuses
across tasks).

The job is split by what runs where: ``session`` (the SparkSession),
``filesystem`` (listing inputs, swapping the output in), ``partition`` (the
executors: reading a file, extracting a partition), ``rows`` (the rows of one
article), ``schemas``, ``quotes`` (grouping quotes) and this module, the driver
that ties them together.

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

``attributions/``: one row per attribution (docs/output.md), in article order::

    article_id string, published string, date date, outlet string, url string,
    attribution_id string, kind string (direct|indirect|mixed|block),
    content array<fragment>, content_text string (fragments joined by " … "),
    content_start int, content_end int, cue array<fragment>,
    speaker speaker, addressee speaker, via speaker, confidence double,
    quote_id string (the quote it belongs to, as the store's; null when too short to group)

    fragment = struct<start int, end int, text string>   (offsets into articles.text)
    speaker  = struct<mention array<fragment>, entity string, name string,
                      description string>                 (null when absent)

``speakers/``: one row per distinct speaker of an article::

    article_id string, published string, date date, outlet string, url string,
    entity string, name string (resolved; null when unnamed), description string,
    type string (person|organization|media|place|other), mentions int,
    attributions int, direct int, indirect int, mixed int, block int

``quotes/``: the attributions of one quote grouped across articles
(``attributions.quote_id``; ``store.quote`` defines quote identity)::

    quote_id string, quotation string (the earliest occurrence, trimmed),
    occurrences long, articles long, first_seen date, first_article string,
    outlets array<string>, urls array<string>, kinds array<string>,
    speakers array<struct<name string ("None" when unresolved), occurrences long>>
    (most frequent first)

``errors/``: one row per unreadable record or failed article; never fails the job::

    id string, origin string, error string, stage string (read|extract)

``quotebank/`` (``--quotebank``): JSON Lines in the Quotebank quotation-centric
format (``store.quote.quotebank_record``): quoteID, quotation, speaker, qids (empty:
onrecord links no Wikidata), date, numOccurrences, probas ([[name, share]],
shares as numbers), urls, phase ("onrecord"); the records ``onrecord export
--format quotebank`` writes for the same corpus.
"""

from __future__ import annotations

import functools
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..attribution.strategy import DEFAULT_STRATEGY
from ..errors import ReadError
from .filesystem import FileSystem
from .partition import extract_partition, read_file
from .quotes import quote_groups, quotebank_line, quotes_row
from .schemas import DATASETS, schemas
from .session import PARTITIONS_PER_CORE, require_pyspark, spark_session

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import SparkSession

__all__ = ["JobSummary", "run_job"]


@dataclass
class JobSummary:
    """What a run wrote: rows per dataset and where."""

    output: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"output": self.output, "counts": self.counts, "seconds": round(self.seconds, 3)}


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
    started = time.perf_counter()
    require_pyspark()
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    if not inputs:
        raise ReadError("<inputs>", "no input path given")
    spark = session or spark_session(master, partitions=partitions)
    sc = spark.sparkContext
    fs = FileSystem(sc)
    files: list[str] = []
    for uri in inputs:
        found = fs.files(uri)
        if not found:
            raise ReadError(uri, "no such file, or no .warc/.html/.jsonl/.txt file (or .gz of one) in it")
        files.extend(found)

    types = schemas()
    documents = sc.binaryFiles(",".join(files)).flatMap(read_file)
    count = partitions or sc.defaultParallelism * PARTITIONS_PER_CORE
    results_rdd = documents.repartition(count).mapPartitions(functools.partial(extract_partition, model=model, strategy=strategy, tagger=tagger))
    results = spark.createDataFrame(results_rdd, types["result"], verifySchema=False)
    results = results.persist(StorageLevel.MEMORY_AND_DISK)
    attributions = results.select(F.explode("attributions").alias("row")).select("row.*")
    groups = quote_groups(attributions).persist(StorageLevel.MEMORY_AND_DISK)  # for quotes/ and quotebank/
    try:
        articles = results.where(F.col("article").isNotNull()).select("article.*")
        speakers = results.select(F.explode("speakers").alias("row")).select("row.*")
        errors = results.where(F.col("error").isNotNull()).select("error.*")
        quotes = spark.createDataFrame(groups.map(quotes_row), types["quotes"], verifySchema=False)
        datasets = {"articles": articles, "attributions": attributions, "speakers": speakers,
                    "quotes": quotes, "errors": errors}

        output = fs.qualify(output)
        staging = f"{output.rstrip('/')}.staging-{uuid.uuid4().hex[:8]}"
        try:
            for name, frame in datasets.items():
                frame.write.mode("overwrite").parquet(f"{staging}/{name}")
            if quotebank:
                groups.map(quotebank_line).saveAsTextFile(f"{staging}/quotebank")
            summary = JobSummary(output=output)
            for name in DATASETS:
                summary.counts[name] = spark.read.parquet(f"{staging}/{name}").count()
            fs.swap(staging, output)
        except BaseException:
            if fs.exists(staging):
                fs.delete(staging)
            raise
    finally:
        groups.unpersist()
        results.unpersist()
    summary.seconds = time.perf_counter() - started
    return summary
