"""Attributions anchored on a cue word of a sentence's dependency parse, each read by its kind:
a verb (``verbal``), "according to" or "in a poll" (``according``), a noun (``nominal``)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from .according import according_attribution, relays
from .candidate import Candidate
from .cues import NOUNS, cue_lemma
from .nominal import noun_attribution
from .verbal import linking_phrase, verb_attribution


def find_in_sentence(sent: Span, base: int) -> Iterator[Candidate]:
    """Every verb-, noun- and according-to-anchored attribution of one sentence."""
    for token in sent:
        if relays(token):
            candidate = according_attribution(token, sent, base)
        elif token.pos_ in ("VERB", "AUX") and (lemma := cue_lemma(token.lower_)) and not linking_phrase(token):
            candidate = verb_attribution(token, lemma, sent, base)
        elif token.pos_ == "NOUN" and token.lower_ in NOUNS:
            candidate = noun_attribution(token, base)
        else:
            continue
        if candidate is not None:
            yield candidate
