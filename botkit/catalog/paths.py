"""An API's path template read as text: its placeholders, and matching a path that has none.

Matching a URL against the catalog compiles an API's pattern only when text cannot tell
(``botkit.catalog.Api.matches_path``): these are the text sides of it.
"""

from __future__ import annotations

import re


def ends_with_path(path: str, prefix: str | None, literal: str) -> bool:
    """What ``^{prefix}{literal}/?$`` says of ``path`` (``prefix`` None: ``^.*?``, any text
    but a line break), without compiling it: ``$`` also matches before a final line break."""
    if prefix is not None and "\n" in prefix:
        return re.match(f"^{re.escape(prefix)}{re.escape(literal)}/?$", path) is not None
    for tail in ("", "/", "\n", "/\n"):
        if path.endswith(literal + tail):
            head = path[: len(path) - len(literal) - len(tail)]
            if head == prefix if prefix is not None else "\n" not in head:
                return True
    return False


_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def split_placeholders(path: str) -> list[str]:
    r"""``/chats/{id}/messages`` -> ``["/chats/", "{id}", "/messages"]``: literal text and
    ``{name}`` placeholders in turn, as ``re.split(r"(\{[A-Za-z0-9_]+\})", path)`` gives
    them (without compiling that for every API a URL is matched against)."""
    parts: list[str] = []
    literal = at = 0
    while (start := path.find("{", at)) >= 0:
        end = path.find("}", start + 1)
        if end < 0:
            break
        name = path[start + 1 : end]
        if name and _NAME_CHARS.issuperset(name):  # no "{" either: not a name character
            parts += [path[literal:start], path[start : end + 1]]
            literal = at = end + 1
        else:
            at = start + 1
    parts.append(path[literal:])
    return parts
