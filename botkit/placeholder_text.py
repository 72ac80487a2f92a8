"""Text that documentation puts where a key goes, told apart from a key.

``<x-api-key>``, ``key_xxxxxxxxxx``, ``YOUR_API_KEY``: lint reports them as placeholders
(BK202), never as hard-coded secrets (BK203).
"""

from __future__ import annotations

from botkit.scheme_words import fold

#: Whole values that documentation puts where a key goes (``api_key``, ``x-api-key``, ``todo``).
_PLACEHOLDER_WORDS = frozenset(
    [
        *(f"{x}api{s}key" for x in ("", "x_", "x-") for s in ("", "_", "-")),
        *(f"{w}{s}token" for w in ("access", "auth") for s in ("", "_", "-")),
        *(f"replace{s}me" for s in ("", "_", "-")),
        *("change_me", "change-me", "changeme", "token", "secret", "key", "password", "passwd"),
        *("todo", "tbd", "placeholder", "dummy", "example", "sample", "test", "null", "none"),
        "undefined",
    ]
)
#: Characters that stand for a hidden key (``xxxx``, ``****``, ``...``, ``…``).
_MASK_CHARS = frozenset("x*.\u2022\u2026")
#: The words of ``insert your key`` and ``paste-token-here`` kinds of text.
_INSTRUCTIONS = ("insert", "replace", "enter", "put", "paste")
_YOUR_TAIL = frozenset("_-abcdefghijklmnopqrstuvwxyz0123456789")
_BRACKETS = frozenset(["<>", "[]", "{}"])


def is_placeholder_text(token: str) -> bool:
    """Documentation text where a key goes: ``<x-api-key>``, ``[API KEY]``, ``{apiKey}``,
    ``key_xxxxxxxxxx``, ``****``, ``YOUR_API_KEY``, ``INSERT_KEY_HERE``, ``api_key``, ``todo``.

    Plain string tests, not one regular expression: compiling that one cost about 1.5 ms,
    more than the rest of linting a short snippet (tests/test_expressions_replaced.py
    holds this to the expression it replaced)."""
    s = fold(token)
    if s.endswith("\n"):  # as ``$`` does, a final line break is not part of the text
        s = s[:-1]
    if s in _PLACEHOLDER_WORDS:
        return True
    if len(s) >= 2 and s[0] + s[-1] in _BRACKETS and s[0] not in s[1:-1] and s[-1] not in s[1:-1]:
        return True
    if len(s) >= 3 and _MASK_CHARS.issuperset(s):
        return True
    cut = min((i for i in (s.find("_"), s.find("-")) if i >= 0), default=-1)
    if 1 <= cut <= 8 and s[:cut].isascii() and s[:cut].isalpha():
        rest = s[cut + 1 :]
        if len(rest) >= 3 and _MASK_CHARS.issuperset(rest):
            return True
    if s.startswith("your") and len(s) > 4 and _YOUR_TAIL.issuperset(s[4:]):
        return True
    if "\n" in s:
        return False
    return (
        s.endswith("_here")
        or _has_word(s, "your")
        or any(s.startswith(w) and s[len(w) : len(w) + 1] in ("_", "-", " ") for w in _INSTRUCTIONS)
    )


def _has_word(text: str, word: str) -> bool:
    """``word`` in ``text`` as a whole word (what ``\\b`` means: no letter, digit or ``_``
    right before or after it)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word_char(text[at - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
