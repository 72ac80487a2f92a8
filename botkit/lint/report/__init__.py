"""Reporters: the same stream of results written for people, scripts, GitHub or SARIF.

Each reporter gets results file by file as the linter produces them and writes
them at once where its format allows (text, json, github), so a long run shows
progress and holds nothing; SARIF, one document, is written at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TextIO

from botkit.lint.model import Severity

if TYPE_CHECKING:
    from botkit.lint.runner import FileResult

FORMATS = ("text", "json", "github", "sarif")


@dataclass
class Summary:
    """Counts over the whole run, for the last line and the exit status."""

    files: int = 0
    files_with_findings: int = 0
    errors: int = 0
    warnings: int = 0
    fixable: int = 0
    fixed: int = 0
    unreadable: int = 0
    codes: dict[str, int] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.fixed += len(result.fixed)
        if result.findings:
            self.files_with_findings += 1
        for finding in result.findings:
            if finding.rule.fatal:
                self.unreadable += 1
            elif finding.severity is Severity.ERROR:
                self.errors += 1
            else:
                self.warnings += 1
            if finding.fix is not None:
                self.fixable += 1
            self.codes[finding.code] = self.codes.get(finding.code, 0) + 1

    @property
    def exit_code(self) -> int:
        """2 when some input could not be linted, 1 when errors remain, else 0."""
        if self.unreadable:
            return 2
        return 1 if self.errors else 0


class Reporter(Protocol):
    def file(self, result: FileResult) -> None: ...

    def finish(self, summary: Summary) -> None: ...


def make_reporter(fmt: str, stream: TextIO) -> Reporter:
    if fmt == "text":
        from botkit.lint.report.text import TextReporter

        return TextReporter(stream)
    if fmt == "json":
        from botkit.lint.report.jsonarray import JsonReporter

        return JsonReporter(stream)
    if fmt == "github":
        from botkit.lint.report.github import GithubReporter

        return GithubReporter(stream)
    if fmt == "sarif":
        from botkit.lint.report.sarif import SarifReporter

        return SarifReporter(stream)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
