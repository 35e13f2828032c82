"""``quotes/`` and ``quotebank/``: the attributions of one quote grouped across articles.

Grouping is ``onrecord.store.quote.group``, the function the store describes its
quotes with, run on the executors over each quote's occurrences; so ``quotebank/``
holds the records ``onrecord export --format quotebank`` writes for the same corpus.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from ..store.quote import Occurrence, QuoteGroup, group, quotebank_record

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.rdd import RDD
    from pyspark.sql import DataFrame, Row

# The attribution columns an occurrence is made of.
_OCCURRENCE_COLUMNS = ("quote_id", "content_text", "article_id", "date", "content_start", "speaker", "kind",
                       "outlet", "url")


def _occurrence(row: Row) -> tuple[str, Occurrence]:
    return row["quote_id"], Occurrence(
        content=row["content_text"],
        article_id=row["article_id"],
        day=row["date"].isoformat() if row["date"] else None,
        start=row["content_start"] or 0,
        speaker=row["speaker"].asDict(recursive=True) if row["speaker"] else None,
        kind=row["kind"],
        outlet=row["outlet"],
        url=row["url"],
    )


def _group(item: tuple[str, Any]) -> QuoteGroup:
    quote_id, occurrences = item
    return group(quote_id, occurrences)


def quote_groups(attributions: DataFrame) -> RDD:
    """An RDD of ``QuoteGroup``: one per quote id among the attributions."""
    quoted = attributions.where(attributions["quote_id"].isNotNull()).select(*_OCCURRENCE_COLUMNS)
    return quoted.rdd.map(_occurrence).groupByKey().map(_group)


def quotes_row(quote: QuoteGroup) -> dict[str, Any]:
    """One row of ``quotes/`` (``schemas()["quotes"]``)."""
    return {
        "quote_id": quote.quote_id,
        "quotation": quote.quotation,
        "occurrences": quote.num_occurrences,
        "articles": len(quote.article_ids),
        "first_seen": date.fromisoformat(quote.first_seen) if quote.first_seen else None,
        "first_article": quote.first_article,
        "outlets": quote.outlets,
        "urls": quote.urls,
        "kinds": quote.kinds,
        "speakers": [{"name": name or "None", "occurrences": n} for name, n in quote.speakers],
    }


def quotebank_line(quote: QuoteGroup) -> str:
    """One line of ``quotebank/``, serialised as ``onrecord export`` serialises it."""
    return json.dumps(quotebank_record(quote), ensure_ascii=False)
