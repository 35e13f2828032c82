"""The web server (extra ``onrecord[server]``): JSON API under /api, HTML explorer at /.

Importing ``onrecord.server.app`` without FastAPI installed raises ``MissingExtra``
with the ``pip install 'onrecord[server]'`` line to run.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(db_url: str, **options: Any) -> Any:
    """Build the application; see ``onrecord.server.app.create_app``."""
    from .app import create_app as build

    return build(db_url, **options)
