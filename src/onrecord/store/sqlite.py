"""The embedded backend: one SQLite file in WAL mode, FTS5 over attribution content."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import StoreError
from .database import Database
from .dialect import Dialect

# How long a writer waits for another process's transaction before failing (ms).
# Long enough for a parallel ingest's commit, short enough to report a stuck lock.
BUSY_TIMEOUT_MS = 30_000


def _match(terms: list[tuple[str, ...]]) -> str:
    # Each term becomes an FTS5 string (a phrase when it has several words);
    # terms side by side are ANDed. Words are \w+ runs, so they need no escaping.
    return " ".join('"' + " ".join(words) + '"' for words in terms)


DIALECT = Dialect(
    name="sqlite",
    placeholder="?",
    serial_pk="INTEGER PRIMARY KEY",
    bigint="INTEGER",
    fts_ddl=(
        # External-content FTS5 table: the text lives once, in attributions.
        "CREATE VIRTUAL TABLE attributions_fts USING fts5("
        "content, content='attributions', content_rowid='id', "
        "tokenize='porter unicode61 remove_diacritics 2')",
        "CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN "
        "INSERT INTO attributions_fts (rowid, content) VALUES (new.id, new.content); END",
        "CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN "
        "INSERT INTO attributions_fts (attributions_fts, rowid, content) "
        "VALUES ('delete', old.id, old.content); END",
    ),
    fts_condition="a.id IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?)",
    # bm25 is lower for better matches; negated so every backend sorts score descending.
    fts_scored=(
        "JOIN (SELECT rowid AS id, -bm25(attributions_fts) AS score FROM attributions_fts "
        "WHERE attributions_fts MATCH ?) fts ON fts.id = a.id"
    ),
    fts_query=_match,
)


class SQLiteDatabase(Database):
    """A SQLite file (or ``:memory:``) opened in autocommit mode with explicit transactions."""

    dialect = DIALECT
    driver_errors = (sqlite3.Error,)

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        try:
            # check_same_thread=False: the base class lock serialises access instead,
            # so a web server's worker threads can share one Store.
            self.connection = sqlite3.connect(
                path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
            self.connection.row_factory = sqlite3.Row
            if path != ":memory:":
                self.connection.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode: a killed process loses nothing committed; only
            # a power cut may lose the last transactions (never corrupts the file).
            self.connection.execute("PRAGMA synchronous = NORMAL")
            self.connection.execute("PRAGMA foreign_keys = ON")
            self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as error:
            raise StoreError(f"{path}: cannot open the SQLite database: {error}") from error

    def _run(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        cursor = self.connection.execute(sql, tuple(params))
        try:
            return [dict(row) for row in cursor.fetchall()] if cursor.description else []
        finally:
            cursor.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so two writers queue on
        # busy_timeout instead of failing later on a lock upgrade.
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.connection.execute("COMMIT")
        except BaseException:
            # SQLite itself rolls back on some errors (a full disk, an I/O error),
            # and then a ROLLBACK would fail and hide the error that matters. A
            # COMMIT that failed without that leaves the transaction open: roll
            # it back, or the connection would hold the write lock for good.
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        # In WAL mode a deferred transaction reads one snapshot from its first
        # SELECT to its end, without blocking the writer.
        self.connection.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            if self.connection.in_transaction:
                self.connection.execute("COMMIT")

    def _lock_schema(self) -> None:
        """BEGIN IMMEDIATE already excludes every other writer."""

    def disk_full(self, error: BaseException) -> bool:
        # SQLITE_FULL: the file system is full (ENOSPC), or max_page_count was reached.
        return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL

    def close(self) -> None:
        with self.lock:
            self.connection.close()
