"""What the parse says around a name: its titles and appositions ("Trump campaign chief
operating officer Michael Glassner", "Marisol, a mother of twins"), the organization a
role belongs to, and which nouns can stand for a person."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span

from ..attribution.subjects import after_a_set_off_opening, split_description
from ..nlp import entity_at
from .gender import title_gender
from .names import is_first_name
from .vocabulary import (
    ABBREVIATED_TITLES, CALENDAR_WORDS, COURTESY_TITLES, DETERMINERS, HONORIFICS, KIN, NO_DESCRIPTION,
    ORGANIZATION_HEADS, ORGANIZATION_NOUNS, OUTLET_NOUNS, PEERAGE, POST_NOMINAL, RAW_STOP, RELATIONS, ROLE_FAMILIES,
    ROLE_TITLES, TITLE_WORDS, WHICH_ONE, WORDLIKE, ends_sentence, is_person_noun,
)
from .registry import Referent, is_title


# what a name the parse runs into a person's is, alone, never their role ("Labour's", a possessive, and
# "Conservative", a party, are)
_NOT_A_ROLE = frozenset({"ORG", "GPE", "LOC", "FAC", "DATE", "TIME"})
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "case", "punct")


def _modifies(token, start: int, end: int) -> bool:
    """Whether ``token`` (just before ``start``) is a pre-modifier of the name ending at ``end``; not
    a verb the parse made one ("Campese defended coach Andy Robinson": a past tense, or a
    participle right after the noun or pronoun that is its subject, where "the injured flanker"
    is a participle of the description's own)."""
    if token.dep_ == "amod" and (token.tag_ == "VBD" or (
            token.tag_ == "VBN" and token.i > 0 and token.nbor(-1).pos_ in ("NOUN", "PROPN", "PRON"))):
        return False
    return token.dep_ in _MODIFIER_DEPS and start - 1 <= token.head.i <= end and token.text not in ",()"


def modifiers_of(entity: Referent, head: str, *, proper: bool = False) -> set[str]:
    """The words before ``head`` in the entity's descriptions ("norfolk", "police" of "Norfolk
    police chief"), lowercased; ``proper``: only those written capitalised ("norfolk")."""
    words: set[str] = set()
    for description in entity.descriptions:
        for part in description.split(","):
            tokens = re.findall(r"[\w-]+", re.split(POST_NOMINAL, part.strip().lower())[0])
            written = re.findall(r"[\w-]+", part.strip())[: len(tokens)]
            if tokens and tokens[-1].strip(".") == head:
                words.update(t for t, w in zip(tokens[:-1], written) if not proper or w[:1].isupper())
    return words


def fullest_description(description: str | None, known: Iterable[str]) -> str | None:
    """A role at its fullest as the article gave it: "Secretary" of "Trade and Industry Secretary",
    "Change Minister" of "Environment and Climate Change Minister" (where the NER cut the title)."""
    if not description:
        return description
    words = description.lower().split()
    fuller = [d for d in known if len(d) > len(description) and d.lower().split()[-len(words):] == words
              and d.split()[0].lower() not in RAW_STOP]
    return max(fuller, key=len, default=description)


def _first_name_of(token) -> bool:
    """A capitalised first name (no title) the NER left out of the name after it."""
    return token.is_title and is_first_name(token.text) and not is_title(token.text)


def description_of(ent: Span) -> str | None:
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
            and title_gender(doc[start - 2].lower_) is None and doc[start - 2].lower_ not in RELATIONS):
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
    courtesy = ent[0].text.rstrip(".") in COURTESY_TITLES  # (the NER may take the "Mr" into the name)
    while end > start and (doc[end - 1].text.rstrip(".") in HONORIFICS or doc[end - 1].lower_ in PEERAGE):
        courtesy = courtesy or doc[end - 1].text.rstrip(".") in COURTESY_TITLES
        end -= 1  # "chief executive Lord Browne": the honorific is no part of the role
    if courtesy and end > start and (doc[end - 1].ent_type_ or doc[end - 1].lower_ in ("and", "or", "&")):
        end = start  # "told the BBC Mr Howard", "Mr Blair and Mr Brown": what stands before "Mr" is no role
    before = doc[start:end]
    if all(t.ent_type_ in _NOT_A_ROLE or t.lower_ in DETERMINERS for t in before) and not any(
            t.lower_ == "old" for t in before) and (
            doc[max(start - 1, 0)].lower_ in DETERMINERS or all(t.ent_type_ != "ORG" for t in before)):
        # "told the BBC Michael Howard", "on Wednesday Lord Woolf": an object or a day is no role (an
        # age, "62-year-old", the NER's date too, describes, and so does an employer: "group AVRO Pascal
        # Lemarne")
        end = start
    if all(t.pos_ == "PRON" or t.lower_ in WHICH_ONE for t in doc[start:end]):
        end = start  # which one, not what it is: "his Treasury", "the new Mini", "no other Boeing officials"
    if (end - 1 > start and ent.label_ == "PERSON" and doc[end - 1].pos_ == "PROPN" and doc[end - 1].is_title
            and not doc[end - 1].ent_type_ and not describes_someone(doc[end - 1].lower_)
            and doc[end - 1].lower_ != "executive" and describes_someone(doc[end - 2].lower_)):
        # "Founder Stelios" before "Haji-Ioannou": a first name no list knows is the name's too
        # (not a capitalised role word: "Chief Executive Martin Sorrell")
        end -= 1
    parts = []
    if start < end:
        parts.append(doc[start:end].text)
    appos = apposition_of(head, after=ent.end)
    if appos is not None and any(t.text in ":\"“”" for t in doc[ent.end : appos.left_edge.i + 1]):
        appos = None  # "Kelso boss Martin Adair: “We are …”": a quotation the parse hung off the name
    if appos is not None and appos.ent_type_ == "PERSON":
        appos = None  # "actress Sienna Miller, supermodel Claudia Schiffer": the next in a list of people
    if appos is not None and appos.pos_ != "PRON":  # "Tova Brennan, herself a former swimmer": no "herself"
        # up to a clause that says what the person is doing, not who they are ("Greg Abbott,
        # Texas attorney general announcing the legal action", "a researcher who studies …");
        # a participle or infinitive that makes the role keeps it ("actor famed for playing
        # gangsters", "first Indian woman to reach the third round")
        clause = min((c.left_edge.i for c in appos.rights if _doing(c)), default=appos.right_edge.i + 1)
        words = [t for t in doc[appos.left_edge.i : clause] if not t.is_punct or t.text in "&-"]
        while words and words[0].lower_ in DETERMINERS:
            words = words[1:]
        if words:
            final = words[-1].i
            while final + 2 < len(doc) and doc[final + 1].text == "-" and not doc[final].whitespace_:
                final += 2  # "the co-author", which the parse split into three appositions: all of the word
            parts.append(doc[words[0].i : final + 1].text)
    described = last = head.head
    if (head.dep_ == "appos" and described.dep_ == "pobj" and described.head.lower_ == "of"
            and described.i < ent.start and described.head.head.i < described.i):
        # "The mayor of Calgary, Naheed Nenshi,": the parse hangs the name off the place, not the role
        described = described.head.head
    # (a family tie too, where a role stands before the name: "His late brother, former Toronto mayor
    # Rob Ford," is both, and the tie says he is not whom "Ford said" means)
    # (a title the tagger took for a name too, where nothing follows it but the name: "Scottish Finance
    # Minister, Tom McCabe,"; not "The Secretary of State for Culture, Media and Sport, Tessa Jowell",
    # whose title these words would cut short)
    titled = (described.pos_ == "PROPN" and described.is_title and described.lower_ in TITLE_WORDS | ROLE_TITLES
              and all(c.dep_ in ("punct", "appos") for c in described.rights))
    if ((not parts or described.lower_ in KIN) and head.dep_ == "appos" and (described.pos_ == "NOUN" or titled)
            and described.i < ent.start and described.tag_ not in ("NNS", "NNPS")
            and described.left_edge.i < described.i
            and describes_someone(described.lower_)):
        # "The premier, Doug Ford, …": the name in apposition to the description before it
        words = [t for t in doc[described.left_edge.i : last.i + 1] if not t.is_punct]
        determined = bool(words) and words[0].lower_ in ("the", "a", "an", "his", "her", "their", "its")
        while words and words[0].lower_ in ("the", "a", "an", "his", "her", "their", "its"):
            words = words[1:]
        if words and (determined or doc[ent.start - 1].text == ","):
            # (and "Premier Jason Kenney's press secretary, Christine Myatt,": whose, too, where a
            # comma sets the name apart: "which keeper Petr Cech" is a misparse, no apposition)
            parts.append(doc[words[0].i : last.i + 1].text)
    # a list's dash ("- Kelso boss Martin Adair:") is no part of a description, a stray "m." none
    parts = [p.strip(" ,-–—•*") for p in parts]
    text = ", ".join(p for p in parts if WORDLIKE.search(p))
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    text = " ".join(words)
    text = text.strip(" \"“”‘’'")
    if not any(c.isalnum() for c in text) or text.lower().rstrip(".") in NO_DESCRIPTION:
        return None  # "Mr." says nothing of who someone is; "the premier" does ("Doug Ford, the premier")
    return text


# A capitalised title run right before a name: "Minister of Crown-Indigenous Relations Carolyn Bennett"
# (within one line: a headline's last word above "Prime Minister Justin Trudeau" is no title)
_TITLE_RUN = re.compile(r"((?:[A-Z][\w.-]*|of|for|and|the)(?:[^\S\n]+(?:[A-Z][\w.-]*|of|for|and|the))*)[^\S\n]+$")


# the words that make a run of capitalised words a title ("Coun." too)
_TITLES = TITLE_WORDS | frozenset(ABBREVIATED_TITLES)


def title_run_before(text: str, start: int) -> str | None:
    """The capitalised words right before a name, when one of them is a title or role."""
    match = _TITLE_RUN.search(text, max(0, start - 80), start)
    if not match:
        return None
    words = match.group(1).split()
    # "… at Novastream. Dr Johan Pouwelse": the run starts after the last sentence's end
    ends = [i for i, w in enumerate(words) if ends_sentence(w)]
    if ends:
        words = words[ends[-1] + 1 :]
    # "Finance Minister Caroline Mulroney and Health Minister Sylvia Jones", "Ms Jamieson and First
    # Minister Jack McConnell": the run starts after the person named before "and" (not "Minister of
    # Fisheries and Oceans Dominic LeBlanc")
    joined = [i for i, w in enumerate(words) if w in ("and", "or") and i >= 2
              and (is_first_name(words[i - 2]) or words[i - 2].rstrip(".") in HONORIFICS)]
    if joined:
        words = words[joined[-1] + 1 :]
    # "On Wednesday Prime Minister …", "Both Culture Secretary …": a day or a "both" ends no title
    openers = [i for i, w in enumerate(words) if w.lower() in CALENDAR_WORDS or w.lower() == "both"]
    if openers:
        words = words[openers[-1] + 1 :]
    honorifics = [i for i, w in enumerate(words) if w.rstrip(".") in HONORIFICS or w.lower() in PEERAGE]
    if honorifics:
        # "Speaking in Harrogate Mr Kennedy", "on Wednesday Lord Woolf": the place or day is no title
        words = words[honorifics[-1] :]
    while words and (words[0].lower() in RAW_STOP or words[0].lower() in DETERMINERS):
        words = words[1:]
    if not words or not any(w.lower().strip(".") in _TITLES or w.lower() in ROLE_TITLES for w in words):
        return None
    return " ".join(words)


def hyphened_words(span: Span) -> list[list]:
    """The span's tokens grouped into written words: "co", "-", "chairman" is one word."""
    words: list[list] = []
    for token in span:
        if words and not words[-1][-1].whitespace_ and (token.text == "-" or words[-1][-1].text == "-"):
            words[-1].append(token)
        else:
            words.append([token])
    return words


def written(word: list) -> str:
    """A written word's tokens as one lowercase word: "co-chairman"."""
    return "".join(t.lower_ for t in word)


def noun_before(ent: Span) -> str | None:
    """The common noun phrase right before a name: "the engineering firm Castell & Ruiz",
    "rookie defenceman Ada Lovell" (a description even where the parse does not link it)."""
    doc = ent.doc
    start = ent.start
    # a hyphened word is one: "film-maker", "man-of-the-match", not "maker"
    before = hyphened_words(doc[doc[ent.start - 1].sent.start : ent.start]) if ent.start else []
    for word in reversed(before):
        if word[-1].pos_ not in ("NOUN", "ADJ") or word[-1].ent_type_:
            break
        start = word[0].i
    if start == ent.start or doc[ent.start - 1].pos_ != "NOUN" or doc[ent.start - 1].tag_ == "NNS":
        return None  # (a plural is no one's description: "… across poorer regions Maria Lund will argue")
    clause, noun = ent.root.head, doc[ent.start - 1]
    if (ent.root.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "relcl" and clause.head.i == noun.i
            and not describes_someone(noun.lower_) and noun.lower_ not in ORGANIZATION_NOUNS
            and not any(c.dep_ == "compound" for c in noun.children)):
        # the noun a clause with the name as its subject is on: "the way Chelsea have reacted" (not a
        # role or a kind the parse made so: "Their coach John Kirwan has warned …", "The communications
        # watchdog Ofcom could hand over …")
        return None
    role = doc[start - 2] if start >= 2 else None
    if (role is not None and ent.label_ == "PERSON" and doc[start - 1].lower_ in ("of", "for") and is_person_noun(role.lower_)
            and role.lower_ not in RELATIONS and not describes_someone(doc[ent.start - 1].lower_)):
        # "Director of television Jana Bennett": the run completes the role before it (not "lawyer
        # for former minister John Roe", where the run is a role of its own, someone else's)
        start = role.i
    elif (noun.dep_ == "pobj" and noun.head.lower_ != "with" and ent.root.dep_ in ("nsubj", "nsubjpass")
          and noun.head.head.i == ent.root.head.i):
        # "In fact Tom Smith said", "At the meeting Tom Smith said": a phrase of the name's clause
        # that ends where the name begins, not a word for the person (but "With captain Gareth
        # Thomas ruled out": "with" hangs the name's own clause off its role)
        return None
    return doc[start : ent.start].text


PREDICATE_WORDS = 8


def predicate_of(ent: Span) -> str | None:
    """What a copula says the name is: "Bennett is the minister responsible for …" -> "minister
    responsible for …"; or the role the name's verb has it in (``_role_held``)."""
    root = ent.root
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        attr = next((c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        words = list(attr.subtree) if attr is not None else []
    else:
        words = _role_held(root)
    tokens = [t for t in words if not t.is_punct][:PREDICATE_WORDS]
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    return " ".join(t.text for t in tokens) or None


def _role_held(name) -> list:
    """The words of the role a name's verb has it in: "Blunkett quit as home secretary",
    "Calder, who served as finance minister," -> "home secretary", "finance minister".

    Not where the verb has an object, whom the role is said of ("Blair described Brown as a
    friend"), nor a time of life ("as a teenager": a role is held without "a"); the role and
    whose it is, not what the clause goes on with ("partner in a firm following criticism").
    """
    verbs = [c for c in name.children if c.dep_ == "relcl"] + ([name.head] if name.dep_ == "nsubj" else [])
    for verb in verbs:
        if any(c.dep_ in ("dobj", "dative") for c in verb.children):
            continue
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            for noun in prep.children:
                if (noun.dep_ == "pobj" and noun.pos_ == "NOUN" and (is_person_noun(noun.lower_) or is_title(noun.text))
                        and not any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in noun.children)):
                    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    return list(noun.doc[noun.left_edge.i : (of.right_edge if of is not None else noun).i + 1])
    return []


_OLDEST = 120


def an_age(number: str) -> bool:
    """Whether a number after a name is its age: "Joan Lee, 45," (not a year: "said Mr Hogan, 2004 saw …")."""
    return number.isdecimal() and int(number) < _OLDEST


def affiliation_of(ent: Span) -> str | None:
    """Who a person speaks for or how old they are, right after the name:
    "Julie Courchesne of the RCMP" -> "of the RCMP"; "Rasmus Sandin, 19," -> "19-year-old"."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 2]
    if len(after) == 2 and after[0].text == "," and an_age(after[1].text):
        return f"{after[1].text}-year-old"
    if len(after) >= 1 and after[0].lower_ in ("of", "with", "at", "from"):
        after_of = (entity_at(doc, ent.end + 1), entity_at(doc, ent.end + 2))
        org = next((e for e in after_of if e is not None and e.start in (ent.end + 1, ent.end + 2) and e.label_ in ("ORG", "GPE")), None)
        if org is not None:
            return doc[ent.end : org.end].text
    return None


def after_a_role_word(span: Span, root) -> bool:
    """"eighth seed Agassi", "striker Rooney": one name after a lowercase word that describes a person."""
    if root.i == span.start or root.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "PRODUCT"):
        return False
    before = root.doc[root.i - 1]
    return before.pos_ == "NOUN" and before.text.islower() and before.dep_ == "compound" and is_person_noun(before.lower_)


def describes_someone(noun: str) -> bool:
    """A noun that says who someone or some body is: a role, a title, a kind of organization (not "the story")."""
    return (is_person_noun(noun) or is_title(noun) or noun in ORGANIZATION_NOUNS or noun in OUTLET_NOUNS
            or noun in ORGANIZATION_HEADS)


def _capitalised_word(doc, i: int) -> bool:
    return i < len(doc) and doc[i].is_alpha and doc[i].text[:1].isupper()


def whole_organization(ent: Span) -> Span:
    """An organization's name where the NER cut it short: "the Public Health Agency" + "of Canada",
    "The Department of Fisheries and" + "Oceans", "the Office of the" + "Deputy Prime Minister"."""
    doc = ent.doc
    end = ent.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_iob_ == "B" and doc[end + 1].ent_type_ == "GPE":
        end += 1
    elif end < len(doc) and ent[-1].lower_ in ("and", "of", "for") and doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "ORG":
        pass
    elif ent[-1].lower_ in ("and", "of", "for", "the") and _capitalised_word(doc, end):
        # "the Office of the" + "Deputy Prime Minister": capitalised words no entity holds
        while _capitalised_word(doc, end):
            end += 1
        return doc[ent.start : end]
    else:
        return ent
    end += 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[ent.start : end]


def organization_named_in(span: Span) -> tuple[str, str | None] | None:
    """The name and description of an organization that a mention names beside a description
    the NER did not separate: "Parmalat, the Italian food group …", "Rival local club Manchester
    City", "The firm, Paion". None when the mention is a name alone or holds no name."""
    root = span.root
    doc = span.doc
    if root.pos_ == "PROPN" and root.text[:1].isupper():
        name_root, role = root, None
    elif root.lower_ in ORGANIZATION_NOUNS:
        # "The firm, Paion": the name in apposition to the kind of body (a word the tagger may take
        # for a common noun, capitalised)
        name_root = next((c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.i < span.end
                          and c.pos_ in ("PROPN", "NOUN") and c.text[:1].isupper()), None)
        if name_root is None:
            return None
        first = span.start + (span[0].lower_ in DETERMINERS)
        role = doc[first : root.i + 1].text
    else:
        return None
    start, end = name_root.i, name_root.i + 1
    while start > span.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    entity = entity_at(doc, name_root.i)
    if entity is not None and entity.label_ in ("ORG", "FAC") and entity.end <= span.end:
        # "The Bank of England, the UK's central bank": the name goes on past its head (a title
        # the NER ran on does not: "In its report - MTV Smut Peddlers: … - the PTC said")
        end = max(end, entity.end)
    if role is None:
        before = [t for t in doc[span.start : start] if t.lower_ not in DETERMINERS]
        appos = next((c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.i < span.end
                      and c.pos_ == "NOUN"), None)
        if appos is not None:
            words = [t for t in doc[appos.left_edge.i : min(appos.right_edge.i + 1, span.end)]
                     if not (t.i == appos.left_edge.i and t.lower_ in DETERMINERS)]
            role = doc[words[0].i : words[-1].i + 1].text.strip(" ,") if words else None
        elif before and any(t.is_lower for t in before) and any(t.pos_ == "NOUN" for t in before):
            role = doc[before[0].i : before[-1].i + 1].text  # "Rival local club"
        else:
            return None  # a name alone ("the Sessions campaign" stays whole)
    return doc[start:end].text, role or None


def names_something(token) -> bool:
    """A word of a name, not of a description: "Exxon", "Ministry" in "Ministry of Communications",
    not "the", "government" or the "Ontario" of "the Ontario government" (an adjective is no PROPN)."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in ("GPE", "LOC")


def after_honorific(token) -> bool:
    """Whether an honorific or a peer's title stands right before a token: "Mr Ebbers", "Dr. Pouwelse",
    "Lord Callaghan" (which the NER may leave out of a person's name after a fronted clause)."""
    if token.i == 0:
        return False
    before = token.nbor(-1)
    return before.text.rstrip(".") in HONORIFICS or (before.is_title and before.lower_ in PEERAGE)


def apposition_of(token, after: int | None = None):
    """The head of a name's apposition (at token index ``after`` or later): "Michelle, a mother of twins",
    or the description the parse split off as a second subject (``split_description``)."""
    after = token.i + 1 if after is None else after
    appos = next((c for c in token.children if c.dep_ == "appos" and c.i >= after), None)
    if appos is not None and (any(c.dep_ in ("nsubj", "nsubjpass") for c in appos.children) or (
            _after_a_set_off_cue(token) and not _closed_by_a_comma(appos))):
        # what was said, not who said it: a clause with a subject of its own ("By contrast, said Ms
        # Hill, the new code spreads …"), or the subject of one the parse took for an apposition
        # ("Often, said Mr Pearson, this information was …"; not "…, the bank's chief, …")
        return None
    return appos if appos is not None else split_description(token)


def _after_a_set_off_cue(name) -> bool:
    """Whether a name follows a cue set off by a comma after what opens its sentence: "Often, said
    Mr Pearson" (not "Sales fell, said Kurt Karl, economist at Swiss Re", whose apposition
    describes him)."""
    first = name.left_edge.i
    return first > 0 and after_a_set_off_opening(name.doc[first - 1])


def _closed_by_a_comma(phrase) -> bool:
    end = phrase.right_edge.i + 1
    return end < len(phrase.doc) and phrase.doc[end].text == ","


def _doing(clause) -> bool:
    """A clause on a noun that says what someone is doing: a relative clause or an "-ing" one, not
    an infinitive (which the parse also calls a relative clause) nor a past participle."""
    if clause.dep_ == "acl":
        return clause.tag_ == "VBG"
    return clause.dep_ == "relcl" and not any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def described_as_a_person(token) -> bool:
    """Whether a name's apposition calls it a person: "Michelle, a mother of twins"."""
    appos = apposition_of(token)
    return appos is not None and appos.text.islower() and is_person_noun(appos.lower_)


def same_entity(a, b) -> bool:
    """Whether tokens ``a`` and ``b`` (a before b) lie in one named entity."""
    doc = a.doc
    return bool(a.ent_type_) and all(
        doc[i].ent_type_ == a.ent_type_ and (i == a.i or doc[i].ent_iob_ == "I") for i in range(a.i, b.i + 1)
    )


def role_family(words: list[str]) -> frozenset[str] | None:
    for word in words:
        for family in ROLE_FAMILIES:
            if word in family:
                return family
    return None
