"""Which database a command works on: ``--db``, else ``$ONRECORD_DB``, else ``./onrecord.db``.

One rule for every command that opens the store (ingest, search, speakers,
show, export, serve), so they never disagree about where the data is.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import click

from ..store import Store, open_store
from .boundary import error_boundary

ENV_DB = "ONRECORD_DB"
DEFAULT_DB = "onrecord.db"


def default_database() -> str:
    """The database when ``--db`` is not given."""
    return os.environ.get(ENV_DB) or DEFAULT_DB


db_option = click.option(
    "--db",
    "db_url",
    default=default_database,
    show_default=f"${ENV_DB}, else ./{DEFAULT_DB}",
    metavar="URL",
    help="Database: a SQLite file path, sqlite:///PATH or postgresql://…",
)


@contextlib.contextmanager
def opened_store(db_url: str, *, create: bool = False) -> Iterator[Store]:
    """The store at ``db_url``; an OnrecordError inside becomes one error line and exit 2.

    Only the commands that write (ingest, serve) pass ``create=True``: the
    others never leave an empty ``onrecord.db`` behind in whatever directory
    they ran from.
    """
    with error_boundary(), open_store(db_url, create=create) as store:
        yield store
