"""Articles as flat records for tabular outputs (Parquet, Quotebank); pure Python, no Spark.

The Spark job builds its rows here on the executors, so the same function can be
tested, and reused by other batch back ends, without a JVM.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from ..model import KINDS, Article, Attribution, Fragment, Speaker
from ..readers.document import Document
from ..store.normalize import normalize_date
from ..store.quote import quote_id

__all__ = [
    "article_row",
    "attribution_rows",
    "error_row",
    "parse_date",
    "result_row",
    "speaker_rows",
]


def parse_date(value: str | None) -> date | None:
    """The calendar date of a news date string: the store's parser, as a ``date``."""
    iso = normalize_date(value)
    return date.fromisoformat(iso) if iso else None


def _fragments(fragments: Iterable[Fragment]) -> list[dict[str, Any]]:
    return [f.to_dict() for f in fragments]


def _speaker(speaker: Speaker | None) -> dict[str, Any] | None:
    return speaker.to_dict() if speaker else None


def _context(document: Document, article: Article) -> dict[str, Any]:
    published = article.published or document.published
    return {
        "article_id": article.id,
        "published": published,
        "date": parse_date(published),
        "outlet": article.outlet,
        "url": article.url,
    }


def article_row(document: Document, article: Article) -> dict[str, Any]:
    """One row of ``articles/``."""
    published = article.published or document.published
    return {
        "id": article.id,
        "title": article.title,
        "published": published,
        "date": parse_date(published),
        "url": article.url,
        "outlet": article.outlet,
        "author": document.author,
        "origin": document.origin,
        "text": article.text,
        "chars": len(article.text),
        "words": len(article.text.split()),
        "attributions": len(article.attributions),
        "entities": len(article.entities),
    }


def _attribution_row(attribution: Attribution, context: dict[str, Any]) -> dict[str, Any]:
    content = attribution.content
    return {
        **context,
        "attribution_id": attribution.id,
        "kind": attribution.kind,
        "content": _fragments(content),
        "content_text": attribution.content_text,
        "content_start": content[0].start if content else None,
        "content_end": content[-1].end if content else None,
        "cue": _fragments(attribution.cue),
        "speaker": _speaker(attribution.speaker),
        "addressee": _speaker(attribution.addressee),
        "via": _speaker(attribution.via),
        "confidence": float(attribution.confidence),
        "quote_id": quote_id(attribution.content_text),
    }


def attribution_rows(document: Document, article: Article) -> list[dict[str, Any]]:
    """The rows of ``attributions/`` for one article, in the article's order."""
    context = _context(document, article)
    return [_attribution_row(a, context) for a in article.attributions]


def speaker_rows(document: Document, article: Article) -> list[dict[str, Any]]:
    """The rows of ``speakers/``: one per distinct speaker of the article's attributions."""
    context = _context(document, article)
    groups: dict[tuple[str | None, str | None, str | None], list[Attribution]] = {}
    for attribution in article.attributions:
        speaker = attribution.speaker
        if speaker is None:
            continue
        key = (speaker.entity, None, None) if speaker.entity else (None, speaker.name, speaker.label)
        groups.setdefault(key, []).append(attribution)
    rows = []
    for attributions in groups.values():
        speaker = attributions[0].speaker
        assert speaker is not None
        entity = article.entity(speaker.entity)
        kinds = Counter(a.kind for a in attributions)
        rows.append(
            {
                **context,
                "entity": speaker.entity,
                "name": (entity.name if entity else None) or speaker.name,
                "description": speaker.description
                or next((a.speaker.description for a in attributions if a.speaker and a.speaker.description), None),
                "type": entity.type if entity else None,
                "mentions": len(entity.mentions) if entity else len(attributions),
                "attributions": len(attributions),
                **{kind: kinds[kind] for kind in KINDS},
            }
        )
    return rows


def error_row(id: str | None, origin: str | None, error: str, stage: str) -> dict[str, Any]:
    """One row of ``errors/``; ``stage`` is ``read`` or ``extract``."""
    return {"id": id, "origin": origin, "error": error, "stage": stage}


def result_row(document: Document, article: Article) -> dict[str, Any]:
    """Everything the job writes about one article, as one nested record."""
    return {
        "article": article_row(document, article),
        "attributions": attribution_rows(document, article),
        "speakers": speaker_rows(document, article),
        "error": None,
    }
