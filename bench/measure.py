"""Timing primitives: isolated child processes, paired runs and robust statistics.

Every child is reaped with ``os.wait4`` so that its own peak resident set size
comes back with its exit status; nothing is shared between measurements.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# A measurement whose interquartile range exceeds this share of its median is flagged noisy.
NOISY_SPREAD = 0.10


@dataclass(frozen=True, slots=True)
class Run:
    """One child process: wall time and CPU time (user + system) in seconds, peak RSS in KiB,
    exit status."""

    seconds: float
    cpu_seconds: float
    max_rss_kib: int
    returncode: int


class CommandFailed(RuntimeError):
    """A measured command exited with a status the benchmark did not expect."""


def run_child(
    argv: Sequence[str],
    *,
    stdin_path: Path | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    capture: bool = False,
) -> tuple[Run, bytes, bytes]:
    """Start ``argv``, wait for it with ``wait4`` and return its timing and (optionally) output."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL  # noqa: SIM115
    out_target = subprocess.PIPE if capture else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), stdin=stdin, stdout=out_target, stderr=out_target, cwd=cwd, env=env
        )
        out = err = b""
        if capture:
            # communicate() drains both pipes; the child is then reaped below by wait4.
            out, err = _drain(proc)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    finally:
        if stdin_path:
            stdin.close()  # type: ignore[union-attr]
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # already reaped: keep Popen from waiting again
    cpu = usage.ru_utime + usage.ru_stime
    return Run(elapsed, cpu, int(usage.ru_maxrss), code), out, err


def _drain(proc: subprocess.Popen[bytes]) -> tuple[bytes, bytes]:
    """Read stdout and stderr to the end without reaping the child."""
    import selectors

    chunks: dict[int, list[bytes]] = {}
    sel = selectors.DefaultSelector()
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            chunks[stream.fileno()] = []
            sel.register(stream, selectors.EVENT_READ)
    while sel.get_map():
        for key, _ in sel.select():
            data = os.read(key.fd, 65536)
            if data:
                chunks[key.fd].append(data)
            else:
                sel.unregister(key.fileobj)
    sel.close()
    out = b"".join(chunks.get(proc.stdout.fileno(), [])) if proc.stdout else b""
    err = b"".join(chunks.get(proc.stderr.fileno(), [])) if proc.stderr else b""
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    return out, err


@dataclass(slots=True)
class Command:
    """A command to time, the exit statuses it may end with, and what it is called in the table."""

    label: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    stdin_path: Path | None = None
    cwd: Path | None = None
    env: dict[str, str] | None = None
    last_out: bytes = b""

    def check(self) -> Run:
        """Run once with output captured (kept in ``last_out``); raise ``CommandFailed`` on an
        unexpected status."""
        run, out, err = run_child(
            self.argv, stdin_path=self.stdin_path, cwd=self.cwd, env=self.env, capture=True
        )
        self.last_out = out
        if run.returncode not in self.ok_codes:
            tail = (err.strip() or out.strip()).decode("utf-8", "replace").splitlines()[-3:]
            raise CommandFailed(
                f"{self.label}: exit {run.returncode} (expected {self.ok_codes}): "
                + " | ".join(tail)
            )
        return run

    def once(self) -> Run:
        """Run once, output discarded; raise ``CommandFailed`` on an unexpected status."""
        run, _, _ = run_child(self.argv, stdin_path=self.stdin_path, cwd=self.cwd, env=self.env)
        if run.returncode not in self.ok_codes:
            raise CommandFailed(f"{self.label}: exit {run.returncode} during timing")
        return run


@dataclass(slots=True)
class Series:
    """Repeated observations of one quantity (seconds, or anything else) and their summary."""

    values: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    def add(self, run: Run) -> None:
        """Record one child run."""
        self.values.append(run.seconds)
        self.cpu.append(run.cpu_seconds)
        self.rss_kib.append(run.max_rss_kib)

    @property
    def cpu_median(self) -> float:
        """Median CPU time (user + system) in seconds."""
        return statistics.median(self.cpu) if self.cpu else 0.0

    @property
    def median(self) -> float:
        """Median of the values."""
        return statistics.median(self.values)

    @property
    def iqr(self) -> float:
        """Interquartile range (the full range when there are fewer than four values)."""
        if len(self.values) < 4:
            return max(self.values) - min(self.values)
        q1, _, q3 = statistics.quantiles(self.values, n=4, method="inclusive")
        return q3 - q1

    @property
    def spread(self) -> float:
        """IQR (range when fewer than 4 runs) as a share of the median."""
        return self.iqr / self.median if self.median else 0.0

    @property
    def noisy(self) -> bool:
        """Is the spread above ``NOISY_SPREAD``?"""
        return self.spread > NOISY_SPREAD

    @property
    def peak_rss_kib(self) -> int:
        """Highest peak RSS over the runs, in KiB."""
        return max(self.rss_kib) if self.rss_kib else 0


def paired(numerator: Series, denominator: Series) -> Series:
    """Per-round ratios of two series timed in the same interleaved rounds.

    Each round's two runs are close in time, so a machine that speeds up or slows
    down between rounds (a shared VM does) cancels out of the ratio."""
    return Series([a / b for a, b in zip(numerator.values, denominator.values, strict=False)])


def interleaved(
    commands: Sequence[Command],
    repeats: int,
    warmup: int = 2,
    *,
    budget_s: float | None = None,
    check_is_sample: bool = False,
) -> list[Series]:
    """Time each command ``repeats`` times, alternating between them so drift hits all alike.

    Each command is first run once with its output checked.  For long commands that run
    can count as the first sample (``check_is_sample``), and ``budget_s`` stops starting
    new rounds once another round would overrun it (at least one sample each is kept).
    """
    series = [Series() for _ in commands]
    started = time.perf_counter()
    for command, s in zip(commands, series, strict=True):
        run = command.check()
        if check_is_sample:
            s.add(run)
        for _ in range(warmup):
            command.once()
    done = 1 if check_is_sample else 0
    round_time = (time.perf_counter() - started) / max(done, 1)
    for i in range(done, repeats):
        elapsed = time.perf_counter() - started
        if budget_s is not None and done and elapsed + round_time > budget_s:
            break
        # Rotate the starting command so none always runs right after another.
        shift = i % len(commands)
        order = list(range(len(commands)))
        order = order[shift:] + order[:shift]
        round_start = time.perf_counter()
        for index in order:
            series[index].add(commands[index].once())
        round_time = time.perf_counter() - round_start
        done += 1
    return series


def in_process(
    jobs: Sequence[Callable[[], object]],
    budget_s: float,
    min_passes: int = 5,
    sample_s: float = 0.02,
) -> list[Series]:
    """Time in-process callables, alternating, until the time budget is spent.

    Each sample repeats a job enough times to last about ``sample_s`` (one pass can be a
    few milliseconds, too short to time alone on a busy machine) and records the time
    per pass.  The garbage collector runs between samples, not inside them.
    """
    import gc

    loops = []
    for job in jobs:  # warm-up pass (lazy imports, caches), then calibrate
        job()
        start = time.perf_counter()
        job()
        once = max(time.perf_counter() - start, 1e-6)
        loops.append(max(1, round(sample_s / once)))
    series = [Series() for _ in jobs]
    deadline = time.perf_counter() + budget_s
    passes = 0
    enabled = gc.isenabled()
    try:
        while passes < min_passes or time.perf_counter() < deadline:
            for job, n, s in zip(jobs, loops, series, strict=True):
                gc.collect()
                gc.disable()
                start = time.perf_counter()
                for _ in range(n):
                    job()
                s.values.append((time.perf_counter() - start) / n)
                if enabled:
                    gc.enable()
            passes += 1
    finally:
        if enabled:
            gc.enable()
    return series
