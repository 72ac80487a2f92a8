"""``--redact``: every credential of a component replaced by a ``{{VARIABLE}}``.

Which places are credentials is botkit/secret_names.py's to say; this module
finds them in a component (``secret_places``) and writes the variables
(``redact_component``).  The places, in order:

- a secret header's value (an auth scheme word kept: ``Bearer {{AUTHORIZATION}}``),
  and inside any other header value (User-Agent, Referer) a secret ``name=value``,
  URL userinfo or a token shape;
- a query value whose (percent-decoded) name is secret;
- a credential URL path (a Telegram bot token, a Slack or Discord webhook);
- basic credentials (``auth``);
- a text body's secret fields: JSON string values, urlencoded values;
- a multipart value whose part name is secret.

Variables follow the one rule for credential variables (README "Variables"):
upper case, like the environment variable they come from.  A catalog API's own
credential gets that API's variable (``{{DOUBLETICK_API_KEY}}``); any other is
named after its place (``X-Api-Key`` -> ``{{X_API_KEY}}``).  Values that already
are a variable are kept, and one value keeps one name.
"""

from __future__ import annotations

import json
import json.decoder
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from botkit import secret_names as names
from botkit.lazy_re import lazy
from botkit.masking import mask as mask  # the masking rule, where it always was
from botkit.percent import unquote_plus
from botkit.scheme_words import scheme_prefix
from botkit.values import Value
from botkit.variables import is_template, looks_templated, written

if TYPE_CHECKING:
    from botkit.catalog import Api

#: Scheme words kept before a header's secret (``Bearer`` stays; ``key`` is part of it).
_SCHEME_WORDS = ("bearer", "basic", "token", "digest", "bot", "key")


def is_secret_header(name: str) -> bool:
    return names.is_secret_header(name)


def catalog_variables(api: Api | None) -> dict[str, str]:
    """Header name (lower case) -> the variable ``botkit curl`` writes for that API's
    credential, so that generated and redacted components name it alike."""
    if api is None:
        return {}
    return dict(api.auth.redact_variables())


class Place(Value):
    """One credential in a component: where (a JSON path), the literal text, and the
    variable ``--redact`` writes there.  ``span`` is the part of the string at ``path``
    that is the credential (the whole string when None)."""

    _fields = ("path", "value", "variable", "span")
    path: tuple[str | int, ...]
    value: str
    variable: str
    span: tuple[int, int] | None

    def __init__(
        self,
        path: tuple[str | int, ...],
        value: str,
        variable: str,
        span: tuple[int, int] | None = None,
    ) -> None:
        self._set(path=path, value=value, variable=variable, span=span)


class _Names:
    """Variables for the places found: one value keeps one name, two values never
    share one (the second ``TOKEN`` becomes ``TOKEN_2``)."""

    def __init__(self) -> None:
        self.by_value: dict[str, str] = {}
        self.taken: dict[str, str] = {}

    def __call__(self, wanted: str, value: str) -> str:
        if value in self.by_value:
            return self.by_value[value]
        name, n = wanted, 1
        while name in self.taken and self.taken[name] != value:
            n += 1
            name = f"{wanted}_{n}"
        self.taken[name] = value
        self.by_value[value] = name
        return name


def secret_places(component: dict[str, Any], api: Api | None = None) -> list[Place]:
    """Every literal credential in ``component`` (a schema-valid one, or near enough:
    anything unexpected is passed over), with the variable that stands for it."""
    found: list[Place] = []
    name_for = _Names()
    known = catalog_variables(api)
    known_query = dict(api.auth.redact_query_variables()) if api is not None else {}

    def add(path: tuple[str | int, ...], value: str, wanted: str, span: Any = None) -> None:
        if value and not is_template(value) and not looks_templated(value):
            found.append(Place(path, value, name_for(wanted, value), span))

    headers = component.get("headers")
    for i, header in enumerate(headers if isinstance(headers, list) else []):
        if not isinstance(header, dict):
            continue
        name, value = header.get("name"), header.get("value")
        if not isinstance(name, str) or not isinstance(value, str) or not value:
            continue
        path = ("headers", i, "value")
        if names.is_secret_header(name) or name.lower() in known:
            scheme = scheme_prefix(value, _SCHEME_WORDS, leading_space=False)
            start = scheme[1] if scheme is not None and scheme[0] != "key" else 0
            secret = value[start:]
            if secret and not is_template(secret):
                wanted = known.get(name.lower()) or names.variable_name(name)
                add(path, secret, wanted, (start, len(value)) if start else None)
            continue
        for span in names.text_secrets(value, name):
            add(path, value[span.start : span.end], span.variable, (span.start, span.end))

    url = component.get("url")
    if isinstance(url, str):
        for span in names.path_secrets(url):
            add(("url",), url[span.start : span.end], span.variable, (span.start, span.end))

    query = component.get("query")
    for i, param in enumerate(query if isinstance(query, list) else []):
        if not isinstance(param, dict):
            continue
        name, value = param.get("name"), param.get("value")
        if not isinstance(name, str) or not isinstance(value, str):
            continue
        if names.is_secret_field(name) or name in known_query:
            add(("query", i, "value"), value, known_query.get(name) or names.variable_name(name))

    auth = component.get("auth")
    if isinstance(auth, dict):
        user_var, password_var = _basic_names(api)
        for field, wanted in (("username", user_var), ("password", password_var)):
            value = auth.get(field)
            if isinstance(value, str):
                add(("auth", field), value, wanted)

    body = component.get("body")
    if isinstance(body, dict):
        text = body.get("text")
        if isinstance(text, str):
            for start, end, field in body_secrets(text, _content_type(component)):
                literal = text[start:end]
                if literal.startswith('"'):  # a JSON string: the credential is its content
                    literal = json.loads(literal)
                add(("body", "text"), literal, names.variable_name(field), (start, end))
        parts = body.get("multipart")
        for i, part in enumerate(parts if isinstance(parts, list) else []):
            if isinstance(part, dict) and isinstance(part.get("name"), str):
                value = part.get("value")
                if isinstance(value, str) and names.is_secret_field(part["name"]):
                    add(("body", "multipart", i, "value"), value, names.variable_name(part["name"]))
    return found


def _basic_names(api: Api | None) -> tuple[str, str]:
    """The variables of basic credentials: the API's own (``UNBLU_USER``), else
    ``API_USER`` and ``API_PASSWORD``, the names lint's hints use for an unknown API."""
    if api is not None and api.auth.accepts_basic:
        cred = api.auth.credential_names()
        return cred.user or "API_USER", cred.password or "API_PASSWORD"
    return "API_USER", "API_PASSWORD"


def _content_type(component: dict[str, Any]) -> str:
    headers = component.get("headers")
    for header in headers if isinstance(headers, list) else []:
        if isinstance(header, dict) and str(header.get("name", "")).lower() == "content-type":
            return str(header.get("value", "")).lower()
    return ""


_FORM = lazy(r"[^&=\s]+=[^&\s]*(?:&[^&=\s]+=[^&\s]*)*&?")


def body_secrets(text: str, content_type: str = "") -> list[tuple[int, int, str]]:
    """``(start, end, field)`` for each secret field's value in a text body: JSON string
    values (at any depth) and urlencoded values; a body of neither kind has none."""
    stripped = text.strip()
    if "json" in content_type or stripped[:1] in ("{", "["):
        spans = _json_secrets(text)
        if spans is not None:
            return spans
    if "x-www-form-urlencoded" in content_type or _FORM().fullmatch(stripped):
        return _form_secrets(text)
    return []


def _form_secrets(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"(?:^|(?<=&))([^&=]*)=([^&]*)", text):
        name = unquote_plus(m.group(1)).strip()
        if m.group(2) and names.is_secret_field(name):
            out.append((m.start(2), m.end(2), name))
    return out


def _json_secrets(text: str) -> list[tuple[int, int, str]] | None:
    """Spans of the string values of secret keys (the quotes included, so the
    variable replaces a JSON string by a JSON string); None when ``text`` is no JSON."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return None
    # json's own string reader, which the stubs do not declare.
    scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
    out: list[tuple[int, int, str]] = []
    stack: list[str] = []
    expect_key = False
    key: str | None = None
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            value, end = scanstring(text, i + 1)
            if stack and stack[-1] == "{" and expect_key:
                key, expect_key = value, False
            elif stack and stack[-1] == "{" and key is not None and names.is_secret_field(key):
                out.append((i, end, key))
            i = end
            continue
        if c == "{":
            stack.append("{")
            expect_key = True
        elif c == "[":
            stack.append("[")
        elif c in "]}":
            stack.pop()
        elif c == "," and stack and stack[-1] == "{":
            expect_key = True
        i += 1
    return out


def _replace(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def redact_component(component: dict[str, Any], api: Api | None = None) -> dict[str, Any]:
    """A copy of ``component`` with every credential replaced by its ``{{VARIABLE}}``."""
    import copy  # only ``--redact`` copies a component

    out = copy.deepcopy(component)
    edits: dict[tuple[str | int, ...], list[tuple[int, int, str]]] = {}
    for place in secret_places(component, api):
        var = written(place.variable)
        start, end = place.span if place.span is not None else (0, len(place.value))
        if place.path == ("body", "text") and component["body"]["text"][start:end][:1] == '"':
            var = json.dumps(var)  # a JSON string stays a JSON string
        edits.setdefault(place.path, []).append((start, end, var))
    for path, spans in edits.items():
        _edit(out, path, lambda text, spans=spans: _replace(text, spans))  # type: ignore[misc]
    return out


def _edit(data: Any, path: tuple[str | int, ...], change: Callable[[str], str]) -> None:
    *parents, last = path
    for key in parents:
        data = data[key]
    data[last] = change(data[last])
