"""Where each value of a JSON document sits in its text, and where a character of a
decoded string literal sits in the raw literal.

The stdlib ``json`` module parses fast but forgets positions.  The linter parses
every file with ``json`` first and builds this index only for a file that has a
finding to place, so clean files never pay for it.  The scanner is iterative (no
recursion), so a deeply nested document cannot exhaust the stack; it expects text
that ``json.loads`` already accepted.
"""

import bisect
import json
import re

from botkit.lazy_re import lazy
from botkit.named_tuples import NamedTuple

JsonPath = tuple[str | int, ...]

_WS = lazy(r"[ \t\n\r]*")
# The unrolled form runs in C over long strings (a 10 MB body) without backtracking.
_STRING = lazy(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_SCALAR = lazy(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|NaN|-?Infinity")
# Paths are tuples, so memory grows with depth squared; ``json`` itself stops near 1,000.
MAX_DEPTH = 1500
_ESCAPE = lazy(r"\\(?:u([0-9a-fA-F]{4})|.)", re.S)


class Node(NamedTuple):
    """A value's span ``[start, end)`` and, for an object member, its key's span."""

    start: int
    end: int
    key_start: int = -1
    key_end: int = -1


class JsonIndexError(ValueError):
    """The text is not the JSON document the index expected."""


def index(text: str, start: int = 0) -> dict[JsonPath, Node]:
    """Map the JSON path of every value in ``text`` to its position (character offsets)."""
    nodes: dict[JsonPath, Node] = {}
    # Each open container: [path, is_object, start, key_start, key_end, count]
    stack: list[list] = []
    path: JsonPath = ()
    key_span = (-1, -1)
    pos = _skip(text, start)
    try:
        while True:
            ch = text[pos]
            if ch in "{[":
                is_object = ch == "{"
                if len(stack) >= MAX_DEPTH:
                    raise JsonIndexError("document nested too deep")
                stack.append([path, is_object, pos, key_span[0], key_span[1], 0])
                pos = _skip(text, pos + 1)
                if text[pos] in "}]":
                    pos = _close(text, pos, stack, nodes)
                else:
                    path, key_span, pos = _member(text, pos, stack[-1])
                    continue
            else:
                match = (_STRING if ch == '"' else _SCALAR)().match(text, pos)
                if match is None:
                    raise JsonIndexError(f"unexpected character at offset {pos}")
                nodes[path] = Node(pos, match.end(), *key_span)
                pos = _skip(text, match.end())
            # After a value: close containers until a comma opens the next member.
            while stack:
                if text[pos] == ",":
                    frame = stack[-1]
                    frame[5] += 1
                    path, key_span, pos = _member(text, _skip(text, pos + 1), frame)
                    break
                pos = _close(text, pos, stack, nodes)
            else:
                return nodes
    except IndexError:
        raise JsonIndexError("unexpected end of document") from None


def _skip(text: str, pos: int) -> int:
    return _WS().match(text, pos).end()  # type: ignore[union-attr]


def _member(text: str, pos: int, frame: list) -> tuple[JsonPath, tuple[int, int], int]:
    """The path, key span and value offset of the next member of the container ``frame``."""
    parent: JsonPath = frame[0]
    if not frame[1]:
        return (*parent, frame[5]), (-1, -1), pos
    match = _STRING().match(text, pos)
    if match is None:
        raise JsonIndexError(f"expected a property name at offset {pos}")
    literal = match.group()
    try:
        key = literal[1:-1] if "\\" not in literal else json.loads(literal)
    except ValueError:
        raise JsonIndexError(f"bad property name at offset {pos}") from None
    pos = _skip(text, match.end())
    if text[pos] != ":":
        raise JsonIndexError(f"expected ':' at offset {pos}")
    return (*parent, key), (match.start(), match.end()), _skip(text, pos + 1)


def _close(text: str, pos: int, stack: list[list], nodes: dict[JsonPath, Node]) -> int:
    frame = stack.pop()
    if text[pos] != ("}" if frame[1] else "]"):
        raise JsonIndexError(f"unexpected character at offset {pos}")
    nodes[frame[0]] = Node(frame[2], pos + 1, frame[3], frame[4])
    return _skip(text, pos + 1)


# Everything up to the next bracket, whole strings included (brackets inside them are
# text): the scanner stops in Python only at brackets.
_PLAIN = lazy(r'[^"\[\]{}]*(?:"[^"\\]*(?:\\.[^"\\]*)*"[^"\[\]{}]*)*')


class Seeker:
    """Finds values by path, walking only along the path.

    A member that is not on the path is skipped whole, jumping from bracket to
    bracket, so finding one value costs a fraction of indexing the whole document.
    What was scanned is remembered per container, so many lookups in one document
    (a file with many findings) scan each part of it once.  In an object with a
    repeated key the first occurrence is found (``json`` keeps the last: such a
    file is broken anyway).
    """

    def __init__(self, text: str, start: int = 0) -> None:
        self.text = text
        self.root = _skip(text, start)
        # container offset -> (members found so far by key, where scanning resumes or -1)
        self._members: dict[int, tuple[dict[str | int, Node], list[int]]] = {}

    def seek(self, path: JsonPath) -> tuple[Node, int]:
        text = self.text
        try:
            node = Node(self.root, -1)
            depth = 0
            for key in path:
                found = self._child(node.start, key)
                if found is None:
                    break
                node = found
                depth += 1
            if node.end < 0:
                node = Node(node.start, _value_end(text, node.start), node.key_start, node.key_end)
            return node, depth
        except (IndexError, AttributeError, ValueError):
            raise JsonIndexError("the text is not the JSON document expected") from None

    def _child(self, pos: int, key: str | int) -> Node | None:
        """The member ``key`` of the container whose bracket is at ``pos``."""
        text = self.text
        opening = text[pos]
        if opening not in "{[" or (opening == "{") != isinstance(key, str):
            return None
        if pos not in self._members:
            self._members[pos] = ({}, [_skip(text, pos + 1), 0])
        members, state = self._members[pos]
        if key in members:
            return members[key]
        at, count = state
        closing = "}" if opening == "{" else "]"
        while at >= 0 and text[at] != closing:
            key_start = key_end = -1
            if opening == "{":
                match = _STRING().match(text, at)
                if match is None:
                    raise JsonIndexError(f"expected a property name at offset {at}")
                literal = match.group()
                name: str | int = literal[1:-1] if "\\" not in literal else json.loads(literal)
                key_start, key_end = match.start(), match.end()
                at = _skip(text, _skip(text, match.end()) + 1)  # past the ':'
            else:
                name = count
            end = _value_end(text, at)
            node = Node(at, end, key_start, key_end)
            members.setdefault(name, node)
            at = _skip(text, end)
            if text[at] == ",":
                at = _skip(text, at + 1)
            count += 1
            state[0], state[1] = at, count
            if name == key:
                return node
        state[0] = -1
        return None


def _value_end(text: str, pos: int) -> int:
    """Where the value starting at ``pos`` ends, without looking inside it more than needed."""
    ch = text[pos]
    if ch == '"':
        return _STRING().match(text, pos).end()  # type: ignore[union-attr]
    if ch not in "{[":
        match = _SCALAR().match(text, pos)
        if match is None:
            raise JsonIndexError(f"unexpected character at offset {pos}")
        return match.end()
    depth = 0
    while True:
        pos = _PLAIN().match(text, pos).end()  # type: ignore[union-attr]
        ch = text[pos]
        if ch == '"':
            raise JsonIndexError(f"unterminated string at offset {pos}")
        depth += 1 if ch in "{[" else -1
        pos += 1
        if depth == 0:
            return pos


class StringMap:
    """Maps offsets in a decoded string to offsets in its JSON literal (quotes included).

    Stored as runs, so a long literal without escapes costs one entry, and a
    lookup is one bisect.
    """

    def __init__(self, literal: str) -> None:
        # Parallel lists: decoded start of each run, raw start, and whether the run is
        # a single escape (one decoded character for several raw ones).
        self._decoded: list[int] = [0]
        self._raw: list[int] = [1]
        self._escape: list[bool] = [False]
        decoded = 0
        last = 1
        end = len(literal) - 1
        matches = list(_ESCAPE().finditer(literal, 1, end))
        i = 0
        while i < len(matches):
            m = matches[i]
            decoded += m.start() - last
            width = m.end() - m.start()
            unit = m.group(1)
            if unit and 0xD800 <= int(unit, 16) <= 0xDBFF and i + 1 < len(matches):
                nxt = matches[i + 1]
                low = nxt.group(1)
                if nxt.start() == m.end() and low and 0xDC00 <= int(low, 16) <= 0xDFFF:
                    width += nxt.end() - nxt.start()  # a surrogate pair decodes to one character
                    i += 1
            self._decoded.append(decoded)
            self._raw.append(m.start())
            self._escape.append(True)
            decoded += 1
            last = m.start() + width
            self._decoded.append(decoded)
            self._raw.append(last)
            self._escape.append(False)
            i += 1
        self._end_raw = end

    def raw(self, offset: int) -> int:
        """The raw offset (within the literal) where decoded character ``offset`` starts."""
        i = bisect.bisect_right(self._decoded, offset) - 1
        if self._escape[i]:
            return self._raw[i]
        return min(self._raw[i] + offset - self._decoded[i], self._end_raw)


class LineIndex:
    """Turns character offsets into 1-based line and column numbers.

    The first few lookups count newlines directly (cheap for a file with a finding
    or two); after that a table of line starts is built once.
    """

    _DIRECT = 8

    def __init__(self, text: str, first_column_offset: int = 0) -> None:
        self._text = text
        self._table: list[int] | None = None
        self._calls = 0
        # A byte-order mark is not a column anyone can see.
        self._bom = first_column_offset

    @property
    def _starts(self) -> list[int]:
        if self._table is None:
            table, find = [0], self._text.find
            at = find("\n")
            while at >= 0:
                table.append(at + 1)
                at = find("\n", at + 1)
            self._table = table
        return self._table

    def position(self, offset: int) -> tuple[int, int]:
        self._calls += 1
        if self._table is None and self._calls <= self._DIRECT:
            line = self._text.count("\n", 0, offset)
            start = self._text.rfind("\n", 0, offset) + 1
        else:
            line = bisect.bisect_right(self._starts, offset) - 1
            start = self._starts[line]
        if line == 0:
            start += self._bom
        return line + 1, max(offset - start, 0) + 1
