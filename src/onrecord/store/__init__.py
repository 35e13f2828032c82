"""The quote database: ``open_store(url)`` returns a ``Store`` over SQLite or PostgreSQL."""

from ..errors import InvalidQuery
from .facade import Store, open_store
from .shapes import QuoteFilters, Stored

__all__ = ["InvalidQuery", "QuoteFilters", "Store", "Stored", "open_store"]
