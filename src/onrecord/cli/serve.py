"""``onrecord serve``: the JSON API and the HTML explorer over one database."""

from __future__ import annotations

import socket

import click

from ..errors import MissingExtra, OnrecordError
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
        _check_free(host, port)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"onrecord: serving {db_url} on http://{shown}:{port}  (API docs: http://{shown}:{port}/docs)")
    if token:
        click.echo("onrecord: ingest enabled: POST /api/articles with 'Authorization: Bearer <token>'")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _check_free(host: str, port: int) -> None:
    """Fail before announcing the address when something already listens there.

    uvicorn would report a taken port only after we printed "serving …", and
    as a log line rather than an error; binding once here (as uvicorn will,
    with SO_REUSEADDR) says it first and plainly.
    """
    if port == 0:  # any free port: nothing to check
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise OnrecordError(f"cannot listen on {host}:{port}: {error.strerror} (choose another --port)") from None
