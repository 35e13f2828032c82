"""``onrecord serve``: the JSON API and the HTML explorer over one database."""

from __future__ import annotations

import click

from ..errors import MissingExtra
from .boundary import error_boundary
from .database import db_option
from .options import strategy_options

# Where the explorer listens unless told otherwise: loopback only, so a laptop
# never exposes its database to the network by accident.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@click.command()
@db_option
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option("--token", envvar="ONRECORD_TOKEN", default=None, show_envvar=True,
              help="Bearer token that enables POST /api/articles (ingest); without it the API is read-only.")
@strategy_options
def serve(db_url: str, host: str, port: int, token: str | None, strategy: str, tagger: str | None) -> None:
    """Serve the REST API (/api, docs at /docs) and the web explorer (/)."""
    with error_boundary():
        # FastAPI and uvicorn come with the [server] extra: imported only here.
        from ..server.app import create_app

        try:
            import uvicorn
        except ImportError as error:
            raise MissingExtra("server", error.name or "uvicorn") from error
        from ..extract import Extractor

        app = create_app(db_url, token=token, extractor=Extractor(strategy=strategy, tagger=tagger))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"onrecord: serving {db_url} on http://{shown}:{port}  (API docs: http://{shown}:{port}/docs)")
    if token:
        click.echo("onrecord: ingest enabled: POST /api/articles with 'Authorization: Bearer <token>'")
    uvicorn.run(app, host=host, port=port, log_level="warning")
