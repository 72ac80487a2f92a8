"""Errors that reach the user as one clear line, never as a traceback.

Library code raises these; the CLI prints ``str(error)`` and exits with
``error.exit_code``.  Nothing deep inside the library prints.
"""

from __future__ import annotations


class BotkitError(Exception):
    """Base of every error botkit reports to a user (exit status 2: bad usage or input)."""

    exit_code = 2


class ParamError(BotkitError):
    """A parameter value that the API would reject, named the way the API spells it."""

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        self.message = message
        super().__init__(f"{param}: {message}")


class InputError(BotkitError):
    """Unreadable input, located as ``source:line:column`` where that is known."""

    def __init__(
        self, message: str, *, source: str = "", line: int | None = None, column: int | None = None
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.source
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
            if self.column is not None:
                where = f"{where}:{self.column}"
        return f"{where}: {self.message}" if where else self.message
