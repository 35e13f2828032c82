"""Shared fixtures: ``make_store`` factories over both backends, a real PostgreSQL server.

``store_backend`` is parametrized over ``sqlite`` and ``postgres``, so every
test that asks for ``make_store`` (or ``store_url``) runs once per backend.
The PostgreSQL server is started once per session by ``postgres_server`` with
the Debian binaries (initdb + pg_ctl in a temporary directory, a free port on
127.0.0.1); its tests are marked ``postgres`` and skipped only when those
binaries are not installed.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from onrecord.store import Store, open_store

# Seconds allowed for initdb and for the server to accept connections.
PG_START_TIMEOUT_S = 60
# Server settings for a throwaway test cluster: durability off, it is deleted afterwards.
PG_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off", "listen_addresses=127.0.0.1")
PG_USER = "onrecord"


def pg_binary(name: str) -> str | None:
    """The path of a PostgreSQL server binary: on PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_account() -> pwd.struct_passwd | None:
    """The account to run the server as: None when not root (run as ourselves).

    PostgreSQL refuses to run as root; as root we use the ``postgres`` system
    account (Debian's package creates it), else ``nobody``.
    """
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and no 'postgres' or 'nobody' account to run PostgreSQL as")


class PostgresCluster:
    """A throwaway PostgreSQL cluster (initdb in a temporary directory, a free port on 127.0.0.1).

    ``start()`` and ``stop(mode)`` may be called again and again (the fault tests
    restart a server under a running ingest); ``remove()`` stops it and deletes it.
    ``settings`` are the server's ``-c`` options.
    """

    def __init__(self, settings: tuple[str, ...] = PG_SETTINGS) -> None:
        self.settings = settings
        initdb, pg_ctl = pg_binary("initdb"), pg_binary("pg_ctl")
        if not initdb or not pg_ctl:
            pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
        self.pg_ctl = pg_ctl
        account = _server_account()
        # Not under pytest's tmp_path: that is private to root, and the server account must enter it.
        self.base = Path(tempfile.mkdtemp(prefix="onrecord-pg-"))
        self.data, self.log = self.base / "data", self.base / "server.log"
        self.run_as: dict = {}
        if account is not None:
            os.chown(self.base, account.pw_uid, account.pw_gid)
            self.run_as = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        self.env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        self.port = _free_port()
        self.url = f"postgresql://{PG_USER}@127.0.0.1:{self.port}/postgres"
        try:
            self._run(initdb, "-D", str(self.data), "-A", "trust", "-U", PG_USER, "-E", "UTF8", "--no-locale", "--no-sync")
        except BaseException:
            shutil.rmtree(self.base, ignore_errors=True)
            raise

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            args, cwd=self.base, env=self.env, capture_output=True, text=True, timeout=PG_START_TIMEOUT_S, **self.run_as
        )
        if done.returncode != 0:
            detail = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}\n{detail}")

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = f"-p {self.port} -k {self.base} " + " ".join(f"-c {s}" for s in self.settings)
        self._run(self.pg_ctl, "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", str(PG_START_TIMEOUT_S), "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``fast``: end sessions cleanly; ``immediate``: as if it crashed)."""
        self._run(self.pg_ctl, "-D", str(self.data), "-m", mode, "-w", "-t", str(PG_START_TIMEOUT_S), "stop")

    def remove(self) -> None:
        """Stop the server if it runs and delete the cluster."""
        try:
            if (self.data / "postmaster.pid").exists():
                with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                    self.stop("immediate")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server for this test session; yields the URL of its ``postgres`` database."""
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster.url
    finally:
        cluster.remove()


_schemas = itertools.count(1)


def new_postgres_url(server_url: str) -> str:
    """A URL whose connections work in a fresh, empty schema of the test server."""
    import psycopg

    schema = f"test_{os.getpid()}_{next(_schemas)}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    return f"{server_url}?options=-csearch_path%3D{schema}"


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
