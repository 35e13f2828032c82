"""`onrecord extract` and `onrecord eval` as a user runs them: real processes, real files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seed.jsonl"
ARTICLE = "Budget vote delayed\n\n“We need the audit first,” said Councilwoman Dana Whitfield.\n"


def onrecord(*args, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "onrecord.cli", *args], input=stdin, capture_output=True, timeout=300
    )


def test_extract_txt_jsonl_and_stdin(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text(ARTICLE, encoding="utf-8")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text(json.dumps({"id": "b1", "text": "The mayor said the bridge was safe.", "date": "2024-05-01"}) + "\n")
    result = onrecord("extract", str(txt), str(jsonl), "-", stdin="Ana Ruiz said she would run.".encode())
    assert result.returncode == 0, result.stderr
    articles = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [a["id"] for a in articles] == ["a", "b1", "stdin"]
    assert articles[0]["title"] == "Budget vote delayed"
    assert articles[0]["attributions"][0]["speaker"]["name"] == "Dana Whitfield"
    assert articles[1]["published"] == "2024-05-01"


def test_text_report_groups_by_speaker(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text(ARTICLE, encoding="utf-8")
    result = onrecord("extract", str(txt), "--format", "text")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "Dana Whitfield" in out and "“We need the audit first,”" in out


def test_bad_inputs_give_one_line_errors_and_the_rest_is_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02PNG\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9 said".encode("latin-1"))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "ok", "text": "Bo said yes."}\n{not json\n{"id": "no-text"}\n')
    missing = tmp_path / "missing.txt"
    result = onrecord("extract", str(binary), str(latin), str(missing), str(tmp_path / "nope"), str(good), str(broken))
    assert result.returncode == 1
    errors = result.stderr.decode().strip().splitlines()
    assert all(line.startswith("onrecord: error: ") for line in errors), errors
    assert any("binary.txt" in e for e in errors)
    assert any("latin.txt" in e for e in errors)
    assert any("missing.txt" in e for e in errors)
    assert any("broken.jsonl:2" in e for e in errors)
    assert "Traceback" not in result.stderr.decode()
    ids = [json.loads(line)["id"] for line in result.stdout.decode().splitlines()]
    assert ids == ["good", "ok"]


def test_a_directory_is_read_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    result = onrecord("extract", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "x"


def test_a_blank_file_is_reported_not_extracted(tmp_path):
    # A blank file is not an article: storing it would put an empty article in
    # the database (issue 5). The library still accepts "" (tests/test_fuzz.py).
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\n ", encoding="utf-8")
    result = onrecord("extract", str(empty), "-", stdin=b"")
    assert result.returncode == 1
    assert result.stdout == b""
    errors = result.stderr.decode().splitlines()
    assert errors[:2] == [
        f"onrecord: error: {empty}: no article text (the file is empty or blank)",
        "onrecord: error: <stdin>: no article text (the input is empty or blank)",
    ]


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the repository")
def test_eval_prints_table_and_json(tmp_path):
    table = onrecord("eval", str(SEED))
    assert table.returncode == 0, table.stderr
    assert "content  partial" in table.stdout.decode()
    as_json = json.loads(onrecord("eval", str(SEED), "--json").stdout)
    assert as_json["content"]["partial"]["recall"] == 100.0
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(onrecord("extract", str(SEED)).stdout.decode())
    from_file = json.loads(onrecord("eval", str(SEED), "--pred", str(predictions), "--json").stdout)
    assert from_file == as_json


@pytest.mark.slow
def test_five_megabyte_article_without_blank_lines(tmp_path):
    # one quotation in every ~240k characters: only the pieces holding one are parsed
    filler = "The committee met again on a rainy morning and reviewed the long tables of numbers. " * 3000
    paragraph = filler + "“The figures do not add up,” the treasurer said. "
    text = paragraph * (5_000_000 // len(paragraph) + 1)
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    result = onrecord("extract", str(big))
    assert result.returncode == 0, result.stderr[-500:]
    article = json.loads(result.stdout)
    assert len(article["text"]) >= 5_000_000
    assert len(article["attributions"]) >= 20
