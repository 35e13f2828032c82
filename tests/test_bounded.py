"""Bounded work per article (issue 13): bounded parse pieces, indexed rules, the per-article budget.

The fast tests check the pieces of the mechanism against plain definitions
(a piece's token count, the exact text of a cheaply tokenized Doc, the quote
index against all-pairs scans) and that an article over its budget is one
reported failure on every entry point that runs extraction here (the API,
``pipe``, worker processes, ``onrecord extract`` and ``onrecord ingest``).
The timing checks, hostile text against the same size of BBC text, are
marked ``slow``.
"""

from __future__ import annotations

import json
import pickle
import random
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord import budget as budget_module
from onrecord.attribution.quotes import QuoteIndex, _FreeQuotes
from onrecord.budget import CEILING_SECONDS, FLAT_CHARS, Budget
from onrecord.cli import main
from onrecord.errors import ExtractionFailed, OnrecordError, TooComplex
from onrecord.extract import Extractor
from onrecord.nlp import MAX_RUN_CHARS, tokenized
from onrecord.text import MAX_PIECE_CHARS, MAX_PIECE_TOKENS, _TOKEN_ESTIMATE, Quotation, _pieces

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc" / "bbc_news.jsonl"
STORY = "\u201cWe will finish the quay wall by winter,\u201d said Mara Lind, the port director."
OTHER_STORY = STORY.replace("winter", "spring")  # ingest stores a text once


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(strategy="rules")


# --- parse pieces ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        '"“”(),' * 2_000,  # punctuation with no space: cut hard
        "(“a”), " * 3_000,  # punctuation between spaces: cut at a space
        '"We will win," Smith said. ' * 1_000,  # sentences: cut at a sentence end
    ],
    ids=["run", "spaced", "sentences"],
)
def test_a_piece_holds_at_most_max_piece_tokens(paragraph):
    pieces = list(_pieces(paragraph, 0, len(paragraph)))
    assert len(pieces) > 1
    for start, end in pieces:
        assert len(_TOKEN_ESTIMATE.findall(paragraph, start, end)) <= MAX_PIECE_TOKENS
        assert end - start <= MAX_PIECE_CHARS
    # the pieces cover the paragraph but for the spaces between them
    assert pieces[0][0] == 0 and pieces[-1][1] == len(paragraph.rstrip())
    assert all(not paragraph[b:c].strip() for (_, b), (c, _) in zip(pieces, pieces[1:]))


def test_a_news_paragraph_is_one_piece():
    paragraph = '"We will win," Smith said. ' * 40
    assert list(_pieces(paragraph, 0, len(paragraph))) == [(0, len(paragraph.rstrip()))]


_RUN_ALPHABET = '"“”()[],.;:!?\'‘’«»—-ab 字'


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(_RUN_ALPHABET.replace(" ", ""), min_size=MAX_RUN_CHARS, max_size=MAX_RUN_CHARS * 3),
            st.sampled_from([" ", "  ", "\n", " \n ", "\t", "\u00a0", "Smith said ", "“We win,” ", "U.S. "]),
        ),
        min_size=1,
        max_size=6,
    ).map("".join)
)
def test_a_long_run_is_tokenized_without_changing_the_text(extractor, text):
    doc = tokenized(extractor.nlp, text)
    assert doc.text == text
    assert all(len(t) < MAX_RUN_CHARS for t in doc)


# --- quote index: the same answers as the scans it replaced -----------------------------------


@st.composite
def _quotations(draw) -> list[Quotation]:
    """Quotations in text order, never overlapping, some over several paragraphs."""
    position, quotes = 0, []
    for _ in range(draw(st.integers(0, 12))):
        spans = []
        for _ in range(draw(st.integers(1, 3))):
            position += draw(st.integers(0, 5))
            length = draw(st.integers(1, 8))
            spans.append((position, position + length))
            position += length
        quotes.append(Quotation(tuple(spans)))
    return quotes


@settings(max_examples=300, deadline=None)
@given(_quotations(), st.integers(0, 120), st.integers(1, 20))
def test_quote_index_answers_as_the_all_pairs_scan(quotes, start, length):
    index = QuoteIndex(quotes)
    end = start + length
    spans = [s for q in quotes for s in q.spans]
    assert index.covers(start, end) == any(s <= start + 1 and end - 1 <= e for s, e in spans)
    assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    assert index.touching(start, end) == [i for i, q in enumerate(quotes) if q.start < end and start < q.end]


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 30), st.lists(st.integers(0, 29)), st.integers(-2, 32))
def test_free_quotes_find_the_nearest_untaken_index(count, taken, probe):
    free = _FreeQuotes(count)
    for i in taken:
        if i < count:
            free.take(i)
    untaken = [i for i in range(count) if i not in taken]
    assert [i for i in range(count) if i in free] == untaken
    assert free.after(probe) == next((i for i in untaken if i >= probe), None)
    assert free.before(probe) == next((i for i in reversed(untaken) if i <= probe), None)


# --- the budget --------------------------------------------------------------------------


def test_an_article_over_its_time_budget_is_too_complex(extractor):
    over = Extractor(strategy="rules", budget=Budget(seconds=0))
    over.nlp  # loaded outside the budget, as by every caller
    with pytest.raises(TooComplex) as raised:
        over.extract(STORY, id="slow")
    assert str(raised.value) == "slow: too complex: took more than 0 s"
    assert isinstance(raised.value, ExtractionFailed) and isinstance(raised.value, OnrecordError)
    # the same extractor, with room, finds the quote: the budget is per article
    assert extractor.extract(STORY).attributions


def test_a_text_past_any_article_is_given_time_in_proportion():
    # work is near-linear, so a flat minute would give up 200,000 characters of dense quotes
    # that take about 62 s; a news-sized text keeps the flat budget
    budget = Budget(seconds=60, seconds_per_100k_chars=30)
    assert budget.seconds_for(0) == budget.seconds_for(FLAT_CHARS) == 60
    assert budget.seconds_for(FLAT_CHARS + 200_000) == 120
    assert budget.seconds_for(50_000_000) == CEILING_SECONDS  # never unbounded
    assert Budget(seconds=900).seconds_for(50_000_000) == 900  # unless asked for
    # a long text with no time of its own but its proportion is extracted; without it, it is given up
    text = (STORY + "\n\n") * (FLAT_CHARS // len(STORY) + 1)
    roomy = Extractor(strategy="rules", budget=Budget(seconds=0, seconds_per_100k_chars=100_000))
    assert roomy.extract(text).attributions
    with pytest.raises(TooComplex):
        Extractor(strategy="rules", budget=Budget(seconds=0, seconds_per_100k_chars=0)).extract(text)


def test_an_article_over_its_memory_budget_is_too_complex():
    # a negative allowance is crossed at the first check, whatever the allocator does
    over = Extractor(strategy="rules", budget=Budget(memory_mb=-1))
    with pytest.raises(TooComplex, match=r"^m: too complex: needed more than -1 MB of memory$"):
        over.extract(STORY, id="m")


def test_too_complex_crosses_process_boundaries():
    error = pickle.loads(pickle.dumps(TooComplex("a1", "took more than 60 s")))
    assert type(error) is TooComplex and str(error) == "a1: too complex: took more than 60 s"


@pytest.mark.parametrize("n_process", [1, pytest.param(2, marks=pytest.mark.slow)], ids=["in-process", "workers"])
def test_pipe_yields_the_failure_in_place_and_goes_on(monkeypatch, n_process):
    monkeypatch.setattr(budget_module, "MAX_SECONDS", 0)  # reaches spawned workers through the Extractor
    records = [{"id": "a", "text": STORY}, {"id": "b", "text": OTHER_STORY}]
    results = list(Extractor(strategy="rules", n_process=n_process).pipe(records, errors="yield"))
    assert [str(r) for r in results] == ["a: too complex: took more than 0 s", "b: too complex: took more than 0 s"]
    assert all(isinstance(r, TooComplex) for r in results)


def test_extract_and_ingest_report_one_line_per_article_over_budget(monkeypatch, tmp_path):
    monkeypatch.setattr(budget_module, "MAX_SECONDS", 0)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": STORY}) + "\n" + json.dumps({"id": "b", "text": OTHER_STORY}) + "\n")
    for command in (["extract", str(feed)], ["ingest", str(feed), "--db", str(tmp_path / "x.db")]):
        result = CliRunner().invoke(main, [*command, "--no-progress", "--strategy", "rules"])
        assert result.exit_code == 1, result.output
        lines = [line for line in result.stderr.splitlines() if "too complex" in line]
        assert lines == ["onrecord: error: a: too complex: took more than 0 s",
                         "onrecord: error: b: too complex: took more than 0 s"], result.stderr
        assert "Traceback" not in result.stderr


# --- hostile text, timed against the same size of BBC text --------------------------------


def _bbc(size: int) -> str:
    texts, total = [], 0
    with open(BBC, encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            total += len(texts[-1]) + 2
            if total >= size:
                break
    return "\n\n".join(texts)[:size]


def _seconds(extractor: Extractor, text: str) -> float:
    started = time.perf_counter()
    extractor.extract(text)
    return time.perf_counter() - started


_rng = random.Random(13)
HOSTILE = {
    "punctuation": "".join(_rng.choice('"“”(),') for _ in range(20_000)),
    "punctuation among words": "Smith said " + "".join(_rng.choice('"“”(), ab') for _ in range(20_000)),
    "quotation marks": "".join(_rng.choice("\"“”‘’'«»„") for _ in range(50_000)),
    "nested brackets": ("(“a [said" * 2_000 + "]”)" * 2_000),
    "repeated quotes": ('"We will win," Smith said. ' * 2_000).strip(),
}
# Generous: the hostile texts have up to five times the tokens of news text of
# their size and every one of their paragraphs is parsed (punctuation among
# words measured 2.9 times BBC's time, the others under 2); quadratic work
# took 10 to 100 times as long.
MAX_RATIO = 5.0


@pytest.mark.slow
@pytest.mark.skipif(not BBC.is_file(), reason="needs the shared BBC corpus")
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_takes_near_linear_time(name):
    extractor = Extractor()  # the default, learned strategy
    extractor.nlp
    hostile = HOSTILE[name]
    normal = _bbc(len(hostile))
    extractor.extract(normal[:2000])  # the tagger's first run is slower
    # one after the other, once each (the suite's 20 minutes): the bar leaves room for
    # the shared machine's load to come and go between them
    hostile_s, normal_s = _seconds(extractor, hostile), _seconds(extractor, normal)
    assert hostile_s <= MAX_RATIO * normal_s + 1.0, (name, hostile_s, normal_s)
