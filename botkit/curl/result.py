"""What reading a cURL command gives back: the request, and every warning about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from botkit.request import Request

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


@dataclass(frozen=True)
class OutsideFile:
    """A file the command names (``@file``, ``<file``) that was not read: it lies outside
    the folder the reader was limited to (lint: the repository)."""

    name: str
    line: int
    column: int


@dataclass
class CurlRead:
    """The request a cURL command makes, and what could not be carried over into it."""

    request: Request
    warnings: list[CurlWarning] = field(default_factory=list)
    line: int = 1  # where the command starts (its "curl"), 1-based, in the text read
    column: int = 1
    # Where it ends (line and column just past it) when it is one of a script's
    # commands; None: it runs to the end of the text.
    end: tuple[int, int] | None = None
    #: Where each value of ``request`` is written (botkit.curl.spans).
    sources: Sources | None = None
    #: Files named by the command and not read (outside the reader's root).
    outside: list[OutsideFile] = field(default_factory=list)
