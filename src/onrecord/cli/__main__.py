"""``python -m onrecord.cli``: the same command as ``onrecord``."""

from . import main

main(prog_name="onrecord")
