"""The input record every reader produces and the extractor consumes."""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """An article to analyse: its text and what we know about it."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    origin: str | None = None  # the file (and line) it came from, for error messages

    @classmethod
    def from_record(cls, record: Any, *, origin: str | None = None) -> Document:
        """A Document from a str, a Document or a mapping with output/PolNeAR/BBC field names."""
        if isinstance(record, Document):
            return record
        if isinstance(record, str):
            return cls(text=record, origin=origin)
        if not isinstance(record, dict):
            raise TypeError(f"cannot make a document of {type(record).__name__}")
        text = record.get("text")
        if not isinstance(text, str):
            raise ValueError("record has no 'text' string")
        _refuse_lone_surrogates("text", text)

        def field(*names: str) -> str | None:
            for name in names:
                value = record.get(name)
                if value not in (None, "", "None"):
                    _refuse_lone_surrogates(name, str(value))
                    return str(value)
            return None

        return cls(
            text=text,
            id=field("id"),
            title=field("title"),
            published=field("published", "date"),
            url=field("url"),
            outlet=field("outlet", "publisher", "source"),
            author=field("author"),
            origin=origin,
        )


# JSON may spell a UTF-16 half ("\ud800") that is no character at all: such a
# string cannot be written as UTF-8 (to a database, a terminal, a Parquet file),
# and replacing it would change the text every offset indexes. The record is refused.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_lone_surrogates(field: str, value: str) -> None:
    if (found := _LONE_SURROGATE.search(value)) is not None:
        raise ValueError(
            f"'{field}' holds a lone surrogate (\\u{ord(found.group()):04x} at character {found.start()}), not Unicode text"
        )
