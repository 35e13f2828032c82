"""What the store's read methods return, declared once (output dicts (docs/output.md): ``model``).

The store returns plain JSON-ready dicts; these TypedDicts give them names and
types for the code that reads them, and the REST API uses them as its response
models (FastAPI validates and documents a TypedDict as it does a pydantic model),
so a field added here shows in the API and its OpenAPI schema without a copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# typing's own TypedDict is refused by pydantic before Python 3.12.
from typing_extensions import TypedDict

from ..model import AttributionDict, EntityDict, FragmentDict, Kind


class QuoteFilters(TypedDict, total=False):
    """Which attributions a search keeps: ``Store.search_quotes`` and ``Store.most_quoted`` take these as keywords.

    Written once here; ``queries._filtered`` turns them into SQL conditions.
    Every one is optional and None (or "") means no filter.
    """

    speaker: str | int | None  # a speaker id, or a name / description matched on whole words
    since: str | None  # ISO date (inclusive) on the article's publication day
    until: str | None  # ISO date (inclusive)
    outlet: str | None  # exact outlet name, case-insensitive
    kind: str | None  # direct, indirect, mixed or block
    speaker_type: str | None  # person, organization, media, place, other
    named: str | None  # named (the speaker has a name), unnamed (only a description: "a spokeswoman") or none (no speaker)
    min_confidence: float | str | None  # only attributions at least this confident (0 to 1)


class QuoteHit(TypedDict):
    """One attribution found by a search, with its article and speaker."""

    id: int  # the attribution's key in the store
    article_id: str
    attribution_id: str  # the attribution's id within its article ("a4")
    ordinal: int  # its position in the article
    article_title: str | None
    published: str | None  # the ISO day when known, else the article's own value
    outlet: str | None
    url: str | None
    kind: Kind
    content: str  # the content text, fragments joined by " … "
    content_fragments: list[FragmentDict]  # offsets into the article text
    cue: str | None
    speaker_id: int | None  # the merged speaker record
    speaker_name: str | None
    speaker_description: str | None
    speaker_mention: str | None
    addressee: str | None
    via: str | None
    confidence: float
    quote_id: str | None
    highlights: list[list[int]]  # [start, end] of query words within content


class FacetCount(TypedDict):
    """One value of a facet and how many hits of the whole filtered result have it."""

    value: str  # what to filter on: a kind, an outlet, a month "2020-05", a speaker id
    label: str  # what to show: the same, or the speaker's name
    count: int


class Facets(TypedDict):
    """The most frequent values per facet over the whole filtered result, most hits first."""

    kind: list[FacetCount]
    outlet: list[FacetCount]
    month: list[FacetCount]
    speaker: list[FacetCount]
    speaker_type: list[FacetCount]  # person, organization, media, place, other
    named: list[FacetCount]  # named, unnamed (described only), none
    confidence: list[FacetCount]  # hits at or above 0.9, 0.7, 0.5 (value: the min_confidence to set)


class QuotePage(TypedDict):
    items: list[QuoteHit]
    next_cursor: str | None  # pass as cursor= for the next page; None on the last one
    total: int  # hits of the whole filtered result, every page together
    order: str  # "relevance" or "date"
    facets: Facets | None  # None unless asked for


class SpeakerItem(TypedDict):
    """A speaker: a named one merged across articles, an unnamed one a source of its article."""

    id: int
    name: str | None
    description: str | None
    type: str | None  # person, organization, media, place, other: the type its attributions give most
    named: bool  # False for an unnamed source ("analysts"), which stays in its own article
    gender: Literal["female", "male"] | None  # None: unknown, or its articles disagree
    gender_evidence: Literal["honorific", "pronoun", "name"] | None  # the strongest kind that backs it
    num_attributions: int
    forms: list[str]  # surface names and mentions, most frequent first


class SpeakerPage(TypedDict):
    items: list[SpeakerItem]
    next_cursor: str | None


class MonthCount(TypedDict):
    month: str  # "2020-05"
    count: int


class SpeakerDetail(SpeakerItem):
    """A speaker with everything attributed to them."""

    descriptions: list[str]
    timeline: list[MonthCount]  # months with a known date, ascending
    attributions: list[QuoteHit]  # newest first, with empty highlights


class StoredAttribution(AttributionDict):
    """An attribution as docs/output.md gives it, with the store's speaker record and quote."""

    speaker_id: int | None
    quote_id: str | None


class StoredArticle(TypedDict):
    """An article as docs/output.md gives it (``text`` is what every offset indexes), as stored."""

    id: str
    title: str | None
    published: str | None
    url: str | None
    outlet: str | None
    text: str
    attributions: list[StoredAttribution]
    entities: list[EntityDict]
    author: str | None
    ingested_at: str


class QuoteItem(TypedDict):
    """Near-identical contents grouped across articles (see ``quote``)."""

    quote_id: str
    quotation: str
    speaker: str | None  # the most frequent speaker label
    probas: list[list[str | float | None]]  # [label, share] pairs, most frequent first
    num_occurrences: int
    first_seen: str | None  # ISO day
    outlets: list[str]
    urls: list[str]
    article_ids: list[str]


class QuoteVariant(TypedDict):
    """One exact wording of a quote, with where it appeared."""

    content: str
    count: int
    first_seen: str | None
    outlets: list[str]  # distinct, earliest first


class QuoteDetail(QuoteItem):
    """A quote and how it spread: every occurrence, earliest first, and each wording."""

    occurrences: list[QuoteHit]  # earliest first (undated last), each with the speaker as named there
    variants: list[QuoteVariant]  # most occurrences first


class QuoteItemPage(TypedDict):
    items: list[QuoteItem]
    next_cursor: str | None


class GenderCounts(TypedDict):
    """Distinct quoted named people by gender."""

    female: int
    male: int
    unknown: int


class OutletGender(GenderCounts):
    outlet: str | None


class MonthGender(GenderCounts):
    month: str  # "2020-05"


class QuotedPerson(TypedDict):
    id: int
    name: str | None
    num_attributions: int  # attributions within the filters


class QuotedSpeaker(QuotedPerson):
    """A speaker of the most quoted list, counted over the attributions a search's filters keep."""

    description: str | None
    type: str | None  # person, organization, media, place, other
    named: bool  # False for an unnamed source ("analysts"), which stays in its own article


class MostQuoted(TypedDict):
    items: list[QuotedSpeaker]  # most attributions first; equal counts in speaker id order


class OutletMonthCount(TypedDict):
    """Attributions of one month ("YYYY-MM", "" when undated) in one outlet (None: no outlet)."""

    month: str
    outlet: str | None
    count: int


class GenderShares(TypedDict):
    """Who is quoted, by gender: named people only (an unnamed source has no gender to count)."""

    overall: GenderCounts
    by_outlet: list[OutletGender]  # most people first
    by_month: list[MonthGender]  # months with a known date, ascending
    top_women: list[QuotedPerson]
    top_men: list[QuotedPerson]


class Stats(TypedDict):
    articles: int
    attributions: int
    speakers: int
    quotes: int


@dataclass(frozen=True, slots=True)
class Stored:
    """What ``add_article`` did: the article's id in the store, and whether this call added it.

    When the same text was already stored, ``id`` is the id it was stored under
    (which may differ from the one given) and ``added`` is False.
    """

    id: str
    added: bool
