"""The quote database: ``open_store(url)`` returns a ``Store`` over SQLite or PostgreSQL."""

from .base import DEFAULT_DB, ENV_DB, InvalidQuery, Store, default_url, open_store

__all__ = ["DEFAULT_DB", "ENV_DB", "InvalidQuery", "Store", "default_url", "open_store"]
