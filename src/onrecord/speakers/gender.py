"""The gender of a person as the article states it: honorifics and the pronouns that refer back.

Only what the text says is used here (docs/output.md: ``gender_evidence`` is
``honorific`` or ``pronoun``); where the text says nothing, the resolver may
guess from the first name (``names.py``, evidence ``name``), else the gender
stays unknown (None).

- An honorific or gendered title right before a mention of the name ("Ms.
  Lovell", "Councilwoman Dana Whitfield") is decisive: the writer chose it.
- Otherwise each he/him/his or she/her pronoun whose antecedent is unambiguous
  (one person only in the nearest stretch of text before it that names anyone)
  votes; a clear majority decides.
- A role noun in -man ("chairman", "spokesman") is said of women too: it
  decides only where no honorific and no pronoun does.
"""

from __future__ import annotations

import re
from collections import Counter

from .vocabulary import ends_sentence

FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})

_FEMALE_TITLES = frozenset(
    "ms mrs miss madam madame mme dame lady queen princess duchess countess baroness sister "
    "councilwoman congresswoman chairwoman spokeswoman businesswoman assemblywoman alderwoman "
    "policewoman sportswoman stateswoman grandmother mother wife daughter aunt girlfriend widow niece "
    "granddaughter actress woman girl".split()
)
_MALE_TITLES = frozenset(
    "mr sir lord king prince duke count baron brother father monsignor "
    "councilman congressman chairman spokesman businessman assemblyman alderman policeman "
    "sportsman statesman grandfather husband son uncle boyfriend widower nephew grandson man boy".split()
)
# Role nouns in -man that writers use of women too ("Police Federation chairman
# Jan Berry said … she said"): weaker than an honorific or a kinship word, they
# decide only where no honorific and no pronoun does.
_GENERIC_ROLES = frozenset(w for w in _MALE_TITLES if w.endswith("man") and w != "man")
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


def _decisive(word: str) -> bool:
    return word.lower().strip(".") not in _GENERIC_ROLES


def honorific_gender(word: str) -> str | None:
    """The gender a title decides on its own ("Ms", "Councilwoman"; not "chairman")."""
    return title_gender(word) if _decisive(word) else None


def honorific_before(text: str, start: int) -> str | None:
    """The gender an honorific or gendered title just before ``start`` decides, if any."""
    words = re.findall(r"[\w'’.-]+", text[max(0, start - 60) : start])
    for word in reversed(words[-(_NAMES_BETWEEN + 1) :]):
        if title_gender(word) or not word[:1].isupper():
            return honorific_gender(word)
        if ends_sentence(word):
            return None  # "… with wife Ffion. Mr Hague": the sentence before says nothing of this name
    return None


class GenderEvidence:
    """Votes for one entity; ``verdict`` says what the article states, if anything."""

    def __init__(self) -> None:
        self.honorifics: Counter[str] = Counter()
        self.pronouns: Counter[str] = Counter()
        self.roles: Counter[str] = Counter()

    def add_title(self, word: str) -> None:
        """A title or role noun the article gave the person ("Ms", "spokeswoman", "chairman")."""
        gender = title_gender(word)
        if gender:
            (self.honorifics if _decisive(word) else self.roles)[gender] += 1

    def verdict(self) -> tuple[str | None, str | None]:
        """(gender, evidence): honorifics first, then a clear majority of pronouns, then generic role nouns."""
        for votes, evidence in ((self.honorifics, "honorific"), (self.pronouns, "pronoun"), (self.roles, "honorific")):
            if not votes:
                continue
            (top, n), *rest = votes.most_common()
            other = rest[0][1] if rest else 0
            if n >= _MAJORITY * other:
                return top, evidence
        return None, None
