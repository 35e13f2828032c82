"""``onrecord ingest`` with a one-rule stand-in extractor, for the fault tests.

Run as ``python tests/fault_ingest.py ingest FOLDER --db URL --no-progress``: the
real click command, ingest loop and store, with only the extractor replaced by
``server_fixtures.RuleExtractor`` (``"…," said Name``). The fault tests kill,
starve and interrupt this process; what they check is the store's behaviour,
so the extractor needs to be fast and predictable, not accurate: the articles
of ``write_articles`` carry their attribution count in their id
(``q017-n3`` holds exactly 3), so a reader can tell a complete article from a
partial one.

``FAULT_INGEST_DELAY_S`` in the environment makes each extraction take that many
seconds, as the real extractor takes tens of milliseconds per article, so that
concurrent readers and faults overlap the run instead of landing after it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server_fixtures import RuleExtractor  # noqa: E402

from onrecord.model import Article  # noqa: E402
from onrecord.readers import Document  # noqa: E402

SPEAKERS = ["Lena Ortiz", "Tomas Reyes", "Ana Wu", "Piotr Nowak", "Greta Lind", "Omar Haddad", "Ines Costa"]
# Attributions per article cycle through 1..MAX_PER_ARTICLE.
MAX_PER_ARTICLE = 6
# A quote every third article repeats word for word, so the quotes table merges occurrences.
SHARED_QUOTE = "The harbour stays open"


def attributions_in(i: int) -> int:
    """How many attributions article ``i`` holds."""
    return 1 + i % MAX_PER_ARTICLE


def article_id(i: int) -> str:
    return f"q{i:03d}-n{attributions_in(i)}"


def expected_count(article_id: str) -> int:
    """The attribution count an article id promises (``q017-n3`` -> 3)."""
    return int(article_id.rsplit("-n", 1)[1])


def dossier(i: int) -> str:
    """A word only article ``i`` contains, to search for its attributions alone."""
    return f"dz{i:04d}"


def dossier_quotes(i: int) -> int:
    """How many of article ``i``'s quotes contain its ``dossier`` word (all but the shared quote)."""
    return attributions_in(i) - (1 if i % 3 == 0 else 0)


def article_text(i: int, filler: int = 0) -> str:
    """Article ``i``: a title, ``attributions_in(i)`` quoted paragraphs and ``filler`` plain ones."""
    lines = [f"Harbour board, dossier {i}", ""]
    for k in range(attributions_in(i)):
        speaker = SPEAKERS[(i + k) % len(SPEAKERS)]
        if k == 0 and i % 3 == 0:
            quote = SHARED_QUOTE
            lines.append(f'Dossier {dossier(i)} was read out. "{quote}," said {speaker}.')
        else:
            lines.append(f'"Point {k} of dossier {dossier(i)} is settled," said {speaker} on Tuesday.')
        lines.append("")
    for p in range(filler):
        lines.append(f"The board met in room {p} of the harbour building and read the minutes of dossier {i} aloud.")
        lines.append("")
    return "\n".join(lines)


def write_articles(folder: Path, count: int, *, start: int = 0, filler: int = 0) -> Path:
    """Articles ``start`` .. ``start + count - 1`` as .txt files named by their ids."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        (folder / f"{article_id(i)}.txt").write_text(article_text(i, filler), encoding="utf-8")
    return folder


class RulePipe(RuleExtractor):
    """The rule extractor behind the ``Extractor`` interface that ``ingest`` uses."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.delay = float(os.environ.get("FAULT_INGEST_DELAY_S") or 0)

    def pipe(self, records: Iterable[Any], *, errors: str = "raise") -> Iterator[Article]:
        for record in records:
            document = Document.from_record(record)
            if self.delay:
                time.sleep(self.delay)
            yield self.extract(
                document.text, id=document.id, title=document.title, published=document.published,
                url=document.url, outlet=document.outlet,
            )


def main() -> None:
    import onrecord.ingest
    from onrecord.cli import main as cli

    onrecord.ingest.Extractor = RulePipe  # type: ignore[misc,assignment]
    cli(prog_name="onrecord")


if __name__ == "__main__":
    main()
