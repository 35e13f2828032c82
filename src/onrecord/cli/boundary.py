"""The one place where library errors become what a shell user sees.

Every command reports a problem as a single ``onrecord: error: …`` line on
stderr. Messages often carry file names, and a file name may hold a newline,
an escape sequence or bytes that are not UTF-8: printed raw, it could forge a
second error line, recolour the terminal or crash the print itself. So each
message is folded to one printable line here, and nowhere else.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import NoReturn

import click
from tqdm import tqdm

from ..errors import OnrecordError

# Exit statuses: 1 = the run finished but skipped or failed some inputs;
# 2 = the run could not start or had to stop (bad options, database, model).
PARTIAL = 1
STOPPED = 2

# C0 controls and DEL as visible escapes (\x0a rather than a line break).
_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F)}


def one_line(message: str) -> str:
    """``message`` as one printable line: controls escaped, undecodable bytes shown as \\udcNN."""
    # Surrogates come from file names that were not UTF-8 (os.fsdecode keeps
    # them as lone surrogates); they cannot be encoded for the terminal.
    printable = message.encode("utf-8", "backslashreplace").decode("utf-8")
    return printable.translate(_CONTROLS)


def fail(message: str) -> None:
    """Print a one-line error on stderr (the run goes on)."""
    click.echo(f"onrecord: error: {one_line(message)}", err=True)


def stop(message: str, status: int = STOPPED) -> NoReturn:
    """Print a one-line error and exit with ``status``."""
    fail(message)
    sys.exit(status)


@contextlib.contextmanager
def error_boundary() -> Iterator[None]:
    """Turn any OnrecordError raised inside into one error line and exit status 2."""
    try:
        yield
    except OnrecordError as error:
        stop(str(error))


def progress(items, *, enabled: bool, unit: str = "article", total: int | None = None):
    """A progress bar on stderr when it is a terminal or when asked for."""
    return tqdm(items, unit=unit, total=total, disable=not enabled, file=sys.stderr, dynamic_ncols=True)


def progress_wanted(option: bool | None) -> bool:
    """``--progress/--no-progress``, defaulting to whether stderr is a terminal."""
    return sys.stderr.isatty() if option is None else option
