"""The two interchangeable ways to find attributions, behind one interface.

- ``rules``: the hand-written rules over the dependency parse (fast);
- ``learned``: the same rules merged with a fine-tuned tagger's spans
  (``learned.py``), more accurate and about twice the cost.

Both take an article's text and parsed units and return ``Candidate`` records
for speaker resolution, so everything after them is one code path.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import OnrecordError
from ..text import Unit, has_words, paragraph_spans
from . import tagger as tagger_module
from .assemble import find_attributions
from .candidate import Candidate
from .cues import may_attribute

STRATEGIES = ("learned", "rules")
DEFAULT_STRATEGY = "learned"


class UnknownStrategy(OnrecordError, ValueError):
    """A strategy name that is not one of ``STRATEGIES``."""


# An article longer than this (twice the longest BBC or PolNeAR article) has only the
# sentences worth parsing tagged, with a sentence either side: tagging every paragraph
# of a 5 MB page, or every 20,000-character piece that holds a quotation, would overrun
# the extraction deadline, and its cue-less stretches are rarely news.
TAG_EVERY_PARAGRAPH_CHARS = 200_000


# A paragraph without a letter or digit holds no cue and no name. A short one is
# layout the model was trained with ("___." between PolNeAR's stories) and stays
# as context; a longer one is skipped (50,000 quotation marks took 36 s to tag).
SEPARATOR_CHARS = 80


def _worth_tagging(text: str, start: int, end: int) -> bool:
    return end - start <= SEPARATOR_CHARS or has_words(text, start, end)


def tagged_spans(text: str, units: list[Unit]) -> list[tuple[int, int]]:
    """What the tagger reads: every paragraph but long runs of punctuation, since the tagger
    knows cues the cue table does not (README, Two strategies: chosen on held-out train);
    in a very long text, only the parsed sentences worth parsing (a cue word, a quotation
    mark, a colon) and their neighbours."""
    if len(text) <= TAG_EVERY_PARAGRAPH_CHARS:
        return [(start, end) for start, end in paragraph_spans(text) if _worth_tagging(text, start, end)]
    return [span for unit in units if unit.doc is not None for span in _around_cues(unit)]


def _around_cues(unit: Unit) -> list[tuple[int, int]]:
    """A parsed unit's sentences that may attribute, each with the sentences either side (merged)."""
    sentences = list(unit.doc.sents)
    kept = {j for i, sentence in enumerate(sentences) if may_attribute(sentence.text)
            for j in (i - 1, i, i + 1) if 0 <= j < len(sentences)}
    spans: list[tuple[int, int]] = []
    for i in sorted(kept):
        start, end = unit.start + sentences[i].start_char, unit.start + sentences[i].end_char
        if spans and i - 1 in kept:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


class Strategy:
    """Finds an article's attributions; ``tagger`` overrides the shipped model directory."""

    def __init__(self, name: str = DEFAULT_STRATEGY, *, tagger: str | Path | None = None) -> None:
        if name not in STRATEGIES:
            raise UnknownStrategy(f"unknown strategy {name!r}: choose one of {', '.join(STRATEGIES)}")
        self.name = name
        self.tagger_dir = str(tagger) if tagger else None

    def load(self) -> None:
        """Load the model now (a worker process does this before its first article)."""
        if self.name == "learned":
            tagger_module.load(self.tagger_dir)

    def find(self, text: str, units: list[Unit]) -> list[Candidate]:
        if self.name == "rules":
            return find_attributions(text, units)
        tagger = tagger_module.load(self.tagger_dir)
        candidates = find_attributions(text, units, tagger.tag(text, tagged_spans(text, units)))
        if tagger.calibration is not None:
            for candidate in candidates:
                candidate.confidence = tagger.calibration(candidate.confidence)
        return candidates

    def __repr__(self) -> str:
        return f"Strategy({self.name!r})"
