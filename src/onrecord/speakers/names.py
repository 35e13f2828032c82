"""A person's likely gender from the first name, where the article itself says nothing.

The lists are Faker's person providers (PyPI ``faker``, MIT; census and
registry first names), read offline. The English and French locales (the
outlets onrecord reads) decide first, and a name they give to both women and
men (Jordan, Kim, Robin) is no evidence. A first name they do not hold at all
(news quotes people of every origin: Jagdeep, Olumide, Ewa) is looked up in
every other locale's lists, where it counts only if no list gives it to the
other gender. A name still undecided (in no list, or in both genders' lists)
is looked up last in the list shipped in the package (``data/first_names.tsv.gz``,
built by ``scripts/build_first_names.py`` from PyPI ``nomquamgender``, MIT:
names that four in five or more of the people they count in several countries'
sources share one gender: Jordan is a man's name there, Kim and Robin are
nobody's). The verdict is marked ``gender_evidence: "name"`` so no one
takes it for what the text states. Without ``faker`` installed, only the
shipped list is read.

`python benchmarks/first_names.py` measures the three steps against the people
whose gender BBC articles state (honorific or pronoun).
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path

_LOCALES = ("en", "en_US", "en_GB", "en_IE", "fr_CA", "fr_FR")
WORLD_NAMES = Path(__file__).resolve().parent.parent / "data" / "first_names.tsv.gz"


@lru_cache(maxsize=2)
def _lists(locales: tuple[str, ...] = _LOCALES) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(only women's, only men's, given to both) lowercased first names of these locales' lists."""
    female: set[str] = set()
    male: set[str] = set()
    for locale in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        female.update(n.lower() for n in getattr(provider, "first_names_female", ()))
        male.update(n.lower() for n in getattr(provider, "first_names_male", ()))
    both = female & male
    return frozenset(female - both), frozenset(male - both), frozenset(both)


@lru_cache(maxsize=1)
def _all_locales() -> tuple[str, ...]:
    """Every locale Faker has person lists for (the fallback for names the main locales lack)."""
    try:
        package = importlib.import_module("faker.providers.person")
    except ImportError:
        return ()
    return tuple(sorted(module.name for module in pkgutil.iter_modules(package.__path__)))


def is_first_name(word: str, *, anywhere: bool = False) -> bool:
    """Whether the lists hold ``word`` as anyone's first name (either gender, or both);
    ``anywhere``: any locale's lists, not only the English and French ones ("Frederik")."""
    word = word.lower()
    return any(word in names for names in _lists() + (_lists(_all_locales()) if anywhere else ()))


def first_name_verdict(name: str | None, *, fallback: bool = True) -> str | None:
    """What the lists make of the first word of a full name: ``female``, ``male``, ``both``
    (given to both), ``unknown`` (in no list), or None for a surname alone.

    ``fallback``: look a name the English and French lists lack up in every
    other locale's (the default; the benchmark turns it off to compare)."""
    words = (name or "").split()
    if len(words) < 2:
        return None  # a surname alone says nothing
    first = words[0].strip(".").lower()
    female, male, both = _lists()
    if first in both:
        return "both"
    if first not in female and first not in male and fallback:
        female, male, both = _lists(_all_locales())
    if first in female:
        return "female"
    if first in male:
        return "male"
    return "both" if first in both else "unknown"


@lru_cache(maxsize=1)
def _world_names() -> dict[str, str]:
    """The shipped list: lowercased first name -> ``female`` or ``male``."""
    with gzip.open(WORLD_NAMES, "rt", encoding="utf-8") as lines:
        return dict(line.rstrip("\n").split("\t") for line in lines if not line.startswith("#"))


def first_name_gender(name: str | None, *, fallback: bool = True, world: bool = True) -> str | None:
    """``female``/``male`` when the first word of a full name is only one gender's first name.

    ``world``: a name Faker's lists leave undecided is looked up in the shipped list (not
    for ``first_name_verdict``, which also says whether a word is a first name at all: that
    list holds words of every kind that someone somewhere is named)."""
    verdict = first_name_verdict(name, fallback=fallback)
    if verdict in ("both", "unknown") and world:
        return _world_names().get((name or "").split()[0].strip(".").lower())
    return verdict if verdict in ("female", "male") else None
