"""``spark-submit src/onrecord/batch/submit.py ...`` and ``python -m onrecord.batch.submit ...``.

The ``onrecord spark`` command as a script of its own, for a cluster where the
``onrecord`` entry point is not on the PATH of the machine that submits.
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    """Run ``onrecord spark`` with ``argv`` (default: the process's arguments)."""
    from onrecord.cli.spark import spark_command  # click and the command only when run

    spark_command.main(args=list(argv) if argv is not None else None, prog_name="onrecord.batch.submit")


if __name__ == "__main__":
    # Absolute import: spark-submit runs this file as __main__, outside the package.
    from onrecord.batch.submit import main as _main

    _main()
