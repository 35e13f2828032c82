"""Quotation marks meet the parse: direct and mixed quotes, interrupted and floating ones.

The parse finds cues and clauses; quotation marks say where the words are
someone else's. This module stretches contents to whole quotations, gives a
cue with no clause the quotation that follows it, joins the later quotes of a
paragraph to the statement they continue, and gives a quoted paragraph with no
cue to the previous speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..text import Quotation, Unit
from .candidate import Candidate, Mention, Offsets
from .spans import ParsedUnits, SpanIndex, unit_span

CONFIDENCE_FLOATING = 0.6
# A quotation this short (in characters) inside narration is a scare quote or
# a title, not a statement, unless a cue governs it.
MIN_FLOATING_CHARS = 25


CONFIDENCE_SIGNED = 0.8
# “…” ― Jorge Falcon: a quotation signed with a dash and a name to the end of
# its line, the way sites print readers' and experts' comments.
_SIGNATURE = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*((?:[A-Z][\w.'’-]*)(?:[ \u00a0][A-Z][\w.'’-]*){0,4})\.?[ \t\u00a0]*(?:\n|$)")


def signed_quotations(text: str, quotes: list[Quotation], units: list[Unit]) -> list[Candidate]:
    """Quotations signed by a dash and a name: the name is the speaker, the dash the cue."""
    found = []
    parsed = ParsedUnits(units)
    for quote in quotes:
        match = _SIGNATURE.match(text, quote.end)
        if match is None:
            continue
        name_start, name_end = match.span(1)
        while text[name_end - 1] == ".":
            name_end -= 1  # "― Steve Quinlan." ends a sentence, not the name
        unit = parsed.holding(name_start, name_end)
        span = unit_span(unit, name_start, name_end) if unit is not None else None
        dash = text.index(match.group(0).strip()[0], match.start())
        found.append(
            Candidate(
                kind="direct",
                content=list(quote.spans),
                cue=[(dash, dash + 1)],
                source=Mention(name_start, name_end, span),
                confidence=CONFIDENCE_SIGNED,
            )
        )
    return found


def _overlaps(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class QuoteIndex:
    """The quotations an offset range touches, found by bisection.

    Quotations come in text order and never overlap (``text.quotations``), so
    their ends are as sorted as their starts; a page with thousands of quotes
    must not cost a scan of all of them for every candidate.
    """

    def __init__(self, quotes: list[Quotation]) -> None:
        self.quotes = quotes
        self._starts = [q.start for q in quotes]
        self._ends = [q.end for q in quotes]
        self._ordered = all(self._ends[i] <= self._starts[i + 1] for i in range(len(quotes) - 1))

    def touching(self, start: int, end: int) -> list[int]:
        """Indices of the quotations whose extent overlaps [start, end)."""
        if not self._ordered:  # never expected; stay correct if it happens
            return [i for i, q in enumerate(self.quotes) if _overlaps((start, end), (q.start, q.end))]
        found = []
        i = bisect_right(self._ends, start)
        while i < len(self.quotes) and self._starts[i] < end:
            found.append(i)
            i += 1
        return found


def stretch_to_quotations(candidate: Candidate, quotes: list[Quotation], index: QuoteIndex | None = None) -> None:
    """Widen content fragments that cut into a quotation to cover it whole."""
    index = index or QuoteIndex(quotes)
    fragments: list[Offsets] = []
    for start, end in candidate.content:
        # stretching stays inside the touched quotations, which touch no others
        for quote in [quotes[i] for i in index.touching(start, end)]:
            for q_start, q_end in quote.spans:
                if _overlaps((start, end), (q_start, q_end)):
                    start, end = min(start, q_start), max(end, q_end)
            if len(quote.spans) > 1 and _overlaps((start, end), (quote.start, quote.end)):
                # a multi-paragraph quotation: one fragment per paragraph
                fragments.extend(s for s in quote.spans if not _overlaps(s, (start, end)))
        fragments.append((start, end))
    candidate.content = sorted(set(fragments))


def kind_of(candidate: Candidate, quotes: list[Quotation]) -> str:
    """direct when every content fragment is a quotation, mixed when some part is quoted."""
    if candidate.kind in ("block", "mixed"):
        return candidate.kind
    spans = [s for q in quotes for s in q.spans]
    inside = 0
    touched = False
    for start, end in candidate.content:
        covering = [s for s in spans if s[0] <= start + 1 and end - 1 <= s[1]]
        if covering:
            inside += 1
        elif any(_overlaps((start, end), s) for s in spans):
            touched = True
    if inside == len(candidate.content) and candidate.content:
        return "direct"
    return "mixed" if touched or inside else "indirect"


def attach_quotations(
    text: str,
    candidates: list[Candidate],
    quotes: list[Quotation],
    sentences: SpanIndex,
    paragraphs: SpanIndex,
) -> list[Candidate]:
    """Give quotations to the cues that govern them; return the floating-quote candidates too."""
    # a quotation inside a speaker's name ("Marcia “Cia” Price") is never content
    sources = [(c.source.start, c.source.end) for c in candidates if c.source is not None]
    used: set[int] = {i for i, q in enumerate(quotes) if any(s <= q.start and q.end <= e for s, e in sources)}
    index = QuoteIndex(quotes)
    for candidate in candidates:
        if candidate.content:
            stretch_to_quotations(candidate, quotes, index)
            used.update(i for f in candidate.content for i in index.touching(*f))
    # A cue with no clause takes the first free quotation after it in its sentence,
    # or, when its paragraph ends with a colon, the quotation opening the next one.
    for candidate in candidates:
        if candidate.content or not candidate.cue:
            continue
        index = _governed_quotation(text, candidate, quotes, used, sentences, paragraphs)
        if index is not None:
            candidate.content = list(quotes[index].spans)
            used.add(index)
            between = text[candidate.cue[-1][1] : quotes[index].start].strip()
            if any(ch.isalpha() for ch in between) and not between.endswith(":"):
                # "criticized Sessions for “…”": a quoted phrase inside a paraphrase
                candidate.kind = "mixed"
    candidates = [c for c in candidates if c.content]
    # Every free quotation in the sentence of a direct quote's cue belongs to it:
    # “If you look back,” Scott said, “I could have written those things.”
    for candidate in candidates:
        if not candidate.cue or not _quoted(candidate, quotes):
            continue
        sentence = sentences.find(candidate.cue[0][0])
        if sentence is None:
            continue
        for index, quote in enumerate(quotes):
            if index not in used and sentence[0] <= quote.start < sentence[1]:
                candidate.content = sorted(candidate.content + list(quote.spans))
                used.add(index)
    # Later quotations of the same paragraph continue a direct statement:
    # “We will win,” he said, “in November.” / “A,” said X. “B.”
    floating: list[Candidate] = []
    by_start = _ByStart(candidates)
    # computed once: a candidate only becomes quoted here by being quoted already
    quoted_by_start = _ByStart([c for c in candidates if _quoted(c, quotes)])
    for index, quote in enumerate(quotes):
        if index in used:
            continue
        paragraph = paragraphs.find(quote.start)
        previous = by_start.before(quote.start)
        # the statement a later quote continues: the last quoted one of the paragraph,
        # even past an attribution nested in its speaker's description ("…, who has
        # been challenging the coal industry …")
        quoted = quoted_by_start.before(quote.start)
        if quoted is not previous and not _same_sentence(quoted, previous, sentences):
            quoted = None  # someone else spoke in between
        if quoted is not None and paragraph is not None and paragraphs.find(quoted.start) == paragraph and (
            # a short quote after a paraphrase is a scare quote of its own
            quote.end - quote.start >= MIN_FLOATING_CHARS or kind_of(quoted, quotes) == "direct"
        ):
            quoted.content = sorted(quoted.content + list(quote.spans))
            used.add(index)
            continue
        if paragraph is not None and quote.start == paragraph[0] and quote.end - quote.start >= MIN_FLOATING_CHARS:
            if previous is not None and previous.source is not None:
                floating.append(
                    Candidate(
                        kind="direct",
                        content=list(quote.spans),
                        source=None,
                        confidence=CONFIDENCE_FLOATING,
                        continues=previous,
                    )
                )
                used.add(index)
    return candidates + floating


def _governed_quotation(
    text: str,
    candidate: Candidate, quotes: list[Quotation], used: set[int], sentences: SpanIndex, paragraphs: SpanIndex
) -> int | None:
    """The quotation a cue with no clause introduces: the first free one after it in its
    sentence (or opening the next paragraph after a colon), else the last one before it."""
    cue_start, cue_end = candidate.cue[0][0], candidate.cue[-1][1]
    sentence = sentences.find(cue_end - 1)
    paragraph = paragraphs.find(cue_end - 1)
    free = [i for i in range(len(quotes)) if i not in used]
    # a quotation ending in the cue's sentence, even one the sentence splitter cut
    # off its start ("“Are we there? Probably not,” Ms. Moore said.")
    before = [
        i for i in free
        if (sentence is not None and sentence[0] < quotes[i].end <= cue_start)
        # the splitter may end a sentence at the quote's "!" or "?": “We love cats!” reply …
        or (paragraph is not None and paragraph[0] <= quotes[i].start and quotes[i].end <= cue_start
            and _just_before(text, quotes[i].end, cue_start))
    ]
    if before and _just_before(text, quotes[before[-1]].end, cue_start):
        # “…,” Sanders said, suggesting …, including “…”: the inverted quote is the statement
        return before[-1]
    for index in free:
        quote = quotes[index]
        if quote.start < cue_end:
            continue
        in_sentence = sentence is not None and quote.start < sentence[1]
        after_colon = (
            paragraph is not None
            and text[paragraph[0] : paragraph[1]].endswith(":")
            and paragraphs.following(paragraph) == _starting_at(paragraphs, quote.start)
        )
        if in_sentence or after_colon:
            return index
        break
    return before[-1] if before else None


# Between a closing mark and its inverted cue stands only the speaker: "," Sanders said
_SPEAKER_GAP_CHARS = 80


def _just_before(text: str, quote_end: int, cue_start: int) -> bool:
    gap = text[quote_end:cue_start]
    return len(gap) <= _SPEAKER_GAP_CHARS and not any(ch in gap for ch in ".?!;:\n“”\"")


def _quoted(candidate: Candidate, quotes: list[Quotation]) -> bool:
    return any(_overlaps(f, s) for f in candidate.content for q in quotes for s in q.spans)


def _starting_at(paragraphs: SpanIndex, position: int) -> Offsets | None:
    span = paragraphs.find(position)
    return span if span is not None and span[0] == position else None


def _same_sentence(a: Candidate | None, b: Candidate | None, sentences: SpanIndex) -> bool:
    if a is None or b is None or not a.cue or not b.cue:
        return False
    sentence = sentences.find(a.cue[0][0])
    return sentence is not None and sentence == sentences.find(b.cue[0][0])


class _ByStart:
    """Candidates in text order, asked for the last one starting before a position.

    Their starts do not move while quotes are attached (a quote joins the
    statement it follows), so they are read once.
    """

    def __init__(self, candidates: list[Candidate]) -> None:
        self._candidates = sorted(candidates, key=lambda c: c.start)
        self._starts = [c.start for c in self._candidates]

    def before(self, position: int) -> Candidate | None:
        i = bisect_left(self._starts, position)
        return self._candidates[i - 1] if i else None
