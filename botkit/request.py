"""The one model of an HTTP request that generation, import, export and lint share.

A ``Request`` is exactly what curl sends: the body text is the bytes on the wire
(decoded as UTF-8), query parameters are kept as they are written in the URL
(percent-encoding included) and headers keep their order and duplicates.  That
is what lets a cURL command go through a component and come back unchanged.
"""

from collections.abc import Mapping
from typing import Any

from botkit.named_tuples import NamedTuple
from botkit.values import Record

COMPONENT_TYPE = "call_api"


class Header(NamedTuple):
    name: str
    value: str


class QueryParam(NamedTuple):
    """One ``name[=value]`` piece of the query string, as written (still percent-encoded)."""

    name: str
    value: str | None = None

    def render(self) -> str:
        return self.name if self.value is None else f"{self.name}={self.value}"


class FormPart(NamedTuple):
    """One multipart/form-data part: an inline value, or a file curl reads when it sends."""

    name: str
    value: str | None = None
    file: str | None = None
    filename: str | None = None
    type: str | None = None


class Body(NamedTuple):
    """Either raw ``text`` (sent byte for byte) or multipart ``parts``; never both."""

    text: str | None = None
    parts: tuple[FormPart, ...] | None = None


class BasicAuth(NamedTuple):
    username: str
    password: str


class Request(Record):
    """One request: equal to another with the same fields (``botkit.values``)."""

    _fields = ("method", "url", "headers", "query", "body", "auth")

    def __init__(
        self,
        method: str,
        url: str,
        headers: list[Header] | None = None,
        query: list[QueryParam] | None = None,
        body: Body | None = None,
        auth: BasicAuth | None = None,
    ) -> None:
        self.method = method
        self.url = url
        self.headers: list[Header] = [] if headers is None else headers
        self.query: list[QueryParam] = [] if query is None else query
        self.body = body
        self.auth = auth

    @property
    def full_url(self) -> str:
        """The URL with its query string, as curl puts it on the request line."""
        if not self.query:
            return self.url
        return self.url + "?" + "&".join(p.render() for p in self.query)

    def header(self, name: str) -> str | None:
        """The last value of a header, matched case-insensitively (as servers read it)."""
        wanted = name.lower()
        found = None
        for h in self.headers:
            if h.name.lower() == wanted:
                found = h.value
        return found

    # --- component JSON -------------------------------------------------------

    def to_component(self, name: str, api: str | None = None) -> dict[str, Any]:
        """The Call API component for this request (see schemas/component.schema.json)."""
        component: dict[str, Any] = {"type": COMPONENT_TYPE, "name": name}
        if api:
            component["api"] = api
        component["method"] = self.method
        component["url"] = self.url
        component["headers"] = [{"name": h.name, "value": h.value} for h in self.headers]
        component["query"] = [_query_to_json(p) for p in self.query]
        if self.auth is not None:
            component["auth"] = {
                "type": "basic",
                "username": self.auth.username,
                "password": self.auth.password,
            }
        if self.body is not None:
            component["body"] = _body_to_json(self.body)
        return component

    @classmethod
    def from_component(cls, component: Mapping[str, Any]) -> "Request":
        """The request a component describes; the component must already be schema-valid."""
        auth = component.get("auth")
        return cls(
            method=component["method"],
            url=component["url"],
            headers=[Header(h["name"], h["value"]) for h in component.get("headers", [])],
            query=[QueryParam(q["name"], q.get("value")) for q in component.get("query", [])],
            body=_body_from_json(component["body"]) if "body" in component else None,
            auth=BasicAuth(auth["username"], auth["password"]) if auth else None,
        )


#: A scheme is a letter, then letters, digits, ``+``, ``.`` and ``-`` (RFC 3986, 3.1).
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SCHEME_CHARS = _LETTERS | frozenset("0123456789+.-")


class UrlParts(NamedTuple):
    """A URL's five parts (RFC 3986), as ``urllib.parse.SplitResult`` holds them, without
    importing ``urllib.parse`` (``botkit.percent`` says why)."""

    scheme: str
    netloc: str
    path: str
    query: str
    fragment: str

    @property
    def hostname(self) -> str | None:
        """The host, lowercased (an IPv6 zone after ``%`` kept as written), without
        brackets, user or port; None when empty: what ``SplitResult.hostname`` gives."""
        host = self.netloc.rpartition("@")[2]
        _, bracket, inside = host.partition("[")
        host = inside.partition("]")[0] if bracket else host.partition(":")[0]
        if not host:
            return None
        address, percent, zone = host.partition("%")
        return address.lower() + percent + zone


def split_url(url: str) -> UrlParts:
    """A URL's parts as curl reads it (``http://`` when it names no scheme); never raises.

    RFC 3986, appendix B, by hand (where urlsplit raises on a host like ``[x``): the
    scheme up to the first ``:``, ``//`` and the authority up to ``/``, ``?`` or ``#``,
    the path up to ``?`` or ``#``, the query up to ``#``, then the fragment.  A test
    holds it to that appendix's regular expression, which costs every command that
    reads a URL a pattern compile."""
    if "://" not in url:
        url = "http://" + url
    scheme, rest = "", url
    colon = url.find(":")
    if colon > 0 and url[0] in _LETTERS and all(c in _SCHEME_CHARS for c in url[1:colon]):
        scheme, rest = url[:colon], url[colon + 1 :]
    netloc = ""
    if rest.startswith("//"):
        end = _first_of(rest, "/?#", 2)
        netloc, rest = rest[2:end], rest[end:]
    end = _first_of(rest, "?#", 0)
    path, rest = rest[:end], rest[end:]
    query = fragment = ""
    if rest.startswith("?"):
        end = _first_of(rest, "#", 1)
        query, rest = rest[1:end], rest[end:]
    if rest.startswith("#"):
        fragment = rest[1:]
    return UrlParts(scheme.lower(), netloc, path, query, fragment)


def _first_of(text: str, chars: str, start: int) -> int:
    """Where the first of ``chars`` is in ``text`` from ``start`` on (else its length)."""
    found = [i for i in (text.find(c, start) for c in chars) if i >= 0]
    return min(found) if found else len(text)


def parse_query(query: str) -> list[QueryParam]:
    pieces: list[QueryParam] = []
    for piece in query.split("&"):
        name, eq, value = piece.partition("=")
        pieces.append(QueryParam(name, value if eq else None))
    return pieces


def _query_to_json(p: QueryParam) -> dict[str, str]:
    return {"name": p.name} if p.value is None else {"name": p.name, "value": p.value}


def _body_to_json(body: Body) -> dict[str, Any]:
    if body.parts is not None:
        parts = []
        for part in body.parts:
            item: dict[str, str] = {"name": part.name}
            for key in ("value", "file", "filename", "type"):
                value = getattr(part, key)
                if value is not None:
                    item[key] = value
            parts.append(item)
        return {"multipart": parts}
    return {"text": body.text or ""}


def _body_from_json(data: Mapping[str, Any]) -> Body:
    if "multipart" in data:
        return Body(
            parts=tuple(
                FormPart(
                    name=p["name"],
                    value=p.get("value"),
                    file=p.get("file"),
                    filename=p.get("filename"),
                    type=p.get("type"),
                )
                for p in data["multipart"]
            )
        )
    return Body(text=data["text"])
