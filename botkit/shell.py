"""Quoting for bash, so that a pasted command sends every value byte for byte and runs nothing.

"Pasted" includes the worst case: a terminal without bracketed paste (bash
before 5.1, macOS's bash 3.2), where readline takes the text as typed keys.
There a control character inside single quotes is still a key (Ctrl-A, Tab,
Esc, Ctrl-C...), and history expansion reads each line on its own, so ``!`` or
a leading ``^`` on the second line of a quoted value is expanded.  Such values
are written as ANSI-C ``$'...'`` strings, which hold every byte as an escape.
"""

from __future__ import annotations

import re

# The characters DoubleTick's docs (ReadMe) leave unquoted; all are inert in bash.
_README_BARE = re.compile(r"[A-Za-z0-9\-_/.@%^=:]+")
#: C0 controls, DEL and C1 controls: keys to readline, or commands to a terminal.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Inside single quotes a newline is inert when typed; every other control is not.
_UNSAFE_IN_QUOTES = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# What history expansion acts on in the second and later lines of a quoted value.
_HISTORY_ACROSS_LINES = re.compile(r"!|\n\^")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\", "'": "\\x27"}


def typed_safely(value: str) -> bool:
    """Can ``value`` go inside single quotes (or a quoted heredoc), pasted as typed keys?"""
    if _UNSAFE_IN_QUOTES.search(value):
        return False
    return "\n" not in value or not _HISTORY_ACROSS_LINES.search(value)


def quote(value: str) -> str:
    """Single-quote ``value`` unless it is made only of inert characters (ReadMe's rule).

    Inside single quotes bash expands nothing (not ``$``, backticks, ``\\`` or
    ``!``), so the only character to escape is ``'`` itself, written ``'\\''``.
    A value that is not safe to type inside quotes becomes ``$'...'``.
    """
    # A bare trailing "^" would read as cmd's line continuation to anyone (or any
    # importer) guessing the shell, so such a value is quoted.
    if value and _README_BARE.fullmatch(value) and not value.endswith("^"):
        return value
    if not typed_safely(value):
        return ansi_c(value)
    return "'" + value.replace("'", "'\\''") + "'"


def quote_oneline(value: str) -> str:
    """Like ``quote``, but a value holding newlines or other control characters
    becomes an ANSI-C ``$'...'`` string, so the command stays on one line."""
    if not CONTROL.search(value):
        return quote(value)
    return ansi_c(value)


def ansi_c(value: str) -> str:
    """``value`` as ``$'...'``: controls as escapes (C1 as its UTF-8 bytes, which bash
    writes whatever the locale), ``'`` as ``\\x27`` so that history expansion, which
    knows no ``\\'``, still sees one quoted word."""
    out = []
    for ch in value:
        escape = _ESCAPES.get(ch)
        if escape is not None:
            out.append(escape)
        elif CONTROL.match(ch):
            out.append("".join(f"\\x{b:02x}" for b in ch.encode("utf-8")))
        else:
            out.append(ch)
    return "$'" + "".join(out) + "'"
