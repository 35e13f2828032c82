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
# Addresses that mean "every interface": no one host name is implied.
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


@click.command()
@db_option
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option("--token", envvar="ONRECORD_TOKEN", default=None, show_envvar=True,
              help="Bearer token that enables POST /api/articles (ingest); without it the API is read-only.")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this host name (repeatable; '*' for any). "
              "Always answered: the --host address, localhost, 127.0.0.1, ::1.")
@click.option("--extract-workers", type=click.IntRange(1, 64), default=None,
              help="Extraction worker processes.  [default: 1 per core beyond the first, 1 to 2]")
@click.option("--extract-timeout", type=click.FloatRange(0.1, 3600), default=None,
              help="Seconds an extraction request may take: then 503 (no worker free) or 504 (stopped).  [default: 8]")
@strategy_options
def serve(
    db_url: str, host: str, port: int, token: str | None, allowed_hosts: tuple[str, ...],
    extract_workers: int | None, extract_timeout: float | None, strategy: str, tagger: str | None,
) -> None:
    """Serve the REST API (/api, docs at /docs) and the web explorer (/)."""
    with error_boundary():
        # FastAPI and uvicorn come with the [server] extra: imported only here.
        from ..server.app import create_app

        try:
            import uvicorn
        except ImportError as error:
            raise MissingExtra("server", error.name or "uvicorn") from error
        from ..extract import Extractor

        app = create_app(
            db_url, token=token, extractor=Extractor(strategy=strategy, tagger=tagger),
            workers=extract_workers, timeout=extract_timeout, hosts=[host, *allowed_hosts],
        )
        _check_free(host, port)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"onrecord: serving {db_url} on http://{shown}:{port}  (API docs: http://{shown}:{port}/docs)")
    if host in WILDCARD_ADDRESSES and not allowed_hosts:
        click.echo("onrecord: note: only localhost names are answered; add --allow-host NAME for each name "
                   "other machines use to reach this one")
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
