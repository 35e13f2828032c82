"""Ingest: read article files, extract attributions, store each article in its own transaction.

Because every article is committed whole or not at all, and articles dedupe on
the hash of their normalized text, an ingest killed at any moment (Ctrl-C,
``kill -9``) and run again ends with exactly what one uninterrupted run stores.
Articles already stored are skipped before extraction, so a resumed run is fast.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from tqdm import tqdm

from .attribution import DEFAULT_STRATEGY
from .errors import InvalidAliases, ReadError
from .extract import ExtractionFailed, Extractor
from .readers import Document, count_documents, iter_documents
from .store import Store
from .store.identity import Aliases
from .store.normalize import text_hash

__all__ = ["IngestSummary", "ingest"]


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What an ingest did.

    ``read``: documents read; ``added``: newly stored; ``duplicates``: already
    stored (same normalized text); ``failed``: documents the extractor failed on;
    ``skipped``: ``"path: reason"`` for each file or record that could not be read;
    ``attributions``: attributions in the newly stored articles.
    """

    read: int
    added: int
    duplicates: int
    failed: tuple[str, ...]
    skipped: tuple[str, ...]
    attributions: int
    seconds: float

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        parts = [
            f"{self.read} articles read",
            f"{self.added} added",
            f"{self.duplicates} already stored",
            f"{self.attributions} attributions",
        ]
        if self.skipped:
            parts.append(f"{len(self.skipped)} unreadable skipped")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts) + f" in {self.seconds:.1f}s ({self.rate:.1f} articles/s)"


def read_aliases(path: str | os.PathLike[str]) -> Aliases:
    """The rules of an alias file (UTF-8); InvalidAliases naming the file when unreadable or malformed."""
    try:
        with open(path, encoding="utf-8-sig") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidAliases(f"{os.fspath(path)}: cannot read the alias file: {error}") from error
    return Aliases.parse(text, os.fspath(path))


class _Tally:
    """Mutable counters while the ingest runs; frozen into an IngestSummary at the end."""

    def __init__(self) -> None:
        self.read = self.added = self.duplicates = self.attributions = 0
        # texts skipped before extraction (already stored): done as soon as read
        self.known_before_extraction = 0
        self.failed: list[str] = []
        self.skipped: list[str] = []


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    n_process: int = 1,
    progress: bool = True,
    strategy: str = DEFAULT_STRATEGY,
    tagger: str | None = None,
    extractor: Extractor | None = None,
    report: Callable[[str], None] | None = None,
    aliases: str | os.PathLike[str] | None = None,
) -> IngestSummary:
    """Read, extract and store every article under ``paths`` (files and directories, recursively).

    Args:
        paths: files (.txt, .jsonl, .html, .warc, …) and directories.
        store: where the articles go.
        n_process: extraction worker processes.
        progress: show a progress bar on stderr (articles/s, quotes found).
        strategy: ``learned`` or ``rules`` (``onrecord.attribution.strategy``).
        tagger: a model directory from ``onrecord train`` instead of the shipped one.
        extractor: an Extractor to use instead of a new one (its n_process is kept).
        report: called with a one-line message for each unreadable file or failed document.
        aliases: a speaker alias file (format: ``onrecord.store.identity.Aliases``),
            kept by the store for later ingests; when it differs from the one
            kept, the speakers already stored are re-keyed with it first. None
            keeps the store's.

    Returns:
        The counts, with the names of skipped files.

    Raises:
        InvalidAliases: the alias file cannot be read or does not follow the format (nothing is ingested).
        StoreError: the database failed (what was committed stays committed).
    """
    started = time.monotonic()
    paths = list(paths)  # walked twice: once to count (the progress bar's total), once to read
    if aliases is not None:
        store.set_aliases(read_aliases(aliases))
    tally = _Tally()
    known = store.known_text_hashes()
    # Documents handed to the extractor, in order: its results come back in the
    # same order, so the head of this queue is the document of each result.
    pending: deque[Document] = deque()
    unreported: deque[str] = deque()

    def documents() -> Iterator[Document]:
        # May run in the worker pool's feeder thread: touch only thread-safe deques
        # and the `known` set (which only this generator writes).
        for item in iter_documents(paths, recursive=True):
            if isinstance(item, ReadError):
                unreported.append(str(item))
                continue
            tally.read += 1
            digest = text_hash(item.text)
            if digest in known:
                tally.duplicates += 1
                tally.known_before_extraction += 1
                continue
            known.add(digest)
            pending.append(item)
            yield item

    extractor = extractor or Extractor(strategy=strategy, tagger=tagger, n_process=n_process)
    bar = tqdm(
        total=count_documents(paths, recursive=True) if progress else None,
        unit="article", disable=not progress, file=sys.stderr, dynamic_ncols=True, desc="ingest",
    )

    def flush_reports() -> None:
        while unreported:
            message = unreported.popleft()
            tally.skipped.append(message)
            bar.update(1)
            if report:
                report(message)

    shown_known = 0

    def show_known() -> None:
        nonlocal shown_known
        # the bar counts every input item, so its total and ETA hold on a rerun
        known_now = tally.known_before_extraction
        bar.update(known_now - shown_known)
        shown_known = known_now

    try:
        for result in extractor.pipe(documents(), errors="yield"):
            document = pending.popleft()
            flush_reports()
            if isinstance(result, ExtractionFailed):
                tally.failed.append(str(result))
                if report:
                    report(str(result))
            elif store.add_article(result, author=document.author).added:
                tally.added += 1
                tally.attributions += len(result.attributions)
            else:
                tally.duplicates += 1
            bar.update(1)
            show_known()
            bar.set_postfix(quotes=tally.attributions, refresh=False)
        flush_reports()
        show_known()
        # the total was an estimate (blank lines, records without text): end on what was done
        bar.total = bar.n
    finally:
        bar.close()
    return IngestSummary(
        read=tally.read,
        added=tally.added,
        duplicates=tally.duplicates,
        failed=tuple(tally.failed),
        skipped=tuple(tally.skipped),
        attributions=tally.attributions,
        seconds=time.monotonic() - started,
    )
