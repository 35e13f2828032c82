"""Speaker resolution within one article: mentions -> entities, names and descriptions."""

from __future__ import annotations

from .attribution.candidate import Candidate
from .model import Attribution, Entity
from .text import Unit


def resolve_speakers(
    text: str, units: list[Unit], candidates: list[Candidate], *, outlet: str | None = None
) -> tuple[list[Attribution], list[Entity]]:
    """Turn candidates into Attributions with resolved speakers; collect the entities."""
    return [], []
