"""Who a he or she refers to in one article.

Read over the whole article before any speaker is resolved: each he/she whose
antecedent is unambiguous votes for that person's gender (``weigh_gender``),
and a narrator's subject he/she carries its person on for the pronouns after it
(``chain_subject_pronouns``). A speaker's he/she then goes to the nearest
earlier person of agreeing gender, searching back sentence by sentence and
preferring a sentence's subject (``antecedent``).
"""

from __future__ import annotations

import re

from ..attribution.spans import DisjointSpans, SpanIndex
from ..text import Unit
from .gender import pronoun_gender, title_gender
from .names import first_name_verdict
from .registry import IN_A_CLAUSE, PersonMention, Referent, Registry, settle_gender
from .sentences import Sentences
from .vocabulary import SUBJECT_DEPS

# how many sentences back a he/she looks for its antecedent before falling back
# on the speakers referred to so far
_PRONOUN_REACH = 8
_RAW_PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im|[Hh]erself|[Hh]imself)\b")


class Pronouns:
    """The he/she of one article, over its registry of people and its sentences."""

    def __init__(self, text: str, sentences: Sentences, registry: Registry) -> None:
        self.text = text
        self.sentences = sentences
        self.registry = registry

    def weigh_gender(self, units: list[Unit], quoted: list[tuple[int, int]], speaking: list[tuple[int, int]]) -> None:
        """Each he/she whose antecedent is unambiguous votes for that person's gender.

        A second round settles pronouns with two people before them when the
        first round showed one of the two is of the other gender ("Patel met
        Reyes. He …" once Patel is known to be a woman). A he/she inside a
        quotation is not the one who speaks it: where only speakers are named
        nearest (``speaking``, the statements' sources) it does not vote ("“…,"
        said race director Matthew Turnbull. “Her record …,” he added").
        """
        inside = SpanIndex(quoted)
        speakers = DisjointSpans()
        for span in speaking:
            speakers.add(span)
        ambiguous: list[tuple[str, list[Referent]]] = []
        for unit in units:
            if unit.doc is None:
                # an unparsed paragraph has no roles to read: its pronouns vote only when one person is near
                for match in _RAW_PRONOUN.finditer(self.text, unit.start, unit.end):
                    people = {id(e): e for e in self.nearest_people(match.start(), lambda e: True, reach=2)}
                    if len(people) == 1:
                        next(iter(people.values())).evidence.pronouns[pronoun_gender(match.group(0)) or ""] += 1
                continue
            for token in unit.doc:
                gender = pronoun_gender(token.text)
                if gender is None or _gendered_noun_before(token, gender):
                    continue
                # "Reyes met her": an object pronoun is not the subject of its own clause, though it may be
                # the subject of the clause above ("Sarah Klein told the court her husband had threatened her")
                mates = () if token.lower_.endswith("self") else _clause_subjects(token, unit.start)
                nearest = self._nearest_mentions(unit.start + token.idx, lambda e: True, reach=2, exclude=mates)
                if inside.find(unit.start + token.idx) is not None and all(speakers.contains(m.start) for m in nearest):
                    continue  # only speakers named nearest (or none): the vote is not passed on further back
                people = list({id(m.entity): m.entity for m in nearest}.values())
                if len(people) == 1 and self._pronoun_before_the_name(people[0], unit.start + token.idx, gender):
                    continue
                if len(people) == 1 and self._named_as_the_other_gender(people[0], unit.start + token.idx, gender):
                    continue
                if len(people) == 1:
                    people[0].evidence.pronouns[gender] += 1
                elif people:
                    ambiguous.append((gender, people))
        self._decide_gender()
        for gender, people in ambiguous:
            left = [e for e in people if e.gender in (None, gender)]
            if len(left) == 1:
                left[0].evidence.pronouns[gender] += 1
        self._decide_gender()

    def chain_subject_pronouns(self, units: list[Unit], quoted: list[tuple[int, int]]) -> None:
        """A narrator's subject he/she counts as a mention of its antecedent for the pronouns after it.

        "John Smith said the bill was flawed. He was elected after defeating Bob
        Jones. “…,” he said.": the second sentence is about Smith, so the quote is
        his, not Jones's, the only name in the sentence before it. Read in text
        order, so a chain of pronouns stays with its person. Done after the gender
        votes, which count names only.
        """
        inside = SpanIndex(quoted)
        for unit in units:
            if unit.doc is None:
                continue
            for token in unit.doc:
                gender = pronoun_gender(token.text)
                if gender is None or token.dep_ not in SUBJECT_DEPS or token.lower_ not in ("he", "she"):
                    continue
                position = unit.start + token.idx
                if inside.find(position) is not None:
                    continue  # a quoted speaker's he/she is no narrator's
                entity = self._named_after(token, unit.start, gender) or self.antecedent(position, gender, quoted)
                if entity is None:
                    continue
                self.registry.mention_person(PersonMention(position, entity, self.sentences.index(position), 0))

    def _named_after(self, pronoun, offset: int, gender: str) -> Referent | None:
        """The person a he/she refers ahead to: the named subject of the sentence whose
        fronted clause holds it ("Asked whether he was comfortable …, Mr Howard told the BBC").

        Only a clause of the sentence's main verb: in "Jones said that when he arrived,
        Smith had gone" the he is Jones's, the subject of another clause.
        """
        clause = pronoun
        while clause.dep_ != "advcl" and clause.head.i != clause.i:
            clause = clause.head
        main = clause.head
        if clause.dep_ != "advcl" or main.dep_ != "ROOT":
            return None
        subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS and c.i > clause.right_edge.i), None)
        if subject is None:
            return None
        start, end = offset + subject.left_edge.idx, offset + subject.idx + len(subject.text)
        for m in self.registry.person_mentions_before(end):
            if m.start < start:
                break
            if m.entity.type == "person" and m.entity.gender in (None, gender):
                return m.entity
        return None

    def _pronoun_before_the_name(self, entity: Referent, position: int, gender: str) -> bool:
        """"She said Comey had called her answers truthful. … she said": her and she may be She's.

        A pronoun's only candidate is named in a sentence that a pronoun of the
        same gender opens before the name: that earlier pronoun's person is a
        candidate too, so the pronoun casts no vote.
        """
        named = next((m for m in self.registry.person_mentions_before(position, inclusive=True) if m.entity is entity), None)
        if named is None:
            return False
        sentence_start = self.sentences.spans[named.sentence][0]
        return any(
            pronoun_gender(match.group(0)) == gender
            for match in _RAW_PRONOUN.finditer(self.text, sentence_start, named.start)
        )

    def _named_as_the_other_gender(self, entity: Referent, position: int, gender: str) -> bool:
        """"Defence lawyer Michael Spratt said … Justice Anne Molloy adjourned the case. “…,” he
        said": a name the lists give only the other gender, where someone named before it has a
        first name of the pronoun's, is no sure antecedent (which would make Anne Molloy a man)."""
        verdict = first_name_verdict(entity.name)
        if verdict not in ("female", "male") or verdict == gender:
            return False
        return any(first_name_verdict(e.name) == gender for e in self.nearest_people(
            position, lambda e: e is not entity and e.type == "person", reach=_PRONOUN_REACH))

    def _decide_gender(self) -> None:
        """What the article states; else, marked as such, what the first name suggests."""
        for entity in self.registry.entities:
            if entity.type == "person":
                settle_gender(entity)

    def nearest_people(
        self, position: int, accept, *, reach: int, exclude=(), own_sentence: bool = True, topics=lambda position: False,
    ) -> list[Referent]:
        """The people named in the nearest sentence before ``position`` that names any ``accept`` takes.

        Subjects first, then in text order; the pronoun's own sentence counts up to it. People
        named in an aside clause, or where ``topics`` holds, count only where no other is near.
        """
        return [m.entity for m in self._nearest_mentions(
            position, accept, reach=reach, exclude=exclude, own_sentence=own_sentence, topics=topics)]

    def _nearest_mentions(
        self, position: int, accept, *, reach: int, exclude=(), own_sentence: bool = True, topics=lambda position: False,
    ) -> list[PersonMention]:
        here = self.sentences.index(position)
        # before the position, not at it: a subject pronoun's own chained mention is no antecedent of it
        found: list[PersonMention] = []
        aside: list[PersonMention] = []  # people named only inside a clause about something else
        for m in self.registry.person_mentions_before(position):
            if m.sentence < here - reach:
                break
            if m.sentence == here and not own_sentence:
                continue
            if any(a <= m.start < b for a, b in exclude) or not accept(m.entity):
                continue
            if m.rank == IN_A_CLAUSE or topics(m.start):
                aside.append(m)
                continue
            if found and m.sentence != found[0].sentence:
                break
            found.append(m)
        if not found or (aside and aside[0].sentence > found[0].sentence + 1):
            # a person named only in an aside is the antecedent where no subject is named near
            found = [m for m in aside if m.sentence == aside[0].sentence] if aside else []
        found.sort(key=lambda m: (m.rank, m.start))
        return found

    def antecedent(
        self, position: int, gender: str | None, exclude, last_speaker: Referent | None = None, *,
        topics=lambda position: False,
    ) -> Referent | None:
        """He/she: the nearest earlier person of agreeing gender, else the latest such speaker.

        ``topics``: where statements' contents are; a person named only there yields to the
        speaker of the latest statement."""
        def agrees(entity: Referent) -> bool:
            return entity.type == "person" and (entity.gender is None or gender is None or entity.gender == gender)

        def agrees_but_for_the_name(entity: Referent) -> bool:
            # a first-name guess ("Lu" is a woman's name in the lists) yields to what the text does
            return entity.type == "person" and (entity.gender_evidence == "name" or agrees(entity))

        for accept in (agrees, agrees_but_for_the_name):
            mentions = self._nearest_mentions(position, accept, reach=_PRONOUN_REACH, exclude=exclude)
            people = [m.entity for m in mentions]
            # among the people of that sentence, the one whose statement came last goes on speaking;
            # so too where the people nearer are only what statements are about ("Mr Blair has
            # failed, he claimed" after Michael Howard's statement): a second search, only then
            def spoke_last(found: list[Referent]) -> bool:
                return any(p is last_speaker for p in found)

            # but not a he/she where that sentence is about someone else, its main subject, and
            # names the last speaker only as an object or a possessor ("Mr Kennedy held talks with
            # Tony Blair on Friday. He said afterwards …" after Blair spoke; "But Wenger's Bayern
            # counterpart Felix Magath was in no mood to celebrate. He said: …" after Wenger's quote)
            subject = next((m.entity for m in mentions if m.main and not topics(m.start)), None)
            if last_speaker is not None and accept(last_speaker) and spoke_last(people):
                if gender is None or subject is None or any(m.entity is last_speaker and m.rank == 0 for m in mentions):
                    return last_speaker
                return subject
            if last_speaker is not None and accept(last_speaker) and spoke_last(
                    self.nearest_people(position, accept, reach=_PRONOUN_REACH, exclude=exclude, topics=topics)):
                return last_speaker
            if people:
                return people[0]
        return self.registry.latest(agrees)


def _clause_subjects(pronoun, base: int) -> list[tuple[int, int]]:
    """The spans of the subjects of an object pronoun's own clause, which it cannot refer to."""
    if pronoun.dep_ not in ("dobj", "dative", "pobj", "iobj"):
        return []
    verb = pronoun.head
    # up to the clause that has a subject: "talked to her", and "DJ Margherita Taylor will select
    # questions to put to him", whose subject is Taylor's
    while not any(t.dep_ in SUBJECT_DEPS for t in verb.children) and verb.head.i != verb.i:
        verb = verb.head
    return [(base + t.left_edge.idx, base + t.right_edge.idx + len(t.right_edge.text))
            for t in verb.children if t.dep_ in SUBJECT_DEPS]


def _gendered_noun_before(pronoun, gender: str) -> bool:
    """A common noun of the pronoun's gender in its sentence or the one before ("my girlfriend's
    laptop died and she could not work"): the likelier antecedent, so no vote for a name."""
    sent = pronoun.sent
    start = sent.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    return any(t.pos_ == "NOUN" and not t.ent_type_ and title_gender(t.lower_) == gender
               for t in pronoun.doc[start : pronoun.i])
