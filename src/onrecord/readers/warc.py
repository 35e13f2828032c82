"""WARC files (plain or per-record gzip): one Document per HTML response record.

Only ``response`` records with a 2xx HTTP status and an HTML content type are
read; their pages go through trafilatura (``readers.html``). The record's
``WARC-Target-URI`` is the document URL, its ``WARC-Record-ID`` the document id,
and its ``WARC-Date`` the publication date when the page states none.

A broken record, a page trafilatura fails on or a truncated gzip member yields
a ``ReadError`` item instead of stopping: on a seekable file the reader skips
to the next record (the next gzip member, or the next ``WARC/`` header line in
an uncompressed file) and goes on, so one damaged record costs only itself.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, BinaryIO

from ..errors import ReadError
from .document import Document
from .html import MAX_HTML_BYTES, document_from_html

__all__ = ["documents_from_warc_stream", "read_warc"]

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
# Bytes read at a time while looking for the next record after a broken one.
_SCAN_CHUNK = 1 << 20
# A file this damaged is given up on: each resync rescans from the failure.
MAX_RESYNCS = 1000

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _record_id(value: str | None) -> str | None:
    """``<urn:uuid:1234…>`` → ``1234…``."""
    if not value:
        return None
    value = value.strip().strip("<>")
    return value.removeprefix("urn:uuid:") or None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _page(payload: bytes, content_type: str) -> bytes | str:
    """The page as str when the HTTP header names a charset that decodes it, else bytes."""
    charset = _charset(content_type)
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # let trafilatura detect the encoding
    return payload


def _find(fileobj: IO[bytes], pattern: bytes, start: int) -> int | None:
    """Offset of the first ``pattern`` at or after ``start``, or None."""
    fileobj.seek(start)
    position = start
    tail = b""
    while True:
        chunk = fileobj.read(_SCAN_CHUNK)
        if not chunk:
            return None
        data = tail + chunk
        found = data.find(pattern)
        if found >= 0:
            return position - len(tail) + found
        tail = data[-(len(pattern) - 1) :]
        position += len(chunk)


def _document(record, origin: str) -> Document | ReadError | None:
    """The Document of one WARC record, None when it is not an HTML page, or a ReadError."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not content_type.startswith(_HTML_TYPES):
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    date = headers.get_header("WARC-Date")
    try:
        payload = record.content_stream().read(MAX_HTML_BYTES + 1)
    except (OSError, EOFError, ValueError, zlib.error) as error:
        return ReadError(origin, f"cannot read the record's payload: {type(error).__name__}: {error}")
    try:
        return document_from_html(
            _page(payload, content_type),
            url=url,
            origin=origin,
            id=_record_id(headers.get_header("WARC-Record-ID")),
            published=date[:10] if date else None,
        )
    except ReadError as error:
        return error


def documents_from_warc_stream(fileobj: IO[bytes], origin: str) -> Iterator[Document | ReadError]:
    """Documents of the HTML responses in a WARC stream, ReadError items for broken records.

    Args:
        fileobj: a binary file object; when it is seekable, reading resumes
            after a damaged record.
        origin: the file name or URI, used in ``Document.origin`` (``origin@offset``)
            and error messages.
    """
    from warcio.archiveiterator import ArchiveIterator

    try:
        seekable = fileobj.seekable()
        start = fileobj.tell() if seekable else 0
    except (OSError, AttributeError):
        seekable, start = False, 0
    magic = _GZIP_MAGIC
    if seekable:
        head = fileobj.read(len(_GZIP_MAGIC))
        fileobj.seek(start)
        magic = _GZIP_MAGIC if head.startswith(_GZIP_MAGIC[:2]) else _WARC_MAGIC
    reported = False  # one ReadError per damaged stretch, not one per resync
    for _ in range(MAX_RESYNCS):
        attempt = fileobj.tell() if seekable else 0
        iterator = ArchiveIterator(fileobj)
        records = iter(iterator)
        while True:
            try:
                record = next(records)
                offset = iterator.offset
                item = _document(record, f"{origin}@{offset}")
                iterator.read_to_end()  # a truncated record is only seen once drained
            except StopIteration:
                return
            except Exception as error:  # warcio, zlib and gzip raise many types on damage
                # warcio's offset can point before the damage (or below 0 on
                # garbage); resuming strictly after the attempt's start always progresses.
                failed_at = max(iterator.offset, attempt)
                if not reported:
                    yield ReadError(
                        f"{origin}@{failed_at}",
                        f"broken WARC record or truncated file: {type(error).__name__}: {error}".strip(),
                    )
                    reported = True
                break
            missing = getattr(record.raw_stream, "limit", 0)
            if missing > 0:
                # zlib returns what it has of a cut gzip member without complaint.
                if not reported:
                    yield ReadError(f"{origin}@{offset}", f"truncated WARC record: {missing} bytes missing")
                reported = True
                continue
            reported = False
            if item is not None:
                yield item
        if not seekable:
            return
        resume = _find(fileobj, magic, failed_at + 1)
        if resume is None:
            return
        fileobj.seek(resume)
    yield ReadError(origin, f"gave up after {MAX_RESYNCS} damaged records")



def read_warc(name: str, stream: BinaryIO) -> Iterator[Document | ReadError]:
    """Documents of the HTML responses in one ``.warc`` or ``.warc.gz`` file (warcio reads the gzip)."""
    yield from documents_from_warc_stream(stream, name)
