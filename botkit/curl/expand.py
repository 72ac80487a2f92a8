"""Bash's quote removal and parameter expansion for one word, done the way bash does it.

tree-sitter tells us where each word starts and ends; this module turns the raw
text of a word (``'a'"b $X"c\\ d``) into the string the program receives.  It
knows single quotes, double quotes and their four escapes, ``$'...'`` ANSI-C
strings, backslash-newline continuations, ``$NAME``/``${NAME}`` (and
``${NAME:-default}``) and here-document bodies.  What cannot be known without
running something (``$(...)``, backticks, ``$((...))``) is an error; a variable
the text never sets becomes a ``{{NAME}}`` placeholder with a warning, because
that is what the user meant by it in a bot builder.

A little over 350 lines for one job: the quoting contexts (unquoted, double
quotes, ``$'...'``, here-documents) share one scanner and its escape rules.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from botkit.curl.result import CurlWarning
from botkit.curl.words import Locator, Piece, Pieces
from botkit.errors import InputError
from botkit.lazy_re import lazy

# For $NAME, ${NAME...} and {1..3}: compiled when a word first holds one (botkit.lazy_re).
_NAME = lazy(r"[A-Za-z_][A-Za-z0-9_]*")
_PARAM = lazy(r"([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=+])(.*))?", re.S)
_SEQUENCE = lazy(r"-?\d+\.\.-?\d+(?:\.\.-?\d+)?|[A-Za-z]\.\.[A-Za-z](?:\.\.-?\d+)?")
_UNQUOTED_SPECIAL = re.compile(r"[\\'\"$`{}, \t\n~]")
# Inside "...", a here-document and $'...': compiled when a word first has one.
_DOUBLE_SPECIAL = lazy(r'[\\"$`]')
_HEREDOC_SPECIAL = lazy(r"[\\$`]")
_ANSI_SPECIAL = lazy(r"[\\']")
_SIMPLE_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "e": "\x1b",
    "E": "\x1b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "?": "?",
}
_SUBSTITUTION = (
    "runs a command, and botkit does not run anything; "
    "replace it with the value, or with a {{variable}}"
)


#: How deep ``${...}`` expansions may nest (real commands nest two or three).
MAX_NESTING = 64


class Expander:
    """Expands words of one text; ``variables`` are the assignments seen so far."""

    def __init__(
        self,
        text: str,
        locator: Locator,
        variables: dict[str, str],
        warnings: list[CurlWarning],
        position: Callable[[int], int] | None = None,
    ) -> None:
        self.text = text
        self.locator = locator
        self.variables = variables
        self.warnings = warnings
        self._position = position or (lambda i: i)
        self._depth = 0

    def _error(self, message: str, i: int) -> InputError:
        return self.locator.error(message, self._position(i))

    # --- the three quoting contexts -------------------------------------------------

    def word(self, start: int, end: int) -> str:
        """The unquoted context: one shell word between ``start`` and ``end``."""
        return "".join(text for text, _, _ in self._scan(start, end, split=False))

    def word_pieces(self, start: int, end: int) -> tuple[str, tuple[Piece, ...]]:
        """``word``, with where each stretch of it was written."""
        [(text, _, pieces)] = self._scan(start, end, split=False)
        return text, pieces

    def words(self, start: int, end: int) -> list[tuple[str, int, tuple[Piece, ...]]]:
        """Several words, split at unquoted blanks as bash does; each with its offset and
        its pieces (where each stretch of its text was written)."""
        return self._scan(start, end, split=True)

    def _scan(
        self, start: int, end: int, *, split: bool
    ) -> list[tuple[str, int, tuple[Piece, ...]]]:
        t = self.text
        found: list[tuple[str, int, tuple[Piece, ...]]] = []
        out = Pieces()
        word_start = -1
        braces: list[list[int]] = []  # [offset of "{", saw an unquoted comma]
        i = start
        while i < end:
            m = _UNQUOTED_SPECIAL.search(t, i, end)
            j = m.start() if m else end
            if j > i:
                word_start = i if word_start < 0 else word_start
                out.add(t[i:j], i, j, True)
            if m is None:
                break
            c = t[j]
            if c == "~" and j == i and word_start < 0:
                # bash's tilde expansion: an unquoted ~ opening a word, alone or before /
                after = t[j + 1] if j + 1 < end else ""
                if after in ("", "/", " ", "\t", "\n"):
                    word_start = j
                    out.add(_home(), j, j + 1, False)
                    i = j + 1
                    continue
            if c in " \t\n" and split:
                if word_start >= 0:
                    found.append(out.word(word_start))
                out, word_start, braces = Pieces(), -1, []
                i = j + 1
                continue
            if c == "\\" and j + 1 < end and t[j + 1] == "\n":
                i = j + 2  # a line continuation: nothing at all
                continue
            word_start = j if word_start < 0 else word_start
            if c == "\\":
                if j + 1 < end:
                    out.add(t[j + 1], j, j + 2, False)
                else:
                    out.add("\\", j, j + 1, True)
                i = j + 2
            elif c == "'":
                close = t.find("'", j + 1, end)
                if close < 0:
                    raise self._error("unclosed single quote (') that starts here", j)
                out.add(t[j + 1 : close], j + 1, close, True)
                i = close + 1
            elif c == '"':
                i = self._double(j + 1, end, j, out)
            elif c == "$" and t.startswith("'", j + 1):
                _, i = self._ansi_c(j + 2, end, j, out)
            elif c == "$":
                text, i = self._dollar(j, end, quoted=False)
                out.add(text, j, i, False)
            elif c == "`":
                raise self._error("a `...` command substitution " + _SUBSTITUTION, j)
            else:
                self._brace(c, j, braces)
                out.add(c, j, j + 1, True)
                i = j + 1
        if word_start >= 0 or not split:
            found.append(out.word(word_start if word_start >= 0 else start))
        return found

    def _brace(self, c: str, j: int, braces: list[list[int]]) -> None:
        """Bash expands ``{a,b}`` and ``{1..3}`` into several words; curl would get them all."""
        if c == "{":
            braces.append([j, 0])
        elif c == "," and braces:
            braces[-1][1] = 1
        elif c == "}" and braces:
            opened, comma = braces.pop()
            if comma or _SEQUENCE().fullmatch(self.text, opened + 1, j):
                raise self._error(
                    "bash brace expansion ({...,...}) would turn this into several "
                    "arguments; quote the text",
                    opened,
                )

    def _double(self, i: int, end: int, opened: int, out: Pieces | None = None) -> int:
        """The text of a double-quoted string from ``i`` on, added to ``out``; where
        reading goes on (past the closing quote)."""
        t = self.text
        if out is None:
            out = Pieces()
        special = _DOUBLE_SPECIAL().search
        while True:
            m = special(t, i, end)
            if m is None:
                raise self._error('unclosed double quote (") that starts here', opened)
            j = m.start()
            out.add(t[i:j], i, j, True)
            c = t[j]
            if c == '"':
                return j + 1
            if c == "\\":
                text, i = self._backslash(j, end, '$`"\\')
                out.add(text, j, i, text == "\\")
            elif c == "$":
                text, i = self._dollar(j, end, quoted=True)
                out.add(text, j, i, False)
            else:
                raise self._error("a `...` command substitution " + _SUBSTITUTION, j)

    def _backslash(self, j: int, end: int, escapable: str) -> tuple[str, int]:
        """A backslash in double quotes or a here-document: it removes a newline, escapes
        only ``escapable`` (bash: ``$`"\\`` in quotes, no ``"`` in a here-document) and
        otherwise stays as it is.  Returns the text and where reading goes on."""
        nxt = self.text[j + 1] if j + 1 < end else ""
        if nxt == "\n":
            return "", j + 2
        if nxt and nxt in escapable:
            return nxt, j + 2
        return "\\", j + 1

    def _ansi_c(self, i: int, end: int, opened: int, into: Pieces | None = None) -> tuple[str, int]:
        """``$'...'``: C escapes; ``\\xHH`` gives bytes, so the result must still be UTF-8.
        ``into`` gets the text with where each stretch of it was written."""
        t = self.text
        out: list[str] = []
        pieces = Pieces()
        special = _ANSI_SPECIAL().search
        while True:
            m = special(t, i, end)
            if m is None:
                raise self._error("unclosed $'...' string that starts here", opened)
            j = m.start()
            out.append(t[i:j])
            pieces.add(t[i:j], i, j, True)
            if t[j] == "'":
                i = j + 1
                break
            length = len(out)
            i = self._ansi_escape(j + 1, end, out)
            pieces.add("".join(out[length:]), j, i, False)
        text = "".join(out)
        nul = text.find("\x00")
        if nul >= 0:  # bash strings end at a NUL byte
            text = text[:nul]
        try:
            text = text.encode("utf-8", "surrogateescape").decode("utf-8")
        except UnicodeError:
            raise self._error(
                "this $'...' string makes bytes that are not UTF-8 text", opened
            ) from None
        if into is not None:
            if text == pieces.text():
                into.extend(pieces)
            else:  # bytes joined into characters, or cut at a NUL: one stretch
                into.add(text, opened, i, False)
        return text, i

    def _ansi_escape(self, i: int, end: int, out: list[str]) -> int:
        """Decode the escape after a backslash at ``i - 1``; return where reading goes on."""
        t = self.text
        if i >= end:
            out.append("\\")
            return i
        c = t[i]
        if c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
            return i + 1
        if c in "01234567":
            digits = _take(t, i, end, "01234567", 3)
            out.append(_byte(int(digits, 8) & 0xFF))
            return i + len(digits)
        if c in "xuU":
            limit = {"x": 2, "u": 4, "U": 8}[c]
            digits = _take(t, i + 1, end, "0123456789abcdefABCDEF", limit)
            if not digits:
                out.append("\\" + c)
                return i + 1
            value = int(digits, 16)
            if c == "x":
                out.append(_byte(value))
            elif value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
                raise self._error(f"\\{c}{digits} is not a Unicode character", i - 1)
            else:
                out.append(chr(value))
            return i + 1 + len(digits)
        if c == "c" and i + 1 < end:
            out.append(chr(ord(t[i + 1]) & 0x1F))
            return i + 2
        out.append("\\" + c)
        return i + 1

    # --- expansions ----------------------------------------------------------------------

    def _dollar(self, i: int, end: int, *, quoted: bool) -> tuple[str, int]:
        # ${a:-${a:-...}} recurses once a level: bounded early, so deep input is one
        # clear error in linear time, never a RecursionError after seconds.
        if self._depth >= MAX_NESTING:
            raise self._error(f"expansions nested more than {MAX_NESTING} levels deep", i)
        self._depth += 1
        try:
            return self._dollar_once(i, end, quoted=quoted)
        finally:
            self._depth -= 1

    def _dollar_once(self, i: int, end: int, *, quoted: bool) -> tuple[str, int]:
        t = self.text
        nxt = t[i + 1] if i + 1 < end else ""
        if nxt == "'" and not quoted:
            return self._ansi_c(i + 2, end, i)
        if nxt == '"' and not quoted:  # $"..." is a translated string: the same text here
            inner = Pieces()
            after = self._double(i + 2, end, i, inner)
            return inner.text(), after
        if nxt in ("(", "["):
            kind = "$((...)) arithmetic" if t.startswith("((", i + 1) else "$(...) substitution"
            raise self._error(f"a {kind} " + _SUBSTITUTION, i)
        if nxt == "{":
            close = self._brace_end(i + 2, end, i)
            return self._parameter(i, i + 2, close, quoted), close + 1
        m = _NAME().match(t, i + 1, end)
        if m:
            return self.variable(m.group(), i, quoted=quoted), m.end()
        if nxt and (nxt.isdigit() or nxt in "@*#?$!-"):
            raise self._error(
                f"${nxt} is a shell parameter botkit cannot know; write the value instead", i
            )
        return "$", i + 1

    def _brace_end(self, i: int, end: int, opened: int) -> int:
        t = self.text
        depth = 0
        while i < end:
            c = t[i]
            if c == "\\":
                i += 2
                continue
            if c == "'":
                close = t.find("'", i + 1, end)
                i = (close if close >= 0 else end) + 1
                continue
            if c == "$" and t.startswith("{", i + 1):
                depth += 1
                i += 2
                continue
            if c == "}":
                if depth == 0:
                    return i
                depth -= 1
            i += 1
        raise self._error("unclosed ${...} that starts here", opened)

    def _parameter(self, dollar: int, start: int, close: int, quoted: bool) -> str:
        m = _PARAM().fullmatch(self.text, start, close)
        if m is None:
            raise self._error(
                "this ${...} expansion is beyond what botkit reads (it knows ${NAME} "
                "and ${NAME:-default}); write the value instead",
                dollar,
            )
        name, op = m.group(1), m.group(2)
        if op is None:
            return self.variable(name, dollar, quoted=quoted)
        value = self.variables.get(name)
        unset = value is None or (op.startswith(":") and value == "")
        if op.endswith("+"):
            return self.word(m.start(3), close) if not unset else ""
        if not unset:
            return self._split_check(name, value or "", dollar, quoted)
        default = self.word(m.start(3), close)
        if op.endswith("="):
            self.variables[name] = default
        return default

    def variable(self, name: str, offset: int, *, quoted: bool) -> str:
        if name in self.variables:
            return self._split_check(name, self.variables[name], offset, quoted)
        placeholder = "{{" + name + "}}"
        self.warnings.append(
            self.locator.note(
                "$" + name,
                f"shell variable ${name} is not set in this text; kept as {placeholder}",
                self._position(offset),
            )
        )
        return placeholder

    def _split_check(self, name: str, value: str, offset: int, quoted: bool) -> str:
        if not quoted and any(c in " \t\n" for c in value):
            raise self._error(
                f"${name} is not in double quotes and holds spaces, so bash would split it "
                'into several arguments; write "$' + name + '"',
                offset,
            )
        return value

    # --- here-documents ----------------------------------------------------------------

    def heredoc(self, start: int, end: int) -> str:
        """A heredoc body with an unquoted delimiter: ``$`` expands, ``\\`` escapes ``$`\\`` and
        a line break."""
        return self.heredoc_pieces(start, end)[0]

    def heredoc_pieces(self, start: int, end: int) -> tuple[str, tuple[Piece, ...]]:
        """``heredoc``, with where each stretch of the body was written."""
        t = self.text
        out = Pieces()
        i = start
        special = _HEREDOC_SPECIAL().search
        while i < end:
            m = special(t, i, end)
            if m is None:
                out.add(t[i:end], i, end, True)
                break
            j = m.start()
            out.add(t[i:j], i, j, True)
            c = t[j]
            if c == "\\":
                text, i = self._backslash(j, end, "$`\\")
                out.add(text, j, i, text == "\\")
            elif c == "$":
                text, i = self._dollar(j, end, quoted=True)
                out.add(text, j, i, False)
            else:
                raise self._error("a `...` command substitution " + _SUBSTITUTION, j)
        return out.text(), out.pieces()


def _take(t: str, i: int, end: int, allowed: str, limit: int) -> str:
    j = i
    while j < end and j - i < limit and t[j] in allowed:
        j += 1
    return t[i:j]


def _byte(value: int) -> str:
    """A raw byte inside a str: ASCII as itself, the rest as a surrogate escape."""
    return chr(value) if value < 0x80 else chr(0xDC00 + value)


def _home() -> str:
    """The home folder ``~`` stands for (``$HOME``), without a trailing ``/``."""
    home = os.path.expanduser("~")
    return home.rstrip("/") or home
