"""Small helpers that turn spaCy tokens and subtrees into article offsets."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from ..text import DOUBLE_MARKS, Unit
from .candidate import Mention, Offsets

# Tokens trimmed from the ends of a content or source span.
_EDGE_PUNCT = frozenset(",;:—–-[]")
_EDGE_WORDS = frozenset({"and", "but", "or", "so"})


# what ends a dateline ("TORONTO --", "WASHINGTON (Reuters) -")
_DATELINE_DASHES = frozenset({"-", "--", "—", "–"})
# a quotation mark as a token: a double one, or the doubled single marks some papers write (''Aunt Tom'')
_QUOTATION_TOKENS = frozenset(DOUBLE_MARKS) | {"''", "``"}


def dateline_end(doc: Doc) -> int | None:
    """The index of the dash that ends the dateline opening a paragraph ("RENO, Nev. (AP) —"), if any.

    A dateline is a place in capitals, then state, agency and punctuation, then a spaced
    dash; "EADS - Airbus' majority owner - admitted" is a subject with an aside (a second
    dash before its verb) and "DJ Norman Cook - aka Fatboy Slim -" no place in capitals."""
    first = doc[0] if len(doc) else None
    if first is None or not (first.is_upper and first.is_alpha and len(first) > 1):
        return None
    for token in doc[:8]:
        if _spaced_dash(token):
            verb = token.sent.root.i
            return None if any(_spaced_dash(t) for t in doc[token.i + 1 : verb]) else token.i
        if not (token.is_upper or token.is_punct or (token.pos_ == "PROPN" and token.i > 1)):
            return None
    return None


def _spaced_dash(token: Token) -> bool:
    return token.text in _DATELINE_DASHES and token.i > 0 and bool(token.nbor(-1).whitespace_ and token.whitespace_)


def overlaps(a: Offsets, b: Offsets) -> bool:
    """Whether two [start, end) spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def token_offsets(token: Token, base: int) -> Offsets:
    return base + token.idx, base + token.idx + len(token.text)


def tokens_offsets(tokens: list[Token], base: int) -> Offsets:
    return base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1].text)


def trimmed(tokens: list[Token]) -> list[Token]:
    """Drop punctuation, spaces and dangling conjunctions at both ends."""
    lo, hi = 0, len(tokens)

    def junk(token: Token, at_end: bool) -> bool:
        if token.is_space or token.text in _EDGE_PUNCT:
            return True
        if token.text == "." and at_end:
            return False  # keep the full stop: gold contents often end with it
        return token.lower_ in _EDGE_WORDS and not at_end

    while lo < hi and junk(tokens[lo], False):
        lo += 1
    while hi > lo and (tokens[hi - 1].is_space or tokens[hi - 1].text in _EDGE_PUNCT or tokens[hi - 1].lower_ in _EDGE_WORDS):
        hi -= 1
    return tokens[lo:hi]


def subtree_tokens(token: Token, *, exclude: Iterable[Token] = ()) -> list[Token]:
    """The contiguous subtree of a token, minus the subtrees of ``exclude`` at its edges."""
    doc = token.doc
    lo, hi = token.left_edge.i, token.right_edge.i
    for other in exclude:
        o_lo, o_hi = other.left_edge.i, other.right_edge.i
        if o_lo <= lo <= o_hi:
            lo = o_hi + 1
        if o_lo <= hi <= o_hi:
            hi = o_lo - 1
    if lo > hi:
        return []
    return [doc[i] for i in range(lo, hi + 1)]


def mention(tokens: list[Token], base: int) -> Mention | None:
    """The mention the tokens make, trimmed, and never cut inside a hyphenated word: the parse
    may hang "Wilson -" of "Wilson-Raybould" off the verb, leaving the subject "Raybould"."""
    tokens = trimmed(tokens)
    if not tokens:
        return None
    doc = tokens[0].doc
    first, last = tokens[0].i, tokens[-1].i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ and not doc[first - 2].whitespace_:
        first -= 2
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ and not doc[last + 1].whitespace_:
        last += 2
    start, end = tokens_offsets([doc[first], doc[last]], base)
    return Mention(start, end, Span(doc, first, last + 1))


class SpanIndex:
    """Sorted, non-overlapping (start, end) spans with lookup by position."""

    def __init__(self, spans: Iterable[Offsets]) -> None:
        self.spans = sorted(set(spans))
        self._starts = [s for s, _ in self.spans]

    def find(self, position: int) -> Offsets | None:
        """The span containing ``position``, or None."""
        i = bisect_right(self._starts, position) - 1
        if i >= 0 and position < self.spans[i][1]:
            return self.spans[i]
        return None

    def following(self, span: Offsets) -> Offsets | None:
        """The first span starting at or after the end of ``span``."""
        i = bisect_left(self._starts, span[1])
        return self.spans[i] if i < len(self.spans) else None


class ParsedUnits:
    """The parsed units of an article, found by the article offsets they hold."""

    def __init__(self, units: list[Unit]) -> None:
        self._units = [u for u in units if u.doc is not None]
        self._index = SpanIndex((u.start, u.end) for u in self._units)
        self._by_start = {u.start: u for u in self._units}

    def __iter__(self) -> Iterator[Unit]:
        """The parsed units, in text order."""
        return iter(self._units)

    def holding(self, start: int, end: int) -> Unit | None:
        """The parsed unit that holds [start, end) whole, or None."""
        found = self._index.find(start)
        return self._by_start[found[0]] if found is not None and end <= found[1] else None


def unit_span(unit: Unit, start: int, end: int) -> Span | None:
    """The tokens of a parsed unit over article offsets [start, end), widened to whole tokens."""
    if unit.doc is None:
        return None
    return unit.doc.char_span(start - unit.start, end - unit.start, alignment_mode="expand")


class DisjointSpans:
    """Spans merged as they are added and kept sorted: what the attributions kept so far cover."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, span: Offsets) -> None:
        start, end = span
        # one attribution's own fragments may touch each other: merge, stay disjoint
        i = bisect_right(self._ends, start)
        j = i
        while j < len(self._starts) and self._starts[j] < end:
            start, end = min(start, self._starts[j]), max(end, self._ends[j])
            j += 1
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def overlaps(self, span: Offsets) -> bool:
        i = bisect_right(self._ends, span[0])  # the first span ending after this one starts
        return i < len(self._starts) and self._starts[i] < span[1]

    def contains(self, position: int) -> bool:
        i = bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._ends[i]


def is_quotation_mark(token: Token) -> bool:
    """Whether a token is a quotation mark (a double one, or two single marks written as one)."""
    return token.text in _QUOTATION_TOKENS
