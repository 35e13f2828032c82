"""The server's guards (issue 13): extraction in worker processes with a deadline,
host names, JSON-only posts, the analyse form's token, HEAD, bounded queries."""

from __future__ import annotations

import os
import random
import threading
import time

import httpx
import pytest

from onrecord.errors import ModelNotFound
from onrecord.server.csrf import FormTokens
from onrecord.server.workers import WAITING_PER_WORKER, ExtractionPool
from server_fixtures import GatedExtractor, analyse_form, assert_error, make_client, make_store


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("guards") / "onrecord.db")


@pytest.fixture(scope="module")
def client(store_url):
    with make_client(store_url, hosts=["quotes.example"]) as client:
        yield client


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def worker_pids(client) -> set[int]:
    return {worker.process.pid for worker in client.server_context.pool._running}


# -- host names -----------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example"])
def test_foreign_host_names_are_refused(client, host):
    # DNS rebinding: evil.example resolves to 127.0.0.1, but the browser still names it.
    message = assert_error(client.get("/api/speakers", headers={"Host": host}), 400)
    assert "--allow-host" in message
    page = client.get("/", headers={"Host": host})
    assert page.status_code == 400 and "text/html" in page.headers["content-type"]
    posted = client.post("/api/extract", json={"text": '"Hi," said Ann Bell.'}, headers={"Host": host})
    assert_error(posted, 400)


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:8000", "127.0.0.1:1", "[::1]:8000", "quotes.example"])
def test_own_host_names_are_served(client, host):
    assert client.get("/api/speakers", headers={"Host": host}).status_code == 200


def test_any_host_with_a_star(store_url):
    with make_client(store_url, hosts=["*"]) as client:
        assert client.get("/api/speakers", headers={"Host": "anything.example"}).status_code == 200


# -- the analyse form's token ---------------------------------------------------------------


def test_analyse_needs_the_forms_token(client):
    text = '"The ferry stays," said Ann Bell.'
    for token in (None, "", "1700000000.forged", "x" * 80, "١٢٣.abc"):
        data = {"text": text} if token is None else {"text": text, "csrf_token": token}
        refused = client.post("/analyse", data=data)
        assert refused.status_code == 403
        assert "press Analyse again" in refused.text and 'class="a r-content' not in refused.text
        # the refused page is the form again, with the text and a fresh token
        assert 'name="csrf_token" value="' in refused.text and "The ferry stays" in refused.text
    accepted = client.post("/analyse", data=analyse_form(client, text=text))
    assert accepted.status_code == 200 and 'class="a r-content' in accepted.text


def test_form_tokens_expire_and_belong_to_one_server(monkeypatch):
    tokens = FormTokens(max_age=60)
    token = tokens.issue()
    assert tokens.valid(token) and not FormTokens().valid(token)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 61)
    assert not tokens.valid(token)


# -- JSON only ------------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None])
def test_extract_takes_json_only(client, content_type):
    # What a form or a no-preflight fetch from any web page can send.
    headers = {"content-type": content_type} if content_type else {}
    response = client.post("/api/extract", content=b'{"text": "\\"Hi,\\" said Ann Bell."}', headers=headers)
    assert "application/json" in assert_error(response, 415)


# -- HEAD -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/api/speakers", "/api/quotes?q=ferry", "/speakers", "/quotes?q=ferry", "/analyse",
                                  "/static/onrecord.css", "/docs", "/openapi.json", "/api/speakers/999999"])
def test_head_answers_like_get_without_a_body(client, path):
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code != 405
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


# -- bounded queries ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{"q": "ferry " * 200}, {"q": " ".join(["ferry"] * 33)}, {"q": '"' + "ferry " * 40 + '"'},
     {"speaker": "Ortiz " * 200}, {"outlet": "x" * 1001}],
)
def test_long_queries_are_refused(client, params):
    message = assert_error(client.get("/api/quotes", params=params), 400)
    assert "at most" in message
    assert client.get("/quotes", params=params).status_code == 400
    assert_error(client.get("/api/speakers", params={"q": "Ortiz " * 200}), 400)
    assert client.get("/speakers", params={"q": "Ortiz " * 200}).status_code == 400


def test_queries_under_the_caps_are_served(client):
    assert client.get("/api/quotes", params={"q": " ".join(["ferry"] * 32)}).status_code == 200
    assert client.get("/api/quotes", params={"q": "f" * 1000}).status_code == 200


# -- extraction workers: deadline and capacity ------------------------------------------------


def test_an_overrunning_extraction_is_stopped_and_its_worker_replaced(store_url, tmp_path):
    with make_client(store_url, extractor=GatedExtractor(), workers=1, timeout=1) as client:
        (before,) = worker_pids(client)
        never = tmp_path / "never"
        message = assert_error(client.post("/api/extract", json={"text": f"wait for {never}"}), 504)
        assert "took longer than 1 s" in message
        # the worker was killed, not left burning CPU, and a fresh one serves the next texts
        assert not alive(before)
        deadline = time.monotonic() + 120
        while (response := client.post("/api/extract", json={"text": '"Yes," said Ann Bell.'})).status_code == 503:
            assert time.monotonic() < deadline, "no worker came back"
            time.sleep(0.2)
        assert response.status_code == 200 and response.json()["attributions"][0]["speaker"]["name"] == "Ann Bell"
        assert before not in worker_pids(client)
        # the analyse form gets the same clean error, as a page
        page = client.post("/analyse", data=analyse_form(client, text=f"wait for {never}"))
        assert page.status_code == 504 and "took longer" in page.text


def test_a_full_pool_answers_503_at_once(store_url, tmp_path):
    release = tmp_path / "release"
    with make_client(store_url, extractor=GatedExtractor(), workers=1, timeout=60) as client:
        pool = client.server_context.pool
        answers: list[int] = []

        def post() -> None:
            with httpx.Client(base_url=client.base_url, timeout=120) as other:
                answers.append(other.post("/api/extract", json={"text": f"wait for {release}"}).status_code)

        held = [threading.Thread(target=post) for _ in range(1 + WAITING_PER_WORKER)]
        for thread in held:
            thread.start()
        try:
            deadline = time.monotonic() + 60
            while pool.busy < len(held):
                assert time.monotonic() < deadline
                time.sleep(0.02)
            refused = client.post("/api/extract", json={"text": "one too many"})
            assert "busy" in assert_error(refused, 503)
            assert refused.headers["retry-after"].isdigit()
            # reads are not held up by the busy workers
            assert client.get("/api/speakers").status_code == 200
        finally:
            release.touch()
            for thread in held:
                thread.join()
        assert answers == [200] * len(held)


def test_waiting_past_the_deadline_is_503(store_url, tmp_path):
    release = tmp_path / "release"
    with make_client(store_url, extractor=GatedExtractor(), workers=1, timeout=2) as client:
        first = threading.Thread(target=lambda: client.post("/api/extract", json={"text": f"wait for {release}"}))
        first.start()
        try:
            while client.server_context.pool.busy < 1:
                time.sleep(0.02)
            assert "busy" in assert_error(client.post("/api/extract", json={"text": "next"}), 503)
        finally:
            release.touch()
            first.join()


class BrokenOnLoad:
    """An extractor whose model is missing: its first extraction (the worker's warm-up) fails."""

    def extract(self, text, **meta):
        raise ModelNotFound(["no-such-model"])


def test_a_worker_that_cannot_load_fails_the_start():
    pool = ExtractionPool(BrokenOnLoad(), workers=1, timeout=5)
    with pytest.raises(ModelNotFound, match="no-such-model"):
        pool.start()
    assert not pool._running


# -- the issue's case, with the real extractor -------------------------------------------------


@pytest.mark.slow
def test_hostile_post_is_answered_in_time_while_gets_stay_fast(store_url):
    from onrecord import Extractor

    hostile = "".join(random.Random(13).choice('"“”(),') for _ in range(20_000))
    with make_client(store_url, extractor=Extractor()) as client:
        gets: list[float] = []
        done = threading.Event()

        def read() -> None:
            with httpx.Client(base_url=client.base_url, timeout=30) as reader:
                while not done.is_set():
                    started = time.monotonic()
                    assert reader.get("/api/speakers").status_code == 200
                    gets.append(time.monotonic() - started)
                    time.sleep(0.05)

        reader = threading.Thread(target=read)
        reader.start()
        try:
            started = time.monotonic()
            response = client.post("/api/extract", json={"text": hostile})
            took = time.monotonic() - started
        finally:
            done.set()
            reader.join()
    assert response.status_code in (200, 422, 504), response.text
    assert took < 10, took
    assert gets and max(gets) < 1, max(gets)
