"""Reporters: the same stream of results written for people, scripts, GitHub or SARIF.

Each reporter gets results file by file as the linter produces them and writes
them at once where its format allows (text, json, github), so a long run shows
progress and holds nothing; SARIF, one document, is written at the end.
"""

from typing import TYPE_CHECKING, Protocol, TextIO

from botkit.lint.model import Severity
from botkit.named_tuples import NamedTuple

if TYPE_CHECKING:
    from botkit.lint.model import Finding
    from botkit.lint.runner import FileResult


class Summary:
    """Counts over the whole run, for the last line and the exit status."""

    def __init__(self) -> None:
        self.files = 0
        self.files_with_findings = 0
        self.errors = 0
        self.warnings = 0
        self.fixable = 0
        self.fixed = 0
        self.unreadable = 0
        self.codes: dict[str, int] = {}
        #: Walked files passed over, by why (``--verbose``).
        self.skipped: dict[str, int] = {}

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def add(self, result: "FileResult") -> None:
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
    def file(self, result: "FileResult") -> None: ...

    def finish(self, summary: Summary) -> None: ...


class ReporterSpec(NamedTuple):
    """A format: where its reporter lives (imported only when chosen) and what it writes."""

    module: str
    cls: str
    help: str


#: Every output format, by the name ``--format`` takes (one place; the CLI reads it).
REPORTER_BY_NAME: dict[str, ReporterSpec] = {
    "text": ReporterSpec("botkit.lint.report.text", "TextReporter", "path:line:col: CODE message"),
    "json": ReporterSpec("botkit.lint.report.jsonarray", "JsonReporter", "a list of objects"),
    "github": ReporterSpec("botkit.lint.report.github", "GithubReporter", "workflow annotations"),
    "sarif": ReporterSpec(
        "botkit.lint.report.sarif", "SarifReporter", "SARIF 2.1.0 for code scanning"
    ),
}
FORMATS = tuple(REPORTER_BY_NAME)


def make_reporter(fmt: str, stream: TextIO) -> Reporter:
    spec = REPORTER_BY_NAME.get(fmt)
    if spec is None:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    import importlib

    reporter: Reporter = getattr(importlib.import_module(spec.module), spec.cls)(stream)
    return reporter


def formats_help() -> str:
    """``--format``'s help: each format and what it writes."""
    return "; ".join(f"{name}: {spec.help}" for name, spec in REPORTER_BY_NAME.items()) + "."


def shown(result: "FileResult") -> "list[Finding]":
    """The findings of ``result`` as every format writes them: each message through the
    one masking point (botkit/masking.py), so no format, nor an ``-o`` file, carries a
    credential beyond its mask."""
    from botkit.masking import safe

    out = []
    for f in result.findings:
        message = safe(f.message)
        out.append(f if message == f.message else f.replace(message=message))
    return out


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
