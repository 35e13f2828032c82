"""What every request handler shares: the store, the extractor and the settings."""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, field
from typing import Any

from ..extract import Extractor
from ..model import Article


@dataclass
class ServerContext:
    """The one store and the one extractor a server process works with.

    The extractor's spaCy pipeline is loaded on the first extraction and used
    under a lock: one article at a time, so concurrent requests never share a
    pipeline mid-parse.
    """

    store: Any
    extractor: Extractor
    token: str | None = None
    max_body: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def extract(self, text: str, **meta: str | None) -> Article:
        """Analyse one text (not stored); ``meta`` is id, title, published, url, outlet."""
        with self._lock:
            return self.extractor.extract(text, **meta)

    def accepts(self, authorization: str | None) -> bool:
        """Whether an ``Authorization`` header carries this server's bearer token."""
        if not self.token or not authorization:
            return False
        scheme, _, credentials = authorization.partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(credentials.strip().encode(), self.token.encode())
