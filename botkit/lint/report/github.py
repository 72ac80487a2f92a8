"""GitHub Actions workflow commands: each finding becomes an annotation on its line."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from botkit.lint.model import Severity
from botkit.lint.report import Summary, shown
from botkit.terminal import printable

if TYPE_CHECKING:
    from botkit.lint.runner import FileResult


def _data(text: str) -> str:
    """GitHub's escaping of a command's data, after every other control character is
    written as an escape (ESC and friends would reach the log's terminal renderer)."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def file(self, result: FileResult) -> None:
        for f in shown(result):
            level = "error" if f.severity is Severity.ERROR or f.rule.fatal else "warning"
            props = ",".join(
                f"{k}={_property(str(v))}"
                for k, v in (
                    ("file", f.path),
                    ("line", f.line),
                    ("col", f.column),
                    ("endLine", f.finish.line),
                    ("endColumn", f.finish.column),
                    ("title", f"{f.code} {f.slug}"),
                )
            )
            self.stream.write(f"::{level} {props}::{_data(f'{f.code} {f.message}')}\n")

    def finish(self, summary: Summary) -> None:
        pass
