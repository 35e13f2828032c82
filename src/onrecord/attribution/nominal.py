"""Noun cues: ``X's claim that …``, ``the belief that …``, ``Obama's decision to …``."""

from __future__ import annotations

from spacy.tokens import Token

from .candidate import Candidate
from .spans import subtree_tokens, tokens_offsets, trimmed
from .subjects import source_mention
from .verbal import MIN_CONTENT_TOKENS

CONFIDENCE_NOUN = 0.6


def _noun_cue(noun: Token, owner: Token) -> list[Token]:
    """The noun with its possessive clitic, as PolNeAR marks it: "'s claim"."""
    doc = noun.doc
    start = noun.i
    clitic = next((c for c in owner.children if c.dep_ == "case" and c.i < noun.i), None)
    if clitic is not None and owner.head.i == noun.i and all(doc[i].dep_ in ("amod", "compound") for i in range(clitic.i + 1, noun.i)):
        start = clitic.i
    return [doc[i] for i in range(start, noun.i + 1)]


def noun_attribution(noun: Token, base: int) -> Candidate | None:
    """``X's claim that …``, ``the belief that …``."""
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)),
        None,
    )
    if clause is None and any(c.dep_ == "poss" for c in noun.children):
        # "Obama's decision to jump-start relations", "North Korea's claims about its test"
        clause = next(
            (c for c in noun.children if c.i > noun.i and (c.dep_ == "acl" and c.tag_ == "VB" or c.dep_ == "prep" and c.lower_ in ("about", "of", "on"))),
            None,
        )
        if clause is not None and clause.dep_ == "prep":
            clause = next((c for c in clause.children if c.dep_ in ("pobj", "pcomp")), None)
    if clause is None:
        return None
    content_tokens = trimmed(subtree_tokens(clause))
    if len(content_tokens) < MIN_CONTENT_TOKENS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ in ("dobj",) and noun.head.pos_ == "VERB":
        owner = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if owner is None:
        return None
    content = tokens_offsets(content_tokens, base)
    cue = tokens_offsets(_noun_cue(noun, owner), base)
    return Candidate(
        kind="indirect",
        content=[content],
        cue=[cue],
        source=source_mention(owner, base, [content, cue]),
        confidence=CONFIDENCE_NOUN,
        anchor=noun,
    )
