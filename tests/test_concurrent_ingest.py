"""Two ingests at once into one PostgreSQL database, meeting the same speakers in opposite orders.

Each article's transaction upserts its speakers' rows; two transactions taking
the same rows in opposite orders deadlock, and PostgreSQL aborts one of them.
That transaction must be run again, not lose its article.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from postgres_server import new_postgres_url

from onrecord.store import open_store

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PEOPLE = [f"{first} {last}" for first, last in zip(
    "Ana Ben Cleo Dev Eli Fay Gus Hana Ivo Jun Kai Lea".split(),
    "Ruiz Okafor Lind Patel Moreau Kim Berg Sato Horvat Chen Novak Costa".split(),
)]
ARTICLES = 40


def _write(folder: Path, people: list[str], tag: str) -> Path:
    folder.mkdir(parents=True)
    for n in range(ARTICLES):
        lines = [f"{name} said the {tag} plan number {n} was sound." for name in people]
        (folder / f"{tag}-{n:02d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _ingest(folders: list[Path], url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "onrecord.cli", "ingest", *map(str, folders), "--db", url,
         "--strategy", "rules", "--no-progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def _counts(url: str) -> tuple[int, int, int]:
    with open_store(url) as store:
        stats = store.stats()
        return stats["articles"], stats["attributions"], stats["speakers"]


def test_crossed_speakers_in_two_concurrent_ingests(postgres_server, tmp_path):
    forward = _write(tmp_path / "forward", PEOPLE, "harbor")
    backward = _write(tmp_path / "backward", PEOPLE[::-1], "school")
    concurrent = new_postgres_url(postgres_server)
    serial = new_postgres_url(postgres_server)
    with open_store(concurrent):
        pass  # the schema exists before the two race to use it
    runs = [_ingest([forward], concurrent), _ingest([backward], concurrent)]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err.decode()
    serial_run = _ingest([forward, backward], serial)
    _, err = serial_run.communicate(timeout=600)
    assert serial_run.returncode == 0, err.decode()
    assert _counts(concurrent) == _counts(serial)
    assert _counts(serial)[0] == 2 * ARTICLES
