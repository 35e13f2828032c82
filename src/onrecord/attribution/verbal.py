"""Attributions anchored on a cue verb in the dependency parse.

Verb cues with a clausal complement: ``X said (that) …``, ``…, X said.``,
``X plans to …``, ``X criticized Y for “…”`` (the quote is found by ``quotes``),
``“…,” said X`` and ``“…,” X, the mayor, told reporters``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..text import DOUBLE_MARKS, DOUBLE_OPEN, STRAIGHT
from .candidate import Candidate, Mention
from .cues import ADDRESSEE_VERBS, BLOCK_NOUNS, NOUNS, XCOMP_CUES, cue_lemma
from .phrases import (
    MEDIUM_NOUNS, cue_tokens, object_content, quoted_object_with_complement, side_taken, with_complement,
)
from .spans import mention, subtree_tokens, token_offsets, tokens_offsets, trimmed
from .subjects import (
    ADVERBIAL_MARKS, APPOSITION_DEPTH, CLAUSE_SUBJECTS, SUBJECTS, after_a_set_off_opening, coordinated_cue,
    interrupted_subject, source_mention, statement_of, subject_of,
)

# How sure each rule is, from its precision on PolNeAR train/dev.
CONFIDENCE_COMPLEMENT = 0.8
CONFIDENCE_INVERTED = 0.85
CONFIDENCE_XCOMP = 0.55
CONFIDENCE_OBJECT = 0.5

# Dependents that belong to the cue's own clause ("the source also added").
_CUE_CLAUSE_DEPS = ("nsubj", "aux", "auxpass", "neg", "advmod", "npadvmod")
# Dependents after a cue that start a clause of their own ("…, adding that …").
_OWN_CLAUSES = ("advcl", "conj", "cc", "xcomp", "dobj", "dative")
_CLAUSE_DEPS = ("ccomp",)
_ADDRESSEE_DEPS = ("dobj", "dative", "iobj")
# A content shorter than this (in tokens) is a fragment of parse noise.
MIN_CONTENT_TOKENS = 2


def linking_phrase(verb: Token) -> bool:
    """"That said, …", "This being said, …": a linking phrase ("even so"), no one's statement
    (PolNeAR train's gold never takes it for a cue; "That said, Millennials say …" is theirs)."""
    doc = verb.doc
    if verb.lower_ != "said" or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return False
    i = verb.i - 1 - (verb.i > 0 and doc[verb.i - 1].lower_ == "being")
    if i < 0 or doc[i].lower_ not in ("that", "this"):
        return False
    # where a clause opens: the sentence's start, after a bracket or a conjunction ("But that said,")
    return i == verb.sent.start or doc[i - 1].is_punct or doc[i - 1].lower_ in ("but", "and", "yet", "still")


def _cue_fragments(verb: Token, base: int) -> list[tuple[int, int]]:
    return [token_offsets(t, base) for t in cue_tokens(verb)]


def addressee_of(verb: Token, lemma: str, base: int, content: list[tuple[int, int]]) -> Mention | None:
    for child in verb.children:
        if child.dep_ in _ADDRESSEE_DEPS and lemma in ADDRESSEE_VERBS and child.pos_ in ("PROPN", "NOUN", "PRON"):
            if child.lower_ in ("statement", "letter", "message", "note", "email"):
                continue
            m = mention(subtree_tokens(child), base)
            if m and not any(start <= m.start < end for start, end in content):
                return m
        if child.dep_ == "prep" and child.lower_ == "to" and lemma in ("say", "write", "explain", "complain", "announce"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return mention(subtree_tokens(pobj), base)
    return None


# "X seems to be Y": an impression with no one to hold it but the reporter.
SEEM_FORMS = frozenset("seem seems seemed seeming appear appears appeared appearing".split())


def _seeming(verb: Token, base: int) -> Candidate | None:
    """PolNeAR takes the subject and the infinitive as the content, and gives no source."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if subject is None or xcomp is None:
        return None
    pieces = [trimmed(subtree_tokens(subject)), trimmed(subtree_tokens(xcomp))]
    if not all(pieces):
        return None
    return Candidate(
        kind="indirect",
        content=[tokens_offsets(p, base) for p in pieces],
        cue=[token_offsets(verb, base)],
        confidence=CONFIDENCE_XCOMP,
        anchor=verb,
    )


def inverted_speaker(verb: Token) -> Token | None:
    """The speaker after a subjectless verb right after a quotation: “We love cats!” reply
    Burton and Nick; “…,” added Gowdy; “…?”, asked the magazine.

    The parser reads such a speaker as the verb's object, as the attribute of a
    verb it took for a copula ("warned Jones"), or, for a name in -ly, as an
    adverb ("admitted Kiely").
    """
    # (a past form the tagger calls a participle too, "“…,” admitted Kiely", where nothing
    # makes it one: no auxiliary)
    if verb.i == 0 or verb.tag_ not in ("VB", "VBP", "VBZ", "VBD", "VBN") or any(
            c.dep_ in SUBJECTS or (verb.tag_ == "VBN" and c.dep_ in ("aux", "auxpass")) for c in verb.children):
        return None
    if not _right_after_a_quotation(verb):
        return None
    speaker = next((c for c in verb.children if c.i > verb.i and (
        c.dep_ in ("dobj", "attr") or (c.dep_ == "advmod" and c.text[:1].isupper()))), None)
    if speaker is None:
        return None
    named = speaker.pos_ == "PRON" or speaker.text[:1].isupper() or any(t.pos_ == "PROPN" for t in speaker.subtree)
    described = any(c.dep_ in ("det", "poss") for c in speaker.children)
    if not named and not (described and verb.tag_ in ("VBD", "VBN", "VBZ")):
        # “…,” asked the magazine; but “We won” announce the results: a bare verb before
        # a common noun is an imperative, not an inverted speaker
        return None
    return speaker


def _right_after_a_quotation(verb: Token) -> bool:
    """Whether a closing quotation mark stands right before the verb: “…?”, implored X (a comma
    after the mark; a no-break space, a token of its own)."""
    if verb.i == 0:
        return False
    before = verb.i - 1
    while before > 0 and (verb.doc[before].is_space or verb.doc[before].text == ","):
        before -= 1
    return verb.doc[before].tag_ == "''" or verb.doc[before].text in "”»"


def _subjectless(verb: Token) -> bool:
    return not any(c.dep_ in SUBJECTS for c in verb.children)


def _inverted_after_quote(verb: Token, base: int) -> Candidate | None:
    """A cue right after a quotation with its speaker after it (``inverted_speaker``); the
    quotation before (``quotes.attach_quotations``) is the content."""
    speaker = inverted_speaker(verb)
    words = subtree_tokens(speaker) if speaker is not None else (
        _speaker_phrase_after(verb) or _speaker_between_mark_and_cue(verb) or _speaker_before_a_who_clause(verb))
    if not words:
        return None
    return Candidate(
        kind="direct",
        content=[],
        cue=_cue_fragments(verb, base),
        source=mention(words, base),
        confidence=CONFIDENCE_INVERTED,
        anchor=verb,
    )


def _speaker_between_mark_and_cue(verb: Token) -> list[Token]:
    """The name between a quotation's closing mark and the cue after it, where the parse made the
    cue a clause inside the quotation and the quotation's last noun its subject: “…, England wanted
    a second opinion,” director of rugby Nigel Melville told the Citizen ("opinion" the subject, the
    name its apposition). A few words with a name, no verb and no other mark."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i), None)
    if subject is None or verb.i < 2:
        return []
    doc = verb.doc
    closer = next((t for t in reversed(doc[subject.left_edge.i : verb.i]) if t.text in DOUBLE_MARKS), None)
    if closer is None or closer.tag_ != "''" or doc[closer.i - 1].text not in (",", "?", "!"):
        return []
    words = list(doc[closer.i + 1 : verb.i])
    if not 0 < len(words) <= _WORDS_AFTER_MARK or not any(t.pos_ == "PROPN" for t in words) or any(
            t.pos_ in ("VERB", "AUX") or t.text in DOUBLE_MARKS for t in words):
        return []
    return words


def _speaker_before_a_who_clause(verb: Token) -> list[Token]:
    """The few words between a subjectless cue right after a quotation and a "who" clause: “…,”
    said the woman, who like many in the town did not want to be quoted (the parse made "the
    woman" the subject of "want", a complement of "said")."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not _subjectless(verb) or not _right_after_a_quotation(verb):
        return []
    end = verb.i + 1
    while end < min(verb.i + 1 + _WORDS_BEFORE_WHO, len(doc) - 1) and doc[end].text != ",":
        end += 1
    words = list(doc[verb.i + 1 : end])
    if not words or doc[end].text != "," or doc[end + 1].lower_ not in ("who", "whose"):
        return []
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in words) or not any(
            t.pos_ in ("NOUN", "PROPN") for t in words):
        return []
    return words


# how many words a speaker's phrase before its "who" clause may have: "the woman", "a local teacher"
_WORDS_BEFORE_WHO = 6


def _speaker_phrase_after(verb: Token) -> list[Token]:
    """The rest of the sentence after a subjectless cue right after a quotation, where the parse
    read the speaker's phrase as a clause or an adverb: “…,” said Tory shadow local government
    secretary Eric Pickles ("Tory" a subject, "shadow" a verb), “…,” said Jurgen den Hartog, one of
    the TNO researchers; “…,” said Friday (a day, to the parse). A capitalised phrase of at most
    fifteen words with no quotation mark and no finite verb."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not _subjectless(verb) or not _right_after_a_quotation(verb):
        return []
    end = verb.sent.end
    while end > verb.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    words = list(doc[verb.i + 1 : end])
    if not 0 < len(words) <= _SPEAKER_PHRASE_WORDS or not words[0].text[:1].isupper():
        return []
    if any(t.text in DOUBLE_MARKS or (t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not _role_taken_for_a_verb(t))
           or t.pos_ == "AUX" for t in words):
        return []
    # (not when or where it was said, after the name: "… Thatcher Demko after the game")
    words = next((words[:k] for k in range(1, len(words))
                  if words[k].lower_ in _WHEN_OR_WHERE and words[k - 1].pos_ == "PROPN"), words)
    return words if any(t.pos_ == "PROPN" for t in words) else []


_SPEAKER_PHRASE_WORDS = 15
_WHEN_OR_WHERE = frozenset("after before during following on at in outside since".split())
# role words the tagger takes for present-tense verbs before a noun: “…,” said Winnipeg Jets head
# coach Rick Bowness ("Jets" a subject, "head" its verb)
_ROLES_TAKEN_FOR_VERBS = frozenset({"head", "chair", "co-chair", "lead", "shadow"})


def _role_taken_for_a_verb(word: Token) -> bool:
    """A role word the tagger read as a present-tense verb: one of ``_ROLES_TAKEN_FOR_VERBS``, or
    any lowercase word between a capitalised one and the nouns of a name that end the phrase or a
    preposition follows ("said Canucks goalie Thatcher Demko after the game", "said England sevens
    coach Mike Friday": the team a subject, the role its verb, the name its object)."""
    if word.lower_ in _ROLES_TAKEN_FOR_VERBS:
        return True
    doc = word.doc
    if word.tag_ not in ("VBZ", "VBP") or not word.is_lower or word.i == 0 or not doc[word.i - 1].text[:1].isupper():
        return False
    name = []
    for token in doc[word.i + 1 : word.sent.end]:
        if token.is_punct or token.is_space or token.tag_ == "IN":
            break
        name.append(token)
    return bool(name) and name[-1].pos_ == "PROPN" and all(t.tag_ in ("NN", "NNS", "NNP", "NNPS") for t in name)


def _opens_with_that(clause: Token) -> bool:
    """Whether a clause opens with "that" as its mark: a that-clause, no relative clause."""
    return clause.left_edge.dep_ == "mark" and clause.left_edge.lower_ == "that"


def _subject_hung_on_the_cue(verb: Token, lemma: str, clause: Token) -> Token | None:
    """The noun the parse hung on the cue that is the subject of the subjectless clause right
    after it: "said the days when the nation had … are gone" ("days" an adverbial noun of
    "said", "are gone" its complement)."""
    if any(c.dep_ in CLAUSE_SUBJECTS for c in clause.children) or (
            lemma in ADDRESSEE_VERBS or clause.left_edge.lower_ == "that"):
        # (whom a cue speaks to is no one's subject: "told the President that if he wants our guns, …",
        # "asked the Cleveland crowd “If …”")
        return None
    return next((c for c in verb.children if c.dep_ in ("npadvmod", "dobj") and verb.i < c.i < clause.i
                 and c.pos_ in ("NOUN", "PROPN") and c.right_edge.i + 1 == clause.left_edge.i), None)


def _clause_hung_off(verb: Token) -> list[Token]:
    """A that-clause the parse hung off a word after the verb instead of the verb; it is
    still what was said.

    Off the medium ("said in a statement that …"), or off any common noun after the verb
    that takes no that-clause of its own ("told the audience at his fundraiser for veterans
    that he …": "that" marks a clause there, it is no relative pronoun; "the claim that …",
    "in the expectation that …" keep theirs, and so does a name, where the parse made a mark
    of a relative "that": "a technology known as RSS that many blogs have adopted"); else
    off an adverb after the verb ("said in an interview recently that …").
    """
    for prep in verb.children:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" and prep.i > verb.i else None
        if pobj is not None and (pobj.lower_ in MEDIUM_NOUNS or (
                pobj.pos_ == "NOUN" and pobj.lower_ not in NOUNS | _FACT_NOUNS)):
            clauses = [c for c in pobj.children if c.dep_ in ("acl", "relcl", "ccomp") and _opens_with_that(c)]
            if clauses:
                return clauses
            if pobj.lower_ in MEDIUM_NOUNS:
                break  # the medium holds no that-clause: none hangs off another noun either
    return [
        c for adverb in verb.children if adverb.dep_ == "advmod" and adverb.i > verb.i
        for c in adverb.children if c.dep_ == "ccomp" and _opens_with_that(c)
    ]


# nouns whose that-clause is their own content, not a cue's before them ("the fact that …")
_FACT_NOUNS = frozenset(
    "fact news evidence idea notion possibility sign signs question theory rumor rumors expectation expectations "
    "assumption understanding impression condition assurance assurances guarantee".split()
)


def _adverbial(clause: Token) -> bool:
    """Whether a clause the parse hung off a cue is an adverbial one, by its own mark ("said so after
    …"); not one whose first words are an adverbial clause of its own ("Although sales fell, the
    market is recovering, Shore said")."""
    mark = clause.left_edge
    if mark.dep_ != "mark" or mark.lower_ not in ADVERBIAL_MARKS:
        return False
    if mark.head.i == clause.i:
        return True
    # (the clause's own words resume after a comma with its subject; a parse that hangs a clause
    # of its own there, "… while others fear it will hurt firms The EC says …", stays out)
    resumes = mark.head.right_edge.i + 1
    return not (resumes < len(clause.doc) and clause.doc[resumes].text == "," and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > resumes for c in clause.children))


def verb_attribution(verb: Token, lemma: str, sent: Span, base: int) -> Candidate | None:
    if verb.lower_ in SEEM_FORMS:
        return _seeming(verb, base)
    if any(
        statement_of(c) is not None and cue_lemma(c.lower_) and any(g.dep_ == "ccomp" for g in c.children)
        for c in [*verb.children, *(c for n in verb.children for c in n.children)]
    ):
        return None  # "issued a statement saying …": the participle's cue and clause carry it
    statement = statement_of(verb)
    inverted = _inverted_after_quote(verb, base)
    if inverted is not None:
        return inverted
    set_off = _speaker_set_off(verb, sent)
    if set_off is not None:
        speaker, pieces = set_off
        return Candidate(
            kind="indirect",
            content=[tokens_offsets(p, base) for p in pieces],
            cue=_cue_fragments(verb, base),
            source=mention(speaker, base),
            confidence=CONFIDENCE_INVERTED,
            anchor=verb,
        )
    clauses = [
        c for c in verb.children
        if c.dep_ in _CLAUSE_DEPS
        and not _adverbial(c)
        and not _participle_after_comma(c)
    ] or _clause_hung_off(verb)
    if clauses:
        # "… that he and Fox News had talked but that nothing could change his mind": a second
        # that-clause the parse made a conjunct of the verb is what was said as well
        last = max(c.i for c in clauses)
        clauses += [c for c in verb.children if c.dep_ == "conj" and c.i > last and _opens_with_that(c)]
        clauses = _before_a_second_statement(sorted(clauses, key=lambda c: c.i))
    confidence = CONFIDENCE_COMPLEMENT
    pieces: list[list[Token]] = []
    extra_cue: list[Token] = []
    taken: Token | None = None  # a speaker the parse took into the content after the cue
    if clauses:
        before = [c for c in clauses if c.i < verb.i]
        after = [c for c in clauses if c.i > verb.i]
        if before and (not after or _quote_closes_before(before, verb)):
            # "…, the source added." : everything before the cue clause
            # ("“…,” Sanders said, suggesting …, “…?”": the closed quote wins)
            pieces = _around_cue_clause(verb, sent)
            confidence = CONFIDENCE_INVERTED
        else:
            first = min(c.left_edge.i for c in after)
            hung = _subject_hung_on_the_cue(verb, lemma, after[0])
            if hung is not None:
                first = hung.left_edge.i  # "said the days when … are gone": the clause's own subject
            last = max(c.right_edge.i for c in after)
            clause = [sent.doc[i] for i in range(first, last + 1)]
            # (a date the clause opens with is its subject there: "said the days when … are gone")
            pieces = [_before_next_attribution(clause if hung is not None else _without_leading_time(clause))]
            if first < verb.i:
                pieces = _around_relative_cue(verb, pieces[0])
            interrupted = interrupted_subject(verb)
            if interrupted is not None and interrupted.i < first:
                pieces.insert(0, subtree_tokens(interrupted))  # "The deal, the company said, would close …"
            elif interrupted is None and (opening := _opening_before_set_off_cue(verb, sent)):
                pieces.insert(0, opening)  # "If prices rise, Mr Fox said, the bank will …"
            taken = _speaker_taken_into_the_clause(verb, after[0])
            if taken is not None:
                # "For instance, said Mr Makower, credit cards are rare": the speaker, then the content
                pieces[-1] = [t for t in pieces[-1] if t.i > taken.right_edge.i]
    elif _hangs_off_content(verb):
        # "We will win, he said." parsed with the cue hanging off the content verb
        pieces = _around_cue_clause(verb, sent)
        confidence = CONFIDENCE_INVERTED
    elif lemma in XCOMP_CUES:
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if xcomp is not None:
            # "urged supporters to monitor the polls": PolNeAR takes who is urged along
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj") and verb.i < c.i < xcomp.i), None)
            start = obj.left_edge.i if obj is not None else xcomp.left_edge.i
            pieces = [[verb.doc[i] for i in range(start, xcomp.right_edge.i + 1)]]
            confidence = CONFIDENCE_XCOMP
            on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and verb.i < c.i < xcomp.i), None)
            if on is not None:
                # "called on Howard Dean to apologize": PolNeAR's cue is "called on Howard Dean"
                extra_cue = [verb.doc[i] for i in range(verb.i + 1, on.right_edge.i + 1)]
    if statement is not None:
        # PolNeAR's cue runs from the verb through the participle: "issued a statement saying"
        extra_cue = [verb.doc[i] for i in range(statement.head.i, verb.i)]
    cue_words = sorted(set(cue_tokens(verb)) | set(extra_cue), key=lambda t: t.i)
    answer = None if pieces else _one_word_answer(verb)
    if answer is not None:
        pieces, confidence = [[answer]], CONFIDENCE_OBJECT  # "46 percent of voters said yes"
    named_by_a_relative = None if pieces else _named_by_a_relative(verb)
    if named_by_a_relative is not None:
        pieces, confidence = named_by_a_relative, CONFIDENCE_OBJECT  # "bodies, which he called “a cartel”"
    if not pieces:
        # "X called for the ratification of …", "X questioned the integrity of …"
        obj = object_content(verb, lemma) or quoted_object_with_complement(verb, lemma)
        if obj is not None and obj.head.i != verb.i and _after_a_quotation(verb):
            # "“…,” Cole Haddon wrote on Twitter", "“…!” he said to an enormous cheer": the
            # quotation is what was said; the preposition says where or to whom, or what of
            return _quote_holder(verb, lemma, base)
        charge = _charge(verb, lemma, obj) or _light_object_topic(obj)
        if obj is not None and obj.lower_ in BLOCK_NOUNS and sent.text.rstrip().endswith(":"):
            # "issued the following statement:" introduces the quotation after it; the
            # statement is part of the cue (PolNeAR), not what was said
            holder = _quote_holder(verb, lemma, base)
            if holder is not None:
                cue_words = sorted(set(cue_words) | set(subtree_tokens(obj)), key=lambda t: t.i)
                holder.cue = [token_offsets(t, base) for t in cue_words]
            return holder
        if charge is not None:
            # "accused the North's leader of “fanatic recklessness”": PolNeAR's cue runs
            # through the accused, the content is the charge
            pieces = [subtree_tokens(charge)]
            confidence = CONFIDENCE_OBJECT
            cue_words = sorted(set(cue_words) | {verb.doc[i] for i in range(verb.i, charge.head.i + 1)}, key=lambda t: t.i)
        elif obj is not None:
            pieces = [with_complement(verb, obj)]
            confidence = CONFIDENCE_OBJECT
            if obj.head.i != verb.i:
                cue_words = sorted(cue_words + [obj.head], key=lambda t: t.i)
    if answer is None:  # (a one-word answer is no phrase to trim: "so" would go as a link)
        pieces = [trimmed(p) for p in pieces]
    if pieces and confidence in (CONFIDENCE_COMPLEMENT, CONFIDENCE_OBJECT, CONFIDENCE_XCOMP):
        pieces[-1] = _without_trailing_aside(pieces[-1])
    # a named object is content on its own: "the union endorses Clinton"
    # (or the pronoun a side is taken with: "endorsed her")
    named = bool(pieces) and confidence == CONFIDENCE_OBJECT and len(pieces[0]) == 1 and (
        pieces[0][0].pos_ == "PROPN" or side_taken(verb, pieces[0][0]))
    # a short opening before an interrupting cue ("Perhaps, he said, …") counts with what follows
    if not pieces or (sum(map(len, pieces)) < MIN_CONTENT_TOKENS and not named and answer is None):
        # maybe "X called the plan “a very expensive promise”": ``quotes`` attaches the quote
        return _quote_holder(verb, lemma, base)
    subject = subject_of(verb)
    if subject is None and taken is not None:
        subject = taken
    if confidence == CONFIDENCE_INVERTED and (subject is None or subject.head.i != verb.i):
        glued = _source_glued_to_content(verb)
        if glued is not None:
            # "…with the media companies, her lawyer, Perry Wander, said": the content ends at the comma
            subject = glued
            pieces[-1] = trimmed([t for t in pieces[-1] if t.i < glued.left_edge.i])
            if not pieces[-1]:
                return None
        elif subject is None:
            subject = _object_after(verb)  # "…, added the spokesman": the parse's object speaks
    fragments = [tokens_offsets(p, base) for p in pieces if p]
    source = source_mention(subject, base, fragments) if subject is not None else None
    if subject is not None and confidence == CONFIDENCE_INVERTED:
        closer = _closing_mark_before(verb, sent, subject.left_edge.i)
        if closer is not None and closer.i + 1 < subject.left_edge.i:
            source = mention([sent.doc[i] for i in range(closer.i + 1, subject.right_edge.i + 1)], base)
        inside = _closing_mark_in_subject(verb, subject.left_edge.i)
        if inside is not None:
            source = mention([sent.doc[i] for i in range(inside.i + 1, min(subject.right_edge.i + 1, verb.i))], base)
    if subject is None and confidence == CONFIDENCE_INVERTED:
        # “…,” the 41-year-old said: the parse gave the cue no subject, only the words of one
        closer = _closing_mark_before(verb, sent, verb.i)
        if closer is not None and closer.i + 1 < verb.i:
            source = mention([sent.doc[i] for i in range(closer.i + 1, verb.i)], base)
    return Candidate(
        kind="indirect",
        content=fragments,
        cue=[token_offsets(t, base) for t in cue_words],
        source=source,
        addressee=addressee_of(verb, lemma, base, fragments),
        confidence=confidence,
        anchor=verb,
    )


def _speaker_set_off(verb: Token, sent: Span) -> tuple[list[Token], list[list[Token]]] | None:
    """(speaker, content) of a cue and its speaker set off by commas inside what was said:
    "Often, said Mr Pearson, the data was sold within hours", "Instead, said Mr Doctorow, DRM
    systems were …". Read from the words, not the parse, which hangs the clause after off the
    name, or takes the name into it as a subject."""
    doc = verb.doc
    if not after_a_set_off_opening(verb):
        return None
    comma = next((t.i for t in doc[verb.i + 1 : min(sent.end, verb.i + 2 + _SET_OFF_SPEAKER_WORDS)] if t.text == ","), None)
    if comma is None:
        return None
    end = sent.end
    while end > comma + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1  # (the full stop is the sentence's, as a clause's subtree leaves it out)
    speaker, before = list(doc[verb.i + 1 : comma]), trimmed(list(doc[sent.start : verb.i - 1]))
    second = next((t.i for t in doc[comma + 1 : min(end, comma + 2 + _APPOSITION_WORDS)] if t.text == ","), None)
    if second is not None and any(t.dep_ == "appos" and not comma < t.head.i < second for t in doc[comma + 1 : second]):
        # "Not least, said Paul King, principal security consultant at Cisco, because …": the
        # speaker's apposition between the second comma and a third (not "the deal, which …")
        speaker, comma = list(doc[verb.i + 1 : second]), second
    after = trimmed(list(doc[comma + 1 : end]))
    if not speaker or not (speaker[0].text[:1].isupper() or speaker[0].lower_ in ("the", "a", "an")) or not any(
            t.pos_ in ("PROPN", "NOUN") for t in speaker) or any(t.pos_ in ("VERB", "AUX", "PRON") for t in speaker):
        return None
    if any(t.text in DOUBLE_MARKS for t in after):
        return None  # (a quotation is the parse's to read)
    # (what follows the speaker is a clause of its own, not more about the speaker: "…, who …", "…,
    # adding …", "…, an Orlando Republican who founded …")
    finite = next((t for t in after if t.tag_ in ("VBD", "VBZ", "VBP", "MD")), None)
    if (len(after) < MIN_CONTENT_TOKENS or after[0].tag_ == "VBG" or after[0].lower_ in ("a", "an", "another")
            or finite is None or any(t.lower_ in _WHO for t in after[: finite.i - after[0].i])):
        return None
    # a link before the cue is none of what was said ("Instead", "For instance": PolNeAR leaves it
    # out); what else came before is ("Often", "In some cases", "The tone of the campaign")
    linking = " ".join(t.lower_ for t in before) in _LINKS
    return speaker, [after] if linking or not before else [before, after]


def _opening_before_set_off_cue(verb: Token, sent: Span) -> list[Token]:
    """What opens the sentence before a subject and its cue set off by commas, whose clause after
    is what was said: "If prices rise, Mr Fox said on Monday, the bank will …" (PolNeAR takes the
    opening into the content; not a link: "Instead, he said, …"; nor a quotation's own words)."""
    doc = verb.doc
    # (the word checks first, the subject last: this runs for every cue with a clause after it)
    # the cue's own words end at a comma before the clause: "said on Monday, the bank …"
    end = max([verb.i] + [c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ not in _CLAUSE_DEPS + ("punct",)])
    if end + 1 >= sent.end or doc[end + 1].text != ",":
        return []
    if any(t.text in DOUBLE_MARKS or t.tag_ in ("``", "''") for t in sent):
        return []  # (a quotation's sentence is the quotation marks' to cut)
    subject = subject_of(verb)
    if subject is None or not sent.start < subject.left_edge.i < verb.i or subject.tag_ in ("WDT", "WP"):
        return []  # (nor what a relative clause hangs off: "Telecoms firm Eircom, which revealed …")
    comma = subject.left_edge.i - 1
    opening = list(doc[sent.start : comma])
    if not opening or doc[comma].text != "," or trimmed(opening) != opening:
        return []
    if any(t.ent_type_ in ("DATE", "TIME") for t in opening) or any(
            t.pos_ in ("VERB", "AUX") and cue_lemma(t.lower_) for t in opening):
        return []  # when it was said ("On Friday, he told …"), or what another cue says
    outside = [t for t in opening if t.head.i >= comma]
    if any(t.dep_ in SUBJECTS or (t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not any(c.dep_ == "mark" for c in t.children))
           for t in outside):
        # a subject of the cue ("Rhian Price, Plaid Cymru spokesman said, …": one speaker, split), or a
        # main clause of its own ("Mr. Trump is so reckless, Biden said, that …")
        return []
    return [] if " ".join(t.lower_ for t in opening) in _LINKS else opening


def _one_word_answer(verb: Token) -> Token | None:
    """"46 percent of voters said yes", "after half said so": a one-word answer right after the cue,
    ending its clause, is what was said (PolNeAR marks it; not "said no to the plan")."""
    doc = verb.doc
    answer = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if answer is None or answer.lower_ not in _ANSWERS or answer.head.i != verb.i:
        return None
    after = doc[answer.i + 1] if answer.i + 1 < len(doc) else None
    return answer if after is None or (after.is_punct and after.text not in DOUBLE_MARKS) or after.lower_ in (
        "and", "but", "while", "in", "when") else None


_ANSWERS = frozenset({"yes", "no", "so"})
_SET_OFF_SPEAKER_WORDS = 6
_APPOSITION_WORDS = 12
_LINKS = frozenset(
    "instead also however similarly meanwhile moreover furthermore indeed still yet besides likewise nevertheless "
    "nonetheless otherwise then now".split()
) | {"for instance", "for example", "by contrast", "in contrast", "in addition", "of course", "in fact", "not least"}
# the words that open a relative clause on the speaker ("…, who runs the firm")
_WHO = frozenset("who whom whose which".split())


def _source_glued_to_content(verb: Token) -> Token | None:
    """The speaker the parse joined to the content before a subjectless cue as one more conjunct:
    "Others targeted include Letwin, Davis and May, Lib Dem's elections chief Lord Rennard said",
    "… to the rest of the world, the Office for National Statistics (ONS) said".

    From the word before the verb (over a bracketed abbreviation) up through the name's
    appositions and prepositions to the conjunct (or an apposition to a plural, which no one
    person is), which a comma must open and the verb end.
    """
    doc = verb.doc
    if not _subjectless(verb):
        return None
    last = verb.i - 1
    if last > 0 and doc[last].text == ",":
        last -= 1  # "…, her lawyer, Perry Wander, said"
    if last > 0 and doc[last].text == ")":
        opening = next((i for i in range(last - 1, max(last - 6, 0), -1) if doc[i].text == "("), None)
        last = opening - 1 if opening is not None else last
    node = doc[last]
    for _ in range(APPOSITION_DEPTH):
        if node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN"):
            break
        if node.dep_ == "appos" and node.tag_ in ("NN", "NNP") and node.head.tag_ == "NNS":
            break  # "… with the media companies, her lawyer, Ann Dorsey, said": no apposition of a plural
        if node.dep_ not in ("appos", "pobj", "prep", "compound") or not node.head.i < node.i < verb.i:
            return None
        node = node.head
    else:
        return None
    start = node.left_edge.i
    # (a comma opens the speaker's phrase: a list's last member, "and the rest of the world", is content)
    if start == 0 or doc[start - 1].text != "," or node.right_edge.i >= verb.i:
        return None
    return node


def _speaker_taken_into_the_clause(verb: Token, clause: Token) -> Token | None:
    """The speaker right after a subjectless cue that interrupts what was said, which the parse
    made a first subject of the clause after it: "For instance, said Mr Makower, credit cards
    are rare in China" (Makower and cards both subjects of "are")."""
    if clause.i < verb.i or not _subjectless(verb):
        return None
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if len(subjects) < 2 or subjects[0].left_edge.i != verb.i + 1:
        return None
    first = subjects[0]
    after = first.right_edge.i + (0 if first.right_edge.text == "," else 1)
    return first if after < len(verb.doc) and verb.doc[after].text == "," else None


def _object_after(verb: Token) -> Token | None:
    """The speaker after a subjectless cue that follows what was said, which the parse made its
    object: "There was no legal duty to respond, claimed the union organisation." (described
    or named: not "…, said nothing")."""
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    # the cue clause is only the verb and its speaker, between a comma and the sentence's end (not
    # "… — adds another magic number to the mix", "…), endorsed Senator Ted Cruz of Texas, urging …")
    if obj is None or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    end = obj.right_edge.i + 1
    if end < len(doc) and not (doc[end].text in ".!?" or doc[end].is_sent_start):
        return None
    named = obj.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") and c.lower_ not in ("no", "any") for c in obj.children)
    return obj if named and obj.pos_ in ("NOUN", "PROPN") else None


# Nouns that carry their verb's meaning: "took heat for …", "voiced support for …",
# "raised questions about …". PolNeAR's cue runs through the noun and its
# preposition; the content is what the preposition governs.
LIGHT_NOUNS = frozenset(
    "support heat credit insight insights question questions concern concerns doubt doubts criticism "
    "praise warning warnings opposition objection objections hope hopes fear fears confidence "
    "skepticism frustration anger outrage interest proposal proposals plan plans call calls unity "
    "message sympathy condolences".split()
)
_TOPIC_PREPS = ("for", "on", "about", "into", "over", "to", "with", "against", "of")


def _around_relative_cue(verb: Token, tokens: list[Token]) -> list[list[Token]]:
    """A complement that opens before its cue: "the rule, which critics said was unfair".

    The relative pronoun belongs to the complement, but the cue clause ("critics
    said") stands inside it; PolNeAR takes the pronoun and the rest as two
    fragments, and the cue's subject stays the source.
    """
    own = [c for c in verb.children if c.dep_ in _CUE_CLAUSE_DEPS and c.i < verb.i]
    clause_start = min([verb.i] + [c.left_edge.i for c in own])
    before = [t for t in tokens if t.i < clause_start]
    after = [t for t in tokens if t.i > verb.i]
    return [piece for piece in (before, after) if piece]


def _named_by_a_relative(verb: Token) -> list[list[Token]] | None:
    """What a relative clause calls its antecedent: "accreditation bodies, which he called “a cartel
    for higher education”". PolNeAR takes the pronoun and the complement as two fragments, the
    cue clause between them (as ``_around_relative_cue`` does for "which critics said was unfair"),
    and the clause then stands apart from any content it sits in."""
    if verb.dep_ != "relcl":
        return None
    pronoun = next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i and c.lower_ in ("which", "whom")), None)
    if pronoun is None:
        return None
    complement = [t for t in with_complement(verb, pronoun) if t.i > verb.i]
    return [[pronoun], complement] if complement else None


def _without_leading_time(tokens: list[Token]) -> list[Token]:
    """A that-less complement without the date the parse hangs inside it: "said [on] Tuesday the tax
    would stay" (PolNeAR train: the content starts after the day 58 times, at it once, by
    ``benchmarks/gold_spans.py``)."""
    start = 0
    if len(tokens) > 1 and tokens[0].lower_ in ("on", "at") and tokens[1].ent_type_ in ("DATE", "TIME"):
        start = 1
    if start < len(tokens) and tokens[start].ent_type_ not in ("DATE", "TIME"):
        return tokens
    while start < len(tokens) and tokens[start].ent_type_ in ("DATE", "TIME"):
        start += 1
    rest = tokens[start:]
    # the day must be followed by a clause of its own, not be its subject ("said Tuesday was the deadline")
    return rest if rest and rest[0].dep_ not in ("ROOT", "ccomp") and any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in rest) else tokens


def _light_object_topic(obj: Token | None) -> Token | None:
    if obj is None or obj.lower_ not in LIGHT_NOUNS:
        return None
    prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and c.i > obj.i), None)
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


def _charge(verb: Token, lemma: str, obj: Token | None) -> Token | None:
    """What someone is accused of: the object of "of" after "accused X"."""
    if lemma != "accuse" or obj is None:
        return None
    of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > obj.i), None)
    return next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None


def _before_a_second_statement(clauses: list[Token]) -> list[Token]:
    """"Half said Clinton is honest, and three-quarters said the same of Sanders": the parse
    makes the second cue a second complement of the first; it is a statement of its own
    (a cue with its own subject after "and" or "but"), so the content ends before it."""
    for n, clause in enumerate(clauses[1:], 1):
        before = clause.left_edge.i - 1  # (the parse hangs ", and" off the clause before)
        joined = before > clauses[n - 1].i and clause.doc[before].dep_ == "cc"
        if joined and cue_lemma(clause.lower_) and any(c.dep_ in SUBJECTS for c in clause.children):
            return clauses[:n]
    return clauses


def _before_next_attribution(tokens: list[Token]) -> list[Token]:
    """Cut a content where a coordinated clause starts an attribution of its own.

    "She said fathers would not be eligible, and when pressed, the adviser
    replied, “…”": the parse puts the second clause inside the first one's
    complement, but it is someone else's statement.
    """
    inside = {t.i for t in tokens}
    for token in tokens[1:]:
        if _speakers_next_act(token, inside):
            return [t for t in tokens if t.i < token.left_edge.i]
        if coordinated_cue(token) and token.i - 1 in inside:
            # "said the plan was sound and added that …": the same speaker's next statement
            return trimmed([t for t in tokens if t.i < token.i - 1])
        if token.dep_ != "conj" or any(c.dep_ == "mark" and c.lower_ == "that" and c.i < token.i for c in token.children):
            # "said that A and that B thinks C": a second complement of the same cue, not a new statement
            continue
        own_cue = any(
            t.pos_ in ("VERB", "AUX") and cue_lemma(t.lower_) and any(c.dep_ in SUBJECTS for c in t.children)
            for t in token.subtree
        )
        if own_cue:
            return [t for t in tokens if t.i < token.left_edge.i]
    return tokens


# Dependents that, set off by a comma at the end of a content, are the
# reporter's aside: ", which receives some funding", ", contradicting the
# police's claim", ", a former lieutenant governor", ", although he refused".
_ASIDE_DEPS = ("relcl", "advcl", "appos", "acl", "npadvmod")


def _without_trailing_aside(tokens: list[Token]) -> list[Token]:
    """Drop the reporter's aside that ends a content (PolNeAR leaves it out)."""
    if len(tokens) < 4:
        return tokens
    last = tokens[-1].i - (1 if tokens[-1].is_punct else 0)
    first = tokens[0].i
    for token in tokens[3:]:
        if token.dep_ not in _ASIDE_DEPS or token.right_edge.i < last:
            continue
        left = token.left_edge.i
        quoted = any(t.text in DOUBLE_MARKS for t in token.subtree)  # the speaker's own words
        if left - 1 > first + 2 and token.doc[left - 1].text == "," and not quoted:
            return [t for t in tokens if t.i < left - 1]
        # "saying “That makes me smart,” when Clinton blasted him": the occasion
        # after a quotation that is the whole content is the reporter's
        after_quote = left - 1 > first and token.doc[left - 1].text in DOUBLE_MARKS and tokens[0].text in DOUBLE_MARKS
        if after_quote and token.dep_ == "advcl" and token.left_edge.lower_ in ADVERBIAL_MARKS:
            return [t for t in tokens if t.i < left]
    return tokens


def _speakers_next_act(token: Token, inside: set[int]) -> bool:
    """"…, arguing that …", "…, citing …": a participle after a comma reports the speaker again."""
    return token.dep_ == "advcl" and token.head.i in inside and _participle_after_comma(token) and cue_lemma(token.lower_) is not None


def _closing_mark_before(verb: Token, sent: Span, clause_start: int) -> Token | None:
    """A closing quotation mark a few name words before the cue's subject, if any.

    The words between may be a name ("Tulsa police Chief Jordan", with a role the tagger
    took for a bare verb: "screenwriter Cole Haddon") or an age the parse hangs off the
    cue word by word (“…,” the 41-year-old said); after a quotation its own comma closes,
    any phrase without a verb (``_closed_quotation_before``).
    """
    doc = verb.doc
    closed = _closed_quotation_before(verb, sent, clause_start)
    if closed is not None:
        return closed
    for i in range(clause_start - 1, max(sent.start, clause_start - _WORDS_AFTER_MARK) - 1, -1):
        token = doc[i]
        if token.text in DOUBLE_MARKS and i > sent.start:
            return token
        name_word = token.is_alpha and (token.pos_ in ("PROPN", "NOUN", "ADJ") or token.is_title or (
            token.tag_ == "VB" and doc[i + 1].pos_ == "PROPN"))
        age_word = token.text == "-" or token.like_num
        opens = token.pos_ == "DET" and i > sent.start and doc[i - 1].text in DOUBLE_MARKS
        # a name set before its role: “…,” Andrew Pendleton, Christian Aid's head of trade policy, said
        apposed = token.text == "," and i - 1 > sent.start and doc[i - 1].pos_ == "PROPN"
        if not (name_word or age_word or opens or apposed):
            return None
    return None


def _closed_quotation_before(verb: Token, sent: Span, clause_start: int) -> Token | None:
    """The closing mark of a quotation its own comma closes, a phrase of up to twelve words with no
    verb before the cue: the speaker's, however long ("“…,” Andrew Pendleton, Christian Aid's head
    of Trade Policy, said", "“…,” Jeff Joseph, from the Consumer Electronics Association (CEA)
    told"); not a word in scare quotes ("steer away from “demonising” ex-Downing Street media
    chief Alastair Campbell, Peter Mandelson has said")."""
    doc = verb.doc
    for i in range(clause_start - 1, max(sent.start, clause_start - _WORDS_AFTER_CLOSED_QUOTE) - 1, -1):
        token = doc[i]
        if token.text in DOUBLE_MARKS:
            phrase = doc[i + 1 : clause_start]
            closed = i > sent.start and doc[i - 1].text in (",", "?", "!")
            return token if closed and any(t.pos_ in ("PROPN", "NOUN") for t in phrase) else None
        # (a role the tagger took for a bare verb, "screenwriter Cole Haddon", is no verb)
        verb_here = token.pos_ in ("VERB", "AUX") and not (token.tag_ == "VB" and doc[i + 1].pos_ == "PROPN")
        if verb_here or token.text in ";:":
            return None
    return None


# how many words a speaker's phrase between a closing mark and its cue may have (after a
# quotation its own comma closes, and otherwise)
_WORDS_AFTER_CLOSED_QUOTE = 12
_WORDS_AFTER_MARK = 7


def _closing_mark_in_subject(verb: Token, clause_start: int) -> Token | None:
    """A closing mark between the cue's subject and the cue: the subject starts inside the quotation.

    “That was a good speech, Mr. President,” Representative Steve Cohen,
    Democrat of Tennessee, told Mr. Obama: the parse makes "President" the
    subject and the name its apposition; the speaker is what follows the mark.
    """
    doc = verb.doc
    marks = [t for t in doc[clause_start : verb.i] if t.text in DOUBLE_MARKS]
    if not marks or marks[-1].i == clause_start:
        return None
    after = doc[marks[-1].i + 1 : verb.i]
    return marks[-1] if any(t.pos_ in ("PROPN", "NOUN") for t in after) else None


def _after_a_quotation(verb: Token) -> bool:
    """Whether the cue's subject comes right after a closing quotation mark: “…,” X said.

    (Looked for in the whole paragraph: the parse may end a sentence at the mark, “…!” he said;
    no verb between: "the “Veritas” party said they wrote on …" is no quotation's speaker.)"""
    subject = subject_of(verb)
    doc = verb.doc
    if subject is None or subject.i > verb.i or verb.tag_ in ("VBG", "VBN") or subject.tag_ in ("WDT", "WP") or any(
            t.is_punct for t in doc[subject.i + 1 : verb.i]):
        # (not "“…,” he said, referring to …", "X, asked about …, said", "“…” that would respond to
        # requests, X wrote": another cue's quotation)
        return False
    # (from the subject's own token: the parse may hang the quotation on the subject's phrase)
    mark = _closing_mark_before(verb, doc[:], subject.i)
    if mark is None:
        return False
    closing = mark.tag_ == "''" or mark.text in "”»" or (mark.text == '"' and bool(mark.whitespace_))
    # (a quotation closed by a full stop ends its sentence: “… needs.” He also called for …)
    return closing and doc[mark.i - 1].text != "."


def _quote_closes_before(before: list[Token], verb: Token) -> bool:
    """Whether a closing quotation mark ends the clause before the cue: “…,” X said."""
    doc = verb.doc
    end = max(c.right_edge.i for c in before)
    gap = doc[end + 1 : verb.i]
    return any(t.text in DOUBLE_MARKS for t in gap[:3]) and len(gap) <= 8


def _participle_after_comma(token: Token) -> bool:
    """"…, suggesting a few questions": a subjectless -ing clause set off by a comma."""
    if token.tag_ != "VBG" or any(c.dep_ in SUBJECTS for c in token.children):
        return False
    left = token.left_edge.i
    return left > 0 and token.doc[left - 1].text == ","


def _hangs_off_content(verb: Token) -> bool:
    """"We will win, he said." parsed with the cue as a dependent of the content's verb."""
    head = verb.head
    if head.i == verb.i:
        return False
    if (verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and head.i > verb.i and not cue_lemma(head.lower_))) and (
            _set_off_by_commas(verb)):
        # "Perhaps, he said, this town …", "In both cases, Trump said, those donations …",
        # "Back then, Ripert said, she found …": the cue interrupts the content, whatever its head
        # (or whichever way the parse hangs them: "If anything, Ash argued in his email, the
        # incident is …" with the cue as the complement of the content's verb; not a complement
        # of a cue after it: "…, most people have never heard of blogs, the survey found")
        return True
    if head.pos_ not in ("VERB", "AUX") or cue_lemma(head.lower_):
        return False
    if verb.dep_ == "parataxis":
        # "…, he said." and the interrupted "Too often, he said, the debate is …"
        return True
    if head.i > verb.i:
        return False
    if verb.dep_ == "conj" and verb.doc[verb.i - 1].text == "," and _inverted_subject(verb):
        # "The plant is hanging on, said the chief executive." parsed as a second clause of the content
        return True
    # a ccomp after its head is an inverted cue only when punctuation sets it off
    left = verb.left_edge
    return verb.dep_ == "ccomp" and left.i > 0 and verb.doc[left.i - 1].is_punct


def _inverted_subject(verb: Token) -> bool:
    """Whether the cue's subject follows it and nothing else of its own comes first ("…, said the mayor")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return bool(subjects) and all(c.i > verb.i for c in subjects) and not any(
        c.dep_ in ("cc", "aux", "neg") for c in verb.children)


def _set_off_by_commas(verb: Token) -> bool:
    """", he said, ": the cue's clause has a comma on each side inside its sentence."""
    doc = verb.doc
    left = min([verb.i] + [c.left_edge.i for c in verb.children if c.dep_ in _CUE_CLAUSE_DEPS and c.i < verb.i])
    right = max([verb.i] + [c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ != "punct"])
    return left > 0 and doc[left - 1].text == "," and right + 1 < len(doc) and doc[right + 1].text == ","


def _quote_holder(verb: Token, lemma: str, base: int) -> Candidate | None:
    """A cue with no clause: kept, content empty, in case a quotation follows in its subtree."""
    subject = subject_of(verb)
    if subject is None:
        return None
    return Candidate(
        kind="direct",
        content=[],
        cue=_cue_fragments(verb, base),
        source=source_mention(subject, base),
        addressee=addressee_of(verb, lemma, base, []),
        confidence=CONFIDENCE_COMPLEMENT,
        anchor=verb,
    )


def _around_cue_clause(verb: Token, sent: Span) -> list[list[Token]]:
    """The sentence before the clause that holds the cue verb, and what resumes after it.

    "Trump's stance hurt him, Graham said, since young voters care." gives two
    fragments; a clause of its own after the cue ("…, adding that …") does not
    resume the content.
    """
    interrupted = interrupted_subject(verb)
    own = [c for c in verb.children if c.dep_ in _CUE_CLAUSE_DEPS and (interrupted is None or c.i != interrupted.i)]
    clause_start = min([verb.i] + [c.left_edge.i for c in own if c.i < verb.i])
    while clause_start < verb.i and sent.doc[clause_start].text in DOUBLE_MARKS:
        clause_start += 1  # the quotation's closing mark, hung off the subject by the parse
    closer = _closing_mark_before(verb, sent, clause_start) or _closing_mark_in_subject(verb, clause_start)
    if closer is not None:
        # “…,” Tulsa police Chief Jordan said: a misparse hangs "Tulsa" off the
        # quote; the closing mark ends the content, the name is the speaker's
        clause_start = closer.i + 1
    # on the right, the cue clause holds every modifier ("said on Tuesday in a statement")
    right = [c for c in verb.children if c.i > verb.i and c.dep_ not in _OWN_CLAUSES + _CLAUSE_DEPS + ("punct",)]
    clause_end = max([verb.i] + [c.right_edge.i for c in right])
    before = [sent.doc[i] for i in range(sent.start, clause_start)]
    colon = next((t for t in reversed(before) if t.text == ":"), None)
    if colon is not None and colon.i + 1 < clause_start and sent.doc[colon.i + 1].text in DOUBLE_MARKS:
        # "X scolded him: “…,” she said.": the quotation after the colon is what was said
        before = [t for t in before if t.i > colon.i]
    said = next((t for t in before if linking_phrase(t)), None)
    if said is not None:
        # "(That said, she also noted, “…”)": the linking phrase opens the cue's sentence, it says nothing
        before = [t for t in before if t.i > said.i + 1]
    after: list[Token] = []
    stop = min([c.left_edge.i for c in verb.children if c.dep_ in _OWN_CLAUSES + _CLAUSE_DEPS and c.i > verb.i] + [sent.end])
    resumes = clause_end + 1 < sent.end and sent.doc[clause_end + 1].text in (",", "—", "–", "--")
    if resumes and clause_end + 1 < stop:
        after = trimmed([sent.doc[i] for i in range(clause_end + 1, stop)])
    fragments = [before]
    if len(after) >= MIN_CONTENT_TOKENS and any(t.is_alpha for t in after):
        if after[0].text in DOUBLE_OPEN + STRAIGHT and _lead_in(trimmed(before)):
            # "In an interview on Tuesday, she said, “I never …”": the phrase before the
            # cue says when or where it was said; the quotation after it is what was
            return [after]
        fragments.append(after)
    elif _quotation_right_after(verb) and _lead_in(trimmed(before)):
        # "Asked if …, Trump replied, “Well, maybe so.”" with the quotation's first words hung on
        # the cue: nothing before it was said; ``quotes`` attaches the quotation to the cue
        return []
    return fragments


def _quotation_right_after(verb: Token) -> bool:
    """Whether a quotation opens right after the cue and its comma or colon: said, “…”."""
    doc = verb.doc
    after = verb.i + 1
    while after < len(doc) and doc[after].text in (",", ":"):
        after += 1
    return verb.i + 1 < after < len(doc) and doc[after].text in DOUBLE_OPEN + STRAIGHT


_TOPIC_WORDS = frozenset({"of", "as", "about", "regarding", "concerning"})


def _lead_in(tokens: list[Token]) -> bool:
    """Whether words before a cue only set the scene: no verb, no subject, no quotation of their own.

    Not a topic ("Of the scrutiny over his wife, he said, “…”"): PolNeAR keeps it in the content.
    The question put to the speaker is one, verbs and all ("Asked if he was encouraging violence,
    Trump replied, “Well, maybe so.”": PolNeAR train never keeps it in the content).
    """
    if len(tokens) > 1 and tokens[0].lower_ == "asked" and tokens[0].tag_ == "VBN":
        return True
    return bool(tokens) and tokens[0].text not in DOUBLE_MARKS and tokens[0].lower_ not in _TOPIC_WORDS and not any(
        t.pos_ in ("VERB", "AUX") or t.dep_ in CLAUSE_SUBJECTS + ("ROOT",) for t in tokens)
