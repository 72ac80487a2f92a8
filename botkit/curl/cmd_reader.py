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

Every word keeps where each of its characters was written (``Word.pieces``, as the
bash reader does), so lint can point at a header's value or a body field inside it.
"""

from __future__ import annotations

from botkit.curl.words import Locator, Pieces, ShellCommand, Word

_BLANKS = " \t"

#: One character cmd.exe hands on: itself, the start and end of what wrote it in the
#: text, and whether that is the character itself (``^&`` gives ``&``, not verbatim).
_Char = tuple[str, int, int, bool]


def read_cmd(text: str, source: str) -> ShellCommand:
    locator = Locator(text, source)
    lines = _cmd_layer(text, locator)
    commands = [line for line in lines if "".join(c[0] for c in line).strip(_BLANKS)]
    if not commands:
        from botkit.errors import InputError

        raise InputError("no curl command found in the text", source=source)
    if len(commands) > 1:
        first = next(c for c in commands[1] if c[0] not in _BLANKS)
        raise locator.error("a second command: botkit reads one curl command at a time", first[1])
    words = _split_argv(commands[0], locator)
    return ShellCommand(words=words, dialect="cmd", locate=locator.at)


def _cmd_layer(text: str, locator: Locator) -> list[list[_Char]]:
    """What cmd.exe hands to the program, one entry per command line, with where each
    character was written."""
    lines: list[list[_Char]] = []
    chars: list[_Char] = []
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
                lines.append(chars)
                chars = []
                i += 1
                continue
            if c == '"':
                quoted_at = -1
            chars.append((c, i, i + 1, True))
            i += 1
            continue
        if c == "^":
            caret = i
            i += 1
            if i < n and text[i] == "\r":
                i += 1
            if i >= n:
                break
            if text[i] == "\n":  # continuation: the next line's first character is literal
                i += 1
                if i < n and text[i] == "\r":
                    i += 1
                caret = i  # what wrote it is that character, on its own line
            if i < n:
                chars.append((text[i], caret, i + 1, False))
                i += 1
            continue
        if c == '"':
            quoted_at = i
        elif c == "\n":
            lines.append(chars)
            chars = []
            i += 1
            continue
        elif c in "&|<>":
            raise locator.error(f"an unescaped {c} ends the cmd command here; write it as ^{c}", i)
        chars.append((c, i, i + 1, True))
        i += 1
    lines.append(chars)
    return lines


def _split_argv(chars: list[_Char], locator: Locator) -> list[Word]:
    """The Microsoft C runtime's rules for splitting a command line into argv; each
    word keeps where its characters were written (a character an escape gives, as
    ``\\"`` or ``""`` do, is not verbatim)."""
    words: list[Word] = []
    i, n = 0, len(chars)
    while i < n:
        while i < n and chars[i][0] in _BLANKS:
            i += 1
        if i >= n:
            break
        start = chars[i][1]
        out = Pieces()
        quoted = False
        while i < n:
            c, s, e, verbatim = chars[i]
            if c in _BLANKS and not quoted:
                break
            if c == "\\":
                j = i
                while j < n and chars[j][0] == "\\":
                    j += 1
                count = j - i
                if j < n and chars[j][0] == '"':
                    for k in range(i, i + count // 2 * 2, 2):  # a pair gives one backslash
                        out.add("\\", chars[k][1], chars[k + 1][2], False)
                    if count % 2:
                        out.add('"', chars[j - 1][1], chars[j][2], False)
                        j += 1
                else:
                    for k in range(i, j):
                        out.add("\\", chars[k][1], chars[k][2], chars[k][3])
                i = j
                continue
            if c == '"':
                if quoted and i + 1 < n and chars[i + 1][0] == '"':
                    out.add('"', s, chars[i + 1][2], False)
                    i += 2
                    continue
                quoted = not quoted
                i += 1
                continue
            out.add(c, s, e, verbatim)
            i += 1
        words.append(locator.word(out.text(), start, out.pieces()))
    return words
