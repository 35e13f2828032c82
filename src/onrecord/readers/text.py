"""Plain text and JSON Lines files, each optionally gzip-compressed (``.txt.gz``, ``.jsonl.gz``).

Text is UTF-8 (with or without a BOM) or UTF-16 with a BOM; anything else is
refused with a ``ReadError`` naming the file. A text file with no text in it
is not an article and is refused too, as is an HTML page with no article.

JSON Lines files are read line by line, in bytes: a bad byte, a broken line,
a line over ``MAX_LINE_BYTES`` or a record without a non-blank ``text`` costs
only its own line (reported as ``path:line``), and a truncated ``.jsonl.gz``
keeps every record before the cut.

Every reader takes the file's name (a path or URI: it names the file in errors
and gives the article id) and a binary stream, so a local file and the bytes a
Spark executor holds are read by the same code.
"""

from __future__ import annotations

import codecs
import itertools
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import PurePosixPath
from typing import BinaryIO

from ..errors import ReadError
from .document import Document

# A file whose first 8 KiB hold a NUL byte is binary, whatever its name says.
_SNIFF_BYTES = 8192
# A first line this short with no final punctuation is taken for a headline.
_MAX_HEADLINE_CHARS = 200
# What a gzip-compressed text file may expand to: far above any article, low
# enough that a gzip bomb (kilobytes expanding to gigabytes) fails cleanly.
MAX_GUNZIPPED_BYTES = 256 * 1024 * 1024
# A JSON Lines record longer than this is refused and its line skipped, so one
# runaway line (a file with no newlines, a bomb) cannot exhaust memory. The
# longest BBC or PolNeAR record is under 100 KB.
MAX_LINE_BYTES = 64 * 1024 * 1024
# A text file is one article: the same limit as one JSON line.
MAX_ARTICLE_BYTES = MAX_LINE_BYTES
# Bytes read (and decompressed) at a time.
_CHUNK_BYTES = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)

__all__ = [
    "MAX_GUNZIPPED_BYTES", "MAX_LINE_BYTES", "decode", "file_stem", "read_all", "read_jsonl", "read_txt",
    "split_headline",
]


def decode(path: str | os.PathLike[str], data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; refuse binary data."""
    if data.startswith(_UTF32_BOMS):
        # checked first: the UTF-32-LE BOM starts with the UTF-16-LE one
        raise ReadError(str(path), "UTF-32 text is not supported (convert it to UTF-8)")
    if data.startswith(_UTF16_BOMS):
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


def base_name(name: str) -> str:
    """The last part of a path or URI (``s3a://b/k/story.txt.gz`` -> ``story.txt.gz``)."""
    return PurePosixPath(name.rstrip("/")).name


def is_gzip(name: str) -> bool:
    return name.lower().endswith(".gz")


def file_stem(name: str) -> str:
    """The file name without its format suffix: ``dir/story.txt.gz`` -> ``story``."""
    base = base_name(name)
    return PurePosixPath(base[:-3] if is_gzip(base) else base).stem


def _file_chunks(name: str, stream: BinaryIO) -> Iterator[bytes]:
    try:
        while chunk := stream.read(_CHUNK_BYTES):
            yield chunk
    except OSError as error:
        raise ReadError(name, error.strerror or str(error)) from error


def _gunzipped_chunks(name: str, stream: BinaryIO) -> Iterator[bytes]:
    """The decompressed data of a gzip file (all its members), at most _CHUNK_BYTES at a time.

    Everything before damage is yielded first, then a ReadError is raised: a
    truncated ``.jsonl.gz`` keeps its complete records (GzipFile raises
    EOFError from a read and drops what that read had decompressed). Output is
    bounded per step, so a gzip bomb is caught by the caller's size limit.
    """
    decompressor = None
    for chunk in _file_chunks(name, stream):
        while chunk:
            if decompressor is None:
                if not chunk.startswith(_GZIP_MAGIC[: len(chunk)]):
                    raise ReadError(name, f"not a gzip file (it starts with {chunk[:4]!r})")
                decompressor = zlib.decompressobj(wbits=31)
            while True:
                try:
                    data = decompressor.decompress(chunk, _CHUNK_BYTES)
                except zlib.error as error:
                    raise ReadError(name, f"corrupt gzip data ({error})") from error
                if data:
                    yield data
                if decompressor.eof:
                    # a new gzip member may follow the end of this one
                    chunk, decompressor = decompressor.unused_data, None
                    break
                chunk = decompressor.unconsumed_tail
                if not chunk and len(data) < _CHUNK_BYTES:
                    break  # all input consumed and all output out: read more
    if decompressor is not None:
        raise ReadError(name, "truncated gzip file (it ends inside the compressed data)")


def _chunks(name: str, stream: BinaryIO) -> Iterator[bytes]:
    return _gunzipped_chunks(name, stream) if is_gzip(name) else _file_chunks(name, stream)


def read_all(name: str, stream: BinaryIO) -> bytes:
    """The whole content of a one-article file, decompressed when its name ends in ``.gz``."""
    mib = 1024 * 1024
    if is_gzip(name):
        limit, too_large = MAX_GUNZIPPED_BYTES, f"expands to more than {MAX_GUNZIPPED_BYTES // mib} MiB"
    else:
        limit, too_large = MAX_ARTICLE_BYTES, f"larger than {MAX_ARTICLE_BYTES // mib} MiB: too large for one article"
    data = bytearray()
    for chunk in _chunks(name, stream):
        data += chunk
        if len(data) > limit:
            raise ReadError(name, too_large)
    return bytes(data)


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


def read_txt(name: str, stream: BinaryIO) -> Iterator[Document]:
    """The one article of a text file; ReadError when it is unreadable or holds no text."""
    text = decode(name, read_all(name, stream))
    if not text.strip():
        raise ReadError(name, "no article text (the file is empty or blank)")
    title, text = split_headline(text)
    yield Document(text=text, id=file_stem(name), title=title, origin=name)


def _too_long(name: str, number: int) -> ReadError:
    return ReadError(f"{name}:{number}", f"line longer than {MAX_LINE_BYTES:,} bytes")


def _raw_lines(name: str, chunks: Iterator[bytes], *, complete: bool = True) -> Iterator[tuple[int, bytes | ReadError]]:
    """Numbered lines split on b"\\n", with a ReadError in place of a line over MAX_LINE_BYTES.

    A last line with no newline is kept only when the data is ``complete``
    (not cut short by a truncated file).
    """
    number = 0
    pending = bytearray()
    runaway = False  # inside a line already reported as too long
    for chunk in chunks:
        pending += chunk
        start = 0
        while (cut := pending.find(b"\n", start)) >= 0:
            line, start = bytes(pending[start : cut + 1]), cut + 1
            if runaway:
                runaway = False  # the end of the line reported as too long
                continue
            number += 1
            yield number, line if len(line) <= MAX_LINE_BYTES else _too_long(name, number)
        del pending[:start]  # once per chunk: deleting per line would be quadratic
        if len(pending) > MAX_LINE_BYTES and not runaway:
            number += 1
            yield number, _too_long(name, number)
            runaway = True
        if runaway:
            pending.clear()
    if pending and not runaway and complete:
        yield number + 1, bytes(pending)


def _lines(name: str, stream: BinaryIO) -> Iterator[tuple[int, str | ReadError]]:
    """Numbered lines, each decoded on its own so a bad byte costs only its line.

    Lines are split on b"\\n" only: ``str.splitlines`` would also split on
    U+2028, U+0085 and \\x1c-\\x1e, which JSON allows raw inside strings.
    """
    chunks = _chunks(name, stream)
    head = b""
    damage: ReadError | None = None  # a truncated file: report it after its whole lines
    try:
        for chunk in chunks:
            head += chunk
            if len(head) >= _SNIFF_BYTES:
                break
    except ReadError as error:
        damage, chunks = error, iter(())
    if head.startswith(_UTF16_BOMS + _UTF32_BOMS):
        # UTF-16 is rare here and cannot be split in bytes: decode the whole file
        if damage:
            raise damage
        text = decode(name, head + b"".join(chunks))
        yield from enumerate(text.split("\n"), start=1)
        return
    if b"\x00" in head[:_SNIFF_BYTES]:
        raise ReadError(name, "binary file, not text")
    lines = _raw_lines(name, itertools.chain([head], chunks), complete=damage is None)
    for number, line in lines:
        if isinstance(line, ReadError):
            yield number, line
            continue
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        try:
            yield number, line.decode("utf-8")
        except UnicodeDecodeError as error:
            yield number, ReadError(f"{name}:{number}", f"not UTF-8 text (bad byte at offset {error.start} of the line)")
    if damage:
        raise damage


def read_jsonl(name: str, stream: BinaryIO) -> Iterator[Document | ReadError]:
    """One article per line: `id`, `text`, optional `title`, `date`/`published`, `url`, `outlet`.

    A record without ``id`` gets ``<file stem>-<line number>``; a record without
    a non-blank ``text`` string is reported and skipped.
    """
    for number, line in _lines(name, stream):
        if isinstance(line, ReadError):
            yield line
            continue
        if not line.strip():
            continue
        origin = f"{name}:{number}"
        try:
            document = Document.from_record(json.loads(line), origin=origin)
        except (json.JSONDecodeError, ValueError, TypeError) as error:
            # One broken line is reported; the rest of the file is still read.
            yield ReadError(origin, f"bad JSON Lines record: {error}")
            continue
        if not document.text.strip():
            yield ReadError(origin, "bad JSON Lines record: 'text' is blank")
            continue
        if document.id is None:
            document = replace(document, id=f"{file_stem(name)}-{number}")
        yield document
