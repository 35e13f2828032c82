"""Speaker resolution within one article: mentions -> entities, names and descriptions.

No coreference package works offline, so this is a small resolver of our own
over spaCy's parse and named entities. Who the article names is read first, once
(``cast.py``); each source mention is then resolved against that cast:

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
  spokesperson``) resolve to, through their role noun; a bare ``a spokesman``
  speaks for the named organization that is the subject of the sentence
  before ("The Home Office defended the measures. A spokesman said"; or "The
  agency …" standing for it), and ``a spokesperson for the department`` for the
  department the article named, by its name;
- he/she goes to the nearest earlier person of agreeing gender, searching back
  sentence by sentence and preferring a sentence's subject (a person named
  inside the quotation being attributed does not count: ``pronouns.py``);
  it -> organization, they -> either, from the speakers referred to so far;
- a definite description (``the minister``, ``the rookie defenceman``, ``the
  firm``, ``the judge`` for a Justice) goes to the most recent entity the article
  gave that description (apposition, title before the name) before it becomes an
  unnamed speaker, and to one named right after it only where no one before holds it;
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
from collections.abc import Callable
from itertools import takewhile

from spacy.tokens import Span, Token

from ..attribution.candidate import Candidate, Mention
from ..attribution.phrases import name_taken_for_another_word
from ..attribution.spans import token_offsets, unit_span
from ..model import Entity, Fragment, Speaker
from ..nlp import entities_in, entity_at
from ..text import DOUBLE_MARKS, Unit, without_bracketed_end
from .cast import Cast
from .descriptions import (
    after_a_role_word, after_honorific, apposition_of, described_as_a_person, description_of, fullest_description,
    hyphened_words, modifiers_of, names_something, organization_named_in, role_family, whole_organization, written,
)
from .gender import honorific_before, pronoun_gender, title_gender
from .mentions import (
    MEMBERS_FOR, a_places, agent, before_aside, carriers_source, clause_tokens, demonym_words,
    described_before, epithet, epithet_adjective, epithet_compound, gender_said_of, head_word, in_a_constituency,
    in_pieces, of_a_trade, of_someone_else, of_the_state, relative_antecedent, relative_clause_head, sentence_subject,
    spoken_with, where_held, without_aside_clause,
)
from .names import is_first_name
from .ner import (
    capitalised, capitalised_title, in_apposition_to_a_body, name_after_titles, name_run, name_the_ner_cut,
    named_after_a_role, named_like_a_person, party_or_club, person_inside, portfolio_then_name,
    title_taken_for_an_organization,
)
from .pronouns import Pronouns
from .registry import PersonMention, Referent, Registry, ends_in, is_demonym, is_title, org_key, says_who, settle_gender
from .sentences import Sentences
from .vocabulary import (
    AGE, AGE_EPITHETS, ALSO_CALLED, BODY_NOUNS, BUSINESS_NOUNS, CARRIERS, DEFINITE, DEGREE_TITLES, DETERMINERS,
    FRIENDS, GROUP_PRONOUNS, INDEFINITE, KIN, LEGAL_ENDINGS, MEDIA_WORDS, NAMING_NOUNS, NARROWING, NEVER_CALLED,
    NO_DESCRIPTION, OF_THE_CROWN, ORGANIZATION_HEADS, ORG_NOUNS, ORGANIZATION_NOUNS, OTHER_OFFICE, OUTLET_NOUNS,
    PARLIAMENT_MEMBERS, PARTY_MEMBERS, PARTY_WORDS, PEERAGE, PERSON_PRONOUNS, PLACE_ENTS, POLICE_FORCES, RELATIONS,
    RELATIVE_PRONOUNS, SENTENCE_LINKS, SPEAKING_FOR, STAKEHOLDERS, TEAM_WORDS, WRITERS_EPITHETS, is_person_noun,
    singular,
)


_COLON_NEXT = re.compile(r"\s*:")
_OF_CHILDREN = re.compile(r"\bof (?:two|three|four|five|six|seven|eight|nine|ten|\d+)$")
# how many sentences after a definite description ("the economy minister") the one person
# given those words may be named
_NAMED_AFTER = 2
# the nouns of those who speak for an organization: "a spokesman" speaks for the one just named
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# the public bodies a description may call by their kind alone, never their name's noun
_UNNAMED_BODIES = BODY_NOUNS - ORG_NOUNS | {"watchdog"}
# the outlet's own people, as its articles call them: "our correspondent"
_JOURNALISTS = frozenset("correspondent reporter editor".split())
# the sentences of an article's lede (with its headline), whose description of someone the
# body names anywhere further down
LEDE_SENTENCES = 2
# the nouns any business goes by, where a narrower one ("the carrier", "the bank") says which kind
_ANY_BUSINESS = frozenset({"company", "firm"})


class SpeakerResolver:
    """Resolves mentions of one article, in text order, against its cast."""

    def __init__(
        self, text: str, units: list[Unit], outlet: str | None, *,
        quoted: list[tuple[int, int]] = (), reported: Callable[[int], bool] = lambda position: False,
        speaking: list[tuple[int, int]] = (),
    ) -> None:
        """``quoted``: the spans inside quotation marks, whose he/she are the quoted speakers'.
        ``reported``: whether a position is inside a statement's content, whose people are what was said about.
        ``speaking``: the statements' source spans, whose people a he/she they quote is not."""
        self.text = text
        self.registry = Registry(outlet, text)
        self.sentences = Sentences(text)  # filled in as the cast reads the article
        self.cast = Cast(text, units, self.registry, self.sentences)
        self.pronouns = Pronouns(text, self.sentences, self.registry)
        # what each mention was resolved to (entity id, description): one subject of two cues
        # ("…, he claimed, saying he has …") is one person, whatever each cue's content leaves out
        self.resolved: dict[tuple[int, int], tuple[str | None, str | None]] = {}
        # the unnamed person each noun phrase introduced, by its head token (which keeps its Doc, so
        # no other takes its place): "A witness, who asked not to be named, said" is one witness,
        # whether read from "who" or from "A witness"
        self.introduced: dict[Token, Referent] = {}
        # the speaker of the latest statement not nested in another's (resolve_speakers sets it)
        self.last_speaker: Referent | None = None
        self.reported = reported
        self.pronouns.weigh_gender(units, list(quoted), list(speaking))
        self.pronouns.chain_subject_pronouns(units, list(quoted))

    def opens_sentence(self, candidate: Candidate) -> bool:
        """Whether a candidate's cue opens its sentence, but for a conjunction ("And continued:")."""
        if not candidate.cue:
            return False
        cue = min(candidate.cue)[0]
        return all(w.lower() in SENTENCE_LINKS for w in self.text[self.sentences.start(cue) : cue].split())

    def resolve(self, m: Mention | None, exclude=()) -> tuple[Referent | None, str | None]:
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
            # "Mr Blair has failed, he claimed" after Michael Howard's statement: a person named only
            # in what statements say yields to the speaker of the latest one
            base = m.start - span.start_char
            exclude = list(exclude) + spoken_with(span.root, base) + relative_clause_head(span.root, base)
            return self.pronouns.antecedent(
                m.start, pronoun_gender(words[0]), exclude, self.last_speaker, topics=self.reported), None
        if len(span) == 1 and words[0] in RELATIVE_PRONOUNS:
            antecedent = relative_antecedent(m)
            if antecedent is not None:
                return self.resolve(antecedent, exclude)
        if len(span) == 1 and words[0] in PERSON_PRONOUNS:
            # "I" outside a quotation is the writer of a first-person piece, whom the article names
            # (not "the only person" it describes: an unnamed person is no one's "I")
            return self.registry.latest(lambda e: e.type == "person" and e.name is not None), None
        if len(span) == 1 and words[0] == "it" and self.sentences.opens(m.start):
            # "Before now Microsoft has left the market … It said": the named body the sentence
            # before is about, not whoever spoke last ("Shares in Cairn fell. It said" is about none)
            here = self.sentences.index(m.start)
            about = self.subject_organization(here - 1, nouns=BUSINESS_NOUNS) if here > 0 else None
            if about is not None and about.name:
                return about, None
        if len(span) == 1 and words[0] in GROUP_PRONOUNS:
            latest = self.registry.latest(lambda e: e.type != "person" or words[0] in ("they", "who", "we"))
            if words[0] == "they" and latest is not None and latest.type == "person":
                # "they" is many: not the one person named last ("… said Travis Kalanick, and soon they
                # are all going to want a slice of it"), nor a body named before that person
                return None, None
            return latest, None
        demonym = demonym_words(span)
        if demonym is not None:
            # "the American": the writer's word for someone (``epithet``), no one's name nor a firm,
            # unless the article gave someone these words ("The 55-year-old Frenchman" after "… 55")
            described = self._described(span, words, m.start)
            return described or self.registry.unnamed("person", demonym), None
        # (or one the parse made a modal or an adverb: “…,” May wrote, for Brian May; "Rielly said")
        a_name = span.root.pos_ == "PROPN" or name_taken_for_another_word(span.root)
        if a_name and self.registry.person_by_surname(span.root.text) and not any(
            e.label_ in ("PERSON", "ORG") and len(e) > 1 for e in entities_in(span)
        ) and not in_apposition_to_a_body(span.root):
            # a surname the tagger did not mark as a name: "… ," Okafor said.
            run = name_run(span[: span.root.i - span.start + 1])
            name = " ".join(t.text for t in run) if run else span.root.text
            return self.registry.person(name, at=m.start, gender=honorific_before(self.text, m.start),
                                        said_of=gender_said_of(span.root)), None
        named = self._called_by_first_name(span, m.start)
        if named is not None:
            # "Tanya told CBC News" after "Tanya Kowalchuk", whatever the NER made of the word (a place, nothing)
            return named, None
        span = without_aside_clause(span)
        words = [t.lower_ for t in span]
        core = before_aside(span)
        if span.root.lower_ in ORGANIZATION_NOUNS and span.root.ent_type_ != "PERSON":
            # (a person's surname is no organization's noun: "Anna Court, a former champion")
            named = self._named_organization(span)
            if named is not None:  # "The firm, Paion, said": the apposition names it, not the last firm named
                return named, None
        described = self._described(core, [t.lower_ for t in core], m.start)
        if described is not None:
            return described, None
        if core.root.i == span.root.i and len(core) < len(span) and not entities_in(span):
            # "The MP, who is consulting his lawyers": described by the noun phrase, not the clause
            span, words = core, [t.lower_ for t in core]
        if role_family([span.root.lower_]) is not None:
            named = _name_beside_role(span)
            if named is not None:
                # "A spokesperson for Health Canada, Eric Morrissette,": the apposition names the person
                entity = self.registry.person(named.text, at=m.start + named.start_char - span.start_char)
                description = described_before(span, named, [span.root])
                entity.describe(description)
                return entity, description or None
            # "A spokesman for Castell & Ruiz" is a person described by an organization
            return self._unnamed(span, words, position=m.start), None
        # a named entity inside the mention: the head one, else a carrier's source; not one of
        # a clause that says what the head does ("A union representing … at US Airways")
        clause = clause_tokens(span)
        ents = [e for e in entities_in(span) if e.label_ in ("PERSON", "ORG") and capitalised(e)]
        ents = [e for e in ents if e.root.i not in clause and not title_taken_for_an_organization(e.root)
                and not _a_quoted_title(e)]
        head_ent = next((e for e in ents if e.root.i == span.root.i or span.root.i in range(e.start, e.end)), None)
        if ents and ents[-1].end == span.end and ents[-1].label_ == "PERSON" and in_pieces(span):
            # "wrote Greenfield vice-president Daniel Reyes" parsed as three subjects: the name
            # that ends the phrase is its head, as in any English noun phrase
            head_ent = ents[-1]
        if head_ent is None:
            # a head the NER left unlabelled: "FSIN Vice-Chief Heather Bear" is Heather Bear, not FSIN
            named = self._unlabelled_name(span, m.start)
            if named is not None:
                return named, None
        if not ents:
            named = self._named_by_apposition(span, m.start)
            if named is not None:
                return named, None
            source = carriers_source(span, m.start - m.span.start_char)
            if source is not None:
                # "A statement from the Prime Minister's Office said": the office, which the NER missed
                return self.resolve(source, exclude)
            author = self._author_before(span, words, m.start)
            if author is not None:
                # "The RCMP issued a news release … The release said": the RCMP's words
                return self.resolve(author, exclude)
            if self._statement_of_the_last_speaker(span, words, m.start):
                # "Mayor Jane Okafor said …. “…,” the statement read": the one statement the reader
                # knows of is that of whoever spoke last
                return self.last_speaker, None
            owner = self._owner(span, m.start - m.span.start_char, exclude)
            if owner is not None:
                return owner, None  # "her office said", as "Mayor John Tory's office said" is Tory's
            relative = self._relative(span, m.start - m.span.start_char, exclude)
            if relative is not None:
                return relative, None  # "her husband added", named with her before
            known = self._organization_written_out(span) or self._government_of(span)
            if known is not None:
                return known, None  # "Fosters said", the brewer named before, that the tagger took for a plural noun
            entity = self._unnamed(span, words, clause)
            return entity, None
        if head_ent is not None and head_ent.label_ != "PERSON":
            head_ent = named_after_a_role(span, ents) or head_ent
        chosen = head_ent or named_after_a_role(span, ents) or (
            ents[-1] if span.root.lower_ in CARRIERS or span.root.pos_ in ("NOUN",) else ents[0])
        chosen = person_inside(chosen) or chosen
        person = self.cast.names_a_person(chosen)
        if person:
            chosen = name_the_ner_cut(chosen)  # the name as the cast registered it (``Cast._collect``)
        if person and head_ent is None and of_someone_else(span, chosen):
            # "A close associate of former Yukos boss Mikhail Khodorkovsky": the name says whose
            return self._tied_to(span, chosen) or self._unnamed(span, words), None
        # (not one set off as the role's apposition: "The building's new owner, Capital Holdings Inc.," is the
        # firm; "A shareholder in US phone firm MCI", parsed so, is no MCI)
        named_so = (chosen.root.dep_ == "appos" and chosen.root.head.i == span.root.i and span.root.lower_ not in KIN
                    and chosen.start > 0 and chosen.doc[chosen.start - 1].text == ",")
        if head_ent is None and not person and span.root.tag_ == "NNS" and singular(span.root.text) in STAKEHOLDERS:
            # "MCI shareholders", "Arsenal fans": people with a stake in the organization, not it (which
            # its "officials" speak for)
            return self._unnamed(span, words), None
        if head_ent is None and not person and not named_so and (
                (span.root.text.islower() and _someone(span.root.lower_)) or span.root.lower_ in MEMBERS_FOR
                or capitalised_title(span.root)):
            # "Amnesty International's chief", "the chairman of the CRE", "the MP for Birkenhead",
            # "the Trade and Industry Secretary" (a title, capitalised): someone of the organization
            # or place, not it
            return self._named_by_apposition(span, m.start) or self._role_holder(span, words, m.start), None
        at = m.start + (chosen.start_char - span.start_char)
        if person:
            entity = self.registry.person(chosen.text, at=at, gender=honorific_before(self.text, at),
                                          said_of=gender_said_of(chosen.root))
        else:
            entity = self.registry.organization(whole_organization(chosen).text)
        description = description_of(chosen) if head_ent is not None else None
        noun = head_word(span)
        if person and head_ent is None and chosen.root.dep_ == "appos" and chosen.root.head in noun and (
                (noun[-1].is_lower and is_person_noun(noun[-1].lower_)) or is_title(noun[-1].text)
                or noun[-1].lower_ in RELATIONS):
            # "The firm's chief executive, John Smith,": the noun the name stands beside describes him
            description = described_before(span, chosen, noun)
        entity.describe(description)
        return entity, fullest_description(description, entity.descriptions)

    def _called_by_first_name(self, span: Span, position: int) -> Referent | None:
        """The one person named before whose first name is the mention's head, a name alone; not
        one the NER calls an organization unless the text gave that person a gender ("Sky has said" is
        no "Sky Plus" it took for a person)."""
        root = span.root
        if root.pos_ != "PROPN" or any(len(e) > 1 and e.start <= root.i < e.end for e in entities_in(span)):
            return None
        if (root.i > 0 and root.nbor(-1).pos_ == "PROPN") or (root.i + 1 < len(root.doc) and root.nbor().pos_ == "PROPN"):
            return None
        named = self.registry.called_by_first_name(root.text, at=position)
        if named is not None and root.ent_type_ == "ORG" and named.gender_evidence in (None, "name"):
            return None  # (but "Anjali said" after "Anjali Raman", whom the text calls a woman)
        return named

    def _unlabelled_name(self, span: Span, position: int) -> Referent | None:
        """A person's name the NER did not mark: "JAKE TAPPER:", "McCain challenger Kelli Ward".

        The capitalised words ending at the mention's head, titles set aside, are a
        person's name when they start with a known first name, are in capitals
        (a transcript's speaker), or end in a surname already known.
        """
        root = span.root
        if not root.text[:1].isupper() or root.lower_ in ORG_NOUNS or root.lower_ in MEDIA_WORDS:
            return None
        words = [t.text for t in name_run(span[: root.i - span.start + 1])]
        if not words:
            return None
        # a transcript's speaker ("JAKE TAPPER:"), not an acronym ("LSE said")
        shouting = all(w.isupper() and len(w) > 1 for w in words) and (
            len(words) > 1 or _COLON_NEXT.match(self.text, position + len(span.text)) is not None
        )
        if shouting:
            words = [w.capitalize() for w in words]
        known = self.registry.person_by_surname(words[-1])
        described = described_as_a_person(root)  # "Marisol, a mother of twins,"
        # "BP chief executive Lord Browne", "Dr Pouwelse": a capitalised title before the name
        first = root.i - len(words) + 1
        titled = first > span.start and root.doc[first - 1].is_title and is_title(root.doc[first - 1].text)
        if not (known or shouting or described or titled or (len(words) > 1 and is_first_name(words[0]))
                or after_a_role_word(span, root)):
            return None
        # the honorific inside the mention is before the name's first word: "Mr Hague, who …"
        named_at = position + root.doc[first].idx - span[0].idx
        entity = self.registry.person(" ".join(words), at=position, gender=honorific_before(self.text, named_at))
        if titled:
            # the title and what stands before it describe the person: "BP chief executive", "Maj.-Gen."
            # (not "Lord", "Dr": a peer's title, a degree)
            title = root.doc[first - 1]
            own = title.lower_.strip(".") not in NO_DESCRIPTION | DEGREE_TITLES | PEERAGE
            role = [t for t in root.doc[span.start : first - 1 + own] if t.lower_ not in DETERMINERS]
            entity.describe(" ".join(t.text for t in role) or None)
        if described:
            appos = apposition_of(root)
            phrase = root.doc[appos.left_edge.i + (appos.left_edge.lower_ in DETERMINERS) : appos.right_edge.i + 1]
            entity.describe(phrase.text)
        return entity

    def _named_by_apposition(self, span: Span, position: int) -> Referent | None:
        """"eighth seed Agassi" parsed as "seed" with "Agassi" in apposition: the name is the speaker; so
        is a name set off by commas after a capitalised title the NER saw none in ("The Shadow Secretary
        of State for the Family, Theresa May, said")."""
        root = span.root
        titled = capitalised_title(root)
        if not titled and (root.pos_ != "NOUN" or not root.text.islower() or not _someone(root.lower_)):
            return None
        doc = span.doc
        appos = next((c for c in root.children if c.dep_ == "appos" and c.i < span.end and (
            c.i == root.i + 1 or doc[c.left_edge.i - 1].text == ",")), None)
        if appos is None or appos.pos_ != "PROPN" or appos.ent_type_ == "NORP" or (
                appos.ent_type_ in PLACE_ENTS and appos.i != root.i + 1) or (
                appos.ent_type_ == "ORG" and not self.cast.names_a_person(entity_at(doc, appos.i))):
            # (not "The world's biggest tobacco consumer, China,": a country, no person; but "eighth seed
            # Agassi" is one, whatever the NER calls him, and so is "His friend, Saxon Spence," where the
            # cast reads the name as a person's)
            return None
        run = name_run(doc[appos.left_edge.i : appos.i + 1])
        if not run or (titled and not is_first_name(run[0].text)):
            return None
        start = position + run[0].idx - span[0].idx
        entity = self.registry.person(" ".join(t.text for t in run), at=start, gender=honorific_before(self.text, start))
        end = root.i + 1 if appos.i == root.i + 1 else appos.left_edge.i - 1
        entity.describe(doc[span.start + (span[0].lower_ in DETERMINERS) : end].text)
        return entity


    def _organization_written_out(self, span: Span) -> Referent | None:
        """The organization named by the very words of a capitalised mention that no entity covers:
        the one registered under them, word for word (not a part of its name nor its capitals), or,
        for two words or more, a new one ("according to Swiss Re", which the NER read as a people
        and a word).

        Not a role the NER once took for a body ("The MEP said", "MPs have urged": people, whom
        the epithet rules and the unnamed descriptions read), nor where a people is from."""
        words = [t.text for t in span]
        if not words or words[0].lower() in DETERMINERS or not all(w[:1].isupper() for w in words):
            return None
        if any(is_title(w) or is_title(w.removesuffix("s")) or is_person_noun(w.lower()) for w in words) or all(
                map(is_demonym, words)):
            return None
        key = org_key(span.text)
        known = next((e for e in self.registry.organizations if key and org_key(e.name or "") == key), None)
        if known is None and len(words) > 1 and all(t.pos_ in ("PROPN", "NOUN") for t in span) and not any(
                is_demonym(w) for w in words[1:]):
            # (names only: not a film's title, "Everything In This Country Must")
            return self.registry.organization(span.text)
        return known

    def _government_of(self, span: Span) -> Referent | None:
        """A place's government, named by it: "The Manitoba government" is the organization
        "Manitoba government", as the NER names "the Ontario government" (not "the federal
        government", no place's; not "the Liberal government", a party's)."""
        words = [t for t in span if t.lower_ not in DETERMINERS]
        if (len(words) < 2 or words[-1].lower_ != "government"
                or not all(t.ent_type_ == "GPE" and t.text[:1].isupper() for t in words[:-1])):
            return None
        return self.registry.organization(" ".join(t.text for t in words))

    def _by_text(self, m: Mention, exclude) -> Referent | None:
        """A mention the parse does not cover (it cuts a token): read from its words."""
        # (not a party and state in brackets after a name: "Sen. Ted Cruz (Tex.)")
        words = re.findall(r"[\w'’.-]+", without_bracketed_end(self.text[m.start : m.end]))
        if len(words) == 1 and pronoun_gender(words[0]) is not None:
            return self.pronouns.antecedent(m.start, pronoun_gender(words[0]), exclude, self.last_speaker)
        names = name_after_titles(words)
        if names and (self.registry.person_by_surname(names[-1]) or (len(names) > 1 and is_first_name(names[0]))):
            return self.registry.person(" ".join(names), at=m.start, gender=honorific_before(self.text, m.start))
        # "oil firm Yukos": the body the article named so, where its name ends the mention (not
        # "A Labour peer", "UKIP and RK-S", "New York library")
        named_last = bool(names) and words[-len(names):] == names
        known = self.registry.known_organization(" ".join(names)) if named_last else None
        if known is not None:
            return known
        while words and words[0].lower() in DETERMINERS:
            words = words[1:]
        if not words or (len(words) == 1 and words[0].lower() in PERSON_PRONOUNS | GROUP_PRONOUNS):
            return None  # a pronoun no parse resolved stays a bare mention, as it always did
        phrase = " ".join(words)
        if phrase[:1].isupper():
            # "Labour sees …": an organization the article names, or a party by its word
            known = self.registry.known_organization(phrase)
            if known is not None or party_or_club(phrase):
                return known or self.registry.organization(phrase)
        # "Union leaders fumed that …" in a paragraph the tagger read but no rule parsed: described by its words
        entity = self.registry.new("other", None)
        entity.describe(" ".join(words))
        return entity

    def _described(self, span: Span, words: list[str], position: int) -> Referent | None:
        """A definite or bare singular description the article gave a named entity before.

        "the minister" -> the person introduced as "Minister … Carolyn Bennett";
        "the firm" -> "the engineering firm Castell & Ruiz". An indefinite one ("a
        spokeswoman for X") introduces someone new, except in the lede, where "A
        judge has dismissed …" is the one person the body calls "judge"; a plural
        one is a group.
        """
        root = span.root
        if any(t.ent_type_ == "PERSON" and not in_a_constituency(t) and not _party_taken_for_a_person(t) for t in span):
            return None  # a name of its own: "the carmaker's chief executive Helmut Panke"
        if words[0] == "our" and len(span) == 2 and root.lower_ in _JOURNALISTS:
            return self._our_journalist(root.lower_, position)
        exact = (span[1:] if words[0] in DETERMINERS else span).text.lower()  # the words, without "the"/"a"
        if self.sentences.index(position) < LEDE_SENTENCES and words[0] not in DEFINITE and root.tag_ not in ("NNS", "NNPS"):
            # the lede's "A judge has dismissed …", "India's finance minister lashed out …": the
            # one person the article, further down, gives those very words ("… the judge, Letitia Clark");
            # ("the home secretary" is read as any definite description is, below, before the lede's)
            later = [e for e in self.registry.described_as(exact) if e.type == "person"]
            # (and a bare "a sheriff who says …" for the body's "Jefferson Parish Sheriff Harry Lee")
            bare = len(span) == 2 and words[0] in ("a", "an") and root.i == span.end - 1
            if not later and ((a_places(span) and is_person_noun(root.lower_)) or bare):
                # "Russia's president has defended …" for the body's "President Vladimir Putin": the
                # one person anywhere in the article holding that role (none where two do), every word
                # after the place's among their titles' ("Scotland's justice minister" is no First Minister)
                role_words = {t.lower_ for t in span if t.tag_ != "POS" and t.ent_type_ not in PLACE_ENTS
                              and t.lower_ not in DETERMINERS}
                later = [e for e in self.registry.entities if e.type == "person" and e.name
                         and root.lower_ in e.title_heads and role_words <= e.title_words]
            if len(later) == 1:
                return later[0]
        if words[0] in DEFINITE:
            # the very words the article described someone with: "the 19-year-old"
            same = [e for e in self.registry.described_as(exact) if e.mentioned_before(position) >= 0]
            if same:
                return max(same, key=lambda e: e.mentioned_before(position))
            # “…,” the economy minister said. “…,” said economy minister Heizo Takenaka: the one person
            # the next sentences give those very words, named right after the description; in the
            # lede, anywhere further down ("The home secretary has defended …" for the body's
            # "Home Secretary Charles Clarke")
            # (and anywhere, where a name or a possessor narrows the role down: "The Texas attorney
            # general said …" for "Greg Abbott, Texas attorney general," paragraphs later, "the men's
            # solicitor says" for "The men's solicitor, Louise Christian,")
            here = self.sentences.index(position)
            placed = any(t.i != root.i and (t.pos_ == "PROPN" or t.ent_type_ in PLACE_ENTS or (
                t.dep_ == "poss" and t.pos_ == "NOUN")) for t in span)
            exact_words = exact.split()
            # (an office of more than one word is as specific: "The home secretary said …" four
            # sentences before "Home Secretary Charles Clarke")
            reach = len(self.text) if here < LEDE_SENTENCES or placed or len(exact_words) > 1 else _NAMED_AFTER
            later = [e for e in self.registry.described_as(exact, from_anywhere=True) if e.type == "person" and e.mentions
                     and 0 < self.sentences.index(min(s for s, _ in e.mentions)) - here <= reach
                     and not _another_office(e, exact_words[-1], set(exact_words))]
            # (not where someone named before holds the role in those words: a definite description
            # looks back first, "Quebec Premier François Legault said … “…,” the premier said" is
            # his, not the Ontario premier's the next paragraph names)
            if len(later) == 1 and not self._holds_a_role_before(exact_words, position):
                return later[0]
            # an age the article gave someone, with a noun after it: "the 34-year-old mother"
            # for "Jane Doe, 34," (an age picks one person where a role noun could pick many)
            age = AGE.search(exact)
            if age is not None:
                same = [e for e in self.registry.entities if e.type == "person" and e.name
                        and e.mentioned_before(position) >= 0 and age.group() in (d.lower() for d in e.descriptions)]
                if len(same) == 1:
                    return same[0]
                if not same:
                    # an age the article gave no one: the writer's word for someone named just before,
                    # read as a pronoun would be (“…,” the 41-year-old said; "Winger Jonathan Huberdeau
                    # … echoed his captain. The 29-year-old said …"), never one of another age
                    def ageless(e: Referent | None) -> bool:
                        return e is not None and e.type == "person" and e.name is not None and not any(
                            AGE.search(d.lower()) for d in e.descriptions)

                    near = self.pronouns.antecedent(position, None, (), self.last_speaker, topics=self.reported)
                    return near if ageless(near) else self.registry.latest(ageless)
        if [w for w in words if w not in DETERMINERS] in (["police"], ["mounties"], ["force"], ["police", "force"]):
            # "Police said", "the police", "the force", "Mounties said": the police force the article
            # named ("Toronto Police Service", "RCMP")
            forces = [e for e in self.registry.organizations if e.mentioned_before(position) >= 0 and (
                "police" in org_key(e.name or "") or org_key(e.name or "") in POLICE_FORCES)]
            if forces:
                return max(forces, key=lambda e: e.mentioned_before(position))
        if words[0] in ("a", "an", "another") or root.tag_ in ("NNS", "NNPS") or root.pos_ not in ("NOUN", "PROPN"):
            return None
        if (root.ent_type_ in ("PERSON", "ORG") and not title_taken_for_an_organization(root)) or any(
                t.ent_type_ == "PERSON" and not in_a_constituency(t) for t in span):
            return None  # a name of its own
        # "Canada's top doctor": a place's possessive is as definite as "the country's"
        definite = words[0] in DEFINITE or a_places(span)
        if not definite and len(span) > 3:
            return None
        head = root.lower_
        # every word of the mention was said of the entity, its head as the head of a description
        # (words as descriptions are read: "co-chairman" one word, as the article's "Tory co-chairman" gave it)
        hyphened = hyphened_words(span)
        role = written(head_word(span))
        said = {w for w in map(written, hyphened)
                if w not in DETERMINERS and w.replace("-", "").isalpha()}

        def holds(e: Referent) -> bool:
            return (bool(e.name) and role in e.title_heads and e.mentioned_before(position) >= 0
                    and not _another_office(e, role, said))
        named = [e for e in self.registry.entities if holds(e) and said <= e.title_words]
        if not named and definite:
            # "the Ontario premier", "the country's top doctor" for the one person given that role:
            # words of place and rank narrow a role down, they name no other one
            # (not "the Scottish Executive", a name; not "the top seed" for the seventh seed)
            # (and a name: "the Easyjet founder" for "Founder Stelios Haji-Ioannou", the one founder)
            # and an adjective of the writer's own says more of that one person ("the rookie
            # defenceman" for "Defenceman Cale Makar"), where it sets no other one apart ("former")
            # (a capitalised title too: "The Indonesian Economics Minister" for "Economics Minister Aburizal Bakrie")
            narrowing = {written(word) for word in hyphened if any(
                t.ent_type_ in ("GPE", "NORP", "ORG") or t.lower_ in NARROWING
                or (t.i > span.start and names_something(t)) or epithet_adjective(t, root) for t in word
            ) or epithet_compound(word, root)}
            where = where_held(span)
            narrowing |= where
            # The holder's own words before the role must be in the mention, but for the names of
            # places, clubs and events where the mention gives only a party or a hyphened epithet of
            # its own ("the Democrat senator" for "New York Senator Charles Schumer", "the two-time
            # champion" for the "Olympic champion"; not "the Metropolitan police chief" for "Norfolk
            # police chief Andy Hayman", nor "the European champion" for the "world champion")
            holders = [e for e in self.registry.entities if e.type == "person" and holds(e)]
            if len(holders) == 1 and (root.is_lower or is_title(root.text) or title_taken_for_an_organization(root)):
                added = said - holders[0].title_words
                missing = modifiers_of(holders[0], role) - said
                # (a plain adjective may name a portfolio: "the foreign secretary" is not the Home one)
                # (and where it is held: "the MP for Sittingbourne" for "Labour MP Derek Wyatt")
                own = where | {written(word) for word in hyphened
                               if any(t.lower_ in PARTY_MEMBERS for t in word) or epithet_compound(word, root)}
                # (but one party's leader is not another's: "the Liberal leader" is no "NDP leader")
                rival = bool(added & PARTY_MEMBERS) and bool(missing & PARTY_MEMBERS)
                if added <= narrowing and not rival and (
                        not missing or (missing <= modifiers_of(holders[0], role, proper=True) and added <= own)):
                    named = holders
        if not named and words[0] in DEFINITE and head in NAMING_NOUNS:
            # "the department": the organization named with that word ("Department of Veterans Affairs"),
            # or one the noun also means ("the school" for "University of Calgary", "the province" for
            # "the Ontario government", never the federal one)
            for called in (head, *ALSO_CALLED.get(head, ())):
                named = [
                    e for e in self.registry.organizations
                    if called in org_key(e.name or "") and e.mentioned_before(position) >= 0
                    and said - {head} | {called} <= set(org_key(e.name or "")) | e.title_words
                    and not set(org_key(e.name or "")) & NEVER_CALLED.get(head, frozenset())
                ]
                if named:
                    break
        # "the software giant", "the oil firm": words of its trade say no more than the noun alone
        # which business is meant (not "the parent company", "the German exchange")
        kind_alone = len(said) == 1 or (head in BUSINESS_NOUNS and of_a_trade(span))
        if not named and words[0] in DEFINITE and head in ORGANIZATION_NOUNS and kind_alone:
            # "The Australian firm said" … "the firm added": the unnamed organization called so …
            named = [e for e in self.registry.entities if e.type == "organization" and e.name is None
                     and head in e.title_heads and e.mentioned_before(position) >= 0]
            bare = all(set(e.descriptions) <= {head} for e in named)
            # (never a business named for "the central bank", "the state carrier": a public one)
            if ((head in BUSINESS_NOUNS and bare) or (head in BODY_NOUNS and not named)) and not of_the_state(span):
                # … or the organization the article last named, none whose name says it is another
                # kind ("Unifor", not "Ford Motor Company", is "the union"); for a business called
                # by its noun alone, whichever came last ("the firm" in the lede before its name,
                # "Krispy Kreme said", "the company added"), while one the article described ("its
                # central bank", "a cross-party group") stays what "the bank", "the group" mean
                # ("group" may be either kind: "Multiplex Group" is "the firm"); never a person
                # the NER called an organization ("Ms Hodge" is no charity)
                # (and no business is "Kettering University", whose name says it is a university)
                kinds = (BUSINESS_NOUNS if head in BUSINESS_NOUNS else _BODIES) | {"group"}
                other = (NAMING_NOUNS if head in BUSINESS_NOUNS else ORG_NOUNS) | BUSINESS_NOUNS
                named += [e for e in self.registry.organizations if e.type == "organization"
                          and e.mentioned_before(position) >= 0 and not named_like_a_person(e)
                          and not (_kinds_named(e) & other - kinds)]
        if not named and words[0] in DEFINITE and head in BODY_NOUNS and len(said) > 1:
            # "the transit agency" for the "Toronto Transit Commission", "the health authority" for
            # "Alberta Health Services", "the federal agency" for "Statistics Canada": the public body
            # the article last named whose name holds each word but a level of government, and
            # whose name says it is no other kind ("Ford Motor Company" is no "federal agency")
            kinds = _BODIES | {"group"}
            named = [e for e in self.registry.organizations if e.type == "organization" and e.name
                     and e.mentioned_before(position) >= 0 and not named_like_a_person(e)
                     and said - {head} <= set(org_key(e.name)) | _LEVELS_OF_GOVERNMENT
                     and not (_kinds_named(e) & (ORG_NOUNS | BUSINESS_NOUNS) - kinds)]
            named = named and [max(named, key=lambda e: e.mentioned_before(position))]
        if not named and words[0] in DEFINITE and head in BODY_NOUNS and of_a_trade(span) and not of_the_state(span):
            # "the weather agency" for "Environment Canada", whose name holds no word of its trade: the
            # one organization the article named before whose name says it is no other kind, where it
            # named one (of two, no telling which)
            named = [e for e in self.registry.organizations if e.type == "organization" and e.name
                     and e.mentioned_before(position) >= 0 and not named_like_a_person(e)
                     and not (_kinds_named(e) & (ORG_NOUNS | BUSINESS_NOUNS) - _BODIES)]
            named = named if len(named) == 1 else []
        if not named and words[0] in DEFINITE and head in _KIND_OF_NAME and len(said) == 1:
            # "the party" for "The NDP", "the club" for "Sheffield United": the last one named, by
            # the words its kind of name ends in
            # (a team, too, by a nickname in the plural: "the team" for the "Winnipeg Jets")
            named = [e for e in self.registry.organizations if e.mentioned_before(position) >= 0
                     and (ends_in(e.name or "", _KIND_OF_NAME[head]) or (head in _CLUB_ENDINGS | {"team"}
                                                                        and _nicknamed(e)))]
        if not named and words[0] in DEFINITE and head in OUTLET_NOUNS and len(said) == 1:
            # "the paper says": the outlet the article last named ("Spanish daily ABC")
            named = [e for e in self.registry.organizations if e.type == "media" and e.mentioned_before(position) >= 0]
        if not named:
            return None
        lede = self.cast.lede_subject
        # (a body by its noun only where the name says it is one: "The Canadian Transportation Agency
        # fined Air Canada …" is "the regulator"; a firm inside the lede's subject is no "organisation")
        about = head in BUSINESS_NOUNS | {"group"} or (head in BODY_NOUNS and lede is not None and _kinds_named(lede) & _BODIES)
        if (about and kind_alone and lede in named
                and not any(e in self.registry.recent for e in named if e is not lede)):
            # none other spoke yet: the business the story is about, not the last one named on the
            # way ("German telecoms firm Deutsche Telekom saw …", then its unit, an analyst's bank)
            return lede
        if head in _ANY_BUSINESS and kind_alone:
            # a business that spoke before goes on speaking as "the company": not the unit or the
            # regulator named after it ("TimeWarner said … its internet business, AOL, … a probe by
            # the SEC … The company said"); a narrower noun ("the carrier") has its own kind to go by,
            # and a person the NER also took for an organization is no company
            people = {e.name for e in self.registry.entities if e.type == "person"}
            spoke = [e for e in named if e in self.registry.recent and e.name not in people]
            named = spoke or named
        return max(named, key=lambda e: e.mentioned_before(position))

    def _holds_a_role_before(self, words: list[str], position: int) -> bool:
        """Whether a person named before ``position`` was given a role in all these words
        ("Quebec Premier François Legault" for "premier")."""
        return any(e.type == "person" and e.name and words[-1] in e.title_heads and set(words) <= e.title_words
                   and e.mentioned_before(position) >= 0 for e in self.registry.entities)

    def _our_journalist(self, noun: str, position: int) -> Referent | None:
        """ "Our correspondent said": the outlet's journalist the article named before ("BBC labour
        affairs correspondent Stephen Cape"), the one of the outlet where it named several."""
        named = [e for e in self.registry.entities if e.type == "person" and e.name
                 and noun in e.title_heads and e.mentioned_before(position) >= 0]
        outlet = set(org_key(self.registry.outlet or "")) - {"news"}
        ours = [e for e in named if any(outlet & set(org_key(d)) for d in e.descriptions)]
        # (not another outlet's: "Guardian correspondent Tom Ealing" is no one's "our correspondent")
        others = {w for o in self.registry.organizations for w in org_key(o.name or "")} - outlet
        unclaimed = [e for e in named if not any(others & set(org_key(d)) for d in e.descriptions)]
        if len(ours) == 1 or (not ours and len(unclaimed) == len(named) == 1):
            return (ours or named)[0]
        return None

    def _role_holder(self, span: Span, words: list[str], position: int) -> Referent:
        """The person an organization's role noun stands for: "the Chester chairman".

        The person the article gave that role at that organization before
        ("Chester chairman Terry Smith"), else an unnamed person so described
        (one for each description: the second "Amnesty secretary-general" is the first).
        """
        head = span.root.lower_
        organization = {w for e in entities_in(span) for w in org_key(e.text)}
        named = [
            e for e in self.registry.entities
            if e.type == "person" and e.name and head in e.title_heads and organization & e.title_words
            and e.mentioned_before(position) >= 0
        ]
        if named:
            return max(named, key=lambda e: e.mentioned_before(position))
        if head in MEMBERS_FOR:
            # "the MP for Sittingbourne": the one MP the article named, as "the MP" would be
            described = self._described(span, words, position)
            if described is not None:
                return described
        return self.registry.unnamed("person", span[1:].text if words[0] in DETERMINERS else span.text)

    def _author_before(self, span: Span, words: list[str], position: int) -> Mention | None:
        """Who put out the statement a definite "the statement", "the release" stands for: the
        author of the latest one of that noun the article introduced, where it says whose
        ("X issued a statement", "X said in a news release", "a report by X", "X's letter")."""
        if len(span) > 3 or words[0] not in DEFINITE or span.root.lower_ not in CARRIERS:
            return None  # ("the statement released by …" says whose it is; ``carriers_source`` reads that)
        earlier = [author for at, noun, author in self.cast.authored if noun == span.root.lower_ and at < position]
        return earlier[-1] if earlier else None

    def _statement_of_the_last_speaker(self, span: Span, words: list[str], position: int) -> bool:
        """Whether "the statement", "her post" the article introduced nowhere before is the named
        speaker's who spoke last (a report or a study may be anyone's; a statement is a speaker's),
        of the possessive's gender."""
        noun = span[-1].lower_  # (the parse may make "her" the head of "her post read")
        if len(span) != 2 or noun not in _STATEMENTS:
            return False
        speaker = self.last_speaker
        if speaker is None or speaker.name is None:
            return False
        if words[0] not in DEFINITE:
            # a possessive that agrees: "its" an organization's, "his"/"her" a person's of that gender
            if words[0] == "its":
                return speaker.type == "organization"
            gender = pronoun_gender(words[0])
            return words[0] == "their" or (speaker.type == "person" and gender is not None
                                           and speaker.gender in (None, gender))
        return not any(at < position and written == noun for at, written, _ in self.cast.authored)

    def _named_organization(self, span: Span) -> Referent | None:
        """The organization a mention names beside its description ("Parmalat, the Italian food group …")."""
        named = organization_named_in(span)
        if named is None:
            return None
        name, description = named
        entity = self.registry.organization(name)
        entity.describe(description)
        return entity

    def _owner(self, span: Span, base: int, exclude) -> Referent | None:
        """The person whose office or campaign speaks ("her office said"): the one named person of
        that gender in the nearest sentence that names any (where two are near, a wrong owner would
        say more, and worse, than "her office" does)."""
        first = span[0]
        gender = pronoun_gender(first.text)
        if gender is None or first.dep_ != "poss" or first.head.i != span.root.i or span.root.lower_ not in SPEAKING_FOR:
            return None

        def agrees(e: Referent) -> bool:
            return e.type == "person" and e.gender in (None, gender)

        people = {id(e): e for e in self.pronouns.nearest_people(base + first.idx, agrees, reach=1, exclude=exclude)}
        if len(people) != 1:
            return None
        [owner] = people.values()
        return owner if owner.name else None

    def _tied_to(self, span: Span, named: Span) -> Referent | None:
        """Someone the article named as the tie to another it names: "Patel's wife said" after
        "Patel's wife, Anita Patel," (those very words); "Michael Jackson's mother" for "His
        mother Katherine Jackson" (a kin word and the surname, where one other person has both)."""
        if span[0].lower_ in DETERMINERS:
            span = span[1:]
        same = [e for e in self.registry.described_as(span.text.lower()) if e.type == "person"]
        if len(same) == 1:
            return same[0]
        kin = span.root.lower_
        if named[-1].tag_ == "POS":
            named = named[:-1]  # the NER may take the "'s" into the name
        surname = named[-1].lower_
        if kin not in KIN or not all(t.i < named.end or t.tag_ == "POS" or t.i == span.root.i for t in span):
            return None  # only "X's mother": "the mother of X's friend" is someone else
        family = [e for e in self.registry.entities if e.type == "person" and e.name and kin in e.title_heads
                  and e.name.split()[-1].lower() == surname and e.name.lower() != named.text.lower()]
        return family[0] if len(family) == 1 else None

    def _relative(self, span: Span, base: int, exclude) -> Referent | None:
        """The named relative a his/her and a kin word mean ("“We trusted them,” her husband added"
        after "Marc and Julie Bergeron" and her words): the one other person named before with the
        surname of the one the his/her refers to, of the kin word's gender where it has one, and
        given no other tie ("her son, Daniel Tran," is not "her husband")."""
        first = span[0]
        gender = pronoun_gender(first.text)
        if (len(span) != 2 or gender is None or first.dep_ != "poss" or first.head.i != span.root.i
                or span.root.lower_ not in KIN):
            return None
        position = base + first.idx
        possessor = self.pronouns.antecedent(position, gender, exclude, self.last_speaker, topics=self.reported)
        if possessor is None or possessor.type != "person" or len((possessor.name or "").split()) < 2:
            return None
        surname = possessor.name.split()[-1].lower()
        kin_gender = title_gender(span.root.text)
        relatives = [e for e in self.registry.by_surname.get(surname, ()) if e is not possessor and e.type == "person"
                     and len((e.name or "").split()) > 1 and e.gender in (None, kin_gender)
                     and not e.title_heads & KIN - {span.root.lower_} and e.mentioned_before(position) >= 0]
        return relatives[0] if len(relatives) == 1 else None

    def _unnamed(
        self, span: Span, words: list[str], clause: frozenset[int] = frozenset(), *, position: int | None = None
    ) -> Referent | None:
        """A described speaker: "A spokeswoman for the Sessions campaign", "The spokesperson".

        ``clause``: the tokens of a clause that says what the speaker does; a name in it
        names something else ("a union representing … US Airways" is no organization's name).
        ``position``: where a spokesperson's mention starts, for whom the sentence before says
        they speak.
        """
        content_words = [w for w in words if w not in DETERMINERS]
        if not content_words:
            return None
        family = role_family(words)
        definite = words[0] in ("the", "that", "this")
        if family is not None and definite:
            # (of the same gender, where the role word says one: "the spokeswoman" is no spokesman)
            gender = title_gender(span.root.text)
            earlier = self.registry.latest(lambda e: e.role == family and (gender is None or e.gender in (None, gender)))
            if earlier is not None:
                return earlier
        description_tokens = [t for t in span if not (t.i == span.start and t.lower_ in DETERMINERS)]
        description = span.doc[description_tokens[0].i : description_tokens[-1].i + 1].text if description_tokens else span.text
        # "A ministry spokesperson": a spokesperson for the organization the noun stands for
        kind = description_tokens[0] if len(description_tokens) == 2 else None
        kind = kind if kind is not None and _a_kind_of_body(kind, span.root) else None
        if position is not None and span.root.lower_ in _SPOKESPEOPLE and (description_tokens == [span.root] or kind):
            # "The Home Office defended the measures. A spokesman said": whose spokesman the sentence
            # before says, by its subject ("Saskatchewan's Ministry of Health said … A ministry
            # spokesperson said", where that subject is called so)
            body = self._subject_organization_before(position, called=kind.lower_ if kind is not None else None)
            if body is not None:
                description = f"{span.root.text} for {_as_written_inside(body.name)}"
        elif position is not None and family is not None:
            # "A spokesperson for the department": the department the article named, by its name
            spoken_for = self._body_spoken_for(span, position)
            if spoken_for is not None:
                phrase, body = spoken_for
                description = span.doc[description_tokens[0].i : phrase.start].text_with_ws + _as_written_inside(body.name)
        titled = is_title(span.root.text)  # "the Salford MP", "the Labour leader"
        if family is None and not titled:
            named = self._named_organization(span)
            if named is not None:
                return named
        if family is None and not titled and span.root.pos_ == "NOUN" and span.root.lower_ in _UNNAMED_BODIES:
            # "Quebec's language watchdog", "the City regulator": a kind of public body whatever place
            # is said with it, unnamed (no name of a body ends in these lowercase nouns)
            return self.registry.unnamed("organization", description)
        if family is None and not titled and (
            span.root.pos_ == "PROPN" or span.root.ent_type_ == "ORG" or span.root.lower_ in ORG_NOUNS
        ):
            if span.root.pos_ == "PROPN" or span.root.ent_type_ == "ORG" or any(
                names_something(t) for t in description_tokens if t.i not in clause
            ):
                return self.registry.organization(description)  # "Russia", "Exxon", "the Sessions campaign"
            # "the government", "the French government", "its central bank": a kind of body, named by
            # no word, is an unnamed organization of this article (the store merges names only, and
            # one "government" from every article would be the most quoted speaker of all)
            return self.registry.unnamed("organization", description)
        if family is None and party_or_club(description):
            return self.registry.organization(description)  # "Labour sees …", parsed as a common noun
        # one person, however described ("A lawyer for the family", "a close associate of …"); a
        # plural ("analysts"), a document ("the report") or a word no list knows stays "other"
        someone = span.root.tag_ == "NN" and span.root.lower_ not in ORGANIZATION_HEADS and (
            _someone(span.root.lower_) or span.root.lower_ in RELATIONS)
        if span.root not in self.introduced:
            self.introduced[span.root] = self.registry.new(
                "person" if family or titled or someone else "other", None, role=family)
        entity = self.introduced[span.root]
        entity.describe(description)
        return entity

    def _body_spoken_for(self, span: Span, position: int) -> tuple[Span, Referent] | None:
        """The named organization a role's definite "for the firm" ends on, and those words: the one
        the article gave that noun ("Health Canada approved the vaccine. A spokesperson for the
        department said" speaks for Health Canada); not a body named in the words themselves."""
        prep = next((c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if body is None or body.right_edge.i + 1 != span.end:
            return None
        named = self._organization_called(body, position - span.start_char)
        return (span.doc[body.left_edge.i : body.i + 1], named) if named is not None else None

    def _organization_called(self, noun: Token, base: int) -> Referent | None:
        """The named organization a definite noun phrase ending on an organization's noun ("the
        department", "The agency") stands for, as any definite description resolves (``base``: the
        article offset of the noun's parsed text); not one with a name in its own words."""
        phrase = noun.doc[noun.left_edge.i : noun.i + 1]
        # (a noun a body's name holds is one too: "a spokesperson for the city" of the "City of Winnipeg")
        if (noun.lower_ not in ORGANIZATION_NOUNS | NAMING_NOUNS or phrase[0].lower_ not in DEFINITE
                or any((t.ent_type_ or t.pos_ == "PROPN") and t.lower_ not in OF_THE_CROWN for t in phrase)):
            return None
        named = self._described(phrase, [t.lower_ for t in phrase], base + phrase.start_char)
        return named if named is not None and _a_named_body(named) else None

    def _subject_organization_before(self, position: int, called: str | None = None) -> Referent | None:
        """The named organization that is the main clause's subject of the sentence before the
        one at ``position`` ("The Justice Department refused to say if it would appeal. “…,” a
        spokeswoman said"; not "Shares in Cairn fell").

        ``called``: a noun the subject must be called by, in its name or as its head ("Winnipeg
        police", "The company" for a "police", a "company" spokesperson)."""
        here = self.sentences.index(position)
        return self.subject_organization(here - 1, called) if here > 0 else None

    def subject_organization(
        self, sentence: int, called: str | None = None, *, nouns: frozenset[str] | None = None
    ) -> Referent | None:
        """The named organization that is the main clause's subject of a sentence (by its index;
        an unparsed paragraph's subjects are not known), or the one its noun stands for (only
        one of ``nouns``, where given: "the company" is the business named before, "the
        government department" may be any public body)."""
        start, end = self.sentences.spans[sentence]
        unit = self.cast.parsed.holding(start, end)
        before = unit_span(unit, start, end) if unit is not None else None
        subject = sentence_subject(before) if before is not None else None
        if subject is None:
            return None
        if called is not None and subject.lower_ != called and called not in {t.lower_ for t in subject.subtree}:
            return None
        start, end = token_offsets(subject, unit.start)
        named = next((e for e in self.registry.organizations
                      if _a_named_body(e) and any(s <= start and end <= e_ for s, e_ in e.mentions)), None)
        if named is not None or (nouns is not None and subject.lower_ not in nouns):
            return named
        # (or its noun: "The agency earlier this month shut down … A spokeswoman said" is the FBI's)
        return self._organization_called(subject, unit.start)

    def speaker(
        self, m: Mention | None, exclude=(), *, speaking: bool = True, going_on: Referent | None = None,
        added: bool = False,
    ) -> Speaker | None:
        """The resolved speaker of a mention; ``speaking=False`` for an addressee or a relaying
        source, who is no later "it" or "they" (“…,” the Veltro Institute told Harbour Radio. “…,” it added).

        ``going_on``: the named person who spoke last; a definite description no one else was
        given is the writer's word for them where the cue continues their statement ("“…,” Idris
        Maelor told Harbour Radio. … The veteran midfielder added that …", ``added``) or they are
        the person the sentences just before are about (``_spoken_of_again``); else, where no one
        else spoke last, it is the one person the sentence before names as its subject
        (``_lone_person_before``).
        """
        if m is None:
            return None
        if (m.start, m.end) in self.resolved:
            entity_id, description = self.resolved[(m.start, m.end)]
            entity = self.registry.by_id[entity_id] if entity_id is not None else None
        else:
            entity, description = self.resolve(m, exclude)
        meant = None
        if added and self.last_speaker is not None and self._adds_to(self.last_speaker, m):
            entity, description = self.last_speaker, None  # "he added": who spoke last goes on
        elif entity is not None and (entity.name is None or not entity.mentions) and epithet(m):
            # (an entity without mentions was made from these very words: no one the article named)
            if going_on is not None and (added or self._spoken_of_again(going_on, m, exclude)):
                meant = going_on
            else:
                meant = self._lone_person_before(m, exclude)
                if going_on is not None and meant is not going_on and self._may_be_called(going_on, m):
                    meant = None  # someone else spoke last: the role may be theirs as well
        if meant is not None:
            words = without_aside_clause(m.span)[1:].text  # type: ignore[arg-type]
            heads = set(meant.title_heads)
            meant.describe(words)
            meant.epithet_heads |= meant.title_heads - heads
            entity, description = meant, words
        self.resolved[(m.start, m.end)] = (entity.id if entity is not None else None, description)
        fragment = Fragment.of(self.text, m.start, m.end)
        if entity is None:
            return Speaker(mention=(fragment,), description=None)
        if (m.start, m.end) not in entity.mentions:
            entity.mentions.append((m.start, m.end))
        entity.confirmed = True
        self.cast.complete_name(entity)  # a surname first met here, after the article was read
        if entity.type == "person" and entity.gender is None:
            # someone first met here ("a spokeswoman for …"): what the description says
            settle_gender(entity)
        if entity.type == "person" and _carried_on(entity, m) and not self.registry.person_mentioned_at(m.start):
            # a resolved he/she or description carries its person on: "He said he did not recall whether
            # the Clintons …", "the minister said … He said"; a passive's
            # agent ranks below its subject ("Scheer was asked about the tax by a reporter. He said …": Scheer's)
            rank = 1 if m.span is not None and agent(m.span.root.head) else 0
            self.registry.mention_person(PersonMention(m.start, entity, self.sentences.index(m.start), rank))
        elif entity.type == "person" and pronoun_gender(fragment.text) is not None:
            # the speaker's he/she, read with the statements in view, over the chain's first reading
            self.registry.refer_again(m.start, entity)
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
        if not (description and says_who(description)):
            description = next(iter(entity.shown_descriptions), None)
        return Speaker(
            mention=(fragment,), entity=entity.id, name=one_line(entity.name), description=one_line(description),
            gender=entity.gender, gender_evidence=entity.gender_evidence,  # type: ignore[arg-type]
        )

    def _spoken_of_again(self, person: Referent, m: Mention, exclude) -> bool:
        """Whether a definite role ("the foreign secretary") is the writer's word for the person
        who spoke last: a role noun no one was given, and that person the subject of the nearest
        sentence that names anyone ("…, Jack Straw said. The foreign secretary told MPs …").

        Not where another person was named since ("Tony Blair met Gordon Brown. The chancellor
        said …"), nor where the person was given a role (which ``_described`` reads: "the foreign
        secretary" is not "New Home Secretary Charles Clarke", "the Metropolitan police chief"
        not "Norfolk police chief Andy Hayman"), nor where the sentence names the person besides
        ("The former finance officer said Mr Ebbers knew").
        """
        if not self._may_be_called(person, m):
            return False
        # (a person named only in what was said is no one the writer goes on calling so: "Tony Blair
        # has failed, Michael Howard has said. … the Conservative leader said" is Howard)
        people = self.pronouns.nearest_people(
            m.start, lambda e: e.type == "person" and e.name is not None, reach=_NAMED_AFTER, exclude=exclude,
            topics=self.reported)
        return bool(people) and people[0] is person

    def _adds_to(self, person: Referent, m: Mention) -> bool:
        """Whether the he/she of a cue that goes on ("he added") is the named person who spoke
        last, mentioned in this sentence or the one before: "Gen Musharraf said al-Qaeda was "on the
        run". But standing next to Mr Blair he added that …" is Musharraf's, not Mr Blair's."""
        gender = pronoun_gender(self.text[m.start : m.end])
        if gender is None or person.type != "person" or not person.name or person.gender not in (None, gender):
            return False  # (an unnamed last speaker, "the French coach", is often one the he/she finds by name)
        latest = max((start for start, _ in person.mentions if start < m.start), default=None)
        return latest is not None and self.sentences.index(m.start) - self.sentences.index(latest) <= 1

    def _lone_person_before(self, m: Mention, exclude) -> Referent | None:
        """The one person the sentence before names, as its subject, where a definite role no one
        was given follows ("Britain's Paula Radcliffe has also not ruled out … “…,” the two-time
        champion said"; "Gordon Brown has delivered a speech. The chancellor said", the first
        sentence in a paragraph left unparsed, where a name that opens it is its subject): not
        a person named elsewhere in that sentence ("… where George Bush opposed it. But the Tory
        leader argued"); of two it names, only the one it is about, where the role may be no
        other's ("David Blunkett has spoken of his love for publisher Kimberly Quinn. The home
        secretary said")."""
        here = self.sentences.index(m.start)
        nearby = list(takewhile(lambda pm: pm.sentence >= here - 1, self.registry.person_mentions_before(m.start)))
        before = [pm for pm in nearby if pm.sentence == here - 1 and not any(a <= pm.start < b for a, b in exclude)]
        people = {id(pm.entity): pm.entity for pm in before}
        if len(people) > 1:
            # (its main clause's subject, or the name that opens an unparsed sentence)
            called = [p for p in people.values() if p.name and self._may_be_called(p, m)]
            about = {id(pm.entity) for pm in before if pm.main or pm.start in self.cast.unparsed_openings}
            people = {id(p): p for p in called} if len(called) == 1 and id(called[0]) in about else {}
        if len(people) != 1:
            return None
        [person] = people.values()
        # (an unparsed sentence's opening name is a weaker guess: not where the role's own
        # sentence names someone else before it, "When Lleyton Hewitt shook his hand, the Australian said")
        others = any(pm.sentence == here and pm.entity is not person for pm in nearby)
        subject = any(pm.rank == 0 or (pm.start in self.cast.unparsed_openings and not others) for pm in before)
        if not person.name or not subject or not self._may_be_called(person, m):
            return None
        return person

    def _may_be_called(self, person: Referent, m: Mention) -> bool:
        """Whether a definite role may be the writer's word for a person: a noun for people, a
        person the article gave no role of their own (anyone may be "the American"), not named
        again in the role's sentence."""
        role = written(head_word(m.span))  # type: ignore[arg-type]
        a_role = is_person_noun(role) or is_title(role)
        anyone = demonym_words(m.span) is not None or role in AGE_EPITHETS  # type: ignore[arg-type]
        # a parent's number of children is no office: "Lisa Moreau, 42," is "the mother of two"
        anyone = anyone or (role in KIN and _OF_CHILDREN.search(m.span.text) is not None)  # type: ignore[union-attr]
        # a member of a parliament holds their party's or government's role as well ("The Veritas
        # leader said … The MEP said"), though never a seat in another parliament
        anyone = anyone or (role in PARLIAMENT_MEMBERS and not person.title_heads & PARLIAMENT_MEMBERS - {role})
        # "The veteran coach" for "Head coach Darryl Sutter": the role they were given, said with their
        # own words or a writer's epithet ("the England coach" is no "Wales coach", "the foreign
        # secretary" no "Home Secretary"), of no other rank ("the chancellor" is no "Shadow chancellor")
        said = {t.lower_ for t in m.span[1:-1]}  # type: ignore[index]
        theirs = (role in person.title_heads and said <= person.title_words | WRITERS_EPITHETS
                  and not _another_office(person, role, said))
        if not anyone and not theirs and (not a_role or _has_a_role(person)):
            return False
        here = self.sentences.index(m.start)
        return not any(m.end <= start and self.sentences.index(start) == here for start, _ in person.mentions)

    def entity(self, entity_id: str) -> Referent | None:
        return self.registry.by_id.get(entity_id)

    def named_person(self, speaker: Speaker | None) -> Referent | None:
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
                Entity(entity.id, one_line(entity.name), entity.type,  # type: ignore[arg-type]
                       tuple(one_line(d) for d in entity.shown_descriptions), mentions,
                       entity.gender, entity.gender_evidence)  # type: ignore[arg-type]
            )
        return result


# the organizations a definite noun stands for, known by the words their names end in
_CLUB_ENDINGS = TEAM_WORDS | {"club"}
_KIND_OF_NAME = {"party": PARTY_WORDS | {"party"}, "club": _CLUB_ENDINGS, "team": _CLUB_ENDINGS}

# the nouns of the names of bodies a body noun may stand for ("the charity": the Disasters Emergency Committee)
_BODIES = BODY_NOUNS | frozenset({"committee", "council"})
# words that say which government a public body belongs to, no part of its name ("the federal agency")
_LEVELS_OF_GOVERNMENT = frozenset("federal provincial national municipal city regional local state government public".split())



def _name_beside_role(span: Span) -> Span | None:
    """The name of the person a role-family mention describes, where it gives one: in apposition
    ("A spokesperson for Health Canada, Eric Morrissette", "…, Dr Vancheshwar", an honorific
    making a name of what the NER left unlabelled) or ending it after a noun ("Shadow
    spokesman for sport Hugh Robertson"; not "A spokesman for Michael Howard", whose name
    follows a preposition: the person spoken for)."""
    for ent in entities_in(span):
        if ent.label_ == "PERSON" and (ent.root.dep_ == "appos" or portfolio_then_name(span, ent)):
            return ent
    for token in span:
        if token.dep_ == "appos" and token.pos_ == "PROPN" and not token.ent_type_:
            run = name_run(span.doc[token.left_edge.i : token.i + 1])
            if run and after_honorific(run[0]):
                return span.doc[run[0].i : token.i + 1]
    return None


def _someone(noun: str) -> bool:
    """Whether a lowercase noun stands for one person: what they are ("a witness", "her cousin"), or
    who they are to someone else ("His friend, Saxon Spence,", "a neighbour")."""
    return is_person_noun(noun) or noun in FRIENDS


def _a_named_body(entity: Referent) -> bool:
    """Whether an entity is an organization or outlet the article names."""
    return bool(entity.name) and entity.type in ("organization", "media")


def _a_kind_of_body(modifier: Token, noun: Token) -> bool:
    """Whether a word before a spokesperson says what kind of body they speak for: lowercase,
    an organization's noun ("a ministry spokesperson", "a police spokesman")."""
    return modifier.is_lower and modifier.dep_ == "compound" and modifier.head.i == noun.i and (
        modifier.lower_ in ORGANIZATION_NOUNS)


def _nicknamed(entity: Referent) -> bool:
    """Whether an organization's name ends in a team's nickname, a plural that is no kind of
    body: "Winnipeg Jets", "Toronto Maple Leafs" (not "Alberta Health Services")."""
    words = (entity.name or "").split()
    last = words[-1] if words else ""
    return (len(words) > 1 and last[:1].isupper() and last.endswith("s") and not last.endswith("ss")
            and not _kinds_named(entity) & (ORGANIZATION_NOUNS | NAMING_NOUNS | {"services", "systems", "industries"}))


def _kinds_named(entity: Referent) -> set[str]:
    """The words of an organization's name, which say what kind of body it is, a legal ending
    read as "company" ("Ford Motor Co. of Canada" is no union)."""
    words = set(org_key(entity.name or ""))
    return words | {"company"} if words & LEGAL_ENDINGS else words


def _as_written_inside(name: str) -> str:
    """An organization's name as a phrase around it writes it: "spokeswoman for the Justice
    Department", not "for The Justice Department"; "for the City of Winnipeg", whose "of" calls
    for a "the" the name, as it is kept, has lost."""
    if name.startswith("The "):
        return name[:1].lower() + name[1:]
    return "the " + name if re.match(r"[A-Z]\w* of ", name) else name


def _carried_on(entity: Referent, m: Mention) -> bool:
    """Whether a he/she after this mention may refer to its entity: a named one, and someone
    unnamed the article introduces ("A spokesman for Toho said … “…,” he added" is the
    spokesman's, not Toho's); not an unnamed "the prime minister", most often someone the
    article names in words the resolver does not link, whom the he/she after it finds."""
    if entity.name is not None:
        return True
    return entity.role is not None or (m.span is not None and m.span[0].lower_ in INDEFINITE)


def _party_taken_for_a_person(token: Token) -> bool:
    """A party the NER took for a person's name: "the Lib Dem spokesman"."""
    entity = entity_at(token.doc, token.i)
    return entity is not None and party_or_club(entity.text)


def _another_office(entity: Referent, role: str, said: set[str]) -> bool:
    """Whether the entity holds another office of the role's name, one the mention's words
    do not say: "the chancellor" is not "Shadow chancellor Oliver Letwin", "the home
    secretary" not "Shadow home secretary David Davis" (but "the shadow chancellor" is Letwin)."""
    return bool((modifiers_of(entity, role) & OTHER_OFFICE) - said)


def _a_quoted_title(ent: Span) -> bool:
    """Whether a named entity stands in quotation marks of its own: a title ("the co-author of
    “Going Viral,”"), no one who speaks."""
    doc = ent.doc
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = [t.text for t in doc[ent.end : ent.end + 2]]
    return before in DOUBLE_MARKS and any(t in DOUBLE_MARKS for t in after)


def _has_a_role(person: Referent) -> bool:
    """Whether the article gave a person a role: a title or description, not a courtesy
    title alone ("Mr Brown" is given none: "the chancellor" may still be his), nor a
    doctor's title, a degree more than an office ("Dr. Bonnie Henry said …" then "the
    provincial health officer said"; "the doctor" is hers all the same), nor a role they
    held once ("Ex-chatshow host Robert Kilroy-Silk …" then "The Veritas leader said"); an
    affiliation is one ("Nicolas Sarkozy of France" is not "the EU's monetary affairs commissioner")."""
    return person.affiliated or bool(person.title_heads - person.former_heads - NO_DESCRIPTION - DEGREE_TITLES)


# what a speaker puts out, which "the statement" may stand for though the article never said so
# (not "the message", "the e-mail": as often a thing the statement is about, "The message asks
# recipients to click on the attachment")
_STATEMENTS = frozenset({"statement", "release", "letter", "tweet", "post", "memo"})


def one_line(label: str | None) -> str | None:
    """A name or description as one line: it may span a line break in the text
    ("president\nPierre Peladeau"), but it is a label, not a span, so it must not."""
    return " ".join(label.split()) if label else label

