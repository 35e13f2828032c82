"""Phrases around a cue verb in the parse: the cue's own words, its object and what characterizes it.

PolNeAR's spans are wider than the verb and its object: a cue holds its
auxiliaries, negation and medium ("did not address", "said in an
interview"); an object content holds its characterization ("called the
senator a “nasty guy”"). The verb rules (``verbal``) and the orphan
quotations (``orphans``) share these.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp import english_adverbs
from ..text import DOUBLE_MARKS
from .cues import ADDRESSEE_VERBS, OBJECT_STOP_FORMS, stance_forms
from .spans import is_quotation_mark, subtree_tokens

# Words PolNeAR counts as part of the cue when they sit right against the verb:
# "has repeatedly wondered", "did not address", "said then".
_CUE_BEFORE = ("aux", "auxpass", "neg", "advmod")
_CUE_AFTER_WORDS = frozenset("then again".split())
# the pronouns a side is taken with ("endorsed her")
_SIDE_TAKEN = frozenset({"him", "her", "them"})


# The medium of a statement belongs to its cue in PolNeAR: "said in an interview".
MEDIUM_NOUNS = frozenset("interview interviews statement briefing call conference speech email e-mail tweet letter".split())


def name_taken_for_another_word(token: Token) -> bool:
    """A name the parse made a modal or an adverb of the verb after it, which has no subject:
    “…,” May said (Elizabeth May: no modal stands before a past or third-person form); "Rielly
    said the power play was clicking" (a capitalised -ly word right before it, no adverb there)."""
    if not token.is_title or token.head.tag_ not in ("VBD", "VBZ"):
        return False
    if token.dep_ == "aux" and token.tag_ == "MD":
        return True
    adverbs = english_adverbs()
    return (token.dep_ == "advmod" and token.tag_ == "RB" and token.lower_.endswith("ly")
            and bool(adverbs) and token.lower_ not in adverbs  # (not "Recently announced changes …")
            and token.i + 1 == token.head.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.head.children))


def cue_tokens(verb: Token) -> list[Token]:
    """The cue verb with its particle ("pointed out") and the words hugging it.

    Also the verb it completes ("appeared to suggest", "has yet to explain")
    and the medium right after it ("said in a phone interview").
    """
    tokens = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    doc = verb.doc
    head = verb
    while True:
        between = doc[head.head.i + 1 : head.i]
        # (the parse makes "to say" after a particle an adverbial clause: "went on to say")
        particle = head.dep_ == "advcl" and any(t.dep_ == "prt" for t in between)
        if (head.dep_ == "xcomp" or particle) and head.head.i < head.i and all(
            t.head.i in (head.i, head.head.i) and t.dep_ in _CUE_BEFORE + ("prt",) for t in between
        ):  # "appeared to suggest", "went on to say"
            tokens.extend(doc[head.head.i : head.i])
            head = head.head
        elif _by_doing(head):  # "responded by saying", "followed up by asking"
            tokens.extend(doc[head.head.head.i : head.i])
            head = head.head.head
        else:
            break
    start = head.i
    # (a proper noun is no adverb: in "“…,” McNeely said" the parse calls the speaker one)
    while (start > 0 and doc[start - 1].head.i == head.i and doc[start - 1].dep_ in _CUE_BEFORE
           and doc[start - 1].pos_ != "PROPN" and not name_taken_for_another_word(doc[start - 1])):
        start -= 1
    tokens.extend(doc[start : head.i])
    end = verb.i
    # (a date right after the verb is left out: PolNeAR marks "said Friday" as the
    # cue about as often as "said", and leaving it out scored better on dev)
    for child in verb.children:
        # (a capitalised -ly word is a name the tagger took for an adverb: “…,” admitted Kiely)
        manner = child.dep_ == "advmod" and child.text[:1].islower() and (
            child.lower_.endswith("ly") or child.lower_ in _CUE_AFTER_WORDS)
        if manner and child.left_edge.i == end + 1:  # "said sarcastically", "said then"
            tokens.extend(doc[child.left_edge.i : child.right_edge.i + 1])
            end = child.right_edge.i
    prep = doc[end + 1] if end + 1 < len(doc) else None
    if prep is not None and prep.dep_ == "prep" and prep.head.i == verb.i and prep.lower_ in ("in", "at", "during", "on"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.lower_ in MEDIUM_NOUNS:
            tokens.extend(doc[prep.i : pobj.i + 1])
    return sorted(set(tokens), key=lambda t: t.i)


def _by_doing(verb: Token) -> bool:
    """"responded by saying", "continued first by asking": a gerund after "by" that says how
    the verb right before it was done; PolNeAR's cue runs from that verb (33 such cues in
    train). Only with at most a word between the verb and "by", so that no object is taken in."""
    by = verb.head
    if not (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and by.lower_ == "by" and by.i == verb.i - 1
            and by.dep_ == "prep" and by.head.pos_ == "VERB" and by.head.i < by.i):
        return False
    between = verb.doc[by.head.i + 1 : by.i]
    return len(between) <= 1 and all(t.head.i == by.head.i and t.dep_ in ("advmod", "prt") for t in between)


def side_taken(verb: Token, obj: Token) -> bool:
    """Whether an object is the pronoun a side is taken with, a content alone: "endorsed her",
    "backed them" (not "told her", nor "backed it": a bill, a plan)."""
    return obj.lower_ in _SIDE_TAKEN and verb.lower_ in stance_forms()


# verbs whose "to" says whom they address: "spoke to reporters", "talked to CBC" (their forms: the
# cue table holds "spoke" as a cue of its own)
_SPOKEN_TO = frozenset("speak speaks spoke spoken speaking talk talks talked talking".split())


def object_content(verb: Token, lemma: str) -> Token | None:
    """A nominal content: the direct object, or the object of "for/on/about/to" right after the verb.

    The object of "told"/"informed" is the addressee, never the content.
    """
    if verb.lower_ in OBJECT_STOP_FORMS:
        return None
    spoken_to = verb.lower_ in _SPOKEN_TO
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "dobj" and lemma not in ADDRESSEE_VERBS and not _is_quoted_head(child):
            if lemma == "call" and _a_call_to(verb, child):
                continue
            # a pronoun object counts only with what it is called: "called him a master at …"
            if child.pos_ in ("NOUN", "PROPN") or with_complement(verb, child)[-1].i > child.right_edge.i:
                return child
            if any(t.dep_ == "ccomp" and t.tag_ in ("VBD", "VBZ", "VBP") for t in child.subtree):
                return child  # a clause the parse hung under its first word: "said one of the ways … was …"
            if side_taken(verb, child):
                return child
        if child.dep_ == "prep" and child.lower_ == "to" and spoken_to:
            # "spoke to reporters": whom to, not what of (PolNeAR train: never a content); what of
            # may hang off whom ("spoke to the BBC Sport website about her loneliness")
            whom = next((c for c in child.children if c.dep_ == "pobj"), None)
            about = next((c for c in (whom.children if whom is not None else ()) if c.dep_ == "prep"
                          and c.lower_ in ("about", "of")), None)
            topic = next((c for c in about.children if c.dep_ in ("pobj", "pcomp")), None) if about is not None else None
            if topic is not None:
                return topic
            continue
        # (what of, after whom to: "spoke to reporters on Monday about the fire")
        near = child.i <= verb.i + 2 or (spoken_to and child.lower_ in ("about", "of"))
        if child.dep_ == "prep" and child.lower_ in ("for", "on", "about", "of", "to") and near:
            # "called for the ratification of …", "called for releasing the videos"
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "VERB") and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
    return None


# the words inside an object phrase that say what it is called, where the parse hung them there:
# "called the notion of man-made global warming a hoax", "called Mrs. Schlafly an ''Aunt Tom''",
# "would call that wishful thinking or a magic asterisk"
_CHARACTERIZING_DEPS = frozenset("appos conj npadvmod oprd attr dobj ccomp xcomp acl relcl".split())


def _a_call_to(verb: Token, obj: Token) -> bool:
    """Whether "call" with this object is a telephone call, a vote or a call-up ("called the police",
    "calling a snap poll", "called off its plan"), not a statement of what something is called
    (PolNeAR train: a bare object only in "a course called Trump National Doral", a name).

    A statement has words that say what the object is called: a complement after it, a second
    noun phrase the parse hung on it, a quotation in it or right after it (the parse may hang that
    elsewhere: "called Marie Leroi's work "extraordinarily thought provoking""); or it is "called
    into question".
    """
    after = obj.right_edge.i + 1
    if after < len(obj.doc) and is_quotation_mark(obj.doc[after]):
        return False
    if any(t.i != obj.i and (t.dep_ in _CHARACTERIZING_DEPS or is_quotation_mark(t)) for t in obj.subtree):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "into" for c in verb.children):
        return False
    return with_complement(verb, obj)[-1].i <= obj.right_edge.i


# What characterizes an object after it: "called the plan a “promise”",
# "described the incident as …", "branded North Korea an “outlaw nation”".
_COMPLEMENT_DEPS = ("oprd", "dobj", "ccomp")
_COMPLEMENT_PREPS = ("as", "to", "for", "on", "of", "over", "with", "from", "against", "about")


def with_complement(verb: Token, obj: Token) -> list[Token]:
    """The object's subtree, stretched over the complements that characterize it.

    PolNeAR takes "the senator a “nasty guy”" as the content of "called", not
    the bare object; nouns coordinated with the complement ("… and a “grave
    threat”", often parsed as conjuncts of the verb) belong with it too.
    """
    last = obj.right_edge.i
    for child in verb.children:
        if child.i <= obj.i:
            continue
        complement = child.dep_ in _COMPLEMENT_DEPS or (
            child.dep_ == "prep" and child.lower_ in _COMPLEMENT_PREPS and not _when(child))
        coordinated = child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "ADJ") and last > obj.right_edge.i
        if complement or coordinated:
            last = max(last, _before_a_second_verb(child))
    tokens = [obj.doc[i] for i in range(obj.left_edge.i, last + 1)]
    # "… as being in the “suburbs of St. Petersburg” — a metaphor for …": the
    # reporter's comment after a dash is not part of the characterization (a dash set apart by a
    # space, not the hyphen of "an anti-immigration body")
    dash = next((t for t in tokens if t.i > obj.right_edge.i and t.text in ("—", "–", "-", "--")
                 and obj.doc[t.i - 1].whitespace_), None)
    return [t for t in tokens if dash is None or t.i < dash.i]


def _when(prep: Token) -> bool:
    """A preposition that says when, not what: "repeated his position … on the same day as the barn event"
    (not a number the NER took for a year, "aged 18 to 99", nor a time a clause says more of, "trends
    over the last year that had driven …")."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") and c.tag_ != "CD"
               and not any(t.dep_ in ("relcl", "acl") for t in c.subtree) for c in prep.children)


def _before_a_second_verb(token: Token) -> int:
    """The end of a complement's words, before a finite verb the parse made its conjunct: "called
    it "shameful" and called on leaders …" (hung off "shameful") is a second statement; "the ban
    as "ridiculous" and "badly thought out"", "a way to … land a contract and reach fans" are one."""
    verb = next((t for t in token.children if t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ", "VBP")), None)
    if verb is None:
        return token.right_edge.i
    end = verb.left_edge.i - 1
    while end > token.i and (token.doc[end].dep_ == "cc" or token.doc[end].is_punct and token.doc[end].text not in DOUBLE_MARKS):
        end -= 1
    return end


def quoted_object_with_complement(verb: Token, lemma: str) -> Token | None:
    """"called him ''a genius'' for his tax strategies": a quoted object that a complement
    characterizes is content with it (a bare quoted object is left to ``quotes``)."""
    if lemma in ADDRESSEE_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and _is_quoted_head(c)), None)
    if obj is None or with_complement(verb, obj)[-1].i <= obj.right_edge.i:
        return None
    return obj


def _is_quoted_head(token: Token) -> bool:
    """Whether the object phrase is (mostly) a quotation: ``quotes`` attaches those whole.

    "promising lower taxes and “jobs, jobs, jobs”" is an object with a quote in
    it, not a quotation: only a phrase that opens within its first two words
    with a quotation mark counts.
    """
    tokens = subtree_tokens(token)
    return any(t.text in DOUBLE_MARKS for t in tokens[:3])
