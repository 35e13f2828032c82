"""Speaker resolution within one article: mentions -> entities, names and descriptions.

No coreference package works offline, so this is a small resolver of our own
over spaCy's parse and named entities:

- a named person is keyed by surname: ``Glassner`` -> ``Michael Glassner``
  (the most recently named one when two share it; a different first name is
  another person), even where the tagger calls the bare surname an organization;
  a name the article writes with an honorific (``Mr Cable``) or describes as a
  person in apposition (``Michelle, a mother of twins``) is a person whatever
  the NER called it;
- an organization's role noun is a person of it, not the organization
  (``Amnesty International's chief``, ``the Chester chairman``): the person the
  article gave that role there, else an unnamed person;
- an organization or outlet by its words: ``the Times`` -> ``The New York Times``;
- a described speaker (``A spokeswoman for the Sessions campaign``) becomes an
  unnamed entity whose description later definite mentions (``The
  spokesperson``) resolve to, through their role noun;
- he/she goes to the nearest earlier person of agreeing gender, searching back
  sentence by sentence and preferring a sentence's subject (a person named
  inside the quotation being attributed does not count); it -> organization,
  they -> either, from the speakers referred to so far;
- a definite description (``the minister``, ``the rookie defenceman``, ``the
  firm``) goes to the most recent entity the article gave that description
  (apposition, title before the name) before it becomes an unnamed speaker;
  ``the paper`` goes to the outlet named last;
- a quotation that is a paragraph of its own, without a source, continues the
  speaker of the statement before it (as assembled: ``assemble`` relinks a
  quote whose statement was merged into another);
- each person's gender is what the article states (``gender.py``).
- a relaying phrase (``the Times' piece``, ``a report by the New York Times``)
  resolves to the outlet inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from dataclasses import dataclass, field, replace

from spacy.tokens import Span

from ..attribution.candidate import Candidate, Mention
from ..attribution.spans import SpanIndex
from ..attribution.verbal import split_description
from .gender import GenderEvidence, honorific_before, honorific_gender, pronoun_gender, title_gender
from .names import first_name_gender, first_name_verdict, is_first_name
from ..model import Attribution, Entity, Fragment, Speaker
from ..text import Unit, paragraph_spans, quotations

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
_GROUP_PRONOUNS = frozenset({"they", "them", "we", "us", "it", "who", "which", "that"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
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
    "secretary minister chairman chairwoman judge justice gen general prof professor rev sir lord lady "
    # ranks and offices that stand before a name and are no part of it ("Vice President Joe Biden")
    "miss mx vice deputy acting former premier chancellor mp mla mpp congressman congresswoman "
    "det sgt cpl const insp supt lt col capt cmdr adm coach".split()
)
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those"})
# Capitalised role words that, before a name, make a title ("Premier Doug Ford")
_ROLE_TITLES = frozenset(
    "premier chancellor commissioner chief officer director inspector sergeant constable detective "
    "coach captain ambassador deputy leader spokesperson spokeswoman spokesman ceo president dj".split()
)
_DEFINITE = frozenset({"the", "this", "that"})
# roles a sentence's first word may be, capitalised before a name ("Founder Stelios Haji-Ioannou")
# (a list, not the person-noun suffixes: "Lian Chia Liang", "Dresdner Kleinwort Wasserstein")
_ROLE_NOUNS = frozenset("founder boss owner chairman chairwoman manager analyst economist spokesman spokeswoman".split())
# words that are no description on their own: courtesy titles, and what qualifies a role
# ("former Yukos boss …" gives the company no "former")
_NO_DESCRIPTION = frozenset("mr mrs ms miss mx messrs mme sir former acting vice deputy then late".split())
# words that narrow a role to where it is held, never to another kind of role ("the country's top doctor")
_NARROWING = frozenset("country nation province state city town region top".split())
# what an outlet is called once named: "the paper says" refers back to it
_OUTLET_NOUNS = frozenset("paper newspaper daily tabloid broadsheet magazine broadcaster network channel station".split())
# what a business is called once named: "the company" refers back to it
_BUSINESS_NOUNS = frozenset(
    "company firm corporation retailer airline bank insurer manufacturer carrier chain business "
    "automaker developer operator utility brand startup grocer".split()
)
# the last word of a sports club's name, which the NER may take for a person's
_TEAM_WORDS = frozenset("United City Rovers Athletic Wanderers Albion Town County Rangers Hotspur FC".split())
# a party's member, capitalised before a name: "Lib Dem Norman Baker", "Labour Janner", "Tories Ken Clarke"
_PARTY_MEMBERS = frozenset(
    "lib dem dems labour tory tories conservative conservatives liberal liberals democrat democrats "
    "republican republicans ndp snp ukip gop".split()
)
# the last word of a political party's name, which the NER may take for a person's
_PARTY_WORDS = frozenset(
    "Dems Tories Labour Conservatives Liberals Democrats Republicans Greens Nationalists Unionists GOP NDP SNP UKIP".split()
)
# people named for someone else: "lawyer for X", "an aide to X" describe another person than X
_RELATIONS = frozenset(
    "friend partner lawyer attorney aide adviser advisor spokesman spokeswoman spokesperson colleague "
    "rival ally successor predecessor child children parent parents widow widower fiancee fiance".split()
)
# head nouns that describe an organization, not a person: "oil giant Yukos", "the band Keane"
# (not "party", "team" or "union": "Green Party's Elizabeth May" is the party's, not it)
_ORGANIZATION_HEADS = frozenset(
    "firm company corporation group giant conglomerate maker producer manufacturer retailer airline bank "
    "insurer carrier chain business operator brand supplier exporter band network broadcaster website "
    "charity foundation institute trust society club".split()
)
# what a public body or union is called once named: "Unifor" … "the union said"
_BODY_NOUNS = frozenset("union agency department ministry association organization organisation board commission authority regulator".split())
# Head nouns of a description that can stand for a person: "seed", "striker", "officer".
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee")
_NOT_PERSON_SUFFIXES = ("ment", "paper", "letter", "number", "order", "matter", "center", "centre", "sector", "maker")
_PERSON_NOUNS = frozenset(
    "seed candidate nominee minister premier general chief head leader mother father woman man girl boy wife "
    "husband son daughter sister brother veteran mayor host star actress coach captain judge senator governor "
    "president mp rookie goalkeeper midfielder defender winger champion".split()
)
# how many sentences back a he/she looks for its antecedent before falling back
# on the speakers referred to so far
_PRONOUN_REACH = 8
# an abbreviated title before a name, and the nouns a later description calls its holder by
_ABBREVIATED_TITLES = {
    "dr": ("doctor",), "prof": ("professor",), "sen": ("senator",), "gov": ("governor",),
    "rep": ("representative", "congressman", "congresswoman"), "rev": ("reverend", "pastor", "priest"),
    "gen": ("general",), "capt": ("captain",), "lt": ("lieutenant", "officer"), "col": ("colonel", "officer"),
    "const": ("constable", "officer"), "cst": ("constable", "officer"), "cpl": ("corporal", "officer"),
    "sgt": ("sergeant", "officer"), "det": ("detective", "officer"), "insp": ("inspector", "officer"),
    "supt": ("superintendent", "officer"), "coun": ("councillor", "councilor"),
}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_RAW_PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im|[Hh]erself|[Hh]imself)\b")

# A capitalised name in text that was not parsed ("… officer Michael Glassner sent …").
# a name's word: a capital, then letters with inner apostrophes, hyphens and capitals
# ("O'Regan", "Bédard", "Jong-un", "MacKay")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’-](?=[^\W\d_]))*[a-zß-öø-ÿ]"
_NAME_IN_RAW_TEXT = re.compile(rf"(?<![\w'’-])((?:[A-Z][a-z]+\.?\s+){{0,2}}{_NAME_WORD}(?:\s+{_NAME_WORD})+)(?![\w'’-])")
# "Mr Cable", "Ms. Errigo": whoever the article calls so is a person
_HONORIFICS = ("Mr", "Mrs", "Ms", "Mme", "Dr", "Sir", "Dame")
_PEERAGE = frozenset({"lord", "lady", "baroness", "baron"})
_HONORIFIC_NAME = re.compile(rf"\b(?:{'|'.join(_HONORIFICS)})\.?\s+([A-Z][\w’'-]+)")
# entity types that are never part of a person's name
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# words that may come before a cue that opens its sentence without a subject
_SENTENCE_LINKS = frozenset({"and", "but", "also", "then", "later"})
# what the NER calls places: a PERSON string it also tags so is a place
_PLACE_ENTS = frozenset({"GPE", "LOC"})
_COLON_NEXT = re.compile(r"\s*:")
_WORDS_BEFORE = 6
_RAW_STOP = frozenset(
    "that the a an and or but of to in on for by with from as at is was said says told which who when".split()
)


# two letters in a row: what a description needs to be one
_WORDLIKE = re.compile(r"[^\W\d_]{2}")


@dataclass
class _Entity:
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
    evidence: GenderEvidence = field(default_factory=GenderEvidence)
    gender: str | None = None
    gender_evidence: str | None = None
    _starts: list[int] = field(default_factory=list, repr=False)

    def describe(self, description: str | None) -> None:
        if not description or not _WORDLIKE.search(description):
            return  # a stray quotation mark, comma or "m." (of "£312m.") is no description
        words = [w.lower() for w in re.findall(r"[\w-]+", description)]
        self.title_words.update(words)
        # "Dr. Bonnie Henry" is "the doctor", "Const. Victor Kwong" "the officer"
        nouns = [noun for w in words for noun in _ABBREVIATED_TITLES.get(w, ())]
        self.title_words.update(nouns)
        self.title_heads.update(nouns)
        for part in re.split(r",", description):
            # the head of "Minister of X" is "minister"; of "engineering firm", "firm"
            part_words = re.split(_POST_NOMINAL, part.strip().lower())[0].split()
            if part_words:
                head = part_words[-1].strip(".")
                self.title_heads.add(head)
                # the head only ("a spokeswoman for …", not "… whose husband …"): the writer's word for the person
                self.evidence.add_title(head)
        if description not in self.descriptions and description != self.name:
            self.descriptions.append(description)

    def mentioned_before(self, position: int) -> int:
        """The start of its last mention before ``position`` (-1: none).

        Mentions arrive mostly in text order: the sorted starts are extended,
        and re-sorted only when one arrives out of order.
        """
        starts = self._starts
        for start, _ in self.mentions[len(starts) :]:
            if starts and start < starts[-1]:
                starts = self._starts = sorted(s for s, _ in self.mentions)
                break
            starts.append(start)
        index = bisect_left(starts, position)
        return starts[index - 1] if index else -1


class _Registry:
    """The entities of one article, with the indexes that resolve mentions to them."""

    def __init__(self, outlet: str | None) -> None:
        self.entities: list[_Entity] = []
        self.by_id: dict[str, _Entity] = {}
        self.by_surname: dict[str, list[_Entity]] = {}
        self.organizations: list[_Entity] = []
        self.outlet = outlet
        # speakers in the order they were last referred to: pronouns pick from the end
        self.recent: list[_Entity] = []
        # names the NER calls people that the article shows are organizations (lowercased)
        self.not_people: set[str] = set()

    def new(self, type_: str, name: str | None, role: frozenset[str] | None = None) -> _Entity:
        entity = _Entity(f"e{len(self.entities) + 1}", type_, name, role=role)
        self.entities.append(entity)
        self.by_id[entity.id] = entity
        return entity

    def person(self, name: str, at: int | None = None, gender: str | None = None) -> _Entity:
        """The person a name refers to; ``at``: where a bare surname is read, to pick the latest one named."""
        cleaned = _one_name(_without_possessive(name).split())
        while len(cleaned) > 1 and cleaned[0].lower() in _SENTENCE_OPENERS and not is_first_name(cleaned[0]):
            cleaned = cleaned[1:]  # "If Calder", "Meanwhile Singh": the NER took a sentence's first word along
        # "striker Rooney": the NER took a lowercase role word into the name
        lead = next((i for i, w in enumerate(cleaned[:-1]) if not w[:1].islower()), len(cleaned) - 1)
        role, cleaned = cleaned[:lead], cleaned[lead:]
        if not role and len(cleaned) > 2 and cleaned[0].lower() in _ROLE_NOUNS:
            # "Founder Stelios Haji-Ioannou" at a sentence's start: the role is capitalised, still no name
            role, cleaned = [cleaned[0].lower()], cleaned[1:]
        # capitalised words before the name that say whose side they are on or work for
        leading = 0
        while leading < len(cleaned) - 1 and cleaned[leading].lower() in _PARTY_MEMBERS:
            leading += 1
        if not role and leading == 0 and len(cleaned) > 2 and _is_acronym(cleaned[0]):
            leading = 1  # "group EADS Philippe Camus": the NER ran the employer into the name
        if leading and not _is_title(cleaned[leading].rstrip("s")):
            # "Lib Dem Norman Baker", "Labour Janner": the party describes them, it is no name
            # (but "Lib Dem MPs" are no person named "MPs")
            role, cleaned = role + cleaned[:leading], cleaned[leading:]
        last_title = max((i for i, w in enumerate(cleaned[:-1]) if _is_title(w)), default=-1)
        if last_title >= 0:
            # "Veterans Affairs Minister Seamus O'Regan": the name starts after the title
            role, cleaned = role + cleaned[: last_title + 1], cleaned[last_title + 1 :]
        # what stood before the name describes them when it holds a role or title, not an honorific
        # alone or a place the parse took along ("Speaking in Harrogate Mr Kennedy")
        described = [w for w in role if w.rstrip(".") not in _HONORIFICS]
        self_description = " ".join(described) if leading or any(w[:1].islower() or _is_title(w) for w in described) else None
        titles = [w for w in cleaned if w.lower().strip(".") in _TITLE_WORDS]
        words = [w for w in cleaned if w.lower().strip(".") not in _TITLE_WORDS] or cleaned
        surname = words[-1].lower()
        full = " ".join(words)
        same = self.by_surname.setdefault(surname, [])
        if gender is not None:
            # "Mr. Clinton" is not the Hillary Clinton named before
            same = [e for e in same if _gender_of(e) in (None, gender)]
        if len(words) == 1:
            # a bare surname: the one of that surname named last before it
            entity = max(same, key=lambda e: (e.mentioned_before(at if at is not None else 1 << 60), -same.index(e)), default=None)
            if entity is None and is_first_name(words[0]):
                # a first name alone ("Sarah said" after "Sarah Lee"): the one person the article gave it
                firsts = [e for e in self.entities if e.type == "person" and len((e.name or "").split()) > 1
                          and (e.name or "").split()[0].lower() == surname
                          and (at is None or e.mentioned_before(at) >= 0)]
                entity = firsts[0] if len(firsts) == 1 else None
        else:
            first = words[0].lower()
            entity = next((e for e in same if len((e.name or "").split()) == 1 or (e.name or "").split()[0].lower() == first), None)
            if entity is None:
                # a surname of several words: "Van Dusen" before or after "Mark Van Dusen"
                entity = next((e for e in same if _one_ends_the_other(words, (e.name or "").split())), None)
        if entity is None:
            entity = self.new("person", full)
            self.by_surname[surname].append(entity)
        elif len(full.split()) > len((entity.name or "").split()):
            entity.name = full  # the fullest form seen wins
        entity.describe(self_description)
        for title in titles:
            entity.describe(title)
            entity.evidence.add_title(title)
        return entity

    def described_as(self, words: str) -> list[_Entity]:
        """The named entities the article gave these very words as a description (lowercased)."""
        return [e for e in self.entities if e.name and any(d.lower() == words for d in e.descriptions)]

    def unnamed(self, type_: str, description: str) -> _Entity:
        """The unnamed entity of this type the article described so, else a new one: the second
        "Amnesty secretary-general", the second "the government", is the first."""
        same = next((e for e in self.entities if e.type == type_ and e.name is None and description in e.descriptions), None)
        if same is not None:
            return same
        entity = self.new(type_, None)
        entity.describe(description)
        return entity

    def no_person(self, entity: _Entity) -> None:
        """An entity taken for a person is an organization: no surname or later mention finds it as one."""
        entity.type = "organization"
        for people in self.by_surname.values():
            if entity in people:
                people.remove(entity)
        self.not_people.add((entity.name or "").lower())

    def person_by_surname(self, word: str) -> bool:
        return bool(self.by_surname.get(_without_possessive(word).lower()))

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


def _one_name(words: list[str]) -> list[str]:
    """The words of the one name in a run the NER took across a sentence's end or a dash.

    After the last sentence end ("… were British. For Andrea Arnold, who won": a word of three
    letters or more ending in a stop, not an abbreviated title like "Sen." nor initials like
    "J.R.R."); before a dash ("Florian Hamm - Borussia Dortmund's largest investor": the aside
    follows the name).
    """
    ends = [i for i, w in enumerate(words[:-1])
            if w[-1:] in ".!?" and len(w.rstrip(".!?")) > 2 and w.rstrip(".!?").isalpha() and not _is_title(w)]
    if ends:
        words = words[ends[-1] + 1 :]
    dash = next((i for i, w in enumerate(words) if w in ("-", "–", "—", "--")), None)
    return words[:dash] if dash else words


def _is_acronym(word: str) -> bool:
    """"EADS", "BP": capitals only (three or more, so not initials like "JP")."""
    return len(word) >= 3 and word.isalpha() and word.isupper()


def _is_title(word: str) -> bool:
    word = word.lower().strip(".")
    return word in _TITLE_WORDS or word in _ROLE_TITLES or title_gender(word) is not None


def _club_or_party(name: str) -> bool:
    """"Sheffield United", "Bristol Rovers": a club; "Lib Dems", "Labour": a party (by the last word)."""
    words = name.split()
    return bool(words) and (words[-1] in _TEAM_WORDS or words[-1] in _PARTY_WORDS)


def _one_ends_the_other(a: list[str], b: list[str]) -> bool:
    """Whether the shorter of two names is the end of the longer after a first name:
    "Van Dusen", "Mark Van Dusen" (not "Conservative Adam Vaughan", "Adam Vaughan")."""
    short, long = sorted((a, b), key=len)
    return (len(long) == len(short) + 1 and is_first_name(long[0])
            and [w.lower() for w in long[1:]] == [w.lower() for w in short])


def _gender_of(entity: _Entity) -> str | None:
    """What is known of a person's gender while the article is still being read."""
    # only what the text says: a first-name guess must not split "Ms. Lonechild" from her full name
    honorifics = entity.evidence.honorifics
    if honorifics and len(honorifics) == 1:
        return next(iter(honorifics))
    return None


def _org_key(name: str) -> tuple[str, ...]:
    words = re.findall(r"[\w&]+", _without_possessive(name.lower()))
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


def _modifiers_of(entity: _Entity, head: str) -> set[str]:
    """The words before ``head`` in the entity's descriptions ("Norfolk police" of "Norfolk police chief")."""
    words: set[str] = set()
    for description in entity.descriptions:
        for part in description.lower().split(","):
            tokens = re.findall(r"[\w-]+", re.split(_POST_NOMINAL, part.strip())[0])
            if tokens and tokens[-1].strip(".") == head:
                words.update(tokens[:-1])
    return words


def _fullest(description: str | None, known: Iterable[str]) -> str | None:
    """A one-word role at its fullest as the article gave it ("Secretary" of "Trade and Industry Secretary")."""
    if not description or " " in description:
        return description
    fuller = [d for d in known if len(d) > len(description) and d.lower().split()[-1] == description.lower()]
    return max(fuller, key=len, default=description)


def _settle_gender(entity: _Entity) -> None:
    """What the article states of a person's gender; else, marked as such, what the first name suggests."""
    entity.gender, entity.gender_evidence = entity.evidence.verdict()
    if entity.gender is None:
        entity.gender = first_name_gender(entity.name)
        entity.gender_evidence = "name" if entity.gender else None


def _first_name_of(token) -> bool:
    """A capitalised first name (no title) the NER left out of the name after it."""
    return token.is_title and is_first_name(token.text) and not _is_title(token.text)


def _description_of(ent: Span) -> str | None:
    """Titles and affiliations around a named entity: pre-modifiers and an appositive."""
    head = ent.root
    doc = ent.doc
    # walk back across a modifier chain: "Trump campaign chief operating officer Michael Glassner"
    start = ent.start
    while start > 0 and _modifies(doc[start - 1], start, ent.end):
        start -= 1
    # "Dunmore director of hockey Gareth Price": the role the modifier completes, and its own modifiers
    # (not "son of Liberal MP Jane Doe", "lawyer for former minister John Roe": someone else)
    if (start >= 2 and start < ent.start and doc[start - 1].lower_ in ("of", "for") and doc[start].is_lower
            and doc[start - 2].pos_ == "NOUN" and doc[start - 2].is_lower
            and title_gender(doc[start - 2].lower_) is None and doc[start - 2].lower_ not in _RELATIONS):
        role = doc[start - 2]
        start = role.i
        while start > 0 and doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head.i == role.i:
            start -= 1
    # a hyphenated word is one modifier, all of it: "Four-time champion", "19-year-old"
    while 0 < start < ent.start and "-" in (doc[start].text, doc[start - 1].text) and not doc[start - 1].whitespace_:
        start -= 1
    end = ent.start
    while end > start and _first_name_of(doc[end - 1]):
        end -= 1  # "Canadian Olympian Penny" before "Oleksiak": the first name is the name's
    while end > start and (doc[end - 1].text.rstrip(".") in _HONORIFICS or doc[end - 1].lower_ in _PEERAGE):
        end -= 1  # "chief executive Lord Browne": the honorific is no part of the role
    if (end - 1 > start and ent.label_ == "PERSON" and doc[end - 1].pos_ == "PROPN" and doc[end - 1].is_title
            and not doc[end - 1].ent_type_ and not _describes_someone(doc[end - 1].lower_)
            and doc[end - 1].lower_ != "executive" and _describes_someone(doc[end - 2].lower_)):
        # "Founder Stelios" before "Haji-Ioannou": a first name no list knows is the name's too
        # (not a capitalised role word: "Chief Executive Martin Sorrell")
        end -= 1
    parts = []
    if start < end:
        parts.append(doc[start:end].text)
    appos = _apposition(head, after=ent.end)
    if appos is not None and any(t.text in ":\"“”" for t in doc[ent.end : appos.left_edge.i + 1]):
        appos = None  # "Kelso boss Martin Adair: “We are …”": a quotation the parse hung off the name
    if appos is not None and appos.pos_ != "PRON":  # "Tova Brennan, herself a former swimmer": no "herself"
        words = [t for t in doc[appos.left_edge.i : appos.right_edge.i + 1] if not t.is_punct or t.text in "&-"]
        while words and words[0].lower_ in _DETERMINERS:
            words = words[1:]
        if words:
            parts.append(doc[words[0].i : words[-1].i + 1].text)
    described = head.head
    if (not parts and head.dep_ == "appos" and described.pos_ == "NOUN" and described.i < ent.start
            and described.tag_ not in ("NNS", "NNPS") and described.left_edge.i < described.i
            and _describes_someone(described.lower_)):
        # "The premier, Doug Ford, …": the name in apposition to the description before it
        words = [t for t in doc[described.left_edge.i : described.i + 1] if not t.is_punct]
        if words and words[0].lower_ in ("the", "a", "an"):
            parts.append(doc[words[1].i : described.i + 1].text if len(words) > 1 else "")
    # a list's dash ("- Kelso boss Martin Adair:") is no part of a description, a stray "m." none
    parts = [p.strip(" ,-–—•*") for p in parts]
    text = ", ".join(p for p in parts if _WORDLIKE.search(p))
    words = text.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    text = " ".join(words)
    text = text.strip(" \"“”‘’'")
    if not any(c.isalnum() for c in text) or text.lower().rstrip(".") in _NO_DESCRIPTION:
        return None  # "Mr." says nothing of who someone is; "the premier" does ("Doug Ford, the premier")
    return text


# A capitalised title run right before a name: "Minister of Crown-Indigenous Relations Carolyn Bennett"
# (within one line: a headline's last word above "Prime Minister Justin Trudeau" is no title)
_TITLE_RUN = re.compile(r"((?:[A-Z][\w.-]*|of|for|and|the)(?:[^\S\n]+(?:[A-Z][\w.-]*|of|for|and|the))*)[^\S\n]+$")


_AGE = re.compile(r"\b\d{1,3}-year-old\b")


def _title_run_before(text: str, start: int) -> str | None:
    """The capitalised words right before a name, when one of them is a title or role."""
    match = _TITLE_RUN.search(text, max(0, start - 80), start)
    if not match:
        return None
    words = match.group(1).split()
    # "… at Novastream. Dr Johan Pouwelse": the run starts after the last sentence's end
    ends = [i for i, w in enumerate(words) if w.endswith(".") and len(w) > 2 and w.lower().strip(".") not in _TITLE_WORDS]
    if ends:
        words = words[ends[-1] + 1 :]
    honorifics = [i for i, w in enumerate(words) if w.rstrip(".") in _HONORIFICS]
    if honorifics:
        words = words[honorifics[-1] :]  # "Speaking in Harrogate Mr Kennedy": the place is no title
    while words and (words[0].lower() in _RAW_STOP or words[0].lower() in _DETERMINERS):
        words = words[1:]
    if not words or not any(w.lower().strip(".") in _TITLE_WORDS or w.lower() in _ROLE_TITLES for w in words):
        return None
    return " ".join(words)


def _noun_before(ent: Span) -> str | None:
    """The common noun phrase right before a name: "the engineering firm Castell & Ruiz",
    "rookie defenceman Ada Lovell" (a description even where the parse does not link it)."""
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].pos_ in ("NOUN", "ADJ") and not doc[start - 1].ent_type_:
        start -= 1
    if start == ent.start or doc[ent.start - 1].pos_ != "NOUN" or doc[ent.start - 1].tag_ == "NNS":
        return None  # (a plural is no one's description: "… across poorer regions Maria Lund will argue")
    return doc[start : ent.start].text


_PREDICATE_WORDS = 8
# how many sentences after a definite description ("the economy minister") the one person
# given those words may be named
_NAMED_AFTER = 2
# the sentences of an article's lede (with its headline), whose description of someone the
# body names anywhere further down
_LEDE_SENTENCES = 2
# words that open sentences and are no first name ("Meanwhile Singh", "Today Singh")
_SENTENCE_OPENERS = frozenset(
    "if as after while then so yet still also however meanwhile today yesterday now here there "
    "but and or nor for again even indeed instead later earlier "
    "in on at by with from to since because although though despite according last next this "
    "these those his her their our my its when where why how what who before during under over "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december dear mr mrs ms".split()
)
# where a description's noun phrase ends: "minister [responsible for …]", "officer [who …]"
_POST_NOMINAL = re.compile(r"\s+(?:of|for|at|with|in|on|from|responsible|who|that|which|whose|since)\b")
# an apposition or a copula's complement right after a name in unparsed text
_RAW_DESCRIPTION = re.compile(r"(?:,|\s+(?:is|was))\s+(?:the|a|an)\s+([a-z][^,.;:!?\"“”()]*)")


def _predicate_of(ent: Span) -> str | None:
    """What a copula says the name is: "Bennett is the minister responsible for …" -> "minister responsible for …"."""
    root = ent.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return None
    attr = next((c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if attr is None:
        return None
    tokens = [t for t in attr.subtree if not t.is_punct][:_PREDICATE_WORDS]
    while tokens and tokens[0].lower_ in _DETERMINERS:
        tokens = tokens[1:]
    return " ".join(t.text for t in tokens) or None


def _affiliation_of(ent: Span) -> str | None:
    """Who a person speaks for or how old they are, right after the name:
    "Julie Courchesne of the RCMP" -> "of the RCMP"; "Rasmus Sandin, 19," -> "19-year-old"."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].like_num and after[1].text.isdigit():
        return f"{after[1].text}-year-old"
    if len(after) >= 1 and after[0].lower_ in ("of", "with", "at", "from"):
        org = next((e for e in doc.ents if e.start in (ent.end + 1, ent.end + 2) and e.label_ in ("ORG", "GPE")), None)
        if org is not None:
            return doc[ent.end : org.end].text
    return None


def _after_a_role_word(span: Span, root) -> bool:
    """"eighth seed Agassi", "striker Rooney": one name after a lowercase word that describes a person."""
    if root.i == span.start or root.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "PRODUCT"):
        return False
    before = root.doc[root.i - 1]
    return before.pos_ == "NOUN" and before.text.islower() and before.dep_ == "compound" and _is_person_noun(before.lower_)


_POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")


def _without_possessive(name: str) -> str:
    """"Sri Lanka's" -> "Sri Lanka", "Pedro Mendes'" -> "Pedro Mendes": the name, not its case."""
    return _POSSESSIVE.sub("", name)


def _is_person_noun(word: str) -> bool:
    if word in _PERSON_NOUNS:
        return True
    # (not the outlets' words: lowercase, an "economist" or an "observer" is a person)
    if word in _ORG_NOUNS or word in _CARRIERS or word in _BUSINESS_NOUNS:
        return False
    return word.endswith(_PERSON_SUFFIXES) and not word.endswith(_NOT_PERSON_SUFFIXES)


def _describes_someone(noun: str) -> bool:
    """A noun that says who someone or some body is: a role, a title, a kind of organization (not "the story")."""
    return (_is_person_noun(noun) or _is_title(noun) or noun in _ORG_NOUNS or noun in _BUSINESS_NOUNS
            or noun in _BODY_NOUNS or noun in _OUTLET_NOUNS or noun in _ORGANIZATION_HEADS)


def _whole_organization(ent: Span) -> Span:
    """An organization's name where the NER cut it short: "the Public Health Agency" + "of Canada",
    "The Department of Fisheries and" + "Oceans"."""
    doc = ent.doc
    end = ent.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_iob_ == "B" and doc[end + 1].ent_type_ == "GPE":
        end += 1
    elif end < len(doc) and ent[-1].lower_ in ("and", "of", "for") and doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "ORG":
        pass
    else:
        return ent
    end += 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[ent.start : end]


def _organization_named_in(span: Span) -> tuple[str, str | None] | None:
    """The name and description of an organization that a mention names beside a description
    the NER did not separate: "Parmalat, the Italian food group …", "Rival local club Manchester
    City", "The firm, Paion". None when the mention is a name alone or holds no name."""
    root = span.root
    doc = span.doc
    if root.pos_ == "PROPN" and root.text[:1].isupper():
        name_root, role = root, None
    elif root.lower_ in _ORG_NOUNS | _BUSINESS_NOUNS | _BODY_NOUNS:
        # "The firm, Paion": the name in apposition to the kind of body
        name_root = next((c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.i < span.end
                          and c.pos_ == "PROPN" and c.text[:1].isupper()), None)
        if name_root is None:
            return None
        first = span.start + (span[0].lower_ in _DETERMINERS)
        role = doc[first : root.i + 1].text
    else:
        return None
    start = name_root.i
    while start > span.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    if role is None:
        before = [t for t in doc[span.start : start] if t.lower_ not in _DETERMINERS]
        appos = next((c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.i < span.end
                      and c.pos_ == "NOUN" and c.right_edge.i < span.end), None)
        if appos is not None:
            words = [t for t in doc[appos.left_edge.i : min(appos.right_edge.i + 1, span.end)]
                     if not (t.i == appos.left_edge.i and t.lower_ in _DETERMINERS)]
            role = doc[words[0].i : words[-1].i + 1].text.strip(" ,") if words else None
        elif before and any(t.is_lower for t in before) and any(t.pos_ == "NOUN" for t in before):
            role = doc[before[0].i : before[-1].i + 1].text  # "Rival local club"
        else:
            return None  # a name alone ("the Sessions campaign" stays whole)
    return doc[start : name_root.i + 1].text, role or None


def _names_something(token) -> bool:
    """A word of a name, not of a description: "Exxon", "Ministry" in "Ministry of Communications",
    not "the", "government" or the "Ontario" of "the Ontario government" (an adjective is no PROPN)."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in ("GPE", "LOC")


def _after_honorific(token) -> bool:
    """Whether an honorific stands right before a token: "Mr Ebbers", "Dr. Pouwelse"."""
    return token.i > 0 and token.nbor(-1).text.rstrip(".") in _HONORIFICS


def _apposition(token, after: int | None = None):
    """The head of a name's apposition (at token index ``after`` or later): "Michelle, a mother of twins",
    or the description the parse split off as a second subject (``split_description``)."""
    after = token.i + 1 if after is None else after
    appos = next((c for c in token.children if c.dep_ == "appos" and c.i >= after), None)
    return appos if appos is not None else split_description(token)


def _described_as_a_person(token) -> bool:
    """Whether a name's apposition calls it a person: "Michelle, a mother of twins"."""
    appos = _apposition(token)
    return appos is not None and appos.text.islower() and _is_person_noun(appos.lower_)


def _same_entity(a, b) -> bool:
    """Whether tokens ``a`` and ``b`` (a before b) lie in one named entity."""
    doc = a.doc
    return bool(a.ent_type_) and all(
        doc[i].ent_type_ == a.ent_type_ and (i == a.i or doc[i].ent_iob_ == "I") for i in range(a.i, b.i + 1)
    )


def _role_family(words: list[str]) -> frozenset[str] | None:
    for word in words:
        for family in _ROLE_FAMILIES:
            if word in family:
                return family
    return None


@dataclass(frozen=True)
class _PersonMention:
    start: int
    entity: _Entity
    sentence: int
    # salience for he/she: 0 a subject (or its apposition), 1 any other role, 2 a possessor
    rank: int


def _rank(token) -> int:
    """How salient a mention is as a later pronoun's antecedent, from its role in the clause."""
    if token.dep_ in _SUBJECT_DEPS or (token.dep_ == "appos" and token.head.dep_ in _SUBJECT_DEPS):
        return 0
    return 2 if token.dep_ == "poss" else 1


class SpeakerResolver:
    """Resolves mentions of one article, in text order."""

    def __init__(self, text: str, units: list[Unit], outlet: str | None, *, quoted: list[tuple[int, int]] = ()) -> None:
        """``quoted``: the spans inside quotation marks, whose he/she are the quoted speakers'."""
        self.text = text
        self.registry = _Registry(outlet)
        self.ent_at: dict[int, _Entity] = {}
        # sentence boundaries (an unparsed paragraph is one sentence) and the
        # person mentions in them, in text order: what he/she search back through
        self.sentences: list[tuple[int, int]] = []
        self.person_mentions: list[_PersonMention] = []
        self.mention_starts: list[int] = []
        self.completion_tried: set[tuple[int, str]] = set()
        # the speaker of the latest statement not nested in another's (resolve_speakers sets it)
        self.last_speaker: _Entity | None = None
        self.honorific_surnames = {m.group(1).lower() for m in _HONORIFIC_NAME.finditer(text)}
        # one-word names the NER calls a person somewhere ("LeBlanc told them"): a first name
        # before one of them makes a name the NER took for an organization a person's
        self.surnames_alone = {
            _without_possessive(e.text).lower() for u in units if u.doc is not None for e in u.doc.ents
            if e.label_ == "PERSON" and " " not in e.text
        }
        # what the NER calls a place somewhere in the article ("If England lost that" tags England a person)
        self.place_names = {
            _without_possessive(e.text) for u in units if u.doc is not None for e in u.doc.ents if e.label_ in _PLACE_ENTS
        }
        self._collect(units)
        self._organizations_taken_for_people()
        self._complete_names()
        self._weigh_gender(units)
        self._chain_subject_pronouns(units, list(quoted))

    def opens_sentence(self, candidate: Candidate) -> bool:
        """Whether a candidate's cue opens its sentence, but for a conjunction ("And continued:")."""
        if not candidate.cue:
            return False
        cue = min(candidate.cue)[0]
        start = self.sentences[self._sentence_of(cue)][0] if self.sentences else 0
        return all(w.lower() in _SENTENCE_LINKS for w in self.text[start:cue].split())

    def _sentence_of(self, position: int) -> int:
        index = bisect_right(self.sentences, (position, 1 << 60)) - 1
        return max(0, index)

    def _collect(self, units: list[Unit]) -> None:
        """Register every named person and organization, parsed or not, in text order."""
        for unit in units:
            if unit.doc is None:
                self.sentences.append((unit.start, unit.end))
                self._collect_raw(unit)
                continue
            for sent in unit.doc.sents:
                self.sentences.append((unit.start + sent.start_char, unit.start + sent.end_char))
            covered = 0  # the end of an organization's name that took the next entity in
            for ent in unit.doc.ents:
                start = unit.start + ent.start_char
                if ent.start < covered:
                    continue
                if self._names_a_person(ent):
                    entity = self._person_at(ent.text, start, _rank(ent.root))
                    entity.describe(_title_run_before(self.text, start))
                elif ent.label_ == "ORG":
                    ent = _whole_organization(ent)
                    covered = ent.end
                    entity = self.registry.organization(ent.text)
                else:
                    entity = None
                if entity is None:
                    continue
                entity.mentions.append((start, unit.start + ent.end_char))
                entity.confirmed = True
                entity.describe(_description_of(ent))
                entity.describe(_noun_before(ent))
                entity.describe(_predicate_of(ent))
                if entity.type == "person":
                    entity.describe(_affiliation_of(ent))
                self.ent_at[start] = entity
            for token in unit.doc:
                if token.ent_type_ or token.pos_ != "PROPN" or (token.i + 1 < len(unit.doc) and token.nbor().pos_ == "PROPN"):
                    continue
                run = self._name_run(unit.doc[token.left_edge.i : token.i + 1])
                if run and ((len(run) > 1 and is_first_name(run[0].text)) or _after_honorific(run[0])):
                    # "Vice-Chief Heather Bear", "Mr Ebbers", where the NER saw no person
                    start = unit.start + run[0].idx
                    entity = self._person_at(" ".join(t.text for t in run), start, _rank(token))
                    entity.mentions.append((start, unit.start + token.idx + len(token.text)))
                    entity.confirmed = True
            for token in unit.doc:
                # a known surname the NER let pass ("Walsh, a former labor leader, …")
                if (token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper()
                        and self.registry.person_by_surname(token.text)
                        and not (token.i > 0 and token.nbor(-1).pos_ == "PROPN")
                        and not (token.i + 1 < len(unit.doc) and token.nbor().pos_ == "PROPN")):
                    start = unit.start + token.idx
                    entity = self._person_at(token.text, start, _rank(token))
                    entity.mentions.append((start, start + len(token.text)))
        self.person_mentions.sort(key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.person_mentions]

    def _organizations_taken_for_people(self) -> None:
        """Names the NER calls people that the article shows are organizations.

        A name without an honorific whose descriptions' head nouns say
        organization more often than person ("oil giant Yukos", "the oil
        firm Yukos"); and a name with no first name and no honorific
        anywhere that the NER also calls an organization (the same "Yukos"
        or "Age Concern" tagged ORG once and PERSON in the next sentence).
        """
        registry = self.registry
        for entity in registry.entities:
            if entity.type != "person" or not entity.name or entity.evidence.honorifics:
                continue
            heads = {h[:-1] if h.endswith("s") and h[:-1] in _ORGANIZATION_HEADS else h for h in entity.title_heads}
            kinds = sum(h in _ORGANIZATION_HEADS for h in heads)
            if kinds and kinds >= sum(_is_person_noun(h) for h in heads):
                registry.no_person(entity)
                registry.organizations.append(entity)
        organizations = {e.name.lower(): e for e in registry.organizations if e.name}
        for entity in registry.entities:
            same = organizations.get((entity.name or "").lower()) if entity.type == "person" else None
            if same is None or entity.evidence.honorifics:
                continue
            verdict = first_name_verdict(entity.name)  # None for a one-word name
            if verdict not in (None, "unknown"):
                continue  # a first name makes it someone's name
            if verdict is not None and len(same.mentions) < len(entity.mentions):
                # a name of several words whose first word is in no list counts only where the NER
                # calls it an organization at least as often ("Borussia Dortmund", not the "Cate
                # Blanchett" it tagged ORG once)
                continue
            same.mentions.extend(entity.mentions)
            entity.mentions.clear()
            registry.no_person(entity)
        self.person_mentions = [m for m in self.person_mentions if m.entity.type == "person"]
        self.mention_starts = [m.start for m in self.person_mentions]

    def _names_a_person(self, ent: Span) -> bool:
        """Whether a named entity is a person, whatever the NER called it.

        A bare surname the tagger took for an organization is still the person
        ("Okafor"); so is a short capitalised name the article also writes with
        an honorific ("Vincent Cable, for the Liberal Democrats" … "Mr Cable
        told MPs"), or whose apposition describes a person: the NER often calls
        these organizations, and then "Mr Cable" never found his first name and
        "she" had no one to refer to.
        """
        if _without_possessive(ent.text).lower() in self.registry.not_people:
            return False
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the":
            return False  # "the Lib Dems", "the Clintons": a party or a family, no one person
        if _club_or_party(ent.text):
            return False
        if ent.label_ == "PERSON":
            # a place the article names as such is no person, unless an honorific or a full name says so
            return (_without_possessive(ent.text) not in self.place_names or _after_honorific(ent[0])
                    or self.registry.person_by_surname(ent.text))
        if ent.label_ in _NOT_NAME_ENTS:
            return False
        if _after_honorific(ent[0]):
            return True  # "Mr Vardanyan", whatever the NER took the name for
        if ent.label_ != "ORG":
            return False
        if " " not in ent.text and self.registry.person_by_surname(ent.text):
            return True  # one written word, hyphens and all: "Wilson-Raybould"
        words = [t for t in ent if not t.is_punct]
        if not all(t.text[:1].isupper() and t.lower_ not in _ORG_NOUNS and t.lower_ not in _MEDIA_WORDS for t in words):
            return False
        title = max((i for i, t in enumerate(words[:-1]) if _is_title(t.text)), default=-1)
        if title >= 0:
            # "Manitoba Premier Brian Pallister" as one organization: a first name after the title
            # ("Premier League" has none) makes it a person, whom registry.person tells from the title
            name = words[title + 1 :]
            return 1 < len(name) <= 3 and is_first_name(name[0].text)
        if not 1 <= len(words) <= 3:
            return False
        surname = _without_possessive(ent.text.split()[-1]).lower()
        if surname in self.honorific_surnames:
            return True
        if len(words) > 1 and is_first_name(words[0].text) and (
            surname in self.surnames_alone or (ent.start > 0 and _is_title(ent.doc[ent.start - 1].text))
        ):
            # "Dominic LeBlanc" (ORG) … "LeBlanc told them" (PERSON); "Former MP Celina Caesar-Chavannes"
            return True
        # "Michelle, a mother of twins, said": what the apposition calls it is a person
        return _described_as_a_person(ent.root)

    def _person_at(self, name: str, start: int, rank: int) -> _Entity:
        """The person a name at ``start`` refers to, registered as a mention there."""
        gender = honorific_before(self.text, start) or next(
            (honorific_gender(w) for w in name.split()[:-1] if honorific_gender(w)), None
        )
        entity = self.registry.person(name, at=start, gender=gender)
        if gender:
            entity.evidence.honorifics[gender] += 1
        self.person_mentions.append(_PersonMention(start, entity, self._sentence_of(start), rank))
        return entity

    def _complete_names(self) -> None:
        """A person known by surname only gets the full name the article gives elsewhere.

        The name may stand where the parser saw no person ("ROME - Bernie Sanders"
        as an organization, a headline): "First Surname" anywhere in the text,
        with a first name the lists know or a capitalised word inside a sentence,
        when the article gives that surname one first name only.
        """
        for people in self.registry.by_surname.values():
            if len(people) == 1:
                self._complete_name(people[0])

    def _complete_name(self, entity: _Entity) -> None:
        name = entity.name or ""
        if len(name.split()) != 1 or len(self.registry.by_surname.get(name.lower(), ())) > 1:
            return
        if (id(entity), name) in self.completion_tried:
            return  # one scan of the text per name, however often it speaks
        self.completion_tried.add((id(entity), name))
        if entity.type not in ("person", "organization", "other"):
            return
        # a one-word "organization" is a person the tagger mislabelled when the article gives it a first name
        strict = entity.type != "person"
        pattern = re.compile(r"(?<![\w.])([A-Z][\w'’-]+)((?:\s+[A-Z]\.)?)\s+" + re.escape(name) + r"\b")
        firsts = set()
        for match in pattern.finditer(self.text):
            first = match.group(1)
            lower = first.lower()
            if lower in _TITLE_WORDS or lower in _RAW_STOP or lower in _DETERMINERS or lower in _ROLE_TITLES:
                continue
            before = self.text[max(0, match.start() - 2) : match.start()]
            mid_sentence = bool(before) and not re.search(r"[.!?\n\"“”]\s*$", before)
            # at a sentence's start a capitalised word may be any word: there it must not be a common one
            if is_first_name(first) or (not strict and (mid_sentence or (lower not in _SENTENCE_OPENERS and not match.group(2)))):
                firsts.add((first, match.group(2).strip()))
        if len(firsts) == 1:
            first, middle = firsts.pop()
            entity.name = " ".join(w for w in (first, middle, name) if w)
            if strict:
                entity.type = "person"
                self.registry.by_surname.setdefault(name.lower(), []).append(entity)

    def _weigh_gender(self, units: list[Unit]) -> None:
        """Each he/she whose antecedent is unambiguous votes for that person's gender.

        A second round settles pronouns with two people before them when the
        first round showed one of the two is of the other gender ("Patel met
        Reyes. He …" once Patel is known to be a woman).
        """
        ambiguous: list[tuple[str, list[_Entity]]] = []
        for unit in units:
            if unit.doc is None:
                # an unparsed paragraph has no roles to read: its pronouns vote only when one person is near
                for match in _RAW_PRONOUN.finditer(self.text, unit.start, unit.end):
                    people = {id(e): e for e in self._nearest_people(match.start(), lambda e: True, reach=2)}
                    if len(people) == 1:
                        next(iter(people.values())).evidence.pronouns[pronoun_gender(match.group(0)) or ""] += 1
                continue
            for token in unit.doc:
                gender = pronoun_gender(token.text)
                if gender is None or _gendered_noun_before(token, gender):
                    continue
                # "Reyes met her": an object pronoun is not the subject of its own clause
                own = token.dep_ not in ("dobj", "dative", "pobj", "iobj") or token.lower_.endswith("self")
                nearest = self._nearest_people(unit.start + token.idx, lambda e: True, reach=2, own_sentence=own)
                people = list({id(e): e for e in nearest}.values())
                if len(people) == 1 and self._pronoun_before_the_name(people[0], unit.start + token.idx, gender):
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

    def _chain_subject_pronouns(self, units: list[Unit], quoted: list[tuple[int, int]]) -> None:
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
                if gender is None or token.dep_ not in _SUBJECT_DEPS or token.lower_ not in ("he", "she"):
                    continue
                position = unit.start + token.idx
                if inside.find(position) is not None:
                    continue  # a quoted speaker's he/she is no narrator's
                entity = self._antecedent(position, gender, quoted)
                if entity is None:
                    continue
                at = bisect_left(self.mention_starts, position)
                self.person_mentions.insert(at, _PersonMention(position, entity, self._sentence_of(position), 0))
                self.mention_starts.insert(at, position)

    def _pronoun_before_the_name(self, entity: _Entity, position: int, gender: str) -> bool:
        """"She said Comey had called her answers truthful. … she said": her and she may be She's.

        A pronoun's only candidate is named in a sentence that a pronoun of the
        same gender opens before the name: that earlier pronoun's person is a
        candidate too, so the pronoun casts no vote.
        """
        i = bisect_right(self.mention_starts, position) - 1
        while i >= 0 and self.person_mentions[i].entity is not entity:
            i -= 1
        if i < 0:
            return False
        named = self.person_mentions[i]
        sentence_start = self.sentences[named.sentence][0]
        return any(
            pronoun_gender(match.group(0)) == gender
            for match in _RAW_PRONOUN.finditer(self.text, sentence_start, named.start)
        )

    def _decide_gender(self) -> None:
        """What the article states; else, marked as such, what the first name suggests."""
        for entity in self.registry.entities:
            if entity.type == "person":
                _settle_gender(entity)

    def _nearest_people(self, position: int, accept, *, reach: int, exclude=(), own_sentence: bool = True) -> list[_Entity]:
        """The people named in the nearest sentence before ``position`` that names any ``accept`` takes.

        Subjects first, then in text order; the pronoun's own sentence counts up to it.
        """
        here = self._sentence_of(position)
        # before the position, not at it: a subject pronoun's own chained mention is no antecedent of it
        start = bisect_left(self.mention_starts, position)
        found: list[_PersonMention] = []
        for m in reversed(self.person_mentions[:start]):
            if m.sentence < here - reach:
                break
            if m.sentence == here and not own_sentence:
                continue
            if any(a <= m.start < b for a, b in exclude) or not accept(m.entity):
                continue
            if found and m.sentence != found[0].sentence:
                break
            found.append(m)
        found.sort(key=lambda m: (m.rank, m.start))
        return [m.entity for m in found]

    def _collect_raw(self, unit: Unit) -> None:
        """Names in a paragraph that was not parsed: only to resolve surnames later.

        Such an entity is reported only once an attribution refers to it.
        """
        for match in _NAME_IN_RAW_TEXT.finditer(self.text, unit.start, unit.end):
            name = match.group(1)
            if name.split()[0] == "The" or _club_or_party(name):
                self.registry.organization(name).mentions.append((match.start(1), match.end(1)))
                continue
            if name.split()[0] in ("A", "An") or any(_is_suffix(_org_key(name), _org_key(o.name or "")) or _org_key(name) == _org_key(o.name or "") for o in self.registry.organizations):
                continue
            entity = self._person_at(name, match.start(1), 1)
            entity.mentions.append((match.start(1), match.end(1)))
            after = _RAW_DESCRIPTION.match(self.text, match.end(1), unit.end)
            if after:
                # "Bennett, the minister of …," / "Bennett is the minister responsible for …"
                entity.describe(" ".join(after.group(1).split()[:_PREDICATE_WORDS]))
            lead: list[str] = []
            for word in reversed(self.text[max(unit.start, match.start() - 80) : match.start()].split()[-_WORDS_BEFORE:]):
                if word.lower() in _RAW_STOP or not word.isalnum():
                    break
                lead.insert(0, word)
            entity.describe(" ".join(lead) or None)

    # --- resolving one mention ------------------------------------------------

    def resolve(self, m: Mention | None, exclude=()) -> tuple[_Entity | None, str | None]:
        """The entity a mention refers to, and the description it gives in passing.

        ``exclude``: the attributed content, whose people cannot be its speaker's antecedent.
        """
        if m is None:
            return None, None
        if m.span is None:
            return self._by_text(m, exclude), None
        span = m.span
        words = [t.lower_ for t in span]
        if len(span) == 1 and pronoun_gender(words[0]) is not None:
            return self._antecedent(m.start, pronoun_gender(words[0]), exclude), None
        if len(span) == 1 and words[0] in _RELATIVE_PRONOUNS:
            antecedent = _relative_antecedent(m)
            if antecedent is not None:
                return self.resolve(antecedent, exclude)
        if len(span) == 1 and words[0] in _PERSON_PRONOUNS:
            return self.registry.latest(lambda e: e.type == "person"), None
        if len(span) == 1 and words[0] in _GROUP_PRONOUNS:
            return self.registry.latest(lambda e: e.type != "person" or words[0] in ("they", "who", "we")), None
        if span.root.pos_ == "PROPN" and self.registry.person_by_surname(span.root.text) and not any(
            e.label_ in ("PERSON", "ORG") and len(e) > 1 for e in span.ents
        ):
            # a surname the tagger did not mark as a name: "… ," Okafor said.
            run = self._name_run(span[: span.root.i - span.start + 1])
            name = " ".join(t.text for t in run) if run else span.root.text
            return self.registry.person(name, at=m.start, gender=honorific_before(self.text, m.start)), None
        core = _before_aside(span)
        if span.root.lower_ in _ORG_NOUNS | _BUSINESS_NOUNS | _BODY_NOUNS:
            named = self._named_organization(span)
            if named is not None:  # "The firm, Paion, said": the apposition names it, not the last firm named
                return named, None
        described = self._described(core, [t.lower_ for t in core], m.start)
        if described is not None:
            return described, None
        if core.root.i == span.root.i and len(core) < len(span) and not span.ents:
            # "The MP, who is consulting his lawyers": described by the noun phrase, not the clause
            span, words = core, [t.lower_ for t in core]
        if _role_family([span.root.lower_]) is not None:
            named = next((e for e in span.ents if e.label_ == "PERSON" and e.root.dep_ == "appos"), None)
            if named is not None:
                # "A spokesperson for Health Canada, Eric Morrissette,": the apposition names the person
                entity = self.registry.person(named.text, at=m.start + named.start_char - span.start_char)
                description = span.doc[span.start + (words[0] in _DETERMINERS) : named.start].text.strip(" ,")
                entity.describe(description)
                return entity, description or None
            # "A spokesman for Castell & Ruiz" is a person described by an organization
            return self._unnamed(span, words), None
        # a named entity inside the mention: the head one, else a carrier's source
        ents = [e for e in span.ents if e.label_ in ("PERSON", "ORG")] or [
            e for e in span.doc.ents if e.start >= span.start and e.end <= span.end and e.label_ in ("PERSON", "ORG")
        ]
        head_ent = next((e for e in ents if e.root.i == span.root.i or span.root.i in range(e.start, e.end)), None)
        if head_ent is None:
            # a head the NER left unlabelled: "FSIN Vice-Chief Heather Bear" is Heather Bear, not FSIN
            named = self._unlabelled_name(span, m.start)
            if named is not None:
                return named, None
        if not ents:
            named = self._named_by_apposition(span, m.start)
            if named is not None:
                return named, None
            entity = self._unnamed(span, words)
            return entity, None
        chosen = head_ent or (ents[-1] if span.root.lower_ in _CARRIERS or span.root.pos_ in ("NOUN",) else ents[0])
        person = self._names_a_person(chosen)
        if head_ent is None and not person and span.root.text.islower() and _is_person_noun(span.root.lower_):
            # "Amnesty International's chief", "the chairman of the CRE": someone of the organization, not it
            return self._role_holder(span, words, m.start), None
        at = m.start + (chosen.start_char - span.start_char)
        if person:
            entity = self.registry.person(chosen.text, at=at, gender=honorific_before(self.text, at))
        else:
            entity = self.registry.organization(_whole_organization(chosen).text)
        description = _description_of(chosen) if head_ent is not None else None
        entity.describe(description)
        return entity, _fullest(description, entity.descriptions)

    def _unlabelled_name(self, span: Span, position: int) -> _Entity | None:
        """A person's name the NER did not mark: "JAKE TAPPER:", "McCain challenger Kelli Ward".

        The capitalised words ending at the mention's head, titles set aside, are a
        person's name when they start with a known first name, are in capitals
        (a transcript's speaker), or end in a surname already known.
        """
        root = span.root
        if not root.text[:1].isupper() or root.lower_ in _ORG_NOUNS or root.lower_ in _MEDIA_WORDS:
            return None
        words = [t.text for t in self._name_run(span[: root.i - span.start + 1])]
        if not words:
            return None
        # a transcript's speaker ("JAKE TAPPER:"), not an acronym ("LSE said")
        shouting = all(w.isupper() and len(w) > 1 for w in words) and (
            len(words) > 1 or _COLON_NEXT.match(self.text, position + len(span.text)) is not None
        )
        if shouting:
            words = [w.capitalize() for w in words]
        known = self.registry.person_by_surname(words[-1])
        described = _described_as_a_person(root)  # "Marisol, a mother of twins,"
        # "BP chief executive Lord Browne", "Dr Pouwelse": a capitalised title before the name
        first = root.i - len(words) + 1
        titled = first > span.start and root.doc[first - 1].is_title and _is_title(root.doc[first - 1].text)
        if not (known or shouting or described or titled or (len(words) > 1 and is_first_name(words[0]))
                or _after_a_role_word(span, root)):
            return None
        entity = self.registry.person(" ".join(words), at=position, gender=honorific_before(self.text, position))
        if titled:
            # what stands before the title describes the person: "BP chief executive" (not "Lord")
            role = [t for t in root.doc[span.start : first - 1] if t.lower_ not in _DETERMINERS]
            entity.describe(" ".join(t.text for t in role) or None)
        if described:
            appos = _apposition(root)
            phrase = root.doc[appos.left_edge.i + (appos.left_edge.lower_ in _DETERMINERS) : appos.right_edge.i + 1]
            entity.describe(phrase.text)
        return entity

    def _named_by_apposition(self, span: Span, position: int) -> _Entity | None:
        """"eighth seed Agassi" parsed as "seed" with "Agassi" in apposition: the name is the speaker."""
        root = span.root
        if root.pos_ != "NOUN" or not root.text.islower() or not _is_person_noun(root.lower_):
            return None
        appos = next((c for c in root.children if c.dep_ == "appos" and c.i == root.i + 1 and c.i < span.end), None)
        if appos is None or appos.pos_ != "PROPN" or appos.ent_type_ in ("ORG", "NORP"):
            return None
        run = self._name_run(span.doc[appos.left_edge.i : appos.i + 1])
        if not run:
            return None
        start = position + run[0].idx - span[0].idx
        entity = self.registry.person(" ".join(t.text for t in run), at=start, gender=honorific_before(self.text, start))
        entity.describe(span.doc[span.start + (span[0].lower_ in _DETERMINERS) : root.i + 1].text)
        return entity

    @staticmethod
    def _name_run(tokens) -> list:
        """The capitalised tokens that end ``tokens``, titles set aside: a name's words."""
        run = []
        for token in reversed(tokens):
            if not token.text[:1].isupper() or token.is_punct or token.ent_type_ in _NOT_NAME_ENTS:
                break  # "on Tuesday Mr Ebbers": a date is no first name
            if run and token.text.rstrip(".") in _HONORIFICS:
                run.insert(0, token)
                break  # the name starts after its honorific
            if token.ent_type_ in ("ORG", "GPE", "NORP") and not _same_entity(token, tokens[-1]):
                # "FSIN Vice-Chief Heather Bear": the organization before the name is no part of it;
                # a name the NER took for a place ("Simon Champion" as GPE) is still one name
                break
            run.insert(0, token)
        return [t for t in run if t.lower_.strip(".") not in _TITLE_WORDS and t.lower_ not in _ROLE_TITLES]

    def _by_text(self, m: Mention, exclude) -> _Entity | None:
        """A mention the parse does not cover (it cuts a token): read from its words."""
        words = re.findall(r"[\w'’.-]+", self.text[m.start : m.end])
        if len(words) == 1 and pronoun_gender(words[0]) is not None:
            return self._antecedent(m.start, pronoun_gender(words[0]), exclude)
        names = _name_after_titles(words)
        if names and (self.registry.person_by_surname(names[-1]) or (len(names) > 1 and is_first_name(names[0]))):
            return self.registry.person(" ".join(names), at=m.start, gender=honorific_before(self.text, m.start))
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        if not words or (len(words) == 1 and words[0].lower() in _PERSON_PRONOUNS | _GROUP_PRONOUNS):
            return None  # a pronoun no parse resolved stays a bare mention, as it always did
        # "Union leaders fumed that …" in a paragraph the tagger read but no rule parsed: described by its words
        entity = self.registry.new("other", None)
        entity.describe(" ".join(words))
        return entity

    def _antecedent(self, position: int, gender: str | None, exclude) -> _Entity | None:
        """He/she: the nearest earlier person of agreeing gender, else the latest such speaker."""
        def agrees(entity: _Entity) -> bool:
            return entity.type == "person" and (entity.gender is None or gender is None or entity.gender == gender)

        def agrees_but_for_the_name(entity: _Entity) -> bool:
            # a first-name guess ("Lu" is a woman's name in the lists) yields to what the text does
            return entity.type == "person" and (entity.gender_evidence == "name" or agrees(entity))

        for accept in (agrees, agrees_but_for_the_name):
            people = self._nearest_people(position, accept, reach=_PRONOUN_REACH, exclude=exclude)
            if people:
                # among the people of that sentence, the one whose statement came last goes on speaking
                return self.last_speaker if any(p is self.last_speaker for p in people) else people[0]
        return self.registry.latest(agrees)

    def _described(self, span: Span, words: list[str], position: int) -> _Entity | None:
        """A definite or bare singular description the article gave a named entity before.

        "the minister" -> the person introduced as "Minister … Carolyn Bennett";
        "the firm" -> "the engineering firm Castell & Ruiz". An indefinite one ("a
        spokeswoman for X") introduces someone new, except in the lede, where "A
        judge has dismissed …" is the one person the body calls "judge"; a plural
        one is a group.
        """
        root = span.root
        if any(t.ent_type_ == "PERSON" for t in span):
            return None  # a name of its own: "the carmaker's chief executive Helmut Panke"
        exact = (span[1:] if words[0] in _DETERMINERS else span).text.lower()  # the words, without "the"/"a"
        if self._sentence_of(position) < _LEDE_SENTENCES and words[0] not in _DEFINITE and root.tag_ not in ("NNS", "NNPS"):
            # the lede's "A judge has dismissed …", "India's finance minister lashed out …": the
            # one person the article, further down, gives those very words ("… the judge, Letitia Clark");
            # ("the home secretary" is read as any definite description is, below)
            later = [e for e in self.registry.described_as(exact) if e.type == "person"]
            if len(later) == 1:
                return later[0]
        if words[0] in _DEFINITE:
            # the very words the article described someone with: "the 19-year-old"
            same = [e for e in self.registry.described_as(exact) if e.mentioned_before(position) >= 0]
            if same:
                return max(same, key=lambda e: e.mentioned_before(position))
            # “…,” the economy minister said. “…,” said economy minister Heizo Takenaka: the one person
            # the next sentences give those very words, named right after the description
            here = self._sentence_of(position)
            later = [e for e in self.registry.described_as(exact) if e.type == "person" and e.mentions
                     and 0 < self._sentence_of(min(s for s, _ in e.mentions)) - here <= _NAMED_AFTER]
            if len(later) == 1:
                return later[0]
            # an age the article gave someone, with a noun after it: "the 34-year-old mother"
            # for "Jane Doe, 34," (an age picks one person where a role noun could pick many)
            age = _AGE.search(exact)
            if age is not None:
                same = [e for e in self.registry.entities if e.type == "person" and e.name
                        and e.mentioned_before(position) >= 0 and age.group() in (d.lower() for d in e.descriptions)]
                if len(same) == 1:
                    return same[0]
                if not same:
                    # an age the article gave no one: the writer's word for a person it just quoted,
                    # as a pronoun would be (“…,” the 41-year-old said), never one of another age
                    return self.registry.latest(
                        lambda e: e.type == "person" and e.name is not None and not any(_AGE.search(d.lower()) for d in e.descriptions)
                    )
        if words[0] in ("a", "an", "another") or root.tag_ in ("NNS", "NNPS") or root.pos_ not in ("NOUN", "PROPN"):
            return None
        if root.ent_type_ in ("PERSON", "ORG") or any(t.ent_type_ == "PERSON" for t in span):
            return None  # a name of its own
        if words[0] not in _DEFINITE and len(span) > 3:
            return None
        head = root.lower_
        # every word of the mention was said of the entity, its head as the head of a description
        said = {w for w in words if w not in _DETERMINERS and w.isalpha()}
        named = [
            e for e in self.registry.entities
            if e.name and head in e.title_heads and said <= e.title_words and e.mentioned_before(position) >= 0
        ]
        if not named and words[0] in _DEFINITE:
            # "the Ontario premier", "the country's top doctor" for the one person given that role:
            # words of place and rank narrow a role down, they name no other one
            # (not "the Scottish Executive", a name; not "the top seed" for the seventh seed)
            # (and a name: "the Easyjet founder" for "Founder Stelios Haji-Ioannou", the one founder)
            narrowing = {t.lower_ for t in span if t.ent_type_ in ("GPE", "NORP", "ORG") or t.lower_ in _NARROWING
                         or (t.i > span.start and _names_something(t))}
            holders = [e for e in self.registry.entities if e.type == "person" and e.name and head in e.title_heads
                       and e.mentioned_before(position) >= 0]
            if (len(holders) == 1 and root.is_lower and said - holders[0].title_words <= narrowing
                    and _modifiers_of(holders[0], head) <= said):
                named = holders
        if not named and words[0] in _DEFINITE and head in _ORG_NOUNS:
            # "the department": the organization named with that word ("Department of Veterans Affairs")
            named = [
                e for e in self.registry.organizations
                if head in _org_key(e.name or "") and said <= set(_org_key(e.name or "")) | e.title_words
                and e.mentioned_before(position) >= 0
            ]
        if not named and words[0] in _DEFINITE and head in _ORG_NOUNS | _BUSINESS_NOUNS | _BODY_NOUNS and len(said) == 1:
            # "The Australian firm said" … "the firm added": the unnamed organization called so
            named = [e for e in self.registry.entities if e.type == "organization" and e.name is None
                     and head in e.title_heads and e.mentioned_before(position) >= 0]
        if not named and words[0] in _DEFINITE and head in _BUSINESS_NOUNS | _BODY_NOUNS and len(said) == 1:
            # "the company", "the union": the organization the article last named, when none was
            # called so, and none whose name says it is another kind ("Unifor", not "Ford Motor Company")
            kinds = _BUSINESS_NOUNS if head in _BUSINESS_NOUNS else _BODY_NOUNS
            named = [e for e in self.registry.organizations if e.type == "organization" and e.mentioned_before(position) >= 0
                     and not (set(_org_key(e.name or "")) & (_ORG_NOUNS | _BUSINESS_NOUNS) - kinds)]
        if not named and words[0] in _DEFINITE and head in _OUTLET_NOUNS and len(said) == 1:
            # "the paper says": the outlet the article last named ("Spanish daily ABC")
            named = [e for e in self.registry.organizations if e.type == "media" and e.mentioned_before(position) >= 0]
        if not named:
            return None
        return max(named, key=lambda e: e.mentioned_before(position))

    def _role_holder(self, span: Span, words: list[str], position: int) -> _Entity:
        """The person an organization's role noun stands for: "the Chester chairman".

        The person the article gave that role at that organization before
        ("Chester chairman Terry Smith"), else an unnamed person so described
        (one for each description: the second "Amnesty secretary-general" is the first).
        """
        head = span.root.lower_
        organization = {w for e in span.ents for w in _org_key(e.text)}
        named = [
            e for e in self.registry.entities
            if e.type == "person" and e.name and head in e.title_heads and organization & e.title_words
            and e.mentioned_before(position) >= 0
        ]
        if named:
            return max(named, key=lambda e: e.mentioned_before(position))
        return self.registry.unnamed("person", span[1:].text if words[0] in _DETERMINERS else span.text)

    def _named_organization(self, span: Span) -> _Entity | None:
        """The organization a mention names beside its description ("Parmalat, the Italian food group …")."""
        named = _organization_named_in(span)
        if named is None:
            return None
        name, description = named
        entity = self.registry.organization(name)
        entity.describe(description)
        return entity

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
        titled = _is_title(span.root.text)  # "the Salford MP", "the Labour leader"
        if family is None and not titled:
            named = self._named_organization(span)
            if named is not None:
                return named
        if family is None and not titled and (
            span.root.pos_ == "PROPN" or span.root.ent_type_ == "ORG" or span.root.lower_ in _ORG_NOUNS
        ):
            if span.root.pos_ == "PROPN" or span.root.ent_type_ == "ORG" or any(_names_something(t) for t in description_tokens):
                return self.registry.organization(description)  # "Russia", "Exxon", "the Sessions campaign"
            # "the government", "the French government", "its central bank": a kind of body, named by
            # no word, is an unnamed organization of this article (the store merges names only, and
            # one "government" from every article would be the most quoted speaker of all)
            return self.registry.unnamed("organization", description)
        entity = self.registry.new("person" if family or titled else "other", None, role=family)
        entity.describe(description)
        return entity

    def speaker(
        self, m: Mention | None, exclude=(), *, speaking: bool = True, going_on: _Entity | None = None
    ) -> Speaker | None:
        """The resolved speaker of a mention; ``speaking=False`` for an addressee or a relaying
        source, who is no later "it" or "they" (“…,” the Veltro Institute told Harbour Radio. “…,” it added).

        ``going_on``: the named person whose statement a cue like "added" continues; a definite
        description no one else was given is the writer's word for them ("“…,” Idris Maelor told
        Harbour Radio. … The veteran midfielder added that …").
        """
        if m is None:
            return None
        entity, description = self.resolve(m, exclude)
        if going_on is not None and entity is not None and (entity.name is None or not entity.mentions) and _epithet(m):
            # (an entity without mentions was made from these very words: no one the article named)
            words = m.span[1:].text  # type: ignore[index]
            going_on.describe(words)
            entity, description = going_on, words
        fragment = Fragment.of(self.text, m.start, m.end)
        if entity is None:
            return Speaker(mention=(fragment,), description=None)
        if (m.start, m.end) not in entity.mentions:
            entity.mentions.append((m.start, m.end))
        entity.confirmed = True
        self._complete_name(entity)  # a surname first met here, after the article was read
        if entity.type == "person" and entity.gender is None:
            # someone first met here ("a spokeswoman for …"): what the description says
            _settle_gender(entity)
        index = bisect_left(self.mention_starts, m.start)
        if entity.type == "person" and entity.name and (index == len(self.mention_starts) or self.mention_starts[index] != m.start):
            # a resolved he/she or description carries its person on: "He said he did not recall whether
            # the Clintons …", "the minister said … He said"
            self.mention_starts.insert(index, m.start)
            self.person_mentions.insert(index, _PersonMention(m.start, entity, self._sentence_of(m.start), 0))
        if entity.type == "person" and pronoun_gender(fragment.text) is not None:
            if entity.gender is None or entity.gender_evidence == "name":
                # nothing in the text said it yet: the pronoun that, by the rules above, refers to them does
                entity.evidence.pronouns[pronoun_gender(fragment.text) or ""] += 1
                gender, evidence = entity.evidence.verdict()
                if gender is not None:
                    entity.gender, entity.gender_evidence = gender, evidence
        recent = self.registry.recent
        if speaking:
            if entity in recent:
                recent.remove(entity)
            recent.append(entity)
        description = description or (entity.descriptions[0] if entity.descriptions else None)
        return Speaker(
            mention=(fragment,), entity=entity.id, name=_one_line(entity.name), description=_one_line(description),
            gender=entity.gender, gender_evidence=entity.gender_evidence,  # type: ignore[arg-type]
        )

    def entity(self, entity_id: str) -> _Entity | None:
        return self.registry.by_id.get(entity_id)

    def named_person(self, speaker: Speaker | None) -> _Entity | None:
        """The entity of a speaker who is a named person, else None."""
        entity = self.entity(speaker.entity) if speaker is not None and speaker.entity else None
        return entity if entity is not None and entity.type == "person" and entity.name else None

    def entities(self) -> list[Entity]:
        result = []
        for entity in self.registry.entities:
            if not entity.mentions or not entity.confirmed:
                continue
            mentions = tuple(Fragment.of(self.text, s, e) for s, e in sorted(set(entity.mentions)))
            result.append(
                Entity(entity.id, _one_line(entity.name), entity.type,  # type: ignore[arg-type]
                       tuple(_one_line(d) for d in entity.descriptions), mentions,
                       entity.gender, entity.gender_evidence)  # type: ignore[arg-type]
            )
        return result


def _before_aside(span: Span) -> Span:
    """A mention up to the comma after its head: "The Green leader[, who says …]"."""
    comma = next((t.i for t in span if t.i > span.root.i and t.text == ","), None)
    return span.doc[span.start : comma] if comma is not None else span


def _name_after_titles(words: list[str]) -> list[str]:
    """The capitalised words of a name read from a mention's words: those after its last
    capitalised title ("New Jersey Gov. Chris Christie" is Chris Christie, not "New Jersey
    Chris Christie"), else all but the titles ("Chris Christie, the governor")."""
    def title(word: str) -> bool:
        return word[:1].isupper() and word.lower().strip(".") in _TITLE_WORDS

    last = max((i for i, w in enumerate(words) if title(w)), default=-1)
    after = [w for w in words[last + 1 :] if w[:1].isupper() and not title(w)]
    return after or [w for w in words if w[:1].isupper() and not title(w)]


def _epithet(m: Mention) -> bool:
    """A definite singular description of a person: "the veteran midfielder"."""
    span = m.span
    return (span is not None and len(span) > 1 and span[0].lower_ == "the" and span.root.text.isalpha()
            and span.root.text.islower() and not span.root.tag_.endswith("S")
            and not any(e.label_ in ("PERSON", "ORG") for e in span.ents))


# cue words that go on with the statement before: "the veteran added"
_GOING_ON = frozenset({"added", "adds", "continued", "continues"})


def _goes_on(text: str, candidate: Candidate) -> bool:
    return bool(candidate.cue) and text[slice(*candidate.cue[0])].lower() in _GOING_ON


def _gendered_noun_before(pronoun, gender: str) -> bool:
    """A common noun of the pronoun's gender in its sentence or the one before ("my girlfriend's
    laptop died and she could not work"): the likelier antecedent, so no vote for a name."""
    sent = pronoun.sent
    start = sent.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    return any(t.pos_ == "NOUN" and not t.ent_type_ and title_gender(t.lower_) == gender
               for t in pronoun.doc[start : pronoun.i])


def _relative_antecedent(m: Mention) -> Mention | None:
    """The noun phrase a relative pronoun stands for: "Haugland, who has argued …" is Haugland.

    The words of the phrase up to its head noun only: the clause that follows
    it is what the speaker said or did, not who they are.
    """
    clause = m.span.root.head  # type: ignore[union-attr]
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    noun = clause.head
    if noun.pos_ not in ("PROPN", "NOUN"):
        return None
    phrase = noun.doc[noun.left_edge.i : noun.i + 1]
    base = m.start - m.span.start_char  # type: ignore[union-attr]
    return Mention(base + phrase.start_char, base + phrase.end_char, phrase)


def _one_line(label: str | None) -> str | None:
    """A name or description as one line: it may span a line break in the text
    ("president\nPierre Peladeau"), but it is a label, not a span, so it must not."""
    return " ".join(label.split()) if label else label


def resolve_speakers(
    text: str, units: list[Unit], candidates: list[Candidate], *, outlet: str | None = None
) -> tuple[list[Attribution], list[Entity]]:
    """Turn candidates into Attributions with resolved speakers; collect the entities.

    Speakers are resolved in text order, so "the speakers referred to so far"
    and "the statement before" mean what a reader means by them.
    """
    # people named inside quotations are the speakers' topics, not a narrator's he/she
    quoted = [span for quotation in quotations(text, paragraph_spans(text)) for span in quotation.spans]
    resolver = SpeakerResolver(text, units, outlet, quoted=quoted)
    speakers: dict[int, Speaker | None] = {}
    roles: dict[int, tuple[Speaker | None, Speaker | None]] = {}
    previous: Speaker | None = None
    # every content fragment by start, with the furthest end reached so far: "is this inside another's content"
    fragments = sorted(span for c in candidates for span in c.content)
    content_starts = [a for a, _ in fragments]
    content_reach = list(accumulate((b for _, b in fragments), max))
    for candidate in sorted(candidates, key=lambda c: (c.start, c.end)):
        if candidate.continues is not None:
            # a floating quote: the previous statement's speaker, without a mention of its own
            speaker = _continued(speakers.get(id(candidate.continues)))
        elif candidate.source is None and previous is not None and _opens_paragraph(text, units, candidate):
            # a paragraph that is only a quotation continues the statement before it
            speaker = _continued(previous)
        elif candidate.source is None and previous is not None and resolver.opens_sentence(candidate):
            # "Ms Jowell insisted: "…" And continued: "…"": a cue without a subject goes on from the speaker before
            speaker = _continued(previous)
        else:
            # "… added": a description no one was given may be the writer's word for who spoke before
            going_on = resolver.named_person(previous) if _goes_on(text, candidate) else None
            speaker = resolver.speaker(candidate.source, exclude=candidate.content + quoted, going_on=going_on)
        speakers[id(candidate)] = speaker
        nested = _inside(content_starts, content_reach, candidate.start)
        if speaker is not None and speaker.entity is not None and not nested:
            # a statement reported inside another's quotation is not who spoke last
            previous = speaker
            resolver.last_speaker = resolver.entity(speaker.entity)  # type: ignore[arg-type]
        roles[id(candidate)] = (
            resolver.speaker(candidate.addressee, speaking=False), resolver.speaker(candidate.via, speaking=False)
        )
    # gender is known only once the whole article is read: every speaker gets its entity's final verdict
    final = {e.id: (e.gender, e.gender_evidence) for e in resolver.registry.entities}

    def settled(speaker: Speaker | None) -> Speaker | None:
        if speaker is None or speaker.entity not in final:
            return speaker
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


def _inside(starts: list[int], reach: list[int], position: int) -> bool:
    """Whether ``position`` lies strictly inside a content fragment that starts before it."""
    index = bisect_left(starts, position) - 1
    return index >= 0 and reach[index] > position


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
