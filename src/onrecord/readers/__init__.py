"""Readers turn files into ``Document`` records: one function per format, one dispatcher.

``read_path(path)`` yields a ``Document`` for every article in a file, and a
``ReadError`` item for a broken record inside it (a bad JSON line, a bad WARC
record); it raises ``ReadError`` naming the file when the file itself cannot be read. ``iter_documents(paths)`` wraps that for a batch:
it yields ``Document`` or ``ReadError`` items so one bad file never stops a run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ReadError
from .document import Document
from .html import read_html
from .text import read_jsonl, read_txt
from .warc import read_warc

__all__ = ["Document", "read_path", "iter_documents", "SUFFIXES"]

_READERS = {
    ".txt": read_txt,
    ".txt.gz": read_txt,
    ".jsonl": read_jsonl,
    ".jsonl.gz": read_jsonl,
    ".html": read_html,
    ".html.gz": read_html,
    ".htm": read_html,
    ".htm.gz": read_html,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}
SUFFIXES = tuple(_READERS)


def register(suffix: str, reader) -> None:
    """Register a reader for a file suffix (used by the html and warc readers)."""
    _READERS[suffix] = reader


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(_READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def read_path(path: str | os.PathLike[str]) -> Iterator[Document | ReadError]:
    """Yield the documents in one file; raise ReadError naming it when it can't be read."""
    p = Path(path)
    if str(path) == "-":
        raise ReadError("-", "stdin is read by the CLI, not by read_path")
    if not p.exists():
        raise ReadError(str(path), "no such file")
    if p.is_dir():
        raise ReadError(str(path), "is a directory")
    reader = _READERS.get(_suffix(p), read_txt)
    yield from reader(p)


def iter_documents(
    paths: Iterable[str | os.PathLike[str]], *, recursive: bool = False
) -> Iterator[Document | ReadError]:
    """Documents of many paths, with a ReadError item in place of each unreadable file."""
    for path in paths:
        p = Path(path)
        if recursive and p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and _suffix(f) in _READERS)
            yield from iter_documents(files)
            continue
        try:
            yield from read_path(p)
        except ReadError as error:
            yield error
