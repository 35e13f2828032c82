"""The entities of one article while it is read: each with its name, descriptions, mentions
and gender evidence, and the indexes (surname, organization name, recency, the people
mentioned in text order) that resolve a new mention to one of them (``Registry``)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..nlp import LETTERS_AFTER_A_NAME, NAME_PARTICLES
from ..text import DOUBLE_MARKS, without_possessive
from .gender import GenderEvidence, title_gender
from .names import first_name_gender, is_first_name
from .vocabulary import (
    ABBREVIATED_TITLES, COUNTRIES, DEMONYMS, DETERMINERS, HONORIFICS, KIN, MEDIA_WORDS,
    NO_DESCRIPTION, ORG_NOUNS, PARTY_ALIASES, PARTY_MEMBERS, PARTY_WORDS, PEERAGE, PERSON_NOUNS, PLACE_ADJECTIVES,
    POST_NOMINAL, RAW_STOP, ROLE_NOUNS, ROLE_TITLES, SAME_OFFICE, SENTENCE_OPENERS, TEAM_WORDS, TITLE_HOLDERS, WORDLIKE,
    ends_sentence, is_person_noun, title_word,
)


# words a phrase cannot end on
_DANGLING = frozenset("the a an and or of for to in with on at by from as his her its their".split())

# what opens a relative clause, lowercase ("Who drummer Kenny Jones" plays in The Who)
_RELATIVE = re.compile(r"(?:who|whom|whose|which|that)\b")


@dataclass
class Referent:
    id: str
    type: str
    name: str | None
    descriptions: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role: frozenset[str] | None = None
    confirmed: bool = False  # named in parsed text or referred to by an attribution
    # lowercased words of its titles and descriptions: "the minister" finds it through them
    title_words: set[str] = field(default_factory=set)
    # the head nouns of those: "minister" of "Minister of Crown-Indigenous Relations"
    title_heads: set[str] = field(default_factory=set)
    # those of a role they held once ("former television host", "ex-chatshow host"): no office now
    former_heads: set[str] = field(default_factory=set)
    # those only the writer's epithets for a named person gave ("The US regulator said" of William
    # Donaldson, named before): a word for them, no role the article introduced them with
    epithet_heads: set[str] = field(default_factory=set)
    # given an affiliation ("Nicolas Sarkozy of France"): someone the article said who they are
    affiliated: bool = False
    evidence: GenderEvidence = field(default_factory=GenderEvidence)
    gender: str | None = None
    gender_evidence: str | None = None
    _in_order: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def describe(self, description: str | None) -> None:
        if not description or not WORDLIKE.search(description) or _RELATIVE.match(description):
            # a stray quotation mark, comma or "m." (of "£312m.") is no description, nor is the start of
            # a relative clause ("Size, whose New Forms album won …": "whose New Forms album")
            return
        # a description cut short mid-phrase ("partner for Tods Murray which has a", "the") ends
        # on the last word that says something
        kept = description.split()
        while kept and kept[-1].lower() in _DANGLING:
            kept.pop()
        if not kept:
            return
        description = " ".join(kept)
        words = [w.lower() for w in re.findall(r"[\w-]+", description)]
        self.title_words.update(words)
        self.title_words.update(PARTY_ALIASES[w] for w in words if w in PARTY_ALIASES)
        # "Dr. Bonnie Henry" is "the doctor", "Const. Victor Kwong" "the officer"
        nouns = [noun for w in words for noun in ABBREVIATED_TITLES.get(w, ())]
        self.title_words.update(nouns)
        self.title_heads.update(nouns)
        phrase = f" {' '.join(words)} "
        for names in SAME_OFFICE:
            if any(f" {name} " in phrase for name in names):
                for name in names:
                    self.title_words.update(name.split())
                    self.title_heads.add(name.split()[-1])
        for part in re.split(r",", description):
            # the head of "Minister of X" is "minister"; of "engineering firm", "firm"
            part_words = re.split(POST_NOMINAL, " " + part.strip().lower())[0].split()
            if not part_words and part.strip():
                # "from the Transport Studies Group", "of France": where someone works or whom they
                # stand for, no noun for what they are (that group's name makes no one an organization)
                self.affiliated = True
            if part_words:
                head = part_words[-1].strip(".")
                self.title_heads.add(head)
                # "Justice Mark Edwards" is "the judge" (the head only: a Justice Minister is no judge)
                holders = TITLE_HOLDERS.get(head, ())
                self.title_heads.update(holders)
                self.title_words.update(holders)
                if any(w in ("former", "ex") or w.startswith("ex-") for w in part_words[:-1]):
                    self.former_heads.add(head)
                # the head only ("a spokeswoman for …", not "… whose husband …"): the writer's word for the person
                self.evidence.add_title(head)
        if description not in self.descriptions and description != self.name:
            self.descriptions.append(description)

    @property
    def shown_descriptions(self) -> list[str]:
        """Its descriptions as users see them: those that say who it is (``says_who``)."""
        return [d for d in self.descriptions if says_who(d)]

    def _sorted_mentions(self) -> list[tuple[int, int]]:
        """Its mentions by start.

        Mentions arrive mostly in text order: the sorted list is extended,
        and re-sorted only when one arrives out of order.
        """
        spans = self._in_order
        for span in self.mentions[len(spans) :]:
            if spans and span[0] < spans[-1][0]:
                spans = self._in_order = sorted(self.mentions)
                break
            spans.append(span)
        return spans

    def mentions_before(self, position: int) -> Iterator[tuple[int, int]]:
        """Its mentions that start before ``position``, nearest first (lazily: a search stops at the first it wants)."""
        spans = self._sorted_mentions()
        return (spans[i] for i in range(bisect_left(spans, position, key=_first) - 1, -1, -1))

    def mentioned_before(self, position: int) -> int:
        """The start of its last mention before ``position`` (-1: none).

        (A bisection, no generator: the resolver asks this of every entity, per mention.)"""
        spans = self._sorted_mentions()
        index = bisect_left(spans, position, key=_first)
        return spans[index - 1][0] if index else -1


def _first(span: tuple[int, int]) -> int:
    return span[0]


@dataclass(frozen=True)
class PersonMention:
    """A place where the article refers to a person: what a later he/she searches back through."""

    start: int
    entity: Referent
    sentence: int
    # salience for he/she: 0 a subject (or its apposition), 1 any other role, 2 a possessor,
    # IN_A_CLAUSE inside a clause about a noun ("The government, led by Justin Trudeau,")
    rank: int
    # the subject of its sentence's main clause: who that sentence is about
    main: bool = False


IN_A_CLAUSE = 3


def _start(mention: PersonMention) -> int:
    return mention.start


class Registry:
    """The entities of one article, with the indexes that resolve mentions to them."""

    def __init__(self, outlet: str | None, text: str = "") -> None:
        self.entities: list[Referent] = []
        self.by_id: dict[str, Referent] = {}
        self.by_surname: dict[str, list[Referent]] = {}
        # the double-barrelled surnames by their first part ("kilroy": {"kilroy-silk"})
        self.hyphenated: dict[str, set[str]] = {}
        self.organizations: list[Referent] = []
        self.outlet = outlet
        self.text = text
        # the words the article writes after Mr, Ms or Dr: surnames wherever they stand alone
        self.addressed = surnames_addressed(text)
        # speakers in the order they were last referred to: pronouns pick from the end
        self.recent: list[Referent] = []
        # names the NER calls people that the article shows are organizations (lowercased)
        self.not_people: set[str] = set()
        # every reference to a person, named or resolved, in text order
        self.person_mentions: list[PersonMention] = []

    def mention_person(self, mention: PersonMention) -> None:
        """Index a reference to a person at its place in text order."""
        self.person_mentions.insert(bisect_left(self.person_mentions, mention.start, key=_start), mention)

    def person_mentioned_at(self, position: int) -> bool:
        index = bisect_left(self.person_mentions, position, key=_start)
        return index < len(self.person_mentions) and self.person_mentions[index].start == position

    def refer_again(self, position: int, entity: Referent) -> None:
        """The reference at ``position`` (a he/she) is to ``entity``, whatever an earlier reading said."""
        index = bisect_left(self.person_mentions, position, key=_start)
        if index < len(self.person_mentions) and self.person_mentions[index].start == position:
            self.person_mentions[index] = replace(self.person_mentions[index], entity=entity)

    def person_mentions_before(self, position: int, *, inclusive: bool = False) -> Iterator[PersonMention]:
        """The references to people before ``position`` (or at it too), nearest first.

        Lazily: a pronoun's search stops a few sentences back, however long the article."""
        find = bisect_right if inclusive else bisect_left
        mentions = self.person_mentions
        return (mentions[i] for i in range(find(mentions, position, key=_start) - 1, -1, -1))

    def _called_before(self, entity: Referent, surname: str, position: int, *, alone: bool = False) -> int:
        """The start of the entity's last mention before ``position`` that holds ``surname``, or -1;
        ``alone``: without the entity's first name ("Ford", "Mr Ford", not "Rob Ford")."""
        # (not a possessor's: "Michael Jackson's mother" calls his mother nothing)
        word = re.compile(rf"\b{re.escape(surname)}\b(?![’']s\b)", re.IGNORECASE)
        names = (entity.name or "").split()
        first = names[0] if alone and len(names) > 1 else None
        return next((s for s, e in entity.mentions_before(position) if word.search(self.text, s, e)
                     and (first is None or first not in self.text[s:e])), -1)

    def new(self, type_: str, name: str | None, role: frozenset[str] | None = None) -> Referent:
        # numbered by all ever made, not by those left: one absorbed must not lend its number on
        entity = Referent(f"e{len(self.by_id) + 1}", type_, name, role=role)
        self.entities.append(entity)
        self.by_id[entity.id] = entity
        return entity

    def person(self, name: str, at: int | None = None, gender: str | None = None, said_of: str | None = None) -> Referent:
        """The person a name refers to; ``at``: where a bare surname is read, to pick the latest one named.

        ``said_of``: the gender of the he/she the name's own clause reports of ("Santos said she would …"),
        which picks between two people of that surname ("Maria Santos" and her brother "Paulo Santos")."""
        words, self_description, titles = _read_name(name)
        surname = words[-1].lower()
        full = " ".join(words)
        same = self.by_surname.setdefault(surname, [])
        if gender is not None:
            # "Mr. Clinton" is not the Hillary Clinton named before
            same = [e for e in same if gender_so_far(e) in (None, gender)]
        if all(w in NAME_PARTICLES for w in words[:-1]):
            # a bare surname, its particle and all ("da Silva"): the one last called by that surname
            # before it ("Osbourne said" after "his wife Sharon" is Ozzy Osbourne, not Sharon
            # Osbourne), else the one last mentioned
            position = at if at is not None else 1 << 60
            if said_of is not None and len(same) > 1:
                # what the article stated so far, else the first name: only to choose, never to make a new person
                same = [e for e in same if _gender_or_first_name(e) == said_of] or same
            # one person of that surname needs no ranking (and ranking scans each one's mentions:
            # quadratic over an article that names the same Smith thousands of times)
            # (not a relative the article describes by kin: "Premier Doug Ford … his late brother, Rob
            # Ford, …" then "Ford said" is the premier, unless the brother was last called "Ford" alone)
            entity = same[0] if len(same) == 1 else max(
                same, key=lambda e: (self._called_before(e, surname, position, alone=True), not e.title_heads & KIN,
                                     self._called_before(e, surname, position), e.mentioned_before(position),
                                     -same.index(e)), default=None)
            if entity is None:
                entity = self._hyphenated_from(surname)
            if entity is None and not titles:
                entity = self.called_by_first_name(words[0], at)
        else:
            first = words[0].lower()
            entity = next((e for e in same if len((e.name or "").split()) == 1 or (e.name or "").split()[0].lower() == first), None)
            if entity is None:
                # a surname of several words: "Van Dusen" before or after "Mark Van Dusen"
                entity = next((e for e in same if _one_ends_the_other(words, (e.name or "").split())), None)
        if entity is None:
            entity = self.new("person", full)
            self.by_surname[surname].append(entity)
            if "-" in surname:
                self.hyphenated.setdefault(surname.split("-")[0], set()).add(surname)
        elif len(full.split()) > len((entity.name or "").split()):
            entity.name = full  # the fullest form seen wins
        entity.describe(self_description)
        for title in titles:
            entity.describe(title)
            entity.evidence.add_title(title)
        return entity

    def _hyphenated_from(self, surname: str) -> Referent | None:
        """The one person whose double-barrelled surname opens with this word: "Kilroy" for Robert
        Kilroy-Silk, "Wilson" for Jody Wilson-Raybould (where the parse split the name at its hyphen)."""
        found = [people for key in self.hyphenated.get(surname, ()) if (people := self.by_surname.get(key))]
        return found[0][0] if len(found) == 1 and len(found[0]) == 1 else None

    def called_by_first_name(self, word: str, at: int | None = None) -> Referent | None:
        """A first name alone ("Sarah said" after "Sarah Lee"): the one person the article gave it
        before ``at`` (not "Mr Howard" after "Howard Flight": after an honorific it is a surname)."""
        first = word.lower()
        if not is_first_name(word) or first in self.addressed:
            return None
        firsts = [e for e in self.entities if e.type == "person" and len((e.name or "").split()) > 1
                  and (e.name or "").split()[0].lower() == first and (at is None or e.mentioned_before(at) >= 0)]
        return firsts[0] if len(firsts) == 1 else None

    def described_as(self, words: str, from_anywhere: bool = False) -> list[Referent]:
        """The named entities the article gave these very words as a description (lowercased),
        or the words with "new" before them: "New Home Secretary Charles Clarke" is "the home
        secretary" the lede spoke of; ``from_anywhere``, the words with where someone is from
        before them too ("Scottish Finance Minister, Tom McCabe" for "the finance minister")."""
        def words_of(description: str) -> set[str]:
            lowered = description.lower()
            forms = {lowered, lowered.removeprefix("new ")}
            first, _, rest = lowered.partition(" ")
            if from_anywhere and rest and (is_demonym(first) or first in COUNTRIES or first in PLACE_ADJECTIVES):
                forms.add(rest)
            return forms

        return [e for e in self.entities if e.name and any(words in words_of(d) for d in e.descriptions)]

    def unnamed(self, type_: str, description: str) -> Referent:
        """The unnamed entity of this type the article described so, else a new one: the second
        "Amnesty secretary-general", the second "the government", is the first."""
        same = next((e for e in self.entities if e.type == type_ and e.name is None and description in e.descriptions), None)
        if same is not None:
            return same
        entity = self.new(type_, None)
        entity.describe(description)
        return entity

    def absorb(self, kept: Referent, gone: Referent) -> None:
        """Two entities turned out to be one person ("Robbie" read before "Robbie Williams"):
        ``kept`` takes over the mentions, descriptions and gender evidence of ``gone``,
        and every index finds ``kept`` where it found ``gone``."""
        kept.mentions.extend(gone.mentions)
        kept.confirmed = kept.confirmed or gone.confirmed
        for description in gone.descriptions:
            kept.describe(description)
        for votes, more in ((kept.evidence.honorifics, gone.evidence.honorifics),
                            (kept.evidence.pronouns, gone.evidence.pronouns), (kept.evidence.roles, gone.evidence.roles)):
            votes.update(more)
        self.entities = [e for e in self.entities if e is not gone]
        self.by_id[gone.id] = kept
        for surname, people in self.by_surname.items():
            merged: list[Referent] = []
            for person in (kept if e is gone else e for e in people):
                if not any(person is other for other in merged):
                    merged.append(person)
            self.by_surname[surname] = merged
        self.recent = [kept if e is gone else e for e in self.recent]
        self.person_mentions = [replace(m, entity=kept) if m.entity is gone else m for m in self.person_mentions]

    def no_person(self, entity: Referent) -> None:
        """An entity taken for a person is an organization: no surname, pronoun or later mention finds it as one."""
        entity.type = "organization"
        for people in self.by_surname.values():
            if entity in people:
                people.remove(entity)
        self.person_mentions = [m for m in self.person_mentions if m.entity is not entity]
        self.not_people.add((entity.name or "").lower())

    def person_by_surname(self, word: str) -> bool:
        return bool(self.by_surname.get(without_possessive(word).lower()))

    def known_organization(self, name: str) -> Referent | None:
        """The organization already registered under this name, a name it ends ("Madrid" for "Real
        Madrid"), the name its capitals abbreviate ("AHS" for "Alberta Health Services"), or the
        one company whose name this first word shortens ("Cairn" for "Cairn Energy")."""
        key = org_key(name)
        return next(
            (e for e in self.organizations if is_suffix(key, other := org_key(e.name or "")) or _same_words(key, other)),
            None,
        ) or self.abbreviated_by(name) or self.shortened_to(key)

    def shortened_to(self, key: tuple[str, ...]) -> Referent | None:
        """The one company whose name this first word shortens ("Cairn" for "Cairn Energy")."""
        longer = [e for e in self.organizations if _shortens(key, org_key(e.name or ""))]
        return longer[0] if len(longer) == 1 else None

    def abbreviated_by(self, capitals: str) -> Referent | None:
        """The organization whose name these capitals abbreviate ("AHS", "The ODPM"), if any."""
        return next((e for e in self.organizations if e.name and _abbreviates(capitals, e.name)), None)

    def organization(self, name: str) -> Referent:
        known = self.known_organization(name)
        if known is not None:
            if known.name and known.name.islower() and not name.islower():
                known.name = _canonical_org(name)  # "Yahoo", not the dictionary's "a yahoo" met first
            return known
        key = org_key(name)
        # (a one-word name this one starts, where only one does: "Cairn" met before "Cairn Energy")
        shorter = [e for e in self.organizations if _shortens(org_key(e.name or ""), key)]
        for entity in self.organizations:
            if is_suffix(org_key(entity.name or ""), key) or (entity.name and _abbreviates(entity.name, name)) or (
                    shorter == [entity]):
                entity.name = _canonical_org(name)  # the fuller name
                return entity
        # (a country's post is its mail: "Canada Post", "Australia Post" deliver no news)
        outlet = set(key) & MEDIA_WORDS and not (len(key) == 2 and key[0] in COUNTRIES and key[1] == "post")
        type_ = "media" if outlet or (self.outlet and key == org_key(self.outlet)) else "organization"
        entity = self.new(type_, _canonical_org(name))
        self.organizations.append(entity)
        return entity

    def latest(self, accept) -> Referent | None:
        """The most recently referred-to speaker that ``accept`` takes."""
        for entity in reversed(self.recent):
            if accept(entity):
                return entity
        return None


# the honorifics that stand before a surname, never before a first name alone ("Sir Digby", "Dame Judi")
HONORIFICS_BEFORE_A_SURNAME = frozenset({"mr", "mrs", "ms", "mme", "miss", "dr"})
_ADDRESSED = re.compile(r"\b(?:Mr|Mrs|Ms|Mme|Miss|Dr)\.?\s+([A-Z][\w’'-]+)")


def surnames_addressed(text: str) -> frozenset[str]:
    """The words a text writes after Mr, Ms or Dr, lowercased: surnames, wherever they stand alone."""
    return frozenset(m.group(1).lower() for m in _ADDRESSED.finditer(text))


# the words by which a person is addressed, not described: "Mr", "Dr.", "Lord", "Dame"
_ADDRESS = NO_DESCRIPTION | PEERAGE | {h.lower() for h in HONORIFICS}


def says_who(description: str) -> bool:
    """Whether a description says who someone is: "Mr" or "Lord" alone only says how they are
    addressed (the resolver still reads them, for gender and for "the doctor"), so users never see
    them as a description."""
    return any(w.lower() not in _ADDRESS for w in re.findall(r"\w+", description))


def _read_name(name: str) -> tuple[list[str], str | None, list[str]]:
    """A person's name as the NER gave it, read into (the name's words, the description the
    words before it give, the titles inside it).

    The NER runs other words into names; each step peels one kind off: what is no
    part of the one name (a sentence before it, an aside, a nickname, a possessor:
    ``_one_name``), a sentence's opening word ("Meanwhile Singh"), a lowercase role
    or a modifier ("striker Rooney", "Paris-based Euronext") or a capitalised role
    opening a sentence (a listed one, "Founder Stelios Haji-Ioannou", or any before
    a first name, "Striker Nicolas Anelka"), a party or employer ("Lib Dem Norman
    Baker", "EADS Philippe Camus"), then everything up to the last title
    ("Veterans Affairs Minister Seamus O'Regan").
    """
    cleaned = without_possessive(" ".join(_one_name(name.split()))).split()
    while len(cleaned) > 2 and cleaned[-1].rstrip(".,") in LETTERS_AFTER_A_NAME:
        cleaned = cleaned[:-1]  # "Ben Emmerson QC"
    # "If Calder", "Meanwhile Singh": the NER took a sentence's first word along (where it opens a
    # sentence does not matter here: the NER read the words as one name, "Shinzo Abe" included)
    while len(cleaned) > 1 and no_part_of_name(cleaned[0], cleaned[1], opens_sentence=False):
        cleaned = cleaned[1:]
    # "striker Rooney", "Paris-based Euronext": the NER took a role word or a modifier into the name
    lead = next((i for i, w in enumerate(cleaned[:-1]) if not is_modifier(w)), len(cleaned) - 1)
    # "Wales physio Mark Davies", "Perpignan centre Jean-Philippe Granclaude": a lowercase word
    # further in (not a particle: "Ruud van Nistelrooy") ends what describes the person, so does a
    # demonym ("Russian Dmitriy Bogdanov", "Top-seeded Americans Andy Roddick")
    if not any(w.lower() in ORG_NOUNS for w in cleaned):  # not "American International Group"
        lead = max([lead] + [i + 1 for i, w in enumerate(cleaned[:-2]) if is_demonym(w) or (
            w.isalpha() and w.islower() and w not in NAME_PARTICLES and w not in _JOINING)])
    role, cleaned = cleaned[:lead], cleaned[lead:]
    if role and all(w in NAME_PARTICLES for w in role):
        role, cleaned = [], role + cleaned  # "de Villa" (of "Dr. Eileen de Villa"): the particle is the name's
    if not role and len(cleaned) > 2 and cleaned[0].lower() in ROLE_NOUNS:
        # "Founder Stelios Haji-Ioannou" at a sentence's start: the role is capitalised, still no name
        role, cleaned = [cleaned[0].lower()], cleaned[1:]
    first = next((i for i, w in enumerate(cleaned[:-1]) if is_first_name(w, anywhere=True)), 0)
    if first == 0 and len(cleaned) == 3 and cleaned[0].lower() in PERSON_NOUNS and is_first_name(cleaned[1], anywhere=True):
        first = 1  # "Star Christina Applegate": a listed role that is someone's first name too, before a first name
    capitalised_role = not role and first > 0 and is_person_noun(cleaned[first - 1].lower())
    if capitalised_role:
        # "Striker Nicolas Anelka", "New Yorker Dick Morris": a capitalised role before a first name
        role, cleaned = [w.lower() for w in cleaned[:first]] if first == 1 else cleaned[:first], cleaned[first:]
    # capitalised words before the name that say whose side they are on or work for
    leading = 0
    while leading < len(cleaned) - 1 and cleaned[leading].lower() in PARTY_MEMBERS:
        leading += 1
    if not role and leading == 0 and len(cleaned) > 2 and _is_acronym(cleaned[0]):
        leading = 1  # "group EADS Philippe Camus": the NER ran the employer into the name
    if leading and not is_title(cleaned[leading].rstrip("s")):
        # "Lib Dem Norman Baker", "Labour Janner": the party describes them, it is no name
        # (but "Lib Dem MPs" are no person named "MPs")
        role, cleaned = role + cleaned[:leading], cleaned[leading:]
    last_title = max((i for i, w in enumerate(cleaned[:-1]) if is_title(w)), default=-1)
    portfolio = name_after_portfolio(cleaned)
    if portfolio > 0:
        # "Minister of Health Patty Hajdu": the name starts after the title's portfolio
        role, cleaned = role + cleaned[:portfolio], cleaned[portfolio:]
    elif last_title >= 0:
        # "Veterans Affairs Minister Seamus O'Regan": the name starts after the title
        role, cleaned = role + cleaned[: last_title + 1], cleaned[last_title + 1 :]
    # what stood before the name describes them when it holds a role or title, not an honorific or
    # peer's title alone or a place or day the parse took along ("Speaking in Harrogate Mr Kennedy",
    # "on Wednesday Lord Woolf")
    described = [w for w in role if w.rstrip(".") not in HONORIFICS and w.lower() not in PEERAGE]
    describing = leading or capitalised_role or any(is_modifier(w) or is_title(w) or is_demonym(w) for w in described)
    description = " ".join(described) if describing else None
    titles = [w for w in cleaned if title_word(w)]
    words = [w for w in cleaned if not title_word(w)] or cleaned
    return words, description, titles


def no_part_of_name(word: str, following: str, *, opens_sentence: bool) -> bool:
    """Whether a capitalised ``word`` before ``following`` is no part of the name they seem to begin.

    A word that opens sentences is none ("Meanwhile Singh"). A sentence's first
    word is capitalised whatever it is: there, before a first name, any word but
    a first name is none ("Sure Robbie", "Singer Courtney Love").
    """
    if is_first_name(word):
        return False
    return word.lower() in SENTENCE_OPENERS or (opens_sentence and is_first_name(following))


# lowercase words that join two names, describing neither: "Wendy Ide of The Times", "Marvin Gaye v Tuff Jam"
_JOINING = RAW_STOP | {"v", "vs"}


def is_demonym(word: str) -> bool:
    """Where someone is from, one or several: "Russian", "Spaniard", "Americans", "Irishmen"."""
    word = word.lower()
    return word in DEMONYMS or word.removesuffix("s") in DEMONYMS or word.replace("men", "man") in DEMONYMS


def is_modifier(word: str) -> bool:
    """A word before a name that says what the named is, not who: "striker", "Paris-based"."""
    return word[:1].islower() or bool(_HYPHENATED_MODIFIER.search(word))


def _one_name(words: list[str]) -> list[str]:
    """The words of the one name in a run the NER took across a sentence's end, a dash, a
    quotation mark or a possessive (never none: a run of marks alone stays as it was).

    After the last sentence end ("… were British. For Andrea Arnold, who won": a word of three
    letters or more ending in a stop, not an abbreviated title like "Sen." nor initials like
    "J.R.R."); before a dash ("Florian Hamm - Borussia Dortmund's largest investor": the aside
    follows the name); without a nickname in quotation marks ("Brian 'Head' Welch"), before a
    mark on its own ("Janet Jackson 'wardrobe malfunction'"); after a possessive that opens the
    run ("Morocco's Hicham El Guerrouj": whose the name is), up to one after it ("Orson Welles'
    Macbeth"); without a mark hung on the last word ("Eddie O'Sullivan' side"), nor a space
    after an "O'" ("Rory O' Neill").
    """
    given = words
    ends = [i for i, w in enumerate(words[:-1]) if ends_sentence(w)]
    if ends:
        words = words[ends[-1] + 1 :]
    dash = next((i for i, w in enumerate(words) if w in ("-", "–", "—", "--")), None)
    words = words[:dash] if dash else words
    words = [w for w in words if not (len(w) > 2 and w[0] in _QUOTE_MARKS and w[-1] in _QUOTE_MARKS)]
    words = re.sub(r"\b([A-Z]['’]) (?=[A-Z])", r"\1", " ".join(words)).split()  # "Rory O' Neill": O'Neill
    alone = next((i for i, w in enumerate(words) if not w.strip(_QUOTE_MARKS)), len(words))
    words = words[:alone] or words[alone + 1 :]
    possessive = next((i for i, w in enumerate(words[:-1]) if without_possessive(w) != w), None)
    if possessive == 0:
        words = _one_name(words[1:])
    elif possessive is not None:
        words = words[: possessive + 1]
    words = [*words[:-1], words[-1].rstrip(_QUOTE_MARKS)] if words and words[-1].rstrip(_QUOTE_MARKS) else words
    return words or given


def _is_acronym(word: str) -> bool:
    """"EADS", "BP": capitals only (three or more, so not initials like "JP")."""
    return len(word) >= 3 and word.isalpha() and word.isupper()


def is_title(word: str) -> bool:
    if title_word(word):
        return True
    word = word.lower().strip(".")
    return word in ROLE_TITLES or title_gender(word) is not None


# the lowercase words of a title's portfolio: "Minister of Health", "Secretary for Work and Pensions"
PORTFOLIO_JOINERS = frozenset({"of", "for", "the", "and", "&"})


def name_after_portfolio(words: list[str]) -> int:
    """Where the name starts in "Minister of Health Patty Hajdu", "Chancellor of the Exchequer
    Gordon Brown": the first name of two or three capitalised words that end ``words`` after a
    title and its portfolio (as the NER often runs them into one organization); -1 where the
    words are not so. Two words where the first is a first name, since a portfolio may be one
    too ("Minister of Justice David Lametti")."""
    title = next((i for i, w in enumerate(words) if is_title(w)), -1)
    if title < 0 or title + 2 >= len(words) or words[title + 1] not in ("of", "for"):
        return -1
    for start in (len(words) - 2, len(words) - 3):
        if start > title + 2 and is_first_name(words[start], anywhere=True) and all(
                w[:1].isupper() or w in PORTFOLIO_JOINERS for w in words[title + 2 : start]) and all(
                w[:1].isupper() and w.lower() not in PORTFOLIO_JOINERS for w in words[start:]):
            return start
    return -1


def ends_in(name: str, words: frozenset[str]) -> bool:
    """Whether a name's last word is one of ``words``, as written or lowercased ("Labour", "Party")."""
    last = name.split()[-1:]
    return bool(last) and (last[0] in words or last[0].lower() in words)


def club_or_party(name: str) -> bool:
    """"Sheffield United", "Bristol Rovers": a club; "Lib Dems", "Labour": a party (by the last word;
    not a surname after a particle: "Eileen de Villa" is no Aston Villa)."""
    words = name.split()
    return ends_in(name, TEAM_WORDS | PARTY_WORDS) and not (len(words) > 1 and words[-2] in NAME_PARTICLES)


def _one_ends_the_other(a: list[str], b: list[str]) -> bool:
    """Whether the shorter of two names is the end of the longer after a first name:
    "Van Dusen", "Mark Van Dusen" (not "Conservative Adam Vaughan", "Adam Vaughan")."""
    short, long = sorted((a, b), key=len)
    return (len(long) == len(short) + 1 and is_first_name(long[0])
            and [w.lower() for w in long[1:]] == [w.lower() for w in short])


def gender_so_far(entity: Referent) -> str | None:
    """What is known of a person's gender while the article is still being read."""
    # only what the text says: a first-name guess must not split "Ms. Lonechild" from her full name
    honorifics = entity.evidence.honorifics
    if honorifics and len(honorifics) == 1:
        return next(iter(honorifics))
    return None


def _gender_or_first_name(entity: Referent) -> str | None:
    named = entity.name is not None and len(entity.name.split()) > 1
    return gender_so_far(entity) or (first_name_gender(entity.name) if named else None)


def org_key(name: str) -> tuple[str, ...]:
    words = re.findall(r"[\w&]+", without_possessive(name.lower()))
    return tuple(w for w in words if w not in DETERMINERS)


# the small words an abbreviation leaves out: "Department of Fisheries and Oceans" is DFO
_NOT_ABBREVIATED = frozenset("of and for on in at to the &".split())


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is the capitals of ``name``'s words: "TTC" of "Toronto Transit Commission",
    "The ODPM" of "the Office of the Deputy Prime Minister"."""
    short = re.sub(r"^[Tt]he\s+", "", short)
    words = [w for w in re.findall(r"[\w&]+", without_possessive(name)) if w.lower() not in _NOT_ABBREVIATED]
    if len(words) > 3 and words[0].isalpha() and words[0].isupper():
        words = words[1:]  # a country's capitals before the name: the SEC of "the US Securities Exchange Commission"
    initials = "".join(w[0] for w in words)
    # (two capitals only for a name of two words: "GM", "the FT"; never a person's "JP")
    # (and not a name that holds them as a word: "BT" is no "BT Together")
    two = len(short) == len(words) == 2 and short.isalpha() and short.isupper() and short not in words
    return (two or (_is_acronym(short) and len(initials) > 2)) and short == initials.upper() and initials.isupper()


# the words after a company's first one that only say what kind of company it is: "Cairn Energy" is
# "Cairn", while "Microsoft Word", "Sky News" and "Barclays Capital" are a product, a channel, a unit
_KIND_OF_COMPANY = frozenset(
    "energy communications resources group holdings securities breweries motor motors airlines airways "
    "international party foundation corporation corp inc plc ltd co company industries systems "
    "finanziaria technologies pharmaceuticals petroleum mining telecom".split()
)


def _shortens(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether a one-word name is the first word of ``long`` ("Cairn" of "Cairn Energy", "Marsh" of
    "Marsh & McLennan"), the rest of whose words say only what kind of company it is."""
    return (len(short) == 1 and len(long) > 1 and long[0] == short[0]
            and (long[1] == "&" or all(w in _KIND_OF_COMPANY for w in long[1:])))


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    # spaces aside: "TimeWarner" and "Time Warner" in one article are one company (the store
    # merges across articles on the same spaceless key, `store.normalize.name_key`)
    return bool(a) and "".join(a) == "".join(b)


def is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return 0 < len(short) < len(long) and long[-len(short):] == short


def _canonical_org(name: str) -> str:
    # (a dash or comma the NER took along: "Deutsche Boerse - whose market value …")
    name = re.sub(r"[’']s?$", "", name.strip().rstrip(" -–—,;:")).strip()
    if re.search(r"\([^()]*$", name):
        name += ")"  # the NER ends "International Labour Organisation (ILO)" before its parenthesis closes
    if name.lower().startswith("the "):
        name = "The " + name[4:]
    return name


def settle_gender(entity: Referent) -> None:
    """What the article states of a person's gender; else, marked as such, what the first name suggests."""
    entity.gender, entity.gender_evidence = entity.evidence.verdict()
    if entity.gender is None:
        entity.gender = first_name_gender(entity.name)
        entity.gender_evidence = "name" if entity.gender else None


_QUOTE_MARKS = DOUBLE_MARKS + "'‘’`"
_HYPHENATED_MODIFIER = re.compile(r"\w-(?:based|born|bred|listed|owned|led|backed|made)$")
