"""Names as the small NER model tags them, mended from the parse around them.

A name it cut short ("Raybould" of "Wilson-Raybould") or ran on ("Wendy Ide
of The Times"), a title or portfolio it took into an organization ("Health
Minister Jane Doe"), a name it missed after a role, and a capitalised word that
is a title, a party or a first name rather than a name of its own.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..nlp import LETTERS_AFTER_A_NAME
from .descriptions import hyphened_words, same_entity, written
from .names import is_first_name
from .registry import PORTFOLIO_JOINERS, Referent, club_or_party, is_demonym, is_title, name_after_portfolio
from .vocabulary import (
    CALENDAR_WORDS, COURTESY_TITLES, DETERMINERS, HONORIFICS, NOT_NAME_ENTS, ORGANIZATION_HEADS,
    OF_THE_CROWN, ORGANIZATION_NOUNS, PARTY_MEMBERS, PEERAGE, PLACE_ENTS, RELATIONS, ROLE_TITLES, SENTENCE_OPENERS,
    SUBJECT_DEPS, TITLE_WORDS, is_person_noun, title_word,
)


# what may follow a name to a mention's end: letters after it ("Peter Ainsworth MP", "Guy
# Mansfield QC"), a suffix ("Jr"), or "MPs" ("… and Labour MPs")
_POST_NOMINALS = LETTERS_AFTER_A_NAME | {"MPs", "Jr", "Sr"}


def named_after_a_role(span: Span, ents: list[Span]) -> Span | None:
    """The person whose name ends a mention after a role: "Association of Chief Police Officers
    president Chris Fox", "Chairman of the Environmental Audit Committee Peter Ainsworth MP" (the
    head the parse picks is the organization's first word or the capitalised role)."""
    last = ents[-1] if ents else None
    if last is None or last.label_ != "PERSON" or last.start == span.start:
        return None
    if any(not (t.is_punct or t.text.rstrip(".") in _POST_NOMINALS) for t in span.doc[last.end : span.end]):
        return None  # "the parents of Stefan Pakeerah and their lawyer": the name does not end it

    def role(token) -> bool:  # "Ms" says how someone is addressed, not what they are ("Mr Seifert with Ms Furse")
        return (is_person_noun(token.lower_) or is_title(token.text)) and token.text.rstrip(".") not in HONORIFICS

    first = next(t for t in span if t.lower_ not in DETERMINERS)
    return last if role(span.doc[last.start - 1]) or (first.i < last.start and first.is_title and role(first)) else None


def unnamed_or_misnamed(token) -> bool:
    """A word no entity holds, or that the NER alone took for another kind where a person's
    name would stand: a subject or a possessor."""
    if not token.ent_type_:
        return True
    return (token.ent_type_ in PLACE_ENTS | {"ORG", "NORP"} and token.ent_iob_ == "B"
            and (token.i + 1 == len(token.doc) or token.nbor().ent_iob_ != "I")
            and token.dep_ in SUBJECT_DEPS | {"poss"})


def party_or_club(phrase: str) -> bool:
    """A party or club named by its capitalised words alone ("Labour", "Rovers"; not "Labour and
    the Tories", two of them, nor "opposition Conservatives", a description)."""
    return club_or_party(phrase) and all(w[:1].isupper() for w in phrase.split())


def name_after_titles(words: list[str]) -> list[str]:
    """The words of the name in a mention read word by word: the first run of capitalised words
    after its last capitalised title ("New Jersey Gov. Chris Christie" is Chris Christie), of two
    words where there is one, opening with a first name where one does ("Vodafone spokesman Bob
    Smith", "Irish millionaires JP McManus and John Magnier"); without a title, the same over all
    its words ("Chris Christie, the governor")."""
    def title(word: str) -> bool:
        return word[:1].isupper() and title_word(word)

    def runs(part: list[str]) -> list[list[str]]:
        found: list[list[str]] = [[]]
        for word in part:
            if word[:1].isupper() and not title(word):
                found[-1].append(word)
            elif found[-1]:
                found.append([])
        return [run for run in found if run]

    last = max((i for i, w in enumerate(words) if title(w)), default=-1)
    candidates = runs(words[last + 1 :]) or runs(words)
    named = [run for run in candidates if len(run) > 1]
    # in order of preference; a place or employer before the name is a run of its own
    # ("Northern Ireland's James McIlroy"), so a run opening with a first name comes first
    for choice in ([run for run in named if is_first_name(run[0])], named, candidates):
        if choice:
            return choice[0]
    return []


def capitalised(ent: Span) -> bool:
    """Whether an entity is written as a name: the small NER also tags "a record 49-match unbeaten
    league run" a person and "tsunamis", "£100bn" organizations; and "the Crown corporation" "Crown",
    a capital that says whose a body is, not which."""
    head = ent.root.head
    if ent.text.lower() in OF_THE_CROWN and head.lower_ in ORGANIZATION_NOUNS and head.i != ent.root.i:
        return False
    return any(ch.isupper() for ch in ent.text)


def named_like_a_person(entity: Referent) -> bool:
    """Whether an organization's name opens with an honorific: a person the NER mistook ("Ms
    Hodge"), no "charity". (A name of no words, which stray marks can leave, opens with none.)"""
    return next(iter((entity.name or "").split()), "") in HONORIFICS


def in_apposition_to_a_body(name) -> bool:
    """Whether a name is set beside a firm's or a body's noun: "Ford, the US car company" is no
    Bill Ford named before."""
    return any(c.dep_ == "appos" and c.lower_ in ORGANIZATION_NOUNS for c in name.children)


def called_a_person(ent: Span) -> bool:
    """Whether a name stands right after a singular lowercase noun for a person, or in
    apposition to one: "boss" of "Worldcom boss Bernie Ebbers", "film-maker" of "film-maker
    George Lucas", "lawyer" of "The woman's lawyer, Dolores M Troiani"."""
    if ent.start == 0 or "&" in ent.text:
        return False  # (and "insurance broker Marsh & McLennan" is a firm)
    before = ent.doc[ent.start - 1]
    if ent.root.dep_ == "appos" and ent.root.head.i < ent.start:
        before = ent.root.head
    noun = written(hyphened_words(ent.doc[before.sent.start : before.i + 1])[-1])
    # (a sentence's first word is capitalised whatever it is, and tagged a proper noun there:
    # "Defenceman Morgan Rielly added a goal")
    opening = before.i == before.sent.start and before.is_title and before.tag_ in ("NN", "NNP")
    return (((before.pos_ == "NOUN" and before.tag_ == "NN" and before.is_lower) or opening)
            and (is_person_noun(noun) or noun in RELATIONS))


def person_after_portfolio(span: Span) -> Span | None:
    """The person's name that ends a span after a title and its portfolio, which the NER took
    for an organization or left out ("Health Leona Sarkis" of "Minister of Health Leona
    Sarkis"), and the parse's name run stopped at the "of" of: the name alone, as a person."""
    doc = span.doc
    first = span.start
    while first > max(span.sent.start, span.start - 8) and (
            doc[first - 1].text[:1].isupper() or doc[first - 1].lower_ in PORTFOLIO_JOINERS):
        first -= 1
    words = doc[first : span.end]
    if not any(t.lower_ in ("of", "for") for t in words):
        return None  # no portfolio: most spans, since every entity and name run of an article asks
    named = name_after_portfolio([t.text for t in words])
    if named <= 0 or first + named < span.start:
        return None  # (not "Hajdu" alone: the name is the span's, or longer)
    return Span(doc, first + named, span.end, label="PERSON")


def person_after_honorific(span: Span) -> Span | None:
    """The person an honorific names at the end of a span the NER read as one name: "the Foreign
    Policy Centre Mr Straw" (of "Speaking at the Foreign Policy Centre Mr Straw said"), "Tanzania
    Mr Brown": where someone spoke, run into who spoke, as a person from the honorific on."""
    # (a courtesy title only: "Dr Pepper" may end a firm's name)
    at = next((t.i for t in reversed(span[1:-1]) if t.text.rstrip(".") in COURTESY_TITLES and t.nbor().is_title), None)
    return None if at is None else Span(span.doc, at, span.end, label="PERSON")


def person_after_a_body(span: Span) -> Span | None:
    """A first name and surname ending a span after the party or union the NER ran into them:
    "The Lib Dems David Laws", "the public services union Unison Dave Prentis" (a word in no
    first-name list after the body's noun)."""
    if len(span) < 3 or not span[-1].is_title or not is_first_name(span[-2].text):
        return None
    body, before = span[-3], span.doc[span.start - 1] if span.start > 0 else None
    party = body.lower_ in PARTY_MEMBERS
    employer = (len(span) == 3 and before is not None and before.is_lower and before.lower_ in ORGANIZATION_NOUNS
                and not is_first_name(body.text, anywhere=True))
    return Span(span.doc, span.end - 2, span.end, label="PERSON") if party or employer else None


def person_inside(span: Span) -> Span | None:
    """The person's name that ends a span after words that are no part of it: a title and its
    portfolio, a party or body, or a place or body before an honorific."""
    return person_after_portfolio(span) or person_after_a_body(span) or person_after_honorific(span)


def capitalised_title(token) -> bool:
    """A title word written as one ("Secretary", "Minister"), which heads a role however the NER
    reads the words before it ("the Trade and Industry Secretary")."""
    return token.is_title and token.lower_ in TITLE_WORDS | ROLE_TITLES


# the words that end a name where the NER took in the person's paper, firm or town after it
_FROM_WHERE = frozenset({"of", "from", "at"})


def name_the_ner_cut(ent: Span) -> Span:
    """A person's name with the words the NER left out before its surname: the first part of a
    double-barrelled one ("Wilson-Raybould" of which it took "Raybould") and a first name in
    no list ("Navdeep Bains", "Gurratan Singh", of which it took the surname alone); or the surname
    after a first name it took alone ("Marc-André" of "Marc-André Fleury"); and without
    where the person is from, which it ran on into ("Wendy Ide of The Times" is Wendy Ide of the
    newspaper), a first and a last name before it."""
    doc, start, end = ent.doc, ent.start, ent.end
    where = next((t.i for t in ent[2:] if t.lower_ in _FROM_WHERE and t.is_lower
                  and all(w.pos_ == "PROPN" for w in doc[ent.start : t.i])), None)
    end = end if where is None else where
    while (start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
           and not doc[start - 2].whitespace_ and doc[start - 2].is_title and doc[start - 2].is_alpha):
        start -= 2
    words = [t for t in doc[start:end] if not t.is_punct and t.tag_ != "POS"]
    before = doc[start - 1] if start > 0 else None
    if (len(words) == 1 and before is not None and before.dep_ == "compound" and start <= before.head.i < end
            and not before.ent_type_ and before.is_alpha and _may_be_a_first_name(before)
            and (before.i == 0 or not _may_be_a_first_name(doc[before.i - 1]) or doc[before.i - 1].ent_type_)):
        start -= 1
    after = doc[end] if end < len(doc) else None
    if (after is not None and words and all(is_first_name(w.text) for w in words)
            and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end and after.ent_type_ in ("", "DATE")
            and after.is_alpha and after.lower_ not in CALENDAR_WORDS and _may_be_a_first_name(after)):
        # a first name alone, the surname it is a compound of left out: "Marc-André" of "Marc-André
        # Fleury" (the NER called "Fleury" a date)
        end += 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def _may_be_a_first_name(token) -> bool:
    """A capitalised word that is none of what else stands before a surname: a title or role, a
    party, a people, a month or a sentence's opening word."""
    word = token.lower_
    return (token.is_title and token.pos_ == "PROPN" and not is_title(token.text) and word not in ROLE_TITLES
            and not is_person_noun(word) and word not in PARTY_MEMBERS and not is_demonym(word)
            and word not in SENTENCE_OPENERS and word not in PEERAGE and token.text not in HONORIFICS)


def portfolio_then_name(span: Span, ent: Span) -> bool:
    """A full name ending a role-family mention right after the portfolio's noun: "Shadow
    spokesman for sport Hugh Robertson" (not "a spokesman for distributor Toho", whom the
    noun before calls a business, nor a spokesman "for Michael Howard")."""
    before = span.doc[ent.start - 1] if ent.start > span.start else None
    return (before is not None and ent.end == span.end and before.tag_ == "NN" and before.is_lower
            and not is_person_noun(before.lower_) and before.lower_ not in ORGANIZATION_HEADS
            and len(ent) > 1 and is_first_name(ent[0].text))


def title_taken_for_an_organization(token) -> bool:
    """The head of what the NER tagged as an organization is a title: "the MLA", "the NDP MLA"
    is someone, not a body named "MLA" (``token``: the head of the mention or of the entity)."""
    return token.ent_type_ == "ORG" and (is_title(token.text) or (
        # "the GM", "the Flyers GM": a team's general manager (where "GM said" is General Motors)
        token.text == "GM" and any(c.dep_ in ("det", "compound", "poss") for c in token.children)))


def name_run(tokens) -> list:
    """The capitalised tokens that end ``tokens``, titles set aside: a name's words."""
    run = []
    for token in reversed(tokens):
        if not token.text[:1].isupper() or token.is_punct or token.ent_type_ in NOT_NAME_ENTS:
            break  # "on Tuesday Mr Ebbers": a date is no first name
        if run and token.text.rstrip(".") in HONORIFICS:
            run.insert(0, token)
            break  # the name starts after its honorific
        if token.ent_type_ in ("ORG", "GPE", "NORP") and not same_entity(token, tokens[-1]):
            # "FSIN Vice-Chief Heather Bear": the organization before the name is no part of it;
            # a name the NER took for a place ("Simon Champion" as GPE) is still one name
            break
        run.insert(0, token)
    def title(token) -> bool:
        return title_word(token.text) or token.lower_ in ROLE_TITLES

    # the name starts after its last title: "The Attorney General Lord Goldsmith" is Goldsmith,
    # where a name of two words or a peer's title says so ("Fairford Coach Action" is no Action)
    last = max((i for i, t in enumerate(run[:-1]) if title(t)), default=-1)
    if last >= 0 and (len(run) - last > 2 or run[last].lower_ in PEERAGE):
        run = run[last + 1 :]
    run = [t for t in run if not title(t)]
    named = person_inside(run[0].doc[run[0].i : run[-1].i + 1]) if run else None
    if named is not None:
        run = list(named)  # "Minister of Health Patty Hajdu": the run stopped at "of", after the title
    # "The Lord Chief Justice": titles set aside, a sentence's capital "The" is no name
    return run if any(t.lower_ not in DETERMINERS for t in run) else []
