"""The pieces every non-cURL reader builds a ``Request`` from, read by one set of rules.

URLs go through curl's own URL rules (botkit/curl/urls.py), so a HAR entry, a
Postman request and an Invoke-WebRequest give the same component as the cURL
command for the same request.  Headers that a browser or HTTP client adds on
its own are left out, as browsers' "Copy as cURL" does:

- HTTP/2 and HTTP/3 pseudo-headers (``:authority``, ``:method``...) and the
  colon-less spellings "Copy as PowerShell" writes (``authority``, ``method``,
  ``path``, ``scheme``);
- what the connection itself decides: Host, Content-Length, Connection,
  Keep-Alive, Transfer-Encoding, TE, Upgrade, Proxy-Connection, Expect and
  Accept-Encoding (curl and every HTTP client send their own);
- what only describes the browser: ``sec-ch-*`` client hints, ``sec-fetch-*``
  fetch metadata, Priority and Upgrade-Insecure-Requests.

Everything else (User-Agent, Referer, Origin, Cookie, Accept...) is kept.
"""

from __future__ import annotations

from botkit.curl.urls import UrlError, resolve_url
from botkit.percent import quote
from botkit.request import BasicAuth, Header, QueryParam, parse_query

BROWSER_HEADERS = frozenset(
    {
        "authority",
        "method",
        "path",
        "scheme",
        "version",
        "protocol",
        "host",
        "content-length",
        "connection",
        "keep-alive",
        "transfer-encoding",
        "te",
        "upgrade",
        "proxy-connection",
        "expect",
        "accept-encoding",
        "priority",
        "upgrade-insecure-requests",
    }
)
BROWSER_HEADER_PREFIXES = (":", "sec-ch-", "sec-fetch-")


def added_by_browser(name: str) -> bool:
    """Is ``name`` a header the browser or HTTP client sets by itself (see above)?"""
    lower = name.lower()
    return lower in BROWSER_HEADERS or lower.startswith(BROWSER_HEADER_PREFIXES)


class PartError(ValueError):
    """A piece no HTTP request can carry; the reader adds where it is."""


def header(name: str, value: str) -> Header:
    """A header as the server reads it: blanks around the value dropped, no line breaks."""
    if not name or any(c in name for c in ":\r\n\x00 \t"):
        raise PartError(f"{name!r} is not a header name")
    value = value.strip(" \t")
    if any(c in value for c in "\r\n\x00"):
        raise PartError(f"the value of header {name!r} holds a line break")
    return Header(name, value)


def url_parts(text: str) -> tuple[str, list[QueryParam], BasicAuth | None]:
    """URL without query, the query pieces as written, and credentials in the URL."""
    text = text.strip()
    try:
        url, query, auth = resolve_url(text, globoff=True, path_as_is=True, default_scheme="http")
    except UrlError as exc:
        raise PartError(str(exc)) from None
    return url, [] if query is None else parse_query(query), auth


def cookie_header(pairs: list[tuple[str, str]]) -> Header:
    """The ``Cookie`` header a client sends for these name/value pairs."""
    return header("Cookie", "; ".join(f"{name}={value}" for name, value in pairs))


def form_encode(text: str) -> str:
    """A form field as a browser (and PowerShell) encodes it: space as ``+``, the rest
    of the reserved set as %XX."""
    return quote(text, safe="-._~*{}").replace("%20", "+")
