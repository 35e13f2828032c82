"""What one article may cost: a time and a memory budget, checked as its extraction goes.

Bounded parse pieces and position-indexed rules keep the work near-linear in
the text; the budget is the backstop for whatever still costs too much (a text
far past any news article, a pathology no test has found yet). ``extract.analyse``,
which every entry point goes through (CLI, ingest, server, Spark, worker
pools), runs each article under ``Budget.metered``; the loops whose length
grows with the text call ``checkpoint()``, which raises ``TooComplex`` once the
article is over budget. Callers report that as one line for the article and go
on with the next.

The checks are cooperative: they run between parse batches, tagger batches,
paragraphs and rules, each bounded by ``text.MAX_PIECE_TOKENS``, so an article
stops soon after its budget is spent rather than exactly then.
"""

from __future__ import annotations

import contextvars
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .errors import TooComplex

# A news article takes well under a second (BBC: ~0.1 s each); 200,000
# characters of quotes take about 10 s on a shared 2-core machine. A minute
# is far past any article and short enough that a run never stalls on one.
MAX_SECONDS = 60.0
# Memory the process may grow by while it extracts one article, over what it
# held when the article started (the model is loaded by then). 50,000 BBC
# characters grow it by ~100 MB.
MAX_MEMORY_MB = 1024


@dataclass(frozen=True, slots=True)
class Budget:
    """The most one article may cost: wall-clock seconds and MB of memory growth.

    The defaults are read when a Budget is made, so a test may lower them.
    """

    seconds: float = field(default_factory=lambda: MAX_SECONDS)
    memory_mb: float = field(default_factory=lambda: MAX_MEMORY_MB)

    @contextmanager
    def metered(self, document_id: str | None) -> Iterator[None]:
        """Charge the ``checkpoint()`` calls made inside to one article."""
        token = _METER.set(_Meter(self, document_id))
        try:
            yield
        finally:
            _METER.reset(token)


def checkpoint() -> None:
    """Raise ``TooComplex`` when the article being extracted is over its budget."""
    meter = _METER.get()
    if meter is not None:
        meter.check()


class _Meter:
    def __init__(self, budget: Budget, document_id: str | None) -> None:
        self.budget = budget
        self.document_id = document_id
        self.deadline = time.monotonic() + budget.seconds
        self.memory_ceiling = resident_bytes() + budget.memory_mb * 2**20

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise TooComplex(self.document_id, f"took more than {self.budget.seconds:g} s")
        if resident_bytes() > self.memory_ceiling:
            raise TooComplex(self.document_id, f"needed more than {self.budget.memory_mb:g} MB of memory")


# A context variable, not a global: the server extracts in several threads at
# once, each its own article. (Memory is the process's, shared by them.)
_METER: contextvars.ContextVar[_Meter | None] = contextvars.ContextVar("onrecord_meter", default=None)

_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes() -> int:
    """This process's resident memory now; 0 where /proc is missing (memory is then not metered)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE_BYTES
    except (OSError, ValueError, IndexError):
        return 0
