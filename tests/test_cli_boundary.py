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
