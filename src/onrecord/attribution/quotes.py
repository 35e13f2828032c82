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
from .cues import READ_FORMS, WRITERS_DETERMINERS
from .spans import DisjointSpans, ParsedUnits, SpanIndex, overlaps, unit_span

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


class QuoteIndex:
    """The quotations of an article and their spans, found by bisection.

    Quotations come in text order and never overlap (``text.quotations``), so
    their ends are as sorted as their starts, and so are the spans of all of
    them in a row; a page with thousands of quotes must not cost a scan of all
    of them for every candidate.
    """

    def __init__(self, quotes: list[Quotation]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]
        self._ends = [q.end for q in quotes]
        # every quotation's spans (one per paragraph), in text order
        self.spans = [span for q in quotes for span in q.spans]
        self._span_starts = [s for s, _ in self.spans]
        self._span_ends = [e for _, e in self.spans]
        self.ordered = all(a[1] <= b[0] for a, b in zip(self.spans, self.spans[1:]))

    def touching(self, start: int, end: int) -> list[int]:
        """Indices of the quotations whose extent overlaps [start, end)."""
        if not self.ordered:  # never expected; stay correct if it happens
            return [i for i, q in enumerate(self.quotes) if overlaps((start, end), (q.start, q.end))]
        found = []
        i = bisect_right(self._ends, start)
        while i < len(self.quotes) and self.starts[i] < end:
            found.append(i)
            i += 1
        return found

    def covers(self, start: int, end: int) -> bool:
        """Whether one quotation span holds [start, end), give or take a character at each end."""
        if not self.ordered:
            return any(s <= start + 1 and end - 1 <= e for s, e in self.spans)
        # of the spans starting by start + 1, the last one reaches furthest
        i = bisect_right(self._span_starts, start + 1) - 1
        return i >= 0 and end - 1 <= self._span_ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a quotation span overlaps [start, end)."""
        if not self.ordered:
            return any(overlaps((start, end), s) for s in self.spans)
        i = bisect_right(self._span_ends, start)
        return i < len(self.spans) and self._span_starts[i] < end


def stretch_to_quotations(candidate: Candidate, index: QuoteIndex) -> None:
    """Widen content fragments that cut into a quotation to cover it whole."""
    fragments: list[Offsets] = []
    for start, end in candidate.content:
        # stretching stays inside the touched quotations, which touch no others
        for quote in [index.quotes[i] for i in index.touching(start, end)]:
            for q_start, q_end in quote.spans:
                if overlaps((start, end), (q_start, q_end)):
                    start, end = min(start, q_start), max(end, q_end)
            if len(quote.spans) > 1 and overlaps((start, end), (quote.start, quote.end)):
                # a multi-paragraph quotation: one fragment per paragraph
                fragments.extend(s for s in quote.spans if not overlaps(s, (start, end)))
        fragments.append((start, end))
    candidate.content = sorted(set(fragments))


def kind_of(candidate: Candidate, index: QuoteIndex) -> str:
    """direct when every content fragment is a quotation, mixed when some part is quoted."""
    if candidate.kind in ("block", "mixed"):
        return candidate.kind
    inside = 0
    touched = False
    for start, end in candidate.content:
        if index.covers(start, end):
            inside += 1
        elif index.overlaps(start, end):
            touched = True
    if inside == len(candidate.content) and candidate.content:
        return "direct"
    return "mixed" if touched or inside else "indirect"


def attach_quotations(
    text: str,
    candidates: list[Candidate],
    index: QuoteIndex,
    sentences: SpanIndex,
    paragraphs: SpanIndex,
    titles: set[int],
) -> list[Candidate]:
    """Give quotations to the cues that govern them; return the floating-quote candidates too.

    ``titles`` gets the indices of the quotations found to be titles ("said on “Today”, “…”"),
    which are no statement of their own."""
    quotes = index.quotes
    free = _FreeQuotes(len(quotes))
    # a quotation inside a speaker's name ("Marcia “Cia” Price") is never content
    for source in (c.source for c in candidates if c.source is not None):
        for i in index.touching(source.start, source.end):
            if source.start <= quotes[i].start and quotes[i].end <= source.end:
                free.take(i)
    for candidate in candidates:
        if candidate.content:
            stretch_to_quotations(candidate, index)
            for fragment in candidate.content:
                for i in index.touching(*fragment):
                    free.take(i)
    # A cue with no clause takes the first free quotation after it in its sentence,
    # or, when its paragraph ends with a colon, the quotation opening the next one;
    # not a cue inside another's content ("said that the only thing people would
    # support is …" leaves the quotation before it alone)
    contents = DisjointSpans()
    for fragment in (f for c in candidates for f in c.content):
        contents.add(fragment)
    for candidate in candidates:
        if candidate.content or not candidate.cue or contents.contains(candidate.cue[0][0]):
            continue
        governed = _governed_quotation(text, candidate, index, free, sentences, paragraphs)
        if governed is not None:
            candidate.content = list(quotes[governed].spans)
            free.take(governed)
            between = text[candidate.cue[-1][1] : quotes[governed].start].strip()
            if any(ch.isalpha() for ch in between) and not between.endswith(":"):
                # "criticized Sessions for “…”": a quoted phrase inside a paraphrase
                candidate.kind = "mixed"
    candidates = [c for c in candidates if c.content]
    # Every free quotation in the sentence of a direct quote's cue belongs to it:
    # “If you look back,” Scott said, “I could have written those things.”
    for candidate in candidates:
        if not candidate.cue or not _quoted(candidate, index):
            continue
        sentence = sentences.find(candidate.cue[0][0])
        if sentence is None:
            continue
        i = free.after(bisect_left(index.starts, sentence[0]))
        while i is not None and quotes[i].start < sentence[1]:
            if quotes[i].end <= candidate.cue[0][0] and _inside_a_phrase(text, sentence[0], quotes[i].start):
                # "On ABC's “Good Morning America” Tuesday, he said, “…”": a quotation inside
                # the words that set the scene before the cue is a title, not a piece of the
                # statement, nor of another one
                free.take(i)
                titles.add(i)
                i = free.after(i + 1)
                continue
            candidate.content = sorted(candidate.content + list(quotes[i].spans))
            free.take(i)
            i = free.after(i + 1)
    # Later quotations of the same paragraph continue a direct statement:
    # “We will win,” he said, “in November.” / “A,” said X. “B.”
    floating: list[Candidate] = []
    by_start = _ByStart(candidates)
    # computed once: a candidate only becomes quoted here by being quoted already
    quoted_by_start = _ByStart([c for c in candidates if _quoted(c, index)])
    for i, quote in enumerate(quotes):
        if i not in free:
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
            quote.end - quote.start >= MIN_FLOATING_CHARS or kind_of(quoted, index) == "direct"
        ):
            quoted.content = sorted(quoted.content + list(quote.spans))
            free.take(i)
            continue
        # (the statement, not one nested in its content: "Mr Dunn said he expected …. “…”")
        statement = _outermost(previous, by_start) if previous is not None else None
        if (
            statement is not None and statement.source is not None and paragraph is not None
            and paragraphs.find(statement.start) == paragraph and statement.end <= quote.start
            and quote.end - quote.start >= MIN_FLOATING_CHARS and _opens_sentence(text, quote.start)
        ):
            # "Coan argues that his client was never violent. “The government is alleging …”":
            # a quoted sentence after a paraphrase goes on with it (PolNeAR: one content)
            statement.content = sorted(statement.content + list(quote.spans))
            free.take(i)
            continue
        if paragraph is not None and quote.start == paragraph[0] and quote.end - quote.start >= MIN_FLOATING_CHARS:
            if previous is not None and previous.source is not None and read_after(text, quote.end) is None:
                floating.append(
                    Candidate(
                        kind="direct",
                        content=list(quote.spans),
                        source=None,
                        confidence=CONFIDENCE_FLOATING,
                        continues=previous,
                    )
                )
                free.take(i)
    return candidates + floating


def _governed_quotation(
    text: str,
    candidate: Candidate, index: QuoteIndex, free: _FreeQuotes, sentences: SpanIndex, paragraphs: SpanIndex
) -> int | None:
    """The quotation a cue with no clause introduces: the first free one after it in its
    sentence (or opening the next paragraph after a colon), else the last one before it."""
    quotes = index.quotes
    cue_start, cue_end = candidate.cue[0][0], candidate.cue[-1][1]
    sentence = sentences.find(cue_end - 1)
    paragraph = paragraphs.find(cue_end - 1)
    # the last free quotation ending in the cue's sentence, even one the sentence splitter
    # cut off its start ("“Are we there? Probably not,” Ms. Moore said.")
    before = None
    i = free.before(bisect_left(index.starts, cue_start) - 1)
    while i is not None:
        quote = quotes[i]
        in_sentence = sentence is not None and sentence[0] < quote.end
        # the splitter may end a sentence at the quote's "!" or "?": “We love cats!” reply …
        in_paragraph = paragraph is not None and paragraph[0] <= quote.start
        if quote.end <= cue_start and (in_sentence or (in_paragraph and _just_before(text, quote.end, cue_start))):
            before = i
            break
        if index.ordered and not in_sentence and (not in_paragraph or quote.end < cue_start - _SPEAKER_GAP_CHARS):
            break  # the quotations further back end earlier still
        i = free.before(i - 1)
    if before is not None and _just_before(text, quotes[before].end, cue_start):
        # “…,” Sanders said, suggesting …, including “…”: the inverted quote is the statement
        return before
    after = free.after(bisect_left(index.starts, cue_end))
    if after is not None:
        in_sentence = sentence is not None and quotes[after].start < sentence[1]
        after_colon = (
            paragraph is not None
            and text[paragraph[0] : paragraph[1]].endswith(":")
            and paragraphs.following(paragraph) == _starting_at(paragraphs, quotes[after].start)
        )
        if in_sentence or after_colon:
            return after
    return before


class _FreeQuotes:
    """The quotations no candidate has taken yet, by index.

    The next or previous free one is found through two union-find skip lists
    (a taken index links past itself), so taking thousands of quotations and
    searching among them stays near-linear.
    """

    def __init__(self, count: int) -> None:
        self._taken = [False] * count
        self._next = list(range(count + 1))  # count: none after
        self._previous = list(range(count + 1))  # shifted by one; 0: none before

    def __contains__(self, i: int) -> bool:
        return not self._taken[i]

    def take(self, i: int) -> None:
        self._taken[i] = True
        self._next[i] = i + 1
        self._previous[i + 1] = i

    def after(self, i: int) -> int | None:
        """The first free index at or after i."""
        found = _root(self._next, min(max(i, 0), len(self._taken)))
        return found if found < len(self._taken) else None

    def before(self, i: int) -> int | None:
        """The last free index at or before i."""
        if i < 0:
            return None
        found = _root(self._previous, min(i, len(self._taken) - 1) + 1) - 1
        return found if found >= 0 else None


def _root(links: list[int], i: int) -> int:
    while links[i] != i:
        links[i] = links[links[i]]  # path halving
        i = links[i]
    return i


# Between a closing mark and its inverted cue stands only the speaker: "," Sanders said
_SPEAKER_GAP_CHARS = 80


def _inside_a_phrase(text: str, sentence_start: int, quote_start: int) -> bool:
    """Whether a quotation follows a word or a comma of its sentence ("on ABC's “Good Morning
    America”", "In his book, “Doomed to Succeed,”"), not its start, a dash or a colon ("… -
    “I love Oreos,” he said")."""
    before = text[sentence_start:quote_start].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def _just_before(text: str, quote_end: int, cue_start: int) -> bool:
    gap = text[quote_end:cue_start]
    if len(gap) > _SPEAKER_GAP_CHARS or any(ch in gap for ch in ".?!;:\n“”\""):
        return False
    # “… cause trouble.” The executive disagreed.: a quotation that ends its sentence
    # with a full stop, and a new sentence after it, is not the cue's inverted quote
    return not (text[quote_end - 2 : quote_end - 1] == "." and gap.strip()[:1].isupper() and gap[:1].isspace())


# “…,” the editorial read / “…,” it read: a written thing (a determiner or a possessive and up to
# three words, or "it") and "read" right after a quotation
_READ_AFTER = re.compile(
    rf"[ \t\u00a0]*((?:{'|'.join(sorted(WRITERS_DETERMINERS))})\s+(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+|it)"
    rf"\s+({'|'.join(sorted(READ_FORMS))})\b",
    re.IGNORECASE)


def read_after(text: str, end: int) -> tuple[Offsets, Offsets] | None:
    """(writer, cue) where a quotation ending at ``end`` is what a statement, editorial or post
    reads: read off the words, since the tagger takes "read" for a noun there and no verb rule
    sees it. The floating-quote rule leaves such a quotation alone; the orphan rule takes it."""
    match = _READ_AFTER.match(text, end)
    return (match.span(1), match.span(2)) if match else None


def _opens_sentence(text: str, position: int) -> bool:
    """Whether a sentence ends (or a colon opens) just before ``position``."""
    before = text[max(0, position - 40) : position].rstrip()
    return before.endswith((".", "!", "?", ":", ".”", ".\"", "?”", "!”", ".’"))


def _outermost(candidate: Candidate, by_start: _ByStart) -> Candidate:
    """The statement a candidate's cue is nested in, if any, and so on outwards."""
    while candidate.cue:
        outer = by_start.before(candidate.start)
        if outer is None or not any(start <= candidate.cue[0][0] < end for start, end in outer.content):
            break
        candidate = outer
    return candidate


def _quoted(candidate: Candidate, index: QuoteIndex) -> bool:
    return any(index.overlaps(*fragment) for fragment in candidate.content)


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
