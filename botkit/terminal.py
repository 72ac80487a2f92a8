"""Text that a terminal shows as text, and the one way a command writes a line to stderr.

What botkit prints quotes what it was given: a file name may hold an escape sequence
(clear the screen, retitle the window) or a line break (a forged second line).  On a
terminal, click passes escape sequences through as they are; ``printable`` writes every
control character, C1 control and bidirectional override as an escape instead, so a
message is one line that says what it was given.
"""

from __future__ import annotations

import sys

from botkit.lazy_re import lazy

_UNSAFE = lazy("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\x1b"}


def printable(text: str) -> str:
    """``text`` safe to show in a terminal or a CI log: control characters (newline,
    ESC, the C1 controls, bidirectional overrides) written as escapes, so a file named
    with a newline and a fake finding line cannot pass for a finding."""
    if text.isascii() and text.isprintable():  # the usual case, without the expression
        return text
    if _UNSAFE().search(text) is None:
        return text
    return _UNSAFE().sub(lambda m: _NAMED.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


def tell(kind: str, message: object) -> None:
    """``botkit: KIND: message`` on stderr: masked at the one masking point
    (botkit/masking.py), then printable, one line."""
    from botkit.masking import safe

    sys.stderr.write(f"botkit: {kind}: {printable(safe(str(message)))}\n")
