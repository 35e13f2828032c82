"""The records onrecord produces: frozen dataclasses holding character offsets.

They never hold spaCy objects, so they pickle for worker processes and Spark
executors and serialise to the schema of docs/output.md with ``to_dict``/``from_dict``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

# typing's own TypedDict is refused by pydantic before Python 3.12 (the API validates these).
from typing_extensions import TypedDict

# The kinds of attribution, declared here only: everything else imports them.
Kind = Literal["direct", "indirect", "mixed", "block"]
KINDS: tuple[Kind, ...] = get_args(Kind)
EntityType = Literal["person", "organization", "media", "place", "other"]
Gender = Literal["female", "male"]
# how the gender is known: an honorific or gendered title before the name, or
# the pronouns that refer to the person (docs/output.md also allows "name" for a
# first-name list, which onrecord does not use)
GenderEvidence = Literal["honorific", "pronoun", "name"]


# The output dicts (docs/output.md) ``to_dict`` returns, declared once: the store extends them
# (``store.shapes``) and the REST API uses them as response models.


class FragmentDict(TypedDict):
    """A span of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


class SpeakerDict(TypedDict):
    """A speaker, addressee or relaying source."""

    mention: list[FragmentDict]
    entity: str | None
    name: str | None
    description: str | None


class AttributionDict(TypedDict):
    id: str
    kind: Kind
    content: list[FragmentDict]
    cue: list[FragmentDict]
    speaker: SpeakerDict | None
    addressee: SpeakerDict | None
    via: SpeakerDict | None
    confidence: float


class EntityDict(TypedDict):
    id: str
    name: str | None
    type: EntityType
    descriptions: list[str]
    mentions: list[FragmentDict]


class ArticleDict(TypedDict):
    """An article: ``text`` is what every offset indexes."""

    id: str | None
    title: str | None
    published: str | None
    url: str | None
    outlet: str | None
    text: str
    attributions: list[AttributionDict]
    entities: list[EntityDict]


@dataclass(frozen=True, slots=True)
class Fragment:
    """A span of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> FragmentDict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fragment:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Fragment:
        """The fragment of ``text`` between ``start`` and ``end``."""
        return cls(start, end, text[start:end])


def _fragments(items: Any) -> tuple[Fragment, ...]:
    return tuple(Fragment.from_dict(f) for f in items or ())


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a role points at: the mention in the text and what it resolves to.

    Used for the speaker, the addressee and the relaying source (``via``).
    ``name`` is None for an unnamed speaker; ``description`` then says who it is.
    ``gender`` is the entity's, as the article states it (None: unknown).
    """

    mention: tuple[Fragment, ...]
    entity: str | None = None
    name: str | None = None
    description: str | None = None
    gender: Gender | None = None
    gender_evidence: GenderEvidence | None = None

    @property
    def label(self) -> str:
        """The best human-readable label: name, else description, else mention."""
        return self.name or self.description or " ".join(f.text for f in self.mention)

    def to_dict(self) -> SpeakerDict:
        return {
            "mention": [f.to_dict() for f in self.mention],
            "entity": self.entity,
            "name": self.name,
            "description": self.description,
            "gender": self.gender,
            "gender_evidence": self.gender_evidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Speaker | None:
        if data is None:
            return None
        return cls(
            mention=_fragments(data.get("mention")),
            entity=data.get("entity"),
            name=data.get("name"),
            description=data.get("description"),
            gender=data.get("gender"),
            gender_evidence=data.get("gender_evidence"),
        )


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement: content, cue, speaker, addressee and relaying source."""

    id: str
    kind: Kind
    content: tuple[Fragment, ...]
    cue: tuple[Fragment, ...] = ()
    speaker: Speaker | None = None
    addressee: Speaker | None = None
    via: Speaker | None = None
    confidence: float = 1.0

    @property
    def content_text(self) -> str:
        return " … ".join(f.text for f in self.content)

    def to_dict(self) -> AttributionDict:
        return {
            "id": self.id,
            "kind": self.kind,
            "content": [f.to_dict() for f in self.content],
            "cue": [f.to_dict() for f in self.cue],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "via": self.via.to_dict() if self.via else None,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        return cls(
            id=str(data["id"]),
            kind=data.get("kind", "indirect"),
            content=_fragments(data.get("content")),
            cue=_fragments(data.get("cue")),
            speaker=Speaker.from_dict(data.get("speaker")),
            addressee=Speaker.from_dict(data.get("addressee")),
            via=Speaker.from_dict(data.get("via")),
            confidence=float(data.get("confidence", 1.0)),
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization, outlet or place, with every mention in the article."""

    id: str
    name: str | None
    type: EntityType
    descriptions: tuple[str, ...] = ()
    mentions: tuple[Fragment, ...] = ()
    gender: Gender | None = None
    gender_evidence: GenderEvidence | None = None

    def to_dict(self) -> EntityDict:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "descriptions": list(self.descriptions),
            "gender": self.gender,
            "gender_evidence": self.gender_evidence,
            "mentions": [f.to_dict() for f in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=str(data["id"]),
            name=data.get("name"),
            type=data.get("type", "other"),
            descriptions=tuple(data.get("descriptions") or ()),
            mentions=_fragments(data.get("mentions")),
            gender=data.get("gender"),
            gender_evidence=data.get("gender_evidence"),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """An article and everything attributed in it; ``text`` is what all offsets index."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    attributions: tuple[Attribution, ...] = ()
    entities: tuple[Entity, ...] = field(default=())

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> ArticleDict:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "outlet": self.outlet,
            "text": self.text,
            "attributions": [a.to_dict() for a in self.attributions],
            "entities": [e.to_dict() for e in self.entities],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            text=data["text"],
            id=data.get("id"),
            title=data.get("title"),
            published=data.get("published"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            attributions=tuple(Attribution.from_dict(a) for a in data.get("attributions") or ()),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities") or ()),
        )
