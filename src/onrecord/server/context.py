"""What every request handler shares: the store, the extraction workers and the settings."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

from ..model import Article
from .csrf import FormTokens
from .workers import ExtractionPool


@dataclass
class ServerContext:
    """The store, the extraction pool and the settings of one server process.

    Extraction never runs in the server process: ``extract`` hands the text to
    a worker process and waits (see ``workers``), so call it from a thread.
    """

    store: Any
    pool: ExtractionPool
    forms: FormTokens
    token: str | None = None
    max_body: int = 0

    def extract(self, text: str, **meta: str | None) -> Article:
        """Analyse one text (not stored); ``meta`` is id, title, published, url, outlet."""
        return self.pool.extract(text, **meta)

    def accepts(self, authorization: str | None) -> bool:
        """Whether an ``Authorization`` header carries this server's bearer token."""
        if not self.token or not authorization:
            return False
        scheme, _, credentials = authorization.partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(credentials.strip().encode(), self.token.encode())
