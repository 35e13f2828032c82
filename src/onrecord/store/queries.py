"""The read side, shared by the CLI, the REST API and the web pages so they cannot disagree.

Every function takes a ``Database`` and returns plain JSON-ready dicts, typed
by ``shapes``. Pagination is keyset-based:
a cursor is an opaque URL-safe string holding the sort key of the last item.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import unicodedata
from collections import Counter
from typing import Any, Unpack, get_args

from ..errors import InvalidQuery
from ..model import KINDS, EntityType
from .quote import Occurrence, QuoteGroup, group
from .database import Database
from .normalize import normalize_date, normalize_name
from .shapes import (
    FacetCount,
    Facets,
    GenderShares,
    MostQuoted,
    OutletMonthCount,
    QuoteDetail,
    QuotedPerson,
    QuotedSpeaker,
    QuoteVariant,
    QuoteHit,
    QuoteItem,
    QuoteItemPage,
    QuoteFilters,
    QuotePage,
    SpeakerDetail,
    SpeakerItem,
    SpeakerPage,
    Stats,
    StoredArticle,
    StoredAttribution,
)

# Page size when the caller gives none, and the most one page may hold: large
# enough for an export-like scroll, small enough to answer in milliseconds.
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
# A name filter (a speaker, a speakers search) longer than this in UTF-8 once
# NFKC-normalized and case-folded is refused as a bad request. SQLite refuses a
# LIKE pattern over 50,000 bytes ("LIKE or GLOB pattern too complex", a 500),
# which 1,700 U+FDFA (18 characters each under NFKC) reached; escaping LIKE's
# wildcards at most doubles a filter, so 10,000 bytes stays well under.
MAX_NAME_FILTER_BYTES = 10_000

# Suffixes stripped (longest first) to match query words against content words
# for highlighting, an approximation of the stemming the full-text index does.
_SUFFIXES = ("ingly", "edly", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s", "e")
# A stem never gets shorter than this, so "is" and "as" are left alone.
_MIN_STEM = 3

# Ids and cursor integers are 64-bit in both schemas; a larger number cannot name a
# row, and SQLite's driver raises OverflowError on binding one.
MAX_ID = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]+")

# The longest search text and the most search terms a query may hold: a real
# query is a few words; one of 8,000 words (16 KB) held the database for 0.73 s.
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 32

# How a search may be sorted: by the full-text index's own ranking (FTS5 bm25,
# PostgreSQL ts_rank; needs words to rank by) or newest first.
ORDERS = ("relevance", "date")
# Values listed per facet (kind, outlet, month, speaker...), most hits first.
FACET_SIZE = 10
# The types a speaker can have (an entity's type, docs/output.md).
SPEAKER_TYPES: tuple[str, ...] = get_args(EntityType)
# Whether a hit's speaker is named ("Lena Ortiz"), only described ("a
# spokeswoman", an unnamed source) or absent (no source, or a bare pronoun).
NAMED = ("named", "unnamed", "none")
_NAMED_SQL = "CASE WHEN s.name IS NOT NULL THEN 'named' WHEN a.speaker_id IS NOT NULL THEN 'unnamed' ELSE 'none' END"
# The confidence facet counts the hits at or above each of these, so that a
# count is what the min_confidence filter it links to finds.
CONFIDENCE_STEPS = (0.9, 0.7, 0.5)

_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"|(\S+)')

_HIT_COLUMNS = """
SELECT a.id, a.article_id, a.attribution_id, a.ordinal, a.kind, a.content, a.content_fragments,
       a.cue_text, a.speaker_id, a.speaker, a.addressee_name, a.via_name, a.quote_id,
       a.confidence, a.day, ar.title AS article_title, ar.published, ar.outlet, ar.url,
       s.name AS speaker_name, s.description AS speaker_description"""
_HIT_FROM = """
FROM attributions a
JOIN articles ar ON ar.id = a.article_id
LEFT JOIN speakers s ON s.id = a.speaker_id
"""
_HIT_SELECT = _HIT_COLUMNS + _HIT_FROM
# What a search counts (its total, facets, most quoted) reads: every condition a
# search may hold is on the attribution (its outlet and day are copies of its
# article's) or its speaker, and every attribution has exactly one article, so
# the join with articles, whose rows hold the whole text, is left to the page of hits.
_COUNT_FROM = """
FROM attributions a
LEFT JOIN speakers s ON s.id = a.speaker_id
"""
_ARTICLE_JOIN = " JOIN articles ar ON ar.id = a.article_id"


# -- arguments ----------------------------------------------------------------


def parse_query(q: str | None) -> list[tuple[str, ...]]:
    """Search terms: each a tuple of lowercase words; ``"quoted words"`` make one phrase.

    The query is NFKC-normalized first, as stored text is compared: full-width
    letters are their plain forms, and an accent typed as a combining mark is
    one letter with it (else ``\w`` would cut "cafe\u0301" into "cafe").

    Raises:
        InvalidQuery: ``q`` is longer than MAX_QUERY_CHARS or has more than MAX_QUERY_TERMS words.
    """
    _bounded(q, "q")
    terms: list[tuple[str, ...]] = []
    for phrase, word in _PHRASE.findall(unicodedata.normalize("NFKC", q or "")):
        words = tuple(w.lower() for w in _WORD.findall(phrase or word))
        if words:
            terms.append(words)
    if sum(len(words) for words in terms) > MAX_QUERY_TERMS:
        raise InvalidQuery(f"q may hold at most {MAX_QUERY_TERMS} words")
    return terms


def _limit(limit: int | None) -> int:
    try:
        value = DEFAULT_LIMIT if limit is None else int(limit)
    except (TypeError, ValueError):
        raise InvalidQuery(f"limit must be an integer, not {limit!r}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise InvalidQuery(f"limit must be between 1 and {MAX_LIMIT}, not {value}")
    return value


def _day(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    day = normalize_date(str(value))
    if day is None:
        raise InvalidQuery(f"{name} must be a date such as 2020-05-21, not {value!r}")
    return day


def parse_id(value: Any) -> int | None:
    """A row id from an int or a string of ASCII digits; None when it cannot be one.

    ``str.isdigit`` is not enough: it accepts "²" (which ``int`` refuses) and any
    number of digits (which the drivers cannot bind).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= MAX_ID else None
    text = str(value).strip()
    if not _ASCII_DIGITS.fullmatch(text) or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if number <= MAX_ID else None


def text_filter(value: str | None, name: str) -> str | None:
    """A free-text filter as given, refused when it holds a NUL character or is too long.

    PostgreSQL cannot hold NUL in text (psycopg refuses the parameter), so no
    stored value can match one; refusing it on both backends keeps them alike.
    """
    if value is not None and "\x00" in value:
        raise InvalidQuery(f"{name} must not contain NUL characters")
    return _bounded(value, name)


def _bounded(value: str | None, name: str) -> str | None:
    """``value``, refused when longer than MAX_QUERY_CHARS."""
    if value is not None and len(value) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"{name} is too long: {len(value):,} characters, at most {MAX_QUERY_CHARS:,}")
    return value


def name_filter(value: str, name: str) -> str:
    """A name filter NFKC-normalized, as names are compared; InvalidQuery when it is too long."""
    folded = unicodedata.normalize("NFKC", value)
    if (size := len(folded.casefold().encode("utf-8", "surrogatepass"))) > MAX_NAME_FILTER_BYTES:
        raise InvalidQuery(f"{name} is too long: {size:,} bytes once normalized, at most {MAX_NAME_FILTER_BYTES:,}")
    return folded


def like_pattern(text: str) -> str:
    """``%text%`` for ``LIKE ? ESCAPE '\\'``: the user's ``%`` and ``_`` match themselves."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def encode_cursor(view: str, key: list[Any]) -> str:
    """An opaque cursor for ``view`` resuming after sort key ``key``."""
    raw = json.dumps([view, key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(view: str, cursor: str | None, types: tuple[type, ...]) -> list[Any] | None:
    """The sort key in a cursor made by ``encode_cursor(view, ...)``; InvalidQuery otherwise.

    A cursor comes from the client, so it is checked as untrusted input: the key
    must hold exactly ``types`` (a crafted ``[{}, 1]`` or ``["x", 10**30]``
    would otherwise reach the driver and fail as a database error), integers in
    the 64-bit range, strings without NUL.
    """
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_view, key = json.loads(raw)
    except (binascii.Error, ValueError, TypeError, RecursionError):  # RecursionError: `[` nested 1,000 deep
        raise InvalidQuery("invalid cursor") from None
    if got_view != view or not isinstance(key, list) or len(key) != len(types):
        raise InvalidQuery("invalid cursor")
    for value, wanted in zip(key, types):
        if type(value) is not wanted:  # not isinstance: True is an int
            raise InvalidQuery("invalid cursor")
        if wanted is int and not -MAX_ID <= value <= MAX_ID:
            raise InvalidQuery("invalid cursor")
        if wanted is float and not math.isfinite(value):
            raise InvalidQuery("invalid cursor")
        if wanted is str and "\x00" in value:
            raise InvalidQuery("invalid cursor")
    return key


def _after_count_cursor(
    view: str, cursor: str | None, count: str, id_: str, id_type: type, where: list[str], params: list[Any]
) -> None:
    """Keyset condition for views ordered by ``count`` descending, then ``id_`` (of ``id_type``)."""
    key = decode_cursor(view, cursor, (int, id_type))
    if key is not None:
        where.append(f"({count} < ? OR ({count} = ? AND {id_} > ?))")
        params.extend([key[0], key[0], key[1]])


def _page(rows: list[dict[str, Any]], limit: int, view: str, key_of) -> tuple[list[dict[str, Any]], str | None]:
    """Split a fetched ``limit + 1`` rows into the page and the cursor of the next one."""
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(view, key_of(rows[-1]))
    return rows, None


# -- highlighting -------------------------------------------------------------


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def highlights(content: str, terms: list[tuple[str, ...]]) -> list[list[int]]:
    """[start, end] offsets in ``content`` of the words matching any query word."""
    stems = {_stem(w) for words in terms for w in words}
    if not stems:
        return []
    return [[m.start(), m.end()] for m in _WORD.finditer(content) if _stem(m.group()) in stems]


# -- hits ---------------------------------------------------------------------


def _mention(speaker_json: str | None) -> str | None:
    if not speaker_json:
        return None
    data = json.loads(speaker_json)
    return " ".join(f["text"] for f in data.get("mention") or ()) or None


def _hit(row: dict[str, Any], terms: list[tuple[str, ...]]) -> QuoteHit:
    return {
        "id": int(row["id"]),
        "article_id": row["article_id"],
        "attribution_id": row["attribution_id"],
        "ordinal": int(row["ordinal"]),
        "article_title": row["article_title"],
        "published": row["day"] or row["published"],
        "outlet": row["outlet"],
        "url": row["url"],
        "kind": row["kind"],
        "content": row["content"],
        "content_fragments": json.loads(row["content_fragments"]),
        "cue": row["cue_text"],
        "speaker_id": int(row["speaker_id"]) if row["speaker_id"] is not None else None,
        "speaker_name": row["speaker_name"],
        "speaker_description": row["speaker_description"],
        "speaker_mention": _mention(row["speaker"]),
        "addressee": row["addressee_name"],
        "via": row["via_name"],
        "confidence": float(row["confidence"]),
        "quote_id": row["quote_id"],
        "highlights": highlights(row["content"], terms),
    }


def _speaker_condition(speaker: str | int) -> tuple[str, list[Any]]:
    ident = parse_id(speaker)
    if ident is not None:
        return "a.speaker_id = ?", [ident]
    # Anything else is a name, even "²" or 30 digits: it then matches nobody.
    norm = normalize_name(name_filter(_bounded(str(speaker), "speaker") or "", "speaker"))
    if not norm:
        raise InvalidQuery(f"speaker {speaker!r} has no letters or digits")
    # Whole words: "Blair" finds "Tony Blair" but not "Blairsville".
    return "(' ' || s.norm || ' ') LIKE ?", [f"% {norm} %"]


def _confidence(value: float | str | None) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidQuery(f"min_confidence must be a number from 0 to 1, not {value!r}") from None
    if not 0.0 <= number <= 1.0:  # also refuses NaN
        raise InvalidQuery(f"min_confidence must be a number from 0 to 1, not {value!r}")
    return number


def _order(order: str | None, terms: list[tuple[str, ...]]) -> str:
    """The order a search runs in: relevance when there are words to rank by, else date."""
    if order not in (None, "", *ORDERS):
        raise InvalidQuery(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    return "relevance" if terms and order in (None, "", "relevance") else "date"


def _filtered(
    db: Database,
    terms: list[tuple[str, ...]],
    *,
    speaker: str | int | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    kind: str | None = None,
    speaker_type: str | None = None,
    named: str | None = None,
    min_confidence: float | str | None = None,
) -> tuple[str, list[str], list[Any]]:
    """FROM clause, WHERE conditions and their parameters of a search's whole result (``QuoteFilters``).

    The hits, their total and every facet are read from this one description,
    so the counts are always counts of the hits listed. The FROM clause is
    ``_COUNT_FROM``'s, without the articles (a page of hits adds ``_ARTICLE_JOIN``).
    """
    source = _COUNT_FROM
    params: list[Any] = []
    if terms:
        source += " " + db.dialect.fts_scored
        params.append(db.dialect.fts_query(terms))
    where: list[str] = []
    if speaker not in (None, ""):
        condition, values = _speaker_condition(speaker)  # type: ignore[arg-type]
        where.append(condition)
        params.extend(values)
    _add_window(where, params, outlet=outlet, since=since, until=until)
    if kind:
        if kind not in KINDS:
            raise InvalidQuery(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        where.append("a.kind = ?")
        params.append(kind)
    if speaker_type:
        if speaker_type not in SPEAKER_TYPES:
            raise InvalidQuery(f"speaker_type must be one of {', '.join(SPEAKER_TYPES)}, not {speaker_type!r}")
        where.append("s.type = ?")
        params.append(speaker_type)
    if named:
        if named not in NAMED:
            raise InvalidQuery(f"named must be one of {', '.join(NAMED)}, not {named!r}")
        where.append(f"{_NAMED_SQL} = ?")
        params.append(named)
    threshold = _confidence(min_confidence)
    if threshold is not None:
        where.append("a.confidence >= ?")
        params.append(threshold)
    return source, where, params


def _add_window(where: list[str], params: list[Any], *, outlet: str | None, since: str | None, until: str | None) -> None:
    """The conditions of an outlet (case-insensitive) and a day range on attributions ``a`` (their article's).

    An undated attribution is outside every range with an end: it cannot be
    said to come before a day.
    """
    if text_filter(outlet, "outlet"):
        where.append("LOWER(a.outlet) = ?")
        params.append(outlet.lower())  # type: ignore[union-attr]
    first, last = _day(since, "since"), _day(until, "until")
    if first:
        where.append("a.day >= ?")
        params.append(first)
    if last:
        where.append("a.day <> '' AND a.day <= ?")
        params.append(last)


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


# Facets with few values. Those of the attribution itself are counted together
# in one scan (one GROUP BY over all of them, summed per facet in Python): on the
# 18,000 BBC attributions that took 43 ms where one query per facet took 96 ms.
# Those of its speaker are counted per speaker first, then summed by the
# speaker's type and namedness: the count per speaker streams over an index in
# speaker order, and the sort that the GROUP BY does is over rows of four values
# instead of six (on SQLite, over the 27,449 attributions of the BBC + Reuters
# load corpus: 21 ms instead of 30). NULL (no outlet, no speaker type) and ''
# (an undated month) are left out of the counts.
_ATTRIBUTION_FACETS = {
    "kind": "a.kind",
    "outlet": "a.outlet",
    "month": "SUBSTR(a.day, 1, 7)",
}
_SPEAKER_FACETS = {
    "speaker_type": "sp.type",
    "named": "CASE WHEN sp.name IS NOT NULL THEN 'named' WHEN per.speaker_id IS NOT NULL THEN 'unnamed' ELSE 'none' END",
}
# The confidence band of a hit: the index of the first step it reaches (len: none).
_BAND_SQL = (
    "CASE "
    + " ".join(f"WHEN a.confidence >= {step} THEN {n}" for n, step in enumerate(CONFIDENCE_STEPS))
    + f" ELSE {len(CONFIDENCE_STEPS)} END"
)


def _facets(db: Database, source: str, where: list[str], params: list[Any]) -> tuple[Facets, int]:
    """The FACET_SIZE most frequent values of each facet over the whole filtered result, and its size."""
    counters: dict[str, Counter[str]] = {name: Counter() for name in (*_ATTRIBUTION_FACETS, *_SPEAKER_FACETS)}
    bands: Counter[int] = Counter()
    columns = [*_ATTRIBUTION_FACETS.values(), _BAND_SQL]
    rows = db.rows(
        f"SELECT {', '.join(f'{c} AS f{n}' for n, c in enumerate(columns))}, COUNT(*) AS n {source}{_where(where)} "
        f"GROUP BY {', '.join(str(n + 1) for n in range(len(columns)))}",
        params,
    )
    for row in rows:
        for n, name in enumerate(_ATTRIBUTION_FACETS):
            if row[f"f{n}"]:
                counters[name][row[f"f{n}"]] += int(row["n"])
        bands[int(row[f"f{len(_ATTRIBUTION_FACETS)}"])] += int(row["n"])
    per_speaker = (
        f"(SELECT a.speaker_id, COUNT(*) AS n {source}{_where(where)} GROUP BY a.speaker_id) per "
        "LEFT JOIN speakers sp ON sp.id = per.speaker_id"
    )
    # Per speaker (NULL: none), then by what the speaker is.
    rows = db.rows(
        f"SELECT {', '.join(f'{c} AS f{n}' for n, c in enumerate(_SPEAKER_FACETS.values()))}, SUM(per.n) AS n "
        f"FROM {per_speaker} GROUP BY {', '.join(str(n + 1) for n in range(len(_SPEAKER_FACETS)))}",
        params,
    )
    for row in rows:
        for n, name in enumerate(_SPEAKER_FACETS):
            if row[f"f{n}"]:
                counters[name][row[f"f{n}"]] += int(row["n"])
    found: dict[str, list[FacetCount]] = {
        name: [{"value": value, "label": value, "count": count}
               for value, count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]]
        for name, counter in counters.items()
    }
    # Speakers are many: their own query, sorted and cut by the database.
    found["speaker"] = [
        {"value": str(s["id"]), "label": s["name"] or s["description"] or str(s["id"]), "count": s["num_attributions"]}
        for s in _most_quoted(db, source, where, params, FACET_SIZE)
    ]
    # Cumulative: the hits at or above each step are what min_confidence=step finds.
    found["confidence"] = [
        {"value": str(step), "label": f"at least {step}", "count": reached}
        for n, step in enumerate(CONFIDENCE_STEPS)
        if (reached := sum(bands[band] for band in range(n + 1)))
    ]
    return found, sum(bands.values())  # type: ignore[return-value]


def _most_quoted(db: Database, source: str, where: list[str], params: list[Any], limit: int) -> list[QuotedSpeaker]:
    """The ``limit`` speakers with the most attributions in a filtered result (``_filtered``), most first.

    Counted per speaker id alone, then the few speakers named: grouped by the id
    (and no speaker column) the count streams over an index in speaker order
    instead of sorting every attribution.
    """
    rows = db.rows(
        "SELECT counted.id, s.name, s.description, s.type, s.named, counted.n FROM ("
        f"SELECT a.speaker_id AS id, COUNT(*) AS n {source}{_where([*where, 'a.speaker_id IS NOT NULL'])} "
        "GROUP BY a.speaker_id ORDER BY n DESC, a.speaker_id LIMIT ?"
        ") counted JOIN speakers s ON s.id = counted.id ORDER BY counted.n DESC, counted.id",
        [*params, limit],
    )
    return [
        {"id": int(r["id"]), "name": r["name"], "description": r["description"], "type": r["type"],
         "named": bool(r["named"]), "num_attributions": int(r["n"])}
        for r in rows
    ]


def most_quoted(db: Database, q: str | None = None, *, limit: int = FACET_SIZE, **filters: Unpack[QuoteFilters]) -> MostQuoted:
    """The most quoted speakers of a search's whole result (see ``Store.most_quoted``)."""
    source, where, params = _filtered(db, parse_query(q), **filters)
    return {"items": _most_quoted(db, source, where, params, _limit(limit))}


def search_quotes(
    db: Database,
    q: str | None = None,
    *,
    order: str | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
    total: bool = True,
    facets: bool = False,
    **filters: Unpack[QuoteFilters],
) -> QuotePage:
    """Attribution hits by relevance or date (see ``Store.search_quotes``)."""
    limit = _limit(limit)
    terms = parse_query(q)
    sort = _order(order, terms)
    source, where, params = _filtered(db, terms, **filters)
    # The facets' scan counts the hits too, so with facets the total costs nothing more.
    summary, counted = _facets(db, source, where, params) if facets else (None, None)
    if not total:
        counted = None
    elif counted is None:
        counted = int(db.one(f"SELECT COUNT(*) AS n {source}{_where(where)}", params)["n"])  # type: ignore[index]
    page_where, page_params = list(where), list(params)
    if sort == "relevance":
        # Keyset on (score, id): a score is a float read back exactly from the cursor's JSON.
        key = decode_cursor("search-relevance", cursor, (float, int))
        if key is not None:
            page_where.append("(fts.score < ? OR (fts.score = ? AND a.id < ?))")
            page_params.extend([key[0], key[0], key[1]])
        sql = (f"{_HIT_COLUMNS}, fts.score AS score {source}{_ARTICLE_JOIN}{_where(page_where)} "
               "ORDER BY fts.score DESC, a.id DESC LIMIT ?")
        view, key_of = "search-relevance", lambda r: [float(r["score"]), int(r["id"])]
    else:
        key = decode_cursor("search", cursor, (str, int))
        if key is not None:
            page_where.append("(a.day < ? OR (a.day = ? AND a.id < ?))")
            page_params.extend([key[0], key[0], key[1]])
        sql = f"{_HIT_COLUMNS} {source}{_ARTICLE_JOIN}{_where(page_where)} ORDER BY a.day DESC, a.id DESC LIMIT ?"
        view, key_of = "search", lambda r: [r["day"], int(r["id"])]
    rows = db.rows(sql, [*page_params, limit + 1])
    rows, next_cursor = _page(rows, limit, view, key_of)
    return {
        "items": [_hit(r, terms) for r in rows],
        "next_cursor": next_cursor,
        "total": counted,
        "order": sort,
        "facets": summary,
    }


# -- speakers -----------------------------------------------------------------


def _forms(db: Database, speaker_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """Surface forms per speaker: {"forms": names and mentions, "descriptions": ...}, most used first."""
    found: dict[int, dict[str, list[str]]] = {i: {"forms": [], "descriptions": []} for i in speaker_ids}
    if not speaker_ids:
        return found
    marks = ", ".join("?" for _ in speaker_ids)
    rows = db.rows(
        f"SELECT speaker_id, kind, form FROM speaker_forms WHERE speaker_id IN ({marks}) "
        "AND kind IN ('name', 'mention', 'description') ORDER BY count DESC, kind DESC, form",
        speaker_ids,
    )
    for row in rows:
        bucket = found[int(row["speaker_id"])]["descriptions" if row["kind"] == "description" else "forms"]
        if row["form"] not in bucket:
            bucket.append(row["form"])
    return found


_SPEAKER_COLUMNS = "s.id, s.name, s.description, s.type, s.named, s.gender, s.gender_evidence, s.num_attributions"
# The gender filter's values; "unknown" is a speaker whose gender is not known.
GENDERS = ("female", "male", "unknown")


def _speaker_item(row: dict[str, Any], forms: dict[str, list[str]]) -> SpeakerItem:
    return {
        "id": int(row["id"]),
        "name": row["name"],
        "description": row["description"],
        "type": row["type"],
        "named": bool(row["named"]),
        "gender": row["gender"],
        "gender_evidence": row["gender_evidence"],
        "num_attributions": int(row["num_attributions"]),
        "forms": forms["forms"],
    }


def _gender_condition(gender: str | None, column: str = "s.gender") -> tuple[str | None, list[Any]]:
    """A condition for the gender filter (``GENDERS``); InvalidQuery for another value."""
    if gender in (None, ""):
        return None, []
    if gender not in GENDERS:
        raise InvalidQuery(f"gender must be one of {', '.join(GENDERS)}, not {gender!r}")
    if gender == "unknown":
        return f"{column} IS NULL", []
    return f"{column} = ?", [gender]


def speakers(
    db: Database,
    *,
    q: str | None = None,
    named: bool | None = None,
    gender: str | None = None,
    top: int | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> SpeakerPage:
    """Speakers by number of attributions (see ``Store.speakers``)."""
    if top is not None:
        limit, cursor = _limit(top), None
    limit = _limit(limit)
    where = ["s.num_attributions > 0"]
    params: list[Any] = []
    if named is not None:
        where.append("s.named = ?")
        params.append(int(bool(named)))
    condition, values = _gender_condition(gender)
    if condition:
        where.append(condition)
        params.extend(values)
    folded = name_filter(q, "q") if text_filter(q, "q") else ""
    if normalize_name(folded):
        # The form is matched as typed, so its LIKE wildcards are escaped: "L_na"
        # must not find "Lena". (The normalized name has no % or _ left.)
        where.append(
            "(s.norm LIKE ? OR EXISTS (SELECT 1 FROM speaker_forms f "
            "WHERE f.speaker_id = s.id AND LOWER(f.form) LIKE ? ESCAPE '\\'))"
        )
        params.extend([f"%{normalize_name(folded)}%", like_pattern(folded.strip().lower())])
    _after_count_cursor("speakers", cursor, "s.num_attributions", "s.id", int, where, params)
    rows = db.rows(
        f"SELECT {_SPEAKER_COLUMNS} FROM speakers s WHERE "
        + " AND ".join(where)
        + " ORDER BY s.num_attributions DESC, s.id LIMIT ?",
        [*params, limit + 1],
    )
    rows, next_cursor = _page(rows, limit, "speakers", lambda r: [int(r["num_attributions"]), int(r["id"])])
    if top is not None:
        next_cursor = None
    forms = _forms(db, [int(r["id"]) for r in rows])
    return {"items": [_speaker_item(r, forms[int(r["id"])]) for r in rows], "next_cursor": next_cursor}


def speaker(db: Database, speaker_id: int | str, *, attributions_limit: int | None = None) -> SpeakerDetail | None:
    """One speaker with forms, descriptions, a monthly timeline and their attributions."""
    ident = parse_id(speaker_id)
    if ident is None:
        return None
    row = db.one(f"SELECT {_SPEAKER_COLUMNS} FROM speakers s WHERE s.id = ?", (ident,))
    if row is None:
        return None
    forms = _forms(db, [ident])[ident]
    timeline = db.rows(
        "SELECT SUBSTR(day, 1, 7) AS month, COUNT(*) AS count FROM attributions "
        "WHERE speaker_id = ? AND day <> '' GROUP BY SUBSTR(day, 1, 7) ORDER BY month",
        (ident,),
    )
    sql = _HIT_SELECT + " WHERE a.speaker_id = ? ORDER BY a.day DESC, a.id DESC"
    params: list[Any] = [ident]
    if attributions_limit is not None:
        sql += " LIMIT ?"
        params.append(_limit(attributions_limit))
    hits = [_hit(r, []) for r in db.rows(sql, params)]
    return {
        **_speaker_item(row, forms),
        "descriptions": forms["descriptions"],
        "timeline": [{"month": t["month"], "count": int(t["count"])} for t in timeline],
        "attributions": hits,
    }


# The most quoted women and men listed by ``gender_shares``.
GENDER_TOP = 10


def _gender_counts(people: dict[int, str | None]) -> dict[str, int]:
    """How many of ``people`` (id -> gender) are women, men, and of unknown gender."""
    counts = {"female": 0, "male": 0, "unknown": 0}
    for gender in people.values():
        counts[gender if gender in ("female", "male") else "unknown"] += 1
    return counts


def timeline(
    db: Database, *, outlet: str | None = None, since: str | None = None, until: str | None = None
) -> list[OutletMonthCount]:
    """Attributions per month and outlet (see ``Store.timeline``); undated ones under month ''."""
    where: list[str] = []
    params: list[Any] = []
    _add_window(where, params, outlet=outlet, since=since, until=until)
    rows = db.rows(
        "SELECT SUBSTR(a.day, 1, 7) AS month, a.outlet AS outlet, COUNT(*) AS count FROM attributions a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY SUBSTR(a.day, 1, 7), a.outlet ORDER BY month, outlet",
        params,
    )
    return [{"month": r["month"] or "", "outlet": r["outlet"], "count": int(r["count"])} for r in rows]


def gender_shares(
    db: Database, *, outlet: str | None = None, since: str | None = None, until: str | None = None
) -> GenderShares:
    """Distinct quoted named people by gender, overall, by outlet and by month (see ``Store.gender_shares``)."""
    where = ["s.named = 1", "s.type = 'person'"]
    params: list[Any] = []
    _add_window(where, params, outlet=outlet, since=since, until=until)
    # One scan: each person's attributions per outlet and month, from which the
    # distinct people of each group and the most quoted are counted here (five
    # queries, one per table, took twice as long on PostgreSQL).
    rows = db.rows(
        "SELECT s.id, s.name, s.gender, a.outlet, SUBSTR(a.day, 1, 7) AS month, COUNT(*) AS n "
        "FROM attributions a JOIN speakers s ON s.id = a.speaker_id WHERE " + " AND ".join(where)
        + " GROUP BY s.id, s.name, s.gender, a.outlet, SUBSTR(a.day, 1, 7)",
        params,
    )
    overall: dict[int, str | None] = {}
    outlets: dict[str | None, dict[int, str | None]] = {}
    months: dict[str, dict[int, str | None]] = {}
    quoted: Counter[int] = Counter()
    names: dict[int, str] = {}
    for row in rows:
        person, gender = int(row["id"]), row["gender"]
        overall[person] = gender
        outlets.setdefault(row["outlet"], {})[person] = gender
        if row["month"]:  # undated attributions count overall and per outlet, in no month
            months.setdefault(row["month"], {})[person] = gender
        quoted[person] += int(row["n"])
        names[person] = row["name"]
    by_outlet = [{"outlet": name, **_gender_counts(people)} for name, people in outlets.items()]
    by_outlet.sort(key=lambda o: (-(o["female"] + o["male"] + o["unknown"]), o["outlet"] is None, o["outlet"] or ""))

    def top(gender: str) -> list[QuotedPerson]:
        most = sorted((person for person in quoted if overall[person] == gender), key=lambda i: (-quoted[i], i))
        return [{"id": i, "name": names[i], "num_attributions": quoted[i]} for i in most[:GENDER_TOP]]

    return {
        "overall": _gender_counts(overall),  # type: ignore[typeddict-item]
        "by_outlet": by_outlet,  # type: ignore[typeddict-item]
        "by_month": [{"month": m, **_gender_counts(people)} for m, people in sorted(months.items())],  # type: ignore[misc]
        "top_women": top("female"),
        "top_men": top("male"),
    }


# -- articles -----------------------------------------------------------------


def _attribution_dict(row: dict[str, Any]) -> StoredAttribution:
    def role(value: str | None) -> dict[str, Any] | None:
        return json.loads(value) if value else None

    return {
        "id": row["attribution_id"],
        "kind": row["kind"],
        "content": json.loads(row["content_fragments"]),
        "cue": json.loads(row["cue"]),
        "speaker": role(row["speaker"]),
        "addressee": role(row["addressee"]),
        "via": role(row["via"]),
        "confidence": round(float(row["confidence"]), 3),
        "speaker_id": int(row["speaker_id"]) if row["speaker_id"] is not None else None,
        "quote_id": row["quote_id"],
    }


def _article_attributions(db: Database, article_ids: list[str]) -> dict[str, list[StoredAttribution]]:
    """The output attribution dicts (plus speaker_id, quote_id) of some articles, in order."""
    found: dict[str, list[StoredAttribution]] = {i: [] for i in article_ids}
    if not article_ids:
        return found
    marks = ", ".join("?" for _ in article_ids)
    rows = db.rows(
        "SELECT article_id, attribution_id, kind, content_fragments, cue, speaker, addressee, via, "
        f"confidence, speaker_id, quote_id FROM attributions WHERE article_id IN ({marks}) "
        "ORDER BY article_id, ordinal",
        article_ids,
    )
    for row in rows:
        found[row["article_id"]].append(_attribution_dict(row))
    return found


_ARTICLE_COLUMNS = "id, title, published, url, outlet, text, entities, author, ingested_at"


def _article_dict(row: dict[str, Any], attributions: list[StoredAttribution]) -> StoredArticle:
    """The output article dict (docs/output.md) of an articles row, with author and ingested_at."""
    return {
        "id": row["id"],
        "title": row["title"],
        "published": row["published"],
        "url": row["url"],
        "outlet": row["outlet"],
        "text": row["text"],
        "attributions": attributions,
        "entities": json.loads(row["entities"]),
        "author": row["author"],
        "ingested_at": row["ingested_at"],
    }


def article(db: Database, article_id: str) -> StoredArticle | None:
    """One stored article (see ``Store.article``)."""
    if "\x00" in str(article_id):
        return None  # no stored id holds NUL (PostgreSQL text cannot)
    row = db.one(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (str(article_id),))
    if row is None:
        return None
    return _article_dict(row, _article_attributions(db, [row["id"]])[row["id"]])


# -- quotes -------------------------------------------------------------------


def _quote_groups(db: Database, quote_ids: list[str]) -> dict[str, QuoteGroup]:
    """Each quote described by its occurrences (``quote.group``), as the Spark job describes it."""
    if not quote_ids:
        return {}
    marks = ", ".join("?" for _ in quote_ids)
    rows = db.rows(
        "SELECT a.quote_id, a.article_id, a.day, a.kind, a.content, a.content_fragments, a.speaker, "
        "ar.outlet, ar.url FROM attributions a JOIN articles ar ON ar.id = a.article_id "
        f"WHERE a.quote_id IN ({marks})",
        quote_ids,
    )
    occurrences: dict[str, list[Occurrence]] = {}
    for row in rows:
        occurrences.setdefault(row["quote_id"], []).append(_occurrence(row))
    return {quote_id: group(quote_id, found) for quote_id, found in occurrences.items()}


def _occurrence(row: dict[str, Any]) -> Occurrence:
    """What quote grouping needs of an attribution row (with its article's outlet and url)."""
    fragments = json.loads(row["content_fragments"])
    return Occurrence(
        content=row["content"],
        article_id=row["article_id"],
        day=row["day"] or None,
        start=int(fragments[0]["start"]) if fragments else 0,
        speaker=json.loads(row["speaker"]) if row["speaker"] else None,
        kind=row["kind"],
        outlet=row["outlet"],
        url=row["url"],
    )


def quote(db: Database, quote_id: str) -> QuoteDetail | None:
    """One quote and how it spread (see ``Store.quote``); None when there is no such id."""
    if "\x00" in str(quote_id):
        return None  # no stored id holds NUL (PostgreSQL text cannot)
    rows = db.rows(_HIT_SELECT + " WHERE a.quote_id = ?", (str(quote_id),))
    if not rows:
        return None
    # Earliest first, by the order quote grouping uses, so "first seen" is the first row.
    ordered = sorted(((_occurrence(r), r) for r in rows), key=lambda pair: pair[0].order())
    described = group(str(quote_id), [occurrence for occurrence, _ in ordered])
    variants: dict[str, QuoteVariant] = {}
    for occurrence, _ in ordered:
        variant = variants.setdefault(
            occurrence.content, {"content": occurrence.content, "count": 0, "first_seen": occurrence.day, "outlets": []}
        )
        variant["count"] += 1
        if occurrence.outlet and occurrence.outlet not in variant["outlets"]:
            variant["outlets"].append(occurrence.outlet)
    return {
        **_quote_item(described),
        "occurrences": [_hit(row, []) for _, row in ordered],
        # Stable sort: equally frequent wordings stay earliest first.
        "variants": sorted(variants.values(), key=lambda v: -v["count"]),
    }


def quotes(db: Database, *, q: str | None = None, limit: int = DEFAULT_LIMIT, cursor: str | None = None) -> QuoteItemPage:
    """Quotes grouped across articles, most occurrences first (see ``Store.quotes``)."""
    limit = _limit(limit)
    where: list[str] = []
    params: list[Any] = []
    terms = parse_query(q)
    if terms:
        where.append(f"qu.id IN (SELECT a.quote_id FROM attributions a WHERE {db.dialect.fts_condition})")
        params.append(db.dialect.fts_query(terms))
    _after_count_cursor("quotes", cursor, "qu.num_occurrences", "qu.id", str, where, params)
    rows = db.rows(
        "SELECT qu.id, qu.quotation, qu.first_seen, qu.num_occurrences FROM quotes qu"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY qu.num_occurrences DESC, qu.id LIMIT ?",
        [*params, limit + 1],
    )
    rows, next_cursor = _page(rows, limit, "quotes", lambda r: [int(r["num_occurrences"]), r["id"]])
    groups = _quote_groups(db, [r["id"] for r in rows])
    return {"items": [_quote_item(groups[r["id"]]) for r in rows if r["id"] in groups], "next_cursor": next_cursor}


def _quote_item(quote: QuoteGroup) -> QuoteItem:
    return {
        "quote_id": quote.quote_id,
        "quotation": quote.quotation,
        "speaker": quote.speaker,
        "probas": [[label, share] for label, share in quote.probas],
        "num_occurrences": quote.num_occurrences,
        "first_seen": quote.first_seen,
        "outlets": quote.outlets,
        "urls": quote.urls,
        "article_ids": quote.article_ids,
    }


def stats(db: Database) -> Stats:
    """Row counts of the main tables."""
    row = db.one(
        "SELECT (SELECT COUNT(*) FROM articles) AS articles, "
        "(SELECT COUNT(*) FROM attributions) AS attributions, "
        "(SELECT COUNT(*) FROM speakers WHERE num_attributions > 0) AS speakers, "
        "(SELECT COUNT(*) FROM quotes) AS quotes"
    )
    assert row is not None
    return {"articles": int(row["articles"]), "attributions": int(row["attributions"]),
            "speakers": int(row["speakers"]), "quotes": int(row["quotes"])}


# -- whole-table scans, in key order, a batch at a time (for exports) -----------


def articles_after(db: Database, last_id: str, limit: int) -> list[StoredArticle]:
    """Up to ``limit`` stored articles whose id sorts after ``last_id`` ("" for the first), in id order."""
    rows = db.rows(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last_id, limit))
    attributions = _article_attributions(db, [r["id"] for r in rows])
    return [_article_dict(row, attributions[row["id"]]) for row in rows]


def hits_after(db: Database, last_id: int, limit: int) -> list[QuoteHit]:
    """Up to ``limit`` attributions as hits whose key is above ``last_id`` (-1 for the first), in key order."""
    rows = db.rows(_HIT_SELECT + " WHERE a.id > ? ORDER BY a.id LIMIT ?", (last_id, limit))
    return [_hit(row, []) for row in rows]


def quotes_after(db: Database, last_id: str, limit: int) -> list[QuoteGroup]:
    """Up to ``limit`` quotes whose id sorts after ``last_id`` ("" for the first), in id order."""
    rows = db.rows("SELECT id FROM quotes WHERE id > ? ORDER BY id LIMIT ?", (last_id, limit))
    groups = _quote_groups(db, [r["id"] for r in rows])
    return [groups[r["id"]] for r in rows if r["id"] in groups]
