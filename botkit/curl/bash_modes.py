"""The two ways of reading bash statements: a script (every curl command) and a snippet
(exactly one curl command, or the one error that says why not).

Both take a window's root statements at a time (bash_windows.py) from a
``ParsedBash`` (bash_tree.py), which finds the commands in a statement and expands
their words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botkit.curl.bash_diagnosis import check_ampersand, no_curl, second_command, syntax_error
from botkit.curl.bash_redirects import stdin_of
from botkit.curl.expand import Expander
from botkit.curl.words import ShellCommand
from botkit.errors import InputError

if TYPE_CHECKING:
    from tree_sitter import Node

    from botkit.curl.bash_tree import ParsedBash


def one_command(parsed: ParsedBash) -> ShellCommand:
    """The one curl command of a whole parsed text (see ``OneCommand``)."""
    root = parsed.tree.root_node
    if root.has_error:
        raise syntax_error(parsed, root)
    one = OneCommand()
    one.take(parsed, root.children)
    return one.result()


def take_commands(
    parsed: ParsedBash,
    children: list[Node],
    variables: dict[str, str],
    commands: list[ShellCommand],
) -> None:
    """Script mode: the curl commands among ``children`` (statements of the tree's
    root, in order); other commands are not errors; assignments set ``variables``."""
    for child in children:
        kind = child.type
        if kind in ("comment", ";", "\n", "&", ";;"):
            continue
        if kind in ("variable_assignment", "variable_assignments", "declaration_command"):
            parsed.assign(child, Expander(parsed.text, parsed.locator, variables, []))
            continue
        found: list[tuple[Node, list[Node], bool]] = []
        others: list[Node] = []
        parsed.collect(child, found, others)
        for other in others:
            if parsed.text.startswith("-", parsed.start(other)):
                raise second_command(parsed, other)  # a broken continuation, not a command
        for node, redirects, piped in found:
            warnings: list[Any] = []
            expander = Expander(parsed.text, parsed.locator, variables, warnings)
            words = parsed.words(node, expander)
            stdin = stdin_of(parsed, redirects, expander, piped, parsed.feeder(node))
            end = parsed.locator.at(max(parsed.end(n) for n in (node, *redirects)))
            commands.append(
                ShellCommand(
                    words, stdin, warnings, "bash", end, parsed.locator.at, parsed.printed_files
                )
            )


class OneCommand:
    """Snippet mode: what the statements say, gathered so that one curl command comes
    out, or the error one whole parse would raise (fed one window at a time or all
    at once).  The first error met while walking wins, then: no curl, a second curl,
    another command, and last what expanding the curl command's words found."""

    def __init__(self) -> None:
        self.variables: dict[str, str] = {}
        self.warnings: list[Any] = []
        self.found = 0
        self.failure: InputError | None = None
        self.command: ShellCommand | None = None
        self.command_error: InputError | None = None
        self.second_curl: InputError | None = None
        self.other: InputError | None = None  # the first command that is not curl
        self.no_curl: InputError | None = None  # what to say if no curl comes

    def take(self, parsed: ParsedBash, children: list[Node]) -> None:
        if self.failure is not None:
            return
        try:
            self._take(parsed, children)
        except InputError as exc:
            self.failure = exc

    def _take(self, parsed: ParsedBash, children: list[Node]) -> None:
        if self.no_curl is None:
            self.no_curl = no_curl(parsed, [])
        expander = Expander(parsed.text, parsed.locator, self.variables, self.warnings)
        for child in children:
            kind = child.type
            if kind in ("comment", ";", "\n", "&", ";;"):
                if kind == "&":
                    check_ampersand(parsed, child)
                continue
            if kind in ("variable_assignment", "variable_assignments", "declaration_command"):
                if not self.found:
                    parsed.assign(child, expander)
                continue
            found: list[tuple[Node, list[Node], bool]] = []  # (command, redirects, piped into)
            others: list[Node] = []
            parsed.collect(child, found, others)
            for node, redirects, piped in found:
                self.found += 1
                if self.found == 1:
                    try:
                        words = parsed.words(node, expander)
                        stdin = stdin_of(parsed, redirects, expander, piped, parsed.feeder(node))
                    except InputError as exc:
                        self.command_error = exc
                    else:
                        self.command = ShellCommand(
                            words,
                            stdin,
                            self.warnings,
                            "bash",
                            locate=parsed.locator.at,
                            files=parsed.printed_files,
                        )
                elif self.found == 2:
                    self.second_curl = parsed.error(
                        "a second curl command: botkit reads one command at a time", node
                    )
            if others and self.other is None:
                self.other = second_command(parsed, others[0])
                self.no_curl = no_curl(parsed, others[:1])

    def result(self) -> ShellCommand:
        if self.failure is not None:
            raise self.failure
        if not self.found:
            assert self.no_curl is not None
            raise self.no_curl
        for error in (self.second_curl, self.other, self.command_error):
            if error is not None:
                raise error
        assert self.command is not None
        return self.command
