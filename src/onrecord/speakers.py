"""Speaker resolution within one article: mentions -> entities, names and descriptions.

No coreference package works offline, so this is a small resolver of our own
over spaCy's parse and named entities:

- a named person is keyed by surname: ``Glassner`` -> ``Michael Glassner``;
- an organization or outlet by its words: ``the Times`` -> ``The New York Times``;
- a described speaker (``A spokeswoman for the Sessions campaign``) becomes an
  unnamed entity whose description later definite mentions (``The
  spokesperson``) resolve to, through their role noun;
- a pronoun goes to the nearest earlier speaker of the right kind
  (he/she -> person, it -> organization, they -> either);
- a relaying phrase (``the Times' piece``, ``a report by the New York Times``)
  resolves to the outlet inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from .attribution.candidate import Candidate, Mention
from .model import Attribution, Entity, Fragment, Speaker
from .text import Unit

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
_GROUP_PRONOUNS = frozenset({"they", "them", "we", "us", "it", "who", "which", "that"})
# Role nouns that name one kind of speaker: "the spokesperson" refers back to
# "a spokeswoman"; each group is one family.
_ROLE_FAMILIES = (
    frozenset({"spokeswoman", "spokesman", "spokesperson", "representative", "spokespeople"}),
    frozenset({"official", "officials", "aide", "aides", "source", "sources", "adviser", "advisor"}),
)
# Carrier nouns: "a report by X", "the Times' piece" speak for X.
_CARRIERS = frozenset(
    "report piece article story statement letter editorial column analysis investigation poll survey "
    "study memo email tweet post release interview".split()
)
# Words that make an organization an outlet.
_MEDIA_WORDS = frozenset(
    "times post news journal tribune herald gazette cnn msnbc fox nbc abc cbs npr bbc reuters ap "
    "associated press politico axios bloomberg guardian telegraph observer magazine radio tv "
    "television daily breitbart hill atlantic yorker economist".split()
)
# Heads of a described organization: "The Sessions campaign", "the department".
_ORG_NOUNS = frozenset(
    "campaign committee department company administration government party agency office ministry "
    "council board commission court police firm group union association bank team white house "
    "organization organisation coalition network ministry senate congress".split()
)
_TITLE_WORDS = frozenset(
    "mr mrs ms dr sen rep gov president senator councilwoman councilman councillor mayor governor "
    "secretary minister chairman chairwoman judge justice gen general prof professor rev sir lord lady".split()
)
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those"})

# A capitalised name in text that was not parsed ("… officer Michael Glassner sent …").
_NAME_IN_RAW_TEXT = re.compile(r"\b((?:[A-Z][a-z]+\.?\s+){0,2}[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b")
_WORDS_BEFORE = 6
_RAW_STOP = frozenset(
    "that the a an and or but of to in on for by with from as at is was said says told which who when".split()
)


@dataclass
class _Entity:
    id: str
    type: str
    name: str | None
    descriptions: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role: frozenset[str] | None = None
    confirmed: bool = False  # named in parsed text or referred to by an attribution

    def describe(self, description: str | None) -> None:
        if description and description not in self.descriptions and description != self.name:
            self.descriptions.append(description)


class _Registry:
    """The entities of one article, with the indexes that resolve mentions to them."""

    def __init__(self, outlet: str | None) -> None:
        self.entities: list[_Entity] = []
        self.by_surname: dict[str, _Entity] = {}
        self.organizations: list[_Entity] = []
        self.outlet = outlet
        # speakers in the order they were last referred to: pronouns pick from the end
        self.recent: list[_Entity] = []

    def new(self, type_: str, name: str | None, role: frozenset[str] | None = None) -> _Entity:
        entity = _Entity(f"e{len(self.entities) + 1}", type_, name, role=role)
        self.entities.append(entity)
        return entity

    def person(self, name: str) -> _Entity:
        words = [w for w in name.replace("’s", "").replace("'s", "").split() if w.lower().strip(".") not in _TITLE_WORDS]
        if not words:
            words = name.split()
        surname = words[-1].lower()
        entity = self.by_surname.get(surname)
        full = " ".join(words)
        if entity is None:
            entity = self.new("person", full)
            self.by_surname[surname] = entity
        elif len(full.split()) > len((entity.name or "").split()):
            entity.name = full  # the fullest form seen wins
        return entity

    def organization(self, name: str) -> _Entity:
        key = _org_key(name)
        for entity in self.organizations:
            other = _org_key(entity.name or "")
            if key == other or _is_suffix(key, other):
                return entity
            if _is_suffix(other, key):
                entity.name = _canonical_org(name)
                return entity
        type_ = "media" if set(key) & _MEDIA_WORDS or (self.outlet and key == _org_key(self.outlet)) else "organization"
        entity = self.new(type_, _canonical_org(name))
        self.organizations.append(entity)
        return entity

    def latest(self, accept) -> _Entity | None:
        """The most recently referred-to speaker that ``accept`` takes."""
        for entity in reversed(self.recent):
            if accept(entity):
                return entity
        return None


def _org_key(name: str) -> tuple[str, ...]:
    words = re.findall(r"[\w&]+", name.lower().replace("’s", "").replace("'s", ""))
    return tuple(w for w in words if w not in _DETERMINERS)


def _is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return 0 < len(short) < len(long) and long[-len(short):] == short


def _canonical_org(name: str) -> str:
    name = re.sub(r"[’']s?$", "", name.strip()).strip()
    if name.lower().startswith("the "):
        name = "The " + name[4:]
    return name


_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "case", "punct")


def _modifies(token, start: int, end: int) -> bool:
    """Whether ``token`` (just before ``start``) is a pre-modifier of the name ending at ``end``."""
    return token.dep_ in _MODIFIER_DEPS and start - 1 <= token.head.i <= end and token.text not in ",()"


def _description_of(ent: Span) -> str | None:
    """Titles and affiliations around a named entity: pre-modifiers and an appositive."""
    head = ent.root
    doc = ent.doc
    # walk back across a modifier chain: "Trump campaign chief operating officer Michael Glassner"
    start = ent.start
    while start > 0 and _modifies(doc[start - 1], start, ent.end):
        start -= 1
    parts = []
    if start < ent.start:
        parts.append(doc[start : ent.start].text)
    appos = next((c for c in head.children if c.dep_ == "appos" and c.i >= ent.end), None)
    if appos is not None:
        words = [t for t in doc[appos.left_edge.i : appos.right_edge.i + 1] if not t.is_punct or t.text in "&-"]
        while words and words[0].lower_ in _DETERMINERS:
            words = words[1:]
        if words:
            parts.append(doc[words[0].i : words[-1].i + 1].text)
    text = ", ".join(p.strip(" ,") for p in parts if p.strip(" ,"))
    words = text.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    text = " ".join(words)
    if not text or text.lower().rstrip(".") in _TITLE_WORDS:
        return None
    return text


def _role_family(words: list[str]) -> frozenset[str] | None:
    for word in words:
        for family in _ROLE_FAMILIES:
            if word in family:
                return family
    return None


class SpeakerResolver:
    """Resolves mentions of one article, in text order."""

    def __init__(self, text: str, units: list[Unit], outlet: str | None) -> None:
        self.text = text
        self.registry = _Registry(outlet)
        self.ent_at: dict[int, _Entity] = {}
        self._collect(units)

    def _collect(self, units: list[Unit]) -> None:
        """Register every named person and organization, parsed or not, in text order."""
        for unit in units:
            if unit.doc is None:
                self._collect_raw(unit)
                continue
            for ent in unit.doc.ents:
                start = unit.start + ent.start_char
                if ent.label_ == "PERSON":
                    entity = self.registry.person(ent.text)
                elif ent.label_ == "ORG":
                    entity = self.registry.organization(ent.text)
                else:
                    entity = None
                if entity is None:
                    continue
                entity.mentions.append((start, unit.start + ent.end_char))
                entity.confirmed = True
                entity.describe(_description_of(ent))
                self.ent_at[start] = entity

    def _collect_raw(self, unit: Unit) -> None:
        """Names in a paragraph that was not parsed: only to resolve surnames later.

        Such an entity is reported only once an attribution refers to it.
        """
        for match in _NAME_IN_RAW_TEXT.finditer(self.text, unit.start, unit.end):
            name = match.group(1)
            if name.split()[0] == "The":
                self.registry.organization(name).mentions.append((match.start(1), match.end(1)))
                continue
            if name.split()[0] in ("A", "An") or any(_is_suffix(_org_key(name), _org_key(o.name or "")) or _org_key(name) == _org_key(o.name or "") for o in self.registry.organizations):
                continue
            entity = self.registry.person(name)
            lead: list[str] = []
            for word in reversed(self.text[max(unit.start, match.start() - 80) : match.start()].split()[-_WORDS_BEFORE:]):
                if word.lower() in _RAW_STOP or not word.isalnum():
                    break
                lead.insert(0, word)
            entity.describe(" ".join(lead) or None)

    # --- resolving one mention ------------------------------------------------

    def resolve(self, m: Mention | None) -> tuple[_Entity | None, str | None]:
        """The entity a mention refers to, and the description it gives in passing."""
        if m is None or m.span is None:
            return None, None
        span = m.span
        words = [t.lower_ for t in span]
        if len(span) == 1 and words[0] in _PERSON_PRONOUNS:
            return self.registry.latest(lambda e: e.type == "person"), None
        if len(span) == 1 and words[0] in _GROUP_PRONOUNS:
            return self.registry.latest(lambda e: e.type != "person" or words[0] in ("they", "who", "we")), None
        if _role_family([span.root.lower_]) is not None:
            # "A spokesman for Castell & Ruiz" is a person described by an organization
            return self._unnamed(span, words), None
        # a named entity inside the mention: the head one, else a carrier's source
        ents = [e for e in span.ents if e.label_ in ("PERSON", "ORG")] or [
            e for e in span.doc.ents if e.start >= span.start and e.end <= span.end and e.label_ in ("PERSON", "ORG")
        ]
        if not ents:
            entity = self._unnamed(span, words)
            return entity, None
        head_ent = next((e for e in ents if e.root.i == span.root.i or span.root.i in range(e.start, e.end)), None)
        chosen = head_ent or (ents[-1] if span.root.lower_ in _CARRIERS or span.root.pos_ in ("NOUN",) else ents[0])
        if chosen.label_ == "PERSON":
            entity = self.registry.person(chosen.text)
        else:
            entity = self.registry.organization(chosen.text)
        description = _description_of(chosen) if head_ent is not None else None
        entity.describe(description)
        return entity, description

    def _unnamed(self, span: Span, words: list[str]) -> _Entity | None:
        """A described speaker: "A spokeswoman for the Sessions campaign", "The spokesperson"."""
        content_words = [w for w in words if w not in _DETERMINERS]
        if not content_words:
            return None
        family = _role_family(words)
        definite = words[0] in ("the", "that", "this")
        if family is not None and definite:
            earlier = self.registry.latest(lambda e: e.role == family)
            if earlier is not None:
                return earlier
        description_tokens = [t for t in span if not (t.i == span.start and t.lower_ in _DETERMINERS)]
        description = span.doc[description_tokens[0].i : description_tokens[-1].i + 1].text if description_tokens else span.text
        if family is None and (span.root.pos_ == "PROPN" or span.root.ent_type_ == "ORG" or span.root.lower_ in _ORG_NOUNS):
            return self.registry.organization(description)
        entity = self.registry.new("person" if family else "other", None, role=family)
        entity.describe(description)
        return entity

    def speaker(self, m: Mention | None) -> Speaker | None:
        if m is None:
            return None
        entity, description = self.resolve(m)
        fragment = Fragment.of(self.text, m.start, m.end)
        if entity is None:
            return Speaker(mention=(fragment,), description=None)
        if (m.start, m.end) not in entity.mentions:
            entity.mentions.append((m.start, m.end))
        entity.confirmed = True
        recent = self.registry.recent
        if entity in recent:
            recent.remove(entity)
        recent.append(entity)
        description = description or (entity.descriptions[0] if entity.descriptions else None)
        return Speaker(mention=(fragment,), entity=entity.id, name=entity.name, description=description)

    def entities(self) -> list[Entity]:
        result = []
        for entity in self.registry.entities:
            if not entity.mentions or not entity.confirmed:
                continue
            mentions = tuple(Fragment.of(self.text, s, e) for s, e in sorted(set(entity.mentions)))
            result.append(
                Entity(entity.id, entity.name, entity.type, tuple(entity.descriptions), mentions)  # type: ignore[arg-type]
            )
        return result


def resolve_speakers(
    text: str, units: list[Unit], candidates: list[Candidate], *, outlet: str | None = None
) -> tuple[list[Attribution], list[Entity]]:
    """Turn candidates into Attributions with resolved speakers; collect the entities."""
    resolver = SpeakerResolver(text, units, outlet)
    attributions: list[Attribution] = []
    speakers: dict[int, Speaker | None] = {}
    for number, candidate in enumerate(candidates, start=1):
        if candidate.continues is not None:
            # a floating quote: the previous statement's speaker, without a mention of its own
            previous = speakers.get(id(candidate.continues))
            speaker = Speaker(mention=(), entity=previous.entity, name=previous.name, description=previous.description) if previous else None
        else:
            speaker = resolver.speaker(candidate.source)
        speakers[id(candidate)] = speaker
        attributions.append(
            Attribution(
                id=f"a{number}",
                kind=candidate.kind,  # type: ignore[arg-type]
                content=tuple(Fragment.of(text, s, e) for s, e in candidate.content),
                cue=tuple(Fragment.of(text, s, e) for s, e in candidate.cue),
                speaker=speaker,
                addressee=resolver.speaker(candidate.addressee),
                via=resolver.speaker(candidate.via),
                confidence=candidate.confidence,
            )
        )
    return attributions, resolver.entities()
