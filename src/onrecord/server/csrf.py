"""Tokens for the explorer's one form that posts (/analyse), against cross-site requests.

Any page a user visits can make the browser post a plain form to a server on
localhost; it cannot read that server's pages. So the form carries a token
only this server can make: the time it was issued, signed with a key drawn
when the server starts. A post without a valid, unexpired token is refused
(403). The token sits in a hidden field of the served form, so no script is
needed and the Content-Security-Policy stays as strict as it is.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

# How long a served form stays usable, in seconds: a long article may take a
# while to paste, and a tab left open over a day is reloaded.
TOKEN_MAX_AGE_S = 24 * 3600

# The hidden field that carries the token.
FIELD = "csrf_token"


class FormTokens:
    """Issues and checks form tokens with a key of this server process.

    A restart draws a new key, so forms served before it are refused with a
    message asking to reload the page.
    """

    def __init__(self, key: bytes | None = None, *, max_age: float = TOKEN_MAX_AGE_S) -> None:
        self._key = key or secrets.token_bytes(32)
        self.max_age = max_age

    def issue(self) -> str:
        """A token for a form served now: ``<unix time>.<signature>``."""
        issued = str(int(time.time()))
        return f"{issued}.{self._sign(issued)}"

    def valid(self, token: str | None) -> bool:
        """Whether ``token`` was issued by this server less than ``max_age`` seconds ago."""
        issued, _, signature = (token or "").partition(".")
        if not (issued.isascii() and issued.isdigit()):
            return False
        if not hmac.compare_digest(signature.encode(), self._sign(issued).encode()):
            return False
        return 0 <= time.time() - int(issued) <= self.max_age

    def _sign(self, issued: str) -> str:
        return hmac.new(self._key, issued.encode(), hashlib.sha256).hexdigest()
