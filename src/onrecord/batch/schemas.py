"""The typed Spark schemas of the datasets the job writes (documented in ``onrecord.batch.spark``)."""

from __future__ import annotations

from typing import Any

from ..model import KINDS
from .session import require_pyspark

DATASETS = ("articles", "attributions", "speakers", "quotes", "errors")


def schemas() -> dict[str, Any]:
    """The typed Spark schemas: one per dataset, plus ``result`` (what executors return)."""
    require_pyspark()
    from pyspark.sql.types import (
        ArrayType,
        DateType,
        DoubleType,
        IntegerType,
        LongType,
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
        ("confidence", DoubleType()), ("quote_id", string),
    )
    speaker_row = fields(
        *context,
        ("entity", string), ("name", string), ("description", string), ("type", string),
        ("mentions", integer), ("attributions", integer),
        *((kind, integer) for kind in KINDS),  # attributions of each kind
    )
    error = fields(("id", string), ("origin", string), ("error", string), ("stage", string))
    strings = ArrayType(string, True)
    quote = fields(
        ("quote_id", string), ("quotation", string), ("occurrences", LongType()), ("articles", LongType()),
        ("first_seen", DateType()), ("first_article", string), ("outlets", strings), ("urls", strings),
        ("kinds", strings), ("speakers", ArrayType(fields(("name", string), ("occurrences", LongType())), True)),
    )
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
        "quotes": quote,
        "errors": error,
        "result": result,
    }
