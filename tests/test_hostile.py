"""Hostile files through `onrecord ingest` and `onrecord extract` (issue 5, item 2).

One run reads good files together with broken ones: truncated gzip and WARC,
invalid UTF-8, UTF-32, binary data named .txt, a 50 MB HTML page, HTML nested
100,000 deep, empty files, a gzip bomb and JSON Lines with broken records.
Each bad file (or JSON line) must give one clear line naming it, the rest of
the run must complete with every good article stored, and the summary must
count what was skipped. A UTF-16 file with a BOM is valid text and is read.

Every file is written here; the articles are fictional.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.cli import main
from onrecord.readers import iter_documents
from onrecord.readers import text as text_reader
from onrecord.store import open_store

# The hostile HTML page: far over the reader's size limit (readers.html.MAX_HTML_BYTES).
HUGE_HTML_BYTES = 50 * 1024 * 1024
# Nesting far past libxml2's depth limit of 256.
DEEP_NESTING = 100_000
# Refusing the 50 MB page must not read it: trafilatura would take minutes.
HUGE_REFUSAL_S = 5.0
# The gzip bomb expands past a cap lowered to this for the test (the real
# MAX_GUNZIPPED_BYTES is 256 MiB; building such a bomb would cost seconds).
BOMB_CAP = 1024 * 1024


def story(n: int, place: str) -> str:
    """A short fictional news story with a direct quote and reported speech."""
    return (
        f"Harbour works in {place} delayed\n\n"
        f"\u201cWe will finish the quay wall by winter,\u201d said Mara Lind, the port director, "
        f"on the {n}th day of talks. Lind told the {place} Courier that the cranes were late.\n\n"
        f"According to the union, {n + 2} crews were waiting in {place}."
    )


def page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | News</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def warc_gz(pages: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))
    return buffer.getvalue()


def complete_lines(truncated_gzip: bytes) -> list[bytes]:
    """The whole lines a truncated gzip still holds: what a reader can keep."""
    data = zlib.decompressobj(wbits=31).decompress(truncated_gzip)
    return data.split(b"\n")[:-1]


def records(prefix: str, count: int) -> list[dict]:
    # distinct texts (ingest dedupes on text), varied enough that gzip spreads them over the file
    return [{"id": f"{prefix}{i}", "text": story(i, f"Port {prefix.upper()}{i * 7919 % 1000}")} for i in range(count)]


def write_hostile_files(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Write the good and the bad files; return (good article id -> its text, bad origin -> reason)."""
    folder.mkdir()
    good: dict[str, str] = {}
    bad: dict[str, str] = {}

    # -- good files -----------------------------------------------------------------------
    (folder / "good.txt").write_text(story(1, "Eastport"), encoding="utf-8")
    good["good"] = story(1, "Eastport")
    # UTF-16 with a BOM is valid text (Windows editors write it): read, not refused
    (folder / "windows.txt").write_bytes(story(2, "Westport").encode("utf-16"))
    good["windows"] = story(2, "Westport")
    (folder / "packed.txt.gz").write_bytes(gzip.compress(story(3, "Northport").encode()))
    good["packed"] = story(3, "Northport")
    (folder / "page.html").write_text(page("Harbour works delayed", story(4, "Southport")), encoding="utf-8")
    good["page"] = None  # trafilatura's text: checked for the quote only

    # -- JSON Lines: good records among broken ones --------------------------------------------
    separator = story(5, "Lineport").replace("cranes were late.", "cranes were late.\u2028(Corrected.)\x85")
    feed = [
        json.dumps({"id": "feed-a", "text": story(6, "Feedport")}),
        json.dumps({"text": story(7, "Nameless")}),  # no id: the file stem and line number
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "blank", "text": "  \n "}),
        "[1, 2]",
        "null",
        json.dumps({"id": "number", "text": 42}),
        # JSON allows U+2028 and U+0085 raw inside strings: they must not split the line
        json.dumps({"id": "separators", "text": separator}, ensure_ascii=False),
    ]
    raw = "\n".join(feed).encode() + b'\n{"id": "latin", "text": "caf\xe9 owner said no"}\n'
    (folder / "feed.jsonl").write_bytes(raw)
    good.update({"feed-a": story(6, "Feedport"), "feed-2": story(7, "Nameless"), "separators": separator})
    bad.update({
        "feed.jsonl:3": "bad JSON Lines record: Expecting property name",
        "feed.jsonl:4": "record has no 'text' string",
        "feed.jsonl:5": "'text' is blank",
        "feed.jsonl:6": "cannot make a document of list",
        "feed.jsonl:7": "cannot make a document of NoneType",
        "feed.jsonl:8": "record has no 'text' string",
        "feed.jsonl:10": "not UTF-8 text (bad byte at offset 28 of the line)",
    })

    # -- truncated archives: what lies before the cut is kept ----------------------------------
    lines = [json.dumps(r).encode() for r in records("cut", 12)]
    truncated = gzip.compress(b"\n".join(lines) + b"\n")
    truncated = truncated[: len(truncated) * 2 // 3]
    (folder / "cut.jsonl.gz").write_bytes(truncated)
    kept = [json.loads(line) for line in complete_lines(truncated)]
    assert 0 < len(kept) < len(lines), "the cut must fall inside the records"
    good.update({r["id"]: r["text"] for r in kept})
    bad["cut.jsonl.gz"] = "truncated gzip file"

    crawl = warc_gz([(f"https://news.example/{i}", page(f"Quay story {i}", story(10 + i, f"Quay{i}"))) for i in range(3)])
    (folder / "crawl.warc.gz").write_bytes(crawl[:-200])
    good.update({f"warc{i}": None for i in range(2)})
    bad["crawl.warc.gz@"] = "truncated"

    (folder / "cut.txt.gz").write_bytes(gzip.compress(story(20, "Cutport").encode())[:-12])
    bad["cut.txt.gz"] = "truncated gzip file"

    # -- files that are not text, or not what their name says ----------------------------------
    (folder / "latin1.txt").write_bytes("Caf\u00e9 owner Ren\u00e9 Faure said he would stay.".encode("latin-1"))
    bad["latin1.txt"] = "not UTF-8 text (bad byte at offset 3)"
    (folder / "utf32.txt").write_bytes(story(21, "Wideport").encode("utf-32"))
    bad["utf32.txt"] = "UTF-32 text is not supported"
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    bad["photo.txt"] = "binary file, not text"
    (folder / "plain.jsonl.gz").write_bytes(json.dumps({"id": "x", "text": story(22, "Flatport")}).encode())
    bad["plain.jsonl.gz"] = "not a gzip file"
    (folder / "empty.txt").write_bytes(b"")
    bad["empty.txt"] = "no article text (the file is empty or blank)"
    (folder / "blank.txt").write_text(" \n\n\t\n", encoding="utf-8")
    bad["blank.txt"] = "no article text (the file is empty or blank)"
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b"A" * (BOMB_CAP * 4)))
    bad["bomb.txt.gz"] = "expands to more than 1 MiB"

    # -- hostile HTML ------------------------------------------------------------------------
    paragraph = "<p>The quay wall was late again, the port director said on Tuesday.</p>\n"
    with (folder / "huge.html").open("w", encoding="utf-8") as f:
        f.write("<html><body><article>")
        f.write(paragraph * (HUGE_HTML_BYTES // len(paragraph) + 1))
        f.write("</article></body></html>")
    bad["huge.html"] = "HTML page too large: 50.0 MiB, larger than the 16 MiB limit"
    (folder / "deep.html").write_text(
        "<html><body>" + "<div>" * DEEP_NESTING + paragraph * 3 + "</div>" * DEEP_NESTING + "</body></html>"
    )
    bad["deep.html"] = "HTML nested deeper than 256 elements"
    (folder / "menu.html").write_text("<html><body><nav>Home | Sign in | Subscribe</nav></body></html>")
    bad["menu.html"] = "no article text found in the HTML page"
    return good, bad


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile") / "in"
    good, bad = write_hostile_files(folder)
    return folder, good, bad


@pytest.fixture
def small_gzip_cap(monkeypatch):
    monkeypatch.setattr(text_reader, "MAX_GUNZIPPED_BYTES", BOMB_CAP)


def error_lines(stderr: str, folder: Path) -> dict[str, str]:
    """``origin relative to folder -> reason`` of each per-file error line."""
    found = {}
    pattern = re.compile(rf"^onrecord: error: {re.escape(str(folder))}/(\S+?): (.*)$")
    for line in stderr.splitlines():
        match = pattern.match(line)
        if match:
            origin = re.sub(r"@\d+$", "@", match.group(1))  # WARC record offsets vary with warcio
            assert origin not in found, f"two errors for {origin}"
            found[origin] = match.group(2)
    return found


def check_errors(stderr: str, folder: Path, bad: dict[str, str]) -> None:
    assert "Traceback" not in stderr
    found = error_lines(stderr, folder)
    assert sorted(found) == sorted(bad)
    for origin, reason in bad.items():
        assert reason in found[origin], (origin, found[origin])


def test_ingest_skips_each_hostile_file_and_stores_the_rest(hostile, small_gzip_cap, tmp_path):
    folder, good, bad = hostile
    url = str(tmp_path / "hostile.db")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", url, "--no-progress"])
    assert result.exit_code == 1, result.output  # something was skipped
    check_errors(result.stderr, folder, bad)
    summary = result.stderr.splitlines()[-1]
    assert f"{len(good)} articles read, {len(good)} added, 0 already stored" in summary
    assert f"{len(bad)} unreadable skipped" in summary
    assert "failed" not in summary
    with open_store(url) as store:
        assert store.stats()["articles"] == len(good)
        for article_id, text in good.items():
            if article_id.startswith("warc"):
                continue  # WARC ids are record ids; counted above
            stored = store.article(article_id)
            assert stored is not None, article_id
            if text is not None:
                assert stored["text"] == text, article_id
            assert stored["attributions"], f"{article_id}: the quote was not found"


def test_extract_reports_the_same_files_and_extracts_the_rest(hostile, small_gzip_cap):
    folder, good, bad = hostile
    result = CliRunner().invoke(main, ["extract", str(folder), "--no-progress"])
    assert result.exit_code == 1
    check_errors(result.stderr, folder, bad)
    assert result.stderr.splitlines()[-1] == (
        f"onrecord: error: {len(good)} articles extracted, {len(bad)} unreadable skipped, 0 failed"
    )
    # split on "\n" only: str.splitlines would also split the raw U+2028 inside a text
    articles = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert len(articles) == len(good)
    texts = {a["id"]: a["text"] for a in articles}
    assert {k: v for k, v in good.items() if v is not None} == {k: texts[k] for k, v in good.items() if v is not None}
    assert "\u201cWe will finish the quay wall by winter,\u201d" in texts["page"]


def test_a_huge_html_page_is_refused_without_being_read(hostile):
    # trafilatura needs minutes for 50 MB: the size is checked before reading.
    folder, _, _ = hostile
    started = time.monotonic()
    [error] = list(iter_documents([folder / "huge.html"]))
    assert time.monotonic() - started < HUGE_REFUSAL_S
    assert "too large" in str(error)


@pytest.mark.parametrize("chunk", [256, 1 << 20], ids=["line-over-many-reads", "line-in-one-read"])
def test_a_runaway_json_line_costs_only_itself(monkeypatch, tmp_path, chunk):
    # A line over MAX_LINE_BYTES (here lowered) is reported and skipped, whether
    # it spans several reads or arrives whole; the numbering stays right.
    monkeypatch.setattr(text_reader, "MAX_LINE_BYTES", 1000)
    monkeypatch.setattr(text_reader, "_CHUNK_BYTES", chunk)
    monkeypatch.setattr(text_reader, "_SNIFF_BYTES", min(chunk, 8192))
    lines = [
        json.dumps({"id": "before", "text": story(30, "Longport")}),
        json.dumps({"id": "runaway", "text": "x" * 5000}),
        json.dumps({"id": "after", "text": story(31, "Longport")}),
        json.dumps({"id": "last", "text": story(32, "Longport")}),  # no final newline
    ]
    path = tmp_path / "long.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(iter_documents([path]))
    assert [getattr(i, "id", None) or str(i) for i in items] == [
        "before", f"{path}:2: line longer than 1,000 bytes", "after", "last"
    ]
    assert [i.origin for i in items if hasattr(i, "origin")] == [f"{path}:1", f"{path}:3", f"{path}:4"]
