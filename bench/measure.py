"""Timing primitives: isolated child processes, paired runs and robust statistics.

Every child is started by a small helper process and reaped with ``os.wait4``, so that
its own peak resident set size comes back with its exit status; nothing is shared
between measurements.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
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


# The children are started by a small helper process (``python -I -S`` with only os, json,
# sys and time loaded), not by this one.  A child's ru_maxrss counts the memory of the process
# it was forked (or vforked) from until it execs, so a child started from this process, which
# holds the corpus and the botkit catalog, would report this process's size as its own peak.
# The helper's own size (about 10 MiB) is then the floor of every peak RSS measured.
_SPAWNER = r"""
import json, os, sys, time
for line in sys.stdin:
    job = json.loads(line)
    write = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fds = [os.open(job[k] or os.devnull, os.O_RDONLY if k == "stdin" else write, 0o600)
           for k in ("stdin", "stdout", "stderr")]
    actions = [(os.POSIX_SPAWN_DUP2, fd, n) for n, fd in enumerate(fds)]
    here = os.getcwd()
    if job["cwd"]:
        os.chdir(job["cwd"])
    start = time.perf_counter()
    try:
        pid = os.posix_spawnp(job["argv"][0], job["argv"], job["env"] or os.environ,
                              file_actions=actions)
    except OSError as exc:
        print(json.dumps({"error": str(exc)}), flush=True)
        continue
    finally:
        os.chdir(here)
        for fd in fds:
            os.close(fd)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed, "cpu": usage.ru_utime + usage.ru_stime,
                      "rss": usage.ru_maxrss, "code": os.waitstatus_to_exitcode(status)}),
          flush=True)
"""


class _Spawner:
    """The helper process that starts, times and reaps every measured child."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None

    def run(self, job: dict[str, object]) -> dict[str, float]:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _SPAWNER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            atexit.register(self._proc.kill)
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps(job) + "\n")
        self._proc.stdin.flush()
        answer = json.loads(self._proc.stdout.readline() or '{"error": "spawner died"}')
        if "error" in answer:
            raise CommandFailed(f"{job['argv']}: {answer['error']}")
        return answer


_spawner = _Spawner()


def run_child(
    argv: Sequence[str],
    *,
    stdin_path: Path | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    capture: bool = False,
) -> tuple[Run, bytes, bytes]:
    """Run ``argv`` to its end and return its timing, its peak RSS and (optionally) output."""
    with tempfile.TemporaryDirectory(prefix="bench-out-") if capture else _no_dir() as folder:
        out_path = Path(folder) / "out" if folder else None
        err_path = Path(folder) / "err" if folder else None
        answer = _spawner.run(
            {
                "argv": list(argv),
                "stdin": str(stdin_path) if stdin_path else None,
                "stdout": str(out_path) if out_path else None,
                "stderr": str(err_path) if err_path else None,
                "cwd": str(cwd) if cwd else None,
                "env": env,
            }
        )
        out = out_path.read_bytes() if out_path and out_path.exists() else b""
        err = err_path.read_bytes() if err_path and err_path.exists() else b""
    run = Run(answer["seconds"], answer["cpu"], int(answer["rss"]), int(answer["code"]))
    return run, out, err


@contextlib.contextmanager
def _no_dir() -> Iterator[None]:
    yield None


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
