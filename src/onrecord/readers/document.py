"""The input record every reader produces and the extractor consumes."""

from __future__ import annotations

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
        """A Document from a str, a Document or a mapping with SPEC/PolNeAR/BBC field names."""
        if isinstance(record, Document):
            return record
        if isinstance(record, str):
            return cls(text=record, origin=origin)
        if not isinstance(record, dict):
            raise TypeError(f"cannot make a document of {type(record).__name__}")
        text = record.get("text")
        if not isinstance(text, str):
            raise ValueError("record has no 'text' string")

        def field(*names: str) -> str | None:
            for name in names:
                value = record.get(name)
                if value not in (None, "", "None"):
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
