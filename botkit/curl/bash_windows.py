"""Long bash text parsed one window of statements at a time, in bounded memory.

tree-sitter holds about 150 bytes of tree per character, so a script of a million
lines took 700 MB as one tree.  Bash itself reads a script one complete command at
a time, so a statement that ends before a window does is the statement bash runs;
the last statement of a window may go on past its end (a quote, a here-document)
and is parsed again at the start of the next window.  A window that does not parse,
or holds a single statement, grows until it does or reaches the end of the text.
Each character is parsed a bounded number of times; memory is one window's tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from botkit.curl.bash_diagnosis import no_curl, syntax_error
from botkit.curl.bash_modes import OneCommand, take_commands
from botkit.curl.bash_tree import ParsedBash, structure_bytes
from botkit.curl.words import Locator, ShellCommand

if TYPE_CHECKING:
    from tree_sitter import Node

WINDOW = 1 << 16  # characters parsed at once (about 10 MB of tree)


def script_commands(text: str, source: str) -> list[ShellCommand]:
    """Every curl command of a script, each with the variables set before it."""
    variables: dict[str, str] = {}
    commands: list[ShellCommand] = []
    parsed = None
    for parsed, children in windows(text, source):
        take_commands(parsed, children, variables, commands)
    if not commands:
        assert parsed is not None
        raise no_curl(parsed, [])
    return commands


def single_command(text: str, source: str) -> ShellCommand:
    """The one curl command of ``text``, or the error one whole parse would give."""
    one = OneCommand()
    for parsed, children in windows(text, source):
        one.take(parsed, children)
    return one.result()


def windows(text: str, source: str) -> Iterator[tuple[ParsedBash, list[Node]]]:
    """The root statements of ``text``, window by window, each with its parsed window.

    Raises the syntax error of the text when the last window (the rest of the text)
    does not parse; an earlier window that does not parse only grows.
    """
    structure = structure_bytes(text)
    locator = Locator(text, source)
    at, size = 0, WINDOW
    while True:
        stop = _cut(text, at + size)
        parsed = ParsedBash(text, source, structure=structure, locator=locator, start=at, stop=stop)
        root = parsed.tree.root_node
        if stop >= len(text):
            if root.has_error:
                raise syntax_error(parsed, root)
            yield parsed, root.children
            return
        statements = _complete_statements(root)
        if not statements:
            size *= 2
            continue
        resume = parsed.start(statements[-1])
        yield parsed, [c for c in root.children if parsed.end(c) <= resume]
        at, size = resume, WINDOW


def _complete_statements(root: Node) -> list[Node]:
    """The statements of a window that the cut cannot have changed, and the one after
    them, where the next window starts (an empty list: the window must grow).

    The last statement may go on past the cut.  Where the window does not parse,
    the cut may have broken the statement with the error or the one before it
    (``-d '`` cut inside the quotes reads as ``-d`` and then an error), so both
    are read again.
    """
    statements: list[Node] = []
    for child in root.named_children:
        if child.has_error or child.is_missing or child.is_error:
            statements = statements[:-1]
            break
        statements.append(child)  # comments too: a window of them must not grow
    return statements if len(statements) >= 2 else []


def _cut(text: str, at: int) -> int:
    """Where a window reaching ``at`` ends: after the first line end from ``at`` on
    that is not a ``\\`` continuation (so most cuts fall between statements)."""
    while True:
        newline = text.find("\n", at)
        if newline < 0:
            return len(text)
        if newline == 0 or text[newline - 1] != "\\":
            return newline + 1
        at = newline + 1
