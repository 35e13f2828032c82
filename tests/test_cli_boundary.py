"""The CLI's one error boundary: every problem is one printable `onrecord: error:` line."""

import os

from click.testing import CliRunner

from onrecord.cli import main
from onrecord.cli.boundary import one_line


def test_one_line_escapes_controls_and_undecodable_bytes():
    assert one_line("a\nb\rc\x1b[31m") == "a\\x0ab\\x0dc\\x1b[31m"
    # a file name that was not UTF-8 reaches Python as lone surrogates
    assert one_line(os.fsdecode(b"caf\xe9.txt")) == "caf\\udce9.txt"
    assert one_line("plain “quotes” stay") == "plain “quotes” stay"


def test_a_file_name_cannot_forge_a_second_error_line(tmp_path):
    forged = tmp_path / "x\nonrecord: error: all articles deleted.txt"
    result = CliRunner().invoke(main, ["extract", str(forged), "--strategy", "rules"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("onrecord: error:")]
    # the per-file line and the closing count, nothing forged
    assert len(errors) == 2, result.stderr
    assert "\\x0aonrecord: error: all articles deleted" in errors[0]


def test_every_store_command_names_its_database_the_same_way(monkeypatch, tmp_path):
    monkeypatch.setenv("ONRECORD_DB", "mysql://nowhere/db")
    for command in (["search", "x"], ["speakers"], ["show", "a1"], ["export", "--format", "jsonl"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, command
        assert result.stderr.startswith("onrecord: error: mysql://nowhere/db"), (command, result.stderr)
        assert "Traceback" not in result.output


def test_serve_on_a_taken_port_fails_before_announcing(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "a.db"), "--port", str(port)])
    assert result.exit_code == 2
    assert "serving" not in result.output
    assert result.stderr.startswith(f"onrecord: error: cannot listen on 127.0.0.1:{port}")


def test_parquet_is_not_written_to_a_terminal(tmp_path):
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "onrecord.cli", "export", "--format", "parquet", "--db", str(tmp_path / "a.db")],
            stdout=follower, stderr=subprocess.PIPE, timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert b"write it to a file with -o FILE" in result.stderr
    assert not (tmp_path / "a.db").exists()


def test_json_format_is_an_array_for_one_input_too(tmp_path):
    import json

    story = tmp_path / "a.txt"
    story.write_text("The mayor said the bridge was safe.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(story), "--format", "json", "--strategy", "rules"])
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)
    assert isinstance(articles, list) and [a["id"] for a in articles] == ["a"]


def test_reading_commands_never_create_a_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ONRECORD_DB", raising=False)
    for command in (["search", "x", "--db", "typo.db"], ["speakers"], ["export", "--format", "jsonl"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, (command, result.output)
        assert "no database here" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_eval_on_an_article_file_says_what_a_gold_file_is(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The mayor said the bridge was safe.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(story), "--strategy", "rules"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"onrecord: error: {story}:1: not JSON Lines")
    assert "one JSON object per line" in result.stderr
