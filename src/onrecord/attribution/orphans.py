"""Quotations no cue claimed: the verb that governs them is the cue.

PolNeAR counts far more than speech verbs: "PolitiFact rated 22% of claims
as “entirely true”", "Lynch agreed to an interview for “Women in Power”",
"the bill, known as the “Justice Against Sponsors of Terrorism Act”". A
quotation left over once every cue has taken its own is someone's words (or
a name someone gave); the phrase that holds it, hanging off a verb, is the
content, that verb the cue and its subject the source. A quotation with no
verb above it in the parse but a name and a verb right after it ("“Go back
to Univision,” Trump barked") is that name's, with that verb as the cue; after “…?” or
“…!”, where the parse ends the sentence, only a lexicon's cue with no statement of its own
speaks it (“Why …?” Mrs. Clinton asked.).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..text import Unit
from .according import relays
from .candidate import Candidate, Offsets
from .cues import cue_lemma
from .phrases import cue_tokens, with_complement
from .quotes import QuoteIndex, read_after, stretch_to_quotations
from .spans import DisjointSpans, ParsedUnits, mention, subtree_tokens, token_offsets, tokens_offsets, trimmed, unit_span
from .subjects import CLAUSE_SUBJECTS, subject_of
from .verbal import inverted_speaker

CONFIDENCE_ORPHAN = 0.4
# A verb further than this many tokens before its preposition is not one cue with it.
MAX_CUE_SPAN = 3


def orphan_quotations(
    text: str, units: list[Unit], index: QuoteIndex, candidates: list[Candidate], titles: set[int]
) -> list[Candidate]:
    """``candidates`` and one more per single-paragraph quotation that no candidate's content
    touches and that is no title (the indices in ``titles``).

    A floating quote (a paragraph that opens with a quotation, taken to go on with the
    statement before it) is given back where a name and a verb after its comma speak it:
    “…,” Bozell answers. (the parse made the name a compound of the verb, so no cue rule
    took the sentence)."""
    floating = {c.content[0]: c for c in candidates if c.continues is not None and len(c.content) == 1}
    given = {id(c) for c in floating.values()}
    taken = DisjointSpans()  # what the contents cover (a floating quote's aside), found by bisection
    for fragment in (f for c in candidates if id(c) not in given for f in c.content):
        taken.add(fragment)
    parsed = ParsedUnits(units)
    found = []
    for i, quote in enumerate(index.quotes):
        if len(quote.spans) > 1 or i in titles or taken.overlaps((quote.start, quote.end)):
            continue
        unit = parsed.holding(quote.start, quote.end)
        span = unit_span(unit, quote.start, quote.end) if unit is not None else None
        if span is None:
            continue
        given_back = floating.get((quote.start, quote.end))
        if given_back is not None:
            candidate = _inverted(span, unit.start) if _closed_by_comma(text, quote.end) else None
            if candidate is not None:
                candidates = [c for c in candidates if c is not given_back]
                found.append(candidate)
            continue
        candidate = _governed(span.root, unit.start) or _written(text, span, unit.start) or _inverted(span, unit.start)
        if candidate is not None and not taken.overlaps(candidate.content[0]):
            stretch_to_quotations(candidate, index)  # the parse may leave a closing mark out
            found.append(candidate)
            for fragment in candidate.content:
                taken.add(fragment)
    return candidates + found


def _closed_by_comma(text: str, end: int) -> bool:
    """Whether a comma closes the quotation ending at ``end`` (“…,” or “…”,): a sentence goes on
    after it, where a full stop would end it (“… the plan.” Clinton added that …)."""
    return text[end - 2 : end - 1] == "," or text[end : end + 1] == ","


def _governor(root: Token) -> tuple[Token, Token] | None:
    """(verb, its child on the path down to the quotation): the nearest cue verb above
    the quotation, else the nearest verb ("blasted the media for being “dishonest”")."""
    path = [root]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    # "be" governs a scare quote ("the plan was “bold”") far more often than a report
    verbs = [(i, t) for i, t in enumerate(path) if i > 0 and t.pos_ == "VERB"]
    if not verbs:
        return None
    # the nearest cue verb, else the nearest verb with a subject of its own
    # ("Tomblin lauded Mr. Clarke for helping develop “new ideas”": lauded)
    with_subject = [(i, t) for i, t in verbs if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)]
    i, verb = next(((i, t) for i, t in verbs if cue_lemma(t.lower_)), (with_subject or verbs)[0])
    return verb, path[i - 1]


def _governed(root: Token, base: int) -> Candidate | None:
    governor = _governor(root)
    if governor is None:
        return None
    verb, node = governor
    if node.dep_ in CLAUSE_SUBJECTS or relays(verb):
        # (a quotation inside "according to his book ''The Art of the Deal''" names the source)
        return None
    subject = subject_of(verb) or inverted_speaker(verb)  # “…,” enthused Wenger: no lexicon's cue
    cue: list[Token] = cue_tokens(verb)
    if node.dep_ == "prep":
        # "agreed to an interview for “Women in Power”", "took credit for …": PolNeAR's
        # cue runs to the preposition, the content is its object
        pobj = next((c for c in node.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None:
            return None
        if node.i - verb.i <= MAX_CUE_SPAN:
            cue = sorted(set(cue) | {verb.doc[i] for i in range(verb.i, node.i + 1)}, key=lambda t: t.i)
        tokens = subtree_tokens(pobj)
    elif node.dep_ == "dobj":
        tokens = with_complement(verb, node)
    else:
        tokens = subtree_tokens(node)
    tokens = trimmed(tokens)
    if len(tokens) < 2 or any(t.i in {c.i for c in cue} for t in tokens):
        return None
    content: Offsets = tokens_offsets(tokens, base)
    return Candidate(
        kind="mixed",
        content=[content],
        cue=[token_offsets(t, base) for t in cue],
        source=mention(subtree_tokens(subject), base) if subject is not None else None,
        confidence=CONFIDENCE_ORPHAN,
        anchor=verb,
    )


# How many tokens after a quotation its speaker and verb may follow: “…,” Trump barked.
_INVERTED_REACH = 5


def _inverted(quote, base: int) -> Candidate | None:
    """“Go back to Univision,” Trump barked: a name (or he/she) and a verb right after the
    quotation speak it, even a verb no lexicon lists; read off the words, since the parse
    of such a sentence is unreliable (it made "barked" an apposition of "Go")."""
    doc = quote.doc
    sentence_end = quote[-1].sent.end
    # “Why …?” Mrs. Clinton asked.: the parse ends a sentence at the question or exclamation
    # mark that closes a quotation; the next one speaks it where a lexicon's cue does
    across = sentence_end == quote.end < len(doc) and _asks_or_exclaims(quote)
    if across:
        sentence_end = doc[sentence_end].sent.end
    end = min(quote.end + _INVERTED_REACH, sentence_end, len(doc))
    names = []
    for token in doc[quote.end : end]:
        if token.pos_ == "PROPN" or (not names and token.lower_ in ("he", "she", "they")):
            names.append(token)
            continue
        if names and ((token.pos_ == "VERB" and token.tag_ in ("VBD", "VBZ", "VBP", "VBN")) or _cue_taken_for_a_noun(token)):
            if across and not _cue_alone(token):
                return None
            return _spoken_after(quote, names, [token_offsets(token, base)], base, token)
        return None
    return None


def _cue_alone(token: Token) -> bool:
    """A lexicon's cue with no statement of its own: “…?” Mrs. Clinton asked. (not “Stop!”
    Trump left the stage., nor “…?” He thought the work would suffer.)"""
    return cue_lemma(token.lower_) is not None and not any(c.dep_ in ("ccomp", "xcomp") for c in token.children)


def _asks_or_exclaims(quote) -> bool:
    """Does a question or exclamation mark end the quotation (“…?” or “…!”)?"""
    return len(quote) > 1 and quote[-2].text in ("?", "!")


def _cue_taken_for_a_noun(token: Token) -> bool:
    """“…,” Bozell answers.: a present-tense cue the tagger read as a plural noun after a name
    ("Bozell answers" as one noun phrase), where the clause ends with it."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.tag_ == "NNS" and cue_lemma(token.lower_) is not None and (after is None or after.is_punct)


def _written(text: str, quote, base: int) -> Candidate | None:
    """“…,” the editorial read: the writing that reads the quotation is its source (``read_after``)."""
    found = read_after(text, base + quote.end_char)
    if found is None:
        return None
    (start, end), (cue_start, cue_end) = found
    writer = quote.doc.char_span(start - base, end - base)
    read = quote.doc.char_span(cue_start - base, cue_end - base)
    if writer is None or read is None:
        return None
    return _spoken_after(quote, list(writer), [(cue_start, cue_end)], base, read[0])


def _spoken_after(quote, names: list[Token], cue: list[Offsets], base: int, anchor: Token) -> Candidate:
    return Candidate(
        kind="direct",
        content=[tokens_offsets(list(quote), base)],
        cue=cue,
        source=mention(names, base),
        confidence=CONFIDENCE_ORPHAN,
        anchor=anchor,
    )
