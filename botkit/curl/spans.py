"""Where each value of a read request was written, kept from the reader onwards.

Each shell reader (bash, cmd, PowerShell) records, for every word, where each
stretch of its text came from (``Word.pieces``); the option recorders and curl's
rules (record.py, build.py) say which word, and which characters of it, hold each
header, the URL, the method, the credentials and the body.  ``Sources`` is that
map, parallel to the ``Request``, so a linter can point at a value (and rewrite it,
where it is written verbatim) without searching the text again.  A word without
pieces (made up, not read) still has its start, so positions fall back to it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from botkit.curl.words import Piece, Word
from botkit.values import Record, Value

if TYPE_CHECKING:
    from botkit.curl.state import Data


class Source(Value):
    """Characters ``[start, end)`` of ``word.text`` hold a value (``end`` None: to the end).
    Immutable (``botkit.values``)."""

    _fields = ("word", "start", "end")
    __slots__ = _fields
    word: Word
    start: int
    end: int | None

    def __init__(self, word: Word, start: int = 0, end: int | None = None) -> None:
        self._set(word=word, start=start, end=end)

    @property
    def stop(self) -> int:
        return len(self.word.text) if self.end is None else self.end

    def part(self, start: int, end: int | None = None) -> Source:
        """Characters ``[start, end)`` of this value (relative to it)."""
        stop = self.stop if end is None else self.start + end
        return Source(self.word, self.start + start, stop)


class HeaderSource(Value):
    """Where a header's name and value are written; for a header curl adds itself
    (``implied``: Content-Type for ``-d``, User-Agent for ``-A``...), the option that
    makes it send one.  Immutable (``botkit.values``)."""

    _fields = ("name", "value", "option", "implied")
    __slots__ = _fields
    name: Source | None
    value: Source | None
    option: Word | None
    implied: bool

    def __init__(
        self,
        name: Source | None = None,
        value: Source | None = None,
        option: Word | None = None,
        implied: bool = False,
    ) -> None:
        self._set(name=name, value=value, option=option, implied=implied)


class Sources(Record):
    """Where the request's values were written, parallel to the ``Request``."""

    _fields = (
        "locate", "url", "method", "method_option", "headers", "query", "user_option",
        "username", "password", "body", "data_option", "parts",
    )  # fmt: skip
    _compared = _fields[1:]  # not ``locate``, a function

    def __init__(
        self,
        locate: Callable[[int], tuple[int, int]] | None = None,
        url: Source | None = None,
        method: Source | None = None,
        method_option: Word | None = None,
        headers: list[HeaderSource] | None = None,
        query: list[tuple[Source, Source | None] | None] | None = None,
        user_option: Word | None = None,
        username: Source | None = None,
        password: Source | None = None,
        body: list[tuple[int, Source | None]] | None = None,
        data_option: Word | None = None,
        parts: list[Word] | None = None,
    ) -> None:
        #: Reader offsets (of ``Word.pieces``) -> 1-based (line, column); None without pieces.
        self.locate = locate
        self.url = url
        #: The ``-X`` value; else None, and ``method_option`` is what chose the method.
        self.method = method
        self.method_option = method_option
        self.headers: list[HeaderSource] = [] if headers is None else headers
        #: Per query parameter: where its name and its value are written.
        self.query: list[tuple[Source, Source | None] | None] = [] if query is None else query
        self.user_option = user_option
        self.username = username
        self.password = password
        #: The body text's pieces: (offset in the body text, where that piece was written).
        self.body: list[tuple[int, Source | None]] = [] if body is None else body
        self.data_option = data_option
        #: Per multipart part: the -F/--form-string value it was written in.
        self.parts: list[Word] = [] if parts is None else parts

    def where(self, source: Source | Word) -> tuple[tuple[int, int], tuple[int, int], bool]:
        """The 1-based (line, column) of the start and end of ``source`` and whether
        the text between them is the value, character for character."""
        if isinstance(source, Word):
            source = Source(source)
        found = chars(source.word, source.start, source.stop)
        if found is None or self.locate is None:
            at = (source.word.line, source.word.column)
            return at, at, False
        start, end, verbatim = found
        return self.locate(start), self.locate(end), verbatim

    def body_source(self, start: int, end: int) -> Source | None:
        """Where characters ``[start, end)`` of the body text were written (the piece
        holding ``start``; the range is cut at that piece's end)."""
        if not self.body:
            return None
        k = bisect.bisect_right([at for at, _ in self.body], start) - 1
        if k < 0:
            return None
        at, source = self.body[k]
        if source is None:
            return None
        length = source.stop - source.start
        end = min(end, at + length)
        return source.part(start - at, max(end - at, start - at))


def chars(word: Word, i: int, j: int) -> tuple[int, int, bool] | None:
    """Reader offsets ``[start, end)`` of characters ``[i, j)`` of ``word.text``, and
    whether they are written there verbatim and in one stretch (so that replacing that
    text replaces exactly those characters); None when the reader kept no pieces."""
    pieces = word.pieces
    if not pieces:
        return None
    starts = [p[0] for p in pieces]
    first = max(bisect.bisect_right(starts, i) - 1, 0)
    last = max(bisect.bisect_right(starts, max(j - 1, i)) - 1, first)
    at, s, e, verbatim = pieces[first]
    start = s + (i - at) if verbatim else s
    at, s, e, v = pieces[last]
    end = min(s + (j - at), e) if v else e
    if j <= i:
        end = start
    whole = all(p[3] for p in pieces[first : last + 1]) and all(
        pieces[k][1] == pieces[k - 1][2] for k in range(first + 1, last + 1)
    )
    return start, max(end, start), whole


def tail(word: Word, n: int) -> Word:
    """The word from its character ``n`` on (``-H'A: b'`` gives the value ``A: b``)."""
    pieces = word.pieces
    if pieces is None:
        return Word(word.text[n:], word.line, word.column)
    out: list[Piece] = []
    ends = [p[0] for p in pieces[1:]] + [len(word.text)] * bool(pieces)
    for (at, s, e, verbatim), stop in zip(pieces, ends, strict=True):
        if stop <= n:
            continue
        if at >= n:
            out.append((at - n, s, e, verbatim))
        elif verbatim:
            out.append((0, s + (n - at), e, True))
        else:
            out.append((0, s, e, False))
    return Word(word.text[n:], word.line, word.column, tuple(out))


def data_sources(pieces: list[Data]) -> list[tuple[int, Source | None]]:
    """Where each data piece starts in the joined body text (as build.py joins them)."""
    out: list[tuple[int, Source | None]] = []
    at = 0
    for k, piece in enumerate(pieces):
        if k and not piece.json:
            at += 1  # the '&'
        out.append((at, piece.source))
        at += len(piece.text)
    return out


def query_sources(word: Word, count: int) -> list[tuple[Source, Source | None] | None]:
    """Where the URL's first ``count`` query parameters are written in its word: the
    word's own text split as the query is (``?``, then ``&``), empty pieces skipped."""
    text = word.text
    mark = text.find("?")
    if mark < 0:
        return []
    end = text.find("#", mark)
    end = len(text) if end < 0 else end
    out: list[tuple[Source, Source | None] | None] = []
    at = mark + 1
    while at <= end and len(out) < count:
        stop = text.find("&", at, end)
        stop = end if stop < 0 else stop
        if stop > at:
            eq = text.find("=", at, stop)
            if eq < 0:
                out.append((Source(word, at, stop), None))
            else:
                out.append((Source(word, at, eq), Source(word, eq + 1, stop)))
        at = stop + 1
    return out
