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


_NETLOC_PIECES = [
    "user", "@", ":", "pw", "[", "]", "::1", "fe80::1", "%", "zone", "EXAMPLE.com", "8080",
    "é", "\u0130", "a", "",
]  # fmt: skip
netlocs = st.lists(st.sampled_from(_NETLOC_PIECES), max_size=8).map("".join) | st.text(max_size=20)


@settings(max_examples=600, deadline=None)
@given(netlocs)
def test_hostname_is_urllibs(netloc: str) -> None:
    """The host a URL names is read as urllib reads it (``SplitResult.hostname``), brackets,
    user, port and IPv6 zone included, without botkit importing urllib.parse."""
    from urllib.parse import SplitResult

    parts = split_url(f"http://{netloc}/")
    assert parts.hostname == SplitResult("http", parts.netloc, "/", "", "").hostname
