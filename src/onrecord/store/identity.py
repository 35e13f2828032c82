"""Who a speaker is across articles: the key a speaker record merges on, and the alias file.

Pure functions, no database (``write`` applies them).

- A **named** speaker (the article resolved it to a name: "Greenspan" in an
  article that earlier said "Alan Greenspan" is already "Alan Greenspan") is
  keyed by ``normalize.name_key``: case, accents, spacing, hyphens, leading
  honorifics and titles and trailing company forms do not matter.
- An **unnamed** speaker ("analysts", "the company", "a spokeswoman") is keyed
  by its article, never merged across articles: the same words in two
  articles are almost never the same source.
- The **alias file** merges names the defaults keep apart and splits names
  the defaults merge (its format: ``Aliases.parse``).
- A one-word person name that its article did not resolve ("Mr Greenspan" in
  an article that never gives his first name) joins the one multi-word person
  of that surname in the store; ``write`` does that, since it needs the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import InvalidAliases
from ..model import Entity, Speaker
from .normalize import PRONOUNS, is_a_name, is_pronoun, mention_text, name_key, name_words, normalize_name

# Kinds of gender evidence, strongest first (an unknown kind counts as the weakest).
EVIDENCE_ORDER = ("honorific", "pronoun", "name")
# How many times the votes of the other gender one needs, within the deciding
# kind of evidence, to win over them: the resolver's own rule for pronouns.
GENDER_MAJORITY = 3


@dataclass(frozen=True, slots=True)
class Aliases:
    """The rules of a speaker alias file.

    The format, one rule a line (blank lines and lines starting with ``#`` are skipped)::

        Alan Greenspan<TAB>Greenspan<TAB>Alan Greenspan Jr      merge: the canonical name, then its variants
        !John Smith                                             split: never merge this name across articles

    A merge line's names (canonical and variants) become one speaker, shown under
    the canonical name; names are compared as the store compares them (case,
    accents, spacing, hyphens and titles aside), so one line covers "Mr X" and "X".
    A split line keeps each article's speaker of that name (and of its variants)
    a speaker of its own: for a common name that several people share.
    """

    merge: Mapping[str, str] = field(default_factory=dict)  # name key -> canonical name
    split: frozenset[str] = frozenset()  # name keys kept per article
    text: str = ""  # the file as given, which the store keeps

    @classmethod
    def parse(cls, text: str, source: str = "aliases") -> Aliases:
        """The rules in ``text``; InvalidAliases naming ``source`` and the line when one is malformed."""
        return _parse(text, source)


NO_ALIASES = Aliases()


@lru_cache(maxsize=8)
def _parse(text: str, source: str) -> Aliases:
    merge: dict[str, str] = {}
    split: set[str] = set()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source} line {number}"
        if line.startswith("!"):
            key = _usable_key(line[1:].strip(), where)
            if key in merge:
                raise InvalidAliases(f"{where}: {line[1:].strip()!r} is also merged by an earlier line")
            split.add(key)
            continue
        names = [n.strip() for n in raw.split("\t") if n.strip()]
        if len(names) < 2:
            raise InvalidAliases(
                f"{where}: a merge line is the canonical name and its variants separated by tabs, "
                f"a split line starts with '!'; got {line!r}"
            )
        canonical = " ".join(names[0].split())
        for name in names:
            key = _usable_key(name, where)
            if key in split:
                raise InvalidAliases(f"{where}: {name!r} is also split by an earlier line")
            if merge.get(key, canonical) != canonical:
                raise InvalidAliases(f"{where}: {name!r} is already merged into {merge[key]!r}")
            merge[key] = canonical
    return Aliases(merge=merge, split=frozenset(split), text=text)


def _usable_key(name: str, where: str) -> str:
    key = name_key(name)
    if not key or is_pronoun(name):
        raise InvalidAliases(f"{where}: {name!r} is not a name")
    return key


@dataclass(frozen=True, slots=True)
class Identity:
    """What a speaker record is keyed on, and what it is called."""

    key: str  # unique in the speakers table
    norm: str  # the name's (or description's) words as typed (``normalize_name``), for whole-word search
    named: bool
    canonical: str | None  # the alias file's name for it, which is shown whatever the article wrote
    surname: str | None  # the last word of a multi-word person name
    surname_only: bool  # a one-word person name, which may join the one full name of that surname


def speaker_identity(
    speaker: Speaker | None, entity: Entity | None, article_id: str, aliases: Aliases = NO_ALIASES
) -> Identity | None:
    """The identity of an attribution's speaker in article ``article_id``; None for none or a bare pronoun."""
    if speaker is None:
        return None
    person = entity is not None and entity.type == "person"
    name = speaker.name
    if name and is_a_name(name):
        key = name_key(name)
        if key in aliases.split:
            return Identity(f"article:{article_id}:name:{key}", normalize_name(name), True, None, None, False)
        canonical = aliases.merge.get(key)
        words = name_words(canonical or name)
        return Identity(
            key=f"name:{''.join(words)}",
            norm=normalize_name(canonical or name),
            named=True,
            canonical=canonical,
            surname=words[-1] if person and len(words) > 1 else None,
            surname_only=person and canonical is None and len(words) == 1,
        )
    norm = normalize_name(unnamed_description(speaker, entity) or "")
    if not norm or norm in PRONOUNS:
        return None
    # One unnamed entity of the article is one speaker, whatever each clause calls it.
    local = f"entity:{speaker.entity}" if speaker.entity else f"desc:{norm}"
    return Identity(f"article:{article_id}:{local}", norm, False, None, None, False)


def unnamed_description(speaker: Speaker, entity: Entity | None) -> str | None:
    """Who an unnamed speaker is: its description, its entity's first, else its mention unless a pronoun.

    A "name" that ``is_a_name`` refuses ("the Government") comes before the mention.
    """
    for text in (speaker.description, *(entity.descriptions[:1] if entity else ()), speaker.name):
        if text and not is_pronoun(text):
            return text
    mention = mention_text(speaker)
    return mention if mention and not is_pronoun(mention) else None


def gender_vote(speaker: Speaker, entity: Entity | None) -> str | None:
    """``gender:evidence`` as this attribution tells it (``female:honorific``), or None when unknown."""
    gender = speaker.gender or (entity.gender if entity else None)
    if gender is None:
        return None
    evidence = speaker.gender_evidence if speaker.gender else (entity.gender_evidence if entity else None)
    return f"{gender}:{evidence or ''}"


def merged_gender(votes: Mapping[str, int]) -> tuple[str | None, str | None]:
    """(gender, evidence) of a speaker from its attributions' ``gender_vote`` counts.

    The strongest kind of evidence present decides, as inside an article: an
    honorific or gendered title, else the pronouns, else a first name. Within
    it, genders that disagree give None (a speaker whose articles disagree is
    counted as neither) unless one has ``GENDER_MAJORITY`` times the other's
    votes: across a hundred articles, one pronoun resolved to the wrong person
    must not unsex Tony Blair.
    """
    tiers: dict[str, Counter[str]] = {}
    for vote, count in votes.items():
        gender, _, evidence = vote.partition(":")
        if count > 0:
            tiers.setdefault(evidence if evidence in EVIDENCE_ORDER else "name", Counter())[gender] += count
    for evidence in EVIDENCE_ORDER:
        found = tiers.get(evidence)
        if not found:
            continue
        (first, most), *rest = found.most_common()
        if rest and most < GENDER_MAJORITY * rest[0][1]:
            return None, None
        return first, evidence
    return None, None


def genders_agree(one: str | None, other: str | None) -> bool:
    """Whether two speakers' genders allow them to be one person (an unknown one allows anything)."""
    return one is None or other is None or one == other
