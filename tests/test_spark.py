"""The Spark job in local[2]: schemas, parity with `onrecord extract`, errors, atomic reruns.

The input (a WARC with three HTML pages and one damaged record, a JSON Lines file with
articles and one broken line) is written by the test.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.batch import partition
from onrecord.batch import spark as job
from onrecord.batch.schemas import schemas
from onrecord.batch.session import spark_session
from onrecord.batch.rows import parse_date
from onrecord.errors import MissingExtra
from onrecord.model import Article
from onrecord.store.quote import quote_id

pytest.importorskip("pyspark")
if shutil.which("java") is None:  # pragma: no cover
    pytest.skip("Spark needs Java", allow_module_level=True)

from pages import corrupt_middle_member, make_page, pages, write_warc  # noqa: E402

pytestmark = [
    pytest.mark.spark,
    # Starting the JVM and the local Spark session alone takes 40-90 s: the full tier's.
    pytest.mark.slow,
    # py4j and pyspark leave sockets and threads to the garbage collector.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]

ARTICLES = [
    {"id": "wire-1", "date": "2020-05-21", "outlet": "Wire", "url": "https://wire.example/1",
     "text": '"We will win in November," Senator Ruth Cole said on Monday.\n\n'
             "Her rival, Tom Hill, said the race was far from over and that voters wanted change."},
    {"id": "wire-2", "date": "2020-05-22", "outlet": "Daily",
     "text": 'Tom Hill told supporters: "We will win in November."\n\n'
             "The campaign said it had raised $2 million in April, according to a spokeswoman."},
    {"text": '"It is over," the coach said after the match. "We played badly."', "date": "22-MAY-2020"},
]


# One article in each compressed format, and a JSON line whose text is blank (refused, as ingest refuses it).
GZIP_FILES = {
    "story.txt.gz": "Council backs bridge\n\nThe council said on Monday that the bridge would open in May.\n",
    "page.html.gz": make_page(),
    "feed.jsonl.gz": json.dumps({"id": "feed-1", "text": '"Prices will fall," the governor said.'}) + "\n"
    + json.dumps({"id": "feed-blank", "text": " \n "}) + "\n",
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("spark-in")
    warc = write_warc(root / "crawl.warc.gz", pages(4), extras=False)
    corrupt_middle_member(warc)  # story-1 is lost; 0, 2 and 3 are read
    jsonl = root / "wire.jsonl"
    lines = [json.dumps(a) for a in ARTICLES]
    lines.insert(2, '{"id": "broken", "text": ')  # line 3 is not JSON
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Compressed files, given as a directory: Spark must find and read them as ingest does.
    packed = root / "packed"
    packed.mkdir()
    for name, content in GZIP_FILES.items():
        (packed / name).write_bytes(gzip.compress(content.encode("utf-8")))
    return [warc, jsonl, packed]


@pytest.fixture(scope="module")
def session():
    spark = spark_session("local[2]", partitions=4)
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def output(inputs, session, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("spark-out") / "run"
    summary = job.run_job([str(p) for p in inputs], str(out), partitions=4, quotebank=True, session=session)
    assert summary.counts["articles"] == 9
    return out


def read(output: Path, name: str):
    import pyarrow.parquet as pq

    return pq.read_table(output / name)


def local_articles(inputs) -> list[Article]:
    """What `onrecord extract` prints for the same files."""
    from onrecord.cli import main

    result = CliRunner().invoke(main, ["extract", *map(str, inputs), "--format", "jsonl", "--no-progress"])
    assert result.exit_code == 1, result.output  # the broken records are reported
    return [Article.from_dict(json.loads(line)) for line in result.stdout.splitlines() if line.strip()]


def test_parquet_schemas(session, output):
    types = schemas()
    for name in job.DATASETS:
        written = session.read.parquet(str(output / name)).schema
        assert [(f.name, f.dataType) for f in written] == [(f.name, f.dataType) for f in types[name]], name


def test_articles_from_warc_and_jsonl(output):
    articles = read(output, "articles").to_pylist()
    by_id = {a["id"]: a for a in articles}
    assert {"wire-1", "wire-2", "wire-4"} <= set(by_id)  # line 4 (after the broken line 3) has no id
    urls = sorted(a["url"] for a in articles if a["url"] and "news.example.org/story" in a["url"])
    assert urls == [f"https://news.example.org/story-{i}" for i in (0, 2, 3)]
    assert str(by_id["wire-4"]["date"]) == "2020-05-22"
    for article in articles:
        assert article["chars"] == len(article["text"])


def test_attributions_equal_onrecord_extract_row_for_row(inputs, output):
    def key(row):
        return (row["article_id"], row["attribution_id"])

    spark_rows = sorted(read(output, "attributions").to_pylist(), key=key)
    expected = []
    for article in local_articles(inputs):
        for a in article.attributions:
            expected.append({
                "article_id": article.id,
                "attribution_id": a.id,
                "kind": a.kind,
                "content": [(f.start, f.end, f.text) for f in a.content],
                "cue": [(f.start, f.end) for f in a.cue],
                "speaker": a.speaker.name if a.speaker else None,
                "mention": [(f.start, f.end) for f in a.speaker.mention] if a.speaker else None,
            })
    got = [
        {
            "article_id": r["article_id"],
            "attribution_id": r["attribution_id"],
            "kind": r["kind"],
            "content": [(f["start"], f["end"], f["text"]) for f in r["content"]],
            "cue": [(f["start"], f["end"]) for f in r["cue"]],
            "speaker": r["speaker"]["name"] if r["speaker"] else None,
            "mention": [(f["start"], f["end"]) for f in r["speaker"]["mention"]] if r["speaker"] else None,
        }
        for r in spark_rows
    ]
    assert got == sorted(expected, key=key)


def test_offsets_index_the_article_text(output):
    texts = {a["id"]: a["text"] for a in read(output, "articles").to_pylist()}
    for row in read(output, "attributions").to_pylist():
        for fragment in row["content"] + row["cue"]:
            assert texts[row["article_id"]][fragment["start"]:fragment["end"]] == fragment["text"]


def test_broken_records_land_in_errors(output):
    errors = read(output, "errors").to_pylist()
    assert all(e["stage"] == "read" for e in errors)
    by_origin = {e["origin"].rpartition("/")[2]: e["error"] for e in errors}
    assert len(errors) == 3, errors
    assert any(origin.startswith("crawl.warc.gz@") for origin in by_origin)
    assert "bad JSON Lines record" in by_origin["wire.jsonl:3"]
    assert by_origin["feed.jsonl.gz:2"] == "bad JSON Lines record: 'text' is blank"


@pytest.mark.parametrize("name", sorted(GZIP_FILES))
def test_gzip_inputs_read_as_ingest_reads_them(inputs, output, name):
    from onrecord.readers import read_path

    expected = [d for d in read_path(inputs[2] / name) if not isinstance(d, Exception)]
    assert expected
    articles = {a["id"]: a for a in read(output, "articles").to_pylist()}
    for document in expected:
        article = articles[document.id]
        assert (article["text"], article["title"]) == (document.text, document.title)
        assert article["origin"].endswith(f"packed/{name}" + (":1" if name.endswith(".jsonl.gz") else ""))


def test_quotes_group_attributions_by_quote_id(output):
    attributions = read(output, "attributions").to_pylist()
    quotes = read(output, "quotes").to_pylist()
    expected: dict[str, set[str]] = {}
    for row in attributions:
        assert row["quote_id"] == quote_id(row["content_text"])  # the store's id
        if row["quote_id"] is not None:
            expected.setdefault(row["quote_id"], set()).add(row["article_id"])
    assert {q["quote_id"]: q["articles"] for q in quotes} == {k: len(v) for k, v in expected.items()}
    # "We will win in November," (wire-1) and "We will win in November." (wire-2) are one quote.
    [shared] = [q for q in quotes if q["articles"] == 2]
    assert shared["quotation"] == "We will win in November" and shared["first_article"] == "wire-1"
    for quote in quotes:
        assert quote["occurrences"] >= quote["articles"] >= 1
        assert quote["speakers"] and sum(s["occurrences"] for s in quote["speakers"]) == quote["occurrences"]


def read_quotebank(directory: Path) -> list[dict]:
    return [json.loads(line) for f in sorted(directory.glob("part-*")) for line in f.read_text().splitlines() if line]


def test_quotebank_export(output):
    records = read_quotebank(output / "quotebank")
    assert len(records) == read(output, "quotes").num_rows
    for record in records:
        assert set(record) == {"quoteID", "quotation", "speaker", "qids", "date", "numOccurrences",
                               "probas", "urls", "phase"}
        assert record["qids"] == [] and record["phase"] == "onrecord"
        assert all(isinstance(share, float) for _, share in record["probas"])
        assert abs(sum(share for _, share in record["probas"]) - 1) < 0.01


BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc" / "bbc_news.jsonl"


@pytest.mark.slow
@pytest.mark.skipif(not BBC.exists(), reason="needs the shared BBC corpus")
def test_store_and_spark_quotebank_exports_agree_on_bbc(session, tmp_path):
    """`onrecord export --format quotebank` and the job's quotebank/ give the same records on 100 BBC articles."""
    from onrecord.ingest import ingest
    from onrecord.store import open_store
    from onrecord.store.normalize import text_hash

    records, seen = [], set()
    with BBC.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if text_hash(record["text"]) not in seen:  # the store keeps one of identical texts
                seen.add(text_hash(record["text"]))
                records.append(record)
            if len(records) == 100:
                break
    corpus = tmp_path / "bbc.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    with open_store(tmp_path / "bbc.db") as store:
        summary = ingest([corpus], store, progress=False, strategy="rules")
        assert summary.added == 100
        exported = io.StringIO()
        store.export("quotebank", exported)
    from_store = [json.loads(line) for line in exported.getvalue().splitlines()]
    job.run_job([str(corpus)], str(tmp_path / "out"), partitions=4, quotebank=True, strategy="rules", session=session)
    from_spark = read_quotebank(tmp_path / "out" / "quotebank")

    assert len(from_store) > 100  # quotes enough to mean something
    assert sorted(from_spark, key=lambda r: r["quoteID"]) == from_store  # the store exports in id order


def test_rerun_overwrites_atomically(inputs, session, output, tmp_path):
    target = tmp_path / "again"
    job.run_job([str(inputs[1])], str(target), partitions=2, session=session)
    first = read(target, "articles").num_rows
    stale = target / "articles" / "stale.parquet"
    stale.write_bytes(b"left from an older run")
    summary = job.run_job([str(inputs[1])], str(target), partitions=2, session=session)
    assert not stale.exists()
    assert read(target, "articles").num_rows == first == summary.counts["articles"] == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again"]  # no staging or old copies left


def test_missing_input_fails_before_running(session, tmp_path):
    from onrecord.errors import ReadError

    with pytest.raises(ReadError, match="no such file"):
        job.run_job([str(tmp_path / "nope.warc.gz")], str(tmp_path / "out"), session=session)
    assert not (tmp_path / "out").exists()


def test_failed_article_becomes_error_row(monkeypatch):
    from onrecord.extract import ExtractionFailed
    from onrecord.readers.document import Document

    class Failing:
        def extract_document(self, document):
            raise ExtractionFailed(document.id, RuntimeError("boom"))

    monkeypatch.setitem(partition._EXTRACTORS, ("failing", "learned", None), Failing())
    [row] = partition.extract_partition([Document(text="x", id="d1", origin="f.txt")], model="failing", strategy="learned")
    assert row["article"] is None
    assert row["error"] == {"id": "d1", "origin": "f.txt", "error": "d1: extraction failed: RuntimeError: boom",
                            "stage": "extract"}


def test_missing_pyspark_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(MissingExtra, match=r"pip install 'onrecord\[spark\]'"):
        job.run_job(["x.jsonl"], "out")


def test_cli_registers_spark_command():
    from onrecord.cli import main

    result = CliRunner().invoke(main, ["spark", "--help"])
    assert result.exit_code == 0 and "--output" in result.output and "--quotebank" in result.output


@pytest.mark.parametrize("value,iso", [
    ("2020-05-21", "2020-05-21"), ("2020-05-21T10:00:00Z", "2020-05-21"),
    ("26-FEB-1987 15:01:01.79", "1987-02-26"), ("yesterday", None), (None, None),
])
def test_parse_date(value, iso):
    parsed = parse_date(value)
    assert (parsed.isoformat() if parsed else None) == iso
