"""The README's first commands, run on the README's own examples/, give the answers it implies."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from onrecord.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_ingest_then_search_the_examples(tmp_path):
    url = str(tmp_path / "examples.db")
    ingested = CliRunner().invoke(main, ["ingest", str(ROOT / "examples"), "--db", url, "--no-progress"])
    assert ingested.exit_code == 0, ingested.output
    found = CliRunner().invoke(main, ["search", "audit", "--speaker", "Whitfield", "--db", url, "--format", "jsonl"])
    assert found.exit_code == 0, found.output
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert hits and all(hit["speaker_name"] == "Dana Whitfield" for hit in hits)
    assert any("audit" in hit["content"] for hit in hits)
