"""What every attribution rule reads: one article's text, parse, quotations and sentences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..text import Quotation, Unit, paragraph_spans, quotations
from .candidate import Candidate, Offsets
from .quotes import QuoteIndex
from .spans import ParsedUnits, SpanIndex, dateline_end


@dataclass
class ArticleContext:
    """Built once per article and shared by the rules, in the order ``assemble.RULES`` runs them."""

    text: str
    units: list[Unit]
    paragraphs: SpanIndex = field(init=False)
    quotes: list[Quotation] = field(init=False)
    # the quotations (indices into ``quotes``) that the attach rule found to be titles ("said on
    # ABC's “Good Morning America”, “…”"): no statement for the orphan rule after it either
    titles: set[int] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        self.paragraphs = SpanIndex(paragraph_spans(self.text))
        self.quotes = quotations(self.text, self.paragraphs.spans)

    @cached_property
    def sentences(self) -> SpanIndex:
        """Sentences of the parsed units, as article offsets."""
        spans: list[Offsets] = [
            (unit.start + sent.start_char, unit.start + sent.end_char)
            for unit in self.units
            if unit.doc is not None
            for sent in unit.doc.sents
        ]
        return SpanIndex(spans)

    @cached_property
    def quote_index(self) -> QuoteIndex:
        return QuoteIndex(self.quotes)

    @cached_property
    def parsed(self) -> ParsedUnits:
        return ParsedUnits(self.units)

    @cached_property
    def datelines(self) -> dict[int, int]:
        """Where each parsed paragraph's dateline ("VICTORIA --") ends, by the paragraph's start:
        the offset of the first word after its dash."""
        ends = {}
        for unit in self.units:
            dash = dateline_end(unit.doc) if unit.doc is not None else None
            if dash is not None and dash + 1 < len(unit.doc):
                ends[unit.start] = unit.start + unit.doc[dash + 1].idx
        return ends


# A rule reads the article and the candidates the rules before it found, and
# returns the candidates after it: those it adds, merges, fills or drops.
Rule = Callable[[ArticleContext, list[Candidate]], list[Candidate]]
