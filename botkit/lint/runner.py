"""Lint a run's files one at a time and stream the results file by file.

The pieces each do one job: ``walk`` says which files, ``kinds`` what each is,
``checks`` runs the rules on its text, ``findings`` places and masks what they
found, ``fix`` writes fixes.  This module ties them together for one file
(``Linter.lint_entry``, the one point where a process pool can fan out) and for
a run (``lint_files``).

Everything costly is set up once per run (catalog, validators, phone cache) and
nothing is kept from one file to the next, so memory stays flat however many
files there are.  Results come out in a stable order: paths as given, directory
entries sorted, findings in a file by line and column.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Literal

import botkit.lint.rules as rules
from botkit.files import FileReadError, TextFile, leaves_repository, read_stdin, read_text
from botkit.lint.checks import Checks, Part
from botkit.lint.config import LintConfig
from botkit.lint.findings import at_start, findings_of
from botkit.lint.model import Finding
from botkit.lint.walk import STDIN, Entry, display, iter_entries
from botkit.values import Record

#: What ``--fix`` does with a file: write the fixes, preview them, or nothing.
FixMode = Literal["write", "preview"] | None


class FileResult(Record):
    """The outcome for one file: findings left to report, and what ``--fix`` changed.

    A ``botkit.values.Record``, not a dataclass: ``dataclasses`` alone costs a one-shot
    lint about 3 M instructions to import."""

    _fields = ("path", "findings", "fixed", "skipped", "preview")

    def __init__(
        self,
        path: str,
        findings: list[Finding] | None = None,
        fixed: list[Finding] | None = None,
        skipped: str | None = None,
        preview: tuple[str, str] | None = None,
    ) -> None:
        self.path = path
        self.findings: list[Finding] = [] if findings is None else findings
        self.fixed: list[Finding] = [] if fixed is None else fixed
        #: Why the file was passed over (a walked file that is no bot, component or snippet).
        self.skipped = skipped
        #: With fix="preview": the text before and after the fixes (None if it was not read).
        self.preview = preview

    @property
    def fatal(self) -> bool:
        return any(f.rule.fatal for f in self.findings)


def lint_paths(
    paths: Iterable[str | os.PathLike[str]], config: LintConfig | None = None, *, fix: bool = False
) -> Iterator[Finding]:
    """Every finding in the files at ``paths`` (files or directories, walked recursively)."""
    for result in lint_files(paths, config, fix=fix):
        yield from result.findings


def lint_files(
    paths: Iterable[str | os.PathLike[str]], config: LintConfig | None = None, *, fix: bool = False
) -> Iterator[FileResult]:
    """One ``FileResult`` per file, streamed.  A path that does not exist or cannot be
    read is a BK001 finding on that path; every other file is still linted."""
    config = config or LintConfig()
    for result in lint_all(paths, config, fix="write" if fix else None):
        if result.skipped is None:
            yield result


def lint_all(
    paths: Iterable[str | os.PathLike[str]],
    config: LintConfig | None = None,
    *,
    fix: FixMode = None,
    as_walked: bool = False,
    jobs: int | None = 1,
) -> Iterator[FileResult]:
    """Like ``lint_files``, with a result for each walked file that was skipped too.
    ``as_walked``: named files are filtered as a folder walk would filter them.
    ``jobs``: worker processes (None: one per usable core), same results in the same order.
    Writing fixes and reading standard input stay in this process: two links to one file
    must not be fixed at once, and workers have no standard input."""
    config = config or LintConfig()
    given = [os.fspath(p) for p in paths]
    if fix == "write" or STDIN in given or (len(given) == 1 and not os.path.isdir(given[0])):
        jobs = 1  # one file: no pool to weigh (botkit.lint.parallel is not even imported)
    entries = iter_entries(given, config, as_walked=as_walked)
    linter = Linter(config)
    if jobs == 1:
        for entry in entries:
            yield linter.lint_entry(entry, fix=fix)
        return
    from botkit.lint.parallel import lint_entries

    yield from lint_entries(linter, entries, fix=fix, jobs=jobs)


class Linter:
    """Lints one file at a time with rules, settings and catalog prepared once."""

    def __init__(self, config: LintConfig) -> None:
        self.config = config
        self.checks = Checks(config)

    def lint_file(self, path: str, *, fix: bool = False) -> FileResult:
        """Lint the file at ``path`` (``-``: standard input), named by the user."""
        return self.lint_entry(Entry(path, named=True), fix="write" if fix else None)

    def lint_entry(self, entry: Entry, *, fix: FixMode = None) -> FileResult:
        """Lint one entry; ``fix``: "write" the fixes to the file, or "preview" them
        (``result.preview``, for ``--diff`` and standard input), or None."""
        shown = display(entry.path)
        result = FileResult(shown)
        if entry.problem is not None:
            result.findings.append(at_start(shown, rules.get("BK001"), entry.problem))
            return result
        if entry.path != STDIN and leaves_repository(entry.path):
            # never opened: nobody reviewing the repository sees it, a message could quote it
            message = "links outside the repository; lint did not read it"
            result.findings.append(at_start(shown, rules.get("BK403"), message))
            return result
        try:
            source = read_stdin() if entry.path == STDIN else read_text(entry.path)
        except FileReadError as exc:
            result.findings.append(at_start(shown, rules.get("BK001"), exc.message))
            return result
        path = None if entry.path == STDIN else entry.path
        try:
            parts, result.skipped = self.checks.parts(path, shown, source.text, named=entry.named)
            result.findings = sorted(
                (f for part in parts for f in findings_of(part)), key=Finding.sort_key
            )
            if fix == "preview":
                from botkit.lint.fix import plan  # only runs that fix: --fix, --diff

                new, result.fixed = plan(source, result.findings)
                result.preview = (source.text, new)
                result.findings = [f for f in result.findings if f not in result.fixed]
            elif fix == "write" and path is not None and parts:
                result.findings, result.fixed = self._fix(parts[0], result.findings, path, source)
        except RecursionError:
            message = "input nested too deep to lint"
            result.findings = [at_start(shown, rules.get("BK001"), message)]
        except Exception as exc:  # a bug: report it for this file, keep linting the others
            message = f"internal error: {type(exc).__name__}: {exc}"
            result.findings = [at_start(shown, rules.get("BK000"), message)]
        return result

    def _fix(
        self, part: Part, findings: list[Finding], path: str, source: TextFile
    ) -> tuple[list[Finding], list[Finding]]:
        """Every part holds the whole text of the file, so the first one's edits apply."""
        from botkit.lint.fix import fix_file

        failure, applied = fix_file(path, source, findings)
        remaining = [f for f in findings if f not in applied]
        if failure is not None:
            remaining.append(at_start(part.doc.display, rules.get("BK001"), failure))
        return remaining, applied
