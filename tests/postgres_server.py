"""A throwaway PostgreSQL server, for the test fixtures (conftest.py) and benchmarks/load.py.

The Debian binaries (initdb + pg_ctl) in a temporary directory, trust
authentication, a free port on 127.0.0.1, durability off because the cluster
is deleted afterwards. As root the server runs as the ``postgres`` (else
``nobody``) account, which PostgreSQL requires. ``start()`` and
``stop(mode)`` may be called again and again (the fault tests restart a
server under a running ingest).

    with PostgresCluster() as url:          # "postgresql://onrecord@127.0.0.1:PORT/postgres"
        ...
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import itertools
import subprocess
import tempfile
from pathlib import Path

# Seconds allowed for initdb and for the server to accept connections.
PG_START_TIMEOUT_S = 60
# Server settings for a throwaway cluster: durability off, it is deleted afterwards.
PG_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off", "listen_addresses=127.0.0.1")
PG_USER = "onrecord"


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL server binaries (initdb, pg_ctl) are not installed."""


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


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_account() -> pwd.struct_passwd | None:
    """The account to run the server as: None when not root (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and no 'postgres' or 'nobody' account to run PostgreSQL as")


class PostgresCluster:
    """A throwaway cluster: created by ``__init__`` (initdb), started by ``start()``, deleted by ``remove()``.

    As a context manager it starts, yields its URL, and removes itself.

    Raises:
        PostgresUnavailable: initdb or pg_ctl is not installed.
        RuntimeError: initdb or pg_ctl failed (the message holds the server log).
    """

    def __init__(self, settings: tuple[str, ...] = PG_SETTINGS) -> None:
        initdb, pg_ctl = pg_binary("initdb"), pg_binary("pg_ctl")
        if not initdb or not pg_ctl:
            raise PostgresUnavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
        self.settings = settings
        self.pg_ctl = pg_ctl
        account = server_account()
        # Not under a root-private temporary folder: the server account must enter it.
        self.base = Path(tempfile.mkdtemp(prefix="onrecord-pg-"))
        self.data, self.log = self.base / "data", self.base / "server.log"
        self.run_as: dict = {}
        if account is not None:
            os.chown(self.base, account.pw_uid, account.pw_gid)
            self.run_as = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        self.env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        self.port = free_port()
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

    def __enter__(self) -> str:
        try:
            self.start()
        except BaseException:
            self.remove()
            raise
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.remove()


_schemas = itertools.count(1)


def new_postgres_url(server_url: str) -> str:
    """A URL whose connections work in a fresh, empty schema of the test server."""
    import psycopg

    schema = f"test_{os.getpid()}_{next(_schemas)}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    return f"{server_url}?options=-csearch_path%3D{schema}"
