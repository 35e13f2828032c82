"""Downloads of a whole filtered search as CSV or JSON Lines, streamed a page at a time.

The rows are read through ``Store.search_quotes`` with its keyset cursor, one
page of ``DOWNLOAD_PAGE`` hits per call, so memory stays flat however many rows
there are, and each call borrows a pooled connection only while it runs (a
slow client never holds one). The first page is read before the response
starts, so a bad filter is still a 400 rather than a broken 200.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from fastapi.responses import StreamingResponse

from ..store.export import ROW_FIELDS, safe_cell
from ..store.queries import MAX_LIMIT
from ..store.shapes import QuotePage

# Hits per store call while streaming: the store's largest page, few round trips.
DOWNLOAD_PAGE = MAX_LIMIT

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    # JSON Lines has no registered type; NDJSON's is what clients recognise.
    "jsonl": "application/x-ndjson; charset=utf-8",
}

def search_hits(store: Any, q: str | None, **filters: Any) -> Iterator[list[dict[str, Any]]]:
    """Every hit of a search, a page at a time, in the search's own order.

    The first page is read now (so a bad filter raises here); later pages as
    the iterator is consumed.
    """
    first: QuotePage = store.search_quotes(q, **filters, limit=DOWNLOAD_PAGE, total=False)

    def pages() -> Iterator[list[dict[str, Any]]]:
        page = first
        while True:
            yield page["items"]
            if page["next_cursor"] is None:
                return
            page = store.search_quotes(q, **filters, limit=DOWNLOAD_PAGE, cursor=page["next_cursor"], total=False)

    return pages()


def _csv_chunks(pages: Iterator[list[dict[str, Any]]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ROW_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for hits in pages:
        for hit in hits:
            writer.writerow({name: safe_cell(hit[name]) for name in ROW_FIELDS})
        yield buffer.getvalue()  # the first page's chunk starts with the header, even with no hits
        buffer.seek(0)
        buffer.truncate()


def _jsonl_chunks(pages: Iterator[list[dict[str, Any]]]) -> Iterator[str]:
    for hits in pages:
        yield "".join(json.dumps(hit, ensure_ascii=False) + "\n" for hit in hits)


def download(fmt: str, pages: Iterator[list[dict[str, Any]]], name: str) -> StreamingResponse:
    """A streamed attachment ``name.fmt`` of ``pages`` of hits (``fmt``: csv or jsonl)."""
    chunks = _csv_chunks(pages) if fmt == "csv" else _jsonl_chunks(pages)
    return StreamingResponse(
        (chunk.encode("utf-8") for chunk in chunks if chunk),
        media_type=FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )
