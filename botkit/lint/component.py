"""One Call API component, read defensively: the fields rules look at, and their sites.

Rules look at a component through this view whether it came from a bot file, a
standalone component file or a cURL snippet (imported to a component first).
Values of the wrong type are skipped here, not trusted: the schema rule reports
them, and the other rules still check whatever is well-formed.  What needs the
catalog (which API it calls, its credentials, its phone numbers) is worked out
by ``botkit.lint.call.Call``, built on this view.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

from botkit.http_syntax import is_token
from botkit.lint.jsonpos import JsonPath
from botkit.lint.model import Site
from botkit.values import Value


class HeaderItem(Value):
    """A header of the component: its index in ``headers``, name and value."""

    _fields = ("index", "name", "value")
    index: int
    name: str
    value: str

    def __init__(self, index: int, name: str, value: str) -> None:
        self._set(index=index, name=name, value=value)


class QueryItem(Value):
    """A query parameter: its index in ``query``, name and value (None: not a string)."""

    _fields = ("index", "name", "value")
    index: int
    name: str
    value: str | None

    def __init__(self, index: int, name: str, value: str | None) -> None:
        self._set(index=index, name=name, value=value)


class ComponentView:
    """A component dict and the JSON path where it sits."""

    def __init__(self, component: dict[str, Any], base: JsonPath, *, shell: bool = False) -> None:
        self.component = component
        self.base = base
        #: From a cURL snippet: variables look like ``$NAME`` and fixes suggest env vars.
        self.shell = shell

    def site(self, *rel: str | int, key: bool = False, inner: JsonPath | None = None) -> Site:
        return Site((*self.base, *rel), key=key, inner=inner)

    def _text(self, name: str) -> str | None:
        value = self.component.get(name)
        return value if isinstance(value, str) else None

    @property
    def method(self) -> str | None:
        """The method, or None when it is not a valid one (the schema rule says so)."""
        method = self._text("method")
        return method if method and is_token(method) else None

    @property
    def url(self) -> str | None:
        url = self._text("url")
        return url if url and url.strip() else None

    @property
    def api_id(self) -> str | None:
        return self._text("api")

    @cached_property
    def headers(self) -> list[HeaderItem]:
        items = self.component.get("headers")
        out: list[HeaderItem] = []
        if isinstance(items, list):
            for i, h in enumerate(items):
                if isinstance(h, dict):
                    name, value = h.get("name"), h.get("value")
                    if isinstance(name, str) and isinstance(value, str):
                        out.append(HeaderItem(i, name, value))
        return out

    def headers_named(self, name: str) -> list[HeaderItem]:
        wanted = name.lower()
        return [h for h in self.headers if h.name.lower() == wanted]

    @cached_property
    def query(self) -> list[QueryItem]:
        items = self.component.get("query")
        out: list[QueryItem] = []
        if isinstance(items, list):
            for i, q in enumerate(items):
                if isinstance(q, dict) and isinstance(q.get("name"), str):
                    value = q.get("value")
                    out.append(QueryItem(i, q["name"], value if isinstance(value, str) else None))
        return out

    @property
    def auth(self) -> dict[str, Any] | None:
        auth = self.component.get("auth")
        return auth if isinstance(auth, dict) else None

    @property
    def body_text(self) -> str | None:
        body = self.component.get("body")
        if isinstance(body, dict):
            text = body.get("text")
            if isinstance(text, str):
                return text
        return None

    @property
    def has_multipart(self) -> bool:
        body = self.component.get("body")
        return isinstance(body, dict) and "multipart" in body

    @property
    def body_site(self) -> Site:
        return self.site("body", "text")

    def body_field_site(self, *inner: str | int, key: bool = False) -> Site:
        return self.site("body", "text", key=key, inner=tuple(inner))

    @cached_property
    def body_json(self) -> Any:
        """The body parsed as JSON, or None when there is none or it does not parse."""
        return self._parsed_body[0]

    @cached_property
    def body_json_error(self) -> str | None:
        """Why a body that should be JSON does not parse (None when it parses or is absent)."""
        return self._parsed_body[1]

    @cached_property
    def _parsed_body(self) -> tuple[Any, str | None]:
        text = self.body_text
        if text is None or not text.strip():
            return None, None
        try:
            return json.loads(text), None
        except json.JSONDecodeError as exc:
            return None, f"{exc.msg} (body line {exc.lineno}, column {exc.colno})"
        except RecursionError:
            return None, "nested too deep"
