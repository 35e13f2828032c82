"""Load benchmark: the REST API and the explorer on loopback, over SQLite and PostgreSQL.

    python benchmarks/load.py [--limit N] [--reuters 2000] [-j 2] [--reuse] [--seconds 20]
                              [--concurrency 4] [--attack-seconds 20] [--backends sqlite,postgres]
                              [--json benchmarks/results/load.json]

1. Builds a quote database of issue 12's corpus, all BBC articles
   (``../shared/data/bbc/bbc_news.jsonl``; ``--limit N`` takes its first N) plus
   the first ``--reuters`` 2,000 Reuters-21578 stories that have text
   (``../shared/data/reuters21578/reuters21578.jsonl``; 0 for none), both read at
   run time and ingested through the project's JSON Lines reader in one ingest
   with the default strategy. The BBC records name their outlet (``source``,
   "BBC News") but carry no date; the Reuters ones name theirs ("Reuters") and
   date each story (1987), so the dashboard draws a line for each outlet and
   only Reuters has dated months. The database is a SQLite file under
   benchmarks/results/load/ named after the corpus (``bbc-all-reuters-2000.db``)
   with what it was built from, at which commit, beside it (``.json``);
   ``--reuse`` keeps the one a previous run built from the same corpus (the
   ingest is the slow part: ~10 minutes at -j 2). PostgreSQL, a throwaway
   server started here (tests/postgres_server.py), gets the very same articles
   and attributions copied from it through the Store API, so the two backends
   serve identical data.
2. For each backend, starts ``onrecord serve`` as a separate process on
   127.0.0.1, and from this process drives, for ``--seconds`` each with
   ``--concurrency`` client threads (one keep-alive connection each):
   ``GET /api/quotes?q=…`` (words and word pairs drawn from the stored quotes,
   fixed seed) and ``GET /api/speakers/{id}`` (ids drawn from all speakers);
   it reports requests/s and p50/p95/p99 latency (issue 5, item 5).
3. Then, one request at a time, 200 requests each (after 50 untimed ones) of:
   the dashboard ``/``, plain and narrowed to one outlet from one month on;
   the explorer's ``/quotes?q=…`` and ``/speakers/{id}`` pages and
   ``/api/quotes?q=…`` (issue 3: a search answers in under 100 ms);
   ``/quotes`` without words, whose facets count every attribution, the slowest
   faceted search; the quote pages ``/quotes/{id}`` and ``/api/quotes/{id}``
   (issue 12: the dashboard, a faceted search and a quote page answer in under
   150 ms at the p95). Each row is printed with its bar and pass or FAIL. Then a
   download of every attribution as CSV (``/api/quotes.csv``), parsed as it
   streams: its time, the time to its 10,000th row, its rows, and the server's
   resident memory before, at its peak during, and after (issue 12: 10,000 rows
   in under 5 s, memory flat).
4. Hostile posts (issue 13): one client sends ``GET /api/speakers`` one at a
   time for ``--attack-seconds`` (quiet), then again while ``--concurrency``
   other clients post ``/api/extract`` bodies of 20,000 random ``"“”(),``
   characters back to back (under attack); prints both p95s and their ratio
   (the bar: at most 3), and how the hostile posts were answered.

Prints a table and writes the figures, with the machine's load average before
and after (the cores may be shared) and the commit measured, as JSON.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import io
import itertools
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
# The code of this checkout, for the ingest here as for the server it starts
# (an installed onrecord may be another checkout's, a git worktree's main one).
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the throwaway PostgreSQL server the tests use too

from store_bbc import DEFAULT_DATA, SEARCH_BUDGET_MS, database_bytes, percentile  # noqa: E402

from postgres_server import PostgresCluster  # noqa: E402
from served import get, serving  # noqa: E402

from onrecord.attribution import DEFAULT_STRATEGY  # noqa: E402
from onrecord.ingest import ingest  # noqa: E402
from onrecord.model import Article  # noqa: E402
from onrecord.store import open_store  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
# Issue 12's store: all BBC articles plus this many Reuters-21578 stories (those with text, in file order).
REUTERS_DATA = ROOT.parent / "shared" / "data" / "reuters21578" / "reuters21578.jsonl"
REUTERS_STORIES = 2000
# Fixed seed so two runs send the same queries and ask for the same speakers.
SEED = 20240521
# Requests per page kind in the sequential (one at a time) part: the protocol.
SEQUENTIAL_REQUESTS = 200
# Requests sent and not timed before each measured phase: the first requests
# warm the server's caches and the database's pages.
WARMUP_REQUESTS = 50
# Search words: the most frequent words of at least this many letters in the
# stored quotes, minus stop words (PostgreSQL drops those from a query).
MIN_QUERY_WORD = 5
VOCABULARY = 400
# Quotes read to draw the vocabulary from (5 API pages of 200).
VOCABULARY_QUOTES = 1000
# The hostile text of issue 13: this many characters drawn from these.
HOSTILE_CHARS = 20_000
HOSTILE_ALPHABET = '"“”(),'
# The bar: GET p95 under hostile posts at most this many times its quiet p95.
ATTACK_RATIO_BAR = 3.0
# Issue 12: a quote page and a faceted search answer in under this, at the p95.
QUOTE_PAGE_BUDGET_MS = 150.0
# Issue 12: a CSV download of this many rows streams in under DOWNLOAD_BUDGET_S, memory flat.
DOWNLOAD_ROWS = 10_000
DOWNLOAD_BUDGET_S = 5.0
# The p95 bar (ms) of each kind of sequential request: issue 3's search budget for a
# search with words, issue 12's for the dashboard, the search without words and a quote page.
SEQUENTIAL_BARS = {
    "/ (dashboard)": QUOTE_PAGE_BUDGET_MS,
    "/?outlet=&since= (dashboard)": QUOTE_PAGE_BUDGET_MS,
    "/quotes?q= (page)": SEARCH_BUDGET_MS,
    "/api/quotes?q=": SEARCH_BUDGET_MS,
    "/quotes (page, all hits)": QUOTE_PAGE_BUDGET_MS,
    "/quotes/{id} (page)": QUOTE_PAGE_BUDGET_MS,
    "/api/quotes/{id}": QUOTE_PAGE_BUDGET_MS,
}
# Seconds to wait for `onrecord serve` to answer (it listens once its extraction workers have loaded).
SERVER_START_TIMEOUT_S = 180


# -- the database ---------------------------------------------------------------------


def reuters_part(data: Path, stories: int, scratch: Path) -> tuple[Path, dict[str, Any]]:
    """The first ``stories`` Reuters-21578 records that have text, as a JSON Lines file in ``scratch``.

    The lines are copied unchanged (each record has ``source: "Reuters"``, the
    outlet, and a ``date`` such as ``26-FEB-1987 15:01:01.79``); the shared
    file is read at run time and nothing of it is kept in the repository.
    """
    part = scratch / f"reuters-first-{stories}.jsonl"
    taken = blank = 0
    with open(data, encoding="utf-8") as full, open(part, "w", encoding="utf-8") as out:
        for line in full:
            if taken >= stories:
                break
            if not str(json.loads(line).get("text") or "").strip():
                blank += 1  # 1,799 of the 21,578 records have no body
                continue
            out.write(line)
            taken += 1
    return part, {"stories": taken, "blank_records_skipped": blank}


def corpus_key(args: argparse.Namespace) -> dict[str, Any]:
    """What the cached database was built from: a database is reused only for the same key."""
    def source(path: Path) -> dict[str, Any]:
        return {"path": str(path), "bytes": path.stat().st_size}

    return {
        "bbc": source(args.data),
        "bbc_limit": args.limit,
        "reuters": source(args.reuters_data) if args.reuters else None,
        "reuters_stories": args.reuters,
        "strategy": DEFAULT_STRATEGY,
    }


def database_path(workdir: Path, args: argparse.Namespace) -> Path:
    """The cached database's file: its name says the corpus (``bbc-all-reuters-2000.db``)."""
    name = f"bbc-{args.limit or 'all'}" + (f"-reuters-{args.reuters}" if args.reuters else "")
    return workdir / f"{name}.db"


def build_sqlite(db_path: Path, args: argparse.Namespace) -> dict[str, Any]:
    """The quote database in SQLite: built anew, or, with ``--reuse``, the cached one built from the same corpus.

    The build's key and figures are kept beside the database (``<name>.json``);
    a database without that file, or with another key (another corpus, a BBC-only
    one), is never reused.
    """
    key = corpus_key(args)
    meta_path = db_path.with_suffix(".json")
    if args.reuse and db_path.exists() and meta_path.exists():
        built = json.loads(meta_path.read_text(encoding="utf-8"))
        if built.get("key") == key:
            print(f"reusing {db_path} (built at commit {built.get('commit')})", file=sys.stderr)
            with open_store(db_path) as store:
                stats = store.stats()
            return {**built, "reused": True, "stats": stats, "database_mb": round(database_bytes(db_path) / 1e6, 2)}
        print(f"{db_path} was built from another corpus: building it anew", file=sys.stderr)
    print(f"building {db_path} ...", file=sys.stderr)
    commit = git_commit()  # the code that extracts: read before the ingest, which takes minutes
    for stale in [*db_path.parent.glob(db_path.name + "*"), meta_path]:
        stale.unlink(missing_ok=True)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="onrecord-load-") as scratch:
        sources = [args.data]
        if args.limit is not None:  # the first N articles, in a scratch file outside the repository
            sources[0] = Path(scratch) / f"bbc-first-{args.limit}.jsonl"
            with open(args.data, encoding="utf-8") as full, open(sources[0], "w", encoding="utf-8") as part:
                part.writelines(itertools.islice(full, args.limit))
        reuters: dict[str, Any] | None = None
        if args.reuters:
            part, reuters = reuters_part(args.reuters_data, args.reuters, Path(scratch))
            sources.append(part)
        with open_store(db_path) as store:
            summary = ingest(sources, store, n_process=args.jobs, progress=sys.stderr.isatty())
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            stats = store.stats()
    built = {
        "key": key,
        "commit": commit,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "reuters": reuters,
        "articles_read": summary.read,
        "articles_added": summary.added,
        "duplicates": summary.duplicates,  # the BBC corpus repeats some texts, Reuters too
        "failed": len(summary.failed),
        "skipped": len(summary.skipped),
        "ingest_seconds": round(summary.seconds, 1),
        "articles_per_second": round(summary.rate, 2),
        "jobs": args.jobs,
        "loadavg_after_ingest": [round(x, 2) for x in os.getloadavg()],
    }
    meta_path.write_text(json.dumps(built, indent=2) + "\n", encoding="utf-8")
    return {**built, "reused": False, "stats": stats, "database_mb": round(database_bytes(db_path) / 1e6, 2)}


def git_commit() -> str | None:
    """The commit of the code measured (with ``+`` when the tree has changes), or None outside git."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return head.stdout.strip() + ("+" if dirty.stdout.strip() else "")


def copy_store(source_url: str, target_url: str) -> dict[str, Any]:
    """Copy every article with its attributions (no extraction) from one store into another."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="onrecord-load-") as scratch:
        dump = Path(scratch) / "articles.jsonl"
        with open_store(source_url) as source:
            source.export("jsonl", dump)
        with open_store(target_url) as target, open(dump, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                target.add_article(Article.from_dict(record), author=record.get("author"))
            stats = target.stats()
    return {"copy_seconds": round(time.monotonic() - started, 1), "stats": stats}


# -- the server -----------------------------------------------------------------------


def fetch_json(port: int, path: str) -> Any:
    status, body = get(port, path, timeout=30)
    if status != 200:
        raise RuntimeError(f"GET {path}: {status} {body[:200]!r}")
    return json.loads(body)


# -- what to ask for --------------------------------------------------------------------


def search_queries(port: int, rng: random.Random) -> list[str]:
    """Words and word pairs from the stored quotes, most frequent first, shuffled by the seed."""
    from spacy.lang.en.stop_words import STOP_WORDS

    contents, cursor = [], None
    while len(contents) < VOCABULARY_QUOTES:
        page = fetch_json(port, "/api/quotes?" + urlencode({"limit": 200, **({"cursor": cursor} if cursor else {})}))
        contents += [hit["content"] for hit in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    words = Counter(
        w.lower() for c in contents for w in re.findall(r"[A-Za-z]+", c)
        if len(w) >= MIN_QUERY_WORD and w.lower() not in STOP_WORDS
    )
    vocabulary = [w for w, _ in words.most_common(VOCABULARY)] or ["government"]
    return [rng.choice(vocabulary) if i % 2 else f"{rng.choice(vocabulary)} {rng.choice(vocabulary)}" for i in range(1000)]


def quote_ids(port: int) -> list[str]:
    """The ids of quotes of the first VOCABULARY_QUOTES hits, most recent first."""
    found, cursor = [], None
    while len(found) < VOCABULARY_QUOTES:
        page = fetch_json(port, "/api/quotes?" + urlencode({"limit": 200, "facets": "false", **({"cursor": cursor} if cursor else {})}))
        found += [hit["quote_id"] for hit in page["items"] if hit["quote_id"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    return list(dict.fromkeys(found))


def dashboard_filter(port: int) -> str:
    """The dashboard's query string narrowed to one outlet from one month on: the outlet with the most
    dated attributions (Reuters; the BBC articles carry no date), from the middle month of its dated ones."""
    dated = fetch_json(port, "/api/quotes?" + urlencode({"since": "0001", "limit": 1}))["facets"]
    outlets = [f["value"] for f in dated["outlet"]]
    if not outlets:  # nothing dated: the biggest outlet alone
        outlets = [f["value"] for f in fetch_json(port, "/api/quotes?limit=1")["facets"]["outlet"]]
        return urlencode({"outlet": outlets[0]}) if outlets else ""
    months = sorted(f["value"] for f in fetch_json(
        port, "/api/quotes?" + urlencode({"since": "0001", "outlet": outlets[0], "limit": 1}))["facets"]["month"])
    return urlencode({"outlet": outlets[0], "since": months[len(months) // 2]})


def resident_kib(pid: int) -> int:
    """The process's resident memory now (VmRSS), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


class _Metered(io.RawIOBase):
    """A response body read through, counting its bytes and sampling the server's memory every 64 KiB."""

    def __init__(self, response: http.client.HTTPResponse, pid: int, peak_kib: int) -> None:
        self.response, self.pid, self.size, self.peak_kib = response, pid, 0, peak_kib

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self.response.read(min(len(buffer), 65536))
        buffer[: len(chunk)] = chunk
        self.size += len(chunk)
        self.peak_kib = max(self.peak_kib, resident_kib(self.pid))
        return len(chunk)


def download(port: int, pid: int, path: str) -> dict[str, Any]:
    """Stream the CSV at ``path`` to the end, parsing it as it comes.

    Returns its time, the seconds until its DOWNLOAD_ROWS-th row had arrived,
    its rows (CSV records, header excluded: a newline inside a quoted cell does
    not count) and bytes, and the server's resident memory before, at its peak
    during, and after.
    """
    before = resident_kib(pid)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    began = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    body = _Metered(response, pid, before)
    reader = csv.reader(io.TextIOWrapper(io.BufferedReader(body), encoding="utf-8", newline=""))
    next(reader, None)  # the header
    rows, first_rows_seconds = 0, None
    for _ in reader:
        rows += 1
        if rows == DOWNLOAD_ROWS:
            first_rows_seconds = round(time.perf_counter() - began, 2)
    seconds = time.perf_counter() - began
    connection.close()
    return {
        "path": path, "status": response.status, "seconds": round(seconds, 2), "bytes": body.size, "rows": rows,
        f"seconds_to_{DOWNLOAD_ROWS}_rows": first_rows_seconds,
        "rss_before_kib": before, "rss_peak_kib": body.peak_kib, "rss_after_kib": resident_kib(pid),
    }


def speaker_ids(port: int) -> list[int]:
    """Every speaker id the API lists."""
    ids, cursor = [], None
    while True:
        page = fetch_json(port, "/api/speakers?" + urlencode({"limit": 200, **({"cursor": cursor} if cursor else {})}))
        ids += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            return ids


# -- load --------------------------------------------------------------------------------


def summarize(latencies_ms: list[float], seconds: float, errors: int, sizes: list[int]) -> dict[str, Any]:
    return {
        "requests": len(latencies_ms),
        "errors": errors,
        "seconds": round(seconds, 2),
        "rps": round(len(latencies_ms) / seconds, 1) if seconds else 0.0,
        "p50_ms": round(percentile(latencies_ms, 50), 2) if latencies_ms else None,
        "p95_ms": round(percentile(latencies_ms, 95), 2) if latencies_ms else None,
        "p99_ms": round(percentile(latencies_ms, 99), 2) if latencies_ms else None,
        "mean_kb": round(statistics.fmean(sizes) / 1000, 1) if sizes else None,
    }


def drive(port: int, paths: Callable[[], str], *, seconds: float, concurrency: int) -> dict[str, Any]:
    """``concurrency`` threads, each on one keep-alive connection, sending GETs for ``seconds``.

    A request counts as an error unless it answers 200; latency is measured
    from sending the request to having read the whole body.
    """
    latencies: list[float] = []
    sizes: list[int] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, mine_sizes, failed = [], [], 0
        while time.monotonic() < deadline:
            with lock:
                path = paths()
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok, body = False, b""
            if ok:
                mine.append((time.perf_counter() - started) * 1000)
                mine_sizes.append(len(body))
            else:
                failed += 1
        connection.close()
        with lock:
            latencies.extend(mine)
            sizes.extend(mine_sizes)
            errors[0] += failed

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summarize(latencies, time.monotonic() - started, errors[0], sizes) | {"concurrency": concurrency}


def one_at_a_time(port: int, paths: list[str]) -> dict[str, Any]:
    """Each path in turn on one keep-alive connection: loopback latency without queueing."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies, sizes, errors = [], [], 0
    started = time.monotonic()
    for path in paths:
        errors += timed_get(connection, path, latencies, sizes)
    connection.close()
    return summarize(latencies, time.monotonic() - started, errors, sizes)


def timed_get(connection: http.client.HTTPConnection, path: str, latencies: list[float], sizes: list[int]) -> int:
    """One GET: its latency (ms) and size appended when it answers 200; returns 1 for an error, else 0."""
    began = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        return 1
    latencies.append((time.perf_counter() - began) * 1000)
    sizes.append(len(body))
    return 0


def warm(port: int, paths: Iterator[str]) -> None:
    for path in itertools.islice(paths, WARMUP_REQUESTS):
        get(port, path, timeout=30)


def hostile_body(rng: random.Random) -> bytes:
    text = "".join(rng.choice(HOSTILE_ALPHABET) for _ in range(HOSTILE_CHARS))
    return json.dumps({"text": text}).encode()


def timed_gets(port: int, path: str, stop: threading.Event) -> dict[str, Any]:
    """``GET path`` one at a time on one keep-alive connection until ``stop`` is set."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    latencies, sizes, errors = [], [], 0
    started = time.monotonic()
    while not stop.is_set():
        errors += timed_get(connection, path, latencies, sizes)
    connection.close()
    return summarize(latencies, time.monotonic() - started, errors, sizes) | {
        "max_ms": round(max(latencies), 2) if latencies else None
    }


def attack(port: int, *, seconds: float, concurrency: int, rng: random.Random) -> dict[str, Any]:
    """GET latency alone, then beside ``concurrency`` clients posting hostile texts (see step 4)."""
    path = "/api/speakers"
    warm(port, itertools.repeat(path))
    quiet_stop = threading.Event()
    threading.Timer(seconds, quiet_stop.set).start()
    quiet = timed_gets(port, path, quiet_stop)

    bodies = [hostile_body(rng) for _ in range(concurrency)]
    attack_stop = threading.Event()
    answers: Counter[int] = Counter()
    post_seconds: list[float] = []
    lock = threading.Lock()

    def hostile(body: bytes) -> None:
        while not attack_stop.is_set():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            began = time.monotonic()
            try:
                connection.request("POST", "/api/extract", body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                status = 0
            finally:
                connection.close()
            with lock:
                answers[status] += 1
                post_seconds.append(time.monotonic() - began)

    posters = [threading.Thread(target=hostile, args=(body,)) for body in bodies]
    for thread in posters:
        thread.start()
    time.sleep(1)  # every poster has sent its first text
    threading.Timer(seconds, attack_stop.set).start()
    under = timed_gets(port, path, attack_stop)
    for thread in posters:
        thread.join()
    ratio = round(under["p95_ms"] / quiet["p95_ms"], 2) if quiet["p95_ms"] and under["p95_ms"] else None
    return {
        "path": path,
        "quiet": quiet,
        "under_attack": under,
        "p95_ratio": ratio,
        "hostile_posts": {
            "clients": concurrency,
            "answers": {str(k): v for k, v in sorted(answers.items())},
            "max_seconds": round(max(post_seconds), 2) if post_seconds else None,
        },
    }


def run_backend(name: str, db_url: str, args: argparse.Namespace, log_path: Path) -> dict[str, Any]:
    """Serve ``db_url`` and run every measurement against it."""
    rng = random.Random(SEED)
    with open(log_path, "w", encoding="utf-8") as log, serving(db_url, log=log, timeout=SERVER_START_TIMEOUT_S) as server:
        port, pid = server.port, server.process.pid
        queries = search_queries(port, rng)
        ids = speaker_ids(port)
        quotes = quote_ids(port)
        quote_paths = [f"/api/quotes/{rng.choice(quotes)}" for _ in range(SEQUENTIAL_REQUESTS)]
        search_paths = ["/api/quotes?" + urlencode({"q": q}) for q in queries]
        speaker_paths = [f"/api/speakers/{rng.choice(ids)}" for _ in range(1000)]
        results: dict[str, Any] = {"speakers": len(ids), "load": {}, "sequential": {}}
        for label, pool in (("GET /api/quotes?q=", search_paths), ("GET /api/speakers/{id}", speaker_paths)):
            warm(port, iter(pool))
            cycle = itertools.cycle(pool)
            results["load"][label] = drive(port, lambda: next(cycle), seconds=args.seconds, concurrency=args.concurrency)
            print(f"  {name}: {label} done", file=sys.stderr)
        narrowed = dashboard_filter(port)
        results["dashboard_filter"] = narrowed
        sequential = {
            # The dashboard: counts, the most quoted, attributions per month and outlet, gender shares.
            "/ (dashboard)": ["/"] * SEQUENTIAL_REQUESTS,
            "/?outlet=&since= (dashboard)": [f"/?{narrowed}"] * SEQUENTIAL_REQUESTS,
            "/quotes?q= (page)": ["/quotes?" + urlencode({"q": q}) for q in queries[:SEQUENTIAL_REQUESTS]],
            "/speakers/{id} (page)": [p.replace("/api", "", 1) for p in speaker_paths[:SEQUENTIAL_REQUESTS]],
            "/api/quotes?q=": search_paths[:SEQUENTIAL_REQUESTS],
            # No words: the facets count every attribution, the slowest faceted search.
            "/quotes (page, all hits)": ["/quotes"] * SEQUENTIAL_REQUESTS,
            "/quotes/{id} (page)": [p.replace("/api", "", 1) for p in quote_paths],
            "/api/quotes/{id}": quote_paths,
        }
        for label, paths in sequential.items():
            warm(port, iter(paths))
            results["sequential"][label] = one_at_a_time(port, paths)
        results["download"] = download(port, pid, "/api/quotes.csv")
        print(f"  {name}: download done", file=sys.stderr)
        if args.attack_seconds > 0:
            results["attack"] = attack(port, seconds=args.attack_seconds, concurrency=args.concurrency, rng=rng)
            print(f"  {name}: hostile posts done", file=sys.stderr)
    return results


# -- report ------------------------------------------------------------------------------


def corpus(report: dict[str, Any]) -> str:
    """The store measured, in words: its articles and attributions and where they came from."""
    stats = report["database"]["stats"]
    parts = ["all BBC" if report["limit"] is None else f"the first {report['limit']:,} BBC"]
    if report["reuters"]:
        parts.append(f"the first {report['reuters']:,} Reuters stories with text")
    return (f"{stats['articles']:,} articles ({' + '.join(parts)}), {stats['attributions']:,} attributions"
            f", database built at commit {report['database'].get('commit')}")


def print_table(report: dict[str, Any]) -> None:
    backends = report["backends"]
    print(f"\nLoad on loopback: {report['concurrency']} client threads, {report['seconds']:.0f} s per endpoint "
          f"({corpus(report)}, load average {report['loadavg_before']} -> {report['loadavg_after']})")
    header = f"{'backend':<11} {'endpoint':<26} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'requests':>9} {'errors':>6}"
    print(header)
    print("-" * len(header))
    for name, result in backends.items():
        for label, row in result["load"].items():
            print(f"{name:<11} {label:<26} {row['rps']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['p99_ms']:>8} "
                  f"{row['requests']:>9} {row['errors']:>6}")
    print(f"\nOne request at a time, {SEQUENTIAL_REQUESTS} each: p95 against its bar (issue 3: a search under "
          f"{SEARCH_BUDGET_MS:.0f} ms; issue 12: the dashboard, a faceted search and a quote page under "
          f"{QUOTE_PAGE_BUDGET_MS:.0f} ms)")
    header = (f"{'backend':<11} {'request':<30} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6} "
              f"{'bar ms':>7} {'verdict':>7}")
    print(header)
    print("-" * len(header))
    for name, result in backends.items():
        for label, row in result["sequential"].items():
            bar = SEQUENTIAL_BARS.get(label)
            verdict = "" if bar is None else "pass" if passes(row, bar) else "FAIL"
            print(f"{name:<11} {label:<30} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['p99_ms']:>8} {row['errors']:>6} "
                  f"{bar or '':>7} {verdict:>7}")
    print(f"\nCSV download of every attribution (issue 12: {DOWNLOAD_ROWS:,} rows in under {DOWNLOAD_BUDGET_S:g} s, "
          "server memory flat)")
    header = (f"{'backend':<11} {'rows':>7} {'MB':>6} {'seconds':>8} {f'to row {DOWNLOAD_ROWS:,}':>13} "
              f"{'RSS before MiB':>14} {'peak MiB':>8} {'after MiB':>9} {'verdict':>7}")
    print(header)
    print("-" * len(header))
    for name, result in backends.items():
        row = result["download"]
        print(f"{name:<11} {row['rows']:>7} {row['bytes'] / 1e6:>6.1f} {row['seconds']:>8} "
              f"{row[f'seconds_to_{DOWNLOAD_ROWS}_rows']!s:>13} {row['rss_before_kib'] / 1024:>14.1f} "
              f"{row['rss_peak_kib'] / 1024:>8.1f} {row['rss_after_kib'] / 1024:>9.1f} "
              f"{'pass' if download_passes(row) else 'FAIL':>7}")
    for name, result in backends.items():
        if "attack" not in result:
            continue
        row = result["attack"]
        quiet, under, posts = row["quiet"], row["under_attack"], row["hostile_posts"]
        verdict = "meets" if row["p95_ratio"] is not None and row["p95_ratio"] <= ATTACK_RATIO_BAR else "MISSES"
        print(f"{name}: GET {row['path']} p95 quiet {quiet['p95_ms']} ms, under {posts['clients']} hostile posters "
              f"{under['p95_ms']} ms (max {under['max_ms']} ms, {under['errors']} errors): ratio {row['p95_ratio']} "
              f"{verdict} the {ATTACK_RATIO_BAR:g}x bar; hostile posts answered {posts['answers']}, "
              f"slowest {posts['max_seconds']} s")


def passes(row: dict[str, Any], bar_ms: float) -> bool:
    """A sequential row meets its bar: p95 under it and no request failed."""
    return row["p95_ms"] is not None and row["p95_ms"] < bar_ms and row["errors"] == 0


def download_passes(row: dict[str, Any]) -> bool:
    """The download answered 200 with at least DOWNLOAD_ROWS rows, the first DOWNLOAD_ROWS of them within the bar."""
    reached = row[f"seconds_to_{DOWNLOAD_ROWS}_rows"]
    return row["status"] == 200 and reached is not None and reached < DOWNLOAD_BUDGET_S


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="ingest only the first N BBC articles (default: all)")
    parser.add_argument("--reuters", type=int, default=REUTERS_STORIES,
                        help=f"also ingest the first N Reuters-21578 stories that have text (default {REUTERS_STORIES}; 0: none)")
    parser.add_argument("--reuters-data", type=Path, default=REUTERS_DATA)
    parser.add_argument("-j", "--jobs", type=int, default=2, help="extraction processes for the ingest")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the SQLite database a previous run built from the same corpus (BBC and Reuters part)")
    parser.add_argument("--seconds", type=float, default=20.0, help="load duration per endpoint and backend")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads under load")
    parser.add_argument("--attack-seconds", type=float, default=20.0,
                        help="GET latency measured this long quiet, then as long under hostile posts (0: skip)")
    parser.add_argument("--backends", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--workdir", type=Path, default=RESULTS / "load", help="where the database and server logs go")
    parser.add_argument("--json", type=Path, default=RESULTS / "load.json", help="where the figures go")
    args = parser.parse_args()
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if unknown := set(backends) - {"sqlite", "postgres"}:
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    for data in [args.data] + ([args.reuters_data] if args.reuters else []):
        if not data.exists():
            print(f"no data at {data}", file=sys.stderr)
            return 2

    args.workdir.mkdir(parents=True, exist_ok=True)
    db_path = database_path(args.workdir, args)
    report: dict[str, Any] = {
        "data": str(args.data),
        "limit": args.limit,
        "reuters_data": str(args.reuters_data) if args.reuters else None,
        "reuters": args.reuters,
        "commit": git_commit(),
        "seconds": args.seconds,
        "concurrency": args.concurrency,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "loadavg_before": [round(x, 2) for x in os.getloadavg()],
        "database": build_sqlite(db_path, args),
        "backends": {},
    }
    report["articles"] = report["database"]["stats"]["articles"]
    if "sqlite" in backends:
        print("measuring sqlite ...", file=sys.stderr)
        report["backends"]["sqlite"] = run_backend("sqlite", str(db_path), args, args.workdir / "serve-sqlite.log")
    if "postgres" in backends:
        with PostgresCluster() as url:
            print("copying into postgres ...", file=sys.stderr)
            report["postgres_copy"] = copy_store(str(db_path), url)
            print("measuring postgres ...", file=sys.stderr)
            report["backends"]["postgresql"] = run_backend("postgresql", url, args, args.workdir / "serve-postgres.log")
    report["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    print_table(report)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
