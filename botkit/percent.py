"""Percent-encoding (RFC 3986, 2.1) of URL text, as ``urllib.parse`` does it for ``str``.

``urllib.parse`` imports ``ipaddress`` (for bracketed hosts) and costs a one-shot command
about 4 % of its instructions, though these three functions are all botkit asks of it.
They give what ``quote``, ``unquote`` and ``unquote_plus`` give for the same text
(UTF-8; an undecodable escape becomes U+FFFD), which tests/test_percent.py holds them to.
"""

from __future__ import annotations

from functools import cache

#: What ``quote`` never escapes (RFC 3986's unreserved characters).
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_HEX = frozenset("0123456789ABCDEFabcdef")


def quote(text: str, safe: str = "/") -> str:
    """``text`` with every byte of its UTF-8 form escaped (``%XX``) but the unreserved
    characters and those of ``safe`` (its ASCII ones); a lone surrogate raises
    ``UnicodeEncodeError``, as urllib's does."""
    if not text:
        return text
    table = _table(safe)
    return "".join([table[b] for b in text.encode("utf-8")])


@cache
def _table(safe: str) -> tuple[str, ...]:
    keep = _UNRESERVED | frozenset(safe.encode("ascii", "ignore"))
    return tuple(chr(b) if b in keep else f"%{b:02X}" for b in range(256))


def unquote(text: str) -> str:
    """``text`` with each ``%XX`` escape decoded; the escaped bytes of a run of ASCII
    text are read as UTF-8 (U+FFFD where they are not), other characters stay as they are."""
    if "%" not in text:
        return text
    if text.isascii():
        return _decoded(text)
    out: list[str] = []
    start = 0
    ascii_run = text[0].isascii()
    for i, c in enumerate(text):
        if c.isascii() != ascii_run:
            out.append(_decoded(text[start:i]) if ascii_run else text[start:i])
            start, ascii_run = i, not ascii_run
    out.append(_decoded(text[start:]) if ascii_run else text[start:])
    return "".join(out)


def unquote_plus(text: str) -> str:
    """``unquote`` of form text: ``+`` is a space."""
    return unquote(text.replace("+", " "))


def _decoded(run: str) -> str:
    """An ASCII run with its escapes decoded, as UTF-8."""
    if "%" not in run:
        return run
    first, *rest = run.split("%")
    data = bytearray(first.encode("ascii"))
    for piece in rest:
        if len(piece) >= 2 and piece[0] in _HEX and piece[1] in _HEX:
            data.append(int(piece[:2], 16))
            data += piece[2:].encode("ascii")
        else:
            data += b"%" + piece.encode("ascii")
    return data.decode("utf-8", "replace")
