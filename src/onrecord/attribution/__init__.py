"""Finding attributions: cues, their content and their source, as article offsets.

``find_attributions(text, units)`` returns ``Candidate`` records whose source,
addressee and relaying-source mentions are still spaCy spans; ``speakers``
resolves those to names and entities.
"""

from __future__ import annotations

from .assemble import find_attributions
from .candidate import Candidate
from .cues import may_attribute

__all__ = ["Candidate", "find_attributions", "may_attribute"]
