"""Keys the store merges on: article text hashes, speaker keys, dates (quotes: ``quote``).

Pure functions, no database: the same text always gives the same key, so a
re-run of an ingest finds what the interrupted one already committed.
"""

from __future__ import annotations

import email.utils
import hashlib
import re
import unicodedata
from datetime import datetime

from ..model import Speaker

# Hex digits kept from a SHA-256 for ids derived from text: 64 bits, so an
# accidental collision needs billions of articles (or quotes).
ID_HEX_DIGITS = 16

# A speaker mention that is only one of these, with no name or description
# resolved, says nothing about who spoke and is not merged into a speaker record.
PRONOUNS = frozenset(
    "he she they it we i you him her them us me his hers their its our "
    "this that these those who one someone somebody".split()
)

_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# Date formats seen in news metadata (PolNeAR, Reuters-21578, HTML meta tags),
# tried in order after ISO 8601 and RFC 2822.
_DATE_FORMATS = (
    "%d-%b-%Y",  # Reuters: 26-FEB-1987 (time part cut off before parsing)
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%Y%m%d",
)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_text(text: str) -> str:
    """Article text as compared for duplicates: NFKC, case-folded, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def text_hash(text: str) -> str:
    """The SHA-256 of the normalized article text (hex)."""
    return _digest(normalize_text(text))


def article_id_for(hash_: str) -> str:
    """The id given to an article that has none (or whose id is taken)."""
    return f"h{hash_[:ID_HEX_DIGITS]}"


def normalize_name(name: str) -> str:
    """A name or description as merged: case-folded words separated by single spaces."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return _SPACE.sub(" ", _NON_WORD.sub(" ", folded)).strip()


def mention_text(speaker: Speaker) -> str:
    """The mention's surface text (fragments joined by a space)."""
    return " ".join(f.text for f in speaker.mention).strip()


def speaker_key(speaker: Speaker | None) -> tuple[str, str] | None:
    """(key, normalized label) merging one real speaker across articles, or None.

    A named speaker is keyed by its normalized name; an unnamed one by its
    normalized description, else by its mention unless that is a bare pronoun.
    """
    if speaker is None:
        return None
    name = normalize_name(speaker.name or "")
    if name and name not in PRONOUNS:
        return f"name:{name}", name
    label = speaker.description or mention_text(speaker)
    norm = normalize_name(label or "")
    if not norm or norm in PRONOUNS:
        return None
    return f"desc:{norm}", norm


def normalize_date(value: str | None) -> str | None:
    """An ISO day (YYYY-MM-DD) for a published date in a common format, else None."""
    if not value:
        return None
    value = value.strip()
    match = _ISO_DAY.match(value)
    if match:
        return _checked(*map(int, match.groups()))
    match = _ISO_MONTH.match(value)
    if match:
        return _checked(int(match.group(1)), int(match.group(2)), 1)
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    head = value.split(" ")[0] if re.match(r"^\d{1,2}-\w{3}-\d{4} ", value) else value
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None
