"""Finding attributions: cues, their content and their source, as article offsets.

``Strategy(name).find(text, units)`` returns ``Candidate`` records whose
source, addressee and relaying-source mentions are still spaCy spans;
``speakers`` resolves those to names and entities. The ``rules`` strategy is
``assemble.find_attributions``; the ``learned`` one adds the tagger's spans
(``tagger.py``, ``learned.py``).
"""

from __future__ import annotations

from .assemble import find_attributions
from .candidate import Candidate
from .cues import may_attribute
from .strategy import DEFAULT_STRATEGY, STRATEGIES, Strategy, UnknownStrategy

__all__ = [
    "Candidate", "DEFAULT_STRATEGY", "STRATEGIES", "Strategy", "UnknownStrategy", "find_attributions", "may_attribute",
]
