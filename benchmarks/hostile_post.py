"""One hostile post against a running server, as the issue measured it.

    python benchmarks/hostile_post.py [--db onrecord.db]

Starts `onrecord serve` on a free loopback port (over --db, default a fresh
database of examples/), posts 20,000 random '"“”(),' characters to
/api/extract while a thread polls GET /api/speakers every 50 ms, and prints
the post's status and time with the GETs' p95 and max. `make load` measures
the same under four posters; this is the single-request figure.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # `onrecord serve` in its own process
from served import get, serving  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="database to serve (default: examples/ ingested into a temp file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or str(Path(scratch) / "examples.db")
        if args.db is None:
            subprocess.run([sys.executable, "-m", "onrecord.cli", "ingest", str(ROOT / "examples"), "--db", db,
                            "--no-progress", "--strategy", "rules"], check=True, capture_output=True)
        measure(db)


def measure(db: str) -> None:
    with serving(db) as server:
        port = server.port
        text = "".join(random.Random(13).choice('"“”(),') for _ in range(20_000))
        gets: list[float] = []
        done = threading.Event()

        def poll() -> None:
            while not done.is_set():
                started = time.monotonic()
                get(port, "/api/speakers", timeout=120)
                gets.append(time.monotonic() - started)
                time.sleep(0.05)

        poller = threading.Thread(target=poll)
        poller.start()
        time.sleep(0.5)
        began = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        connection.request("POST", "/api/extract", json.dumps({"text": text}), {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        took = time.monotonic() - began
        time.sleep(0.5)
        done.set()
        poller.join()
        gets.sort()
        print(f"POST /api/extract (20,000 random '\"“”(),' characters) -> {response.status} in {took:.2f} s; "
              f"GET /api/speakers x{len(gets)} meanwhile: p95 {gets[int(len(gets) * 0.95)] * 1000:.0f} ms, "
              f"max {gets[-1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
