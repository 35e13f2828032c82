"""Plain text and JSON Lines files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import ReadError
from .document import Document

# A file whose first 8 KiB hold a NUL byte is binary, whatever its name says.
_SNIFF_BYTES = 8192
# A first line this short with no final punctuation is taken for a headline.
_MAX_HEADLINE_CHARS = 200


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; refuse binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ReadError(str(path), f"invalid UTF-16 at byte {error.start}") from error
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise ReadError(str(path), "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(str(path), f"not UTF-8 text (bad byte at offset {error.start})") from error


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ReadError(str(path), error.strerror or str(error)) from error


def split_headline(text: str) -> tuple[str | None, str]:
    """Return (headline, text) when the first line looks like a headline followed by a blank line.

    The text is left whole so offsets index exactly what the file holds; the
    headline is only reported as the title.
    """
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if sep and rest.startswith(("\n", "\r\n")) and 0 < len(first) <= _MAX_HEADLINE_CHARS:
        return first, text
    return None, text


def read_txt(path: Path) -> Iterator[Document]:
    text = decode(path, read_bytes(path))
    title, text = split_headline(text)
    yield Document(text=text, id=path.stem, title=title, origin=str(path))


def read_jsonl(path: Path) -> Iterator[Document | ReadError]:
    """One article per line: `id`, `text`, optional `title`, `date`/`published`, `url`, `outlet`."""
    text = decode(path, read_bytes(path))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            record = json.loads(line)
            document = Document.from_record(record, origin=origin)
        except (json.JSONDecodeError, ValueError, TypeError) as error:
            # One broken line is reported; the rest of the file is still read.
            yield ReadError(origin, f"bad JSON Lines record: {error}")
            continue
        if document.id is None:
            document = Document.from_record({**record, "id": f"{path.stem}-{number}"}, origin=origin)
        yield document
