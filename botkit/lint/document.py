"""What every linted file has in common: its text, positions in it, and safe edits.

A document turns a ``Site`` (a place in the component shape) into character
offsets of its own text; how it does so depends on the kind of file, so each
kind (JSON, cURL) subclasses this.  Files are read as bytes and decoded strictly,
with newlines untouched, so offsets, positions and fixes all refer to the exact
text on disk.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from botkit.lint.jsonpos import LineIndex
from botkit.lint.model import Edit, Position, Rule, Site

BOM = "\ufeff"


class Document:
    """A file being linted: its display path, its text, and where things are in it."""

    def __init__(self, display: str, text: str, path: str | None = None) -> None:
        self.display = display
        self.text = text
        self.path = path

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text, 1 if self.text.startswith(BOM) else 0)

    def position(self, offset: int) -> Position:
        return Position(*self.lines.position(offset))

    def offset_of(self, line: int, column: int) -> int:
        """The character offset of a 1-based line and column (clamped into the text)."""
        starts = self.lines._starts
        line = min(max(line, 1), len(starts))
        start = starts[line - 1] + (self.lines._bom if line == 1 else 0)
        return min(start + max(column, 1) - 1, len(self.text))

    # Subclasses say where a site is, whether a finding there is suppressed, and
    # how to replace the value at a site.
    def span(self, site: Site) -> tuple[int, int]:
        if site.line is not None:
            start = self.offset_of(site.line, site.column or 1)
            return start, start
        return 0, 0

    def suppressed(self, rule: Rule, site: Site) -> bool:
        return False

    def replacement(self, site: Site, value: Any) -> tuple[int, int, str] | None:
        return None

    def edit(self, site: Site, value: Any) -> Edit | None:
        found = self.replacement(site, value)
        if found is None:
            return None
        start, end, text = found
        return Edit(
            start, end, text, self.position(start), self.position(end), self.text[start:end]
        )
