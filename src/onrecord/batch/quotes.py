"""``quotes/`` and ``quotebank/``: identical quotes grouped across articles, in Spark."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame

# The most URLs kept per quote in quotes/ and the Quotebank export (a viral
# quote would otherwise carry every syndicated copy).
MAX_QUOTE_URLS = 1000


def quotes(attributions: DataFrame) -> DataFrame:
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


def quotebank(quotes: DataFrame) -> DataFrame:
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
