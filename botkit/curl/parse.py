"""A shell command's argv -> the request curl sends, and warnings for what a component loses.

Two steps, each a module: argv.py reads the options in order and their
recorders (record.py, one per row effect of options.py) fill a ``CurlState``;
build.py applies curl's rules to that state to make the ``Request``.
"""

from __future__ import annotations

import os

from botkit.curl.argv import read_argv
from botkit.curl.build import build_request
from botkit.curl.inputs import Inputs
from botkit.curl.record import Recording
from botkit.curl.report import Report
from botkit.curl.result import CurlRead
from botkit.curl.spans import Sources
from botkit.curl.state import CurlState
from botkit.curl.words import ShellCommand, Word
from botkit.errors import InputError


def parse_command(
    command: ShellCommand,
    *,
    source: str,
    base_dir: str | os.PathLike[str] | None,
    strict: bool,
    root: str | None = None,
) -> CurlRead:
    """The request ``command`` makes curl send, with warnings for what a component lacks.
    ``root``: read ``@file`` only under this folder (see ``Inputs``)."""
    if not command.words:
        raise InputError("no curl command found in the text", source=source)
    report = Report(source, strict)
    for warning in command.warnings:
        report.warn(warning.option, warning.message, Word("", warning.line, warning.column))
    state = CurlState()
    inputs = Inputs(report, base_dir, command.stdin, root, command.files)
    read_argv(command.words[1:], Recording(state, report, inputs))
    first = command.words[0]
    sources = Sources(command.locate)
    request = build_request(state, report, first, sources)
    return CurlRead(
        request,
        report.warnings,
        first.line,
        first.column,
        command.end,
        sources,
        inputs.outside,
    )
