"""One ``botkit lint`` run: results streamed to the reporter, with what CI asks of a run.

Kept apart from the option declarations (``lint_cmd.py``): the baseline filter,
the fix listing and ``--diff``, the skipped-file counts, ``--statistics`` and the
progress line on a terminal are what a run does with the library's results.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, TextIO

from botkit.named_tuples import NamedTuple

if TYPE_CHECKING:
    from botkit.lint.config import LintConfig
    from botkit.lint.model import Finding
    from botkit.lint.report import Summary
    from botkit.lint.runner import FixMode


class RunOptions(NamedTuple):
    fmt: str = "text"
    fix: bool = False
    diff: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    statistics: bool = False
    skip_unrelated: bool = False
    verbose: bool = False
    #: Worker processes (None: one per usable core; see botkit.lint.parallel).
    jobs: int | None = None


def run(
    paths: list[str],
    config: LintConfig,
    options: RunOptions,
    *,
    stream: TextIO,
    fixed_out: TextIO | None = None,
) -> int:
    """Lint, report as the findings come, and return the exit status.

    ``fixed_out``: where the fixed text of standard input goes (``lint - --fix``);
    the report then goes to ``stream`` (standard error).
    """
    from botkit.lint.report import Summary, make_reporter
    from botkit.lint.runner import lint_all
    from botkit.terminal import printable

    baseline = None
    if options.baseline:
        from botkit.lint.baseline import Baseline

        baseline = Baseline.load(options.baseline)
    preview = options.diff or fixed_out is not None
    fix: FixMode = "preview" if preview else ("write" if options.fix else None)
    text = options.fmt == "text"
    reporter = make_reporter(options.fmt, stream) if not (options.statistics and text) else None
    notes = stream if text and fixed_out is None else sys.stderr
    summary = Summary()
    recorded: list[Finding] = []
    progress = Progress(sys.stderr)
    would_fix = 0
    for result in lint_all(
        paths, config, fix=fix, as_walked=options.skip_unrelated, jobs=options.jobs
    ):
        progress.tick()
        if result.skipped is not None:
            summary.skip(result.skipped)
            if options.verbose:
                progress.clear()
                sys.stderr.write(printable(f"botkit: skipped {result.path}: {result.skipped}"))
                sys.stderr.write("\n")
            continue
        recorded.extend(result.findings)
        if baseline is not None:
            result.findings = baseline.new(result.findings)
        if result.findings or result.fixed:
            progress.clear()
        if fixed_out is not None:
            fixed_out.write(result.preview[1] if result.preview else "")
        elif options.diff and result.preview is not None:
            would_fix += len(result.fixed)
            stream.write(_diff(result.path, *result.preview))
            result.fixed = []
        for finding in result.fixed:
            notes.write(printable(_change(finding)) + "\n")
        if reporter is not None and not options.diff:
            reporter.file(result)
        summary.add(result)
    progress.clear()
    if summary.files == 0:
        sys.stderr.write(printable(f"botkit: warning: no files to lint in {' '.join(paths)}"))
        sys.stderr.write("\n")
    if options.diff:
        sys.stderr.write(f"{would_fix} fix{'es' if would_fix != 1 else ''} would be applied.\n")
    elif reporter is not None:
        reporter.finish(summary)
    else:
        stream.write(_statistics(summary))
    if options.verbose and summary.skipped:
        counts = ", ".join(f"{n} {why}" for why, n in sorted(summary.skipped.items()))
        sys.stderr.write(f"botkit: skipped {sum(summary.skipped.values())} files: {counts}\n")
    if options.write_baseline:
        from botkit.lint.baseline import dump

        _write_baseline(options.write_baseline, dump(recorded))
        name = printable(options.write_baseline)
        sys.stderr.write(
            f"botkit: recorded {len(recorded)} finding{'s' * (len(recorded) != 1)} in {name}; "
            f"lint with --baseline {name} to see only new ones\n"
        )
    stream.flush()
    if options.diff and would_fix:
        return max(summary.exit_code, 1)
    if options.write_baseline and summary.exit_code == 1:
        return 0  # today's findings are accepted: that is what writing a baseline says
    return summary.exit_code


def _change(finding: Finding) -> str:
    """``path:line:col: BK103 '+91 98765 43210' -> '919876543210'``."""
    assert finding.fix is not None
    edit = finding.fix.edits[0]
    old, new = edit.old, edit.text
    if len(old) >= 2 and len(new) >= 2 and old[0] == old[-1] == new[0] == new[-1] == '"':
        old, new = old[1:-1], new[1:-1]  # a JSON string: show its text, as the message does
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {old!r} -> {new!r}"


def _diff(path: str, before: str, after: str) -> str:
    import difflib  # only for --diff

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    from botkit.terminal import printable

    return "\n".join(printable(line) for line in out.split("\n"))


def _statistics(summary: Summary) -> str:
    """One line per code, most frequent first (ruff's ``--statistics``)."""
    from botkit.lint.rules import get

    rows = sorted(summary.codes.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{n:5}  {code}  {get(code).slug}\n" for code, n in rows)


def _write_baseline(path: str, text: str) -> None:
    from botkit.output import OutputError, atomic_file

    try:
        with atomic_file(path) as out:
            out.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


class Progress:
    """``botkit: 1,204 files...`` on a terminal's standard error once a run takes a while."""

    AFTER = 1.0  # seconds before the first line: short runs stay quiet
    EVERY = 0.25

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.start = time.monotonic()
        self.last = 0.0
        self.count = 0
        self.shown = False

    def tick(self) -> None:
        self.count += 1
        if not self.enabled or self.count % 64:
            return
        now = time.monotonic()
        if now - self.start >= self.AFTER and now - self.last >= self.EVERY:
            self.stream.write(f"\rbotkit: {self.count:,} files...")
            self.stream.flush()
            self.last = now
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
