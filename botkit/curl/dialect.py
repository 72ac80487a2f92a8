"""Which shell wrote the text: bash (and zsh), Windows cmd, or PowerShell.

Users do not say, so we look at what each one leaves behind: cmd's ``^"`` and
``^`` line ends (Chrome's "Copy as cURL (cmd)"), PowerShell's backtick line
ends, its ``PS C:\\>`` prompt, ``curl.exe`` and its web cmdlets.  Everything else
is read as bash, which is what macOS and Linux terminals and every doc site use.
"""

from __future__ import annotations

import re
from typing import Literal

from botkit.curl.words import ShellCommand

Dialect = Literal["bash", "cmd", "powershell"]

_CMD_CONTINUATION = re.compile(r"[ \t]\^\r?$", re.M)
_CMD_START = re.compile(r"\A\s*curl(?:\.exe)?\s+\^\"", re.I)
_PS_CONTINUATION = re.compile(r"[ \t]`\r?$", re.M)
_PS_START = re.compile(
    r"^[ \t]*(?:PS [^>\n]*>[ \t]*)?(?:&[ \t]*)?(?:curl\.exe\b|invoke-webrequest\b"
    r"|invoke-restmethod\b|iwr\b|irm\b)|\$env:\w",
    re.I | re.M,
)


def detect(text: str) -> Dialect:
    if _CMD_START.match(text) or _CMD_CONTINUATION.search(text):
        return "cmd"
    if _PS_CONTINUATION.search(text) or _PS_START.search(text):
        return "powershell"
    return "bash"


def read_command(text: str, source: str) -> ShellCommand:
    """The curl command in ``text``, read by the shell that wrote it."""
    dialect = detect(text)
    if dialect == "cmd":
        from botkit.curl.cmd import read_cmd

        return read_cmd(text, source)
    if dialect == "powershell":
        from botkit.curl.powershell import read_powershell

        return read_powershell(text, source)
    from botkit.curl.tokenize import read_bash

    return read_bash(text, source)
