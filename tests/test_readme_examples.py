"""The README's first commands, run on the README's own examples/, give the answers it implies."""

from __future__ import annotations

import json
import re
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


def test_the_readme_screenshots_are_there_and_small():
    """Each screenshot the README shows is a PNG in the repository (``make screenshots`` writes them)."""
    shown = re.findall(r"\]\((docs/screenshots/[^)]+)\)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(shown) >= 6
    assert all((ROOT / path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for path in shown)
    # Viewport shots, not whole pages: under 2 MB together.
    assert sum((ROOT / path).stat().st_size for path in set(shown)) < 2_000_000
