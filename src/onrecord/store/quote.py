"""Quote identity: which attributions are one quote across articles, under which id and text.

The store (its ``quotes`` table, quotes view and ``export --format quotebank``)
and the Spark job (``attributions.quote_id``, ``quotes/``, ``quotebank/``) both
group with this module, so the same corpus gives the same quotes, and the two
Quotebank exports the same records, wherever it is processed.

- Every kind of attribution is grouped (``model.KINDS``): an indirect one is
  grouped with the same words reported elsewhere, as the store always did.
- The key is the content reduced to letters and digits (case, punctuation,
  quote marks and spaces dropped), so "We will win," and “We will WIN.” are one
  quote; a key under ``MIN_QUOTE_KEY_CHARS`` is not grouped at all.
- A group is described from its occurrences alone, never from the order they
  were stored or processed in: the earliest occurrence (by publication day,
  undated last, then article id, then position) gives the quotation text and
  each speaker's label.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Speaker
from .normalize import ID_HEX_DIGITS, speaker_label_key

# A content whose key is shorter than this is not grouped across articles:
# "yes", "no comment" and "absolutely" would otherwise make huge meaningless
# groups. 12 characters is about three short words.
MIN_QUOTE_KEY_CHARS = 12

# Trimmed from both ends of a content to show it as a quotation (Quotebank shows
# "We will win" for the text `"We will win," he said`): quote marks, spaces,
# and clause punctuation, but not . ? ! which end a sentence.
QUOTATION_TRIM = "\"“”‘’'«» \t\n,;:—–-"

# The most URLs kept per quote (a viral quote would otherwise carry every syndicated copy).
MAX_QUOTE_URLS = 1000

# Quotebank's `phase` names the crawl its quotes came from (A-E); ours come
# from the user's own articles, which we mark as such.
QUOTEBANK_PHASE = "onrecord"
# Quotebank writes "None" (a string) for an unknown speaker.
QUOTEBANK_NO_SPEAKER = "None"
# Digits kept of a speaker's share of a quote's occurrences.
PROBA_DIGITS = 4

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def quote_key(content: str) -> str:
    """Content reduced to letters and digits: case, punctuation, quote marks and spaces dropped."""
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", content).casefold())


def quote_id(content: str) -> str | None:
    """The id of the quote a content belongs to, or None when it is too short to group."""
    key = quote_key(content)
    if len(key) < MIN_QUOTE_KEY_CHARS:
        return None
    return f"q{hashlib.sha256(key.encode('utf-8')).hexdigest()[:ID_HEX_DIGITS]}"


def quotation_text(content: str) -> str:
    """Content as a quotation: surrounding quote marks, spaces and clause punctuation trimmed.

    Whitespace runs, line breaks included, become one space: a quotation is a
    line of text to read and compare (Quotebank's are), while the exact words
    with their offsets stay in the attribution.
    """
    return " ".join(content.strip(QUOTATION_TRIM).split())


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One attribution of a quote, with what grouping needs of its article."""

    content: str  # the content text (fragments joined by " … ")
    article_id: str
    day: str | None  # ISO day of publication
    start: int  # where the content starts in its article
    speaker: dict[str, Any] | None  # the docs/output.md speaker dict (``Speaker.to_dict()``)
    kind: str
    outlet: str | None = None
    url: str | None = None

    def order(self) -> tuple[bool, str, str, int]:
        """Earliest first: dated before undated, then by day, article id and position."""
        return (self.day is None, self.day or "", self.article_id, self.start)


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """What the occurrences of one quote say about it."""

    quote_id: str
    quotation: str  # the earliest occurrence, as a quotation
    first_seen: str | None  # the earliest ISO day
    first_article: str
    speakers: list[tuple[str | None, int]]  # (label or None, occurrences), most frequent first
    num_occurrences: int
    article_ids: list[str]  # distinct, earliest first; likewise outlets, urls (at most MAX_QUOTE_URLS), kinds
    outlets: list[str]
    urls: list[str]
    kinds: list[str]

    @property
    def speaker(self) -> str | None:
        """The most frequent known speaker."""
        return next((label for label, _ in self.speakers if label is not None), None)

    @property
    def probas(self) -> list[tuple[str | None, float]]:
        """Each speaker's share of the occurrences, most frequent first."""
        return [(label, round(n / self.num_occurrences, PROBA_DIGITS)) for label, n in self.speakers]


def _speaker_label(speaker: dict[str, Any] | None) -> tuple[str, str] | None:
    """(merge key, label as written) of an occurrence's speaker; None for none or a bare pronoun.

    Names merge as the store merges them (``normalize.name_key``): a name typed
    with two spaces, or after "Mr", is the same person.
    """
    return speaker_label_key(Speaker.from_dict(speaker))


def _distinct(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def group(quote_id_: str, occurrences: Iterable[Occurrence]) -> QuoteGroup:
    """Describe a quote from its occurrences (at least one), whatever order they come in."""
    ordered = sorted(occurrences, key=Occurrence.order)
    counts: Counter[str | None] = Counter()
    labels: dict[str | None, str | None] = {None: None}
    for occurrence in ordered:
        found = _speaker_label(occurrence.speaker)
        key = found[0] if found else None
        labels.setdefault(key, found[1] if found else None)  # the earliest label of each speaker
        counts[key] += 1
    speakers = sorted(((labels[k], n) for k, n in counts.items()), key=lambda s: (-s[1], s[0] is None, s[0] or ""))
    first = ordered[0]
    return QuoteGroup(
        quote_id=quote_id_,
        quotation=quotation_text(first.content),
        first_seen=first.day,
        first_article=first.article_id,
        speakers=speakers,
        num_occurrences=len(ordered),
        article_ids=_distinct(o.article_id for o in ordered),
        outlets=_distinct(o.outlet for o in ordered),
        urls=_distinct(o.url for o in ordered)[:MAX_QUOTE_URLS],
        kinds=_distinct(o.kind for o in ordered),
    )


def quotebank_record(quote: QuoteGroup) -> dict[str, Any]:
    """The quote in Quotebank's quotation-centric JSON Lines format.

    ``qids`` is empty (onrecord links no Wikidata); ``urls`` falls back to
    ``onrecord:article/<id>`` for articles without a URL.
    """
    return {
        "quoteID": quote.quote_id,
        "quotation": quote.quotation,
        "speaker": quote.speaker or QUOTEBANK_NO_SPEAKER,
        "qids": [],
        "date": f"{quote.first_seen} 00:00:00" if quote.first_seen else None,
        "numOccurrences": quote.num_occurrences,
        "probas": [[label or QUOTEBANK_NO_SPEAKER, share] for label, share in quote.probas],
        "urls": quote.urls or [f"onrecord:article/{a}" for a in quote.article_ids],
        "phase": QUOTEBANK_PHASE,
    }
