"""The cue lexicon: words that introduce an attribution."""

from __future__ import annotations

import re

QUOTE_CHARS = "\"“”«»„"

SPEECH_FORMS = ("said", "says", "say", "told", "tells", "according", "statement", "wrote", "writes")
_MAY_ATTRIBUTE = re.compile(r"\b(?:" + "|".join(SPEECH_FORMS) + r")\b|[" + QUOTE_CHARS + "]", re.I)


def may_attribute(paragraph: str) -> bool:
    """Cheap test: can this paragraph hold an attribution (a cue form or a quote mark)?"""
    return _MAY_ATTRIBUTE.search(paragraph) is not None
