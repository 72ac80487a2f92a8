"""What a bash command reads on standard input (``@-``): its redirections, read as bash does.

``<<EOF`` (expanded), ``<<'EOF'`` (literal), ``<<-`` (leading tabs dropped),
``<<< word`` (the word and a newline), ``< file``, and ``|`` (a pipe botkit does
not run).  The last one wins, as in bash.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from botkit.curl.expand import Expander
from botkit.curl.words import Stdin

if TYPE_CHECKING:
    from tree_sitter import Node

    from botkit.curl.bash_tree import ParsedBash

REDIRECTS = ("file_redirect", "heredoc_redirect", "herestring_redirect")


def stdin_of(
    parsed: ParsedBash, redirects: list[Node], expander: Expander, piped: bool
) -> Stdin | None:
    """What the command's standard input holds: a pipe, a here-document or -string, a file."""
    stdin: Stdin | None = None
    if piped:
        stdin = Stdin("pipe", "", 0, 0)
    for node in redirects:
        if node.type == "heredoc_redirect":
            stdin = _heredoc(parsed, node, expander)
        elif node.type == "herestring_redirect":
            value = node.named_children[-1]
            text, pieces = expander.word_pieces(parsed.start(value), parsed.end(value))
            at = parsed.locator.at(parsed.start(node))
            stdin = Stdin("text", text + "\n", *at, pieces)
        elif node.type == "file_redirect" and _redirect_operator(parsed, node) in ("<", "0<"):
            target = node.child_by_field_name("destination") or node.named_children[-1]
            name = expander.word(parsed.start(target), parsed.end(target))
            stdin = Stdin("file", name, *parsed.locator.at(parsed.start(target)))
    return stdin


def _redirect_operator(parsed: ParsedBash, node: Node) -> str:
    ops = [c.type for c in node.children if not c.is_named]
    descriptor = node.child_by_field_name("descriptor")
    prefix = parsed.text[parsed.start(descriptor) : parsed.end(descriptor)] if descriptor else ""
    return prefix + (ops[0] if ops else "")


def _heredoc(parsed: ParsedBash, node: Node, expander: Expander) -> Stdin:
    start_node = next((c for c in node.children if c.type == "heredoc_start"), None)
    end_node = next((c for c in node.children if c.type == "heredoc_end"), None)
    body_node = next((c for c in node.children if c.type == "heredoc_body"), None)
    line, column = parsed.locator.at(parsed.start(node))
    if start_node is None or end_node is None or end_node.is_missing:
        raise parsed.error("this here-document never reaches its end line", node)
    raw_delimiter = parsed.text[parsed.start(start_node) : parsed.end(start_node)]
    quoted = any(q in raw_delimiter for q in "'\"\\")
    strip_tabs = any(c.type == "<<-" for c in node.children)
    end_line = parsed.start(end_node)
    end_line = parsed.text.rfind("\n", 0, end_line) + 1
    if body_node is None:
        return Stdin("text", "", line, column)
    body_start = parsed.text.rfind("\n", 0, parsed.start(body_node)) + 1
    raw = parsed.text[body_start:end_line]
    if strip_tabs:
        raw = "".join(part.lstrip("\t") for part in raw.splitlines(keepends=True))
    if quoted:
        verbatim = None if strip_tabs else ((0, body_start, end_line, True),)
        return Stdin("text", raw, line, column, verbatim)
    if strip_tabs:
        sub = Expander(
            raw, parsed.locator, expander.variables, expander.warnings, lambda i: body_start
        )
        return Stdin("text", sub.heredoc(0, len(raw)), line, column)
    text, pieces = expander.heredoc_pieces(body_start, end_line)
    return Stdin("text", text, line, column, pieces)
