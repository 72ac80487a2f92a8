"""A JSON array of finding objects, written as the findings come.

Each object has ``path``, ``line``, ``column``, ``end_line``, ``end_column``,
``code``, ``rule`` (the slug), ``severity``, ``message`` and ``fix`` (null, or
the message and edits ``--fix`` would apply).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from botkit.lint.report import Summary, shown

if TYPE_CHECKING:
    from botkit.lint.runner import FileResult


class JsonReporter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0
        self.stream.write("[")

    def file(self, result: FileResult) -> None:
        for finding in shown(result):
            sep = "," if self.count else ""
            self.stream.write(f"{sep}\n  {json.dumps(finding.to_dict(), ensure_ascii=False)}")
            self.count += 1

    def finish(self, summary: Summary) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
