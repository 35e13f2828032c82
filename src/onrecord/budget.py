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

# A news article takes well under a second (BBC: ~0.1 s each). A minute is far
# past any article and short enough that a run never stalls on one.
MAX_SECONDS = 60.0
# Work is near-linear in the text, so a text longer than any news article is
# given time in proportion to what it has past FLAT_CHARS: with the learned
# strategy 200,000 characters of BBC text take about 40 s on a shared 2-core
# machine and as many of "We will win," Smith said. (more wordpieces) about
# 62 s, past a flat minute. Thirty seconds per 100,000 characters is half
# again the slower rate; quadratic work on such a text would take many times that.
FLAT_CHARS = 100_000
SECONDS_PER_100K_CHARS = 30.0
# However long the text, no article runs past ten minutes (a 5 MB page takes about 20 s).
CEILING_SECONDS = 600.0
# Memory the process may grow by while it extracts one article, over what it
# held when the article started (the model is loaded by then). 50,000 BBC
# characters grow it by ~100 MB.
MAX_MEMORY_MB = 1024


@dataclass(frozen=True, slots=True)
class Budget:
    """The most one article may cost: wall-clock seconds (``seconds``, and for a text
    past ``FLAT_CHARS``, ``seconds_per_100k_chars`` more in proportion) and MB of memory growth.

    The defaults are read when a Budget is made, so a test may lower them.
    """

    seconds: float = field(default_factory=lambda: MAX_SECONDS)
    memory_mb: float = field(default_factory=lambda: MAX_MEMORY_MB)
    seconds_per_100k_chars: float = field(default_factory=lambda: SECONDS_PER_100K_CHARS)

    def seconds_for(self, chars: int) -> float:
        """The time an article of ``chars`` characters may take: ``seconds``, and more past
        ``FLAT_CHARS`` (at most ``CEILING_SECONDS``, unless ``seconds`` alone is more)."""
        longer = self.seconds_per_100k_chars * max(0, chars - FLAT_CHARS) / 100_000
        return min(self.seconds + longer, max(self.seconds, CEILING_SECONDS))

    @contextmanager
    def metered(self, document_id: str | None, chars: int = 0) -> Iterator[None]:
        """Charge the ``checkpoint()`` calls made inside to one article of ``chars`` characters."""
        token = _METER.set(_Meter(self, document_id, self.seconds_for(chars)))
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
    def __init__(self, budget: Budget, document_id: str | None, seconds: float) -> None:
        self.budget = budget
        self.document_id = document_id
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.memory_ceiling = resident_bytes() + budget.memory_mb * 2**20

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise TooComplex(self.document_id, f"took more than {self.seconds:g} s")
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
