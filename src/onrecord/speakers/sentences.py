"""The sentences of one article, in text order, as the parse gave them (a paragraph that
was not parsed is one sentence): where pronouns search back, descriptions look ahead,
and a capitalised word may be any word."""

from __future__ import annotations

from bisect import bisect_right

# what may stand, spaces aside, before a sentence's first word inside a parsed sentence: what
# the parse did not split off (a sentence's end, a line's end) or a quotation mark, whose first
# word is capitalised too (any mark but ’, which is mostly an apostrophe)
_ENDS = ".!?"
_CLOSING_AFTER_END = "\"”’)"
_OPENING = "\"“”‘("


class Sentences:
    """Sentence boundaries, filled in as the article is read, and what they tell."""

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
        """Whether the word at ``position`` is the first of its sentence or quotation.

        Read backwards from the word, never from the sentence's start: an unparsed
        paragraph is one sentence, however long, and this is asked at every name in it.
        """
        start, end, text = self.start(position), position, self.text
        while end > start and text[end - 1].isspace():
            if text[end - 1] == "\n":
                return True
            end -= 1
        if end == start:
            return True
        last = text[end - 1]
        if last in _ENDS or last in _OPENING:
            return True
        return last in _CLOSING_AFTER_END and end - 2 >= start and text[end - 2] in _ENDS
