"""Bash text as people paste it -> the argv of its curl command(s), with positions.

Before the tree is walked (bash_tree.py, a window at a time: bash_windows.py) the
text is read the way a terminal would take it: Windows line ends, a final ``\\``
continuation, and a leading ``$ `` (or ``% ``) prompt with the output that follows it.
"""

from __future__ import annotations

from botkit.curl.bash_diagnosis import BACKSLASH_BLANKS
from botkit.curl.bash_modes import one_command
from botkit.curl.bash_tree import ParsedBash
from botkit.curl.bash_windows import script_commands, single_command
from botkit.curl.words import ShellCommand, bash_quotes
from botkit.lazy_re import lazy

_PROMPT = lazy(r"[ \t]*([$%])[ \t]+(?=\S)")  # compiled for a line that starts with $ or %
_PROMPT_LINES = 500  # how far to look for the end of a prompted command


def read_bash(text: str, source: str) -> ShellCommand:
    """The one curl command in bash ``text``; InputError (with line:column) otherwise."""
    text = _normalize_newlines(text)
    text = _drop_final_continuation(text)
    text, prompted = _strip_prompt(text)
    if not prompted:
        return single_command(text, source)
    return one_command(_only_first_statement(ParsedBash(text, source)))


def read_bash_script(text: str, source: str) -> list[ShellCommand]:
    """Every curl command of a bash script, in order, each with the variables set before it.

    Other commands (``set -e``, ``echo``...) run nothing botkit needs and are passed over.
    """
    text = _drop_final_continuation(_normalize_newlines(text))
    return script_commands(text, source)


def _normalize_newlines(text: str) -> str:
    """A file saved with Windows line ends is read as if it had Unix ones.

    Every line must end with CR LF, and at least one of them must end a line of the
    command (the text's last line, or outside quotes): ``curl a 'x<CR><LF>y'`` is one
    line holding a quoted CR LF, which bash passes on as it is."""
    if "\r\n" not in text or text.count("\r\n") != text.count("\n"):
        return text
    if text.rstrip(" \t").endswith("\r\n") or _line_end_outside_quotes(text):
        return text.replace("\r\n", "\n")
    return text


def _line_end_outside_quotes(text: str) -> bool:
    """Does a line end outside single and double quotes (a rough reading, as bash would)?"""
    return bash_quotes(text)[1]


def _drop_final_continuation(text: str) -> str:
    """``curl x \\`` at the very end: bash -c reads the continuation as the end, so do we."""
    stripped = text.rstrip()
    backslashes = len(stripped) - len(stripped.rstrip("\\"))
    if backslashes % 2 == 1 and BACKSLASH_BLANKS().search(text) is None:
        return stripped[:-1] + "\n"
    return text


def _strip_prompt(text: str) -> tuple[str, bool]:
    """Blank a terminal prompt (``$ `` or ``% ``) before the first command, and the ``> ``
    continuation prompts bash shows after a line that ends with ``\\``; positions stay."""
    lines = text.split("\n")
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return text, False
    if lines[first].lstrip(" \t")[:1] not in ("$", "%"):
        return text, False
    m = _PROMPT().match(lines[first])
    if m is None:
        return text, False
    line = lines[first]
    lines[first] = line[: m.start(1)] + " " + line[m.end(1) :]
    k = first
    while lines[k].endswith("\\") and k + 1 < len(lines) and lines[k + 1].startswith("> "):
        lines[k + 1] = "  " + lines[k + 1][2:]
        k += 1
    return "\n".join(lines), True


def _only_first_statement(parsed: ParsedBash) -> ParsedBash:
    """After a prompt, the command ends where its statement ends; the rest is output.

    The output may not even parse (``{"a": "it's"}``), so when the whole text has
    errors we cut it after the first line that closes a complete command.
    """
    root = parsed.tree.root_node
    statements = [c for c in root.named_children if c.type != "comment"]
    if not root.has_error:
        if len(statements) < 2:
            return parsed
        line_end = parsed.text.find("\n", parsed.end(statements[0]))
        return ParsedBash(parsed.text[: line_end + 1], parsed.source) if line_end >= 0 else parsed
    lines = parsed.text.split("\n")
    cut = 0
    for line in lines[:_PROMPT_LINES]:
        cut += len(line) + 1
        if line.endswith("\\") or not line.strip():
            continue
        candidate = ParsedBash(parsed.text[:cut], parsed.source)
        if not candidate.tree.root_node.has_error:
            return candidate
    return parsed
