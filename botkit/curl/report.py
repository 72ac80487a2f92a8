"""Where the complaints about one curl command go: errors raised, warnings collected.

Both are located at a ``Word`` (its line and column in the original text), kept
to one readable line and masked (botkit/masking.py: a message quoting the input
never repeats a credential); ``strict`` turns every warning into an error.
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
        from botkit.masking import safe

        return InputError(
            safe(one_line(message)), source=self.source, line=word.line, column=word.column
        )

    def warn(self, option: str, message: str, word: Word) -> None:
        from botkit.masking import safe

        option, message = safe(one_line(option)), safe(one_line(message))
        if self.strict:
            raise self.error(f"{option}: {message} (--strict)", word)
        self.warnings.append(CurlWarning(option, message, word.line, word.column))


def mask(value: str) -> str:
    """A value quoted in a message, with secrets masked (see botkit.masking)."""
    from botkit.masking import mask

    return mask(value)
