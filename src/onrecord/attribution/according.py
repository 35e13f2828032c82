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
from .spans import is_quotation_mark, mention, subtree_tokens, tokens_offsets, trimmed
from .subjects import CLAUSE_SUBJECTS
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
    content_tokens = _after_a_colon(_within_brackets(content_tokens, phrase, sent), phrase)
    if len(content_tokens) < MIN_CONTENT_TOKENS:
        return None
    # the content on each side of the phrase ("In Iowa, Trump is first, according to the average,
    # although Carson keeps it close": two fragments), each long enough to say something
    left = trimmed([t for t in content_tokens if t.i < phrase[0].i])
    right = trimmed([t for t in content_tokens if t.i > phrase[-1].i])
    if len(left) >= MIN_CONTENT_TOKENS and not any(t.pos_ in ("VERB", "AUX") for t in right):
        # after a statement, what follows the phrase with no verb is not said ("…, according
        # to a report from WKOW, the ABC affiliate in Madison": the source's apposition; "…,
        # according to his book ''The Art of the Deal.''")
        right = []
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


def _within_brackets(tokens: list[Token], phrase: list[Token], sent: Span) -> list[Token]:
    """A phrase inside brackets qualifies what they hold: "… white states like Iowa (93 percent of
    voters there were white, according to exit polls), New Hampshire …"."""
    depth, opening = 0, None
    for t in reversed(sent.doc[sent.start : phrase[0].i]):
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            if depth == 0:
                opening = t
                break
            depth -= 1
    if opening is None:
        return tokens
    closing = next((t for t in sent.doc[phrase[-1].i + 1 : sent.end] if t.text in ("(", ")")), None)
    if closing is None or closing.text != ")":
        return tokens
    inside = [t for t in tokens if opening.i < t.i < closing.i]
    return inside if len(inside) >= MIN_CONTENT_TOKENS else tokens


def _after_a_colon(tokens: list[Token], phrase: list[Token]) -> list[Token]:
    """What follows a colon is what the phrase's source says, where it is a clause with its subject:
    "… less attractive to financial firms: London was the financial capital of the world, according
    to one global index" (not a list, "the records of three people: Cheryl Mills, Jake Sullivan and
    Huma Abedin, according to …", nor a title's colon, "''Crippled America: How to …'' has sold …")."""
    colon = next((t for t in reversed(tokens) if t.text == ":" and t.i < phrase[0].i), None)
    if colon is None or sum(is_quotation_mark(t) for t in tokens if t.i < colon.i) % 2:
        return tokens
    after = [t for t in tokens if colon.i < t.i < phrase[0].i]
    # (a clause with its subject after the colon: not "Need for Speed: Underground 2, managed this feat")
    ids = {t.i for t in after}
    if len(after) < MIN_CONTENT_TOKENS or not any(t.dep_ in CLAUSE_SUBJECTS and t.head.i in ids for t in after):
        return tokens
    return [t for t in tokens if t.i > colon.i]
