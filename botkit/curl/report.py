"""Where the complaints about one curl command go: errors raised, warnings collected.

Both are located at a ``Word`` (its line and column in the original text) and kept
to one readable line; ``strict`` turns every warning into an error.
"""

from __future__ import annotations

from botkit.curl.result import CurlWarning
from botkit.curl.words import Word, one_line
from botkit.errors import InputError


class Report:
    def __init__(self, source: str, strict: bool) -> None:
        self.source = source
        self.strict = strict
        self.warnings: list[CurlWarning] = []

    def error(self, message: str, word: Word) -> InputError:
        return InputError(one_line(message), source=self.source, line=word.line, column=word.column)

    def warn(self, option: str, message: str, word: Word) -> None:
        option, message = one_line(option), one_line(message)
        if self.strict:
            raise self.error(f"{option}: {message} (--strict)", word)
        self.warnings.append(CurlWarning(option, message, word.line, word.column))


def mask(value: str) -> str:
    """A value quoted in a message, with secrets masked (see botkit.redact)."""
    from botkit.redact import mask

    return mask(value)
