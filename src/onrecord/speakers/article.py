"""An article's speakers: each candidate's source, addressee and relaying source resolved in
reading order (``resolve_speakers``), a paragraph that is only a quotation continuing the
speaker before it, and a lede's description named by the sentence after it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import accumulate

from ..attribution.candidate import Candidate
from ..attribution.subjects import passive_participle
from ..model import Attribution, Entity, Fragment, Speaker
from ..text import Unit, paragraph_spans, quotations
from .descriptions import modifiers_of
from .mentions import of_an_object
from .registry import Referent, is_title, org_key
from .resolver import LEDE_SENTENCES, SpeakerResolver, one_line
from .vocabulary import (
    AGE, DEGREE_TITLES, DETERMINERS, GROUP_PRONOUNS, KIN, NO_DESCRIPTION, ORGANIZATION_NOUNS, PEERAGE, PERSON_PRONOUNS,
    is_person_noun, singular,
)


# cue words that go on with the statement before: "the veteran added"
_GOING_ON = frozenset({"added", "adds", "continued", "continues"})


def _goes_on(text: str, candidate: Candidate) -> bool:
    return bool(candidate.cue) and text[slice(*candidate.cue[0])].lower() in _GOING_ON


def resolve_speakers(
    text: str, units: list[Unit], candidates: list[Candidate], *, outlet: str | None = None
) -> tuple[list[Attribution], list[Entity]]:
    """Turn candidates into Attributions with resolved speakers; collect the entities.

    Speakers are resolved in text order, so "the speakers referred to so far"
    and "the statement before" mean what a reader means by them.
    """
    # people named inside quotations are the speakers' topics, not a narrator's he/she
    quoted = [span for quotation in quotations(text, paragraph_spans(text)) for span in quotation.spans]
    # every content fragment by start, with the furthest end reached so far: "is this inside another's content"
    fragments = sorted(span for c in candidates for span in c.content)
    content_starts = [a for a, _ in fragments]
    content_reach = list(accumulate((b for _, b in fragments), max))
    resolver = SpeakerResolver(
        text, units, outlet, quoted=quoted,
        reported=lambda position: _inside(content_starts, content_reach, position, at_start=True),
        speaking=[(c.source.start, c.source.end) for c in candidates if c.source is not None])
    speakers: dict[int, Speaker | None] = {}
    roles: dict[int, tuple[Speaker | None, Speaker | None]] = {}
    previous: Speaker | None = None
    for candidate in sorted(candidates, key=lambda c: (c.start, c.end)):
        # a paragraph that is only a quotation is the person the one-sentence paragraph before it
        # sets up ("Coun. Ben Tallis disagreed."), else it continues the statement before it
        lone = (candidate.continues is not None or candidate.source is None) and _opens_paragraph(text, units, candidate)
        introduced = _set_up(resolver, units, candidates, candidate) if lone else None
        if introduced is not None:
            speaker = _unmentioned(introduced)
        elif candidate.continues is not None:
            # a floating quote: the previous statement's speaker, without a mention of its own
            speaker = _continued(speakers.get(id(candidate.continues)))
        elif lone and previous is not None:
            speaker = _continued(previous)
        elif candidate.source is None and previous is not None and resolver.opens_sentence(candidate) and not (
                candidate.anchor is not None and passive_participle(candidate.anchor)):
            # "Ms Jowell insisted: "…" And continued: "…"": a cue without a subject goes on from the speaker
            # before; not "Asked about the poster, …": the asker is no one the text names
            speaker = _continued(previous)
        else:
            # a description no one was given may be the writer's word for who spoke before ("… added")
            speaker = resolver.speaker(candidate.source, exclude=candidate.content + quoted,
                                       going_on=resolver.named_person(previous), added=_goes_on(text, candidate))
        speakers[id(candidate)] = speaker
        aside = _inside(content_starts, content_reach, candidate.start) or of_an_object(candidate.source)
        if speaker is not None and speaker.entity is not None and not aside:
            # a statement reported inside another's quotation is not who spoke last, nor one in a clause on
            # what the speaker pointed to ("He pointed to a report by John Baker, who found …. “…,” he said")
            previous = speaker
            resolver.last_speaker = resolver.entity(speaker.entity)  # type: ignore[arg-type]
        roles[id(candidate)] = (
            resolver.speaker(candidate.addressee, speaking=False), resolver.speaker(candidate.via, speaking=False)
        )
    _named_after_the_lede(resolver, [(c.source.start, speakers[id(c)]) for c in candidates if c.source is not None])
    # gender is known only once the whole article is read: every speaker gets its entity's final verdict
    final = {e.id: (e.gender, e.gender_evidence) for e in resolver.registry.entities}

    def settled(speaker: Speaker | None) -> Speaker | None:
        if speaker is None or speaker.entity is None:
            return speaker
        if speaker.entity not in final:
            # an entity merged into another after this speaker was resolved ("Ms. Ortiz" into
            # "Ortiz N"): the one it became, which is the one the article's entities list
            merged = resolver.entity(speaker.entity)
            if merged is None or merged.id not in final:
                return speaker
            speaker = replace(speaker, entity=merged.id, name=one_line(merged.name))
        gender, evidence = final[speaker.entity]
        return replace(speaker, gender=gender, gender_evidence=evidence)  # type: ignore[arg-type]

    speakers = {key: settled(value) for key, value in speakers.items()}
    roles = {key: (settled(a), settled(b)) for key, (a, b) in roles.items()}
    attributions = [
        Attribution(
            id=f"a{number}",
            kind=candidate.kind,  # type: ignore[arg-type]
            content=tuple(Fragment.of(text, s, e) for s, e in candidate.content),
            cue=tuple(Fragment.of(text, s, e) for s, e in candidate.cue),
            speaker=speakers[id(candidate)],
            addressee=roles[id(candidate)][0],
            via=roles[id(candidate)][1],
            confidence=candidate.confidence,
        )
        for number, candidate in enumerate(candidates, start=1)
    ]
    return attributions, resolver.entities()


def _named_after_the_lede(resolver: SpeakerResolver, spoken: list[tuple[int, Speaker | None]]) -> None:
    """A lede's described speaker is the one the next sentence names, when it names them there first.

    News introduces a source by a description in its first sentence and by name in the next: "The
    UK's top judge has revealed he has clashed with ministers … Lord Woolf said …"; "Juninho's agent
    has confirmed … Brian Hassell says …". So a speaker the lede introduces unnamed is the named
    speaker of the sentence right after it, of the same type, unless the article named that one
    before ("Australian tennis' top official has defended the courts after criticism by Lleyton
    Hewitt. Hewitt said …"), the name is none the description may stand for (``_named_so``), or
    the sentence answers the lede ("But Nigel Williams said …"). (Read on the 24 BBC articles it
    changes, 27 statements: all right.)
    ``spoken``: each statement's source position and speaker.
    """
    sentences, text = resolver.sentences, resolver.text
    by_sentence: dict[int, list[tuple[Referent, str]]] = {}
    for start, speaker in sorted(spoken, key=lambda pair: pair[0]):
        entity = resolver.entity(speaker.entity) if speaker is not None and speaker.entity is not None else None
        if entity is not None and entity.mentions and speaker.mention:  # (a continued statement has no mention)
            by_sentence.setdefault(sentences.index(start), []).append((entity, speaker.mention[0].text))
    for here in range(min(LEDE_SENTENCES, len(sentences.spans) - 1)):
        (lede_start, lede_end), (next_start, next_end) = sentences.spans[here], sentences.spans[here + 1]
        # (or, where no one speaks there, the person or organization it is about, its main subject or
        # the name that opens it unparsed: "Hockey Canada's new chief executive says … Katherine
        # Henderson took over the job in July"; "The province's largest health authority says … Alberta
        # Health Services announced the plan")
        named = next((e for e, _ in by_sentence.get(here + 1, []) if e.name is not None), None) or next(
            (m.entity for m in resolver.registry.person_mentions if m.sentence == here + 1 and m.entity.name
             and ((m.main and m.rank == 0) or m.start in resolver.cast.unparsed_openings)), None) or (
            resolver.subject_organization(here + 1))
        if named is None or _REPLY.match(text, next_start) or min(s for s, _ in named.mentions) < lede_end:
            continue
        # the one that sentence names first: not "President Vadim Orlov met President Anna Berg, who said"
        first = min(((s, e) for e in resolver.registry.entities if e.type == named.type
                     for s, _ in e.mentions if next_start <= s < next_end), key=lambda pair: pair[0], default=None)
        if first is None or first[1] is not named:
            continue
        for described, words in by_sentence.get(here, []):
            if (described.name is None and described.descriptions and described.type == named.type
                    and min(s for s, _ in described.mentions) >= lede_start and words.lower() not in _NO_INTRODUCTION
                    and _named_so(named, described)):
                resolver.registry.absorb(named, described)
                break


# what opens a sentence that answers the one before it, not one that goes on introducing its speaker
_REPLY = re.compile(r"(?:But|However|Meanwhile|Yet|Still)\b")


# what introduces no one: a pronoun refers back to someone ("a directive … that called for")
_NO_INTRODUCTION = PERSON_PRONOUNS | GROUP_PRONOUNS


def _named_so(named: Referent, described: Referent) -> bool:
    """Whether the name after a lede may be the one its description introduced: a person for a
    description of a person, of no role of their own that the description does not name ("A
    senior Tory MP has criticised the plan. Defra minister Ben Brady said …" is a reply), and no
    plural common noun the NER took for a name ("The MPs said" after "a committee of MPs")."""
    if named.type != "person":
        # (and a name of its kind, or of none, where the description says a kind: "A US bank" may be
        # "Riggs Bank" or "Vivendi", "A British Muslim group" "The Muslim Council of Britain", but "a
        # charity" is no "World Trade Organisation")
        kinds = set(org_key(named.name or "")) & ORGANIZATION_NOUNS
        return not is_person_noun(singular((named.name or "").lower())) and (
            not kinds or bool((kinds | _ANY_KIND) & described.title_heads))
    said = {h for h in described.title_heads if is_person_noun(h) or is_title(h)}
    if not said or (named.name or "").startswith("The "):
        return False  # no person was described ("Official figures"), or no person was named ("The Da Vinci Code")
    # (the gender its descriptions' heads say, as ``Referent.describe`` counted them: not one a
    # he/she later read into it, nor its office's other forms, "spokeswoman" for "his spokesman")
    said_so = described.evidence.honorifics + described.evidence.roles
    gender = next(iter(said_so)) if len(said_so) == 1 else None
    if None not in (gender, named.gender) and gender != named.gender:
        return False  # "A Winnipeg man says …" is no Julie Courchaine
    # (a peer's or a doctor's title is no role: "Lord Woolf" may be "the UK's top judge"; nor is an
    # age, nor a family tie where the description says only who someone is: "A Saskatoon woman says
    # … Lisa Moreau, 42, said … said the mother of two"; but "the Black Sabbath singer" is no "His
    # wife Sharon")
    family = KIN if gender is not None else frozenset()
    # (nor is an epithet the writer used for them later: "The US regulator said" of the William Donaldson
    # who answers "The US stock market watchdog's chairman")
    own = {head for head in named.title_heads - named.former_heads - named.epithet_heads - NO_DESCRIPTION
           - DEGREE_TITLES - PEERAGE - family if not AGE.fullmatch(head)}
    return not own or any(_same_office(described, named, head) for head in said & own)


def _same_office(described: Referent, named: Referent, head: str) -> bool:
    """Whether two holders of a role of one name may hold the same office: not where both say
    which and say it differently ("Russia's energy minister" is no "Finance Minister")."""
    which, theirs = modifiers_of(described, head) - _NOT_MODIFIERS, modifiers_of(named, head)
    return not which or not theirs or bool(which & theirs)


# what an organization of any kind may be called, whatever noun its name ends in
_ANY_KIND = frozenset({"group", "body", "organisation", "organization", "watchdog", "regulator"})

# words before a role that say whose it is, not which one ("his spokesman")
_NOT_MODIFIERS = DETERMINERS | frozenset({"s", "his", "her", "its", "their"})


def _inside(starts: list[int], reach: list[int], position: int, *, at_start: bool = False) -> bool:
    """Whether ``position`` lies strictly inside a content fragment that starts before it
    (``at_start``: or at it)."""
    index = (bisect_right if at_start else bisect_left)(starts, position) - 1
    return index >= 0 and reach[index] > position


def _set_up(resolver: SpeakerResolver, units: list[Unit], candidates: list[Candidate], quotation: Candidate,
            ) -> Referent | None:
    """The named person a paragraph of one sentence and no statement, right before a paragraph that
    is only a quotation, is about (its main clause's subject): news sets up a new voice so
    ("“We need more buses,” said Coun. Anna Ruiz. / Coun. Ben Tallis disagreed. / “The budget is
    already stretched thin.”" is Tallis's, not Ruiz's)."""
    here = next((i for i, u in enumerate(units) if u.start <= quotation.start < u.end), 0)
    if here == 0:
        return None
    before = units[here - 1]
    if any(before.start <= c.start < before.end for c in candidates):
        return None
    sentence = resolver.sentences.index(before.start)
    if sentence != resolver.sentences.index(max(before.start, before.end - 1)):
        return None  # (more than one sentence: a narrative, no set-up)
    people = {id(m.entity): m.entity for m in resolver.registry.person_mentions
              if m.sentence == sentence and m.main and m.rank == 0 and m.entity.name}
    return next(iter(people.values())) if len(people) == 1 else None


def _unmentioned(entity: Referent) -> Speaker:
    """A speaker the statement names nowhere in its own words."""
    return Speaker(
        mention=(), entity=entity.id, name=one_line(entity.name),
        description=one_line(next(iter(entity.shown_descriptions), None)),
        gender=entity.gender, gender_evidence=entity.gender_evidence,  # type: ignore[arg-type]
    )


def _continued(previous: Speaker | None) -> Speaker | None:
    if previous is None:
        return None
    return Speaker(
        mention=(), entity=previous.entity, name=previous.name, description=previous.description,
        gender=previous.gender, gender_evidence=previous.gender_evidence,
    )


_OPENING = set(" \t\"“‘'«")


def _opens_paragraph(text: str, units: list[Unit], candidate: Candidate) -> bool:
    """Whether a quotation candidate begins its paragraph (nothing but quotation marks before it)."""
    start = candidate.start
    unit = next((u for u in units if u.start <= start < u.end), None)
    if unit is None or not any(c in "\"“”«»" for c in text[start : candidate.end]):
        return False
    return all(c in _OPENING for c in text[unit.start : start])
