"""cURL text in, Request out: what bash (or cmd, or PowerShell) and curl would send.

``read_curl`` is the one entry point: the shell dialect is detected, the text is
split into argv with positions (bash_reader.py, cmd_reader.py,
powershell_reader.py), and curl's option table (options.py) drives parse.py to a
``Request``: argv.py hands each option to its recorder (record.py), which fills a
state; build.py applies curl's rules to it.  Malformed input
raises ``InputError`` with line and column; anything that changes the request
but has no place in a component comes back as a ``CurlWarning``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from botkit.curl.result import CurlRead, CurlWarning
from botkit.errors import InputError

if TYPE_CHECKING:
    from botkit.curl.dialect import Dialect

__all__ = ["CurlRead", "CurlWarning", "read_curl", "read_curl_script"]


def read_curl(
    text: str,
    *,
    source: str = "<stdin>",
    base_dir: str | os.PathLike[str] | None = None,
    strict: bool = False,
    root: str | None = None,
    dialect: Dialect | None = None,
) -> CurlRead:
    """Read one curl command the way its shell and curl would.

    ``base_dir`` is where ``@file`` references are read from (default: the current
    directory); ``strict`` turns every warning into an InputError; ``root`` limits
    the files read to that folder (lint: the repository; the others are listed in
    ``CurlRead.outside``, never opened); ``dialect`` names the shell when the file's
    name says it (``.cmd``, ``.ps1``), else the text tells.
    """
    from botkit.curl.dialect import read_command
    from botkit.curl.parse import parse_command

    _check_text(text, source)
    command = read_command(text, source, dialect)
    return parse_command(command, source=source, base_dir=base_dir, strict=strict, root=root)


def read_curl_script(
    text: str,
    *,
    source: str = "<stdin>",
    base_dir: str | os.PathLike[str] | None = None,
    strict: bool = False,
    root: str | None = None,
    dialect: Dialect | None = None,
) -> list[CurlRead]:
    """Every curl command of a bash script (such as a ``botkit recipe``), in order.

    Commands other than curl are passed over; variables set by the script apply to
    the commands after them.  Text in another shell's dialect holds one command.
    """
    from botkit.curl.bash_reader import read_bash_script
    from botkit.curl.dialect import detect
    from botkit.curl.parse import parse_command

    _check_text(text, source)
    dialect = dialect or detect(text)
    if dialect != "bash":
        one = read_curl(
            text, source=source, base_dir=base_dir, strict=strict, root=root, dialect=dialect
        )
        return [one]
    return [
        parse_command(command, source=source, base_dir=base_dir, strict=strict, root=root)
        for command in read_bash_script(text, source)
    ]


def _check_text(text: str, source: str) -> None:
    """Binary data and broken Unicode are not shell text: say so before parsing."""
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise InputError(
            "this is binary data (it holds a NUL byte), not a cURL command",
            source=source,
            line=line,
            column=column,
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        column = exc.start - (text.rfind("\n", 0, exc.start) + 1) + 1
        raise InputError(
            "the text holds a broken Unicode character", source=source, line=line, column=column
        ) from None
    if not text.strip():
        raise InputError("no curl command found (the text is empty)", source=source)
