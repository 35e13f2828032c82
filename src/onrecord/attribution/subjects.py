"""Who speaks for a cue verb: its subject as the parse has it, or as the parse should have had it.

``subject_of`` finds the speaker token (the governor's subject for "…and
added", a passive's agent, a name the parse hung elsewhere) and
``source_mention`` cuts the speaker's words from it (no dateline, no "when"
clause, no clause on how they spoke). The verb, noun and quotation rules all
read their sources here.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..text import DOUBLE_MARKS
from .candidate import Mention
from .cues import BLOCK_NOUNS, cue_lemma, forms
from .phrases import name_taken_for_another_word
from .spans import dateline_end, mention, subtree_tokens, trimmed


# the dependency of a cue's own subject
SUBJECTS = ("nsubj",)
# what makes a clause one with a subject of its own: "London was …", "it is …", "what he said was …"
CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


# The subjects of a cue's governor that speak for the cue (see ``subject_of``).
_GOVERNOR_SUBJECTS = ("nsubj", "nsubjpass")


def subject_of(verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, or its governor's.

    The governor's subject speaks for "…and added", ", saying" and a cue the
    parse hangs off another verb ("Durbin, noting …, said": said as parataxis
    of noting), and a copula's for an adjective's ("X is likely to say …").
    There a passive subject counts too ("Trump was forced into damage control
    and said …"), though never the cue's own: in "it was said that …" the
    subject is not a speaker.
    """
    if passive_participle(verb):
        # "When asked whether …, the senator said …", "Asked about the delays, Doe said …": the
        # senator was asked; the asker is the agent ("Asked by Starnes") or no one the text names
        # (PolNeAR train: 67 of 76 such cues without a source, the other 9 by an agent)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    current, subjects = verb, SUBJECTS
    interrupted = interrupted_subject(verb)
    skipped = interrupted.i if interrupted is not None else -1
    if coordinated_cue(verb):
        # "X said the plan was sound and added that …": X, not "the plan"
        speaking = next((a for a in verb.ancestors if a.pos_ == "VERB" and cue_lemma(a.lower_)), None)
        if speaking is not None:
            current, subjects = speaking, _GOVERNOR_SUBJECTS
    for _ in range(4):
        found = [child for child in current.children if child.dep_ in subjects and child.i != skipped]
        # a subject after the verb only where none stands before it, outside a quotation ("said the
        # minister"): not the quotation the parse hung on as a second subject ("Trump attacked
        # Romney, calling him … “a failed candidate.”")
        found = [child for child in found if child.i < current.i and not any(
            t.text in DOUBLE_MARKS for t in child.doc[child.i : current.i])] or found
        climbed = current is not verb
        if climbed and current.dep_ == "ccomp" and current.head.i != current.i and cue_lemma(current.head.lower_):
            # a participle the parse hangs off what another cue's speaker said: "Byrne wrote the
            # agents knew …, saying “…”" and "Boreing said, “It's time …,” promising …" are Byrne's
            # and Boreing's, not the agents' nor the quotation's "It"
            current = current.head
            continue
        if found and not (current.pos_ == "AUX" and found[-1].lower_ == "it"):
            # several: one subject the parse split ("the ex - Wallaby"); the head is the last
            # (a copula's "it" is no one: "it is important to say that …")
            return found[-1]
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        controller = _object_before(current) if current.dep_ == "xcomp" else None
        if controller is not None:
            # "led some to speculate", "leaving many to wonder": the object of the verb above speaks
            return controller
        if current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.dep_ == "prep" and current.head.head.i != current.head.i:
            current = current.head.head
        elif (statement := statement_of(current)) is not None:
            current = statement.head  # "Carr released a statement confirming …": Carr
        elif current.dep_ in ("conj", "advcl", "xcomp", "parataxis", "acomp") and current.head.i != current.i:
            current = current.head
        else:
            break
        subjects = _GOVERNOR_SUBJECTS
    return _name_just_before(verb) or _age_just_before(verb)


def interrupted_subject(verb: Token) -> Token | None:
    """The subject of the content a cue interrupts or follows, which the parse gave the cue as its
    first of two subjects: "The tone of the campaign, said Mr Milburn, would be …", "The deal, the
    company said in a statement, would close …", "…, in particular the UK, France and Spain, said
    the report." (the speaker is the other one)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) < 2 or subjects[0].right_edge.i + 1 >= subjects[1].left_edge.i:
        return None
    first = subjects[0]
    if first.pos_ == "PROPN" and split_description(first) is not None:
        return None  # "Rhian Price, Plaid Cymru health spokesman said, …": one speaker, split (``_whole_subject``)
    # (the comma the parse may hang off the subject itself: "The answer, argued Mr Howard, …")
    closed = first.right_edge.text == "," or verb.doc[first.right_edge.i + 1].text == ","
    resumes = any(c.text == "," and c.i > verb.i for c in verb.children)
    # "…, in particular the UK, France and Spain, said the report.": the subject after the cue ends
    # the sentence, the speaker inverted after what was said
    after = subjects[1].right_edge.i + 1
    inverted = subjects[1].i > verb.i and (after >= len(verb.doc) or verb.doc[after].text in ".!?")
    if not closed or not (resumes or inverted):
        return None
    return first


def passive_participle(verb: Token) -> bool:
    """A past participle heading a clause of its own with no auxiliary nor subject: "(when) asked …"."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


# verbs whose object does what the infinitive after it says: "led some to speculate", "leaving
# many to wonder", "urged the mayor to say" (not "used his platform to discuss": the subject does)
_OBJECT_CONTROL = frozenset(
    form for lemma in "lead leave prompt cause force ask urge encourage push invite press persuade convince inspire "
    "spur".split() for form in forms(lemma)
)


def _object_before(clause: Token) -> Token | None:
    """The object of the verb an infinitive clause hangs off, before it, where that verb passes
    its object on as the infinitive's subject: "some" of "led some to speculate"."""
    if clause.head.lower_ not in _OBJECT_CONTROL or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    return next((c for c in clause.head.children if c.dep_ == "dobj" and c.i < clause.i), None)


# where the parse hangs a name that is really a subjectless cue's subject
_HUNG_NAME_DEPS = frozenset({"appos", "conj", "pobj", "dobj", "compound", "npadvmod"})


# how far up an apposition ("leader of the group in the assembly") the search climbs to its name
APPOSITION_DEPTH = 6


def _name_just_before(verb: Token) -> Token | None:
    """A name right before a subjectless cue that the parse hung elsewhere: "When asked about
    Bosch, the carmaker's chief executive Helmut Panke said:" (Panke as an apposition of Bosch)."""
    if verb.i == 0 or verb.dep_ not in ("ROOT", "ccomp", "parataxis"):
        return None
    before = verb.doc[verb.i - 1]
    if before.text == "," and (named := _named_before_a_relative_clause(verb)) is not None:
        return named
    if before.text == "," and verb.i >= 2:
        # "…, George Osborne, said:", "Ieuan Wyn Jones, leader of the group in the assembly, said:":
        # the name, or the name whose apposition ends at the comma
        before = verb.doc[verb.i - 2]
        for _ in range(APPOSITION_DEPTH):
            if before.dep_ == "appos" and before.head.pos_ == "PROPN" and before.head.i < before.i:
                before = before.head
                break
            if before.pos_ == "PROPN" or before.head.i >= verb.i or before.head.i == before.i:
                break
            before = before.head
    # (“…,” McNeely said: the parse may make the name an adverb of the verb itself)
    if before.pos_ == "PROPN" and ((before.head.i != verb.i and before.dep_ in _HUNG_NAME_DEPS) or before.dep_ == "advmod"):
        return before
    if before.head.i == verb.i and name_taken_for_another_word(before):
        return before
    # "Mike Hobday, from the league, said": the name opening the sentence, which the parse made
    # an adverbial noun of the verb
    return next((c for c in verb.lefts if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.left_edge.is_sent_start), None)


def _named_before_a_relative_clause(verb: Token) -> Token | None:
    """The name a "who"/"whose" clause that ends at the comma before the cue is about: "Size, whose
    New Forms album won the 1997 Mercury Music Prize, said …", where the parse made the clause the
    cue's complement and the name its subject (the name right before the cue is the prize's)."""
    for i in range(verb.i - 2, verb.sent.start + 1, -1):
        token = verb.doc[i]
        if token.text in DOUBLE_MARKS or cue_lemma(token.lower_):
            return None  # a quotation or another cue between: no one clause about a speaker
        if token.lower_ in ("who", "whose") and verb.doc[i - 1].text == ",":
            name = verb.doc[i - 2]
            return name if name.pos_ == "PROPN" else None
    return None


_AGE = re.compile(r"\d+-year-old")


def _age_just_before(verb: Token) -> Token | None:
    """An age as the subject, which the parse hung off a subjectless cue as its modifier: "The
    31-year-old insisted he …", where "The" and "old" are both the verb's children
    (``_whole_subject`` takes the article along)."""
    old = verb.doc[verb.i - 1] if verb.i > 0 else None
    if old is None or old.lower_ != "old" or old.dep_ != "amod" or old.head.i != verb.i:
        return None
    return old if _AGE.fullmatch("".join(t.text for t in subtree_tokens(old))) else None


def _whole_subject(subject: Token) -> list[Token]:
    """The subject's subtree, with the sibling subjects the parse split off just before it.

    "Usdaw general secretary John Hannett added" gives "added" two subjects,
    Usdaw and Hannett; "the ex-Wallaby added" three. Together they are one phrase.
    So is a name the parse split off before a comma and the description after
    it: "Rhian Price, Plaid Cymru health spokesman said".
    """
    tokens = subtree_tokens(subject)
    if subject.i > subject.head.i:
        # "said Heather Hurlburt, a former speechwriter, referring to President George W. Bush": the
        # participle after the speaker's comma says what they did next, not who they are
        clause = next((t for t in tokens if t.tag_ == "VBG" and t.dep_ in ("acl", "advcl") and t.head.i == subject.i
                       and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","), None)
        if clause is not None:
            tokens = [t for t in tokens if t.i < clause.left_edge.i - 1]
    siblings = [c for c in subject.head.children if c.dep_ == subject.dep_ and c.i < subject.i] if subject.head.i != subject.i else []
    for sibling in reversed(siblings):
        before = subtree_tokens(sibling)
        if not before:
            break
        if before[-1].i + 1 != tokens[0].i:
            split = split_description(sibling)
            if not (sibling.pos_ == "PROPN" and split is not None and split.i == subject.i):
                break
            before = before + [sibling.nbor()]  # the comma between the name and its description
        tokens = before + tokens
    article = subject.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if subject.dep_ == "amod" and article is not None and article.dep_ == "det" and article.head.i == subject.head.i:
        tokens = [article] + tokens  # "The 31-year-old insisted": an age the parse hung off the verb
    after = tokens[-1].i + 1
    if subject.i > subject.head.i and after < len(subject.doc) and subject.doc[after].text == "Under":
        # "said Treasury Under Secretary John Taylor": the parse reads the title's "Under" as a preposition
        title = subtree_tokens(subject.doc[after])
        if all(t.is_title for t in title):
            tokens = tokens + title
    return tokens


def split_description(name: Token) -> Token | None:
    """The description the parse split off a name as a second subject after a comma:
    "Rhian Price, Plaid Cymru health spokesman said" gives "said" the subjects Price
    and spokesman. The speaker resolver reads it as the name's apposition."""
    if name.dep_ not in ("nsubj", "nsubjpass") or name.i + 1 >= len(name.doc) or name.nbor().text != ",":
        return None
    verb = name.doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
    if verb is not None and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.i != name.head.i:
        # "Instead, said Mr Doctorow, DRM systems were …": both subjects of what was said, not of the
        # cue ("said Alex Hilton, licence compliance manager at Microsoft")
        return None
    split = next((c for c in name.head.children if c.dep_ == name.dep_ and c.i > name.i), None)
    if split is None or split.left_edge.i != name.i + 2 or split.pos_ == "PROPN":
        return None
    return split


def source_mention(subject: Token, base: int, avoid: list[tuple[int, int]] = ()) -> Mention | None:
    """The source span of a subject token: its subtree, without what lies in the content."""
    tokens = [
        t for t in _whole_subject(subject)
        if not any(start <= base + t.idx < end for start, end in avoid)
    ]
    # a closing mark the parse hangs off the subject (“…,” singer Gary Lightbody said) is the quotation's
    while tokens and tokens[0].text in DOUBLE_MARKS:
        tokens = tokens[1:]
    return mention(_without_when(_without_speaking_clause(_without_dateline(tokens))), base)


# newspapers named for their day: "The Mail on Sunday" is a source, not "The Mail" on a Sunday
_SUNDAY_PAPERS = frozenset({"mail", "independent", "scotland"})


def _without_when(tokens: list[Token]) -> list[Token]:
    """Drop the day the parse hung off the subject's noun ("The prime minister on Sunday said",
    "Angry Labour MPs this week said"): when it was said, not who said it (PolNeAR train's
    gold leaves "on Tuesday" out of the source twice as often as not, and keeps it only in a
    reduced relative, "a poll released Tuesday", which hangs off a participle, not the noun)."""
    if len(tokens) < 2:
        return tokens
    last = tokens[-1]
    when = last.head if last.dep_ == "pobj" and last.head.lower_ == "on" else last
    noun = when.head
    dated = last.ent_type_ in ("DATE", "TIME") and when.dep_ in ("prep", "npadvmod")
    named = noun.pos_ in ("NOUN", "PROPN") or noun.dep_ in _GOVERNOR_SUBJECTS  # "The 52-year-old"
    if not dated or not named or noun.i >= when.i or noun.lower_ in _SUNDAY_PAPERS:
        return tokens
    kept = [t for t in tokens if t.i < when.left_edge.i]
    return kept if kept and noun in kept else tokens


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """Drop the dateline the parse took into the subject ("TORONTO -- Families of residents …
    are demanding", as a subject or as one with its apposition): a place, not who speaks."""
    dash = dateline_end(tokens[0].doc) if tokens and tokens[0].i == 0 else None
    if dash is None or dash >= tokens[-1].i:
        return tokens
    return [t for t in tokens if t.i > dash]


def _without_speaking_clause(tokens: list[Token]) -> list[Token]:
    """Drop a participle on how the source spoke from it ("An official, speaking on condition of anonymity").

    It tells where or how the words were said, not who said them: PolNeAR
    train leaves a ", speaking …" clause out of the source every time it
    stands between source and cue (``python benchmarks/gold_spans.py``);
    relative clauses ("…, who …") it keeps and drops both, so they stay.
    """
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.lower_ != "speaking" or token.dep_ not in ("acl", "advcl") or token.head.i not in inside:
            continue
        cut = {t.i for t in subtree_tokens(token)}
        kept = [t for t in tokens if t.i not in cut]
        while kept and kept[-1].is_punct:
            kept = kept[:-1]  # the comma that set the clause off
        return kept or tokens
    return tokens


_ISSUING = frozenset(
    "release releases released releasing issue issues issued issuing publish publishes published publishing "
    "post posts posted posting send sends sent sending put puts putting".split()
)


def after_a_set_off_opening(verb: Token) -> bool:
    """Whether a verb follows a comma after what opens its sentence and needs more: a few words
    with no verb ("Often", "On a larger scale", "But") or a clause that needs the one after it
    ("If Steam cuts piracy"). (A statement before the cue is the parse's to read, and so is a
    quotation.)"""
    doc, start = verb.doc, verb.sent.start
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i - 1 <= start or doc[verb.i - 1].text != ",":
        return False
    before = trimmed(list(doc[start : verb.i - 1]))
    if any(t.text in DOUBLE_MARKS for t in before):
        return False
    if before and before[0].lower_ in _SUBORDINATORS:
        return not any(t.text == "," for t in before)  # (not "While …, it is heading that way, said …")
    return len(before) <= _OPENING_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in before)


# how many words may open a sentence before a set-off cue ("On a larger scale, said …")
_OPENING_WORDS = 6
# the marks of an adverbial clause, which stays one even where the parser hangs it off the cue as
# a complement ("…, Warren told Stumpf, after he admitted …"); and of any clause that needs the one
# after it
ADVERBIAL_MARKS = frozenset("after before when while because since until as although though once".split())
_SUBORDINATORS = ADVERBIAL_MARKS | {"if", "whereas", "unless"}


def statement_of(verb: Token) -> Token | None:
    """The statement a participle describes: "released a statement confirming …" -> statement.

    Also where the parse hangs the participle off the verb after a date: "released a
    statement Wednesday evening, saying …" (PolNeAR's cue runs from the verb either way).
    """
    noun = verb.head
    if verb.dep_ == "acl" and noun.lower_ in BLOCK_NOUNS and noun.dep_ == "dobj" and noun.head.i != noun.i:
        return noun
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i < verb.i and verb.head.lower_ in _ISSUING:
        # (only a verb that issues the statement: "criticized the statement, saying …" is no medium)
        return next((c for c in verb.head.children
                     if c.dep_ == "dobj" and c.lower_ in BLOCK_NOUNS and c.i < verb.i), None)
    return None


def coordinated_cue(token: Token) -> bool:
    """"… and added that …": a cue verb right after "and"/"but", with no subject of its own and a
    clause of its own, that the parse may hang inside the statement before it."""
    return (
        token.pos_ == "VERB" and token.dep_ in ("ccomp", "conj") and token.i > 0
        and token.doc[token.i - 1].lower_ in ("and", "but") and cue_lemma(token.lower_) is not None
        and not any(c.dep_ in SUBJECTS for c in token.children)
        and any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "punct" and c.text == ":") for c in token.children)
    )
