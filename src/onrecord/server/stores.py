"""A few store connections shared by the server's request threads.

One Store is one database connection, and it runs one call at a time; with a
single one, four clients each searching with a long query made a cheap GET
wait 2.8 s. ``StorePool`` holds ``DB_CONNECTIONS`` stores over the same
database and lends one to each call, so calls run side by side (SQLite in WAL
mode and PostgreSQL both serve concurrent readers).
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import Any

from ..store import Store, open_store

# Connections per server process: enough for the reads of a small team to run
# side by side on a few cores, few enough to stay far from PostgreSQL's
# connection limit with several servers.
DB_CONNECTIONS = 4


class StorePool:
    """Every public ``Store`` method, each call run on whichever connection is free.

    An in-memory SQLite database exists once per connection, so it gets one.

    Raises:
        StoreError: the database cannot be opened.
    """

    def __init__(self, url: str, size: int = DB_CONNECTIONS) -> None:
        first = open_store(url)
        in_memory = first.backend == "sqlite" and getattr(first.db, "path", None) == ":memory:"
        self._stores = [first]
        try:
            self._stores += [open_store(url) for _ in range(0 if in_memory else size - 1)]
        except BaseException:
            self.close()
            raise
        self._free: queue.SimpleQueue[Store] = queue.SimpleQueue()
        for store in self._stores:
            self._free.put(store)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_") or not callable(getattr(Store, name, None)):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            store = self._free.get()  # waits while every connection is in use
            try:
                return getattr(store, name)(*args, **kwargs)
            finally:
                self._free.put(store)

        return call

    def close(self) -> None:
        for store in self._stores:
            store.close()
