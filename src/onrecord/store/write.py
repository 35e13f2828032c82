"""The write side: one article, its attributions, speakers and quotes, in one transaction."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from ..errors import StoreError
from ..model import Article, Attribution, Entity, Speaker
from .quote import quotation_text, quote_id
from .database import Database
from .normalize import (
    article_id_for,
    mention_text,
    normalize_date,
    speaker_key,
    text_hash,
)
from .shapes import Stored

_INSERT_ARTICLE = """
INSERT INTO articles (id, text, text_hash, title, published, day, url, outlet, author, entities, ingested_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
RETURNING id
"""

_UPSERT_SPEAKER = """
INSERT INTO speakers (key, norm, name, description, type, num_attributions)
VALUES (?, ?, ?, ?, ?, 1)
ON CONFLICT (key) DO UPDATE SET
    num_attributions = speakers.num_attributions + 1,
    name = COALESCE(speakers.name, excluded.name),
    description = COALESCE(speakers.description, excluded.description),
    type = COALESCE(speakers.type, excluded.type)
RETURNING id
"""

_UPSERT_FORM = """
INSERT INTO speaker_forms (speaker_id, kind, form, count) VALUES (?, ?, ?, 1)
ON CONFLICT (speaker_id, kind, form) DO UPDATE SET count = speaker_forms.count + 1
"""

_UPSERT_QUOTE = """
INSERT INTO quotes (id, quotation, first_seen, num_occurrences) VALUES (?, ?, ?, 1)
ON CONFLICT (id) DO UPDATE SET
    num_occurrences = quotes.num_occurrences + 1,
    first_seen = CASE
        WHEN quotes.first_seen IS NULL THEN excluded.first_seen
        WHEN excluded.first_seen IS NOT NULL AND excluded.first_seen < quotes.first_seen
            THEN excluded.first_seen
        ELSE quotes.first_seen
    END
"""

_INSERT_ATTRIBUTION = """
INSERT INTO attributions (
    article_id, ordinal, attribution_id, kind, content, content_fragments, cue, cue_text,
    speaker_id, speaker, addressee_name, addressee, via_name, via, confidence, quote_id, day
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _role(speaker: Speaker | None) -> tuple[str | None, str | None]:
    """(label, JSON) of a speaker, addressee or via role."""
    if speaker is None:
        return None, None
    return speaker.label or None, _json(speaker.to_dict())


def _stored_id(db: Database, hash_: str) -> str | None:
    row = db.one("SELECT id FROM articles WHERE text_hash = ?", (hash_,))
    return row["id"] if row else None


def insert_article(db: Database, article: Article, author: str | None) -> Stored:
    """Insert one article with everything in it, in one transaction.

    The article keeps its own id unless it has none or another text holds it;
    then it gets the id derived from its text (``normalize.article_id_for``).
    When the same normalized text is already stored, nothing is written and
    the id it was stored under is returned.
    """
    hash_ = text_hash(article.text)
    day = normalize_date(article.published) or ""
    entities = {e.id: e for e in article.entities}
    with db.transaction():
        if (existing := _stored_id(db, hash_)) is not None:
            return Stored(existing, added=False)
        article_id = article.id
        if not article_id or db.one("SELECT 1 AS found FROM articles WHERE id = ?", (article_id,)):
            article_id = article_id_for(hash_)
        inserted = db.rows(
            _INSERT_ARTICLE,
            (
                article_id,
                article.text,
                hash_,
                article.title,
                article.published,
                day,
                article.url,
                article.outlet,
                author,
                _json([e.to_dict() for e in article.entities]),
                datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ),
        )
        if not inserted:
            # Lost a race with a concurrent ingest (PostgreSQL; SQLite's write lock
            # excludes one): of the same text, whose id is the answer, or of another
            # text that took this id in between, which a retry resolves.
            if (existing := _stored_id(db, hash_)) is not None:
                return Stored(existing, added=False)
            raise StoreError(f"article id {article_id!r} was taken by a concurrent ingest; try again")
        for ordinal, attribution in enumerate(article.attributions):
            _insert_attribution(db, article_id, ordinal, attribution, day, entities)
    return Stored(article_id, added=True)


def _insert_attribution(
    db: Database,
    article_id: str,
    ordinal: int,
    attribution: Attribution,
    day: str,
    entities: dict[str, Entity],
) -> None:
    content = attribution.content_text
    quote = quote_id(content)
    if quote is not None:
        db.execute(_UPSERT_QUOTE, (quote, quotation_text(content), day or None))
    speaker_id = _upsert_speaker(db, attribution.speaker, entities)
    addressee_name, addressee = _role(attribution.addressee)
    via_name, via = _role(attribution.via)
    db.execute(
        _INSERT_ATTRIBUTION,
        (
            article_id,
            ordinal,
            attribution.id,
            attribution.kind,
            content,
            _json([f.to_dict() for f in attribution.content]),
            _json([f.to_dict() for f in attribution.cue]),
            " ".join(f.text for f in attribution.cue) or None,
            speaker_id,
            _json(attribution.speaker.to_dict()) if attribution.speaker else None,
            addressee_name,
            addressee,
            via_name,
            via,
            float(attribution.confidence),
            quote,
            day,
        ),
    )


def _upsert_speaker(db: Database, speaker: Speaker | None, entities: dict[str, Entity]) -> int | None:
    """The id of the merged speaker record, created or counted once more; None for no speaker."""
    key = speaker_key(speaker)
    if speaker is None or key is None:
        return None
    entity = entities.get(speaker.entity) if speaker.entity else None
    description = speaker.description or (entity.descriptions[0] if entity and entity.descriptions else None)
    named = key[0].startswith("name:")
    if not named and not description:
        description = mention_text(speaker)
    row = db.rows(
        _UPSERT_SPEAKER,
        (key[0], key[1], speaker.name if named else None, description, entity.type if entity else None),
    )
    speaker_id = int(row[0]["id"])
    forms: dict[tuple[str, str], None] = {}
    if named and speaker.name:
        forms[("name", speaker.name)] = None
    for text in (speaker.description, *(entity.descriptions if entity else ())):
        if text:
            forms[("description", text)] = None
    if mention_text(speaker):
        forms[("mention", mention_text(speaker))] = None
    for kind, form in forms:
        db.execute(_UPSERT_FORM, (speaker_id, kind, form))
    return speaker_id
