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
from ..text import without_bracketed_end

# Hex digits kept from a SHA-256 for ids derived from text: 64 bits, so an
# accidental collision needs billions of articles (or quotes).
ID_HEX_DIGITS = 16

# A speaker name, description or mention that is only one of these says nothing
# about who spoke: it never keys a speaker and is never kept as one of its forms
# ("It", "which" and "who" were listed as the names of a merged "company").
PRONOUNS = frozenset(
    "he she they it we i you him her them us me his hers their its our "
    "this that these those who whom whose which what one someone somebody".split()
)

# Honorifics and titles that stand before a name and are no part of it: "Mr
# Greenspan", "Dr Greenspan" and "Greenspan" are one key. Leading words only,
# and never the last word of a name ("Justice" alone stays a name).
NAME_TITLES = frozenset(
    "mr mrs ms mx miss dr prof professor sir dame lord lady rev hon sen rep gov senator "
    "president vice deputy acting former mayor governor minister chancellor premier judge justice "
    "secretary chairman chairwoman chief gen general col capt lt sgt det insp supt cmdr adm coach "
    "councillor councilman councilwoman congressman congresswoman mp".split()
)
# Words that alone (with "the", "Mr" or the like) describe a source rather than
# name it, however the article capitalised them: "the Government" of one BBC
# article is not the government of the next, so they are never a name the
# store merges on.
GENERIC_NAMES = frozenset(
    "government governments police company companies firm firms group analyst analysts official officials "
    "expert experts economist economists source sources spokesman spokeswoman spokesperson council committee "
    "ministry department army court union party bank agency board commission administration authorities "
    "authority team club report survey study critics campaigners residents witnesses investors traders "
    "researchers scientists doctors lawyers prosecutors".split()
)
# Company-form suffixes after an organization's name: "Time Warner Inc" is Time Warner.
NAME_SUFFIXES = frozenset("inc plc ltd llc corp co".split())
# A leading article is no part of a name: "The Times" and "Times" are one outlet.
NAME_ARTICLES = frozenset({"the"})

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


def name_words(name: str) -> list[str]:
    """A name's words as compared: NFKC, accents folded, case-folded, punctuation and
    hyphens as spaces, leading titles and articles and trailing company forms dropped.

    At least one word is always kept, so "Lord" or "Inc" alone stays what it is.
    """
    name = without_bracketed_end(name)  # "Institute for Fiscal Studies (IFS)" merges as without
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    # An apostrophe joins ("O'Neill" is "oneill"), any other mark separates ("Jean-Pierre").
    words = _NON_WORD.sub(" ", re.sub(r"['\u2019]", "", folded)).split()
    while len(words) > 1 and (words[0] in NAME_TITLES or words[0] in NAME_ARTICLES):
        words.pop(0)
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words


def name_key(name: str) -> str:
    """The key a name merges on across articles: its words (``name_words``) run together.

    Spaces are dropped, so "TimeWarner" and "Time Warner", "McDonald" and "Mc
    Donald", are one key; two different names that differ only by their
    spacing are rare enough to leave to the alias file.
    """
    return "".join(name_words(name))


def is_a_name(name: str | None) -> bool:
    """Whether a resolved name names someone: not a pronoun ("It"), not a generic noun
    ("the Government", "Analysts"), and capitalised somewhere when its script has case
    ("government" is a description the resolver took for a name).
    """
    if not name or is_pronoun(name) or not name_key(name):
        return False
    if not any(c.isupper() for c in name) and any(c.islower() for c in name):
        return False
    return not all(word in GENERIC_NAMES for word in name_words(name))


def is_pronoun(text: str | None) -> bool:
    """Whether a name, description or mention is nothing but a pronoun or relative ("It", "which")."""
    return normalize_name(text or "") in PRONOUNS


def speaker_label_key(speaker: Speaker | None) -> tuple[str, str] | None:
    """(key, label) telling the speakers of one quote's occurrences apart, or None.

    This only groups labels inside one quote (``quote.group``): a named speaker
    by its name key, an unnamed one by its normalized description (or mention),
    a bare pronoun not at all. The store's speaker records are keyed by
    ``speakers.speaker_identity``, which never merges unnamed sources across articles.
    """
    if speaker is None:
        return None
    if is_a_name(speaker.name):
        assert speaker.name is not None
        return f"name:{name_key(speaker.name)}", " ".join(speaker.name.split())
    label = speaker.description or mention_text(speaker)
    norm = normalize_name(label or "")
    if not norm or norm in PRONOUNS:
        return None
    return f"desc:{norm}", " ".join(label.split())


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
