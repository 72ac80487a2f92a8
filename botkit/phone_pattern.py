"""phonenumbers' number patterns read as trees, so a one-shot command need not compile them.

A type's pattern (India's mobile one is 915 characters) costs ``re`` a millisecond or
two to compile, far more than judging the one number a command meets; reading it here
takes a third of that, and ``fullmatch`` walks the tree over the digits.  Only what these
patterns use is read: digits, ``\\d``, ``.``, classes of digits and ranges (negated too),
groups, ``|`` and greedy ``?``, ``*``, ``+``, ``{n}``, ``{n,}``, ``{n,m}``; any other
pattern has no tree and is left to ``re``.  The input is ASCII digits only (the table's
caller makes sure), over which a class such as ``[^0]`` means "any other digit".

A tree is nested lists: ``["c", "0189"]`` one digit of those, ``["s", [...]]`` a sequence,
``["a", [...]]`` alternatives, ``["r", low, high, node]`` a repeat (``high`` -1: no
limit).  A test holds ``fullmatch`` equal to ``re.fullmatch`` on every pattern.
"""

from __future__ import annotations

from typing import Any

DIGITS = "0123456789"


class Unsupported(ValueError):
    """The pattern uses something this reader does not (``re`` decides instead)."""


def parse(pattern: str) -> list[Any] | None:
    """The tree of ``pattern``, or None when it uses anything beyond the subset above."""
    try:
        node, pos = _alternatives(pattern, 0)
    except (Unsupported, IndexError):
        return None
    return node if pos == len(pattern) else None


def _alternatives(p: str, pos: int) -> tuple[list[Any], int]:
    branches = []
    node, pos = _sequence(p, pos)
    branches.append(node)
    while pos < len(p) and p[pos] == "|":
        node, pos = _sequence(p, pos + 1)
        branches.append(node)
    return (branches[0] if len(branches) == 1 else ["a", branches]), pos


def _sequence(p: str, pos: int) -> tuple[list[Any], int]:
    items = []
    while pos < len(p) and p[pos] not in "|)":
        atom, pos = _atom(p, pos)
        atom, pos = _quantified(p, pos, atom)
        items.append(atom)
    return (items[0] if len(items) == 1 else ["s", items]), pos


def _atom(p: str, pos: int) -> tuple[list[Any], int]:
    ch = p[pos]
    if ch == "(":
        if p.startswith("(?:", pos):
            pos += 3
        elif p[pos + 1] == "?":
            raise Unsupported(p[pos : pos + 3])
        else:
            pos += 1
        node, pos = _alternatives(p, pos)
        if p[pos] != ")":
            raise Unsupported("unclosed group")
        return node, pos + 1
    if ch == "[":
        return _class(p, pos + 1)
    if ch == "\\":
        if p[pos + 1] != "d":
            raise Unsupported(p[pos : pos + 2])
        return ["c", DIGITS], pos + 2
    if ch == ".":
        return ["c", DIGITS], pos + 1
    if ch in DIGITS:
        return ["c", ch], pos + 1
    raise Unsupported(ch)


def _class(p: str, pos: int) -> tuple[list[Any], int]:
    negated = p[pos] == "^"
    pos += negated
    chosen: set[str] = set()
    first = True
    while p[pos] != "]" or first:
        first = False
        if p.startswith("\\d", pos):
            chosen.update(DIGITS)
            pos += 2
            continue
        low = p[pos]
        if low not in DIGITS:
            raise Unsupported(low)
        if p[pos + 1] == "-" and p[pos + 2] != "]":
            high = p[pos + 2]
            if high not in DIGITS or high < low:
                raise Unsupported(high)
            chosen.update(DIGITS[int(low) : int(high) + 1])
            pos += 3
        else:
            chosen.add(low)
            pos += 1
    if negated:
        chosen = set(DIGITS) - chosen
    return ["c", "".join(sorted(chosen))], pos + 1


def _quantified(p: str, pos: int, atom: list[Any]) -> tuple[list[Any], int]:
    if pos >= len(p) or p[pos] not in "?*+{":
        return atom, pos
    ch = p[pos]
    if ch == "{":
        end = p.index("}", pos)
        low_text, comma, high_text = p[pos + 1 : end].partition(",")
        if not low_text.isdigit() or (high_text and not high_text.isdigit()):
            raise Unsupported(p[pos : end + 1])
        low = int(low_text)
        high = (int(high_text) if high_text else -1) if comma else low
        pos = end + 1
    else:
        low, high = {"?": (0, 1), "*": (0, -1), "+": (1, -1)}[ch]
        pos += 1
    if pos < len(p) and p[pos] in "?+":
        raise Unsupported("lazy or possessive repeat")  # same strings, but not read here
    return ["r", low, high, atom], pos


def fullmatch(tree: list[Any], digits: str) -> bool:
    """Is all of ``digits`` (ASCII digits) one string of the pattern ``tree`` stands for?"""
    return len(digits) in _ends(tree, digits, {0})


def _ends(node: list[Any], text: str, starts: set[int]) -> set[int]:
    """Where a match of ``node`` that begins at one of ``starts`` can end."""
    kind = node[0]
    if kind == "c":
        allowed = node[1]
        return {i + 1 for i in starts if i < len(text) and text[i] in allowed}
    if kind == "s":
        for child in node[1]:
            starts = _ends(child, text, starts)
            if not starts:
                break
        return starts
    if kind == "a":
        out: set[int] = set()
        for child in node[1]:
            out |= _ends(child, text, starts)
        return out
    low, high, child = node[1], node[2], node[3]
    out = set(starts) if low == 0 else set()
    current = starts
    count = 0
    # More than len(text) + 1 repeats end nowhere new: each one either takes a digit or
    # (matching nothing) ends where an earlier one did.
    while current and (high < 0 or count < high) and count <= len(text):
        count += 1
        current = _ends(child, text, current)
        if count >= low:
            out |= current
    return out
