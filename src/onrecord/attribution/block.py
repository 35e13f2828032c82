"""Block statements: ``X sent … the following statement:`` followed by whole paragraphs."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..text import DOUBLE_OPEN, STRAIGHT
from .candidate import Candidate, Offsets
from .cues import BLOCK_NOUNS, cue_lemma
from .spans import SpanIndex, mention, subtree_tokens, token_offsets, tokens_offsets
from .subjects import subject_of
from .verbal import addressee_of

CONFIDENCE_BLOCK = 0.75
# A statement rarely runs longer than this many paragraphs; past it we are
# more likely reading the reporter again.
MAX_BLOCK_PARAGRAPHS = 8
# Paragraphs that end a statement: an editor's note, an update, a byline.
_NARRATION = re.compile(
    r"^(?:editor['’]?s note|update\b|correction\b|read more|related\b|\(?photo\b|[A-Z][\w.\- ]+ is a (?:staff )?(?:writer|reporter|correspondent|editor))",
    re.IGNORECASE,
)
# The reporter attributing again ("…, she said.") means the statement is over.
_REPORTING = re.compile(r"\b(?:said|says|told|according to|spokes(?:wo)?man|spokesperson)\b", re.IGNORECASE)


def block_candidate(sent: Span, base: int, paragraphs: SpanIndex, text: str) -> Candidate | None:
    """A block statement introduced by this sentence, when it ends its paragraph with a colon."""
    end = base + sent.end_char
    stripped = sent.text.rstrip()
    if not stripped.endswith(":"):
        return None
    paragraph = paragraphs.find(end - 1)
    if paragraph is None or base + sent.start_char + len(stripped) < paragraph[1]:
        return None
    verb = next((t for t in sent if t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT"), None)
    if verb is None:
        return None
    noun = next((c for c in verb.children if c.dep_ in ("dobj", "pobj", "attr") and c.lower_ in BLOCK_NOUNS), None)
    if noun is None:
        noun = next((t for t in sent if t.lower_ in BLOCK_NOUNS and verb in (t.head, t.head.head)), None)
    lemma = cue_lemma(verb.lower_)
    if lemma is None and noun is None:
        return None
    first = paragraphs.following(paragraph)
    if first is None or text[first[0]] in DOUBLE_OPEN + STRAIGHT:
        return None  # a quoted block is a direct quote: ``quotes`` handles it
    content = _statement_paragraphs(first, paragraphs, text)
    cue: list[Offsets] = [token_offsets(verb, base)]
    if noun is not None:
        cue.append(tokens_offsets(subtree_tokens(noun), base))
    subject = subject_of(verb)
    return Candidate(
        kind="block",
        content=content,
        cue=cue,
        source=mention(subtree_tokens(subject), base) if subject is not None else None,
        addressee=addressee_of(verb, lemma or "send", base, []),
        confidence=CONFIDENCE_BLOCK,
        anchor=verb,
    )


def _statement_paragraphs(first: Offsets, paragraphs: SpanIndex, text: str) -> list[Offsets]:
    content = [first]
    current = first
    while len(content) < MAX_BLOCK_PARAGRAPHS:
        following = paragraphs.following(current)
        paragraph = text[following[0] : following[1]] if following else ""
        if following is None or _NARRATION.match(paragraph) or _REPORTING.search(paragraph):
            break
        content.append(following)
        current = following
    return content
