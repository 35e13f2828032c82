"""The database schema, as a list of migrations that onrecord applies itself.

Each migration is a list of statements written once for both backends; the few
words that differ (the auto-increment key, the full-text index) are filled in
from the backend's ``Dialect``. ``schema_version`` holds the version reached;
a database newer than this code is refused rather than misread.

Conventions: JSON columns are TEXT holding ``json.dumps`` output (both backends
read them the same way); ``day`` is the ISO date (YYYY-MM-DD) of publication,
or the empty string when unknown, so that keyset ordering needs no NULL rules.
"""

from __future__ import annotations

from collections.abc import Callable

from .dialect import Dialect

_V1 = [
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL UNIQUE,
        title TEXT,
        published TEXT,
        day TEXT NOT NULL DEFAULT '',
        url TEXT,
        outlet TEXT,
        author TEXT,
        entities TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_day ON articles (day)",
    """CREATE TABLE speakers (
        id {serial_pk},
        key TEXT NOT NULL UNIQUE,
        norm TEXT NOT NULL,
        name TEXT,
        description TEXT,
        type TEXT,
        num_attributions INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX speakers_count ON speakers (num_attributions DESC, id)",
    """CREATE TABLE speaker_forms (
        speaker_id {bigint} NOT NULL REFERENCES speakers (id),
        kind TEXT NOT NULL,
        form TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (speaker_id, kind, form)
    )""",
    """CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        quotation TEXT NOT NULL,
        first_seen TEXT,
        num_occurrences INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX quotes_count ON quotes (num_occurrences DESC, id)",
    """CREATE TABLE attributions (
        id {serial_pk},
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        attribution_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        content TEXT NOT NULL,
        content_fragments TEXT NOT NULL,
        cue TEXT NOT NULL,
        cue_text TEXT,
        speaker_id {bigint} REFERENCES speakers (id),
        speaker TEXT,
        addressee_name TEXT,
        addressee TEXT,
        via_name TEXT,
        via TEXT,
        confidence DOUBLE PRECISION NOT NULL,
        quote_id TEXT REFERENCES quotes (id),
        day TEXT NOT NULL DEFAULT '',
        UNIQUE (article_id, ordinal)
    )""",
    "CREATE INDEX attributions_day ON attributions (day, id)",
    "CREATE INDEX attributions_speaker ON attributions (speaker_id, day, id)",
    "CREATE INDEX attributions_quote ON attributions (quote_id)",
    "{fts}",
]


def _render(statements: list[str]) -> Callable[[Dialect], list[str]]:
    def render(dialect: Dialect) -> list[str]:
        out: list[str] = []
        for statement in statements:
            if statement == "{fts}":
                out.extend(dialect.fts_ddl)
            else:
                out.append(statement.format(serial_pk=dialect.serial_pk, bigint=dialect.bigint))
        return out

    return render


def _v2(dialect: Dialect) -> list[str]:
    """PostgreSQL: the full-text index takes each new row at once, with no pending list.

    With GIN's default ``fastupdate`` new rows wait in a pending list that every
    search reads in full, and that the planner counts against the index, until
    (auto)vacuum merges it. Right after ingesting the BBC corpus a search took
    12-20 ms instead of 0.3-1.5 ms, and 185 ms at the median under four
    concurrent clients (benchmarks/load.py). Ingest is bound by extraction, so
    the slower index insert is not noticed there. SQLite's FTS5 needs nothing.
    """
    if dialect.name != "postgresql":
        return []
    return [
        "ALTER INDEX attributions_fts SET (fastupdate = off)",
        "SELECT gin_clean_pending_list('attributions_fts'::regclass)",  # what earlier inserts left
    ]


# Speakers across articles (issue 10): whether a speaker is named (unnamed ones
# are keyed per article, never merged across articles), its gender and how that
# is known, and the surname of a multi-word person name (a surname-only speaker
# of another article may join it). ``settings`` keeps the alias file and the
# version of the keying rules the speakers table was built with: when either
# changes, the store rebuilds the speakers from the attributions it holds
# (``write.rebuild_speakers``), so a database of version 2 is re-keyed on opening.
_V3 = [
    "ALTER TABLE speakers ADD COLUMN named INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE speakers ADD COLUMN gender TEXT",
    "ALTER TABLE speakers ADD COLUMN gender_evidence TEXT",
    "ALTER TABLE speakers ADD COLUMN surname TEXT",
    "CREATE INDEX speakers_named ON speakers (named, num_attributions DESC, id)",
    "CREATE INDEX speakers_surname ON speakers (surname)",
    "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
]

# Each attribution carries its article's outlet, as it carries its day (issue 12):
# the facets, the dashboard's timeline and gender table and the outlet filter read
# attributions alone. Joined from articles, the outlet cost a read of the article's
# row for every attribution counted, its text included (the outlet is stored after
# it), and counting over all 27,449 attributions of the BBC + Reuters load corpus
# took 60 ms on SQLite. An article and its attributions are written once, in one
# transaction, and never updated, so the copy cannot drift. ``attributions_facets``
# holds every column those counts read, so they scan it instead of the table (whose
# rows hold the content and its JSON), and reach a speaker's attributions through it.
_V4 = [
    "ALTER TABLE attributions ADD COLUMN outlet TEXT",
    "UPDATE attributions SET outlet = (SELECT ar.outlet FROM articles ar WHERE ar.id = attributions.article_id)",
    "CREATE INDEX attributions_facets ON attributions (speaker_id, kind, day, confidence, outlet)",
]

# MIGRATIONS[n] takes a database at version n to version n + 1. Append, never edit.
MIGRATIONS: list[Callable[[Dialect], list[str]]] = [_render(_V1), _v2, _render(_V3), _render(_V4)]
LATEST_VERSION = len(MIGRATIONS)

VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
