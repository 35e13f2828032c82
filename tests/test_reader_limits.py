"""Inputs that used to stall or abort a run (issue 13): each is one clear line, the rest goes on."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.errors import ReadError
from onrecord.readers import Document, iter_documents
from onrecord.readers import text as text_reader
from onrecord.store import open_store

GOOD = "The mayor said the bridge was safe."


def _items(*paths):
    return list(iter_documents(paths))


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [error] = _items(fifo)
    assert isinstance(error, ReadError) and "not a regular file" in str(error)


def test_a_link_to_a_device_is_refused(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    [error] = _items(link)
    assert isinstance(error, ReadError) and "not a regular file" in str(error)


def test_a_text_file_over_the_article_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(text_reader, "MAX_ARTICLE_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    [error] = _items(big)
    assert isinstance(error, ReadError) and "too large for one article" in str(error)


def test_a_lone_surrogate_costs_only_its_record(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Ana said \ud800 hi."}),
        json.dumps({"id": "b", "text": GOOD}),
        json.dumps({"id": "c", "text": GOOD + " Again.", "title": "\udc80"}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="ascii")  # json.dumps escapes them as \ud800
    items = _items(path)
    assert [type(i) for i in items] == [ReadError, Document, ReadError]
    assert "'text' holds a lone surrogate (\\ud800 at character 9)" in str(items[0])
    assert "'title' holds a lone surrogate" in str(items[2])


def test_an_undecodable_file_name_becomes_a_printable_id(tmp_path):
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(name, "wb") as handle:
        handle.write(GOOD.encode())
    [document] = _items(os.fsdecode(name))
    assert document.id == "caf\\xe9"
    url = str(tmp_path / "a.db")
    result = CliRunner().invoke(main, ["ingest", os.fsdecode(name), "--db", url, "--strategy", "rules", "--no-progress"])
    assert result.exit_code == 0, result.output
    with open_store(url) as store:
        assert store.article("caf\\xe9") is not None


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_the_run_goes_on_past_every_bad_input(tmp_path, command):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "bad.jsonl").write_text(json.dumps({"text": "x \ud800"}) + "\n", encoding="ascii")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    args = [command, str(tmp_path / "pipe.txt"), str(tmp_path / "bad.jsonl"), str(tmp_path / "good.txt"),
            "--strategy", "rules", "--no-progress"]
    if command == "ingest":
        args += ["--db", str(tmp_path / "a.db")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("onrecord: error:")]
    assert any("not a regular file" in line for line in errors)
    assert any("lone surrogate" in line for line in errors)


def test_documents_are_counted_for_a_progress_total(tmp_path):
    from onrecord.readers import count_documents

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "many.jsonl").write_text("".join(json.dumps({"text": GOOD}) + "\n" for _ in range(5)), encoding="utf-8")
    assert count_documents([tmp_path], recursive=True) == 6
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    assert count_documents([tmp_path], recursive=True) is None  # a WARC would have to be read to count
