"""What every reader gives back: requests, each with a name and the warnings about it.

All readers (cURL, HAR, Postman, PowerShell) produce the same ``Request``
(botkit/request.py); only where a warning points differs: ``line:column`` in a
shell text, a JSON path (``$.log.entries[2].request``) in a HAR or Postman file.
"""

from botkit.named_tuples import NamedTuple
from botkit.request import Request
from botkit.values import Record


class ReadWarning(NamedTuple):
    """Something the input asks for that a component cannot hold, and where it is.

    ``where`` is ``line:column`` or a JSON path; ``subject`` is what it is about (an
    option as written, a header, a Postman auth type).
    """

    where: str
    subject: str
    message: str

    def __str__(self) -> str:
        """One line, whatever the input held (a cookie's domain may hold a line break)."""
        from botkit.curl.words import one_line

        return one_line(f"{self.where}: {self.subject}: {self.message}")


class ReadRequest(Record):
    """One request of the input, with the name the input gives it (if any)."""

    _fields = ("request", "name", "where", "warnings")

    def __init__(
        self,
        request: Request,
        name: str | None = None,
        where: str = "",  # JSON path or line:column of the request in the input
        warnings: list[ReadWarning] | None = None,
    ) -> None:
        self.request = request
        self.name = name
        self.where = where
        self.warnings: list[ReadWarning] = [] if warnings is None else warnings


class ReadResult(Record):
    """Every request of one input, in order, and what the input says about them as a whole.

    ``title`` is the collection's or file's own name; ``variables`` the variables it
    declares, name -> description (never a value: values may be secrets).
    """

    _fields = ("format", "requests", "title", "variables", "warnings")

    def __init__(
        self,
        format: str,
        requests: list[ReadRequest],
        title: str | None = None,
        variables: dict[str, str] | None = None,
        warnings: list[ReadWarning] | None = None,
    ) -> None:
        self.format = format
        self.requests = requests
        self.title = title
        self.variables: dict[str, str] = {} if variables is None else variables
        self.warnings: list[ReadWarning] = [] if warnings is None else warnings

    def all_warnings(self) -> list[ReadWarning]:
        found = list(self.warnings)
        for read in self.requests:
            found.extend(read.warnings)
        return found
