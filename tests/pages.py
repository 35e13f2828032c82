"""News pages and WARC files the tests write themselves (readers, Spark)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS = [
    '"We will not raise taxes this year," the finance minister, Ana Lopes, told reporters on '
    "Tuesday after a cabinet meeting that ran late into the evening.",
    "Lopes said the budget would be balanced by cutting spending on consultants and by "
    "selling two state-owned office buildings in the capital.",
    "Opposition leader Mark Berg called the plan a fantasy. \"Nobody believes these numbers,\" "
    "he said in a statement released by his party late on Tuesday night.",
]


def make_page(title: str = "Minister rules out tax rise", paragraphs: list[str] = PARAGRAPHS, *,
              canonical: str | None = "https://news.example.org/tax") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{title} | Example News</title>{link}"
        '<meta name="author" content="Jane Reporter">'
        '<meta property="og:site_name" content="Example News">'
        f'<meta property="og:title" content="{title}">'
        '<meta property="article:published_time" content="2021-03-04T08:00:00Z">'
        "</head><body>"
        '<nav><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Example News. All rights reserved.</footer>"
        "</body></html>"
    )


def http_response(writer: WARCWriter, url: str, payload: bytes, *, status: str = "200 OK",
                  content_type: str = "text/html; charset=utf-8", date: str = "2022-07-01T12:30:00Z"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url, "response", payload=io.BytesIO(payload), http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )


def write_warc(path: Path, pages: list[tuple[str, str]], *, compress: bool = True, extras: bool = True) -> Path:
    """A WARC with one response per page, plus (with extras) records that are not articles."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=compress)
        for url, page in pages:
            if extras:
                request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
                writer.write_record(request)
            writer.write_record(http_response(writer, url, page.encode("utf-8")))
        if extras:
            writer.write_record(http_response(writer, "https://news.example.org/logo.png", b"\x89PNG....",
                                              content_type="image/png"))
            writer.write_record(http_response(writer, "https://news.example.org/gone", make_page().encode(),
                                              status="404 Not Found"))
    return path


def pages(n: int = 3) -> list[tuple[str, str]]:
    return [
        (f"https://news.example.org/story-{i}", make_page(f"Story number {i}", [f"Story {i}. " + p for p in PARAGRAPHS],
                                                          canonical=None))
        for i in range(n)
    ]


def corrupt_middle_member(path: Path) -> None:
    """Overwrite bytes inside the second gzip member, leaving the others intact."""
    data = bytearray(path.read_bytes())
    starts = [i for i in range(len(data)) if data[i:i + 3] == b"\x1f\x8b\x08"]
    assert len(starts) >= 3
    begin, end = starts[1], starts[2]
    middle = begin + (end - begin) // 2
    data[middle:middle + 40] = b"\x00" * 40
    path.write_bytes(bytes(data))
