"""A person's likely gender from the first name, where the article itself says nothing.

The lists are Faker's person providers (PyPI ``faker``, MIT; census and
registry first names), read offline. Only the English and French locales
are used (the outlets onrecord reads), and a name the lists give to both
women and men (Jordan, Kim, Robin) is no evidence. The verdict is marked
``gender_evidence: "name"`` so no one takes it for what the text states.
Without ``faker`` installed, nothing is inferred.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

_LOCALES = ("en", "en_US", "en_GB", "en_IE", "fr_CA", "fr_FR")


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(only women's, only men's, given to both) lowercased first names of Faker's lists."""
    female: set[str] = set()
    male: set[str] = set()
    for locale in _LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        female.update(n.lower() for n in getattr(provider, "first_names_female", ()))
        male.update(n.lower() for n in getattr(provider, "first_names_male", ()))
    both = female & male
    return frozenset(female - both), frozenset(male - both), frozenset(both)


def is_first_name(word: str) -> bool:
    """Whether the lists hold ``word`` as anyone's first name (either gender, or both)."""
    word = word.lower()
    return any(word in names for names in _lists())


def first_name_gender(name: str | None) -> str | None:
    """``female``/``male`` when the first word of a full name is only one gender's first name."""
    words = (name or "").split()
    if len(words) < 2:
        return None  # a surname alone says nothing
    first = words[0].strip(".").lower()
    female, male, _ = _lists()
    if first in female:
        return "female"
    if first in male:
        return "male"
    return None
