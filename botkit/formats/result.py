"""What every reader gives back: requests, each with a name and the warnings about it.

All readers (cURL, HAR, Postman, PowerShell) produce the same ``Request``
(botkit/request.py); only where a warning points differs: ``line:column`` in a
shell text, a JSON path (``$.log.entries[2].request``) in a HAR or Postman file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from botkit.request import Request


class ReadWarning(NamedTuple):
    """Something the input asks for that a component cannot hold, and where it is.

    ``where`` is ``line:column`` or a JSON path; ``subject`` is what it is about (an
    option as written, a header, a Postman auth type).
    """

    where: str
    subject: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.subject}: {self.message}"


@dataclass
class ReadRequest:
    """One request of the input, with the name the input gives it (if any)."""

    request: Request
    name: str | None = None
    where: str = ""  # JSON path or line:column of the request in the input
    warnings: list[ReadWarning] = field(default_factory=list)


@dataclass
class ReadResult:
    """Every request of one input, in order, and what the input says about them as a whole.

    ``title`` is the collection's or file's own name; ``variables`` the variables it
    declares, name -> description (never a value: values may be secrets).
    """

    format: str
    requests: list[ReadRequest]
    title: str | None = None
    variables: dict[str, str] = field(default_factory=dict)
    warnings: list[ReadWarning] = field(default_factory=list)

    def all_warnings(self) -> list[ReadWarning]:
        found = list(self.warnings)
        for read in self.requests:
            found.extend(read.warnings)
        return found
