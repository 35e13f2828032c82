"""Readers turn files into ``Document`` records: one function per format, one entry.

``read_content(name, content)`` is the entry everything reads through (the CLI's
``extract``, ``ingest`` and the Spark job's executors): a file's content, as
bytes or an open binary stream, and its name (a path or URI, whose suffix picks
the format, ``.gz`` included). It yields a ``Document`` for every article, and a
``ReadError`` item for a broken record inside the file (a bad JSON line, a bad
WARC record); it raises ``ReadError`` naming the file when the file itself
cannot be read. ``read_path(path)`` opens a local file for it;
``iter_documents(paths)`` wraps that for a batch, yielding ``Document`` or
``ReadError`` items so one bad file never stops a run.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import ReadError
from .document import Document
from .html import read_html
from .text import read_jsonl, read_txt
from .warc import read_warc

__all__ = ["Document", "SUFFIXES", "iter_documents", "read_content", "read_path", "readable"]

# Longest first, so ".warc.gz" wins over ".gz" endings of other formats.
_READERS = {
    ".warc.gz": read_warc,
    ".jsonl.gz": read_jsonl,
    ".html.gz": read_html,
    ".txt.gz": read_txt,
    ".htm.gz": read_html,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".warc": read_warc,
    ".txt": read_txt,
    ".htm": read_html,
}
# The file names a directory is searched for (any other name given explicitly is read as text).
SUFFIXES = tuple(_READERS)


def readable(name: str) -> bool:
    """Whether a file of this name is read when found in a directory."""
    return name.lower().endswith(SUFFIXES)


def read_content(name: str, content: bytes | BinaryIO) -> Iterator[Document | ReadError]:
    """Yield the documents in one file's content; raise ReadError naming it when it can't be read.

    Args:
        name: the file's path or URI: its suffix picks the reader (unknown: plain
            text), its stem is the id of a text or HTML article, and it starts
            every ``Document.origin`` and error message.
        content: the bytes, or a binary stream (seekable for HTML and WARC).
    """
    stream = io.BytesIO(content) if isinstance(content, bytes) else content
    lowered = name.lower()
    reader = next((r for suffix, r in _READERS.items() if lowered.endswith(suffix)), read_txt)
    yield from reader(name, stream)


def read_path(path: str | os.PathLike[str]) -> Iterator[Document | ReadError]:
    """Yield the documents in one local file; raise ReadError naming it when it can't be read."""
    p = Path(path)
    if str(path) == "-":
        raise ReadError("-", "stdin is read by the CLI, not by read_path")
    if not p.exists():
        raise ReadError(str(path), "no such file")
    if p.is_dir():
        raise ReadError(str(path), "is a directory")
    if not p.is_file():
        # Opening a FIFO blocks until a writer comes; /dev/zero never ends.
        raise ReadError(str(path), "not a regular file (a FIFO, device or socket)")
    try:
        stream = p.open("rb")
    except OSError as error:
        raise ReadError(str(path), error.strerror or str(error)) from error
    with stream:
        yield from read_content(_printable_name(path), stream)


def _printable_name(path: str | os.PathLike[str]) -> str:
    """The path as text that can be stored and printed: bytes that were not UTF-8 as \\xNN.

    A file name is bytes; Python keeps the undecodable ones as lone surrogates,
    which no database or terminal accepts. The name becomes the article's id and
    origin, so it is spelled out instead (caf\\xe9.txt).
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def iter_documents(
    paths: Iterable[str | os.PathLike[str]], *, recursive: bool = False
) -> Iterator[Document | ReadError]:
    """Documents of many paths, with a ReadError item in place of each unreadable file."""
    for path in paths:
        p = Path(path)
        if recursive and p.is_dir():
            yield from iter_documents(_files_under(p))
            continue
        try:
            yield from read_path(p)
        except ReadError as error:
            yield error


def _files_under(folder: Path) -> list[Path]:
    """The files of a folder (recursively) that a reader knows, in a stable order."""
    return sorted(f for f in folder.rglob("*") if f.is_file() and readable(f.name))


def count_documents(paths: Iterable[str | os.PathLike[str]], *, recursive: bool = False) -> int | None:
    """How many documents ``iter_documents`` will yield, when that is cheap to know; else None.

    For a progress bar's total and ETA: a text or HTML file is one article and
    a plain JSON Lines file one per line (counted in bytes, not parsed). A WARC
    or a compressed JSON Lines file would have to be read whole to count, so
    its presence makes the total unknown.
    """
    total = 0
    for path in paths:
        p = Path(path)
        if recursive and p.is_dir():
            found = count_documents(_files_under(p))
            if found is None:
                return None
            total += found
            continue
        name = p.name.lower()
        if name.endswith((".warc", ".warc.gz", ".jsonl.gz")):
            return None
        if name.endswith(".jsonl"):
            try:
                total += _count_lines(p)
            except OSError:
                total += 1  # unreadable: it will be reported, as one item
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    if not path.is_file():  # a FIFO or device: read_path refuses it as one item
        return 1
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines
