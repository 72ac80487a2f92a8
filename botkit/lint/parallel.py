"""Lint on every core: batches of files go to worker processes, results come back in order.

Linting one file is pure CPU work that shares nothing with the next file, so a large run
is spread over one worker process per core the process may use (its CPU affinity mask,
which ``taskset`` and container limits narrow).  The walk stays in this process and feeds
workers batches of paths; a bounded number of batches is in flight, and results are
yielded in the order of the paths, so the output is the one-process output, byte for byte.
A handful of files, or one usable core, is linted here: starting workers would cost more.

On Linux the workers are forked once the linter is set up, so they start with its rules,
catalog and caches already loaded; elsewhere they are spawned and set one up themselves.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from botkit.lint.runner import FileResult, Linter
    from botkit.lint.walk import Entry

#: Files per task: enough that sending paths and results costs little next to linting.
BATCH = 24
#: Fewer files than this are linted in this process: starting the workers, and each one
#: importing the readers and building the caches a run needs, costs about what linting
#: 50 bots does (a bench run of 50 bots took 1.5x longer on two workers than on one).
SERIAL_BELOW = 96
#: Tasks in flight per worker: each always has the next batch waiting, memory stays flat.
IN_FLIGHT = 2


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask), not the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def choose_jobs(requested: int | None) -> int:
    """Worker processes for a run: ``requested`` if given (> 0), else one per usable core
    that is free now (a core other processes keep busy would only be shared)."""
    if requested is not None and requested > 0:
        return requested
    cores = usable_cores()
    return max(1, min(cores, cores - busy_elsewhere())) if cores > 1 else 1


def busy_elsewhere(loadavg: str = "/proc/loadavg") -> int:
    """How many other threads are running or waiting to run right now (Linux; else 0).

    The fourth field of /proc/loadavg counts the runnable ones, this process among them.
    An instant's count, not the load average: that one lags by a minute, and a run just
    finished (such as this one's previous run) would still weigh in it."""
    try:
        with open(loadavg, encoding="ascii") as f:
            runnable = int(f.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return 0
    return max(0, runnable - 1)


def lint_entries(
    linter: Linter, entries: Iterable[Entry], *, fix: Any = None, jobs: int | None = None
) -> Iterator[FileResult]:
    """``linter.lint_entry`` for each entry, in order, on ``jobs`` processes (None: auto)."""
    workers = choose_jobs(jobs)
    pending: Iterator[Entry] = iter(entries)
    if workers > 1:
        head = list(islice(pending, SERIAL_BELOW))
        if len(head) < SERIAL_BELOW:
            workers = 1
        pending = chain(head, pending)
    if workers <= 1:
        for entry in pending:
            yield linter.lint_entry(entry, fix=fix)
        return
    yield from _pooled(linter, pending, fix, workers)


def _pooled(
    linter: Linter, entries: Iterator[Entry], fix: Any, workers: int
) -> Iterator[FileResult]:
    executor = _executor(workers, linter, fix)
    in_flight: deque[Future[list[FileResult]]] = deque()
    batches = iter(lambda: list(islice(entries, BATCH)), [])
    try:
        for batch in islice(batches, workers * IN_FLIGHT):
            in_flight.append(executor.submit(_lint_batch, batch))
        while in_flight:
            results = in_flight.popleft().result()
            following = next(batches, None)
            if following is not None:
                in_flight.append(executor.submit(_lint_batch, following))
            yield from results
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


def _executor(workers: int, linter: Linter, fix: Any) -> Executor:
    """The worker pool (multiprocessing is imported only by runs that use it)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:
        linter.checks.load_all()  # imported once here, not once in each forked worker
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork" if fork else "spawn"),
        initializer=_start_forked if fork else _start_spawned,
        initargs=(linter if fork else linter.config, fix),
    )


# --- in the worker processes ---------------------------------------------------------------

_linter: Linter | None = None
_fix: Any = None


def _start_forked(linter: Any, fix: Any) -> None:
    """A forked worker inherits the parent's linter as it is (nothing is pickled)."""
    import signal

    global _linter, _fix
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _linter, _fix = linter, fix


def _start_spawned(config: Any, fix: Any) -> None:
    """A spawned worker sets up its own linter from the run's settings."""
    from botkit.lint.runner import Linter

    _start_forked(Linter(config), fix)


def _lint_batch(entries: list[Entry]) -> list[FileResult]:
    assert _linter is not None, "worker started without a linter"
    return [_linter.lint_entry(entry, fix=_fix) for entry in entries]
