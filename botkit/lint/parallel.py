"""Lint on every core: this process lints a share itself, helper processes the rest.

Linting one file is pure CPU work that shares nothing with the next file, so a large
run is spread over one process per core the process may use (its CPU affinity mask,
which ``taskset`` and container limits narrow).  This process walks, lints batches of
files itself and hands batches to ``jobs - 1`` helper processes over pipes
(``botkit.lint.helper_processes``); results are yielded in the order of the paths, so
the output is the one-process output, byte for byte.  A handful of files, or one usable
core, is linted here alone.

Why not a ``ProcessPoolExecutor``: its parent only coordinates, so on two cores three
processes and its two threads share them, and each result crosses two queues.  Measured
on 1,000 bots, that pool spent 17 % more CPU in all than one process did; with this
process as one of the workers, a few percent (see bench/run.py, section ``cores``).

The helpers are forked once the linter's rules are imported, so they start with them
loaded.  They are forked before this process lints anything: what each process builds
or warms on first use (patterns compiled, modules of the kinds of file met, bytecode
not yet specialised: 20-25 ms on the bench corpora, more than what the later files of a
run cost) is then done by both at once.  Linting a first batch here before forking would
do it once, but the other core would wait for it and the batch: fewer instructions in
all, and 1-2 % more wall time (measured with 8 and 24 files on 1,000 bots).  That
warm-up and the start-up before the fork (``botkit lint`` of an empty folder: 40 ms)
are why two processes lint the bench corpora 1.8-1.85x as fast as one, not 2x.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from botkit.lint import helper_processes
from botkit.lint.helper_processes import Done, Helper

if TYPE_CHECKING:
    from botkit.lint.runner import FileResult, Linter
    from botkit.lint.walk import Entry

#: Files per batch: enough that a message costs little next to linting its files, few
#: enough that the last batches, which one process finishes alone, end soon.
BATCH = 24
#: Fewer files than this are linted in this process: starting helpers, and each one
#: importing the readers and building the caches a run needs, costs about what linting
#: 50 bots does (a bench run of 50 bots took 1.5x longer on two workers than on one).
SERIAL_BELOW = 96
#: Batches sent ahead to each helper: it has the next ones waiting while this process
#: lints its own batch, reports, walks, or waits for a core on a busy machine (with 2,
#: a helper linting cURL files sat idle for 4-10 % of a run at load 2-3).
IN_FLIGHT = 4
#: Batches' worth of files, per process, this process may lint ahead of the one it
#: reports next (held by a helper): it need not wait for that one, memory stays flat.
AHEAD = 4
#: Batches sent ahead to each helper once the walk has ended: what a helper still holds
#: when this process has nothing left is time this process only waits (with 4, 9-15 ms
#: of a 0.5 s run of 1,000 bots on two cores; with 2, 1-2 ms).
IN_FLIGHT_AT_END = 2


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask), not the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def choose_jobs(requested: int | None) -> int:
    """Processes for a run: ``requested`` if given (> 0), else one per usable core that
    is free now (a core other processes keep busy would only be shared)."""
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
    processes = choose_jobs(jobs) if helper_processes.available() else 1
    pending: Iterator[Entry] = iter(entries)
    if processes > 1:
        head = list(islice(pending, SERIAL_BELOW))
        if len(head) < SERIAL_BELOW:
            processes = 1
        pending = chain(head, pending)
    if processes <= 1:
        for entry in pending:
            yield linter.lint_entry(entry, fix=fix)
        return
    yield from _shared(linter, pending, fix, processes - 1)


def _shared(linter: Linter, entries: Iterator[Entry], fix: Any, count: int) -> Iterator[FileResult]:
    """Lint ``entries`` here and on ``count`` helpers, yielding results in entry order.

    Batches are numbered as they are taken from ``entries``.  Each helper is kept
    ``IN_FLIGHT`` batches ahead (``IN_FLIGHT_AT_END`` once the walk has ended);
    whenever the next batch to report is still with a helper, this process lints the
    next batch itself instead of waiting.  At most ``window`` files are taken and not
    yet reported, so memory stays flat."""
    batches = _Batches(entries, count + 1)
    helpers: list[Helper] = []
    window = BATCH * (IN_FLIGHT + AHEAD) * (count + 1)
    done: Done = {}
    taken = reported = 0
    unreported = 0  # files taken and not yet reported
    exhausted = False
    try:
        _start(count, linter, fix, helpers)
        while True:
            for helper in helpers:
                helper.flush()
                helper.collect(done)
            for helper in helpers:
                while (
                    helper.alive
                    and not exhausted
                    and len(helper.queued) < (IN_FLIGHT if batches.walking else IN_FLIGHT_AT_END)
                    and unreported < window
                ):
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                    else:
                        helper.send(taken, batch)
                        taken += 1
                        unreported += len(batch)
            if reported in done:
                results = done.pop(reported)
                if isinstance(results, BaseException):
                    raise results  # a helper's error, in its turn: as linting here raises it
                unreported -= len(results)
                reported += 1
                yield from results
            elif exhausted and reported == taken:
                break
            elif any(helper.lost for helper in helpers):
                for helper in helpers:  # it stopped (killed, out of memory): lint its share
                    for number, batch in helper.lost.items():
                        done[number] = [linter.lint_entry(entry, fix=fix) for entry in batch]
                    helper.lost.clear()
            elif not exhausted and unreported < window:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                else:
                    done[taken] = [linter.lint_entry(entry, fix=fix) for entry in batch]
                    taken += 1
                    unreported += len(batch)
            else:
                helper_processes.wait(helpers, done)
    finally:
        for helper in helpers:
            helper.stop()


def _start(count: int, linter: Linter, fix: Any, helpers: list[Helper]) -> None:
    """Start up to ``count`` helpers into ``helpers`` (the one place a run starts them)."""
    helper_processes.start(count, linter, fix, helpers)


class _Batches:
    """``entries`` in batches of ``BATCH``, smaller once the walk has ended: the last
    batches are split so that every process ends at about the same time.

    The walk is kept a few batches ahead (paths only) to see its end coming."""

    def __init__(self, entries: Iterator[Entry], processes: int) -> None:
        self._entries = entries
        self._processes = processes
        self._ahead = BATCH * processes * IN_FLIGHT
        self._buffer: deque[Entry] = deque()
        self._walked_all = False

    @property
    def walking(self) -> bool:
        """Has the walk more entries than those read ahead?  Reads ahead to tell, so that
        the answer holds for the next batch taken."""
        self._read_ahead()
        return not self._walked_all

    def _read_ahead(self) -> None:
        buffer = self._buffer
        while not self._walked_all and len(buffer) < self._ahead:
            entry = next(self._entries, None)
            if entry is None:
                self._walked_all = True
            else:
                buffer.append(entry)

    def __iter__(self) -> _Batches:
        return self

    def __next__(self) -> list[Entry]:
        self._read_ahead()
        buffer = self._buffer
        if not buffer:
            raise StopIteration
        if not self._walked_all:
            size = BATCH
        else:
            size = min(BATCH, -(-len(buffer) // (self._processes * IN_FLIGHT)))
        return [buffer.popleft() for _ in range(min(size, len(buffer)))]
