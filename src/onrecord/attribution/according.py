"""``according to X, …`` and ``in X's poll, …``: a phrase that names where a clause comes from.

The phrase's noun is the source of a clause with no cue of its own (an
attribution whose cue is "according to"), and the relaying source (``via``)
of one with a cue of its own (``assemble.relayed_as_via``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .candidate import Candidate
from .cues import POLL_NOUNS
from .spans import mention, subtree_tokens, tokens_offsets, trimmed
from .verbal import MIN_CONTENT_TOKENS

CONFIDENCE_ACCORDING = 0.85


def relays(token: Token) -> bool:
    """Does this word open a phrase that names where a clause comes from ("according to X", "in X's poll")?

    The phrase is the source of a clause with no cue of its own, and the
    relaying source (``via``) of one with a cue ("In the poll, 50 percent
    said …": the respondents speak, the poll relays them).
    """
    return _relaying_source(token) is not None


def relayed_cue(token: Token, is_cue: Callable[[Token], bool]) -> Token | None:
    """The cue whose statement a relaying phrase relays.

    That is the verb the phrase qualifies ("X said …, according to the Times" hung on "said"),
    or, for "according to X" closing its sentence after a comma, the cue the reported clause
    it hangs on is said under: the parse hangs "…, according to press reports" on "fired" of
    "Kasich said he would have fired Lewandowski, according to press reports".
    """
    head = token.head
    if is_cue(head):
        return head
    if token.lower_ != "according" or not _closes_sentence(token):
        return None
    return next((a for a in head.ancestors if is_cue(a)), None)


def _closes_sentence(token: Token) -> bool:
    """Does the phrase this word opens come after a comma and end its sentence?"""
    doc = token.doc
    after = doc[token.right_edge.i + 1 : token.sent.end]
    return token.i > 0 and doc[token.i - 1].text == "," and all(t.is_punct for t in after)


def _relaying_source(token: Token) -> Token | None:
    """X of "according to X", or the poll of "in a poll" that qualifies a verb."""
    if token.lower_ == "in":
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.lower_ in POLL_NOUNS and token.head.pos_ in ("VERB", "AUX") and token.i < token.head.i:
            return pobj
        return None
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def according_attribution(token: Token, sent: Span, base: int) -> Candidate | None:
    """``according to X, …`` and ``in X's poll, …``: X is the source of the clause it modifies."""
    pobj = _relaying_source(token)
    head = token.head
    if pobj is None:
        return None
    phrase = subtree_tokens(token)
    if phrase[0].i == sent.start and head.i == token.i:
        # "According to X, the move reeks …" misparsed with the clause inside X:
        # at the head of a sentence the phrase ends at its first comma
        comma = next((t for t in phrase if t.text == "," and t.i > pobj.i), None)
        if comma is not None:
            phrase = [t for t in phrase if t.i < comma.i]
    phrase_ids = {t.i for t in phrase}
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and head.head.i != token.i and token.i > head.i:
        # "Kasich has been surging and has pulled within 4 points, according to …": the whole
        # coordination is what the source says, not its last verb without a subject (but
        # "…, and according to the Times, had distributed a mailer" is said of that verb only)
        head = head.head
    if head.i == token.i:
        clause = list(sent)
    else:
        clause = subtree_tokens(head) if head.dep_ != "ROOT" else list(sent)
    content_tokens = trimmed([t for t in clause if t.i not in phrase_ids and not _is_cc_before(t, phrase)])
    if len(content_tokens) < MIN_CONTENT_TOKENS:
        return None
    # the content on each side of the phrase ("In Iowa, Trump is first, according to the average,
    # although Carson keeps it close": two fragments), each long enough to say something
    left = trimmed([t for t in content_tokens if t.i < phrase[0].i])
    right = trimmed([t for t in content_tokens if t.i > phrase[-1].i])
    sides = [side for side in (left, right) if len(side) >= MIN_CONTENT_TOKENS]
    if not sides:
        return None
    cue = [token, *(c for c in token.children if c.lower_ == "to")]
    return Candidate(
        kind="indirect",
        content=[tokens_offsets(side, base) for side in sides],
        cue=[tokens_offsets(cue, base)],
        source=mention([t for t in subtree_tokens(pobj) if t.i in phrase_ids], base),
        confidence=CONFIDENCE_ACCORDING,
        anchor=token,
    )


def _is_cc_before(token: Token, phrase: list[Token]) -> bool:
    """The "and" of ", and according to X," belongs with the phrase."""
    return token.dep_ == "cc" and token.i == phrase[0].i - 1
