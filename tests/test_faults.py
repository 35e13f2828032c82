"""Concurrency and faults (issue 5, item 4), on SQLite and PostgreSQL.

Every test runs the real ``onrecord ingest`` command in a subprocess, with the
one-rule extractor of ``fault_ingest.py`` so that what each article holds is
known (article ``q017-n5`` has 5 attributions), and does something to it while
it writes:

- concurrent readers: an API server on 127.0.0.1 answers GET requests from
  several threads all through the ingest; no request fails and no article is
  ever seen with some of its attributions missing;
- PostgreSQL restarts: the server is stopped (fast, then immediate) and started
  again mid-ingest; the ingest retries and stores what an uninterrupted run does;
- SIGKILL at random points, several seeds: after a rerun the database holds
  exactly what an uninterrupted run stores;
- a full disk (a small tmpfs): the ingest stops with a one-line "database full"
  error, the database stays consistent, and a rerun after freeing space completes.

Each test prints a one-line tally (requests made, restarts survived, kill
points tried, where the disk filled up); ``pytest -s tests/test_faults.py``
shows them.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from postgres_server import new_postgres_url
from postgres_server import PG_SETTINGS, PostgresCluster, server_account
from fault_ingest import (
    RulePipe,
    article_id,
    article_text,
    attributions_in,
    dossier,
    dossier_quotes,
    expected_count,
    write_articles,
)
from server_fixtures import LiveServer, make_app
from store_snapshots import article_count, snapshot

from onrecord.errors import StoreError
from onrecord.store import open_store

FAULT_INGEST = Path(__file__).with_name("fault_ingest.py")
# Articles ingested by every test: a few dozen, 1 to 6 attributions each, with
# plain filler paragraphs so that each commit writes a few pages.
ARTICLES = 48
FILLER_PARAGRAPHS = 20
# Longest any one ingest or wait may take before the test fails instead of hanging.
RUN_TIMEOUT_S = 120
POLL_S = 0.005

# Killing ingests, restarting PostgreSQL, filling disks: seconds each, the full tier's.
pytestmark = pytest.mark.slow


def ingest_command(folder: Path, url: str) -> list[str]:
    return [sys.executable, str(FAULT_INGEST), "ingest", str(folder), "--db", url, "--no-progress"]


def start_ingest(folder: Path, url: str, *, delay: float = 0.0) -> subprocess.Popen[str]:
    """The ingest as a subprocess; ``delay`` seconds of simulated extraction per article."""
    env = {**os.environ, "FAULT_INGEST_DELAY_S": str(delay)}
    return subprocess.Popen(
        ingest_command(folder, url), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def finish(process: subprocess.Popen[str]) -> str:
    """Wait for the ingest to end; its stderr."""
    _, stderr = process.communicate(timeout=RUN_TIMEOUT_S)
    return stderr


def wait_for_articles(url: str, backend: str, count: int, process: subprocess.Popen[str]) -> None:
    """Return once ``count`` articles are committed (or the ingest has ended)."""
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while article_count(url, backend) < count and process.poll() is None:
        assert time.monotonic() < deadline, "the ingest made no progress"
        time.sleep(POLL_S)


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    return write_articles(tmp_path_factory.mktemp("faults") / "articles", ARTICLES, filler=FILLER_PARAGRAPHS)


@dataclass(frozen=True)
class Reference:
    """What one uninterrupted ingest of ``articles`` stores, and how long it
    took to its first commit (at the pace of the SIGKILL test, which draws
    start-up kill times from that span)."""

    content: dict
    first_commit_s: float


@pytest.fixture(scope="module")
def reference(articles, tmp_path_factory) -> Reference:
    url = str(tmp_path_factory.mktemp("reference") / "reference.db")
    started = time.monotonic()
    process = start_ingest(articles, url, delay=KILL_TEST_DELAY_S)
    wait_for_articles(url, "sqlite", 1, process)
    first_commit_s = time.monotonic() - started
    stderr = finish(process)
    assert process.returncode == 0, stderr
    content = snapshot(url)
    assert content["stats"]["articles"] == ARTICLES
    assert content["stats"]["attributions"] == sum(attributions_in(i) for i in range(ARTICLES))
    return Reference(content, first_commit_s)


def assert_whole_articles(stored: dict[str, int]) -> None:
    """Every stored article (id -> attributions stored) holds all the attributions its id promises."""
    partial = {id_: n for id_, n in stored.items() if n != expected_count(id_)}
    assert not partial, f"articles stored without all their attributions: {partial}"


# -- concurrent readers during an ingest -------------------------------------------

READERS = 4
# Simulated extraction time per article: the ingest then takes about 1.5 s of
# commits spread out, and the readers run all through it.
READ_TEST_DELAY_S = 0.03
# Rounds every reader makes at least, even when the ingest is already over.
MIN_ROUNDS = 5


@dataclass
class ReaderTally:
    requests: int = 0
    rounds: int = 0
    errors: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    totals: set[int] = field(default_factory=set)


def read_round(client: httpx.Client, rng: random.Random, totals: set[int], seen: set[str], tally: ReaderTally) -> None:
    """One round of GETs, each checked for whole articles only."""

    def get(path: str, **params: object) -> httpx.Response | None:
        tally.requests += 1
        try:
            response = client.get(path, params=params)
        except httpx.HTTPError as error:
            tally.errors.append(f"GET {path}: {type(error).__name__}: {error}")
            return None
        if response.status_code not in (200, 404):
            tally.errors.append(f"GET {path} {params}: {response.status_code} {response.text[:200]}")
            return None
        return response

    i = rng.randrange(ARTICLES)
    ident = article_id(i)
    response = get(f"/api/articles/{ident}")
    if response is not None and response.status_code == 200:
        got = len(response.json()["attributions"])
        if got != attributions_in(i):
            tally.partial.append(f"/api/articles/{ident} showed {got} attributions")
        seen.add(ident)
    elif response is not None and ident in seen:
        tally.errors.append(f"/api/articles/{ident} was found, then not")

    response = get("/api/quotes", q=dossier(i), limit=200)
    if response is not None:
        hits = response.json()["items"]
        if len(hits) not in (0, dossier_quotes(i)) or any(h["article_id"] != ident for h in hits):
            tally.partial.append(f"/api/quotes?q={dossier(i)} found {[h['article_id'] for h in hits]}")

    response = get("/api/speakers", limit=200)
    if response is not None:
        speakers = response.json()["items"]
        # The ingest commits articles in file-name order, so what one read sees
        # is always the attributions of a first k articles, whole.
        total = sum(s["num_attributions"] for s in speakers)
        tally.totals.add(total)
        if total not in totals:
            tally.partial.append(f"/api/speakers counted {total} attributions: not a sum of whole articles")
        if speakers:
            chosen = rng.choice(speakers)["id"]
            response = get(f"/api/speakers/{chosen}")
            if response is not None and response.status_code == 200:
                detail = response.json()
                if detail["num_attributions"] != len(detail["attributions"]):
                    tally.partial.append(
                        f"/api/speakers/{chosen} counted {detail['num_attributions']} attributions "
                        f"but listed {len(detail['attributions'])}"
                    )
    tally.rounds += 1


def test_readers_see_only_whole_articles_during_an_ingest(store_url, store_backend, articles, reference):
    url = store_url()
    open_store(url).close()  # the schema exists before the server opens the database
    totals = set(itertools.accumulate((attributions_in(i) for i in range(ARTICLES)), initial=0))
    tallies = [ReaderTally() for _ in range(READERS)]
    ingest_over = threading.Event()
    deadline = time.monotonic() + RUN_TIMEOUT_S

    def reader(number: int) -> None:
        rng, tally = random.Random(number), tallies[number]
        seen: set[str] = set()
        with httpx.Client(base_url=live.url, timeout=30) as client:
            while (not ingest_over.is_set() or tally.rounds < MIN_ROUNDS) and time.monotonic() < deadline:
                read_round(client, rng, totals, seen, tally)

    with LiveServer(make_app(url)) as live:
        threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
        for thread in threads:
            thread.start()
        process = start_ingest(articles, url, delay=READ_TEST_DELAY_S)
        try:
            stderr = finish(process)
        finally:
            ingest_over.set()
            for thread in threads:
                thread.join(timeout=RUN_TIMEOUT_S)
    assert process.returncode == 0, stderr

    requests = sum(t.requests for t in tallies)
    errors = [e for t in tallies for e in t.errors]
    partial = [p for t in tallies for p in t.partial]
    seen_totals = set().union(*(t.totals for t in tallies))
    print(f"\n[{store_backend}] concurrent readers: {requests} requests, {len(seen_totals)} distinct states seen")
    assert not errors, errors[:10]
    assert not partial, partial[:10]
    # The readers did overlap the writes: they saw the database part-way filled.
    assert len(seen_totals - {0, max(totals)}) >= 3, sorted(seen_totals)
    assert snapshot(url) == reference.content


# -- PostgreSQL restarts during an ingest -----------------------------------------

# Simulated extraction time per article: about 1.5 s of writes to restart the server in.
RESTART_TEST_DELAY_S = 0.03
# How the server is stopped, and after how many committed articles.
RESTARTS = (("fast", 10), ("immediate", 28))
# Seconds the server stays down: the ingest meets refused connections meanwhile.
OUTAGE_S = 0.5
# The test server's settings, but with commits durable against a server crash:
# with synchronous_commit=off an immediate stop loses the last commits the
# client was told had succeeded (PostgreSQL documents as much), which no retry
# can bring back. fsync stays off: only the server process dies, not the machine.
DURABLE_SETTINGS = tuple(s for s in PG_SETTINGS if not s.startswith("synchronous_commit="))


@pytest.mark.postgres
def test_ingest_survives_postgresql_restarts(articles, reference):
    # A server of its own: restarting the session's server would break the
    # connections other tests' fixtures hold.
    cluster = PostgresCluster(DURABLE_SETTINGS)
    try:
        cluster.start()
        url = cluster.url
        reader = open_store(url)  # an idle connection that each restart breaks too
        process = start_ingest(articles, url, delay=RESTART_TEST_DELAY_S)
        try:
            for mode, after in RESTARTS:
                wait_for_articles(url, "postgres", after, process)
                if process.poll() is not None:
                    pytest.fail(f"the ingest ended before the {mode} restart: {process.stderr.read()}")
                cluster.stop(mode)
                time.sleep(OUTAGE_S)
                cluster.start()
            stderr = finish(process)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
        assert process.returncode == 0, stderr
        lost = [line for line in stderr.splitlines() if "connection lost" in line]
        assert len(lost) >= len(RESTARTS), stderr
        assert "Traceback" not in stderr
        assert reader.stats() == reference.content["stats"]  # reads reconnect too
        reader.close()
        assert snapshot(url) == reference.content
        print(f"\n[postgres] restarts survived: {len(RESTARTS)} ({len(lost)} retries)")
    finally:
        cluster.remove()


# -- SIGKILL at random points --------------------------------------------------------

# 6 kill points per backend: each seed is a fresh ingest (~20 s on the 2-core machine),
# and the whole suite must stay under its 20 minutes
SEEDS = 2
KILLS_PER_SEED = 3
# Simulated extraction time per article: spreads the 48 commits over ~0.3 s,
# so that a kill after commit k lands at varied points of the next ones.
KILL_TEST_DELAY_S = 0.005
# Share of kills placed by time since start, up to when the first commit
# came in the reference run: imports, opening, creating the schema. The others
# wait for a random number of further commits (not the last, so that the run
# is never over before the kill), then a few ms more.
KILL_BY_TIME = 0.3
KILL_JITTER_S = 0.01


@pytest.mark.parametrize("seed", range(SEEDS))
def test_ingest_killed_at_random_points_resumes_exactly(store_url, store_backend, articles, reference, seed):
    rng = random.Random(f"{store_backend}:{seed}")
    url = store_url()
    kills: list[tuple[str, int]] = []  # (when, articles stored after the kill)
    for _ in range(KILLS_PER_SEED):
        before = article_count(url, store_backend)
        if before >= ARTICLES - 1:
            break
        process = start_ingest(articles, url, delay=KILL_TEST_DELAY_S)
        try:
            if rng.random() < KILL_BY_TIME:
                delay = rng.uniform(0, reference.first_commit_s)
                time.sleep(delay)
                how = f"at {delay:.2f}s"
            else:
                target = before + rng.randrange(1, ARTICLES - before)
                wait_for_articles(url, store_backend, target, process)
                time.sleep(rng.uniform(0, KILL_JITTER_S))
                how = f"after commit {target}"
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
        finally:
            stderr = finish(process)
        if process.returncode == -signal.SIGKILL:
            kills.append((how, article_count(url, store_backend)))
        else:
            assert process.returncode == 0, stderr

    rerun = subprocess.run(ingest_command(articles, url), capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    assert rerun.returncode == 0, rerun.stderr
    assert kills, "every ingest finished before its kill"
    assert snapshot(url) == reference.content
    before_the_end = sum(1 for _, stored in kills if stored < ARTICLES)
    print(
        f"\n[{store_backend} seed {seed}] {len(kills)} kill points ({before_the_end} before the last commit), "
        f"nothing lost: " + "; ".join(f"{how} ({stored} stored)" for how, stored in kills)
    )


# -- a full disk -------------------------------------------------------------------

# The small disk, and the room the ballast file leaves on it once the schema is
# created: a few articles fit, then the disk is full (SQLite appends ~15 pages
# to its WAL per commit, PostgreSQL extends its table and index files by a few
# pages). Deleting the ballast frees what the whole ingest needs (< 1 MB).
DISK_SIZE = 8 * 1024 * 1024
ROOM_FOR_ARTICLES = {"sqlite": 640 * 1024, "postgres": 224 * 1024}
TABLESPACE = "onrecord_small_disk"


@contextlib.contextmanager
def small_disk(size: int) -> Iterator[Path]:
    """A tmpfs of ``size`` bytes: writes past it fail with ENOSPC, as on a full disk."""
    if os.geteuid() != 0:
        pytest.skip("a full disk is a small tmpfs here, and mounting one needs root")
    # Not under pytest's tmp_path, which is private to root: the PostgreSQL
    # server's account must reach its tablespace in there.
    path = Path(tempfile.mkdtemp(prefix="onrecord-disk-"))
    path.chmod(0o755)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "onrecord-small-disk", str(path)],
        capture_output=True, text=True,
    )
    if mounted.returncode != 0:
        path.rmdir()
        pytest.skip(f"cannot mount a tmpfs to fill up: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "--lazy", str(path)], capture_output=True)
        path.rmdir()


@contextlib.contextmanager
def database_on(disk: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a fresh database whose files live on ``disk``."""
    if backend == "sqlite":
        yield str(disk / "onrecord.db")
        return
    import psycopg

    server = request.getfixturevalue("postgres_server")
    tablespace = disk / "tablespace"
    tablespace.mkdir()
    account = server_account()
    if account is not None:
        os.chown(tablespace, account.pw_uid, account.pw_gid)
    url = new_postgres_url(server)
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"CREATE TABLESPACE {TABLESPACE} LOCATION '{tablespace}'")
    try:
        # Every table and index onrecord creates goes to the small disk.
        url += f"%20-cdefault_tablespace%3D{TABLESPACE}"
        yield url
    finally:
        schema = url.split("search_path%3D", 1)[1].split("%20", 1)[0]
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            connection.execute(f"DROP TABLESPACE IF EXISTS {TABLESPACE}")


def consistent_contents(url: str, backend: str) -> dict[str, int]:
    """Check the stored database is consistent; the attributions stored per article.

    Consistent: SQLite's integrity check passes, every article holds all its
    attributions, and every speaker and quote counts exactly the attributions
    that refer to it (the counts are updated in the article's transaction).
    """
    if backend == "sqlite":
        connection = sqlite3.connect(url)
        try:
            integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        finally:
            connection.close()
        assert integrity == ["ok"]
    with open_store(url) as store:
        rows = store.db.rows(
            "SELECT ar.id, COUNT(a.id) AS n FROM articles ar "
            "LEFT JOIN attributions a ON a.article_id = ar.id GROUP BY ar.id"
        )
        miscounted = store.db.rows(
            "SELECT s.id FROM speakers s WHERE s.num_attributions <> "
            "(SELECT COUNT(*) FROM attributions a WHERE a.speaker_id = s.id)"
        ) + store.db.rows(
            "SELECT q.id FROM quotes q WHERE q.num_occurrences <> "
            "(SELECT COUNT(*) FROM attributions a WHERE a.quote_id = q.id)"
        )
    assert not miscounted, miscounted
    stored = {row["id"]: int(row["n"]) for row in rows}
    assert_whole_articles(stored)
    return stored


def test_full_disk_stops_the_ingest_with_a_clear_message(store_backend, articles, reference, request):
    with small_disk(DISK_SIZE) as disk, database_on(disk, store_backend, request) as url:
        open_store(url).close()  # the schema first, so that articles fill the disk
        ballast = disk / "ballast"
        free = os.statvfs(disk)
        ballast.write_bytes(b"\0" * (free.f_bavail * free.f_frsize - ROOM_FOR_ARTICLES[store_backend]))

        full = subprocess.run(ingest_command(articles, url), capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
        assert full.returncode == 2, full.stderr
        assert "Traceback" not in full.stderr
        errors = [line for line in full.stderr.splitlines() if line.startswith("onrecord: error:")]
        assert errors == [full.stderr.strip()], full.stderr
        assert errors[0].startswith(f"onrecord: error: database full: {url}: ")
        assert errors[0].endswith("every article committed so far is kept, run the same command to resume")

        stored = consistent_contents(url, store_backend)  # while the disk is still full
        assert 0 < len(stored) < ARTICLES, "the disk did not fill up part-way through the ingest"

        ballast.unlink()
        rerun = subprocess.run(ingest_command(articles, url), capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
        assert rerun.returncode == 0, rerun.stderr
        assert f"{ARTICLES - len(stored)} added, {len(stored)} already stored" in rerun.stderr
        consistent_contents(url, store_backend)
        assert snapshot(url) == reference.content
    print(f"\n[{store_backend}] full disk: stopped after {len(stored)} of {ARTICLES} articles with: {errors[0]}")


# Filler paragraphs that make one article ~1 MB, and the page cache (pages)
# shrunk so that its transaction spills to the WAL before COMMIT, as a
# several-megabyte article does with the default cache.
BIG_ARTICLE_FILLER = 12_000
SPILL_CACHE_PAGES = 5


def assert_full_store_rolls_back(store) -> None:
    """A big article into a full SQLite store: one "database full" error, nothing half-written."""
    big = RulePipe().extract(article_text(0, filler=BIG_ARTICLE_FILLER), id="big")
    with pytest.raises(StoreError, match=r"^database full: .*onrecord\.db: database or disk is full$"):
        store.add_article(big)
    assert not store.db.connection.in_transaction
    assert store.stats()["articles"] == 0


def test_full_disk_inside_a_transaction_is_reported_and_rolled_back_sqlite():
    # SQLite rolls a transaction back itself when the disk fills mid-way; the
    # ROLLBACK onrecord then sent failed ("no transaction is active") and its
    # error replaced the one that said what happened.
    with small_disk(1024 * 1024) as disk, open_store(str(disk / "onrecord.db")) as store:
        store.db.connection.execute(f"PRAGMA cache_size = {SPILL_CACHE_PAGES}")
        assert_full_store_rolls_back(store)
        # The connection still works: a small article fits in the WAL space already taken.
        assert store.add_article(RulePipe().extract(article_text(1), id="small")).added
        assert store.article("small") is not None


def test_database_at_its_size_limit_is_reported_and_rolled_back_sqlite(tmp_path):
    # The same failure without root: SQLite's page limit gives the very error a
    # full disk gives (SQLITE_FULL), so this runs wherever the suite runs.
    with open_store(str(tmp_path / "onrecord.db")) as store:
        pages = store.db.connection.execute("PRAGMA page_count").fetchone()[0]
        store.db.connection.execute(f"PRAGMA max_page_count = {pages + 4}")
        assert_full_store_rolls_back(store)
        assert store.db.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
