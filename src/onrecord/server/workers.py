"""Extraction off the server process: a few worker processes, each with its own pipeline.

Why processes: extraction is Python code that holds the interpreter lock, so a
thread pool would still stall every other request of the server (one hostile
post of 20,000 quotation marks once froze ``GET /api/speakers`` for 33 s).
Each worker is a spawned process that loads the extractor once and then
analyses one text at a time; the server process only waits on a pipe.

Every extraction has a deadline, counted from the request's arrival:

- no worker free before the deadline (or more requests waiting than
  ``WAITING_PER_WORKER`` allows): ``PoolBusy`` (HTTP 503), the text never ran;
- a worker still busy at the deadline: it is killed, so it burns no more CPU,
  a fresh one is started in its place, and the request gets
  ``DeadlineExceeded`` (HTTP 504).

Workers run at a lower CPU priority (``WORKER_NICENESS``) so that, on a small
machine, reads of the database keep their latency while an extraction runs.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from ..errors import OnrecordError, TooComplex
from ..extract import ExtractionFailed
from ..model import Article

log = logging.getLogger("onrecord.server")

# Seconds an extraction may take, from the request's arrival to its answer: an
# ordinary article takes well under a second, a long one a few; past this the
# text is hostile or pathological, and the client is told so in time.
DEFAULT_TIMEOUT_S = 8.0

# Requests allowed to wait for a busy worker, per worker; one more is refused
# at once with 503 (waiting costs a thread and the posted text in memory).
WAITING_PER_WORKER = 4

# Added to the workers' nice value: the scheduler then gives the server
# process (nice 0) most of a shared core when both want it.
WORKER_NICENESS = 10

# Seconds a worker may take to start and load its pipeline (spaCy and the
# tagger take a few seconds; many more on a loaded machine).
START_TIMEOUT_S = 300.0

# What a worker extracts once before it takes requests: the first extraction
# loads the pipeline, and that load must not count against a request's deadline.
WARM_UP_TEXT = '"We are ready," the worker said.'


def default_workers() -> int:
    """One worker per core beyond the first (kept for the server), at least 1, at most 2."""
    return max(1, min(2, (os.cpu_count() or 1) - 1))


class PoolBusy(OnrecordError):
    """Every extraction worker is busy (HTTP 503): try again in a few seconds."""


class DeadlineExceeded(OnrecordError):
    """An extraction ran past its deadline and its worker was stopped (HTTP 504)."""


class WorkerStartFailed(OnrecordError):
    """A worker could not start (HTTP 503 as for a missing model)."""


def _portable(error: BaseException, document_id: str | None) -> tuple[type[OnrecordError], str]:
    """An exception as (class, message), which always crosses a pipe.

    onrecord's errors do not all survive pickling (ModelNotFound's constructor
    takes a list, not the message), so the class travels by name and the
    message as text; anything else is a bug in the extractor: ExtractionFailed.
    """
    if isinstance(error, OnrecordError):
        return type(error), str(error)
    return ExtractionFailed, str(ExtractionFailed(document_id, error))


def _rebuilt(kind: type[OnrecordError], message: str) -> OnrecordError:
    """The exception ``_portable`` described: its class, with its message, without its constructor."""
    error = kind.__new__(kind)
    Exception.__init__(error, message)
    return error


def _serve(connection: Connection, extractor: Any) -> None:
    """A worker's life: load the extractor, then answer (text, meta) requests until the pipe closes."""
    # Ctrl-C reaches the whole process group; the server stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        extractor.extract(WARM_UP_TEXT)
    except TooComplex:
        pass  # the models loaded; only the sample sentence overran a (deliberately tiny) budget
    except BaseException as error:  # noqa: BLE001 - reported to the server, which refuses extraction
        connection.send(("failed", *_portable(error, None)))
        return
    connection.send(("ready",))
    while True:
        try:
            text, meta = connection.recv()
        except (EOFError, OSError):  # the server closed the pipe or died
            return
        try:
            reply: tuple[Any, ...] = ("ok", extractor.extract(text, **meta))
        except Exception as error:  # noqa: BLE001 - every failure goes back as an answer
            reply = ("error", *_portable(error, meta.get("id")))
        connection.send(reply)


class _Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, context: Any, extractor: Any) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, extractor), name="onrecord-extract", daemon=True)
        self.process.start()
        child.close()
        # Lowered from here rather than in the worker: its imports (spaCy) and
        # model load already run at the lower priority.
        if hasattr(os, "setpriority"):
            own = os.getpriority(os.PRIO_PROCESS, 0)
            os.setpriority(os.PRIO_PROCESS, self.process.pid, own + WORKER_NICENESS)

    def wait_ready(self, timeout: float) -> OnrecordError | None:
        """None once the worker has loaded its extractor; the error when it could not."""
        try:
            if not self.connection.poll(timeout):
                return WorkerStartFailed(f"an extraction worker did not start within {timeout:.0f} s")
            reply = self.connection.recv()
        except (EOFError, OSError):
            return WorkerStartFailed(f"an extraction worker exited while starting (exit code {self.process.exitcode})")
        return None if reply[0] == "ready" else _rebuilt(reply[1], reply[2])

    def run(self, text: str, meta: dict[str, Any], timeout: float) -> tuple[Any, ...] | None:
        """The worker's reply, or None when it did not answer within ``timeout`` seconds."""
        self.connection.send((text, meta))
        if not self.connection.poll(max(0.0, timeout)):
            return None
        return self.connection.recv()

    def stop(self) -> None:
        """Kill the process at once: its work is abandoned, and no CPU is spent on it."""
        self.process.kill()
        self.process.join()
        self.connection.close()


class ExtractionPool:
    """``workers`` extraction processes shared by the server's requests, with a deadline each.

    Args:
        extractor: anything with ``extract(text, **meta) -> Article`` that pickles
            (``Extractor`` does, before it has loaded); each worker gets a copy.
        workers: number of worker processes.
        timeout: seconds from a request's arrival to its answer (see the module docstring).

    ``start()`` blocks until every worker has loaded; ``extract`` is then safe to
    call from any number of threads; ``close()`` kills the workers.
    """

    def __init__(self, extractor: Any, *, workers: int, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, not {timeout}")
        self.extractor = extractor
        self.workers = workers
        self.timeout = timeout
        self.capacity = workers * (1 + WAITING_PER_WORKER)
        # spawn, not fork: the server process holds threads (a fork could
        # deadlock on a lock one of them held) and an event loop.
        self._context = multiprocessing.get_context("spawn")
        self._changed = threading.Condition()
        self._idle: list[_Worker] = []
        self._running: set[_Worker] = set()
        self._admitted = 0
        self._failure: OnrecordError | None = None
        self._closed = False

    def start(self) -> None:
        """Start every worker and wait until each has loaded its extractor.

        Raises:
            OnrecordError: a worker could not load the extractor (ModelNotFound, say).
        """
        starting = [self._launch() for _ in range(self.workers)]
        for worker in starting:
            self._admit(worker, worker.wait_ready(START_TIMEOUT_S))
        if self._failure is not None:
            self.close()
            raise self._failure

    def extract(self, text: str, **meta: Any) -> Article:
        """Analyse one text in a worker.

        Raises:
            PoolBusy: every worker stayed busy until the deadline, or too many requests wait.
            DeadlineExceeded: the extraction itself overran the deadline.
            OnrecordError: what the extractor raised (ExtractionFailed for a bug in it),
                or why the workers cannot start.
        """
        deadline = time.monotonic() + self.timeout
        with self._changed:
            if self._admitted >= self.capacity:
                raise PoolBusy(self._busy_message())
            self._admitted += 1
        try:
            worker = self._take(deadline)
            try:
                reply = worker.run(text, meta, deadline - time.monotonic())
            except (EOFError, OSError) as error:  # the worker died mid-text (killed for memory, a crash)
                self._replace(worker)
                raise ExtractionFailed(meta.get("id"), "the extraction worker stopped unexpectedly") from error
            if reply is None:
                self._replace(worker)
                raise DeadlineExceeded(
                    f"the extraction took longer than {self.timeout:g} s and was stopped: "
                    "the text is too long or too unusual to analyse here"
                )
            self._give_back(worker)
            if reply[0] == "error":
                raise _rebuilt(reply[1], reply[2])
            return reply[1]
        finally:
            with self._changed:
                self._admitted -= 1

    def close(self) -> None:
        """Kill every worker; later calls to ``extract`` fail as if the pool were busy."""
        with self._changed:
            self._closed = True
            idle, self._idle = self._idle, []
            owned = [worker for worker in self._running if worker not in idle]
            self._running = set()
            self._changed.notify_all()
        for worker in idle:
            worker.stop()
        # A worker in use or starting belongs to the thread waiting on its pipe:
        # killing the process ends that wait (end of file), and that thread
        # then closes the pipe; closing it from here would pull it from under it.
        for worker in owned:
            worker.process.kill()

    @property
    def busy(self) -> int:
        """Requests being extracted or waiting for a worker now."""
        with self._changed:
            return self._admitted

    def _busy_message(self) -> str:
        return (
            f"all {self.workers} extraction worker{'s are' if self.workers > 1 else ' is'} busy: "
            "try again in a few seconds"
        )

    def _launch(self) -> _Worker:
        worker = _Worker(self._context, self.extractor)
        with self._changed:
            self._running.add(worker)
        return worker

    def _admit(self, worker: _Worker, failure: OnrecordError | None) -> None:
        """A started worker joins the idle ones, or its failure is what every request gets."""
        with self._changed:
            if failure is None and not self._closed:
                self._idle.append(worker)
            else:
                self._running.discard(worker)
                if failure is not None and self._failure is None:
                    self._failure = failure
                    log.error("extraction worker failed to start: %s", failure)
            self._changed.notify_all()
        if failure is not None or self._closed:
            worker.stop()

    def _take(self, deadline: float) -> _Worker:
        with self._changed:
            while not self._idle:
                if self._failure is not None:
                    raise _rebuilt(type(self._failure), str(self._failure))
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._closed:
                    raise PoolBusy(self._busy_message())
                self._changed.wait(remaining)
            return self._idle.pop()

    def _give_back(self, worker: _Worker) -> None:
        with self._changed:
            if not self._closed:
                self._idle.append(worker)
                self._changed.notify()
                return
        worker.stop()

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another, which joins the pool once loaded (in the background)."""
        with self._changed:
            self._running.discard(worker)
        worker.stop()
        if self._closed:
            return
        fresh = self._launch()
        threading.Thread(
            target=lambda: self._admit(fresh, fresh.wait_ready(START_TIMEOUT_S)), name="onrecord-worker-start", daemon=True
        ).start()
