"""Words of a shell command with their positions, shared by the bash, cmd and PowerShell readers.

Every reader turns text into the same ``ShellCommand``: the argv curl would get,
what its standard input holds, and warnings about shell constructs that were
read as ``{{variables}}``.  Positions are 1-based lines and columns (in characters)
of the original text, so errors and warnings point where the user looks.
"""

import bisect
from array import array
from collections.abc import Callable
from typing import Literal

from botkit.curl.result import CurlWarning
from botkit.errors import InputError
from botkit.lazy_re import lazy
from botkit.named_tuples import NamedTuple
from botkit.values import Record, Value

#: Where a stretch of a word's text was written: (index in the word's text, start and end
#: offsets of what produced it in the reader's text, whether it is that text verbatim).
#: ``'a b'`` is one verbatim piece of the three characters inside the quotes; ``\$``
#: and ``$NAME`` are pieces that are not verbatim (what they give is not what is written).
Piece = tuple[int, int, int, bool]


class Word(NamedTuple):
    """One argument as the program receives it, and where it starts in the text.

    ``pieces`` say where each character came from (see ``botkit.curl.spans``); every
    shell reader keeps them (None for a word made up elsewhere).  A NamedTuple, not a
    dataclass: commands with 100,000 arguments make many."""

    text: str
    line: int
    column: int
    pieces: tuple[Piece, ...] | None = None


class Pieces:
    """A word's text as a reader puts it together, and where each stretch of it was
    written (verbatim stretches that follow each other in both are kept as one piece).
    Every reader (bash's expand.py, cmd, PowerShell) builds its words' pieces with it."""

    __slots__ = ("_length", "_out", "_pieces")

    def __init__(self) -> None:
        self._out: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0

    def add(self, text: str, start: int, end: int, verbatim: bool) -> None:
        if not text:
            return
        pieces = self._pieces
        if verbatim and pieces:
            at, s, e, v = pieces[-1]
            if v and e == start and self._length - at == e - s:
                pieces[-1] = (at, s, end, True)
                self._out.append(text)
                self._length += len(text)
                return
        pieces.append((self._length, start, end, verbatim))
        self._out.append(text)
        self._length += len(text)

    def extend(self, other: "Pieces") -> None:
        """Add what ``other`` holds, stretch by stretch."""
        ends = [p[0] for p in other._pieces[1:]] + [other._length] * bool(other._pieces)
        texts = other.text()
        for (at, s, e, verbatim), stop in zip(other._pieces, ends, strict=True):
            self.add(texts[at:stop], s, e, verbatim)

    def text(self) -> str:
        return "".join(self._out)

    def pieces(self) -> tuple[Piece, ...]:
        return tuple(self._pieces)

    def word(self, offset: int) -> tuple[str, int, tuple[Piece, ...]]:
        return self.text(), offset, self.pieces()


class Stdin(Value):
    """What ``@-`` reads: literal text (heredoc, here-string), a file (``< f``) or a pipe.
    Immutable (``botkit.values``)."""

    _fields = ("kind", "value", "line", "column", "pieces")
    __slots__ = _fields
    kind: Literal["text", "file", "pipe"]
    value: str
    line: int
    column: int
    #: Where each stretch of ``value`` (kind "text") was written, as for a ``Word``.
    pieces: tuple[Piece, ...] | None

    def __init__(
        self,
        kind: Literal["text", "file", "pipe"],
        value: str,
        line: int,
        column: int,
        pieces: tuple[Piece, ...] | None = None,
    ) -> None:
        self._set(kind=kind, value=value, line=line, column=column, pieces=pieces)


class ShellCommand(Record):
    """The one curl command found in the text, as the shell would run it."""

    _fields = ("words", "stdin", "warnings", "dialect", "end", "locate", "files")

    def __init__(
        self,
        words: list[Word],
        stdin: Stdin | None = None,
        warnings: list[CurlWarning] | None = None,
        dialect: str = "bash",
        end: tuple[int, int] | None = None,
        locate: Callable[[int], tuple[int, int]] | None = None,
        files: dict[str, str] | None = None,
    ) -> None:
        self.words = words  # words[0] is the program (curl, curl.exe)
        self.stdin = stdin
        self.warnings: list[CurlWarning] = [] if warnings is None else warnings
        self.dialect = dialect
        # Where the command's text ends (1-based line and column just past it, its
        # here-document included), when it is one of several in a script.
        self.end = end
        #: Turns the offsets of the words' pieces into 1-based (line, column).
        self.locate = locate
        #: Files the command's own text provides (``@<(printf ...)``): name -> content.
        self.files: dict[str, str] = {} if files is None else files


class Locator:
    """Maps a character offset in ``text`` to a 1-based (line, column)."""

    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self._starts = array("q", [0])  # 8 bytes a line, not a list of int objects
        find = text.find
        i = find("\n")
        while i >= 0:
            self._starts.append(i + 1)
            i = find("\n", i + 1)

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def error(self, message: str, offset: int) -> InputError:
        line, column = self.at(offset)
        return InputError(one_line(message), source=self.source, line=line, column=column)

    def word(self, text: str, offset: int, pieces: tuple[Piece, ...] | None = None) -> Word:
        line, column = self.at(offset)
        return Word(text, line, column, pieces)

    def note(self, option: str, message: str, offset: int) -> CurlWarning:
        line, column = self.at(offset)
        return CurlWarning(option, message, line, column)


_CONTROL = lazy(r"[\x00-\x1f\x7f]")  # only a message quoting odd text needs it
_LONGEST = 300


def one_line(message: str) -> str:
    """Messages quote what the user wrote; keep them one readable line, however odd that is."""
    message = _CONTROL().sub(lambda m: repr(m.group())[1:-1], message)
    return message if len(message) <= _LONGEST else message[: _LONGEST - 1] + "…"


def bash_quotes(text: str) -> tuple[str, bool]:
    """A rough reading of bash's quotes over ``text`` (single, double, backslash): the
    quote still open at its end ("" if none), and whether a line ends outside quotes.
    Enough to tell where a line of a pasted command ends; the bash reader does the rest."""
    quote = ""
    newline = False
    i = 0
    while i < len(text):
        c = text[i]
        if quote == "'":
            quote = "" if c == "'" else quote
        elif c == "\\":
            i += 1
        elif quote == '"':
            quote = "" if c == '"' else quote
        elif c in "'\"":
            quote = c
        elif c == "\n":
            newline = True
        i += 1
    return quote, newline
