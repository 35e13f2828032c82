"""HTML pages: trafilatura finds the article (text, title, author, date, outlet).

The text keeps one paragraph per block element (paragraph, heading, list item,
table row) separated by blank lines, so ``text.paragraph_spans`` sees the same
paragraphs the page had. A page with no article text gives no document.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import ReadError
from .document import Document
from .text import file_stem, is_gzip, read_all

# Pages larger than this are refused rather than parsed: the largest news pages
# in CC-NEWS samples (inline scripts and base64 images included) stay under
# 5 MiB, and lxml's memory use grows about tenfold over the input size.
# trafilatura's time grows with the number of elements: a 15 MiB page of
# 200,000 paragraphs took 39 s on the shared 2-core machine, the worst case
# this limit allows; a larger page is refused before it is read.
MAX_HTML_BYTES = 16 * 1024 * 1024
# libxml2 (under lxml, under trafilatura) stops building the tree at this
# depth, so text nested deeper is silently lost.
LIBXML2_MAX_DEPTH = 256
# Main text shorter than this is not an article: on a page without one,
# trafilatura falls back to the whole body and returns menu words ("Home",
# "Sign in | Subscribe"); the shortest news brief is a sentence of 40+ characters.
# (It was 25, and "Home | Sign in | Subscribe", 26, was stored as an article.)
MIN_TEXT_CHARS = 40

__all__ = ["MAX_HTML_BYTES", "MIN_TEXT_CHARS", "document_from_html", "read_html"]


def _size(html: bytes | str) -> int:
    return len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "surrogatepass"))


def _too_large(size: int) -> str:
    mib = 1024 * 1024
    return f"HTML page too large: {size / mib:.1f} MiB, larger than the {MAX_HTML_BYTES // mib} MiB limit"


def _too_deep(html: bytes | str) -> bool:
    """Whether libxml2 gave up on the page's nesting (its depth limit), losing what lay below."""
    from lxml import etree

    parser = etree.HTMLParser(recover=True)
    try:
        etree.fromstring(html, parser)
    except (etree.LxmlError, ValueError):
        return False
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def _paragraphs(text: str) -> str:
    """One paragraph per non-empty line of trafilatura's text, separated by blank lines."""
    lines = (line.strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _drop_title(text: str, title: str | None) -> str:
    """Remove a first paragraph that only repeats the title (it is reported as ``title``)."""
    if not title:
        return text
    first, sep, rest = text.partition("\n\n")
    if sep and first.strip() == title.strip():
        return rest
    return text


def document_from_html(
    html: bytes | str,
    *,
    url: str | None = None,
    origin: str | None = None,
    id: str | None = None,
    published: str | None = None,
) -> Document | None:
    """The article of an HTML page, or None when the page holds no article text.

    Args:
        html: the page, as bytes (its encoding is detected) or str.
        url: where the page came from; wins over the page's own canonical URL.
        origin: where it was read (file, WARC record), for error messages.
        id: the document id; None leaves it to the caller.
        published: a date to use when the page states none (e.g. the crawl date).

    Returns:
        A Document, or None when trafilatura finds no main text.

    Raises:
        ReadError: the page is too large, nests deeper than libxml2 reads
            with no article text above that depth, or trafilatura/lxml fails
            on it (including RecursionError on pathological nesting).
    """
    import trafilatura  # imported here: it takes half a second and most runs read no HTML

    where = origin or url or "<html>"
    if (size := _size(html)) > MAX_HTML_BYTES:
        raise ReadError(where, _too_large(size))
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except (RecursionError, MemoryError) as error:
        raise ReadError(where, f"HTML too deeply nested or too large to parse ({type(error).__name__})") from error
    except Exception as error:  # lxml and trafilatura raise many types on malformed pages
        raise ReadError(where, f"cannot parse HTML: {type(error).__name__}: {error}") from error
    if result is None or not (result.text or "").strip():
        if _too_deep(html):
            # not "no article": the article may be there, below the parser's reach
            raise ReadError(where, f"HTML nested deeper than {LIBXML2_MAX_DEPTH} elements: no article text within reach")
        return None
    title = (result.title or "").strip() or None
    text = _drop_title(_paragraphs(result.text), title)
    if len(text.strip()) < MIN_TEXT_CHARS:
        return None
    return Document(
        text=text,
        id=id,
        title=title,
        published=result.date or published,
        url=url or result.url,
        outlet=(result.sitename or "").strip() or None,
        author=(result.author or "").strip() or None,
        origin=origin,
    )


def _stream_size(name: str, stream: BinaryIO) -> int:
    """The bytes left in a seekable stream (a file or bytes in memory), without reading them."""
    try:
        here = stream.tell()
        size = stream.seek(0, os.SEEK_END) - here
        stream.seek(here)
    except OSError as error:
        raise ReadError(name, error.strerror or str(error)) from error
    return size


def read_html(name: str, stream: BinaryIO) -> Iterator[Document]:
    """The article of one HTML file; ReadError when it is unreadable or holds no article."""
    if not is_gzip(name) and (size := _stream_size(name, stream)) > MAX_HTML_BYTES:
        # refused before reading: a 50 MB page costs nothing (a .html.gz is checked once expanded)
        raise ReadError(name, _too_large(size))
    document = document_from_html(read_all(name, stream), origin=name, id=file_stem(name))
    if document is None:
        raise ReadError(name, "no article text found in the HTML page")
    yield document
