"""Which shell wrote the text: bash (and zsh), Windows cmd, or PowerShell.

Users do not say, so we look at what each one leaves behind: cmd's ``curl ^"``
and a first line ending in `` ^`` (Chrome's "Copy as cURL (cmd)"), PowerShell's
first line ending in a backtick, its ``PS C:\\>`` prompt, ``curl.exe``, ``$env:``
and its web cmdlets.  Everything else is read as bash, which is what macOS and
Linux terminals and every doc site use.
"""

from __future__ import annotations

import os
import re
from typing import Literal

from botkit.curl.words import ShellCommand, bash_quotes
from botkit.lazy_re import lazy

Dialect = Literal["bash", "cmd", "powershell"]

# Compiled when first needed: a bash command (most of them) has none of the characters
# or words that these patterns need, which ``detect`` looks for first.
_CMD_CONTINUATION = lazy(r"[ \t]\^\r?$")
_CMD_START = lazy(r"\A\s*curl(?:\.exe)?\s+\^\"", re.I)
_PS_CONTINUATION = lazy(r"[ \t]`\r?$")
_PS_START = lazy(
    r"[ \t]*(?:PS [^>\n]*>[ \t]*)?(?:&[ \t]*)?(?:curl\.exe\b|invoke-webrequest\b"
    r"|invoke-restmethod\b|iwr\b|irm\b|[^\n]*\$env:\w)",
    re.I,
)
#: Words ``_PS_START`` cannot match without (in lower case).
_PS_WORDS = ("curl.exe", "invoke-webrequest", "invoke-restmethod", "iwr", "irm", "$env:")
_HEAD = 400  # how far into a line a PowerShell command name or $env: is looked for
_SUFFIXES: dict[str, Dialect] = {".cmd": "cmd", ".bat": "cmd", ".ps1": "powershell"}
_MAX_LINES = 10_000


def detect(text: str) -> Dialect:
    # Only the command's first line says how it continues: a later line may be inside
    # a bash string that happens to end in " ^" or " `".
    first = _first_line(text)
    if "^" in first:  # both of cmd's signs hold one
        if _CMD_START().match(first):
            return "cmd"
        if _CMD_CONTINUATION().search(first) and _quotes_closed(first):
            return "cmd"
    if "`" in first and _PS_CONTINUATION().search(first) and _quotes_closed(first):
        return "powershell"
    if _may_start_powershell(text):
        start = _PS_START()
        if start.match(text[:_HEAD]) or any(start.match(line) for line in _heads(text)):
            return "powershell"
    return "bash"


def _may_start_powershell(text: str) -> bool:
    """False only when no line can start as ``_PS_START`` wants: ASCII text (whose lower
    case folds as the pattern's) without any of its words."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(word in lowered for word in _PS_WORDS)


def named(name: str | None) -> Dialect | None:
    """The shell a file's name says wrote it: a ``.cmd`` (or ``.bat``) file is cmd's, a
    ``.ps1`` file PowerShell's, whatever its text looks like (a one-line cmd command
    looks like bash, and bash reads ``""`` and ``^"`` otherwise); None: the text tells."""
    return _SUFFIXES.get(os.path.splitext(name)[1].lower()) if name else None


def _quotes_closed(line: str) -> bool:
    """Does ``line`` end outside bash quotes?  (Else its last characters are string text.)"""
    return not bash_quotes(line)[0]


def _first_line(text: str) -> str:
    start = len(text) - len(text.lstrip())
    start = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def _heads(text: str) -> list[str]:
    """The start of each line (where a command name can be), without copying the lines."""
    heads: list[str] = []
    i = text.find("\n")
    while i >= 0 and len(heads) < _MAX_LINES:
        heads.append(text[i + 1 : i + 1 + _HEAD])
        i = text.find("\n", i + 1)
    return heads


def read_command(text: str, source: str, dialect: Dialect | None = None) -> ShellCommand:
    """The curl command in ``text``, read by the shell that wrote it (``dialect``, when
    the caller knows it from the file's name; else as ``detect`` says)."""
    dialect = dialect or detect(text)
    if dialect == "cmd":
        from botkit.curl.cmd_reader import read_cmd

        return read_cmd(text, source)
    if dialect == "powershell":
        from botkit.curl.powershell_reader import read_powershell

        return read_powershell(text, source)
    from botkit.curl.bash_reader import read_bash

    return read_bash(text, source)
