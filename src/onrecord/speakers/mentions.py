"""What the parse says of a speaker's mention, before any entity is chosen for it.

The clauses inside it ("Jet, which was founded by …") and what it is of ("a close
associate of Mikhail Khodorkovsky"), whether it is the writer's word for someone
("the veteran midfielder", "the American"), whose statement or report it names
("a statement from the Prime Minister's Office"), and how salient its name is
for a he or she after it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..attribution.candidate import Mention
from ..attribution.cues import cue_lemma
from ..attribution.spans import tokens_offsets
from ..nlp import entities_in
from .descriptions import hyphened_words
from .gender import pronoun_gender
from .names import is_first_name
from .ner import capitalised_title, title_taken_for_an_organization
from .registry import IN_A_CLAUSE, is_title
from .vocabulary import (
    CARRIERS, DEMONYMS, DETERMINERS, HONORIFICS, NO_DESCRIPTION, OF_THE_CROWN, PARLIAMENT_MEMBERS, PLACE_ENTS,
    RELATIONS, RELATIVE_PRONOUNS, SUBJECT_DEPS, is_person_noun, singular,
)


# the participles of a clause naming whom a subject spoke with (``spoken_with``)
_SPEAKING_WITH = frozenset("speaking talking writing appearing".split())


# the verbs of saying a one-word name says "he …" with (``says_he_or_she``)
_SAYING = frozenset("say tell add claim insist argue explain note warn write".split())


def salience(token) -> int:
    """How salient a mention is as a later pronoun's antecedent, from its role in the clause.

    A name inside a clause that modifies a noun ("The government, led by Justin Trudeau,")
    or that modifies one itself ("an Oscar nomination") is the least salient: ``pronouns``
    looks past it for a person named as the story's subject.
    """
    if any(t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN") for t in token.ancestors):
        return IN_A_CLAUSE
    modifier = token
    while modifier.dep_ == "conj":
        modifier = modifier.head
    if modifier.dep_ in ("compound", "nmod") and modifier.head.pos_ == "NOUN" and modifier.head.is_lower:
        # a name that says what kind a thing is ("an Oscar nomination", "a Linux or Mac version")
        # is no one the story is about
        return IN_A_CLAUSE
    if token.dep_ in SUBJECT_DEPS or (token.dep_ == "appos" and token.head.dep_ in SUBJECT_DEPS):
        return 0
    return 2 if token.dep_ == "poss" else 1


def main_subject(token) -> bool:
    """Whether a name is the subject of its sentence's main clause (or that subject's apposition):
    who the sentence is about, not the subject of a clause inside it ("… were able to watch
    George W Bush slug it out")."""
    if token.dep_ == "appos":
        token = token.head
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return token.dep_ in SUBJECT_DEPS and verb.dep_ == "ROOT"


# the clauses that modify a noun: "which was founded by …", "led by …", "representing …"
_CLAUSE_DEPS = frozenset({"relcl", "acl"})


# who is "for" a place: "the Labour MP for Birkenhead", "Senator for Queensland"
MEMBERS_FOR = PARLIAMENT_MEMBERS | frozenset("member senator councillor representative congressman congresswoman".split())


# what sets a clause off from its noun as an aside
_ASIDE_MARKS = frozenset({",", "-", "–", "—", "("})


# a clause that names its noun ("a man called Thomas Eyton") is no aside
_NAMING_VERBS = frozenset(
    "call called name named dub dubbed nickname nicknamed know known title titled entitle entitled".split()
)


# what a survey, report or set of figures says is its author's ("A survey conducted by PC Pro
# Magazine"), named in the clause's agent; the carriers' own words say so in their phrase
_AUTHORED = CARRIERS | frozenset(
    "figures numbers findings research statistics data table estimate calculations leaflet book paper "
    "message ranking index".split()
)


def sentence_subject(sentence: Span) -> Token | None:
    """The subject of a sentence's main clause (its root's), if the parse gives one."""
    return next((t for t in sentence.root.children if t.dep_ in SUBJECT_DEPS), None)


def _authored(token) -> bool:
    return token.lower_ in _AUTHORED or token.lemma_ in _AUTHORED


def _is_clause(token) -> bool:
    # a verb the parse made of a name is none ("pop band Busted")
    return (token.dep_ in _CLAUSE_DEPS and token.lemma_ not in _NAMING_VERBS and token.lower_ not in _NAMING_VERBS
            and not token.ent_type_)


def agent(token) -> bool:
    """The phrase of a clause that names who did it: "by NOP", "on behalf of Robert Zoellick"."""
    return token.dep_ == "agent" or token.dep_ == "prep" and any(c.lower_ == "behalf" for c in token.children)


def clause_tokens(span: Span) -> frozenset[int]:
    """The tokens of the clauses inside a mention that say what one of its nouns does, but its
    author's name where the mention is something authored ("figures released by the ONS")."""
    authored = _authored(span.root)
    tokens = set()
    for head in span:
        if head.i <= span.root.i or not _is_clause(head):
            continue
        agents = {t.i for c in head.children if agent(c) for t in c.subtree} if authored else ()
        tokens.update(t.i for t in head.subtree if span.start <= t.i < span.end and t.i not in agents)
    return frozenset(tokens)


def without_aside_clause(span: Span) -> Span:
    """A mention without the clause that comments on its head: "Jet[, which was founded by
    Naresh Goyal]", "The South Yorkshire company[, led by …]", "Ford[ which posted …]".

    An aside (set off by a comma or a dash) says what the speaker did, not who it is, and
    so does any clause after a name; a restrictive clause after a common noun stays (it
    says which one: "a lawyer representing the family"). Something authored keeps its
    clause, which names the author: "The study, undertaken by the European Commission".
    """
    root = span.root
    if _authored(root):
        return span
    for token in span:
        if token.i <= root.i or not _is_clause(token):
            continue
        cut = token.left_edge.i
        if cut <= root.i or not span.doc[cut - 1].whitespace_:
            continue  # "Chart-topping": the clause starts inside a word
        before = span.doc[cut - 1]
        # a comma sets an aside off, a dash only between spaces ("B&B - which has …")
        aside = before.text == "," or (
            before.text in _ASIDE_MARKS and cut - 2 >= span.start and span.doc[cut - 2].whitespace_
        )
        if root.pos_ == "PROPN" or aside:
            while cut > root.i + 1 and span.doc[cut - 1].text in _ASIDE_MARKS:
                cut -= 1
            return span.doc[span.start : cut]
    return span


def a_places(span: Span) -> bool:
    """Whether a mention opens with a place's possessive: "Canada's top doctor"."""
    first = span[0]
    if first.ent_type_ not in PLACE_ENTS or first.ent_iob_ != "B":
        return False
    end = first.i
    while end + 1 < span.end and span.doc[end + 1].ent_iob_ == "I":
        end += 1
    return end + 1 < span.end and span.doc[end + 1].tag_ == "POS"


def gender_said_of(token) -> str | None:
    """The gender of the he/she that a subject's verb reports on: "Santos said she would keep
    pushing" speaks of Santos herself, as news writes it."""
    if token.dep_ != "nsubj":
        return None
    subjects = [t for clause in token.head.children if clause.dep_ == "ccomp"
                for t in clause.children if t.dep_ in ("nsubj", "nsubjpass")]
    return pronoun_gender(subjects[0].text) if subjects else None


def in_pieces(span: Span) -> bool:
    """Whether the parse hangs more than one word of the mention outside it (a phrase it broke)."""
    return sum(1 for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i) > 1


def of_someone_else(span: Span, named: Span) -> bool:
    """Whether the person named in a mention is whom its head is someone of, not the speaker:
    "A close associate of former Yukos boss Mikhail Khodorkovsky", "Lawyers for Mr Fawcett",
    "the parents of 14-year-old Stefan Pakeerah", "Donald Trump's lawyer", "The Labour MP for
    Birkenhead" (a place the NER took for a name), "the director behind JFK" (a film it took
    for one). Not where only the role's own words stand between ("the minister for civil
    aviation Praful Patel", "Shadow leader of the Commons Oliver Heald"), nor after a comma,
    where the name may be the head's own ("The head of the Naftohaz company, Yury Boyko")."""
    root = span.root
    # the pipeline has no lemmatizer: "lawyers" is read as "lawyer" (``singular``)
    lemma = singular(root.lower_) if root.tag_ == "NNS" else root.lower_
    if named.root.dep_ == "poss" and named.root.head.i == root.i and not any(t.is_punct for t in named):
        # "Donald Trump's lawyer", "Mary Smith's mother": the head is the possessor's someone
        # (not where the NER ran a name on over a dash: "Florian Hamm - Borussia Dortmund's")
        return root.pos_ == "NOUN" and root.is_lower and (is_person_noun(lemma) or lemma in RELATIONS)
    prep = next((t for t in named.root.ancestors if t.head.i == root.i), None)
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "to", "behind"):
        return False
    between = [t for t in span.doc[prep.i + 1 : named.start] if t.lower_ not in DETERMINERS]
    if any(t.text == "," for t in between):
        return False
    if root.pos_ == "NOUN" and (root.is_lower or root.is_sent_start) and (is_person_noun(lemma) or lemma in RELATIONS):
        return not between or lemma in RELATIONS or any(
            t.like_num or is_person_noun(t.lower_) or is_title(t.text) for t in between)
    return is_title(root.text) and not between


def before_aside(span: Span) -> Span:
    """A mention up to the comma after its head: "The Green leader[, who says …]"."""
    comma = next((t.i for t in span if t.i > span.root.i and t.text == ","), None)
    return span.doc[span.start : comma] if comma is not None else span


# adjectives that set another holder of a role apart: "the former minister" may be no one named
_CONTRASTING = NO_DESCRIPTION | frozenset("former ex other another fellow rival opposing new previous then late".split())


def in_a_constituency(token) -> bool:
    """Whether a word is in the place a member sits for: "Sheppey" of "the MP for Sittingbourne
    and Sheppey", "Birkenhead" of "the Labour MP for Birkenhead", the ward or riding someone
    "represents" ("Kevin Klein, who represents Charleswood-Tuxedo", a person to the NER; not the
    client a lawyer represents, "Jane Smith", "Mr Doherty", whose first name or honorific says so)."""
    i = token.i - 1
    while i > 0 and (token.doc[i].text[:1].isupper() or token.doc[i].lower_ in ("and", "&", "-")):
        i -= 1
    if i >= 0 and token.doc[i].lower_ in _REPRESENTING:
        named = token.doc[i + 1].text
        return not (is_first_name(named) or named.rstrip(".") in HONORIFICS)
    return i > 0 and token.doc[i].lower_ == "for" and token.doc[i - 1].lower_ in MEMBERS_FOR


_REPRESENTING = frozenset("represents represented representing represent".split())


def where_held(span: Span) -> set[str]:
    """The words after a role that only say where it is held, lowercased: "for Sittingbourne and
    Sheppey" of "the MP for Sittingbourne and Sheppey" (names, which the NER may take for anyone's),
    none of "the minister for civil aviation"."""
    tail = span[span.root.i - span.start + 1 :]
    if not tail or tail[0].lower_ not in ("for", "of", "in") or len(tail) < 2:
        return set()
    if not all(t.text[:1].isupper() or t.lower_ in _IN_A_NAME for t in tail[1:]):
        return set()
    return {t.lower_ for t in tail}


# the lowercase words inside a place's or body's name: "Sittingbourne and Sheppey", "Department of Health"
_IN_A_NAME = frozenset({"and", "&", "of", "the", "for", "-"})


def epithet_adjective(token, root) -> bool:
    """A lowercase adjective on a role noun that adds to who the holder is: "rookie", "veteran", "embattled"."""
    return (token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.i == root.i and token.is_lower
            and token.tag_ == "JJ" and token.lower_ not in _CONTRASTING)


def epithet_compound(word: list, root) -> bool:
    """A lowercase hyphened modifier of a role noun, the writer's word for who the holder is:
    "left-wing", "long-time" ("the left-wing president" is the one president named)."""
    return (len(word) > 2 and word[-1].head.i == root.i and word[-1].i != root.i and word[-1].dep_ in ("amod", "compound")
            and all(t.is_lower or t.is_digit or t.text == "-" for t in word)
            and word[0].lower_ not in _CONTRASTING)


def spoken_with(pronoun, base: int) -> list[tuple[int, int]]:
    """Whom a subject spoke to or with in the participle before it, who is not that subject:
    "Speaking on Breakfast with Frost, he said", "Talking to Jeremy Paxman, she said"."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return []
    spans = []
    for clause in pronoun.head.children:
        if clause.dep_ == "advcl" and clause.i < pronoun.i and clause.lower_ in _SPEAKING_WITH:
            objects = (c for prep in clause.subtree if prep.dep_ == "prep" for c in prep.children if c.dep_ == "pobj")
            spans += [tokens_offsets([pobj.left_edge, pobj.right_edge], base) for pobj in objects]
    return spans


def relative_clause_head(pronoun, base: int) -> list[tuple[int, int]]:
    """The one a relative clause is about, whom the clause's own subject pronoun is not: "Campese
    defended coach Andy Robinson, who he believes was the only choice", "the man she met"."""
    if pronoun.dep_ not in SUBJECT_DEPS or pronoun.head.dep_ != "relcl":
        return []
    noun = pronoun.head.head
    return [tokens_offsets([noun.left_edge, noun], base)]


def says_he_or_she(token) -> bool:
    """Whether a subject says something whose own subject is "he" or "she": "Smith said he …"."""
    if not speaks(token):
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("he", "she")
               for clause in token.head.children if clause.dep_ == "ccomp" for c in clause.children)


def speaks(token) -> bool:
    """Whether a word is the subject of a saying verb: "“…,” Carruthers said"."""
    return token.dep_ == "nsubj" and cue_lemma(token.head.lower_) in _SAYING


def followed_by_he_or_she(token) -> bool:
    """Whether a sentence's subject is what the next sentence's "he" or "she" takes up: "Moe
    dismissed the criticism. He said …" (a firm goes on as "it")."""
    if token.dep_ != "nsubj" or token.head.dep_ != "ROOT" or token.sent.end >= len(token.doc):
        return False
    following = token.doc[token.sent.end].sent
    return any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in following.root.children)


def head_word(span: Span) -> list:
    """The tokens of the written word that holds the span's root ("co-chairman", whose
    "co" the parser may take for the root)."""
    return next(word for word in hyphened_words(span) if span.root in word)


_APPOSITION_MARKS = frozenset(",;:-–—")


def described_before(span: Span, name: Span, noun: list) -> str | None:
    """The words of a mention before the name in apposition to them, without the article:
    "spokesperson for Health Canada" of "A spokesperson for Health Canada, Eric Morrissette".

    Not the title the name opens with ("its chief executive, Sir Howard Newby"); none where
    the words hold more than one phrase (a comma, a sentence's end: the parse ran a mention
    across them) or a first name (a name the NER cut short: "Sandra den Hamer"). The words
    start where the phrase of the ``noun`` (its tokens: "co", "-", "chairman") that describes
    the name does ("a lawsuit against Balco boss Victor Conte": "Balco boss").
    """
    start = max(span.start, min(t.left_edge.i for t in noun))
    words = list(span.doc[start + (span.doc[start].lower_ in DETERMINERS) : name.start])
    while words and (words[-1].text in _APPOSITION_MARKS or words[-1].text.rstrip(".") in HONORIFICS or (
            # "hunt master, Captain Ian Farquhar" (not the head of "the Economics Minister, Budi Santoso")
            words[-1].is_title and is_title(words[-1].text) and len(words) > 1 and words[-2].text == ",")):
        words.pop()
    if not words or words[0].tag_ == "POS" or any(t.is_punct and t.text in ",;:.!?" or t.is_sent_start and t.i > words[0].i
                        or (t.is_title and is_first_name(t.text) and not is_title(t.text)) for t in words):
        return None
    return span.doc[words[0].i : words[-1].i + 1].text


def epithet(m: Mention) -> bool:
    """A definite singular description of a person: "the veteran midfielder", "the American"."""
    span = m.span
    if span is not None and demonym_words(span) is not None:
        return True
    # ("the MP for Sittingbourne": a member's title in capitals, a place the NER may call anything;
    # "The Chancellor said", a title written as one (not "The Archbishop of Canterbury", an office
    # of its own); "the NDP leader": an organization may say whose role it is, but be none of the head)
    return (span is not None and len(span) > 1 and span[0].lower_ == "the" and span.root.text.isalpha()
            and (span.root.text.islower() or span.root.lower_ in MEMBERS_FOR
                 or (capitalised_title(span.root) and span.root.i == span.end - 1))
            and not span.root.tag_.endswith("S") and span[-1].tag_ != "POS"
            and not any(e.label_ == "PERSON" or (e.label_ == "ORG" and span.root.i < e.end
                                                  and not title_taken_for_an_organization(span.root))
                        for e in entities_in(span) if not in_a_constituency(e[0])))


def demonym_words(span: Span) -> str | None:
    """The description "the" and a demonym make of one person ("the American", "The 55-year-old
    Frenchman", "the New Zealander"): the words after "the", else None."""
    if len(span) < 2 or span[0].lower_ != "the" or not span[-1].text[:1].isupper():
        return None
    first = span.end - 1
    while first > span.start + 1 and span.doc[first - 1].text[:1].isupper():
        first -= 1
    if " ".join(t.lower_ for t in span.doc[first : span.end]) not in DEMONYMS:
        return None
    return span[1:].text


def carriers_source(span: Span, base: int) -> Mention | None:
    """Whose a statement or report is, where a capitalised name says it after "from" or "by"."""
    if span.root.lower_ not in CARRIERS:
        return None
    for prep in span.root.children:
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by") and source is not None and source.right_edge.i < span.end:
            phrase = span.doc[source.left_edge.i : source.right_edge.i + 1]
            if any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in phrase):
                return Mention(base + phrase.start_char, base + phrase.end_char, phrase)
    return None


# verbs whose subject puts out the statement, report or release that is their object (word
# forms: the pipeline runs no lemmatizer)
_PUTTING_OUT = frozenset(
    f"{stem}{ending}" for stem in "issue release publish distribute circulate submit".split() for ending in ("", "s", "d")
) | frozenset("issuing releasing publishing put puts putting send sends sent post posts posted file files filed "
              "write writes wrote written deliver delivers delivered".split())


_NO_AUTHORS = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY EVENT WORK_OF_ART LAW".split())


def author_of(noun):
    """The head of the phrase that names who put out a statement or report, by the parse: its
    possessor ("the RCMP's statement"), "from"/"by" ("a report by the OECD", "a report released by
    CIHI"), the subject that issued it ("Hydro One released a statement") or spoke in it ("Police
    said in a news release").
    Pronouns and the unnamed are left out: they would say no more than "the statement" does;
    so are times ("Thursday's report")."""
    candidates = [c for c in noun.children if c.dep_ == "poss"]
    candidates += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                   for p in c.children if p.dep_ == "pobj"]
    # (or its participle's: "a report released Tuesday by the Canadian Institute for Health Information")
    candidates += [p for acl in noun.children if acl.dep_ == "acl" and acl.lower_ in _PUTTING_OUT
                   for c in acl.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                   for p in c.children if p.dep_ == "pobj"]
    verb = None
    if noun.dep_ == "dobj" and noun.head.lower_ in _PUTTING_OUT:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head
    if verb is not None:
        candidates += [c for c in verb.children if c.dep_ == "nsubj"]
    return next((c for c in candidates if (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON", "NORP"))
                 and c.ent_type_ not in _NO_AUTHORS), None)


# what sets a description or figures off a name ("Sharon, 42,", "Yukos (15%)")
_SET_OFF = frozenset(",()[]")


def relative_antecedent(m: Mention) -> Mention | None:
    """The noun phrase a relative pronoun stands for: "Haugland, who has argued …" is Haugland.

    The words of the phrase up to its head noun, and a name set beside that noun
    ("His wife Sharon, who …"), only: the clause that follows it is what the
    speaker said or did, not who they are.
    """
    clause = m.span.root.head  # type: ignore[union-attr]
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    noun = clause.head
    if noun.pos_ not in ("PROPN", "NOUN"):
        return None
    # (and the name right beside the noun, before the clause: "The striker Jose Reyes, who said …" is
    # Reyes, not an unnamed striker; a name alone, with no figures in brackets, "the French government
    # (15%)", and none set off by a comma, "… girlfriend of five years, Princess Marguerite of Romania,
    # the eldest daughter of …, who said", a chain of descriptions the parse hangs loosely)
    end = max([noun.i] + [c.right_edge.i for c in noun.rights if c.dep_ == "appos" and c.pos_ == "PROPN"
                          and c.left_edge.i == noun.i + 1 and c.right_edge.i < clause.left_edge.i
                          and not any(t.text in _SET_OFF for t in c.subtree)])
    phrase = noun.doc[noun.left_edge.i : end + 1]
    base = m.start - m.span.start_char  # type: ignore[union-attr]
    return Mention(base + phrase.start_char, base + phrase.end_char, phrase)


def of_an_object(m: Mention | None) -> bool:
    """Whether a source is a relative pronoun whose clause describes an object, not a subject:
    "… pointed to a report by John Baker, who found …" (not "…, said Smith, who added")."""
    if m is None or m.span is None or len(m.span) != 1 or m.span.root.lower_ not in RELATIVE_PRONOUNS:
        return False
    antecedent = relative_antecedent(m)
    if antecedent is None:
        return False
    noun = antecedent.span.root  # type: ignore[union-attr]
    while noun.dep_ in ("appos", "conj", "compound"):
        noun = noun.head
    return noun.dep_ in ("dobj", "pobj", "dative", "iobj")


# words before a business's noun that say which one it is, not what it trades in
_NOT_A_TRADE = frozenset("parent sister rival subsidiary partner holding former other new same main".split())


def of_a_trade(span: Span) -> bool:
    """Whether a definite business description says only what the business trades in, in words
    of its own: "the software giant", "the mobile phone operator" (not "the parent company", "the
    rival bank", "the German exchange", "the Paris-based firm"); nor one set beside a name, which
    describes that name whatever the NER made of it ("Anglo-American, the international mining
    company, which …" is no business named before)."""
    root = span.root
    others = [t for t in span if t.i != root.i and t.lower_ not in DETERMINERS]
    return root.dep_ != "appos" and bool(others) and all(
        t.lower_ in OF_THE_CROWN or (  # ("the Crown corporation": the state's, any of them)
            t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ") and t.dep_ in ("compound", "amod")
            and not t.ent_type_ and t.lower_ not in _NOT_A_TRADE) for t in others)


# words that make a business's noun a public body's: "the central bank", "the state carrier"
# (fewer than the levels of government a body's name may leave out, resolver._LEVELS_OF_GOVERNMENT:
# "the regional carrier", "the local firm" are businesses)
_OF_THE_STATE = frozenset("central national state federal public".split())


def of_the_state(span: Span) -> bool:
    """Whether a description's words make it a public body's ("the central bank"), which no
    business the article named stands for."""
    return any(t.lower_ in _OF_THE_STATE for t in span if t.i != span.root.i)
