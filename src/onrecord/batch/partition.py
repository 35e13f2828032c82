"""The executor side: one input file's content to documents, one partition of documents to rows.

Both functions run inside Spark's Python workers. Reading goes through
``readers.read_content``, the entry ``onrecord extract`` and ``ingest`` read
through, so a file gives the same documents (and the same errors) everywhere.
A ``ReadError`` pickles (``errors.ReadError.__reduce__``), so it travels between
stages as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..attribution.strategy import DEFAULT_STRATEGY
from ..errors import OnrecordError, ReadError
from ..readers import Document, read_content
from .rows import error_row, result_row

# One Extractor per executor Python process and (model, strategy, tagger), kept across tasks.
_EXTRACTORS: dict[tuple[str | None, str, str | None], Any] = {}


def read_file(item: tuple[str, bytes]) -> Iterator[Document | ReadError]:
    """The documents of one ``binaryFiles`` item (URI, content); a ReadError item for the file when it fails."""
    uri, content = item
    try:
        yield from read_content(uri, content)
    except ReadError as error:
        yield error


def _extractor(model: str | None, strategy: str, tagger: str | None):
    key = (model, strategy, tagger)
    if key not in _EXTRACTORS:
        # Imported where it is used: spaCy and onnxruntime load in seconds, and
        # only a worker that extracts needs them (not the driver, nor a read stage).
        from ..extract import Extractor

        _EXTRACTORS[key] = Extractor(model, strategy=strategy, tagger=tagger)
    return _EXTRACTORS[key]


def _failed(error: dict[str, Any]) -> dict[str, Any]:
    return {"article": None, "attributions": [], "speakers": [], "error": error}


def extract_partition(
    items: Iterable[Document | ReadError],
    model: str | None = None,
    strategy: str = DEFAULT_STRATEGY,
    tagger: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Result records (``schemas()["result"]``) of one partition; never raises for one article."""
    extractor = None
    for item in items:
        if isinstance(item, ReadError):
            yield _failed(error_row(None, item.path, item.reason, "read"))
            continue
        if extractor is None:
            extractor = _extractor(model, strategy, tagger)
        try:
            yield result_row(item, extractor.extract_document(item))
        except Exception as error:  # ExtractionFailed, OnrecordError, or a bug in a row builder
            message = str(error) if isinstance(error, OnrecordError) else f"{type(error).__name__}: {error}"
            yield _failed(error_row(item.id, item.origin, message, "extract"))
