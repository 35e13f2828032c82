"""Speaker labels: a name and a colon opening a paragraph.

Two news forms attribute a paragraph this way: transcripts
("PENCE: Well, the question really should be …") and headlines that name
their source ("Poll: Wealthy voters abandon …"). The colon is the cue, the
label the source, the rest of the paragraph the content.
"""

from __future__ import annotations

from ..text import Unit, speaker_label
from .candidate import Candidate, Mention
from .spans import unit_span

CONFIDENCE_LABEL = 0.9
# Fewer words than this after the label is a caption or a list item.
MIN_CONTENT_WORDS = 4


def labelled_paragraphs(text: str, units: list[Unit]) -> list[Candidate]:
    """One candidate per paragraph that opens with a speaker label."""
    found = []
    for unit in units:
        label = speaker_label(text, unit.start, unit.end)
        if label is None:
            continue
        name_start, name_end, content_start = label
        if len(text[content_start : unit.end].split()) < MIN_CONTENT_WORDS:
            continue
        span = unit_span(unit, name_start, name_end)
        colon = text.index(":", name_end)
        found.append(
            Candidate(
                kind="direct",
                content=[(content_start, unit.end)],
                cue=[(colon, colon + 1)],
                source=Mention(name_start, name_end, span),
                confidence=CONFIDENCE_LABEL,
            )
        )
    return found
