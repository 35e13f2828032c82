"""What differs in SQL between the backends, in one record: the bottom layer of the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


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
    # A join onto attribution alias ``a``, with one placeholder for ``fts_query``,
    # that keeps only matching rows and gives each its relevance as ``fts.score``
    # (higher is better): the index's own ranking, FTS5 bm25 or ts_rank.
    fts_scored: str
    # Turns parsed search terms (tuples of words; several words = a phrase) into the parameter.
    fts_query: Callable[[list[tuple[str, ...]]], str]

    def sql(self, text: str) -> str:
        """The SQL text with this backend's placeholders."""
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)
