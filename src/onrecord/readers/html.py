"""HTML pages: trafilatura finds the article (text, title, author, date, outlet).

The text keeps one paragraph per block element (paragraph, heading, list item,
table row) separated by blank lines, so ``text.paragraph_spans`` sees the same
paragraphs the page had. A page with no article text gives no document.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import ReadError
from .document import Document
from .text import read_bytes

# Pages larger than this are refused rather than parsed: the largest news pages
# in CC-NEWS samples (inline scripts and base64 images included) stay under
# 5 MiB, and lxml's memory use grows about tenfold over the input size.
MAX_HTML_BYTES = 16 * 1024 * 1024
# Main text shorter than this is not an article: on a page without one,
# trafilatura falls back to the whole body and returns menu words ("Home",
# "Sign in | Subscribe"); the shortest news brief is a sentence of 40+ characters.
MIN_TEXT_CHARS = 25

__all__ = ["MAX_HTML_BYTES", "MIN_TEXT_CHARS", "document_from_html", "read_html"]


def _size(html: bytes | str) -> int:
    return len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "surrogatepass"))


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
        ReadError: the page is too large or trafilatura/lxml fails on it
            (including RecursionError on pathological nesting).
    """
    import trafilatura  # imported here: it takes half a second and most runs read no HTML

    where = origin or url or "<html>"
    if _size(html) > MAX_HTML_BYTES:
        raise ReadError(where, f"HTML page larger than {MAX_HTML_BYTES // (1024 * 1024)} MiB")
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except (RecursionError, MemoryError) as error:
        raise ReadError(where, f"HTML too deeply nested or too large to parse ({type(error).__name__})") from error
    except Exception as error:  # lxml and trafilatura raise many types on malformed pages
        raise ReadError(where, f"cannot parse HTML: {type(error).__name__}: {error}") from error
    if result is None or not (result.text or "").strip():
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


def read_html(path: Path) -> Iterator[Document]:
    """The article of one HTML file; ReadError when it is unreadable or holds no article."""
    path = Path(path)
    try:
        too_large = path.stat().st_size > MAX_HTML_BYTES
    except OSError as error:
        raise ReadError(str(path), error.strerror or str(error)) from error
    if too_large:
        raise ReadError(str(path), f"HTML page larger than {MAX_HTML_BYTES // (1024 * 1024)} MiB")
    data = read_bytes(path)
    document = document_from_html(data, origin=str(path), id=path.stem)
    if document is None:
        raise ReadError(str(path), "no article text found in the HTML page")
    yield document
