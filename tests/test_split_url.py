"""split_url splits by hand exactly as RFC 3986's appendix B regular expression does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from botkit.request import split_url

# RFC 3986, appendix B, with the scheme's own grammar (section 3.1).
APPENDIX_B = re.compile(
    r"(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.S
)
_PIECES = [
    "http", "HTTPS", "h1+.-", "1x", "é", ":", "//", "/", "?", "#", "@", "[", "]", "::1", "a",
    "b.example", "%20", " ", "\n", "{{base}}", "x:y", "://", "\u0130", "\u212a",
]  # fmt: skip
urls = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join) | st.text(max_size=30)


def _oracle(url: str) -> tuple[str, str, str, str, str]:
    if "://" not in url:
        url = "http://" + url
    m = APPENDIX_B.fullmatch(url)
    assert m is not None
    return ((m[1] or "").lower(), m[2] or "", m[3] or "", m[4] or "", m[5] or "")


@settings(max_examples=600, deadline=None)
@given(urls)
def test_split_url_is_appendix_b(url: str) -> None:
    assert tuple(split_url(url)) == _oracle(url)
