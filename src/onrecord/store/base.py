"""The store: one interface over SQLite and PostgreSQL, and ``open_store(url)``.

Layers, top down::

    Store            the public interface (CLI, REST API and web pages use only this)
      write.py       add_article: one transaction per article
      queries.py     the read side, shared by every caller
      export.py      jsonl / csv / parquet / quotebank
    Database         a thin backend: connection, transactions, and its Dialect
      sqlite.py      SQLiteDatabase (WAL, FTS5)
      postgres.py    PostgresDatabase (psycopg 3, tsvector + GIN)

SQL is written once with ``?`` placeholders; a ``Dialect`` holds everything that
differs between backends (placeholder, auto-increment key, full-text index and
match condition). Driver errors (sqlite3, psycopg) become ``StoreError`` in one
place, ``_translated``, with ``raise ... from``; the same place retries a call
whose connection was lost (a PostgreSQL restart) on a fresh connection.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import IO, Any, TypeVar

from ..errors import StoreError
from ..model import Article
from . import export as export_module
from . import queries, schema
from .write import insert_article

__all__ = ["Database", "Dialect", "InvalidQuery", "Store", "open_store", "DEFAULT_DB"]

log = logging.getLogger("onrecord.store")

# A call whose connection is lost (the server restarted, the link dropped) is
# tried up to RECONNECT_TRIES times in all, on a new connection each time,
# waiting RECONNECT_FIRST_WAIT_S before the first retry and twice as long
# before each next one, at most RECONNECT_MAX_WAIT_S: about 30 s of waiting in
# all, longer than a PostgreSQL restart takes (under a second after a fast
# stop, a few seconds of crash recovery after an immediate one), short enough
# to report a server that is gone for good.
RECONNECT_TRIES = 10
RECONNECT_FIRST_WAIT_S = 0.1
RECONNECT_MAX_WAIT_S = 8.0

# The database used when neither --db nor ONRECORD_DB says otherwise.
DEFAULT_DB = "onrecord.db"
ENV_DB = "ONRECORD_DB"


class InvalidQuery(StoreError, ValueError):
    """A query argument is malformed: a bad date, cursor, kind or limit (HTTP 400, not 500)."""


@dataclass(frozen=True, slots=True)
class Dialect:
    """Everything that differs in SQL between the backends, in one place."""

    name: str
    # What ``?`` placeholders become before the driver sees the SQL.
    placeholder: str
    # Column definition of an auto-incrementing integer primary key.
    serial_pk: str
    # Type of a column referring to such a key.
    bigint: str
    # Statements creating the full-text index over attributions.content.
    fts_ddl: tuple[str, ...]
    # A condition on attribution alias ``a`` with one placeholder for ``fts_query``.
    fts_condition: str
    # Turns parsed search terms (tuples of words; several words = a phrase) into the parameter.
    fts_query: Callable[[list[tuple[str, ...]]], str]

    def sql(self, text: str) -> str:
        """The SQL text with this backend's placeholders."""
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)


class Database(ABC):
    """A thin backend: one connection, its transactions and its dialect.

    Calls are serialised by a lock so that one Store can be shared by the
    threads of a web server; a transaction holds the lock until it ends.
    """

    dialect: Dialect
    # The driver's exception base classes, translated into StoreError by Store.
    driver_errors: tuple[type[BaseException], ...] = ()

    def __init__(self) -> None:
        self.lock = threading.RLock()

    @abstractmethod
    def _run(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        """Execute one statement (placeholders already converted); return its rows as dicts."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """Begin a write transaction; commit on success, roll back on any exception."""

    @abstractmethod
    def _snapshot(self) -> AbstractContextManager[None]:
        """Begin a read-only transaction that sees one committed state throughout."""

    @abstractmethod
    def _lock_schema(self) -> None:
        """Inside a transaction: keep concurrent processes from migrating at the same time."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    def connection_lost(self, error: BaseException) -> bool:
        """Whether ``error`` means the connection is gone (and a new one may work)."""
        return False

    def reconnect(self) -> None:
        """Replace a lost connection with a new one; raises the driver's error when it fails."""
        raise NotImplementedError(f"{type(self).__name__} cannot reconnect")

    def disk_full(self, error: BaseException) -> bool:
        """Whether ``error`` means the database ran out of disk space."""
        return False

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.lock:
            return self._run(self.dialect.sql(sql), params)

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.rows(sql, params)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.lock, self._transaction():
            yield

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Run several reads against one committed state of the database.

        A read method makes several queries (a speaker's row, then their
        attributions); each on its own would see whatever was committed when it
        ran, so an ingest committing in between could make one answer disagree
        with itself (a count of 17 beside 18 attributions).
        """
        with self.lock, self._snapshot():
            yield

    def migrate(self) -> None:
        """Create or upgrade the schema to ``schema.LATEST_VERSION``."""
        with self.transaction():
            self._lock_schema()
            self.execute(schema.VERSION_TABLE)
            row = self.one("SELECT MAX(version) AS version FROM schema_version")
            current = int(row["version"] or 0) if row else 0
            if current > schema.LATEST_VERSION:
                raise StoreError(
                    f"the database is at schema version {current}, newer than this onrecord "
                    f"understands ({schema.LATEST_VERSION}); upgrade onrecord"
                )
            for version in range(current, schema.LATEST_VERSION):
                for statement in schema.MIGRATIONS[version](self.dialect):
                    self.execute(statement)
            if current != schema.LATEST_VERSION:
                self.execute("DELETE FROM schema_version")
                self.execute("INSERT INTO schema_version (version) VALUES (?)", (schema.LATEST_VERSION,))

    def schema_version(self) -> int:
        row = self.one("SELECT MAX(version) AS version FROM schema_version")
        return int(row["version"] or 0) if row else 0


F = TypeVar("F", bound=Callable[..., Any])


def _store_call(*, retry: bool) -> Callable[[F], F]:
    """A decorator running a Store method with driver errors turned into StoreError.

    With ``retry``, a call that fails because the connection was lost is run
    again, whole, on a new connection (see ``RECONNECT_TRIES``). That is safe
    for every method it is used on: reads have no effect, and ``add_article``
    is one transaction that either committed or did not; when the connection
    was lost during its COMMIT and the commit did land, the retry finds the
    text already stored and adds nothing (it then reports False: nothing new).
    """

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
            for attempt in range(1, RECONNECT_TRIES + 1):
                try:
                    if attempt > 1:
                        self.db.reconnect()
                    return method(self, *args, **kwargs)
                except self.db.driver_errors as error:
                    if not (retry and attempt < RECONNECT_TRIES and self.db.connection_lost(error)):
                        raise self._error(error) from error
                    wait = min(RECONNECT_MAX_WAIT_S, RECONNECT_FIRST_WAIT_S * 2 ** (attempt - 1))
                    log.warning(
                        "%s: connection lost (%s); reconnecting in %.1fs to retry %s (try %d of %d)",
                        self.display_url, _one_line(error), wait, method.__name__, attempt + 1, RECONNECT_TRIES,
                    )
                    time.sleep(wait)
            raise AssertionError("unreachable: the last try returns or raises")

        return wrapper  # type: ignore[return-value]

    return decorate


_translated = _store_call(retry=True)
# For calls that must not run twice: export has written part of its output by
# the time a connection fails, and close has nothing to retry.
_translated_once = _store_call(retry=False)


def _one_line(error: BaseException) -> str:
    """A driver message on one line (libpq's span several, indented)."""
    return " ".join(str(error).split())


class Store:
    """The quote database: articles, attributions, speakers and quotes.

    Use ``open_store(url)``; a Store is a context manager that closes itself.
    Every read method returns plain dicts (JSON-ready) whose shapes are listed
    in its docstring; the REST API and the web pages rely on them.
    """

    def __init__(self, db: Database, *, display_url: str) -> None:
        self.db = db
        self.display_url = display_url

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {self.display_url}>"

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.db.dialect.name

    @_translated_once
    def close(self) -> None:
        self.db.close()

    @_translated
    def _migrate(self) -> None:
        self.db.migrate()

    def _error(self, error: BaseException) -> StoreError:
        """The StoreError for a driver error: one line naming the database."""
        if self.db.disk_full(error):
            return StoreError(f"database full: {self.display_url}: {_one_line(error)}")
        return StoreError(f"{self.display_url}: {type(error).__name__}: {_one_line(error)}".strip())

    # -- write side ---------------------------------------------------------

    @_translated
    def add_article(self, article: Article, *, author: str | None = None) -> bool:
        """Store an article with all its attributions, speakers and quotes, in one transaction.

        Args:
            article: the extractor's output; ``article.id`` is kept when given and
                not taken by another article, otherwise an id is derived from the text hash.
            author: the byline, when the reader found one.

        Returns:
            True when added; False (and nothing written) when an article with the
            same normalized text is already stored.

        Raises:
            StoreError: the database failed.
        """
        return insert_article(self.db, article, author)

    @_translated
    def known_text_hashes(self) -> set[str]:
        """The normalized-text hashes of every stored article (see ``normalize.text_hash``)."""
        return {row["text_hash"] for row in self.db.rows("SELECT text_hash FROM articles")}

    # -- read side ----------------------------------------------------------

    @_translated
    def search_quotes(
        self,
        q: str | None = None,
        *,
        speaker: str | int | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        kind: str | None = None,
        limit: int = queries.DEFAULT_LIMIT,
        cursor: str | None = None,
    ) -> dict[str, Any]:
        """Attributions matching a full-text query and filters, newest first.

        Args:
            q: words that must all occur in the content (stemmed); ``"a phrase"``
                in double quotes must occur as a phrase. None or blank: no text filter.
            speaker: a speaker id, or a name / description matched on whole words.
            since, until: ISO dates (inclusive) on the article's publication day.
            outlet: exact outlet name, case-insensitive.
            kind: ``direct``, ``indirect``, ``mixed`` or ``block``.
            limit: page size, 1 to ``queries.MAX_LIMIT``.
            cursor: ``next_cursor`` of the previous page.

        Returns:
            ``{"items": [hit, ...], "next_cursor": str | None}`` where a hit is
            ``{"id": int, "article_id", "attribution_id" ("a4"), "ordinal",
            "article_title", "published" (ISO day, else the article's own value),
            "outlet", "url", "kind", "content" (text, fragments joined by " … "),
            "content_fragments": [{"start", "end", "text"}] (article offsets),
            "cue" (text or None), "speaker_id" (int or None), "speaker_name",
            "speaker_description", "speaker_mention", "addressee", "via" (labels or None),
            "confidence", "quote_id" (or None), "highlights": [[start, end], ...]}``;
            highlights are offsets into ``content`` of words matching ``q``.

        Raises:
            InvalidQuery: a malformed date, kind, limit or cursor.
        """
        with self.db.snapshot():
            return queries.search_quotes(
                self.db, q, speaker=speaker, since=since, until=until, outlet=outlet,
                kind=kind, limit=limit, cursor=cursor,
            )

    @_translated
    def speakers(
        self,
        *,
        q: str | None = None,
        top: int | None = None,
        limit: int = queries.DEFAULT_LIMIT,
        cursor: str | None = None,
    ) -> dict[str, Any]:
        """Speakers, most attributions first.

        Args:
            q: substring of the speaker's name, description or any surface form.
            top: just the first ``top`` speakers (one page, no cursor).
            limit, cursor: pagination as in ``search_quotes``.

        Returns:
            ``{"items": [{"id", "name", "description", "type", "num_attributions",
            "forms": [surface names and mentions, most frequent first]}],
            "next_cursor": str | None}``.
        """
        with self.db.snapshot():
            return queries.speakers(self.db, q=q, top=top, limit=limit, cursor=cursor)

    @_translated
    def speaker(self, speaker_id: int | str, *, attributions_limit: int | None = None) -> dict[str, Any] | None:
        """One speaker with everything attributed to them; None when there is no such id.

        Returns:
            ``{"id", "name", "description", "type", "forms": [...], "descriptions": [...],
            "num_attributions", "timeline": [{"month": "2020-05", "count": n}] (months
            with a known date, ascending), "attributions": [hit, ... newest first]}``;
            hits as in ``search_quotes`` (with empty highlights). ``attributions_limit``
            caps the list (None: all).
        """
        with self.db.snapshot():
            return queries.speaker(self.db, speaker_id, attributions_limit=attributions_limit)

    @_translated
    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article in the SPEC §1 shape (``Article.to_dict()``); None when unknown.

        Added keys: ``author``, ``ingested_at``, and in each attribution
        ``speaker_id`` (the merged speaker record, or None) and ``quote_id``.
        """
        with self.db.snapshot():
            return queries.article(self.db, article_id)

    @_translated
    def quotes(self, *, q: str | None = None, limit: int = queries.DEFAULT_LIMIT, cursor: str | None = None) -> dict[str, Any]:
        """The quote-centric view: near-identical contents grouped across articles.

        Returns:
            ``{"items": [{"quote_id", "quotation", "speaker" (most frequent label or
            None), "probas": [[label, share], ...], "num_occurrences", "first_seen"
            (ISO day or None), "outlets": [...], "urls": [...], "article_ids": [...]}],
            "next_cursor": str | None}``, most occurrences first.
        """
        with self.db.snapshot():
            return queries.quotes(self.db, q=q, limit=limit, cursor=cursor)

    @_translated
    def stats(self) -> dict[str, int]:
        """``{"articles", "attributions", "speakers", "quotes"}`` counts."""
        with self.db.snapshot():
            return queries.stats(self.db)

    @_translated_once
    def export(self, fmt: str, out: str | os.PathLike[str] | IO[Any]) -> int:
        """Write the whole database in ``fmt`` to a path or an open file; return the records written.

        Formats: ``jsonl`` (one ``article()`` dict per line), ``csv`` and
        ``parquet`` (one row per attribution), ``quotebank`` (Quotebank's
        quote-centric JSON Lines: quoteID, quotation, speaker, probas, date,
        numOccurrences, phase, urls). Text formats need a text stream, parquet
        a binary one.

        Raises:
            InvalidQuery: an unknown format.
            MissingExtra: parquet without pyarrow.
        """
        with self.db.snapshot():
            return export_module.export(self.db, fmt, out)


def open_store(url: str | os.PathLike[str]) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    Args:
        url: a SQLite file path, ``sqlite:///relative/path``, ``sqlite:////absolute/path``,
            ``sqlite://`` or ``:memory:`` (in memory), or ``postgresql://user@host:port/db``.

    Raises:
        StoreError: the URL is not understood, or the database cannot be opened.
        MissingExtra: PostgreSQL without psycopg.
    """
    text = os.fspath(url)
    if text.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        from .postgres import PostgresDatabase, redact

        display = redact(text)
        db: Database = PostgresDatabase(text.replace("postgresql+psycopg://", "postgresql://", 1))
    else:
        from .sqlite import SQLiteDatabase

        if text.startswith("sqlite:"):
            rest = text[len("sqlite:"):]
            if rest in ("", "//", "///"):
                path = ":memory:"
            elif rest.startswith("///"):
                path = rest[3:]
            else:
                raise StoreError(f"{text}: a SQLite URL is sqlite:///PATH")
        elif "://" in text:
            raise StoreError(f"{text}: unsupported database URL (use a file path, sqlite:///PATH or postgresql://…)")
        else:
            path = text
        display = path
        db = SQLiteDatabase(path)
    store = Store(db, display_url=display)
    try:
        store._migrate()
    except BaseException:
        db.close()
        raise
    return store


def default_url() -> str:
    """The database URL from ``ONRECORD_DB``, else ``onrecord.db`` in the current directory."""
    return os.environ.get(ENV_DB) or DEFAULT_DB
