"""The quote database: ``open_store(url)`` returns a ``Store`` over SQLite or PostgreSQL."""

from ..errors import InvalidQuery
from .facade import DEFAULT_DB, ENV_DB, Store, default_url, open_store
from .shapes import Stored

__all__ = ["DEFAULT_DB", "ENV_DB", "InvalidQuery", "Store", "Stored", "default_url", "open_store"]
