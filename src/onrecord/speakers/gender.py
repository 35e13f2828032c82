"""The gender of a person as the article states it: honorifics and the pronouns that refer back.

Only what the text says is used (docs/output.md: ``gender_evidence`` is ``honorific``
or ``pronoun``); no first-name list ships with the packages this project
installs, so where the text says nothing the gender stays unknown (None).

- An honorific or gendered title right before a mention of the name ("Ms.
  Lovell", "Councilwoman Dana Whitfield") is decisive: the writer chose it.
- Otherwise each he/him/his or she/her pronoun whose antecedent is unambiguous
  (one person only in the nearest stretch of text before it that names anyone)
  votes; a clear majority decides.
"""

from __future__ import annotations

import re
from collections import Counter

FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})

_FEMALE_TITLES = frozenset(
    "ms mrs miss madam madame mme dame lady queen princess duchess countess baroness sister "
    "councilwoman congresswoman chairwoman spokeswoman businesswoman assemblywoman alderwoman "
    "policewoman sportswoman stateswoman grandmother mother wife daughter aunt".split()
)
_MALE_TITLES = frozenset(
    "mr sir lord king prince duke count baron brother father monsignor "
    "councilman congressman chairman spokesman businessman assemblyman alderman policeman "
    "sportsman statesman grandfather husband son uncle".split()
)
# how many capitalised words (first and middle names) may stand between a title and the name read
_NAMES_BETWEEN = 2
# a clear majority of pronoun votes: at least this many times the other side
_MAJORITY = 3


def pronoun_gender(word: str) -> str | None:
    word = word.lower()
    if word in FEMALE_PRONOUNS:
        return "female"
    if word in MALE_PRONOUNS:
        return "male"
    return None


def title_gender(word: str) -> str | None:
    word = word.lower().strip(".")
    if word in _FEMALE_TITLES:
        return "female"
    if word in _MALE_TITLES:
        return "male"
    return None


def honorific_before(text: str, start: int) -> str | None:
    """The gender an honorific or gendered title just before ``start`` gives, if any."""
    words = re.findall(r"[\w'’.-]+", text[max(0, start - 60) : start])
    for word in reversed(words[-(_NAMES_BETWEEN + 1) :]):
        gender = title_gender(word)
        if gender or not word[:1].isupper():
            return gender
    return None


class GenderEvidence:
    """Votes for one entity; ``verdict`` says what the article states, if anything."""

    def __init__(self) -> None:
        self.honorifics: Counter[str] = Counter()
        self.pronouns: Counter[str] = Counter()

    def verdict(self) -> tuple[str | None, str | None]:
        """(gender, evidence): honorifics first, then a clear majority of pronouns."""
        for votes, evidence in ((self.honorifics, "honorific"), (self.pronouns, "pronoun")):
            if not votes:
                continue
            (top, n), *rest = votes.most_common()
            other = rest[0][1] if rest else 0
            if n >= _MAJORITY * other:
                return top, evidence
        return None, None
