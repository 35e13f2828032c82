"""``onrecord serve`` in its own process on a free loopback port, as a user starts it.

For the benchmarks and scripts that measure or photograph a real server
(benchmarks/load.py, benchmarks/hostile_post.py, scripts/screenshots.py); the
tests serve the app in a thread instead (server_fixtures.LiveServer).

    with serving("examples.db") as server:   # waits until the API answers
        status, body = get(server.port, "/api/speakers?limit=1")
"""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from postgres_server import free_port

ROOT = Path(__file__).resolve().parents[1]
# The server listens once its extraction workers have loaded the pipeline.
START_TIMEOUT_S = 180
STOP_TIMEOUT_S = 30


@dataclass(frozen=True)
class Served:
    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def get(port: int, path: str, *, timeout: float = 60) -> tuple[int, bytes]:
    """GET ``path`` from the server on ``port``: its status and body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@contextmanager
def serving(db: str, *, args: Sequence[str] = (), log: IO[str] | None = None,
            timeout: float = START_TIMEOUT_S) -> Iterator[Served]:
    """``onrecord serve --db DB ARGS`` with this Python on 127.0.0.1; stopped (terminated, then killed) after.

    The server runs this checkout's code (an installed onrecord may be another
    checkout's, a git worktree's main one); its output goes to ``log``, else nowhere.
    """
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "onrecord.cli", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port), *args]
    process = subprocess.Popen(command, stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT if log else subprocess.DEVNULL, env=env)
    see = f"; see {log.name}" if log is not None and hasattr(log, "name") else ""
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"onrecord serve exited with {process.returncode}{see}")
            try:
                if get(port, "/api/speakers?limit=1")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"onrecord serve did not answer in {timeout:.0f} s{see}")
            time.sleep(0.2)
        yield Served(port, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
