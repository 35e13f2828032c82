"""The top of the store: the ``Store`` facade every caller uses, and ``open_store(url)``.

Layers, bottom up (each imports only those below it)::

    dialect.py       Dialect: what differs in SQL between the backends
    schema.py        the migrations, written once for both
    database.py      Database: a thin backend (connection, transactions, migrate)
      sqlite.py      SQLiteDatabase (WAL, FTS5)
      postgres.py    PostgresDatabase (psycopg 3, tsvector + GIN)
    normalize.py     the keys the store merges on (text hashes, speaker keys, dates)
    identity.py      who a speaker is across articles (named, unnamed per article), the alias file
    shapes.py        the typed shapes the read side returns (also the API's response models)
    write.py         add_article: one transaction per article
    queries.py       the read side, shared by every caller
    export.py        jsonl / csv / parquet / quotebank, through queries' public functions
    facade.py        Store and open_store (this module)

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
import time
from collections.abc import Callable
from typing import IO, Any, TypeVar, Unpack

from ..errors import StoreError
from ..model import Article
from . import export as export_module
from . import queries
from .database import Database
from .postgres import PostgresDatabase, redact
from .shapes import (
    GenderShares, MostQuoted, OutletMonthCount, QuoteDetail, QuoteFilters, QuoteItemPage, QuotePage, SpeakerDetail, SpeakerPage, Stats, Stored, StoredArticle,
)
from .sqlite import SQLiteDatabase
from .identity import Aliases
from .write import ensure_speaker_keys, insert_article, stored_aliases

__all__ = ["Store", "open_store"]

log = logging.getLogger("onrecord.store")

# A call whose connection is lost (the server restarted, the link dropped), or
# that PostgreSQL aborted to break a deadlock, is tried up to RECONNECT_TRIES
# times in all, on a new connection each time a connection was lost,
# waiting RECONNECT_FIRST_WAIT_S before the first retry and twice as long
# before each next one, at most RECONNECT_MAX_WAIT_S: about 30 s of waiting in
# all, longer than a PostgreSQL restart takes (under a second after a fast
# stop, a few seconds of crash recovery after an immediate one), short enough
# to report a server that is gone for good.
RECONNECT_TRIES = 10
RECONNECT_FIRST_WAIT_S = 0.1
RECONNECT_MAX_WAIT_S = 8.0


F = TypeVar("F", bound=Callable[..., Any])


def _store_call(*, retry: bool) -> Callable[[F], F]:
    """A decorator running a Store method with driver errors turned into StoreError.

    With ``retry``, a call that fails because the connection was lost (or that
    the server aborted to break a deadlock) is run again, whole, on a new
    connection when the old one is gone (see ``RECONNECT_TRIES``). That is safe
    for every method it is used on: reads have no effect, and ``add_article``
    is one transaction that either committed or did not; when the connection
    was lost during its COMMIT and the commit did land, the retry finds the
    text already stored and adds nothing (it then reports the stored id, not added).
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
                    reason = self.db.retry_reason(error) if retry and attempt < RECONNECT_TRIES else None
                    if reason is None:
                        raise self._error(error) from error
                    wait = min(RECONNECT_MAX_WAIT_S, RECONNECT_FIRST_WAIT_S * 2 ** (attempt - 1))
                    log.warning(
                        "%s: %s (%s); retrying %s in %.1fs (try %d of %d)",
                        self.display_url, reason, _one_line(error), method.__name__, wait, attempt + 1, RECONNECT_TRIES,
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
    Every read method returns plain dicts (JSON-ready) typed by ``shapes``; the
    REST API and the web pages rely on them.
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
        # A database keyed by older rules (before issue 10: unnamed sources merged
        # across articles) gets its speakers rebuilt from its attributions.
        ensure_speaker_keys(self.db)

    def _error(self, error: BaseException) -> StoreError:
        """The StoreError for a driver error: one line naming the database."""
        if self.db.disk_full(error):
            return StoreError(f"database full: {self.display_url}: {_one_line(error)}")
        return StoreError(f"{self.display_url}: {type(error).__name__}: {_one_line(error)}".strip())

    # -- write side ---------------------------------------------------------

    @_translated
    def add_article(self, article: Article, *, author: str | None = None) -> Stored:
        """Store an article with all its attributions, speakers and quotes, in one transaction.

        Args:
            article: the extractor's output; ``article.id`` is kept when given and
                not taken by another article, otherwise an id is derived from the text hash.
            author: the byline, when the reader found one.

        Returns:
            ``Stored(id, added)``: the id the article is stored under, and True
            when this call added it; False (and nothing written) when an article
            with the same normalized text was already stored, under ``id``.

        Raises:
            StoreError: the database failed.
        """
        return insert_article(self.db, article, author)

    @_translated
    def set_aliases(self, aliases: Aliases | str) -> bool:
        """Key speakers with this alias file from now on (its format: ``identity.Aliases``).

        The store keeps the file, so later ingests (and ``POST /api/articles``)
        use it too; when it differs from the one kept, every stored speaker is
        re-keyed with it at once (speaker ids change). An empty file removes the aliases.

        Returns:
            True when the speakers were rebuilt.

        Raises:
            InvalidAliases: ``aliases`` is text that does not follow the format.
        """
        parsed = Aliases.parse(aliases) if isinstance(aliases, str) else aliases
        return ensure_speaker_keys(self.db, parsed)

    @_translated
    def aliases(self) -> Aliases:
        """The alias file the store keys speakers with (empty when none was given)."""
        return stored_aliases(self.db)

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
        order: str | None = None,
        limit: int = queries.DEFAULT_LIMIT,
        cursor: str | None = None,
        total: bool = True,
        facets: bool = False,
        **filters: Unpack[QuoteFilters],
    ) -> QuotePage:
        """Attributions matching a full-text query and filters, best match or newest first.

        Args:
            q: words that must all occur in the content (stemmed); ``"a phrase"``
                in double quotes must occur as a phrase. None or blank: no text filter.
            order: ``relevance`` (the full-text index's ranking: FTS5 bm25,
                PostgreSQL ts_rank) or ``date`` (newest first). Default: relevance
                when ``q`` has words, else date; relevance without words is date.
            limit: page size, 1 to ``queries.MAX_LIMIT``.
            cursor: ``next_cursor`` of the previous page (of the same order).
            total: count the hits of the whole filtered result (``total``; None when False).
            facets: count the most frequent kinds, outlets, months, speakers,
                speaker types and named / unnamed of the whole filtered result,
                and its hits at or above a few confidences (``facets``; None when False).
            filters: which attributions (``QuoteFilters``: speaker, since, until,
                outlet, kind, speaker_type, named, min_confidence).

        Returns:
            A ``QuotePage`` of ``QuoteHit`` items; highlights are offsets into
            ``content`` of words matching ``q``.

        Raises:
            InvalidQuery: a malformed date, kind, speaker type, named, confidence, order, limit or cursor.
        """
        with self.db.snapshot():
            return queries.search_quotes(
                self.db, q, order=order, limit=limit, cursor=cursor, total=total, facets=facets, **filters,
            )

    @_translated
    def most_quoted(
        self,
        q: str | None = None,
        *,
        limit: int = queries.FACET_SIZE,
        **filters: Unpack[QuoteFilters],
    ) -> MostQuoted:
        """The speakers with the most attributions among those a search keeps, most first (``items``).

        Counted over the attributions ``search_quotes`` finds with the same
        arguments (its speaker facet is the first ``queries.FACET_SIZE`` of this
        list), not over the speaker's whole record; equal counts in speaker id order.
        Attributions without a speaker are not counted.

        Args:
            q, filters: those of ``search_quotes``.
            limit: how many speakers, 1 to ``queries.MAX_LIMIT``.

        Raises:
            InvalidQuery: a malformed filter or limit.
        """
        with self.db.snapshot():
            return queries.most_quoted(self.db, q, limit=limit, **filters)

    @_translated
    def quote(self, quote_id: str) -> QuoteDetail | None:
        """One quote and how it spread; None when there is no such id.

        The grouped quote (as ``quotes`` lists it) plus every occurrence, earliest
        first (undated last), with the article, outlet, day, the speaker as named
        there and the exact words; and ``variants``, each distinct wording with
        its count, first day and outlets.
        """
        with self.db.snapshot():
            return queries.quote(self.db, quote_id)

    @_translated
    def speakers(
        self,
        *,
        q: str | None = None,
        named: bool | None = None,
        gender: str | None = None,
        top: int | None = None,
        limit: int = queries.DEFAULT_LIMIT,
        cursor: str | None = None,
    ) -> SpeakerPage:
        """Speakers, most attributions first.

        Args:
            q: substring of the speaker's name, description or any surface form.
            named: True for named speakers only (merged across articles), False for
                unnamed sources only (each of its own article), None for both.
            gender: ``female``, ``male`` or ``unknown``.
            top: just the first ``top`` speakers (one page, no cursor).
            limit, cursor: pagination as in ``search_quotes``.

        Raises:
            InvalidQuery: a malformed gender, limit or cursor.
        """
        with self.db.snapshot():
            return queries.speakers(self.db, q=q, named=named, gender=gender, top=top, limit=limit, cursor=cursor)

    @_translated
    def timeline(
        self, *, outlet: str | None = None, since: str | None = None, until: str | None = None
    ) -> list[OutletMonthCount]:
        """Attributions per month and outlet, for the corpus timeline.

        Args:
            outlet: exact outlet name, case-insensitive.
            since, until: ISO dates (inclusive) on the article's publication day.
        """
        with self.db.snapshot():
            return queries.timeline(self.db, outlet=outlet, since=since, until=until)

    @_translated
    def gender_shares(
        self, *, outlet: str | None = None, since: str | None = None, until: str | None = None
    ) -> GenderShares:
        """Who is quoted by gender: distinct named people, overall, by outlet and by month.

        A person is counted under the gender the store holds for them
        (``SpeakerItem.gender``; unknown when no article says or they disagree),
        once per group they are quoted in. Also the ``queries.GENDER_TOP`` most
        quoted women and men. Unnamed sources are not counted.

        Args:
            outlet: exact outlet name, case-insensitive.
            since, until: ISO dates (inclusive) on the article's publication day.

        Raises:
            InvalidQuery: a malformed date or outlet.
        """
        with self.db.snapshot():
            return queries.gender_shares(self.db, outlet=outlet, since=since, until=until)

    @_translated
    def speaker(self, speaker_id: int | str, *, attributions_limit: int | None = None) -> SpeakerDetail | None:
        """One speaker with everything attributed to them; None when there is no such id.

        ``attributions_limit`` caps the list of attributions (None: all).
        """
        with self.db.snapshot():
            return queries.speaker(self.db, speaker_id, attributions_limit=attributions_limit)

    @_translated
    def article(self, article_id: str) -> StoredArticle | None:
        """One article in the shape of docs/output.md (``Article.to_dict()``); None when unknown.

        Added keys: ``author``, ``ingested_at``, and in each attribution
        ``speaker_id`` (the merged speaker record, or None) and ``quote_id``.
        """
        with self.db.snapshot():
            return queries.article(self.db, article_id)

    @_translated
    def quotes(
        self, *, q: str | None = None, limit: int = queries.DEFAULT_LIMIT, cursor: str | None = None
    ) -> QuoteItemPage:
        """The quote-centric view: near-identical contents grouped across articles, most occurrences first."""
        with self.db.snapshot():
            return queries.quotes(self.db, q=q, limit=limit, cursor=cursor)

    @_translated
    def stats(self) -> Stats:
        """``{"articles", "attributions", "speakers", "quotes"}`` counts."""
        with self.db.snapshot():
            return queries.stats(self.db)

    @_translated_once
    def export(self, fmt: str, out: str | os.PathLike[str] | IO[Any]) -> int:
        """Write the whole database in ``fmt`` to a path or an open file; return the records written.

        Formats: ``jsonl`` (one ``article()`` dict per line), ``csv`` and
        ``parquet`` (one row per attribution), ``quotebank`` (Quotebank's
        quote-centric JSON Lines, ``quote.quotebank_record``: the same records
        as the Spark job's ``--quotebank``). Text formats need a text stream,
        parquet a binary one.

        Raises:
            InvalidQuery: an unknown format.
            MissingExtra: parquet without pyarrow.
        """
        with self.db.snapshot():
            return export_module.export(self.db, fmt, out)


def open_store(url: str | os.PathLike[str], *, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    Args:
        url: a SQLite file path, ``sqlite:///relative/path``, ``sqlite:////absolute/path``,
            ``sqlite://`` or ``:memory:`` (in memory), or ``postgresql://user@host:port/db``.
        create: False for readers (search, export…): a SQLite file that does not
            exist is an error rather than a new empty database, so a mistyped
            path says so instead of answering "nothing found".

    Raises:
        StoreError: the URL is not understood, the database cannot be opened, or
            (``create=False``) there is no SQLite file at the path.
        MissingExtra: PostgreSQL without psycopg.
    """
    text = os.fspath(url)
    if text.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        display = redact(text)
        db: Database = PostgresDatabase(text.replace("postgresql+psycopg://", "postgresql://", 1))
    else:
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
        if not create and path != ":memory:" and not os.path.exists(path):
            raise StoreError(f"{path}: no database here (`onrecord ingest … --db {path}` creates one)")
        db = SQLiteDatabase(path)
    store = Store(db, display_url=display)
    try:
        store._migrate()
    except BaseException:
        db.close()
        raise
    return store
