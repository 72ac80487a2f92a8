"""Lint on several processes says exactly what one process says, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from botkit.lint import parallel
from botkit.lint.config import LintConfig
from botkit.lint.report import FORMATS
from botkit.lint.runner import FileResult, Linter
from botkit.lint.walk import Entry, iter_entries

SAMPLES = ROOT / "samples"


def corpus(folder: Path, copies: int) -> Path:
    """Every sample bot, faulty bot, snippet and cURL file, ``copies`` times over, plus a
    missing path: well over the serial threshold, with findings of every kind."""
    sources = [
        *sorted((SAMPLES / "bots").rglob("*.json")),
        *sorted((SAMPLES / "snippets").rglob("*.*")),
        *sorted(p for p in (SAMPLES / "curl").glob("*.*") if p.is_file()),
    ]
    for n in range(copies):
        for source in sources:
            target = folder / f"copy{n:02d}" / source.relative_to(SAMPLES)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    shutil.copytree(SAMPLES / "curl" / "files", folder / "copy00" / "curl" / "files")
    return folder


def lint(paths: list[str], jobs: int, fix: object = None) -> list[FileResult]:
    config = LintConfig()
    entries = iter_entries(paths, config)
    return list(parallel.lint_entries(Linter(config), entries, fix=fix, jobs=jobs))


def summary(results: list[FileResult]) -> list[tuple[str, list[str], list[str]]]:
    def lines(findings: list) -> list[str]:
        return [f"{f.begin}-{f.finish} {f.code} {f.message} {f.fix}" for f in findings]

    return [(r.path, lines(r.findings), lines(r.fixed)) for r in results]


def test_two_processes_report_what_one_reports_in_the_same_order(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "repo", copies=2)
    paths = [str(folder), str(tmp_path / "missing.json")]
    one = lint(paths, jobs=1)
    assert len(one) > parallel.SERIAL_BELOW  # the workers are used
    assert sum(len(r.findings) for r in one) > 50
    assert summary(lint(paths, jobs=2)) == summary(one)
    assert summary(lint(paths, jobs=3)) == summary(one)


def test_fixes_written_by_workers_are_the_fixes_one_process_writes(tmp_path: Path) -> None:
    serial = corpus(tmp_path / "serial", copies=2)
    pooled = corpus(tmp_path / "pooled", copies=2)
    fixed_one = lint([str(serial)], jobs=1, fix="write" if _fix_mode_is_text() else True)
    fixed_two = lint([str(pooled)], jobs=2, fix="write" if _fix_mode_is_text() else True)
    assert any(r.fixed for r in fixed_one)

    def relative(results: list[FileResult], root: Path) -> str:
        return repr(summary(results)).replace(str(root), "<root>")

    assert relative(fixed_two, pooled) == relative(fixed_one, serial)
    for path in sorted(serial.rglob("*")):
        if path.is_file():
            twin = pooled / path.relative_to(serial)
            assert twin.read_bytes() == path.read_bytes(), path


def _fix_mode_is_text() -> bool:
    """``lint_entry``'s fix argument: True/False, or a mode ("write", "preview")."""
    import inspect

    annotation = str(inspect.signature(Linter.lint_entry).parameters["fix"].annotation)
    return "bool" not in annotation


def test_a_handful_of_files_starts_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker process was started for a handful of files")

    monkeypatch.setattr(parallel, "_start", no_pool)
    bots = sorted(str(p) for p in (SAMPLES / "bots").glob("*.json"))
    assert summary(lint(bots, jobs=2)) == summary(lint(bots, jobs=1))


def test_one_usable_core_means_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert parallel.usable_cores() == 1
    assert parallel.choose_jobs(None) == 1
    assert parallel.choose_jobs(0) == 1
    assert parallel.choose_jobs(3) == 3


class Stub:
    """A linter whose files take a while when their name ends in 0, and which does what
    ``trouble`` says on one path when it runs in a helper process, not in the test's."""

    def __init__(self, trouble: str = "", at: str = "") -> None:
        import os

        self.parent = os.getpid()
        self.trouble, self.at = trouble, at
        self.checks = self
        self.config = LintConfig()

    def load_all(self) -> None:
        pass

    def lint_entry(self, entry: Entry, *, fix: object = None) -> FileResult:
        import os
        import time

        if entry.path == self.at and os.getpid() != self.parent:
            if self.trouble == "raise":
                raise ValueError(f"no good: {entry.path}")
            if self.trouble == "die":
                os._exit(3)  # as if killed (out of memory, a signal)
        time.sleep(0.002 if entry.path.endswith("0") else 0)
        return FileResult(entry.path, skipped=str(os.getpid()))


def stub_entries(count: int = parallel.SERIAL_BELOW * 3) -> list[Entry]:
    return [Entry(f"f{i}") for i in range(count)]


@pytest.mark.parametrize("jobs", [2, 3])
def test_results_keep_input_order_whatever_order_processes_end_in(jobs: int) -> None:
    entries = stub_entries()
    got = list(parallel.lint_entries(Stub(), entries, jobs=jobs))  # type: ignore[arg-type]
    assert [r.path for r in got] == [e.path for e in entries]
    linted_by = {r.skipped for r in got}
    assert len(linted_by) == jobs  # this process lints a share, each helper too


def test_an_error_in_a_helper_is_raised_here_as_it_was_raised_there() -> None:
    """Every file raises in a helper: the error of the first batch a helper took comes
    here, with its type and message, after the results of the batches before it (the
    first batch goes to a helper: there may be none)."""

    class Failing(Stub):
        def lint_entry(self, entry: Entry, *, fix: object = None) -> FileResult:
            import os

            if os.getpid() != self.parent:
                raise ValueError(f"no good: {entry.path}")
            return FileResult(entry.path)

    entries = stub_entries()
    for jobs in (2, 3):
        found: list[str] = []
        with pytest.raises(ValueError, match="no good: f") as raised:
            found.extend(r.path for r in parallel.lint_entries(Failing(), entries, jobs=jobs))  # type: ignore[arg-type]
        assert found == [e.path for e in entries[: len(found)]]
        assert str(raised.value) == f"no good: {entries[len(found)].path}"


def test_a_helper_that_dies_has_its_files_linted_here() -> None:
    entries = stub_entries()
    stub = Stub("die", at=entries[parallel.BATCH * 2].path)
    got = list(parallel.lint_entries(stub, entries, jobs=2))  # type: ignore[arg-type]
    assert [r.path for r in got] == [e.path for e in entries]


def no_child_left() -> bool:
    """This process has no child, running or unreaped (``waitpid`` finds none)."""
    import os

    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_helpers_end_with_the_run() -> None:
    list(parallel.lint_entries(Stub(), stub_entries(), jobs=3))  # type: ignore[arg-type]
    assert no_child_left()
    lint = parallel.lint_entries(Stub(), stub_entries(), jobs=3)  # type: ignore[arg-type]
    next(r for r in lint if r.path == "f100")  # the consumer stops early (a closed pipe)
    lint.close()
    assert no_child_left()


class Bulky(Stub):
    """Results of ``size`` bytes a file: with long paths, both pipes fill at once."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def lint_entry(self, entry: Entry, *, fix: object = None) -> FileResult:
        return FileResult(entry.path, skipped=entry.path[-4:] * (self.size // 4))


@pytest.mark.parametrize("size", [1, 2_730, 65_536, 400_000])
def test_full_pipes_both_ways_do_not_hang_the_run(size: int) -> None:
    """A helper blocked sending a large batch of results while this process blocked
    sending it more paths hung the run (long paths, many findings a file): this process
    must never block writing to a helper.  An alarm fails the test instead of hanging."""
    import signal

    entries = [Entry(f"{'d' * 3000}/{i:05d}") for i in range(parallel.SERIAL_BELOW * 4)]

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("the run hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        got = list(parallel.lint_entries(Bulky(size), entries, jobs=3))  # type: ignore[arg-type]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert [r.path for r in got] == [e.path for e in entries]
    assert all(r.skipped == r.path[-4:] * (size // 4) for r in got)
    assert no_child_left()


@pytest.fixture(scope="module")
def big_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus(tmp_path_factory.mktemp("repo"), copies=2)


RUNS = [["--format", fmt] for fmt in FORMATS] + [
    ["--statistics"],
    ["--verbose", "--skip-unrelated"],
    ["--diff"],
    ["--format", "json", "--select", "BK1,BK3"],
]


@pytest.mark.parametrize("options", RUNS, ids=" ".join)
def test_every_output_is_the_same_on_several_processes(options: list[str], big_repo: Path) -> None:
    from cli_run import botkit

    one = botkit("lint", str(big_repo), *options, "--jobs", "1", cwd=big_repo)
    assert one.returncode == 1 and (one.stdout or "--statistics" in options)
    for other in (
        botkit("lint", str(big_repo), *options, "--jobs", "2", cwd=big_repo),
        botkit("lint", str(big_repo), *options, "--jobs", "3", cwd=big_repo),
        botkit("lint", str(big_repo), *options, cwd=big_repo),
    ):
        assert (other.returncode, other.stdout, other.stderr) == (
            one.returncode,
            one.stdout,
            one.stderr,
        )


def test_cores_other_processes_keep_busy_are_not_counted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    loadavg = tmp_path / "loadavg"
    loadavg.write_text("1.50 1.20 0.90 3/212 4242\n", encoding="ascii")
    assert parallel.busy_elsewhere(str(loadavg)) == 2  # three runnable, this one among them
    loadavg.write_text("0.10 0.20 0.30 1/212 4242\n", encoding="ascii")
    assert parallel.busy_elsewhere(str(loadavg)) == 0
    assert parallel.busy_elsewhere(str(tmp_path / "none")) == 0  # not Linux: assume free
    monkeypatch.setattr(parallel, "usable_cores", lambda: 4)
    for busy, jobs in ((0, 4), (1, 3), (3, 1), (9, 1)):
        monkeypatch.setattr(parallel, "busy_elsewhere", lambda busy=busy: busy)
        assert parallel.choose_jobs(None) == jobs
        assert parallel.choose_jobs(2) == 2  # asked for: as asked


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads children in /proc")
def test_ctrl_c_ends_the_run_and_every_helper(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the terminal's process group) mid-run: "aborted", exit 130, and
    no process of the run is left."""
    import os
    import signal
    import subprocess
    import sys
    import time

    snippet = SAMPLES / "curl" / "chrome-bash-post.sh"
    for n in range(3000):
        shutil.copyfile(snippet, tmp_path / f"s{n:04d}.sh")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    run = subprocess.Popen(
        [sys.executable, "-m", "botkit", "lint", "--jobs", "3", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env=env,
    )
    children = Path(f"/proc/{run.pid}/task/{run.pid}/children")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(children.read_text().split()) < 2:
        time.sleep(0.01)
    assert len(children.read_text().split()) == 2, "the helpers did not start"
    os.killpg(run.pid, signal.SIGINT)
    _, err = run.communicate(timeout=30)
    assert (run.returncode, err.strip()) == (130, "botkit: aborted")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(run.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("a helper outlived the run")


def test_once_the_walk_has_ended_helpers_hold_fewer_batches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What a helper still holds when this process has nothing left is time this process
    only waits: past the walk's end, no helper is sent a batch beyond IN_FLIGHT_AT_END."""
    from botkit.lint import helper_processes

    made: list[parallel._Batches] = []

    class Seen(parallel._Batches):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            made.append(self)

    held: list[tuple[bool, int]] = []
    send = helper_processes.Helper.send

    def counted(self: helper_processes.Helper, number: int, batch: list[Entry]) -> None:
        # the walk as the run saw it when it chose to send (not read further ahead)
        held.append((not made[0]._walked_all, len(self.queued) + 1))
        send(self, number, batch)

    monkeypatch.setattr(parallel, "_Batches", Seen)
    monkeypatch.setattr(helper_processes.Helper, "send", counted)
    entries = stub_entries(parallel.SERIAL_BELOW * 6)
    got = list(parallel.lint_entries(Stub(), entries, jobs=2))  # type: ignore[arg-type]
    assert [r.path for r in got] == [e.path for e in entries]
    assert max(n for walking, n in held if walking) == parallel.IN_FLIGHT
    assert max(n for walking, n in held if not walking) <= parallel.IN_FLIGHT_AT_END
