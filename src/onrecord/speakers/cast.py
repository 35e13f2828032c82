"""Everyone an article names, registered before any of its mentions is resolved.

The ``Cast`` reads the article once, in text order: each named person and
organization the NER finds (or misses: a surname it took for a place, a name in
a paragraph left unparsed), which of them are people whatever the NER called
them, the fullest name the article gives someone it mostly calls by surname, who
put out each statement or report it mentions, and the organization its first
sentence is about. ``resolver.py`` then resolves each source mention against it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..attribution.candidate import Mention
from ..attribution.spans import ParsedUnits, dateline_end, tokens_offsets
from ..nlp import LETTERS_AFTER_A_NAME, NAME_PARTICLES
from ..text import Unit, without_possessive
from .descriptions import (
    PREDICATE_WORDS, affiliation_of, after_honorific, an_age, described_as_a_person, describes_someone, description_of,
    noun_before, predicate_of, title_run_before, whole_organization,
)
from .gender import honorific_before, honorific_gender
from .mentions import (
    author_of, followed_by_he_or_she, gender_said_of, in_a_constituency, main_subject, salience, says_he_or_she, speaks,
    sentence_subject,
)
from .names import first_name_verdict, is_first_name
from .ner import (
    called_a_person, capitalised, in_apposition_to_a_body, name_run, name_the_ner_cut, person_inside,
    unnamed_or_misnamed,
)
from .registry import (
    HONORIFICS_BEFORE_A_SURNAME, PersonMention, Referent, Registry, club_or_party, ends_in, gender_so_far, is_modifier,
    is_suffix, is_title, no_part_of_name, org_key,
)
from .sentences import Sentences
from .vocabulary import (
    BODY_NOUNS, CALENDAR_WORDS, CARRIERS, COUNTRIES, DEMONYMS, DETERMINERS, HONORIFICS, INDEFINITE, KIN,
    LEGAL_ENDINGS, MEDIA_WORDS, NAMING_NOUNS, NOT_NAME_ENTS, ORGANIZATION_HEADS, ORG_NOUNS,
    ORGANIZATION_NOUNS, PARLIAMENT_MEMBERS, PLACE_ENTS, POLICE_ACRONYMS, RAW_STOP, ROLE_TITLES, ROYAL_TITLES,
    SUBJECT_DEPS, TITLE_WORDS, is_person_noun,
)

# A capitalised name in text that was not parsed ("… officer Michael Glassner sent …").
# a name's word: a capital, then letters with inner apostrophes, hyphens and capitals
# ("O'Regan", "Bédard", "Jong-un", "MacKay"); a possessive ends the name ("Mel Gibson's The
# Passion" names Mel Gibson), a middle initial stays inside it ("George W Bush")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’](?!s\b)(?=[^\W\d_])|-(?=[^\W\d_]))*[a-zß-öø-ÿ]"
_MIDDLE_INITIAL = r"[A-Z]\.?\s+"
# between a first name and a surname: "Brian 'Head' Welch"
_NICKNAME = r"(?:\s+['‘\"“][A-Z][\w-]*['’\"”])?"
_NAME_IN_RAW_TEXT = re.compile(
    rf"(?<![\w'’-])((?:[A-Z][a-z]+\.?\s+){{0,2}}{_NAME_WORD}(?:\s+(?:{_MIDDLE_INITIAL})?{_NAME_WORD})+)(?:['’]s)?(?![\w'’-])"
)
_CAPITALISED_WORD = re.compile(rf"(?<![\w'’-]){_NAME_WORD}(?=(?:['’]s)?(?![\w'’-]))")
_POLICE_FORCE = re.compile(rf"\b(?:{'|'.join(sorted(POLICE_ACRONYMS))})\b")
# the lowercase noun of a firm or a body, which no person's name follows ("developer", "producer" may)
_BODY_BEFORE_A_NAME = r"\b(?:{})\s+".format("|".join(sorted(
    "company firm corporation group giant conglomerate retailer airline bank insurer lender chain "
    "charity agency union association organisation organization regulator watchdog".split()
)))
_HONORIFIC_NAME = re.compile(rf"\b(?:{'|'.join(HONORIFICS)})\.?\s+([A-Z][\w’'-]+)")
# what stands before a surname, never before a first name alone ("Sir Digby", "Dame Judi" are first names)
_BEFORE_A_SURNAME = (TITLE_WORDS | ROLE_TITLES | HONORIFICS_BEFORE_A_SURNAME) - {"sir", "former", "acting"}
_WORDS_BEFORE = 6
# lowercase roles before a name that only a person holds (not "market leader Tesco", "broker Marsh")
_ONLY_PEOPLES_ROLES = frozenset(
    "spokesman spokeswoman spokesperson minister secretary councillor".split()) | PARLIAMENT_MEMBERS
# an apposition or a copula's complement right after a name in unparsed text (a capital may open
# it: "Leah Gazan, the NDP MP for Winnipeg Centre,"; a byline's "The Canadian Press" is no role)
_RAW_DESCRIPTION = re.compile(r"(?:,|\s+(?:is|was))\s+(?:the|a|an)\s+([A-Za-z][^,.;:!?\"“”()]*)")
# an age right after a name in unparsed text: "Joan Lee, 45, moved in"
_RAW_AGE = re.compile(r",\s+(\d{1,3}),")
# what makes such words a clause of their own rather than a description: a finite verb before
# any relative clause ("the minister who was elected" is a description)
_RELATIVE_CLAUSE = re.compile(r"\s(?:who|whom|whose|that|which)\s")
_A_CLAUSE = re.compile(r"\b(?:is|was|are|were|has|had|have|will|would|can|could|says|said)\b")
# the last words of organizations' names, which an unparsed paragraph's names are read by
# ("Alberta Health Services", "Canada Border Services Agency"), as no person's
_BODY_NAME_ENDINGS = NAMING_NOUNS | BODY_NOUNS | ORGANIZATION_HEADS | LEGAL_ENDINGS | {"services"}
# those of them no one's surname is, which make a body of a name the NER calls a person's ("Alberta
# Health Services says"; not "Bank", "House", "Court" or "Hall")
_ONLY_BODIES_END = frozenset(
    "agency association authority board commission committee corporation council department foundation "
    "institute ministry services society union university coalition".split()) | LEGAL_ENDINGS
# the last words of streets' and roads' names, places an unparsed paragraph names as people are
# named ("a bakery on Main Street"; not "Lane", "Park", "Hill" or "Way", surnames too)
_STREET_ENDINGS = frozenset("Street Avenue Road Drive Boulevard Crescent Highway Expressway Parkway Trail".split())
# a title and the word that opens its portfolio, right before a name in unparsed text: "Minister
# of Health Mike Hall", "Minister for Women Jane Lee"
_PORTFOLIO_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:of|for)\s+(?:the\s+)?$")
# a first name and "and" right before a couple's one surname: "Marc and Julie Bergeron"
_PARTNER_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)\s+and\s+$")
# what a couple or pair of relatives is called before their names
_PAIRS = frozenset("parents couple husband wife brothers sisters twins siblings partners spouses cousins team".split())
# a body named "X of Y" in unparsed text, which the name pattern (capitalised words only) cuts at
# the "of": "Ontario's Ministry of Education", "The University of Calgary", "Bank of Canada"
_BODY_OF = re.compile(
    rf"\b((?:{_NAME_WORD}\s+){{0,3}}(?:{'|'.join(sorted(w.capitalize() for w in _BODY_NAME_ENDINGS if w.isalpha()))})"
    rf"\s+of\s+(?:the\s+)?{_NAME_WORD}(?:\s+(?:and\s+)?{_NAME_WORD})*)"
)
# a body named "X and Y …" in unparsed text, which the name pattern cuts at the "and": "The Heart and
# Stroke Foundation" (not "Stroke Foundation")
_BODY_AND = re.compile(
    rf"\b((?:{_NAME_WORD}\s+){{1,2}}and\s+(?:{_NAME_WORD}\s+){{0,2}}"
    rf"(?:{'|'.join(sorted(w.capitalize() for w in _BODY_NAME_ENDINGS if w.isalpha()))}))\b"
)
# a dateline before a paragraph's first word, in text that was not parsed: "NANAIMO — ", "RENO, Nev. (AP) -- "
_DATELINE_IN_RAW_TEXT = re.compile(r"\s*(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][\w.'()-]*)*\s+(?:-|--|\u2013|\u2014)\s+)?")
# a relative named by a first name alone in apposition, in text that was not parsed: "Her husband, Dave,"
_KIN_NAMED_IN_RAW_TEXT = re.compile(
    rf"\b((?:[Hh]er|[Hh]is|[Tt]heir)\s+(?:{'|'.join(sorted(KIN))})),\s+({_NAME_WORD}),")
# a body putting out a statement or a report, right after its name in text that was not parsed
_PUT_OUT_IN_RAW_TEXT = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:released|issued|published|put\s+out|posted)\s+(?:a|an|its|their)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?({'|'.join(sorted(CARRIERS))})\b"
)
# what a one-word name after it is a place of: "Back in Surrey, Grewal says"
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "throughout"})
# a person's initials before a surname: "JK Rowling", "J.K. Rowling", "PJ Harvey"
_INITIALS = re.compile(r"(?:[A-Z]\.?){1,3}")


class Cast:
    """The named people and organizations of one article, in its registry."""

    def __init__(self, text: str, units: list[Unit], registry: Registry, sentences: Sentences) -> None:
        self.text = text
        self.registry = registry
        self.sentences = sentences  # filled in as the article is read (``_collect``)
        self.completion_tried: set[tuple[int, str]] = set()
        self.honorific_surnames = {m.group(1).lower() for m in _HONORIFIC_NAME.finditer(text)}
        self.parsed = ParsedUnits(units)
        # one-word names the NER calls a person somewhere ("LeBlanc told them"): a first name
        # before one of them makes a name the NER took for an organization a person's
        self.surnames_alone = {
            without_possessive(e.text).lower() for u in self.parsed for e in u.doc.ents
            if e.label_ == "PERSON" and " " not in e.text
        }
        # what the NER calls a place somewhere in the article ("If England lost that" tags England a person)
        self.place_names = {
            without_possessive(e.text) for u in self.parsed for e in u.doc.ents if e.label_ in PLACE_ENTS
        }
        # every statement, release or report the article says someone put out, with its author
        # (position of the noun, the noun, the author's mention): "the release said" is theirs
        self.authored: list[tuple[int, str, Mention | None]] = []
        # names opening a sentence of a paragraph that was not parsed: its subject, as English
        # sentences go, but ranked as any mention for he/she (the resolver's
        # ``_lone_person_before`` alone reads them)
        self.unparsed_openings: set[int] = set()
        self._collect(units)
        self._organizations_taken_for_people()
        self.lede_subject = self._lede_subject(units)
        self._complete_names()

    def _lede_subject(self, units: list[Unit]) -> Referent | None:
        """The organization the article's first sentence is about: its main clause's subject."""
        if not units:
            return None
        if units[0].doc is None:
            # an unparsed first paragraph: the organization it opens with, after its dateline
            # ("The Canadian Transportation Agency fined Air Canada …"), a subject by its place
            opening = _DATELINE_IN_RAW_TEXT.match(self.text, units[0].start).end()
            return next((e for e in self.registry.organizations if any(s == opening for s, _ in e.mentions)), None)
        doc, offset = units[0].doc, units[0].start
        subject = sentence_subject(next(doc.sents))
        if subject is None:
            return None
        start, end = tokens_offsets([subject.left_edge, subject.right_edge], offset)
        # (a product's version is no business: "Opera 8.0 has …" is the browser, not the company Opera)
        return next((e for e in self.registry.organizations if not re.search(r"\s[\d.]+$", e.name or "")
                     and any(start <= s and e_ <= end for s, e_ in e.mentions)), None)

    def _collect(self, units: list[Unit]) -> None:
        """Register every named person and organization, parsed or not, in text order."""
        for unit in units:
            if unit.doc is None:
                self.sentences.add(unit.start, unit.end)
                self._collect_raw(unit)
                continue
            for sent in unit.doc.sents:
                self.sentences.add(unit.start + sent.start_char, unit.start + sent.end_char)
            # the end of an organization's name that took the next entity in; at first, of the dateline
            # ("VANCOUVER --", which the NER may call a person)
            dateline = dateline_end(unit.doc)
            covered = 0 if dateline is None else dateline
            for ent in unit.doc.ents:
                if ent.start < covered or ent.text.lower() in DEMONYMS or not capitalised(ent):
                    continue  # ("Frenchman", "Scot": no one's name, and no firm's)
                ent = person_inside(ent) or ent
                whole = name_the_ner_cut(ent)
                if whole is not ent and (ent.label_ == "PERSON" or self.names_a_person(ent)):
                    ent = whole  # (a surname alone the NER called an organization stays one)
                start = unit.start + ent.start_char
                if self.names_a_person(ent):
                    self._partner_before(ent.text, start)
                    entity = self._person_at(ent.text, start, ent.root, gender_said_of(ent.root))
                    entity.describe(title_run_before(self.text, start))
                elif ent.label_ == "ORG" or self._named_as_a_body(ent):
                    ent = whole_organization(ent)
                    covered = ent.end
                    entity = self.registry.organization(ent.text)
                else:
                    entity = None
                if entity is None:
                    continue
                entity.mentions.append((start, unit.start + ent.end_char))
                entity.confirmed = True
                entity.describe(description_of(ent))
                entity.describe(noun_before(ent))
                entity.describe(predicate_of(ent))
                if entity.type == "person":
                    entity.describe(affiliation_of(ent))
            for token in unit.doc:
                if token.lower_ in CARRIERS:
                    self._note_author(token, unit.start)
                if token.ent_type_ or token.pos_ != "PROPN" or (token.i + 1 < len(unit.doc) and token.nbor().pos_ == "PROPN"):
                    continue
                run = name_run(unit.doc[token.left_edge.i : token.i + 1])
                # right after a dateline, which misleads the NER: "VANCOUVER -- Aman Grewal has worked", a
                # first name in no list, but "Grewal says" is a person
                named = (dateline is not None and len(run) == 2 and run[0].i == dateline + 1
                         and without_possessive(run[-1].text).lower() in self.surnames_alone)
                # (a first name in no list, where a relative clause on the name says person: "Yiannis
                # Papadoyiannakis, who was head of the Greek team,"; no word of it the NER's)
                who = (len(run) > 1 and run[-1].i == token.i and token.tag_ == "NNP" and run[0].lower_ not in DETERMINERS
                       and not any(t.ent_type_ for t in run) and _who_after(token))
                if run and ((len(run) > 1 and is_first_name(run[0].text)) or after_honorific(run[0]) or named or who):
                    # "Vice-Chief Heather Bear", "Mr Ebbers", where the NER saw no person
                    start = unit.start + run[0].idx
                    entity = self._person_at(" ".join(t.text for t in run), start, token)
                    entity.mentions.append((start, unit.start + token.idx + len(token.text)))
                    entity.confirmed = True
            for token in unit.doc:
                # a known surname the NER let pass ("Walsh, a former labor leader, …") or took, alone,
                # for a place or a body where it speaks or owns ("Salem later told CTV News" after
                # "Aref Salem": the he/she after it looked past him)
                if (token.pos_ == "PROPN" and unnamed_or_misnamed(token) and token.text[:1].isupper()
                        and self.registry.person_by_surname(token.text)
                        and not (token.i > 0 and token.nbor(-1).pos_ == "PROPN")
                        and not (token.i + 1 < len(unit.doc) and token.nbor().pos_ == "PROPN")):
                    start = unit.start + token.idx
                    entity = self._person_at(token.text, start, token)
                    entity.mentions.append((start, start + len(token.text)))

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
            heads = {h[:-1] if h.endswith("s") and h[:-1] in ORGANIZATION_HEADS else h for h in entity.title_heads}
            # a head that names people and firms alike ("producer", "broadcaster") is a person's
            # before a first name of one gender ("producer Gil Cates"; "oil producer Yukos")
            first_named = first_name_verdict(entity.name) in ("female", "male")
            kinds = sum(h in ORGANIZATION_HEADS and not (first_named and is_person_noun(h)) for h in heads)
            # (and where the text writes the name after a body's noun that the NER did not take for
            # a name: "network monitoring company Sandvine" a product, "said Sandvine" a person)
            if not first_named and self._after_a_body_noun(entity.name):
                kinds += 1
            if kinds and kinds >= sum(is_person_noun(h) for h in heads):
                registry.no_person(entity)
                registry.organizations.append(entity)
        organizations = {e.name.lower(): e for e in registry.organizations if e.name}
        for entity in registry.entities:
            # (or the first word of its name: "Cairn" for "Cairn Energy", which the NER calls a person)
            same = (organizations.get((entity.name or "").lower()) or self.registry.shortened_to(org_key(entity.name or ""))
                    if entity.type == "person" else None)
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

    def _after_a_body_noun(self, name: str) -> bool:
        """Whether the text writes a name, all of it, right after the lowercase noun of a firm or a
        body ("company Sandvine", "watchdog Ofcom"), which no one's name follows (not "firm Marsh &
        McLennan" for "Marsh", nor "the AP news agency Contrack's withdrawal", another phrase)."""
        whole = rf"{_BODY_BEFORE_A_NAME}{re.escape(name)}(?![\w'’&-])(?!\s+(?:&|[A-Z]))"
        return re.search(whole, self.text) is not None

    def _named_as_a_body(self, ent: Span) -> bool:
        """Whether an entity's name says it is an organization, whatever the NER called it: the
        capitals of one named before ("the Office of the Deputy Prime Minister (ODPM)", where the
        NER calls "ODPM" a person), a body "of" a place that it calls a place where it does
        something ("The City of Winnipeg will add …"; not "his City of London speech"), or a name
        for a country or province with no title in it ("Manitoba Hydro says", a person to the
        NER; not "Ontario Premier Doug Ford")."""
        # (the capitals themselves, not a name's last word: "UK" is no "Amnesty International UK")
        if self.registry.abbreviated_by(without_possessive(ent.text)) is not None:
            return True
        name = re.sub(r"^The\s+", "", without_possessive(ent.text))
        if ent.label_ in PLACE_ENTS and ent.root.dep_ in SUBJECT_DEPS and _BODY_OF.fullmatch(name):
            return True
        # (a short name, all of it the body's: no first name, title or honorific in it, as "Jonathan
        # Kaplan - England" has, where the NER ran a person's name on)
        # (the set lookups first: every person the NER tags in every article comes through here)
        words = ent.text.split()
        if ent.label_ != "PERSON" or not 1 < len(words) <= 4 or after_honorific(ent[0]):
            return False
        if without_possessive(words[-1]).lower() in _ONLY_BODIES_END and words[-1][:1].isupper():
            return True
        return (len(words) <= 3 and _named_for_a_country(ent.text)
                and not any(is_title(w) or is_first_name(w, anywhere=True) for w in words))

    def _initials_of_a_speaker(self, ent: Span) -> bool:
        """Initials and a surname the article has say "she …" or "he …" alone, or speak on its
        own: "JK Rowling's fifth book" (an organization to the NER) … "Rowling said she had plenty
        of time"; "KC Carruthers has run the shelter …" … "“…,” Carruthers said" (a firm of
        initials and a surname, "WH Smith", is not called by the surname alone)."""
        words = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
        if len(words) != 2 or not _INITIALS.fullmatch(words[0].text) or not words[0].whitespace_:
            return False  # (not "T-Mobile")
        surname = words[1].lower_
        # (speaking alone only where the NER sees no body in the word there: "Customs said" of "US Customs")
        return any(t.lower_ == surname and t.i != words[1].i and (
            says_he_or_she(t) or (speaks(t) and t.ent_type_ in ("", "PERSON"))) for u in self.parsed for t in u.doc)

    def names_a_person(self, ent: Span) -> bool:
        """Whether a named entity is a person, whatever the NER called it.

        A bare surname the tagger took for an organization is still the person
        ("Okafor"); so is a short capitalised name the article also writes with
        an honorific ("Vincent Cable, for the Liberal Democrats" … "Mr Cable
        told MPs"), or whose apposition describes a person: the NER often calls
        these organizations, and then "Mr Cable" never found his first name and
        "she" had no one to refer to.
        """
        if without_possessive(ent.text).lower() in self.registry.not_people or self._named_as_a_body(ent):
            return False
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the":
            return False  # "the Lib Dems", "the Clintons": a party or a family, no one person
        if club_or_party(ent.text):
            return False
        if in_a_constituency(ent[0]) and not self.registry.person_by_surname(without_possessive(ent.text)):
            # "the Labour MP for Birkenhead", "who represents Charleswood-Tuxedo": a constituency the
            # NER took for a name (not "a lawyer representing Smith" after "John Smith")
            return False
        if ent.label_ == "PERSON":
            # a place the article names as such ("Back in Surrey" too), or a day or month ("In March,"),
            # is no person, unless an honorific or a full name says so ("Mrs May", "Theresa May … May said")
            place = without_possessive(ent.text) in self.place_names or (
                len(ent) == 1 and ent.root.dep_ == "pobj" and ent.root.head.lower_ in _PLACE_PREPOSITIONS)
            calendar = len(ent) == 1 and ent.root.lower_ in CALENDAR_WORDS
            return not (place or calendar) or after_honorific(ent[0]) or self.registry.person_by_surname(ent.text)
        if ent.label_ in NOT_NAME_ENTS or in_apposition_to_a_body(ent.root):
            return False  # (nor "Ford, the US car company", however many Fords the article names)
        if after_honorific(ent[0]) or (len(ent) > 1 and ent[0].text.rstrip(".") in HONORIFICS):
            return True  # "Mr Vardanyan", whatever the NER took the name for (with the "Mr" or without)
        if ent.label_ != "ORG":
            return False
        if " " not in ent.text and self.registry.person_by_surname(ent.text):
            return True  # one written word, hyphens and all: "Wilson-Raybould"
        if self._initials_of_a_speaker(ent):
            return True
        words = [t for t in ent if not t.is_punct]
        # (the lowercase particle inside a name is a name's word: "Rodrigo de Rato", an organization to the NER)
        if not all((t.text[:1].isupper() or (t.lower_ in NAME_PARTICLES and 0 < i < len(words) - 1))
                   and t.lower_ not in ORG_NOUNS and t.lower_ not in MEDIA_WORDS for i, t in enumerate(words)):
            return False
        title = max((i for i, t in enumerate(words[:-1]) if is_title(t.text)), default=-1)
        if title >= 0:
            # "Manitoba Premier Brian Pallister" as one organization: a first name after the title
            # ("Premier League" has none) makes it a person, whom registry.person tells from the title;
            # so does a title only people hold, whatever the first name ("MLA Nahanni Fontaine")
            name = words[title + 1 :]
            return 1 < len(name) <= 3 and (
                is_first_name(name[0].text) or words[title].lower_.strip(".") in _ONLY_PEOPLES_ROLES)
        if (len(words) == 3 and ent.start == ent.sent.start and is_person_noun(words[0].lower_)
                and is_first_name(words[1].text)):
            return True  # "Defenceman Quinn Hughes" opening a sentence: a role, capitalised there, before a name
        if 3 <= len(words) <= 4 and words[-1].text in LETTERS_AFTER_A_NAME and is_first_name(
                words[0].text, anywhere=True):
            return True  # "Nadia Ferrant QC": a first name, a surname and a silk or honour
        if not 1 <= len(words) <= 3:
            return False
        surname = without_possessive(ent.text.split()[-1]).lower()
        if surname in self.honorific_surnames:
            return True
        if len(words) > 1 and is_first_name(words[0].text, anywhere=True) and (
            surname in self.surnames_alone or (ent.start > 0 and is_title(ent.doc[ent.start - 1].text))
            or called_a_person(ent)
        ):
            # "Dominic LeBlanc" (ORG) … "LeBlanc told them" (PERSON); "Former MP Celina Caesar-Chavannes";
            # "Former Worldcom boss Bernie Ebbers", "producer Gil Cates" (not "parts maker Robert Bosch");
            # a first name of any locale, so long as this much says person ("captain Fabien Pelous")
            return True
        if len(words) == 1 and (says_he_or_she(ent.root) or followed_by_he_or_she(ent.root)):
            return True  # "Smith said he spoke with …", "Moe dismissed it. He said …": a firm says "it"
        if len(words) == 2 and ent.start > 0 and ent.doc[ent.start - 1].lower_ in _ONLY_PEOPLES_ROLES:
            return True  # "spokesman Glyn Davies": a title no organization holds, whatever the first name
        # "Michelle, a mother of twins, said": what the apposition calls it is a person
        return described_as_a_person(ent.root)

    def _person_at(self, name: str, start: int, token, said_of: str | None = None) -> Referent:
        """The person a name at ``start`` refers to, registered as a mention there; ``token`` is the
        name's head in the parse, None in an unparsed paragraph (no role known: an "other" one)."""
        gender = honorific_before(self.text, start) or next(
            (honorific_gender(w) for w in name.split()[:-1] if honorific_gender(w)), None
        )
        entity = self.registry.person(name, at=start, gender=gender, said_of=said_of)
        if gender:
            entity.evidence.honorifics[gender] += 1
        self.registry.mention_person(
            PersonMention(start, entity, self.sentences.index(start), 1 if token is None else salience(token),
                          token is not None and main_subject(token)))
        return entity

    def _partner_before(self, name: str, start: int) -> None:
        """Register the partner a couple's name puts first, with the surname they share ("Her
        parents, Marc and Julie Bergeron,": Marc Bergeron, whom "her husband" and "Marc said"
        mean); a first name the lists know, not the end of another's name ("Tom Taylor and Julie
        Bergeron")."""
        words = name.split()
        match = _PARTNER_BEFORE.search(self.text, max(0, start - 40), start)
        if (match is None or len(words) != 2 or is_first_name(words[1])
                or not (is_first_name(words[0]) and is_first_name(match.group(1)))):
            return  # (not "Madonna and Elton John", a first name for a surname)
        # a pair the sentence opens with or calls so ("Her parents, Marc and …", "twins Mike and Bob
        # Bryan"), not a list of one-name stars ("Raul, Ronaldo and Michael Owen", "for Kinsey and …")
        before = self.text[max(0, match.start(1) - 40) : match.start(1)].split()
        if not (self.sentences.opens(match.start(1)) or (before and before[-1].strip(",").lower() in _PAIRS)):
            return
        partner = self._person_at(f"{match.group(1)} {words[1]}", match.start(1), None)
        partner.mentions.append((match.start(1), match.end(1)))

    def _complete_names(self) -> None:
        """A person known by surname only gets the full name the article gives elsewhere.

        The name may stand where the parser saw no person ("ROME - Bernie Sanders"
        as an organization, a headline): "First Surname" anywhere in the text,
        with a first name the lists know or a capitalised word inside a sentence,
        when the article gives that surname one first name only.
        """
        alone = [people[0] for people in self.registry.by_surname.values() if len(people) == 1]
        # first names alone last: "Gareth" is the "Gareth Brennock" that "Brennock" became
        for entity in sorted(alone, key=lambda entity: is_first_name(entity.name or "")):
            self.complete_name(entity)

    def complete_name(self, entity: Referent) -> None:
        name = entity.name or ""
        if len(name.split()) != 1 or len(self.registry.by_surname.get(name.lower(), ())) > 1:
            return
        if (id(entity), name) in self.completion_tried:
            return  # one scan of the text per name, however often it speaks
        self.completion_tried.add((id(entity), name))
        if entity.type not in ("person", "organization", "other"):
            return
        fuller = self._named_more_fully(entity) if entity.type == "person" else None
        if fuller is not None:
            self.registry.absorb(fuller, entity)
            return
        # a one-word "organization" is a person the tagger mislabelled when the article gives it a first name
        # (not one the article calls a firm or a body: "Ford, the US car company" beside "Bill Ford")
        strict = entity.type != "person"
        if strict and any(d.split()[-1].lower() in ORGANIZATION_NOUNS for d in entity.descriptions if d):
            return
        pattern = re.compile(
            r"(?<![\w.])([A-Z][\w'’-]*[^\W\d_])((?:\s+[A-Z]\.)?)" + _NICKNAME + r"\s+" + re.escape(name) + r"\b(?!-\w)"
        )  # (not the "Jody Wilson" of "Jody Wilson-Raybould")
        firsts = set()
        for match in pattern.finditer(self.text):
            first, middle = match.group(1), match.group(2).strip()
            lower = first.lower()
            if (lower in TITLE_WORDS or lower in RAW_STOP or lower in DETERMINERS or lower in ROLE_TITLES
                    or is_modifier(first) or without_possessive(first) != first):
                continue  # no first name: "Paris-based Euronext", "Italy's Illva"
            # inside a sentence a capitalised word before the surname is taken for a first name;
            # opening one it may be any word ("Honestly Marisol is …", "Meanwhile J. Smith")
            at_start = self.sentences.opens(match.start()) and (
                bool(middle) or no_part_of_name(first, name, opens_sentence=True))
            if is_first_name(first) or (not strict and not at_start):
                firsts.add((first, middle))
        if len(firsts) == 1:
            first, middle = firsts.pop()
            entity.name = " ".join(w for w in (first, middle, name) if w)
            if strict:
                entity.type = "person"
                self.registry.by_surname.setdefault(name.lower(), []).append(entity)

    def _named_more_fully(self, person: Referent) -> Referent | None:
        """The one person whose fuller name a one-word name begins, when that word is what the
        article calls them: a first name alone ("Robbie" read before "Robbie Williams", "His wife
        Sharon" beside "Sharon Osbourne"), one the lists lack ("Ozzy", "Mukesh" beside his brother
        Anil Ambani, "Sir Digby"), or a surname written first ("Mr Xie" after "Xie Xuren").

        Not after a title other than Mr or Ms ("President Bush" is no "Bush Presidency" the NER
        called a person, "Prince Charles" no Charles Kennedy), nor after Mr or Ms when the article
        gives the fuller name's last word a Mr or Ms of its own ("Mr Howard" is no Howard Flight
        whom it calls Mr Flight)."""
        name = (person.name or "").lower()
        before = {d.split()[-1].lower().strip(".") for d in person.descriptions} & _BEFORE_A_SURNAME
        if name in self.registry.addressed:
            before.add("mr")
        if not before <= HONORIFICS_BEFORE_A_SURNAME or person.title_heads & ROYAL_TITLES:
            return None
        fuller = [e for e in self.registry.entities if e is not person and e.type == "person"
                  and len((e.name or "").split()) > 1 and (e.name or "").split()[0].lower() == name]
        if len(fuller) != 1 or len({gender_so_far(person), gender_so_far(fuller[0])} - {None}) > 1:
            return None  # (nor a "Mr Wang" for a Wang Yan the article calls "she")
        surname = (fuller[0].name or "").split()[-1].lower()
        if before and surname in self.registry.addressed:
            return None
        if person.title_heads & KIN and len(self.registry.by_surname.get(surname, ())) < 2:
            return None  # "his son Nick" is no Nick Vaughan: a relative shares a surname with someone named
        return fuller[0]

    def _note_author(self, noun, base: int) -> None:
        """Record who put out a statement, release or report (``authored``), where the parse says.

        A capitalised one is a title or a programme ("An Open Letter from …", "the BBC's World
        Business Report"); it, or any new one of no known author, makes "the letter" no longer
        the one before it."""
        author = author_of(noun) if noun.is_lower else None
        if author is not None:
            phrase = noun.doc[author.left_edge.i : author.right_edge.i + 1]
            mention = Mention(base + phrase.start_char, base + phrase.end_char, phrase)
            self.authored.append((base + noun.idx, noun.lower_, mention))
        elif any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in noun.children):
            self.authored.append((base + noun.idx, noun.lower_, None))

    def _collect_raw(self, unit: Unit) -> None:
        """Names in a paragraph that was not parsed: only to resolve surnames later.

        Such an entity is reported only once an attribution refers to it.
        """
        names = list(_NAME_IN_RAW_TEXT.finditer(self.text, unit.start, unit.end))
        for match in _CAPITALISED_WORD.finditer(self.text, unit.start, unit.end):
            # a surname alone of someone named before: "Markstrom was sharp, stopping Connor McDavid …"
            # is about Markstrom, whom the he after it means, not only about McDavid
            start = match.start()
            # (the cheap lookup first: an unparsed paragraph may hold a million capitalised words)
            if (self.registry.person_by_surname(match.group()) and self.sentences.opens(start)
                    and not any(n.start() <= start < n.end() for n in names)):
                self._person_at(match.group(), start, None).mentions.append((start, match.end()))
                self._note_unparsed_opening(start, match.end())
        for match in _BODY_OF.finditer(self.text, unit.start, unit.end):
            name = _without_a_person_after(match.group(1))
            self.registry.organization(name).mentions.append((match.start(1), match.start(1) + len(name)))
        for match in _BODY_AND.finditer(self.text, unit.start, unit.end):
            # (only a name "the" or a sentence opens: "former Free and Bad Company singer" is two bands)
            start = match.start(1)
            definite = match.group(1).startswith("The ") or self.text[max(0, start - 4) : start] == "the "
            if not (definite or self.sentences.opens(start)):
                continue
            if not any(s <= start < e for o in self.registry.organizations for s, e in o.mentions):
                self.registry.organization(match.group(1)).mentions.append((match.start(1), match.end(1)))
        for match in _POLICE_FORCE.finditer(self.text, unit.start, unit.end):
            # "RCMP in Nova Scotia are investigating …": capitals the name pattern leaves out, which a
            # later "Police said" means
            self.registry.organization(match.group()).mentions.append((match.start(), match.end()))
        for match in names:
            name, start = match.group(1), match.start(1)
            first, second = name.split()[:2]  # the pattern takes two words at least
            opening = None
            if no_part_of_name(first, second, opens_sentence=self.sentences.opens(start)):
                # "Sure Robbie is talented", "Singer Courtney Love has …", "Meanwhile George Bush"
                gap = re.search(r"\s+", name).end()  # any space: a tab, a run of them
                name, start, opening = name[gap:], start + gap, first.lower()
                if name.lower() in CALENDAR_WORDS:
                    continue  # "In March, Eastfield lost …": a month, no one's name
            if ends_in(name, _STREET_ENDINGS):
                continue  # a place, no one "the owner" may be besides the one person named
            portfolio = _PORTFOLIO_BEFORE.search(self.text, max(unit.start, start - 40), start)
            if portfolio is not None and is_title(portfolio.group(1)):
                cut = _first_name_at(name)  # "Minister of Health Mike Hall": "Health" is the portfolio's
                name, start = name[cut:], start + cut
            if (name.split()[0] == "The" or club_or_party(name) or ends_in(name, _BODY_NAME_ENDINGS)
                    or _named_for_a_country(name)):
                self.registry.organization(name).mentions.append((start, match.end(1)))
                continue
            if name.split()[0] in ("A", "An") or any(is_suffix(org_key(name), org_key(o.name or "")) or org_key(name) == org_key(o.name or "") for o in self.registry.organizations):
                continue
            self._partner_before(name, start)
            entity = self._person_at(name, start, None)
            entity.mentions.append((start, match.end(1)))
            self._note_unparsed_opening(start, match.end(1))
            age = _RAW_AGE.match(self.text, match.end(1), unit.end)
            if age and an_age(age.group(1)):
                entity.describe(f"{age.group(1)}-year-old")  # "Joan Lee, 45,", as ``affiliation_of`` reads a parse
            after = _RAW_DESCRIPTION.match(self.text, match.end(1), unit.end)
            if after and not _A_CLAUSE.search(_RELATIVE_CLAUSE.split(after.group(1))[0]):
                # "Bennett, the minister of …," / "Bennett is the minister responsible for …" (not a
                # clause: "For Jenna Walsh, the decision to close her café was heartbreaking")
                entity.describe(" ".join(after.group(1).split()[:PREDICATE_WORDS]))
            lead: list[str] = []
            before = self.text[max(unit.start, match.start() - 80) : match.start()].split()[-_WORDS_BEFORE:]
            for k in range(len(before) - 1, -1, -1):
                word = before[k]
                if word.lower() in RAW_STOP or not word.isalnum():
                    break
                if k > 0 and word.islower() and word.endswith("ed") and before[k - 1][:1].isupper():
                    break  # a name's verb: "The Winnipeg Blue Bombers fired head coach Mike O'Shea"
                lead.insert(0, word)
            if lead and describes_someone(lead[-1].lower()):
                # "Treasury spokesman Bob Smith", "car maker Mitsubishi Motors"; not "Congress will
                # spend months debating George W Bush"
                entity.describe(" ".join(lead))
            if opening is not None and is_person_noun(opening):
                entity.describe(opening)  # "Singer Courtney Love": a singer
        for match in _KIN_NAMED_IN_RAW_TEXT.finditer(self.text, unit.start, unit.end):
            # "Her husband, Dave, still works there": a first name alone, the one the he after it means
            if is_first_name(match.group(2)):
                entity = self._person_at(match.group(2), match.start(2), None)
                entity.mentions.append((match.start(2), match.end(2)))
                entity.describe(match.group(1))
        for entity in self.registry.organizations:
            for start, end in entity.mentions:
                put_out = _PUT_OUT_IN_RAW_TEXT.match(self.text, end, unit.end) if unit.start <= start < unit.end else None
                if put_out is not None:
                    # "The Heart and Stroke Foundation has released a new study": whose "the study" is
                    noun = put_out.group(1)
                    self.authored.append((put_out.start(1), noun.lower(), Mention(start, end, None)))

    def _note_unparsed_opening(self, start: int, end: int) -> None:
        """Note a name that opens a sentence of an unparsed paragraph, but for a possessor
        ("Gordon Brown has delivered a speech", not "Gordon Brown's speech was")."""
        if self.sentences.opens(start) and not self.text.startswith(("'s", "’s"), end):
            self.unparsed_openings.add(start)


def _named_for_a_country(name: str) -> bool:
    """Whether an unparsed name is a body's for the country it ends in ("Statistics Canada", "Air
    Canada") or opens with before a word no first name ("Canada Post"; not "Canada Justin Trudeau",
    a country before a person's name)."""
    words = name.split()
    first, last = words[0].lower(), without_possessive(words[-1]).lower()
    return (last in COUNTRIES and not is_first_name(last, anywhere=True)) or (
        first in COUNTRIES and not is_first_name(words[1], anywhere=True))


def _first_name_at(name: str) -> int:
    """Where the first name starts in words read as a name, 0 where no word before the last is one."""
    words = list(re.finditer(r"\S+", name))
    return next((w.start() for w in words[:-1] if is_first_name(w.group())), 0)


def _without_a_person_after(name: str) -> str:
    """A body's "X of Y" name without the title or first name the pattern ran on into ("Bank of
    England" of "Bank of England Governor Mervyn King", "Ministry of Health" of "Ministry of Health
    Patty Hajdu")."""
    words = list(re.finditer(r"\S+", name))
    # (the word after "of" is the body's whatever it is: "University of Regina", a first name too)
    end = next(i for i, w in enumerate(words) if w.group() == "of") + 2
    if end - 1 < len(words) and words[end - 1].group() == "the":
        end += 1
    # (a title or a first name with a name after it is someone's: "Office of the Prime Minister" ends
    # a body's name, "… Governor Mervyn King" starts a person's)
    while end + 1 < len(words) and not (is_title(words[end].group()) or is_first_name(words[end].group())):
        end += 1
    if end + 1 >= len(words):
        end = len(words)
    while words[end - 1].group() in ("and", "the", "of"):
        end -= 1
    return name[: words[end - 1].end()]


def _who_after(token) -> bool:
    """Whether ", who" follows a token: a relative clause on a person."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "," and doc[token.i + 2].lower_ == "who"
