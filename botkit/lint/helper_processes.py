"""Helper processes for a lint run: forked from this one, fed batches of files over pipes.

Forked, not spawned: a helper starts in about half a millisecond with everything this
process has loaded (rules, catalog, caches), nothing pickled and nothing imported again.
``multiprocessing`` is not used, for two measured reasons: importing it cost each run
about 10 ms before its first helper could start (a tenth of the speedup a 2-core run of
1,000 bots gets), and its connections block on a full pipe.  A helper blocked sending a
large batch of results while this process blocked sending it more paths: the run hung
(300 files with 3,000-character paths and 60 findings each).  Here this process never
blocks writing: its ends of the pipes are non-blocking, what a pipe cannot take yet waits
in the helper's outbox, and ``wait`` wakes on results to read and on room to write alike.
A helper blocks on its own ends, which is safe: this process always drains them.

A message is a pickle preceded by its length (8 bytes, little-endian); ``pickle`` (3 ms
to import) is imported only by runs that start helpers.  A helper stops
at the end of its input (this process closed it, or died).  Where ``os.fork`` does not
exist (Windows) there are no helpers, and a run lints in one process.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from botkit.lint.runner import FileResult, Linter
    from botkit.lint.walk import Entry

#: Each batch's results by batch number, or the error linting it raised in a helper.
Done = dict[int, "list[FileResult] | BaseException"]
#: Bytes before each message that give its length.
HEADER = 8
#: The most read from a pipe at once (a Linux pipe holds 64 KiB by default).
CHUNK = 1 << 16


def framed(message: Any) -> bytes:
    """``message`` as sent over a pipe: its pickle, preceded by the pickle's length."""
    import pickle

    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(HEADER, "little") + data


def available() -> bool:
    """Can this platform start helpers (fork)?"""
    return hasattr(os, "fork")


class Helper:
    """One helper process and this process's two ends of the pipes to it.

    ``queued``: numbers of its batches not yet returned, in the order sent; ``sent``:
    those batches, kept to lint here if it stops; ``lost``: the batches it held when it
    stopped (killed, out of memory)."""

    def __init__(self, pid: int, results: int, batches: int) -> None:
        self.pid = pid
        self.results = results  # read end, non-blocking
        self.batches = batches  # write end, non-blocking
        self.queued: deque[int] = deque()
        self.sent: dict[int, list[Entry]] = {}
        self.lost: dict[int, list[Entry]] = {}
        self.alive = True
        self.outbox = bytearray()
        self._inbox = bytearray()

    def send(self, number: int, batch: list[Entry]) -> None:
        """Queue ``batch`` for the helper; what the pipe takes now is written now."""
        self.queued.append(number)
        self.sent[number] = batch
        self.outbox += framed(batch)
        self.flush()

    def flush(self) -> None:
        """Write what the pipe takes of the outbox, without waiting."""
        while self.outbox and self.alive:
            try:
                written = os.write(self.batches, self.outbox)
            except BlockingIOError:
                return
            except OSError:  # the helper has stopped (a broken pipe)
                self._lose()
                return
            del self.outbox[:written]

    def collect(self, done: Done) -> None:
        """Read what the helper has sent, without waiting; each whole message is a batch's
        results or the error linting it raised (``Done``: raised when its turn comes)."""
        ended = False
        while self.queued and not ended:
            try:
                chunk = os.read(self.results, CHUNK)
            except BlockingIOError:
                break
            except OSError:
                chunk = b""
            ended = not chunk
            self._inbox += chunk
            self._take(done)
        if ended:
            self._lose()

    def _take(self, done: Done) -> None:
        """Move each whole message in the inbox to ``done``."""
        import pickle

        inbox = self._inbox
        at = 0
        try:
            while self.queued and len(inbox) - at >= HEADER:
                size = int.from_bytes(inbox[at : at + HEADER], "little")
                if len(inbox) - at - HEADER < size:
                    break
                message = pickle.loads(inbox[at + HEADER : at + HEADER + size])
                at += HEADER + size
                number = self.queued.popleft()
                del self.sent[number]
                done[number] = message
        finally:
            del inbox[:at]

    def _lose(self) -> None:
        self.lost.update((n, self.sent.pop(n)) for n in self.queued)
        self.queued.clear()
        self.outbox.clear()
        self.alive = False

    def close_ends(self) -> None:
        """Close this process's ends of the pipes (the helper then sees its input end)."""
        for fd in (self.batches, self.results):
            with contextlib.suppress(OSError):
                os.close(fd)

    def stop(self) -> None:
        """End the helper and reap it: idle, it ends at the end of its input; still busy
        (Ctrl-C, an error here, a consumer that stopped early) it is not needed."""
        import signal

        self.close_ends()
        if self.alive and self.queued:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def wait(helpers: list[Helper], done: Done) -> None:
    """Block until a helper has sent something (or stopped) or can take more of its
    outbox; then collect and write what can be."""
    import select

    readers = {h.results: h for h in helpers if h.alive and h.queued}
    writers = {h.batches: h for h in helpers if h.alive and h.outbox}
    if not readers and not writers:
        return
    readable, writable, _ = select.select(list(readers), list(writers), [])
    for fd in writable:
        writers[fd].flush()
    for fd in readable:
        readers[fd].collect(done)


def start(count: int, linter: Linter, fix: Any, helpers: list[Helper]) -> None:
    """Fork up to ``count`` helpers into ``helpers`` (fewer if the system allows no more
    processes): each is listed as soon as it runs, so that the caller stops it whatever
    happens next.

    The rules are imported first, once here rather than once in each helper.  Ctrl-C
    is held back while forking: a helper that got it before ignoring it would print a
    traceback; this process gets it once the helpers are started.  Objects are frozen
    out of the collector meanwhile, so the helpers' collections leave the memory pages
    they share with this process alone."""
    import gc
    import pickle  # noqa: F401  (imported here once, not in each helper)
    import signal
    import sys

    linter.checks.load_all()
    for stream in (sys.stdout, sys.stderr):  # nothing buffered for a helper to repeat
        stream.flush()
    hold = hasattr(signal, "pthread_sigmask")
    gc.freeze()
    if hold:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        for _ in range(count):
            try:
                helpers.append(_fork(linter, fix, helpers))
            except OSError:  # no more processes allowed: lint with those there are
                break
    finally:
        gc.unfreeze()
        if hold:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _fork(linter: Linter, fix: Any, others: list[Helper]) -> Helper:
    """One helper: two pipes, a fork; the helper serves until its input ends."""
    batches_in, batches_out = os.pipe()
    results_in, results_out = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (batches_in, batches_out, results_in, results_out):
            os.close(fd)
        raise
    if pid == 0:  # the helper: never returns into this process's code
        status = 1
        try:
            os.close(batches_out)
            os.close(results_in)
            for other in others:  # so that each helper sees its input end if we die
                other.close_ends()
            _serve(batches_in, results_out, linter, fix)
            status = 0
        finally:
            os._exit(status)
    os.close(batches_in)
    os.close(results_out)
    os.set_blocking(batches_out, False)
    os.set_blocking(results_in, False)
    return Helper(pid, results_in, batches_out)


# --- in a helper -------------------------------------------------------------------------


def _serve(batches: int, results: int, linter: Linter, fix: Any) -> None:
    """Lint each batch received and send back its results, until the input ends or
    the results can no longer be sent (this process has gone)."""
    import pickle
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is this process's parent's
    if hasattr(signal, "pthread_sigmask"):  # held back while this helper was forked
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    while True:
        header = _read_exactly(batches, HEADER)
        body = None if header is None else _read_exactly(batches, int.from_bytes(header, "little"))
        if body is None:
            return
        batch = pickle.loads(body)
        try:
            found: Any = [linter.lint_entry(entry, fix=fix) for entry in batch]
        except BaseException as exc:  # sent back, and raised there
            found = _sendable(exc)
        if not _write_all(results, framed(found)):
            return


def _read_exactly(fd: int, size: int) -> bytes | None:
    """``size`` bytes from ``fd`` (waiting for them), or None if it ends first."""
    parts: list[bytes] = []
    left = size
    while left:
        chunk = os.read(fd, min(left, CHUNK))
        if not chunk:
            return None
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _write_all(fd: int, data: bytes) -> bool:
    """Write all of ``data`` (waiting for room); False if the reader has gone."""
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        return False
    return True


def _sendable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a RuntimeError that says what it was."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
