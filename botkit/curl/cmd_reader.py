"""Windows cmd.exe text -> argv, as Chrome's "Copy as cURL (cmd)" writes it.

Two layers read a cmd line, in this order, and so do we:

1. cmd.exe: ``^`` makes the next character literal (``^"`` is a quote that cmd
   itself ignores); ``^`` at the end of a line continues the command, and the
   first character of the next line is taken literally (so ``^`` + two line
   breaks is a line break inside an argument).  An unescaped ``"`` turns cmd's
   own quoting on and off; ``& | < >`` outside it end the command, and so does a
   line break (inside quotes too: cmd has no multi-line strings).
2. The C runtime of curl.exe splits the line into argv: blanks separate,
   ``"`` groups (``""`` inside a group is one ``"``), and backslashes are literal
   except before a ``"`` (2n backslashes + ``"`` -> n and a quote; 2n+1 -> n and a
   literal ``"``).  A quote left open runs to the end of the line, as in cmd.

``%VAR%`` is left as written: that is what an interactive cmd does with a
variable it does not know, and Chrome escapes ``%`` anyway.
"""

from __future__ import annotations

from botkit.curl.words import Locator, ShellCommand, Word

_BLANKS = " \t"


def read_cmd(text: str, source: str) -> ShellCommand:
    locator = Locator(text, source)
    lines = _cmd_layer(text, locator)
    commands = [line for line in lines if "".join(line[0]).strip(_BLANKS)]
    if not commands:
        from botkit.errors import InputError

        raise InputError("no curl command found in the text", source=source)
    if len(commands) > 1:
        chars, offsets = commands[1]
        first = next(k for k, c in enumerate(chars) if c not in _BLANKS)
        raise locator.error(
            "a second command: botkit reads one curl command at a time", offsets[first]
        )
    chars, offsets = commands[0]
    words = _split_argv(chars, offsets, locator)
    return ShellCommand(words=words, dialect="cmd")


def _cmd_layer(text: str, locator: Locator) -> list[tuple[list[str], list[int]]]:
    """What cmd.exe hands to the program, one entry per command line, with source offsets."""
    lines: list[tuple[list[str], list[int]]] = []
    chars: list[str] = []
    offsets: list[int] = []
    quoted_at = -1
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\r":
            i += 1
            continue
        if quoted_at >= 0:
            if c == "\n":  # a line break ends the command, quoted or not
                quoted_at = -1
                lines.append((chars, offsets))
                chars, offsets = [], []
                i += 1
                continue
            if c == '"':
                quoted_at = -1
            chars.append(c)
            offsets.append(i)
            i += 1
            continue
        if c == "^":
            i += 1
            if i < n and text[i] == "\r":
                i += 1
            if i >= n:
                break
            if text[i] == "\n":  # continuation: the next line's first character is literal
                i += 1
                if i < n and text[i] == "\r":
                    i += 1
            if i < n:
                chars.append(text[i])
                offsets.append(i)
                i += 1
            continue
        if c == '"':
            quoted_at = i
        elif c == "\n":
            lines.append((chars, offsets))
            chars, offsets = [], []
            i += 1
            continue
        elif c in "&|<>":
            raise locator.error(f"an unescaped {c} ends the cmd command here; write it as ^{c}", i)
        chars.append(c)
        offsets.append(i)
        i += 1
    lines.append((chars, offsets))
    return lines


def _split_argv(chars: list[str], offsets: list[int], locator: Locator) -> list[Word]:
    """The Microsoft C runtime's rules for splitting a command line into argv."""
    words: list[Word] = []
    i, n = 0, len(chars)
    while i < n:
        while i < n and chars[i] in _BLANKS:
            i += 1
        if i >= n:
            break
        start = offsets[i]
        out: list[str] = []
        quoted = False
        while i < n:
            c = chars[i]
            if c in _BLANKS and not quoted:
                break
            if c == "\\":
                j = i
                while j < n and chars[j] == "\\":
                    j += 1
                count = j - i
                if j < n and chars[j] == '"':
                    out.append("\\" * (count // 2))
                    if count % 2:
                        out.append('"')
                        j += 1
                else:
                    out.append("\\" * count)
                i = j
                continue
            if c == '"':
                if quoted and i + 1 < n and chars[i + 1] == '"':
                    out.append('"')
                    i += 2
                    continue
                quoted = not quoted
                i += 1
                continue
            out.append(c)
            i += 1
        words.append(locator.word("".join(out), start))
    return words
