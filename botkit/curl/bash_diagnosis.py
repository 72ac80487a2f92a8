"""Why bash text is not one readable curl command, said so that the user can fix it.

tree-sitter only says "error" (or "missing") at a node; these name what most
often breaks a paste: an unclosed quote or here-document, a backslash followed
by spaces, a command substitution, an unquoted ``&`` in a URL, a line that is
not part of the command, or no curl at all.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from botkit.errors import InputError
from botkit.lazy_re import lazy

if TYPE_CHECKING:
    from tree_sitter import Node

    from botkit.curl.bash_tree import ParsedBash

BACKSLASH_BLANKS = lazy(r"(?<!\\)\\[ \t]+$", re.M)  # for a command ending in "\\"


def check_ampersand(parsed: ParsedBash, node: Node) -> None:
    """``curl http://x?a=1&b=2`` unquoted: bash cuts the URL at ``&``; say so plainly."""
    at = parsed.start(node)
    before = parsed.text[at - 1] if at > 0 else " "
    after = parsed.text[at + 1] if at + 1 < len(parsed.text) else " "
    if not before.isspace() and not after.isspace() and after != "&":
        raise parsed.error(
            "an unquoted & ends the command here (bash runs it in the background); "
            "put the URL in single quotes",
            at,
        )


def second_command(parsed: ParsedBash, node: Node) -> InputError:
    at = parsed.start(node)
    if parsed.text.startswith("-", at):
        previous = parsed.text[: parsed.text.rfind("\n", 0, at)].split("\n")[-1]
        hint = (
            "the line before ends with '\\' and then spaces, so the backslash escapes a "
            "space instead of continuing the line"
            if previous.rstrip(" \t").endswith("\\") and previous != previous.rstrip()
            else "the line before does not end with a '\\' continuation"
        )
        return parsed.error(f"this line is not part of the curl command: {hint}", at)
    return parsed.error(
        "a second command next to curl: botkit reads a single curl command "
        "(comments, VAR=value lines and '| jq' after curl are fine)",
        at,
    )


def no_curl(parsed: ParsedBash, others: list[Node]) -> InputError:
    if not others:
        return InputError("no curl command found in the text", source=parsed.source)
    first = others[0]
    name = first.child_by_field_name("name") if first.type == "command" else None
    shown = parsed.text[parsed.start(name) : parsed.end(name)] if name else first.type
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return parsed.error(f"no curl command found (the text runs {shown!r})", first)


def syntax_error(parsed: ParsedBash, root: Node) -> InputError:
    node = _first_error(root)
    at = parsed.start(node)
    if node.is_missing and node.type == "heredoc_end":
        redirect = node.parent if node.parent is not None else node
        return parsed.error("this here-document never reaches its end line", redirect)
    if node.is_missing:
        parent = node.parent
        opened = parsed.start(parent) if parent is not None else at
        what = {'"': 'double quote (")', "'": "single quote (')"}.get(node.type, node.type)
        return parsed.error(f"unclosed {what}: the text ends before it is closed", opened)
    dangling = BACKSLASH_BLANKS().search(parsed.text)
    if dangling is not None:
        return parsed.error(
            "this line ends with '\\' and then spaces: the backslash escapes a space "
            "instead of continuing the line; delete the spaces after it",
            dangling.start(),
        )
    snippet = parsed.text[at : at + 2]
    if snippet.startswith("'"):
        return parsed.error("unclosed single quote (') that starts here", at)
    if snippet.startswith('"'):
        return parsed.error('unclosed double quote (") that starts here', at)
    if snippet == "$'":
        return parsed.error("unclosed $'...' string that starts here", at)
    trouble = _first_trouble(parsed.text)
    if trouble is not None:
        message, where = trouble
        return parsed.error(message, where)
    shown = parsed.text[at : at + 20].split("\n")[0]
    return parsed.error(f"bash cannot parse the text here ({shown!r})", at)


def _first_error(root: Node) -> Node:
    """The first ERROR or MISSING node in document order."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            return node
        stack.extend(c for c in reversed(node.children) if c.has_error or c.is_missing)
    return root


def _first_trouble(text: str) -> tuple[str, int] | None:
    """A cheap scan for what most often breaks a paste (a quote left open, a command
    substitution), to name it when the grammar only says "error"."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
        elif c == "#" and (i == 0 or text[i - 1] in " \t\n"):
            nl = text.find("\n", i)
            i = n if nl < 0 else nl
        elif c == "'":
            close = text.find("'", i + 1)
            if close < 0:
                return "unclosed single quote (') that starts here", i
            i = close + 1
        elif text.startswith("$(", i) or c == "`":
            return "a command substitution runs a command, and botkit does not run anything", i
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                if text.startswith("$(", j) or text[j] == "`":
                    return (
                        "a command substitution runs a command, and botkit does not run anything",
                        j,
                    )
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                return 'unclosed double quote (") that starts here', i
            i = j + 1
        else:
            i += 1
    return None
