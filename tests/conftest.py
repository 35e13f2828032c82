"""Shared fixtures: ``make_store`` factories over both backends, a real PostgreSQL server.

``store_backend`` is parametrized over ``sqlite`` and ``postgres``, so every
test that asks for ``make_store`` (or ``store_url``) runs once per backend.
The PostgreSQL server is started once per session by ``postgres_server`` with
the Debian binaries (initdb + pg_ctl in a temporary directory, a free port on
127.0.0.1); its tests are marked ``postgres`` and skipped only when those
binaries are not installed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from onrecord.store import Store, open_store

# The throwaway server recipe lives in postgres_server.py so benchmarks/load.py shares it.
from postgres_server import PostgresCluster, PostgresUnavailable, new_postgres_url


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server for this test session; yields the URL of its ``postgres`` database."""
    try:
        cluster = PostgresCluster()
    except PostgresUnavailable as error:
        pytest.skip(str(error))
    try:
        cluster.start()
        yield cluster.url
    finally:
        cluster.remove()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_backend(request: pytest.FixtureRequest) -> str:
    """``"sqlite"`` or ``"postgres"``: tests using it run once per backend."""
    return request.param


@pytest.fixture
def store_url(store_backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[[], str]:
    """A factory of URLs of fresh, empty databases on the backend under test."""
    names = itertools.count(1)

    def make() -> str:
        if store_backend == "postgres":
            return new_postgres_url(request.getfixturevalue("postgres_server"))
        return str(tmp_path / f"store{next(names)}.db")

    return make


@pytest.fixture
def make_store(store_url: Callable[[], str]) -> Iterator[Callable[..., Store]]:
    """A factory of open stores on fresh databases (``make_store()``), closed after the test.

    ``make_store(url)`` opens an existing URL instead (to reopen a database).
    """
    opened: list[Store] = []

    def make(url: str | None = None) -> Store:
        store = open_store(url or store_url())
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
