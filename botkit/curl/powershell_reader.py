"""PowerShell text -> argv of ``curl.exe``, as PowerShell 7.3+ passes it to a native program.

PowerShell's own rules: a backtick at the end of a line continues it;
``'...'`` is literal with ``''`` for one quote; ``"..."`` knows backtick escapes
(`` `n``, `` `t``, `` `" ``...), ``""`` for one quote and ``$variables``; outside
quotes a backtick makes the next character literal.  Here-strings (``@'`` or ``@"``
ending a line, up to a line starting ``'@`` or ``"@``) hold the lines between, the
``@"`` kind with escapes and variables.  ``$env:NAME`` and ``$name``
that the text does not set become ``{{NAME}}`` placeholders with a warning.
PowerShell before 7.3 mangles ``"`` inside arguments to native programs; when an
argument holds one we say which reading we chose.  Every word keeps where each
stretch of its text was written (``Word.pieces``, as the bash reader does).
"""

from __future__ import annotations

import re

from botkit.curl.result import CurlWarning
from botkit.curl.words import Locator, Pieces, ShellCommand, Word, one_line

_BLANKS = " \t"
_SINGLE = "'\u2018\u2019\u201a\u201b"
_DOUBLE = '"\u201c\u201d\u201e'
_ESCAPES = {
    "0": "\x00",
    "a": "\a",
    "b": "\b",
    "e": "\x1b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
}
_HERE = re.compile(f"@([{_SINGLE}{_DOUBLE}])[ \t]*\r?\n")
_CHAR_CODE = re.compile(r"\$\(\[char\][ \t]*(\d{1,7})[ \t]*\)", re.I)
_VARIABLE = re.compile(r"\$(?:(env):)?([A-Za-z_][A-Za-z0-9_]*)|\$\{(?:(env):)?([^}]+)\}", re.I)
_ASSIGNMENT = re.compile(r"\s*\$(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*", re.I)
_PROMPT = re.compile(r"[ \t]*PS [^>\n]*> ?")
_WEB_CMDLETS = ("invoke-webrequest", "invoke-restmethod", "iwr", "irm")


class _Statement:
    def __init__(self) -> None:
        self.words: list[Word] = []
        self.piped = False


class _PowerShellScanner:
    """PowerShell text -> statements of words: its quoting, escapes and variables."""

    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.locator = Locator(text, source)
        self.variables: dict[str, str] = {}
        self.warnings: list[CurlWarning] = []

    def error(self, message: str, at: int) -> Exception:
        return self.locator.error(message, at)

    def statements(self) -> list[_Statement]:
        t, n = self.text, len(self.text)
        out: list[_Statement] = []
        current = _Statement()
        i = 0
        while i < n:
            c = t[i]
            if c in _BLANKS or c == "\r":
                i += 1
            elif c == "`" and t[i + 1 : i + 2] in ("\n", "\r"):
                i += 2 if t[i + 1] == "\n" else 3
            elif c in "\n;":
                out.append(current)
                current = _Statement()
                i += 1
            elif c == "#":
                end = t.find("\n", i)
                i = n if end < 0 else end
            elif c == "|":
                current.piped = True  # what follows only reads curl's output
                end = t.find("\n", i)
                i = n if end < 0 else end
            elif not current.words and (m := _ASSIGNMENT.match(t, i)):
                name = m.group(1)
                word, i = self._token(m.end())
                self.variables[name] = word.text
            else:
                word, after = self._token(i)
                if after == i:  # a lone backtick at the very end: nothing more to read
                    i += 1
                    continue
                current.words.append(word)
                i = after
        out.append(current)
        return [s for s in out if s.words]

    def _token(self, i: int) -> tuple[Word, int]:
        t, n = self.text, len(self.text)
        start = i
        out = Pieces()
        while i < n:
            c = t[i]
            if c in _BLANKS or c in "\r\n;|":
                break
            if c == "`":
                if i + 1 >= n or t[i + 1] in "\r\n":
                    break
                out.add(t[i + 1], i, i + 2, False)
                i += 2
            elif c in _SINGLE:
                i = self._single(i, out)
            elif c in _DOUBLE:
                i = self._double(i, out)
            elif c == "$":
                i = self._dollar(i, out)
            elif i == start and c == "@" and _HERE.match(t, i):
                i = self._here(i, out)
            elif i == start and c in "(){}@" and t[i : i + 2] not in ("@-", "@.", "@/"):
                raise self.error(
                    f"a PowerShell expression starting with {c!r} is beyond what botkit reads; "
                    "quote the value",
                    i,
                )
            else:
                out.add(c, i, i + 1, True)
                i += 1
        text, pieces = out.text(), out.pieces()
        nul = text.find("\x00")
        if nul >= 0:  # a native program gets C strings: an argument ends at a NUL (`0)
            text, pieces = text[:nul], tuple(p for p in pieces if p[0] < nul)
        return self.locator.word(text, start, pieces), i

    def _single(self, i: int, out: Pieces) -> int:
        t, n = self.text, len(self.text)
        opened = i
        i += 1
        while i < n:
            if t[i] in _SINGLE:
                if i + 1 < n and t[i + 1] in _SINGLE:
                    out.add("'", i, i + 2, False)
                    i += 2
                    continue
                return i + 1
            out.add(t[i], i, i + 1, True)
            i += 1
        raise self.error("unclosed single quote (') that starts here", opened)

    def _double(self, i: int, out: Pieces) -> int:
        end = self._expand(i + 1, len(self.text), out, quoted=True)
        if end is None:
            raise self.error('unclosed double quote (") that starts here', i)
        return end

    def _here(self, i: int, out: Pieces) -> int:
        """A here-string: ``@'`` (or ``@"``) ending a line, up to a line that starts with
        ``'@`` (``"@``); the lines between, as they are (or with escapes and variables).
        Their line ends are the file's, as PowerShell keeps them."""
        t, n = self.text, len(self.text)
        opener = _HERE.match(t, i)
        assert opener is not None
        expandable = opener.group(1) in _DOUBLE
        quotes = _DOUBLE if expandable else _SINGLE
        body = line = opener.end()
        while not (line < n and t[line] in quotes and t.startswith("@", line + 1)):
            end = t.find("\n", line)
            if end < 0:
                raise self.error("unclosed here-string (@' or @\") that starts here", i)
            line = end + 1
        stop = max(body, line - 1)  # the line break before the closing line is not in it
        if stop > body and t[stop - 1] == "\r":
            stop -= 1
        if expandable:
            self._expand(body, stop, out, quoted=False)
        else:
            out.add(t[body:stop], body, stop, True)
        return line + 2

    def _expand(self, i: int, stop: int, out: Pieces, *, quoted: bool) -> int | None:
        """Backtick escapes and ``$variables`` from ``i`` to ``stop``: in a "..." string
        (``quoted``), up to its closing quote (the index after it; None when there is
        none), ``""`` being one quote; in a here-string, quotes are text."""
        t = self.text
        while i < stop:
            c = t[i]
            if quoted and c in _DOUBLE:
                if i + 1 < stop and t[i + 1] in _DOUBLE:
                    out.add('"', i, i + 2, False)
                    i += 2
                    continue
                return i + 1
            if c == "`" and i + 1 < stop:
                nxt = t[i + 1]
                if nxt == "u" and t.startswith("{", i + 2):
                    close = t.find("}", i + 3)
                    code = t[i + 3 : close] if close > 0 else ""
                    if not re.fullmatch(r"[0-9A-Fa-f]{1,6}", code) or int(code, 16) > 0x10FFFF:
                        raise self.error("a `u{...} escape needs a hexadecimal code point", i)
                    out.add(chr(int(code, 16)), i, close + 1, False)
                    i = close + 1
                    continue
                out.add(_ESCAPES.get(nxt, nxt), i, i + 2, False)
                i += 2
                continue
            if c == "$":
                i = self._dollar(i, out)
                continue
            out.add(c, i, i + 1, True)
            i += 1
        return None if quoted else i

    def _dollar(self, i: int, out: Pieces) -> int:
        t = self.text
        char = _CHAR_CODE.match(t, i)
        if char is not None and int(char.group(1)) <= 0xFFFF:
            # Chrome's "Copy as PowerShell" writes a non-ASCII character as $([char]243), a
            # constant, not code that has to run; one UTF-16 unit each, so an emoji is two
            code = int(char.group(1))
            low = _CHAR_CODE.match(t, char.end())
            if 0xD800 <= code < 0xDC00 and low and 0xDC00 <= int(low.group(1)) < 0xE000:
                code = 0x10000 + ((code - 0xD800) << 10) + (int(low.group(1)) - 0xDC00)
                char = low
            elif 0xD800 <= code < 0xE000:
                raise self.error(f"$([char]{code}) is half of a character (a lone surrogate)", i)
            out.add(chr(code), i, char.end(), False)
            return char.end()
        if t.startswith("$(", i) or t.startswith("@(", i):
            raise self.error(
                "a $(...) subexpression runs code, and botkit does not run anything; "
                "replace it with the value, or with a {{variable}}",
                i,
            )
        m = _VARIABLE.match(t, i)
        if m is None:
            out.add("$", i, i + 1, True)
            return i + 1
        name = m.group(2) or m.group(4)
        if name in self.variables:
            out.add(self.variables[name], i, m.end(), False)
        else:
            shown = m.group()
            placeholder = "{{" + name + "}}"
            out.add(placeholder, i, m.end(), False)
            self.warnings.append(
                self.locator.note(
                    shown,
                    f"PowerShell variable {shown} is not set in this text; kept as {placeholder}",
                    i,
                )
            )
        return m.end()


def read_powershell(text: str, source: str) -> ShellCommand:
    text = _PROMPT.sub(lambda m: " " * len(m.group()), text, count=1)
    reader = _PowerShellScanner(text, source)
    statements = reader.statements()
    if not statements:
        from botkit.errors import InputError

        raise InputError("no curl command found in the text", source=source)
    first = statements[0]
    words = first.words
    if words and words[0].text == "&":
        words = words[1:]
    name = words[0].text.lower() if words else ""
    if name in _WEB_CMDLETS or (
        name == "curl" and any(w.text.lower() in ("-uri", "-method", "-headers") for w in words)
    ):
        raise _word_error(
            reader,
            "this is PowerShell's Invoke-WebRequest, not curl; copy the request 'as cURL' instead",
            words[0],
        )
    if len(statements) > 1:
        second = statements[1].words[0]
        raise _word_error(
            reader, "a second command: botkit reads one curl command at a time", second
        )
    if any(w.text == "--%" for w in words):
        at = next(w for w in words if w.text == "--%")
        raise _word_error(reader, "PowerShell's --% (stop parsing) is beyond what botkit reads", at)
    warnings = reader.warnings
    quoted = next((w for w in words[1:] if '"' in w.text), None)
    if quoted is not None:
        warnings.append(
            CurlWarning(
                words[0].text,
                'an argument holds ", which PowerShell before 7.3 drops when it runs '
                "curl.exe; read as PowerShell 7.3 and later pass it",
                quoted.line,
                quoted.column,
            )
        )
    locate = reader.locator.at
    return ShellCommand(words=words, warnings=warnings, dialect="powershell", locate=locate)


def _word_error(reader: _PowerShellScanner, message: str, word: Word) -> Exception:
    from botkit.errors import InputError

    source = reader.locator.source
    return InputError(one_line(message), source=source, line=word.line, column=word.column)


class PowerShellStrings(_PowerShellScanner):
    """PowerShell's quoting rules (strings, bare words, ``$variables``) for the other
    PowerShell reader, Invoke-WebRequest's (botkit/formats/webrequest.py)."""

    @staticmethod
    def without_prompt(text: str) -> str:
        """The text with a leading ``PS C:\\>`` prompt blanked out (columns unchanged)."""
        return _PROMPT.sub(lambda m: " " * len(m.group()), text, count=1)

    def quoted(self, i: int) -> tuple[str, int]:
        """The '...' or "..." string that starts at ``i``, and the index after it."""
        out = Pieces()
        end = self._single(i, out) if self.text[i] in _SINGLE else self._double(i, out)
        return out.text(), end

    def word(self, i: int) -> tuple[Word, int]:
        """The argument (bare, quoted, or both glued) that starts at ``i``."""
        return self._token(i)

    def dollar(self, i: int, out: list[str]) -> int:
        """A ``$variable`` at ``i``: its value, or a ``{{variable}}`` and a note."""
        pieces = Pieces()
        end = self._dollar(i, pieces)
        out.append(pieces.text())
        return end

    def is_quote(self, c: str) -> bool:
        return c in _SINGLE or c in _DOUBLE
