"""botkit.percent gives what urllib.parse gives, on any text: it stands in for it."""

from __future__ import annotations

import urllib.parse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from botkit import percent

# Text rich in what percent-encoding turns on: escapes (good, short, non-hex, of UTF-8
# bytes and of bytes that are no UTF-8), '+', and non-ASCII characters between them.
PIECES = st.sampled_from(
    ["%", "%2", "%2B", "%2b", "%zz", "%C3%A9", "%C3", "%A9", "%FF", "+", "é", "€", "/", " ", "a"]
)
TEXT = st.one_of(st.text(), st.lists(PIECES | st.text(max_size=3)).map("".join))
SAFE = st.sampled_from(["", "/", "/:@", " ", "é/", "%"]) | st.text(max_size=4)


@given(TEXT)
def test_unquote_is_urllibs(text: str) -> None:
    assert percent.unquote(text) == urllib.parse.unquote(text)


@given(TEXT)
def test_unquote_plus_is_urllibs(text: str) -> None:
    assert percent.unquote_plus(text) == urllib.parse.unquote_plus(text)


@given(TEXT, SAFE)
def test_quote_is_urllibs(text: str, safe: str) -> None:
    try:
        expected = urllib.parse.quote(text, safe=safe)
    except UnicodeEncodeError:
        with pytest.raises(UnicodeEncodeError):
            percent.quote(text, safe=safe)
        return
    assert percent.quote(text, safe=safe) == expected


def test_examples() -> None:
    assert percent.quote("+91 98/x", safe="") == "%2B91%2098%2Fx"
    assert percent.unquote("%2B91%C3%A9é%zz") == "+91éé%zz"
    assert percent.unquote("%C3é%A9") == "\ufffdé\ufffd"  # escapes split by a character
    assert percent.unquote_plus("a+b%2B") == "a b+"
    with pytest.raises(UnicodeEncodeError):
        percent.quote("\udcff")  # a lone surrogate, as urllib's quote raises
    assert percent.unquote("%41\udcff") == urllib.parse.unquote("%41\udcff")
