"""The sentences of one article, in text order, as the parse gave them (a paragraph that
was not parsed is one sentence): where pronouns search back, descriptions look ahead,
and a capitalised word may be any word."""

from __future__ import annotations

import re
from bisect import bisect_right

# what ends the text before a sentence's first word, read from its parsed sentence's start:
# nothing, else what the parse did not split off (a sentence's end, a line's, a quotation mark)
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]?|[\"“”‘(]|\n)\s*$")


class Sentences:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        """The next sentence (added in text order)."""
        self.spans.append((start, end))

    def index(self, position: int) -> int:
        """The number of the sentence ``position`` is in (a position between two: the one before)."""
        return max(0, bisect_right(self.spans, (position, 1 << 60)) - 1)

    def start(self, position: int) -> int:
        """Where the sentence ``position`` is in starts."""
        return self.spans[self.index(position)][0] if self.spans else 0

    def opens(self, position: int) -> bool:
        """Whether the word at ``position`` is the first of its sentence or quotation."""
        return bool(_SENTENCE_START.search(self.text[self.start(position) : position]))
