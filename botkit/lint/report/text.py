"""``path:line:col: CODE message`` per finding, then one summary line (ruff's shape).

A fixable finding is marked ``[*]`` after its code, as ruff marks it.  Every line
goes through ``printable``: file names and messages come from the input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from botkit.lint.report import Summary, plural, shown
from botkit.terminal import printable

if TYPE_CHECKING:
    from botkit.lint.runner import FileResult


class TextReporter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def file(self, result: FileResult) -> None:
        for f in shown(result):
            mark = " [*]" if f.fix is not None else ""
            line = f"{f.path}:{f.line}:{f.column}: {f.code}{mark} {f.message}"
            self.stream.write(printable(line) + "\n")

    def finish(self, summary: Summary) -> None:
        self.stream.write(summary_line(summary) + "\n")


def summary_line(s: Summary) -> str:
    parts = []
    if s.fixed:
        parts.append(f"Fixed {plural(s.fixed, 'finding')}.")
    if s.unreadable:
        parts.append(f"{plural(s.unreadable, 'file')} could not be linted.")
    found = s.errors + s.warnings
    if found:
        counts = " and ".join(
            text
            for n, text in (
                (s.errors, plural(s.errors, "error")),
                (s.warnings, plural(s.warnings, "warning")),
            )
            if n
        )
        line = f"Found {counts} in {s.files_with_findings} of {plural(s.files, 'file')}"
        if s.fixable:
            line += f"; {s.fixable} fixable with --fix"
        parts.append(line + ".")
    elif not s.unreadable:
        parts.append(f"All checks passed ({plural(s.files, 'file')}).")
    return " ".join(parts)
