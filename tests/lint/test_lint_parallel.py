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

    monkeypatch.setattr(parallel, "_executor", no_pool)
    bots = sorted(str(p) for p in (SAMPLES / "bots").glob("*.json"))
    assert summary(lint(bots, jobs=2)) == summary(lint(bots, jobs=1))


def test_one_usable_core_means_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert parallel.usable_cores() == 1
    assert parallel.choose_jobs(None) == 1
    assert parallel.choose_jobs(0) == 1
    assert parallel.choose_jobs(3) == 3


def test_results_keep_input_order_when_later_batches_finish_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Batches are awaited in the order they were sent, whatever order workers end in."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    class Slow:
        def lint_entry(self, entry: Entry, *, fix: object = None) -> FileResult:
            time.sleep(0.02 if entry.path.endswith("0") else 0)
            return FileResult(entry.path)

    monkeypatch.setattr(parallel, "_linter", Slow())
    monkeypatch.setattr(
        parallel, "_executor", lambda workers, linter, fix: ThreadPoolExecutor(workers)
    )
    entries = [Entry(f"f{i}") for i in range(parallel.SERIAL_BELOW * 3)]
    got = [r.path for r in parallel.lint_entries(Slow(), entries, jobs=4)]  # type: ignore[arg-type]
    assert got == [e.path for e in entries]


@pytest.fixture(scope="module")
def big_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus(tmp_path_factory.mktemp("repo"), copies=2)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_output_format_is_the_same_on_two_processes(fmt: str, big_repo: Path) -> None:
    from cli_run import botkit

    one = botkit("lint", str(big_repo), "--format", fmt, "--jobs", "1", cwd=big_repo)
    two = botkit("lint", str(big_repo), "--format", fmt, "--jobs", "2", cwd=big_repo)
    default = botkit("lint", str(big_repo), "--format", fmt, cwd=big_repo)
    assert one.returncode == 1 and one.stdout
    for other in (two, default):
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
