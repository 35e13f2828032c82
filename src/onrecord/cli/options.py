"""Command-line options shared by every command that extracts (extract, eval, ingest, serve, spark)."""

from __future__ import annotations

import click

from ..attribution import DEFAULT_STRATEGY, STRATEGIES


def strategy_options(command):
    """``--strategy`` and ``--tagger``: which extractor runs, and which trained model it uses."""
    command = click.option(
        "--tagger", type=click.Path(exists=True, file_okay=False), default=None,
        help="Model directory written by `onrecord train` (default: the model shipped in the package).",
    )(command)
    return click.option(
        "--strategy", type=click.Choice(STRATEGIES), default=DEFAULT_STRATEGY, show_default=True,
        help="learned: the rules merged with the trained tagger (more accurate); rules: the rules alone (faster).",
    )(command)
