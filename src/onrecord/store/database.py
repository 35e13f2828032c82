"""A thin backend: one connection, its transactions, its ``Dialect`` and the schema migration.

``sqlite.py`` and ``postgres.py`` implement it; the ``Store`` facade (``facade.py``)
and the read and write modules use only what is defined here.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from ..errors import StoreError
from . import schema
from .dialect import Dialect


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

    def retry_reason(self, error: BaseException) -> str | None:
        """Why a call that failed with ``error`` may succeed when run again whole; None when it would not."""
        return "connection lost" if self.connection_lost(error) else None

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

    def lock_schema(self) -> None:
        """Inside a transaction: exclude other processes migrating or re-keying the same database."""
        self._lock_schema()

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
