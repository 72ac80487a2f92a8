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
    parsed: ParsedBash,
    redirects: list[Node],
    expander: Expander,
    piped: bool,
    feeder: Node | None = None,
) -> Stdin | None:
    """What the command's standard input holds: a pipe, a here-document or -string, a file.
    A pipe from a ``printf`` of literal words (``feeder``) holds what that printf prints."""
    stdin: Stdin | None = None
    if piped:
        stdin = Stdin("pipe", "", 0, 0)
        printed = printf_output(parsed, feeder, expander) if feeder is not None else None
        if feeder is not None and printed is not None:
            stdin = Stdin("text", printed, *parsed.locator.at(parsed.start(feeder)))
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


# --- printf of literal words, the one command botkit "runs" -------------------------------


def _dynamic(raw: str) -> bool:
    """Could this word's value depend on the shell (a ``$`` expansion, a backtick or
    process substitution outside single quotes)?  ``'...'`` and ``$'...'`` are literal."""
    i, n = 0, len(raw)
    double = False
    while i < n:
        c = raw[i]
        if c == "\\":
            i += 2
            continue
        if not double and c == "'":
            i = raw.find("'", i + 1)
            if i < 0:
                return True
        elif not double and raw.startswith("$'", i):
            i += 2
            while i < n and raw[i] != "'":
                i += 2 if raw[i] == "\\" else 1
        elif c == '"':
            double = not double
        elif c in "$`" or (not double and c in "<>" and raw.startswith("(", i + 1)):
            return True
        i += 1
    return False


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'"}


def printf_output(parsed: ParsedBash, node: Node, expander: Expander) -> str | None:
    """What ``printf FORMAT ARGS...`` prints, when every word is literal and the format
    holds only ``%s``, ``%%`` and the escapes ``\\n \\t \\r \\\\``; else None (botkit
    runs no command whose output it cannot know for sure)."""
    if node.type != "command" or any(c.type in REDIRECTS for c in node.children):
        return None
    name = node.child_by_field_name("name")
    if name is None or parsed.text[parsed.start(name) : parsed.end(name)] != "printf":
        return None
    args = [c for c in node.named_children if c is not name and c.type != "command_name"]
    raw = [parsed.text[parsed.start(a) : parsed.end(a)] for a in args]
    if not args or any(_dynamic(r) for r in raw):
        return None
    words = [expander.word(parsed.start(a), parsed.end(a)) for a in args]
    if words[0] == "--":
        words = words[1:]
    if not words:
        return None
    pieces = _format_pieces(words[0])
    if pieces is None:
        return None
    values = words[1:]
    slots = sum(1 for p in pieces if p is None)
    out: list[str] = []
    while True:
        for piece in pieces:
            out.append(piece if piece is not None else (values.pop(0) if values else ""))
        if not values or not slots:
            return "".join(out)


def _format_pieces(fmt: str) -> list[str | None] | None:
    """The format as literal text and ``None`` for each ``%s``; None if it holds more."""
    pieces: list[str | None] = []
    text: list[str] = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%":
            nxt = fmt[i + 1 : i + 2]
            if nxt == "%":
                text.append("%")
            elif nxt == "s":
                pieces.append("".join(text))
                text = []
                pieces.append(None)
            else:
                return None
            i += 2
            continue
        if c == "\\":
            nxt = fmt[i + 1 : i + 2]
            if nxt not in _ESCAPES:
                return None
            text.append(_ESCAPES[nxt])
            i += 2
            continue
        text.append(c)
        i += 1
    pieces.append("".join(text))
    return pieces
