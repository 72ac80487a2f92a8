"""The auth scheme word that opens a credential (``Bearer abc``), found by plain string tests.

Three places ask (a credential without its scheme, masking, ``--redact``), each with its
own words; an expression for each cost about 0.1 ms to compile on every run that judges
a credential.  Matching is case-insensitive as ``re.I`` is: the letters it folds to ASCII
ones (long s, dotless i, dotted capital I, the Kelvin sign) are mapped first.
"""

from __future__ import annotations

_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` lower-cased as ``re.I`` compares it, one character for one."""
    return text.translate(_FOLD).lower()


def scheme_prefix(
    value: str, words: tuple[str, ...], *, leading_space: bool = True
) -> tuple[str, int] | None:
    """The word of ``words`` (lower case) that ``value`` starts with, followed by
    whitespace, and where that whitespace ends: ``("bearer", 7)`` for ``Bearer abc``.
    None without one.  ``leading_space``: whitespace before the word is allowed."""
    at = len(value) - len(value.lstrip()) if leading_space else 0
    head = fold(value[at : at + max(map(len, words))])
    for word in words:
        end = at + len(word)
        if head.startswith(word) and end < len(value) and value[end].isspace():
            while end < len(value) and value[end].isspace():
                end += 1
            return word, end
    return None
