"""The ``onrecord`` command: thin click commands over the library, one module per group.

Library errors become one-line messages at one boundary (``boundary``); the
database a command opens follows one rule (``database``). Heavy dependencies
(spaCy, FastAPI, pyspark, torch) load only inside the command that needs them.
"""

from __future__ import annotations

import click

from .evaluate import evaluate_command
from .extract import extract
from .serve import serve
from .spark import spark_command
from .store import export_command, ingest_command, search_command, show_command, speakers_command
from .train import calibrate_command, train_command, train_cues_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="onrecord")
def main() -> None:
    """onrecord: who said what, to whom, according to whom, and when."""


for command in (
    extract, evaluate_command,
    ingest_command, search_command, speakers_command, show_command, export_command,
    serve, spark_command,
    train_command, train_cues_command, calibrate_command,
):
    main.add_command(command)
