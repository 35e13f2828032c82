"""Run every attribution rule over the parsed units and merge what they find."""

from __future__ import annotations

from ..text import Unit
from .candidate import Candidate


def find_attributions(text: str, units: list[Unit]) -> list[Candidate]:
    """All attribution candidates of an article, in text order."""
    return []
