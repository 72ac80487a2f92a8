"""Placeholder text and token markers: plain string tests held to the expressions they replaced.

botkit judged placeholders with one regular expression, and looked for token shapes in
every header value with another; compiling them cost more than linting a short snippet.
The expressions are kept here as the definition, and the string tests must agree with
them on every text, including the Unicode letters that case-insensitive matching folds
to ASCII ones (long s is ``s``, the Kelvin sign is ``k``).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from botkit.placeholder_text import is_placeholder_text
from botkit.secret_names import TOKEN_MARKERS, is_placeholder, may_hold_token, text_secrets

#: The expression placeholders were judged by (the definition is_placeholder_text keeps).
PLACEHOLDER = re.compile(
    r"""(?ix)^(?:
        <[^<>]*>
      | \[[^\[\]]*\]
      | \{[^{}]*\}
      | [a-z]{1,8}[_-][x*.•…]{3,}
      | [x*.•…]{3,}
      | .*\byour\b.* | your[_\-a-z0-9]+ | .*_here
      | (?:x[_-])?api[_-]?key | access[_-]?token | auth[_-]?token | token | secret
      | key | password | passwd | changeme | change[_-]me | replace[_-]?me | todo | tbd
      | placeholder | dummy | example | sample | test | null | none | undefined
      | (?:insert|replace|enter|put|paste)[_\- ].*
    )$"""
)

#: The pieces placeholders are made of, and the letters re.I folds to ASCII ones.
_PIECES = [
    *("<", ">", "[", "]", "{", "}", "_", "-", " ", "\n", "x", "X", "*", ".", "\u2022"),
    *("\u2026", "your", "YOUR", "here", "_here", "api", "key", "token", "access", "auth"),
    *("insert", "paste", "put", "enter", "replace", "me", "change", "todo", "test", "none"),
    *("\u0130", "\u0131", "\u017f", "\u212a", "\u00e9", "a", "Z", "0", "9", "s", "k", "é"),
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join) | st.text(max_size=12)


@given(_TEXT)
@settings(max_examples=600)
@example("key_xxxxxxxxxx")
@example("pa\u017fte key")
@example("\u212aey")
@example("İnsert-it")
@example("your\n")
@example("sk-…\u2022*")
@example("<a\nb>")
def test_placeholder_text_agrees_with_the_expression(text: str) -> None:
    assert is_placeholder_text(text) == (PLACEHOLDER.match(text) is not None)


@pytest.mark.parametrize(
    "value",
    [
        "key_xxxxxxxxxx",
        "<x-api-key>",
        "[API KEY]",
        "{apiKey}",
        "****",
        "YOUR_API_KEY",
        "Bearer your-token",
        "INSERT_KEY_HERE",
        "x-api-key",
        "paste your key here",
        "todo",
    ],
)
def test_documentation_text_is_a_placeholder(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize(
    "value", ["key_8fJ2kQ0pLx", "Bearer eyJhbGciOi", "yourselves!", "keys", "<a<b>", "xx"]
)
def test_a_real_looking_value_is_no_placeholder(value: str) -> None:
    assert not is_placeholder(value)


_SHAPES = [
    *TOKEN_MARKERS,
    *("A", "z", "0", "9", "_", "-", ".", ":", " ", "=", "/", "sk", "pk", "live", "test"),
    *("gh", "p", "github", "pat", "glpat", "xoxb", "AKI", "AIz", "ya29", "SG", "key"),
]


@given(
    st.lists(
        st.sampled_from(_SHAPES) | st.text("Aa0_-.:", min_size=1, max_size=40), max_size=10
    ).map("".join)
)
@settings(max_examples=400)
@example("Authorization: Bearer eyJabcdefgh.abcdefghij.abcdefghij")
@example("123456:AAabcdefghijabcdefghijabcdefghij12")
def test_text_without_a_marker_holds_no_token(text: str) -> None:
    """The markers skip the expression only where it could not have matched."""
    from botkit.secret_names import _TOKEN_SHAPES

    if _TOKEN_SHAPES().search(text) is not None:
        assert may_hold_token(text)


def test_a_token_in_free_text_is_still_found() -> None:
    spans = text_secrets("agent/1.0 ghp_abcdefghijklmnopqrstuvwxyz12", "User-Agent")
    assert [s.variable for s in spans] == ["USER_AGENT_TOKEN"]
