"""The intermediate record between finding an attribution and resolving its speaker."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

Offsets = tuple[int, int]


@dataclass(slots=True)
class Mention:
    """A source, addressee or relaying-source mention: article offsets and its spaCy span."""

    start: int
    end: int
    span: Span | None = None


@dataclass(slots=True)
class Candidate:
    """An attribution found in the text, before speaker resolution."""

    kind: str
    content: list[Offsets]
    cue: list[Offsets] = field(default_factory=list)
    source: Mention | None = None
    addressee: Mention | None = None
    via: Mention | None = None
    confidence: float = 0.5
    # the token the rule started from (cue verb, noun, "according" or a poll's "in")
    anchor: Token | None = None
    # a floating quote continues the statement of the attribution before it
    continues: Candidate | None = None

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)
