"""Readers: HTML (trafilatura), WARC (warcio) and the dispatcher's handling of bad files.

Every HTML page and WARC file is written by the test itself.
"""

from __future__ import annotations

import gzip
import io
import json

import pytest

from onrecord.errors import ReadError
from onrecord.readers import Document, iter_documents, read_content, read_path
from onrecord.readers import html as html_reader
from onrecord.readers.html import document_from_html
from onrecord.readers.warc import documents_from_warc_stream
from pages import PARAGRAPHS, corrupt_middle_member, make_page, pages, write_warc

# --- HTML -------------------------------------------------------------------------------------


def test_html_metadata_and_paragraphs():
    document = document_from_html(make_page(), origin="page.html")
    assert document is not None
    assert document.title == "Minister rules out tax rise"
    assert document.author == "Jane Reporter"
    assert document.published == "2021-03-04"
    assert document.outlet == "Example News"
    assert document.url == "https://news.example.org/tax"
    assert document.origin == "page.html"
    # One paragraph per <p>, separated by blank lines; no navigation, footer or repeated title.
    assert document.text.split("\n\n") == PARAGRAPHS
    assert "Home" not in document.text and "Copyright" not in document.text


def test_html_url_argument_wins_over_canonical():
    document = document_from_html(make_page().encode("utf-8"), url="https://crawl.example/x")
    assert document is not None and document.url == "https://crawl.example/x"


def test_html_published_fallback_only_when_page_has_no_date():
    page = make_page().replace("article:published_time", "ignored")
    document = document_from_html(page, published="1999-12-31")
    assert document is not None and document.published in ("1999-12-31", "2021-03-04")
    assert document_from_html(make_page(), published="1999-12-31").published == "2021-03-04"


@pytest.mark.parametrize("page", ["", "<html><body></body></html>", "<html><body><nav>Home</nav></body></html>"])
def test_html_without_article_text_is_none(page):
    assert document_from_html(page) is None


def test_html_deep_nesting_does_not_crash():
    # libxml2 stops at 256 levels: the paragraph below is out of reach, and the
    # error says so rather than "no article" (issue 5, tests/test_hostile.py).
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + "<p>" + " ".join(PARAGRAPHS) + "</p>" + "</div>" * depth + "</body></html>"
    with pytest.raises(ReadError, match="nested deeper than 256"):
        document_from_html(page)
    shallow = "<html><body>" + "<div>" * 200 + "<p>" + " ".join(PARAGRAPHS) + "</p>" + "</div>" * 200 + "</body></html>"
    assert document_from_html(shallow).text == " ".join(PARAGRAPHS)


def test_html_recursion_error_becomes_read_error(monkeypatch):
    import trafilatura

    def explode(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    with pytest.raises(ReadError, match="deeply nested"):
        document_from_html(make_page(), origin="deep.html")


def test_html_parser_failure_becomes_read_error(monkeypatch):
    import trafilatura

    def explode(*args, **kwargs):
        raise ValueError("lxml said no")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    with pytest.raises(ReadError, match="lxml said no"):
        document_from_html(make_page())


def test_html_too_large_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(html_reader, "MAX_HTML_BYTES", 1000)
    with pytest.raises(ReadError, match="larger than"):
        document_from_html(make_page())
    path = tmp_path / "big.html"
    path.write_text(make_page())
    with pytest.raises(ReadError, match="larger than"):
        list(read_path(path))


def test_read_html_file(tmp_path):
    path = tmp_path / "tax-story.htm"
    path.write_text(make_page(), encoding="utf-8")
    [document] = list(read_path(path))
    assert document.id == "tax-story"
    assert document.origin == str(path)
    assert document.text.split("\n\n") == PARAGRAPHS


def test_read_html_file_without_article(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>")
    [error] = list(iter_documents([path]))
    assert isinstance(error, ReadError) and "no article text" in str(error)


# --- WARC -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name,compress", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_reads_html_responses_only(tmp_path, name, compress):
    path = write_warc(tmp_path / name, pages(3), compress=compress)
    documents = list(read_path(path))
    assert all(isinstance(d, Document) for d in documents), documents
    assert [d.url for d in documents] == [f"https://news.example.org/story-{i}" for i in range(3)]
    assert [d.title for d in documents] == [f"Story number {i}" for i in range(3)]
    assert all(d.text.startswith(f"Story {i}. ") for i, d in enumerate(documents))
    assert len({d.id for d in documents}) == 3 and all(d.id for d in documents)
    assert all(d.origin.startswith(f"{path}@") for d in documents)
    # The page's own date wins over the crawl date.
    assert {d.published for d in documents} == {"2021-03-04"}


def test_warc_date_is_published_fallback(tmp_path):
    page = make_page(canonical=None).replace("article:published_time", "ignored")
    path = write_warc(tmp_path / "a.warc.gz", [("https://news.example.org/undated", page)], extras=False)
    [document] = list(read_path(path))
    # trafilatura may still guess a date from the page; absent that, the crawl date is used.
    assert document.published is not None


def test_warc_content_and_stream_match_file(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", pages(2))
    from_file = list(read_path(path))
    assert list(read_content(str(path), path.read_bytes())) == from_file
    assert list(documents_from_warc_stream(io.BytesIO(path.read_bytes()), str(path))) == from_file


def test_truncated_warc_gz_yields_read_error_after_good_records(tmp_path):
    path = write_warc(tmp_path / "cut.warc.gz", pages(3), extras=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    items = list(read_path(path))
    documents = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.url for d in documents] == [f"https://news.example.org/story-{i}" for i in range(2)]
    assert len(errors) == 1 and str(path) in str(errors[0])


def test_broken_record_in_the_middle_is_skipped(tmp_path):
    path = write_warc(tmp_path / "broken.warc.gz", pages(3), extras=False)
    corrupt_middle_member(path)
    items = list(read_path(path))
    documents = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.url for d in documents] == ["https://news.example.org/story-0", "https://news.example.org/story-2"]
    assert len(errors) == 1


def test_broken_record_in_uncompressed_warc_is_skipped(tmp_path):
    path = write_warc(tmp_path / "broken.warc", pages(3), compress=False, extras=False)
    data = path.read_bytes()
    second = data.index(b"WARC/1.", data.index(b"WARC/1.") + 1)
    path.write_bytes(data[:second] + b"GARBAGE-NOT-A-WARC-HEADER\r\n" + data[second + 8:])
    items = list(read_path(path))
    documents = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in documents] == ["https://news.example.org/story-0", "https://news.example.org/story-2"]
    assert sum(isinstance(i, ReadError) for i in items) == 1


def test_unseekable_truncated_stream_stops_with_error(tmp_path):
    path = write_warc(tmp_path / "cut.warc.gz", pages(3), extras=False)
    data = path.read_bytes()[:-200]

    class Pipe(io.RawIOBase):
        def __init__(self, payload: bytes) -> None:
            self._buffer = io.BytesIO(payload)

        def readable(self) -> bool:
            return True

        def readinto(self, b) -> int:
            chunk = self._buffer.read(len(b))
            b[: len(chunk)] = chunk
            return len(chunk)

    items = list(documents_from_warc_stream(Pipe(data), "<pipe>"))
    assert sum(isinstance(i, Document) for i in items) == 2
    assert isinstance(items[-1], ReadError)


def test_not_a_warc_at_all(tmp_path):
    path = tmp_path / "noise.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC file\n" * 10))
    items = list(iter_documents([path]))
    assert len(items) == 1 and isinstance(items[0], ReadError)


# --- bad files, through the dispatcher --------------------------------------------------------


def _only_error(path) -> ReadError:
    items = list(iter_documents([path]))
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    return items[0]


def test_invalid_utf8_txt(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 owner said it was fine.".encode("latin-1"))
    assert "not UTF-8" in str(_only_error(path))


def test_binary_file_named_txt(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in str(_only_error(path))


def test_directory(tmp_path):
    assert "directory" in str(_only_error(tmp_path))


def test_missing_file(tmp_path):
    error = _only_error(tmp_path / "nope.warc.gz")
    assert "no such file" in str(error) and error.path.endswith("nope.warc.gz")


def test_recursive_directory_picks_up_html_and_warc(tmp_path):
    (tmp_path / "a.html").write_text(make_page())
    write_warc(tmp_path / "b.warc.gz", pages(2))
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    documents = list(iter_documents([tmp_path], recursive=True))
    assert len(documents) == 3 and all(isinstance(d, Document) for d in documents)


# --- the one entry: a file's content and name ---------------------------------------------------


@pytest.mark.parametrize("name", ["a.txt", "a.txt.gz", "a.jsonl", "a.jsonl.gz", "a.html", "a.html.gz", "a.htm.gz"])
def test_content_entry_reads_like_the_file(tmp_path, name):
    """What Spark's executors get (bytes and a URI) reads exactly as the file on disk, .gz included."""
    html = make_page()
    record = json.dumps({"text": "The mayor said the bridge would open in May.", "date": "2021-03-04"})
    plain = {"txt": "Headline\n\nThe mayor said the bridge would open in May.\n", "jsonl": record + "\n",
             "html": html, "htm": html}[name.split(".")[1]]
    data = plain.encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    from_file = list(read_path(path))
    assert from_file and all(isinstance(d, Document) for d in from_file), from_file
    assert from_file[0].id == ("a-1" if ".jsonl" in name else "a")
    assert list(read_content(str(path), path.read_bytes())) == from_file


def test_content_entry_reports_a_blank_text_and_an_oversized_line(monkeypatch):
    from onrecord.readers import text as text_reader

    monkeypatch.setattr(text_reader, "MAX_LINE_BYTES", 100)
    lines = [json.dumps({"id": "blank", "text": "  "}), json.dumps({"id": "long", "text": "x" * 200}),
             json.dumps({"id": "ok", "text": "A sentence."})]
    items = list(read_content("s3a://bucket/wire.jsonl.gz", gzip.compress("\n".join(lines).encode())))
    assert [str(i) for i in items[:2]] == [
        "s3a://bucket/wire.jsonl.gz:1: bad JSON Lines record: 'text' is blank",
        "s3a://bucket/wire.jsonl.gz:2: line longer than 100 bytes",
    ]
    assert items[2].id == "ok"
