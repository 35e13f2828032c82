"""Run every attribution rule over the parsed units and merge what they find."""

from __future__ import annotations

from ..text import Unit, paragraph_spans, quotations
from .block import block_candidate
from .candidate import Candidate, Offsets
from .quotes import attach_quotations, kind_of
from .spans import SpanIndex
from .verbal import find_in_sentence


def find_attributions(text: str, units: list[Unit]) -> list[Candidate]:
    """All attribution candidates of an article, in text order."""
    paragraphs = SpanIndex(paragraph_spans(text))
    quotes = quotations(text, paragraphs.spans)
    sentence_spans: list[Offsets] = []
    candidates: list[Candidate] = []
    for unit in units:
        if unit.doc is None:
            continue
        for sent in unit.doc.sents:
            sentence_spans.append((unit.start + sent.start_char, unit.start + sent.end_char))
            block = block_candidate(sent, unit.start, paragraphs, text)
            if block is not None:
                candidates.append(block)
                continue
            candidates.extend(find_in_sentence(sent, unit.start))
    candidates = _according_as_via(candidates)
    candidates = attach_quotations(candidates, quotes, SpanIndex(sentence_spans), paragraphs)
    candidates = _drop_nested(candidates)
    for candidate in candidates:
        candidate.kind = kind_of(candidate, quotes)
    return sorted(candidates, key=lambda c: (c.start, c.end))


def _according_as_via(candidates: list[Candidate]) -> list[Candidate]:
    """"X criticized Y, according to the Times": the Times relays X's words, it is not a new source."""
    by_anchor = {c.anchor.i: c for c in candidates if c.anchor is not None and c.anchor.lower_ != "according"}
    kept = []
    for candidate in candidates:
        anchor = candidate.anchor
        if anchor is not None and anchor.lower_ == "according":
            governed = by_anchor.get(anchor.head.i)
            if governed is not None and governed.anchor.doc is anchor.doc and governed.via is None:
                governed.via = candidate.source
                continue
        kept.append(candidate)
    return kept


def _inside(position: int, candidate: Candidate) -> bool:
    return any(start <= position < end for start, end in candidate.content)


def _drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """PolNeAR never annotates an attribution inside another's content: keep the outer one.

    Of two candidates with overlapping content, the more confident one stays.
    """
    ordered = sorted(candidates, key=lambda c: -c.confidence)
    kept: list[Candidate] = []
    for candidate in ordered:
        cue_start = candidate.cue[0][0] if candidate.cue else None
        if cue_start is not None and any(_inside(cue_start, other) for other in candidates if other is not candidate and other.cue):
            continue
        if any(_content_overlap(candidate, other) for other in kept):
            continue
        kept.append(candidate)
    return kept


def _content_overlap(a: Candidate, b: Candidate) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a.content for s2, e2 in b.content)
