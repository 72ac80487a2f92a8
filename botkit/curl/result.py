"""What reading a cURL command gives back: the request, and every warning about it."""

from typing import TYPE_CHECKING

from botkit.named_tuples import NamedTuple
from botkit.request import Request
from botkit.values import Record, Value

if TYPE_CHECKING:
    from botkit.curl.spans import Sources


class CurlWarning(NamedTuple):
    """Something in the command that changes the request but has no place in a component.

    ``option`` is the option as written (``--digest``, ``-x``) or the shell construct
    (``$TOKEN``); ``line`` and ``column`` are 1-based positions in the original text.
    """

    option: str
    message: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.option}: {self.message}"


class OutsideFile(Value):
    """A file the command names (``@file``, ``<file``) that was not read: it lies outside
    the folder the reader was limited to (lint: the repository).  Immutable
    (``botkit.values``)."""

    _fields = ("name", "line", "column")
    __slots__ = _fields
    name: str
    line: int
    column: int

    def __init__(self, name: str, line: int, column: int) -> None:
        self._set(name=name, line=line, column=column)


class CurlRead(Record):
    """The request a cURL command makes, and what could not be carried over into it."""

    _fields = ("request", "warnings", "line", "column", "end", "sources", "outside")

    def __init__(
        self,
        request: Request,
        warnings: list[CurlWarning] | None = None,
        line: int = 1,
        column: int = 1,
        end: tuple[int, int] | None = None,
        sources: "Sources | None" = None,
        outside: list[OutsideFile] | None = None,
    ) -> None:
        self.request = request
        self.warnings: list[CurlWarning] = [] if warnings is None else warnings
        # Where the command starts (its "curl"), 1-based, in the text read.
        self.line = line
        self.column = column
        # Where it ends (line and column just past it) when it is one of a script's
        # commands; None: it runs to the end of the text.
        self.end = end
        #: Where each value of ``request`` is written (botkit.curl.spans).
        self.sources = sources
        #: Files named by the command and not read (outside the reader's root).
        self.outside: list[OutsideFile] = [] if outside is None else outside
