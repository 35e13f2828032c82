"""Ingest and the store's CLI commands, on both backends, including a kill -9 mid-ingest.

The articles are written by the tests (fictional council reports); whatever the
extractor finds in them today, an interrupted and resumed ingest must store
exactly what an uninterrupted one does.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.extract import Extractor
from onrecord.ingest import IngestSummary, ingest
from onrecord.model import Article, Attribution, Fragment, Speaker
from onrecord.store import open_store
from store_snapshots import article_count, snapshot

FIRST = ["Lena", "Tomas", "Ana", "Piotr", "Greta", "Omar", "Ines", "Kofi", "Mara", "Jonas"]
LAST = ["Ortiz", "Reyes", "Wu", "Nowak", "Lind", "Haddad", "Costa", "Mensah", "Berg", "Falk"]
TOPICS = ["the ferry", "the bridge", "the harbour budget", "the night buses", "the library", "the tram line"]
# Articles in the crash test, and paragraphs in each: enough work (a few seconds)
# that a kill lands mid-way, little enough to keep the test fast.
CRASH_ARTICLES = 30
PARAGRAPHS = 8
# Kill the first run once this many articles are committed.
KILL_AFTER = 6
# Seconds between polls of the article count while waiting to kill, and the most to wait.
POLL_S = 0.01
RUN_TIMEOUT_S = 120


def council_report(i: int, paragraphs: int = PARAGRAPHS) -> str:
    """A fictional council report with quotes, reported speech and 'according to'."""
    lines = [f"Eastport council report {i}", ""]
    for p in range(paragraphs):
        name = f"{FIRST[(i + p) % 10]} {LAST[(i * 3 + p) % 10]}"
        topic = TOPICS[(i + p) % len(TOPICS)]
        lines.append(
            f'"We will not give up on {topic} in district {i}," said councillor {name} on Tuesday. '
            f"{name.split()[0]} told the Eastport Herald that {topic} needed {p + i} more staff. "
            f"According to {name}, the vote was delayed until spring."
        )
        lines.append("")
    return "\n".join(lines)


def write_reports(folder: Path, count: int, paragraphs: int = PARAGRAPHS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"report{i:02d}.txt").write_text(council_report(i, paragraphs), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


# -- the ingest function ------------------------------------------------------------


def test_ingest_counts_dedupes_and_skips_unreadable_files(make_store, extractor, tmp_path):
    folder = write_reports(tmp_path / "in", 3, paragraphs=2)
    (folder / "copy.txt").write_text(council_report(1, paragraphs=2), encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "nested").mkdir()
    records = [
        {"id": "j1", "text": "Piotr Nowak said the tram line would open in May.", "author": "Jo Banks",
         "date": "2019-04-02", "outlet": "Eastport Herald", "url": "https://herald.example/tram"},
        {"id": "j2", "text": "Nothing attributed here at all."},
    ]
    (folder / "nested" / "feed.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n{broken json\n", encoding="utf-8"
    )
    store = make_store()
    reported: list[str] = []
    summary = ingest([folder], store, progress=False, extractor=extractor, report=reported.append)
    assert isinstance(summary, IngestSummary)
    assert summary.read == 6
    assert summary.added == 5
    assert summary.duplicates == 1
    assert len(summary.skipped) == 2
    assert any("binary.txt" in s for s in summary.skipped)
    assert any("feed.jsonl:3" in s for s in summary.skipped)
    assert reported == list(summary.skipped)
    assert summary.attributions == store.stats()["attributions"]
    assert store.stats()["articles"] == 5
    tram = store.article("j1")
    assert (tram["author"], tram["published"], tram["outlet"], tram["url"]) == (
        "Jo Banks", "2019-04-02", "Eastport Herald", "https://herald.example/tram")
    assert "articles read" in str(summary)

    again = ingest([folder], store, progress=False, extractor=extractor)
    assert (again.read, again.added, again.duplicates, again.attributions) == (6, 0, 6, 0)
    assert store.stats()["articles"] == 5


def test_ingest_of_a_missing_path_is_reported_not_raised(make_store, extractor, tmp_path):
    summary = ingest([tmp_path / "nope.txt"], make_store(), progress=False, extractor=extractor)
    assert summary.read == 0
    assert summary.skipped and "nope.txt" in summary.skipped[0]


@pytest.mark.slow  # worker processes each load the pipeline
def test_parallel_ingest_stores_what_a_serial_one_does(store_url, extractor, tmp_path):
    folder = write_reports(tmp_path / "in", 6, paragraphs=2)
    serial, parallel = store_url(), store_url()
    with open_store(serial) as store:
        ingest([folder], store, progress=False, extractor=extractor)
    with open_store(parallel) as store:
        summary = ingest([folder], store, n_process=2, progress=False)
    assert summary.added == 6
    assert snapshot(parallel) == snapshot(serial)


# -- kill -9 mid-ingest -----------------------------------------------------------


def _ingest_command(folder: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "onrecord.cli", "ingest", str(folder), "--db", url, "--no-progress"]


@pytest.fixture(scope="module")
def crash_articles(tmp_path_factory) -> Path:
    return write_reports(tmp_path_factory.mktemp("crash") / "reports", CRASH_ARTICLES)


@pytest.fixture(scope="module")
def uninterrupted(crash_articles, tmp_path_factory) -> dict:
    """What one uninterrupted `onrecord ingest` of the crash articles stores (SQLite)."""
    url = str(tmp_path_factory.mktemp("reference") / "reference.db")
    subprocess.run(_ingest_command(crash_articles, url), check=True, capture_output=True, timeout=RUN_TIMEOUT_S)
    return snapshot(url)


@pytest.mark.slow
def test_killed_ingest_resumes_to_exactly_an_uninterrupted_run(store_url, store_backend, crash_articles, uninterrupted):
    url = store_url()
    process = subprocess.Popen(_ingest_command(crash_articles, url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + RUN_TIMEOUT_S
    try:
        while article_count(url, store_backend) < KILL_AFTER and process.poll() is None:
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(POLL_S)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=RUN_TIMEOUT_S)
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    stored = article_count(url, store_backend)
    assert KILL_AFTER <= stored < CRASH_ARTICLES

    rerun = subprocess.run(_ingest_command(crash_articles, url), capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{CRASH_ARTICLES - stored} added, {stored} already stored" in rerun.stderr
    assert snapshot(url) == uninterrupted
    assert uninterrupted["stats"]["articles"] == CRASH_ARTICLES


# -- CLI commands -------------------------------------------------------------------


def _hand_made(text: str, content: str, mention: str, name: str, **meta) -> Article:
    start = text.index(content)
    m = text.index(mention)
    return Article(
        text=text,
        attributions=(Attribution(
            id="a1", kind="direct", content=(Fragment.of(text, start, start + len(content)),),
            speaker=Speaker((Fragment.of(text, m, m + len(mention)),), name=name)),),
        **meta,
    )


@pytest.fixture
def filled_url(store_url) -> str:
    url = store_url()
    with open_store(url) as store:
        store.add_article(_hand_made(
            '"The <b>ferry</b> stays," said Lena Ortiz.', '"The <b>ferry</b> stays,"', "Lena Ortiz", "Lena Ortiz",
            id="ferry", published="2021-03-08", outlet="Eastport Herald"))
        store.add_article(_hand_made(
            '"Ferry fares will fall next year," said Tomas Reyes.', '"Ferry fares will fall next year,"',
            "Tomas Reyes", "Tomas Reyes", id="fares", published="2020-01-02", outlet="Harbour Gazette"))
    return url


def test_cli_search_speakers_show_export(filled_url, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["search", "ferry", "--db", filled_url, "--order", "date"])
    assert result.exit_code == 0, result.output
    assert result.stdout.index("Lena Ortiz") < result.stdout.index("Tomas Reyes")  # newest first

    result = runner.invoke(main, ["search", "ferry", "--db", filled_url, "--format", "jsonl", "--outlet", "harbour gazette"])
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert [h["article_id"] for h in hits] == ["fares"]

    result = runner.invoke(main, ["search", "ferry", "--db", filled_url, "--speaker", "Ortiz", "--since", "2021-01-01"])
    assert "Lena Ortiz" in result.output and "Tomas" not in result.output

    result = runner.invoke(main, ["speakers", "--db", filled_url, "--top", "1"])
    assert result.exit_code == 0 and len(result.output.splitlines()) == 1

    result = runner.invoke(main, ["show", "ferry", "--db", filled_url])
    assert json.loads(result.output)["attributions"][0]["speaker_id"] is not None

    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["export", "--format", "quotebank", "-o", str(out), "--db", filled_url])
    assert result.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2

    result = runner.invoke(main, ["export", "--format", "csv", "--db", filled_url])
    assert result.exit_code == 0 and "Lena Ortiz" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "ferry", "--since", "someday"], "since must be a date"),
        (["show", "nope"], "no article with id 'nope'"),
    ],
)
def test_cli_errors_are_one_line(filled_url, args, message):
    result = CliRunner().invoke(main, [*args, "--db", filled_url])
    assert result.exit_code in (1, 2)
    assert message in result.output
    assert "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("onrecord: error:")]) == 1


def test_cli_unusable_database_is_one_line(tmp_path):
    for url in (str(tmp_path / "no" / "such" / "dir.db"), "mysql://x/y"):
        result = CliRunner().invoke(main, ["speakers", "--db", url])
        assert result.exit_code == 2
        assert result.output.startswith("onrecord: error:") and len(result.output.splitlines()) == 1


def test_cli_default_database_from_environment(filled_url, monkeypatch, tmp_path):
    monkeypatch.setenv("ONRECORD_DB", filled_url)
    result = CliRunner().invoke(main, ["speakers"])
    assert "Lena Ortiz" in result.output
    monkeypatch.delenv("ONRECORD_DB")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["speakers"])
    # ./onrecord.db is the default, but a reading command never creates it
    assert result.exit_code == 2 and "onrecord.db: no database here" in result.stderr
    assert not (tmp_path / "onrecord.db").exists()


def test_cli_ingest(store_url, tmp_path):
    folder = write_reports(tmp_path / "in", 2, paragraphs=1)
    (folder / "bad.txt").write_bytes(b"\x00\x00")
    url = store_url()
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", url, "--no-progress"])
    assert result.exit_code == 1  # a file was skipped
    assert "bad.txt" in result.output
    assert "2 added" in result.output
    with open_store(url) as store:
        assert store.stats()["articles"] == 2
