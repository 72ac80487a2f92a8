"""Quoting for bash, so that a pasted command sends every value byte for byte and runs nothing."""

from __future__ import annotations

import re

# The characters DoubleTick's docs (ReadMe) leave unquoted; all are inert in bash.
_README_BARE = re.compile(r"[A-Za-z0-9\-_/.@%^=:]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def quote(value: str) -> str:
    """Single-quote ``value`` unless it is made only of inert characters (ReadMe's rule).

    Inside single quotes bash expands nothing (not ``$``, backticks, ``\\`` or
    ``!``), so the only character to escape is ``'`` itself, written ``'\\''``.
    """
    # A bare trailing "^" would read as cmd's line continuation to anyone (or any
    # importer) guessing the shell, so such a value is quoted.
    if value and _README_BARE.fullmatch(value) and not value.endswith("^"):
        return value
    return "'" + value.replace("'", "'\\''") + "'"


def quote_oneline(value: str) -> str:
    """Like ``quote``, but a value holding newlines or other control characters
    becomes an ANSI-C ``$'...'`` string, so the command stays on one line."""
    if not _CONTROL.search(value):
        return quote(value)
    out = []
    for ch in value:
        if ch in "\\'":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif _CONTROL.match(ch):
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "$'" + "".join(out) + "'"
