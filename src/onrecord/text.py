"""Text handling that never mutates the text: paragraphs, quote marks, parse units.

Everything here returns offsets into the text exactly as given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .budget import checkpoint
from .nlp import tokenized

# Paragraphs are separated by a blank line (possibly holding spaces).
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")

# A paragraph longer than this is cut at sentence ends before parsing, so a
# 5 MB page with no blank line is parsed in bounded memory. 20k characters is
# far above any real news paragraph (the longest in PolNeAR train is ~3k).
MAX_PIECE_CHARS = 20_000
# Characters do not bound the work: 20k characters of punctuation are 20k
# tokens, and the rules and speaker resolution scan a piece's sentences and
# entities per mention. So a piece also holds at most this many tokens, as
# estimated by _TOKEN_ESTIMATE (a word or one other mark; spaCy makes no more
# than that). The longest paragraph of PolNeAR dev has 1,499, of BBC 652.
MAX_PIECE_TOKENS = 2_000
_TOKEN_ESTIMATE = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’']?\s+")

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT


# A letter or digit in any script. Text without one (a run of quotation marks
# and brackets) has no cue word and no name: no rule and no model finds an
# attribution in it.
_WORD_CHARACTER = re.compile(r"[^\W_]")


_BRACKETED_END = re.compile(r"(?<=\w)\s*\([^()]*\)?\s*$")


def without_bracketed_end(name: str) -> str:
    """A name without what brackets add after it: the capitals of "Institute for Fiscal Studies
    (IFS)" ("(ILO" where the NER stopped early), the party and state of "Ted Cruz (R-Texas)"."""
    return _BRACKETED_END.sub("", name) or name


def has_words(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a letter or digit."""
    return _WORD_CHARACTER.search(text, start, len(text) if end is None else end) is not None


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, stripped of surrounding whitespace."""
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [s for s in (strip_span(text, a, b) for a, b in spans) if s[0] < s[1]]


def strip_span(text: str, start: int, end: int, chars: str = "") -> tuple[int, int]:
    """``text[start:end]`` without the whitespace (and any of ``chars``) at its edges, as offsets."""
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long paragraph at sentence ends (or at a space, or hard, as a last resort)."""
    while (limit := _piece_limit(text, start, end)) < end:
        window = text[start:limit]
        cut = None
        for match in _SENTENCE_END.finditer(window):
            cut = match.end()
        if not cut or cut < len(window) // 4:
            space = window.rfind(" ")
            cut = space + 1 if space > len(window) // 4 else len(window)
        yield strip_span(text, start, start + cut)
        start += cut
    yield strip_span(text, start, end)


def _piece_limit(text: str, start: int, end: int) -> int:
    """Where a piece starting at ``start`` must end at the latest: at MAX_PIECE_CHARS
    characters or MAX_PIECE_TOKENS estimated tokens, whichever comes first."""
    limit = min(end, start + MAX_PIECE_CHARS)
    for count, match in enumerate(_TOKEN_ESTIMATE.finditer(text, start, limit), 1):
        if count > MAX_PIECE_TOKENS:
            return match.start()
    return limit


# --- quotation marks -------------------------------------------------------


def _opens(text: str, i: int) -> bool:
    """Whether a straight double quote at i opens a quotation (judged by its neighbours)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-:/" or i == 0


def _reopens(text: str, i: int, open_at: int) -> bool:
    """A straight mark inside an open quotation that opens a new sentence: ". "Word"."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i - open_at > 2 and text[i - 2 : i] in (". ", "? ", "! ") and after.isupper()


def _ends_quotation(text: str, i: int) -> bool:
    """Whether a mark at i stands where a quotation ends: after its last punctuation, before a space."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and text[i - 1] in ",.!?" and after.isspace()


def _closes_twice(text: str, start: int, end: int) -> bool:
    """Whether two closing curly marks follow before any opening one (a nested quotation)."""
    closers = 0
    for char in text[start:end]:
        if char in DOUBLE_OPEN:
            return False
        if char in DOUBLE_CLOSE:
            closers += 1
            if closers == 2:
                return True
    return False


def _closes(text: str, i: int, start: int) -> bool:
    """Whether a straight double quote at i can only close: after a word or punctuation, before a space."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > start and not text[i - 1].isspace() and (after.isspace() or after in ".,;:!?)")


def _single_opener(text: str, lo: int, hi: int) -> int | None:
    """The first single mark after the last double mark in [lo, hi) that opens a word ('AMANDA, …").

    Crawled copy sometimes opens a quotation with one kind of mark and closes
    it with another; an apostrophe inside a word ("don't") never opens. The
    scan runs backwards and stops at a double mark, so a paragraph of many
    stray closers costs the distance between them, not the paragraph each time.
    """
    opener = None
    for j in range(hi - 1, lo - 1, -1):
        char = text[j]
        if char in DOUBLE_MARKS:
            break
        if char in "'‘" and (j == lo or text[j - 1].isspace() or text[j - 1] in "([—–") and text[j + 1 : j + 2].isalnum():
            opener = j
    return opener


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pair the double quotation marks of one paragraph; never raises.

    Returns (start, end) spans that include the marks. A quotation left open at
    the end of the paragraph is closed there (the "reopened in the next
    paragraph" convention is handled by ``quotations``). Single quotes are
    nested quotes or apostrophes and never start a top-level quotation.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    # A curly quotation inside a straight one (or the reverse, in sloppy copy)
    # is nested: its closer must not close the outer quotation.
    nested = False
    i = start - 1
    while i + 1 < end:
        i += 1
        char = text[i]
        if char == "'" and text.startswith("''", i):
            # two apostrophes stand for a straight double quote in some wire copy
            if open_at is None and _opens(text, i):
                open_at = i
                i += 1
            elif open_at is not None and text[open_at] == "'":
                spans.append((open_at, i + 2))
                open_at = None
                i += 1
        elif char in DOUBLE_OPEN:
            if open_at is None:
                open_at = i
            elif text[open_at] in DOUBLE_OPEN and not nested and _ends_quotation(text, i):
                # “Apparently not,“ he said: an opening mark typed for the closing one
                spans.append((open_at, i + 1))
                open_at = None
            elif text[open_at] == STRAIGHT or _closes_twice(text, i + 1, end):
                # “… what he calls “hell” than …”: a quotation nested with the same marks
                nested = True
            # otherwise a second curly opener inside an open quote is a typo: keep the first
        elif char in DOUBLE_CLOSE:
            if open_at is None and (i == start or text[i - 1].isspace()) and text[i + 1 : i + 2].isalnum():
                # ”Word at a line start: a closing mark typed for an opening one
                open_at = i
            elif open_at is None:
                single = _single_opener(text, spans[-1][1] if spans else start, i)
                if single is not None:
                    spans.append((single, i + 1))
                # else a stray closer (a text cut inside a quotation): it stays unpaired
            elif nested:
                nested = False
            elif open_at is not None:
                spans.append((open_at, i + 1))
                open_at = None
            # a stray closer is ignored
        elif char == STRAIGHT:
            if open_at is None and _closes(text, i, start):
                # a closer with no opener: ‘…" opened with a single mark, or a stray
                # closer, which must not open a quotation that swallows the paragraph
                single = _single_opener(text, spans[-1][1] if spans else start, i)
                if single is not None:
                    spans.append((single, i + 1))
            elif open_at is None:
                open_at = i
            elif text[open_at] == STRAIGHT and _reopens(text, i, open_at):
                # `said: "I think … minister. "If you come out …`: copy that lost its
                # paragraph breaks reopens the quote at each old paragraph; the open
                # quotation ends before the new one
                close = i
                while close > open_at + 1 and text[close - 1].isspace():
                    close -= 1
                spans.append((open_at, close))
                open_at = i
                nested = False
            elif text[open_at] in "'" + STRAIGHT or not _opens(text, i):
                spans.append((open_at, i + 1))
                open_at = None
                nested = False
    if open_at is not None and end - open_at > 1:
        spans.append((open_at, end))
    return spans


@dataclass(frozen=True, slots=True)
class Quotation:
    """Quoted text, possibly over several paragraphs: one span per paragraph."""

    spans: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def _is_open_ended(text: str, span: tuple[int, int]) -> bool:
    closed = text[span[1] - 1] in DOUBLE_CLOSE + STRAIGHT or text.startswith("''", span[1] - 2)
    return not closed or span[1] - span[0] < 2


def _same_marks(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two quotations open with the same kind of mark (straight or curly).

    Some sites set a long excerpt off with straight marks and quote inside it
    with curly ones; only a paragraph reopened with the same mark continues.
    """
    return (text[first[0]] in DOUBLE_OPEN) == (text[second[0]] in DOUBLE_OPEN)


# A nickname set in quotation marks inside a person's name quotes nobody: Gov. C.L.
# "Butch" Otter, Thomas "Tip" O'Neill. One or two capitalised words between a
# capitalised word (a first name, initials) and a capitalised word (the surname).
_NICKNAME = re.compile(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?")
_NAME_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w'.-]* $")
_NAME_AFTER = re.compile(r" [A-Z]")


def _is_nickname(text: str, span: tuple[int, int]) -> bool:
    start, end = span
    return (
        end - start > 2
        and text[end - 1] in DOUBLE_CLOSE + STRAIGHT
        and _NICKNAME.fullmatch(text, start + 1, end - 1) is not None
        and _NAME_BEFORE.search(text, max(0, start - 40), start) is not None
        and _NAME_AFTER.match(text, end) is not None
    )


def quotations(text: str, paragraphs: list[tuple[int, int]]) -> list[Quotation]:
    """All quotations of an article, joining multi-paragraph quotes.

    News style reopens the quote at each new paragraph and closes it only at the
    last one; a paragraph whose quote is open at its end and whose successor
    starts with an opening mark continues into that successor.
    """
    result: list[Quotation] = []
    carried: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        spans = [span for span in quote_spans(text, p_start, p_end) if not _is_nickname(text, span)]
        label = speaker_label(text, p_start, p_end) if spans and spans[0][0] == p_start else None
        if label is not None and label[2] < spans[0][1]:
            # a transcript turn ("“PENCE: Well, …"): the quote is the turn after the
            # label, and a new speaker's turn never continues the last one's quote
            spans[0] = (label[2], spans[0][1])
            if carried:
                result.append(Quotation(tuple(carried)))
                carried = []
        if carried and spans and spans[0][0] == p_start and _same_marks(text, carried[0], spans[0]):
            carried.append(spans.pop(0))
            if _is_open_ended(text, carried[-1]) and not spans:
                continue
            result.append(Quotation(tuple(carried)))
            carried = []
        elif carried:
            result.append(Quotation(tuple(carried)))
            carried = []
        for index, span in enumerate(spans):
            last = index == len(spans) - 1
            if last and _is_open_ended(text, span):
                carried = [span]
            else:
                result.append(Quotation((span,)))
    if carried:
        result.append(Quotation(tuple(carried)))
    return [q for quotation in result for q in _unwrap_excerpt(text, quotation)]


_CURLY_QUOTE = re.compile(r"[“„«][^“”„«»]*[”»]")


def _unwrap_excerpt(text: str, quotation: Quotation) -> list[Quotation]:
    """A straight-quoted excerpt of another article that quotes with curly marks inside.

    Sites set a passage from another outlet off with straight marks that open
    each paragraph and are never closed; its own attributions ("“Here he is,” she said") are the
    story's, so the curly quotations inside stand for themselves.
    """
    # never closed by a straight mark: the paragraph's end closed it
    if text[quotation.start] != STRAIGHT or text[quotation.end - 1] == STRAIGHT:
        return [quotation]
    inner = [
        Quotation((match.span(),))
        for start, end in quotation.spans
        for match in _CURLY_QUOTE.finditer(text, start, end)
    ]
    return inner if inner else [quotation]


# --- speaker labels --------------------------------------------------------

# "PENCE: Well, …" in a transcript, "Poll: Wealthy voters …" in a headline: up
# to four capitalized words, a colon, and the statement.
_SPEAKER_LABEL = re.compile(
    r"[" + re.escape(DOUBLE_OPEN + STRAIGHT) + r"]?[ \t]*"
    r"((?:[A-Z][\w.'’&-]*)(?:[ \u00a0][A-Z][\w.'’&-]*){0,3})[ \t]*:[ \t]+(?=[\"“‘'A-Z])"
)
# Words that head a paragraph with a colon without naming a speaker, the teasers of
# clickbait headlines among them ("Wow: Glenn Beck Just Responded …", "Revealed: What …",
# "Just Leaked: …", "BOOM: …": PolNeAR train's titles, none a source).
_NOT_SPEAKERS = frozenset(
    """a also analysis and answer background bombshell boom bottom breaking but byline caption chapter
    clarification comment commentary contact context contributing correction credit date disclaimer editor editors
    email example exclusive follow full here how image images it just key leaked listen live location
    look note opinion part photo photos phone pictured plus q question read related revealed review see
    share source sources step subscribe summary tags that the this time topics transcript update video
    warning watch what when where who why wow""".split()
)


def speaker_label(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(name start, name end, statement start) when the paragraph at start opens with a speaker label."""
    match = _SPEAKER_LABEL.match(text, start, end)
    if match is None:
        return None
    label = match.group(1)
    first = without_possessive(label.split()[0]).lower().strip(".'’")  # "Editor's Note:" too
    if len(label) < 2 or any(ch.isdigit() for ch in label) or first in _NOT_SPEAKERS:
        return None
    return match.start(1), match.end(1), match.end()


# --- parse units -----------------------------------------------------------


@dataclass(slots=True)
class Unit:
    """A paragraph (or piece of one) and, when it was worth parsing, its spaCy Doc.

    ``doc`` character offsets are relative to ``start``.
    """

    start: int
    end: int
    paragraph: int
    doc: Doc | None = None


# Tokens parsed together: spaCy holds a whole batch's activations at once, so
# batches of 32 pieces (its default is 256) peaked at 1.3 GB for 200,000
# characters of short quoted sentences (about 30 pieces of MAX_PIECE_TOKENS);
# batches of this many tokens peak at a third of that, and news paragraphs
# still go dozens to a batch.
PARSE_BATCH_TOKENS = 4_000


def parse_units(
    text: str, nlp: Language, *, worth_parsing: Callable[[str], bool] | None = None
) -> list[Unit]:
    """Split ``text`` into paragraph units and parse those that may hold an attribution."""
    units = [
        Unit(a, b, index)
        for index, (p_start, p_end) in enumerate(paragraph_spans(text))
        for a, b in _pieces(text, p_start, p_end)
        if a < b
    ]
    todo = [u for u in units if worth_parsing is None or worth_parsing(text[u.start : u.end])]
    docs = (tokenized(nlp, text[u.start : u.end]) for u in todo)
    parsed = (doc for batch in _batches(docs) for doc in nlp.pipe(batch, batch_size=len(batch)))
    for unit, doc in zip(todo, parsed):
        unit.doc = doc
        checkpoint()
    return units


def _batches(docs: Iterator[Doc]) -> Iterator[list[Doc]]:
    """Consecutive docs of PARSE_BATCH_TOKENS tokens or fewer together (a longer one alone)."""
    batch: list[Doc] = []
    tokens = 0
    for doc in docs:
        if batch and tokens + len(doc) > PARSE_BATCH_TOKENS:
            yield batch
            batch, tokens = [], 0
        batch.append(doc)
        tokens += len(doc)
        checkpoint()
    if batch:
        yield batch


_POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")


def without_possessive(name: str) -> str:
    """"Sri Lanka's" -> "Sri Lanka", "Pedro Mendes'" -> "Pedro Mendes": the name, not its case."""
    return _POSSESSIVE.sub("", name)
