"""Speaker resolution within one article: mentions -> entities, names and descriptions."""

from __future__ import annotations

from .attribution.candidate import Candidate, Mention
from .model import Attribution, Entity, Fragment, Speaker
from .text import Unit


def _speaker(text: str, m: Mention | None) -> Speaker | None:
    if m is None:
        return None
    return Speaker(mention=(Fragment.of(text, m.start, m.end),), name=text[m.start:m.end])


def resolve_speakers(
    text: str, units: list[Unit], candidates: list[Candidate], *, outlet: str | None = None
) -> tuple[list[Attribution], list[Entity]]:
    """Turn candidates into Attributions with resolved speakers; collect the entities."""
    out = []
    for i, c in enumerate(candidates, 1):
        src = c.source if c.continues is None else c.continues.source
        out.append(Attribution(
            id=f"a{i}", kind=c.kind,
            content=tuple(Fragment.of(text, s, e) for s, e in c.content),
            cue=tuple(Fragment.of(text, s, e) for s, e in c.cue),
            speaker=_speaker(text, c.source), addressee=_speaker(text, c.addressee), via=_speaker(text, c.via),
            confidence=c.confidence))
    return out, []
