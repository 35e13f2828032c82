"""The write side: one article, its attributions, speakers and quotes, in one transaction.

Speaker records are keyed by ``identity.speaker_identity`` under the alias file
kept in ``settings``; ``rebuild_speakers`` re-keys every stored attribution when
the alias file or the keying rules (``SPEAKER_KEYS_VERSION``) change.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone
from typing import Any

from ..errors import StoreError
from ..model import Article, Attribution, Entity, Speaker
from .quote import quotation_text, quote_id
from .database import Database
from .identity import NO_ALIASES, Aliases, Identity, gender_vote, genders_agree, merged_gender, speaker_identity
from .identity import unnamed_description
from .normalize import article_id_for, is_pronoun, mention_text, normalize_date, text_hash
from .shapes import Stored

_INSERT_ARTICLE = """
INSERT INTO articles (id, text, text_hash, title, published, day, url, outlet, author, entities, ingested_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
RETURNING id
"""

# The version of the speaker keying rules (``identity``). A store whose speakers
# were keyed under another version (or none: a database from before issue 10)
# rebuilds them on opening. Raise it whenever a change to the rules would key
# an already stored speaker differently.
SPEAKER_KEYS_VERSION = "1"

_UPSERT_SPEAKER = """
INSERT INTO speakers (key, norm, name, description, type, named, surname, num_attributions)
VALUES (?, ?, ?, ?, ?, ?, ?, 1)
ON CONFLICT (key) DO UPDATE SET
    num_attributions = speakers.num_attributions + 1,
    description = COALESCE(speakers.description, excluded.description),
    surname = COALESCE(speakers.surname, excluded.surname)
RETURNING id
"""

# What a speaker's name, type and gender are read from: how often each was given.
_EVIDENCE_KINDS = ("name", "type", "gender")

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
    speaker_id, speaker, addressee_name, addressee, via_name, via, confidence, quote_id, day, outlet
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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


def stored_aliases(db: Database) -> Aliases:
    """The alias file the store keys speakers with (none: ``NO_ALIASES``)."""
    row = db.one("SELECT value FROM settings WHERE name = 'aliases'")
    return Aliases.parse(row["value"], "stored aliases") if row else NO_ALIASES


def _set_setting(db: Database, name: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (name, value),
    )


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
        # Read in the transaction: another process may have changed the aliases.
        aliases = stored_aliases(db)
        for ordinal, attribution in enumerate(article.attributions):
            _insert_attribution(db, article_id, ordinal, attribution, day, article.outlet, entities, aliases)
    return Stored(article_id, added=True)


def _insert_attribution(
    db: Database,
    article_id: str,
    ordinal: int,
    attribution: Attribution,
    day: str,
    outlet: str | None,
    entities: dict[str, Entity],
    aliases: Aliases,
) -> None:
    content = attribution.content_text
    quote = quote_id(content)
    if quote is not None:
        db.execute(_UPSERT_QUOTE, (quote, quotation_text(content), day or None))
    speaker_id = _upsert_speaker(db, article_id, attribution.speaker, entities, aliases)
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
            outlet,
        ),
    )


def _upsert_speaker(
    db: Database, article_id: str, speaker: Speaker | None, entities: dict[str, Entity], aliases: Aliases
) -> int | None:
    """The id of the speaker record of one attribution, created or counted once more; None for no speaker."""
    entity = entities.get(speaker.entity) if speaker is not None and speaker.entity else None
    identity = speaker_identity(speaker, entity, article_id, aliases)
    if speaker is None or identity is None:
        return None
    vote = gender_vote(speaker, entity)
    gender = vote.partition(":")[0] if vote else None
    if identity.surname_only:
        identity = _full_name_of_surname(db, identity, gender)
    # Only a new full name can absorb a surname-only speaker stored before it.
    is_new = bool(identity.surname) and db.one("SELECT 1 AS found FROM speakers WHERE key = ?", (identity.key,)) is None
    description = speaker.description or (entity.descriptions[0] if entity and entity.descriptions else None)
    if not identity.named:
        description = unnamed_description(speaker, entity)
    row = db.rows(
        _UPSERT_SPEAKER,
        (identity.key, identity.norm, identity.canonical or (speaker.name if identity.named else None),
         description, entity.type if entity else None, int(identity.named), identity.surname),
    )
    speaker_id = int(row[0]["id"])
    forms: dict[tuple[str, str], None] = {}
    if identity.named and speaker.name:
        forms[("name", speaker.name)] = None
    for text in (speaker.description, *(entity.descriptions if entity else ())):
        if text and not is_pronoun(text):
            forms[("description", text)] = None
    mention = mention_text(speaker)
    if mention and not is_pronoun(mention):
        forms[("mention", mention)] = None
    if entity is not None:
        forms[("type", entity.type)] = None
    if vote:
        forms[("gender", vote)] = None
    for kind, form in forms:
        db.execute(_UPSERT_FORM, (speaker_id, kind, form))
    if is_new:
        _absorb_surname_only(db, speaker_id, identity, gender)
    _refresh_speaker(db, speaker_id, identity.canonical)
    return speaker_id


def _full_name_of_surname(db: Database, identity: Identity, gender: str | None) -> Identity:
    """A surname-only person's identity, moved to the one full name of that surname when there is one.

    Only when exactly one multi-word person of that surname is stored and the
    genders agree: "Mr Clinton" joins neither Bill nor Hillary when both are
    there, and never Hillary Clinton alone. A full name stored later absorbs an
    earlier surname-only speaker the same way (``_absorb_surname_only``); a
    second full name of the same surname arriving after that does not undo it.
    """
    surname = identity.key.removeprefix("name:")
    found = db.rows(
        "SELECT key, gender FROM speakers WHERE surname = ? AND named = 1 AND type = 'person'", (surname,)
    )
    if len(found) != 1 or not genders_agree(found[0]["gender"], gender):
        return identity
    return Identity(found[0]["key"], identity.norm, True, None, surname, False)


def _absorb_surname_only(db: Database, speaker_id: int, identity: Identity, gender: str | None) -> None:
    """Move a stored surname-only person into a new full-name speaker of that surname, when it is the only one."""
    others = db.one(
        "SELECT COUNT(*) AS n FROM speakers WHERE surname = ? AND named = 1 AND id <> ?", (identity.surname, speaker_id)
    )
    old = db.one(
        "SELECT id, gender, num_attributions FROM speakers WHERE key = ? AND named = 1 AND type = 'person'",
        (f"name:{identity.surname}",),
    )
    if old is None or (others and int(others["n"])) or not genders_agree(old["gender"], gender):
        return
    old_id = int(old["id"])
    db.execute("UPDATE attributions SET speaker_id = ? WHERE speaker_id = ?", (speaker_id, old_id))
    db.execute(
        "INSERT INTO speaker_forms (speaker_id, kind, form, count) "
        "SELECT ?, kind, form, count FROM speaker_forms WHERE speaker_id = ? "
        "ON CONFLICT (speaker_id, kind, form) DO UPDATE SET count = speaker_forms.count + excluded.count",
        (speaker_id, old_id),
    )
    db.execute("DELETE FROM speaker_forms WHERE speaker_id = ?", (old_id,))
    db.execute(
        "UPDATE speakers SET num_attributions = num_attributions + ? WHERE id = ?",
        (int(old["num_attributions"]), speaker_id),
    )
    db.execute("DELETE FROM speakers WHERE id = ?", (old_id,))


def _refresh_speaker(db: Database, speaker_id: int, canonical: str | None) -> None:
    """Set a speaker's name, type and gender from what its attributions say, so no article order decides.

    The name is the alias file's, else the most frequent full (multi-word) name,
    else the most frequent name; the type the most frequent; the gender
    ``identity.merged_gender`` of the votes.
    """
    marks = ", ".join("?" for _ in _EVIDENCE_KINDS)
    rows = db.rows(
        f"SELECT kind, form, count FROM speaker_forms WHERE speaker_id = ? AND kind IN ({marks}) "
        "ORDER BY count DESC, form",
        (speaker_id, *_EVIDENCE_KINDS),
    )
    # Spacing is no part of a name: "Lena  Ortiz" counts for "Lena Ortiz", and of
    # the forms so counted the one written with single spaces is shown. A name
    # is shown as an article wrote it, never rewritten.
    counted: Counter[str] = Counter()
    written: dict[str, list[tuple[int, bool, str]]] = {}
    for r in rows:
        if r["kind"] == "name":
            spaced = " ".join(r["form"].split())
            counted[spaced] += int(r["count"])
            written.setdefault(spaced, []).append((-int(r["count"]), r["form"] != spaced, r["form"]))
    names = [min(written[n])[2] for n, _ in sorted(counted.items(), key=lambda item: (-item[1], item[0]))]
    name = canonical or next((n for n in names if len(n.split()) > 1), None) or next(iter(names), None)
    type_ = next((r["form"] for r in rows if r["kind"] == "type"), None)
    gender, evidence = merged_gender({r["form"]: int(r["count"]) for r in rows if r["kind"] == "gender"})
    db.execute(
        "UPDATE speakers SET name = COALESCE(?, name), type = COALESCE(?, type), gender = ?, gender_evidence = ? "
        "WHERE id = ?",
        (name, type_, gender, evidence, speaker_id),
    )


def rebuild_speakers(db: Database, aliases: Aliases) -> None:
    """Key every stored attribution's speaker again, under ``aliases`` and the current rules.

    Inside the caller's transaction. The attributions keep what the extractor
    gave (each speaker's JSON, each article's entities), so nothing needs
    extracting again; articles are replayed in the order they were stored.
    Speaker ids change.
    """
    db.execute("UPDATE attributions SET speaker_id = NULL WHERE speaker_id IS NOT NULL")
    db.execute("DELETE FROM speaker_forms")
    db.execute("DELETE FROM speakers")
    articles = db.rows("SELECT id, entities FROM articles ORDER BY ingested_at, id")
    for article in articles:
        entities = {e.id: e for e in (Entity.from_dict(d) for d in json.loads(article["entities"]))}
        rows = db.rows(
            "SELECT id, speaker FROM attributions WHERE article_id = ? AND speaker IS NOT NULL ORDER BY ordinal",
            (article["id"],),
        )
        for row in rows:
            speaker = Speaker.from_dict(json.loads(row["speaker"]))
            speaker_id = _upsert_speaker(db, article["id"], speaker, entities, aliases)
            if speaker_id is not None:
                db.execute("UPDATE attributions SET speaker_id = ? WHERE id = ?", (speaker_id, int(row["id"])))
    _set_setting(db, "speaker_keys", SPEAKER_KEYS_VERSION)
    if aliases.text:
        _set_setting(db, "aliases", aliases.text)
    else:
        db.execute("DELETE FROM settings WHERE name = 'aliases'")


def ensure_speaker_keys(db: Database, aliases: Aliases | None = None) -> bool:
    """Rebuild the speakers when their keys are stale or ``aliases`` differ from the stored ones.

    ``aliases`` None keeps the stored alias file. One transaction, with the
    schema lock, so two processes opening an old database rebuild it once.
    Returns whether it rebuilt.
    """
    with db.transaction():
        db.lock_schema()
        row = db.one("SELECT value FROM settings WHERE name = 'speaker_keys'")
        stored = stored_aliases(db)
        wanted = stored if aliases is None else aliases
        if row is not None and row["value"] == SPEAKER_KEYS_VERSION and wanted.text == stored.text:
            return False
        rebuild_speakers(db, wanted)
        return True
