"""Filling ``{{variables}}`` with values (``--var`` / ``--vars``) before a request is rendered.

Two places fill: ``botkit curl`` fills the parameter values the user typed, before
they are checked (so a filled-in phone number is checked like a typed one), and
``botkit export`` fills a component's fields.  A value goes in escaped for where
it lands, the way a bot platform would send it: percent-encoded in a URL path or
the query, JSON-escaped inside a JSON string, as it is in a header.  What no
request can carry there (a line break in a header, a value that is not JSON
outside a JSON string) is refused with the variable's name, never its value
(a value may be a secret).  Whatever is filled, the renderer still quotes it, so
the command stays safe to paste.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from botkit import variables
from botkit.percent import quote
from botkit.variables import Variable, VariablesError

# A header, a user name or a file name is one line; no request carries NUL anywhere.
_LINE_BREAK_OR_NUL = re.compile(r"[\r\n\x00]")
_NUL = "\x00"
# What a variable at the start of a URL stands for: scheme, host and maybe a path.
_URL_LEAD = re.compile(
    r"[Hh][Tt][Tt][Pp][Ss]?://[^/?#@\s\x00-\x1f\x7f]+(?:/[^?#\s\x00-\x1f\x7f]*)?"
)
_HOST_PART = re.compile(r"[A-Za-z0-9._~:\[\]-]+")


@dataclass
class FilledValues:
    """Parameter values with their variables filled, and which variables each one used
    (for a message that says where a refused value came from)."""

    values: dict[str, Any]
    origin: dict[str, list[str]] = field(default_factory=dict)

    def source_of(self, key: str) -> str:
        """`` (filled in from {{a}})`` when ``key``'s value was filled, else ``""``."""
        names = self.origin.get(key)
        if not names:
            return ""
        return " (filled in from " + ", ".join(variables.written(n) for n in names) + ")"


def fill_values(given: Mapping[str, Any], values: Mapping[str, str]) -> FilledValues:
    """``given`` (parameter name -> text, a list of texts, a boolean or None) with the
    variables that ``values`` names filled in as they are: each value is then checked
    and encoded by the generator exactly like one typed on the command line."""
    out: dict[str, Any] = {}
    origin: dict[str, list[str]] = {}
    for key, value in given.items():
        if isinstance(value, str):
            filled = variables.substitute(value, values)
            out[key], used = filled.text, filled.used
        elif isinstance(value, list | tuple):
            items = [variables.substitute(v, values) if isinstance(v, str) else v for v in value]
            out[key] = [i.text if isinstance(i, variables.Filled) else i for i in items]
            used = [n for i in items if isinstance(i, variables.Filled) for n in i.used]
        else:
            out[key], used = value, []
        if used:
            origin[key] = used
    return FilledValues(out, origin)


def credentials_from_variables(
    vendor: Any, given: Mapping[str, str | None], values: Mapping[str, str]
) -> dict[str, str | None]:
    """The credentials (``api_key``, ``user``, ``token``) as given by options and the
    environment; when none is, the naming rule's variables that ``values`` fill
    (``DOUBLETICK_API_KEY``, or ``UNBLU_TOKEN``, or ``UNBLU_USER`` with ``UNBLU_PASSWORD``),
    written as variables so that filling them records where they came from."""
    if any(given.values()):
        return dict(given)
    names = variables.credential_names(vendor)
    out = dict(given)
    if names.api_key and names.api_key in values:
        out["api_key"] = variables.written(names.api_key)
    elif names.token and names.token in values:
        out["token"] = variables.written(names.token)
    elif names.user and names.password and names.user in values and names.password in values:
        out["user"] = variables.written(names.user) + ":" + variables.written(names.password)
    return out


def unfilled(request: Any) -> list[str]:
    """The names of the variables still in ``request`` (a ``Request``), once each, in order."""
    texts: list[str] = [request.url]
    texts += [h.value for h in request.headers]
    texts += [q.render() for q in request.query]
    if request.auth is not None:
        texts += [request.auth.username, request.auth.password]
    body = request.body
    if body is not None:
        if body.text is not None:
            texts.append(body.text)
        for part in body.parts or ():
            texts += [t for t in (part.name, part.value, part.file, part.filename) if t]
    names: dict[str, None] = {}
    for text in texts:
        for var in variables.find(text):
            names.setdefault(var.name, None)
    return list(names)


def unfilled_message(names: Sequence[str]) -> str:
    """``{{a}} has no value (give one with --var or --vars)``; several: each named.  No
    ``NAME=VALUE`` in it: for a credential's name that reads as a secret to mask."""
    written = ", ".join(variables.written(n) for n in names)
    verb = "has no value (give one" if len(names) == 1 else "have no value (give them"
    return f"{written} {verb} with --var or --vars)"


# --- a component's fields --------------------------------------------------------------------


def fill_component(component: Mapping[str, Any], values: Mapping[str, str]) -> dict[str, Any]:
    """A copy of ``component`` (schema-valid) with the variables ``values`` names filled
    in, each escaped for the field it is in.  ``name``, ``save`` and ``x-`` keys are
    kept as written: they are not part of the request.  Raises ``VariablesError``
    (naming the variable and the field) for a value the field cannot carry."""
    out = dict(component)
    out["url"] = _fill_url(component["url"], values)
    out["headers"] = [
        {**h, "value": _fill_line(h["value"], values, f"header {h['name']}")}
        for h in component.get("headers", [])
    ]
    if "query" in component:
        out["query"] = [_fill_query(q, values) for q in component["query"]]
    if "auth" in component:
        auth = component["auth"]
        out["auth"] = {
            **auth,
            "username": _fill_line(auth["username"], values, "auth.username", forbid=":"),
            "password": _fill_line(auth["password"], values, "auth.password"),
        }
    if "body" in component:
        out["body"] = _fill_body(component["body"], component.get("headers", []), values)
    return out


def _fill_url(url: str, values: Mapping[str, str]) -> str:
    """A variable that starts the URL stands for scheme and host (``{{base}}/v1``); one
    in the host goes in as it is, if it is a host; one in the path is percent-encoded."""
    authority_end = _authority_end(url)

    def encode(value: str, var: Variable) -> str:
        if var.start == 0:
            if not _URL_LEAD.fullmatch(value.rstrip("/")):
                raise VariablesError(
                    f"{variables.written(var.name)} starts the URL, so it must be an http(s) "
                    "URL (scheme and host, maybe a path) without blanks, query or fragment"
                )
            return value.rstrip("/") if url[var.end : var.end + 1] == "/" else value
        if var.start < authority_end:
            if not _HOST_PART.fullmatch(value):
                raise VariablesError(
                    f"{variables.written(var.name)} is in the URL's host, and its value is "
                    "not a host name (letters, digits, '.', '-', ':' and a port)"
                )
            return value
        return quote(value, safe="")

    return variables.substitute(url, values, encode=encode).text


def _authority_end(url: str) -> int:
    """Where the URL's path starts (after ``scheme://host``); 0 when it starts with a variable."""
    if url.startswith("{{"):
        return 0
    start = url.find("://")
    if start < 0:
        return 0
    slash = url.find("/", start + 3)
    return len(url) if slash < 0 else slash


def _fill_query(piece: Mapping[str, str], values: Mapping[str, str]) -> dict[str, str]:
    """Query names and values are kept percent-encoded, as in a URL: so is what fills them."""

    def encode(value: str, var: Variable) -> str:
        return quote(value, safe="")

    out = dict(piece)
    out["name"] = variables.substitute(piece["name"], values, encode=encode).text
    if "value" in piece:
        out["value"] = variables.substitute(piece["value"], values, encode=encode).text
    return out


def _fill_line(text: str, values: Mapping[str, str], where: str, *, forbid: str = "") -> str:
    """A one-line field (a header value, a user name): filled as it is, refusing a line
    break or NUL (which would end the header and start another) and ``forbid``."""

    def encode(value: str, var: Variable) -> str:
        if _LINE_BREAK_OR_NUL.search(value) or any(c in value for c in forbid):
            what = "a line break or NUL" + (f" or {forbid!r}" if forbid else "")
            raise VariablesError(
                f"{variables.written(var.name)} (in {where}): the value holds {what}, "
                "which this field cannot carry"
            )
        return value

    filled = variables.substitute(text, values, encode=encode).text
    if filled != filled.strip(" \t"):
        raise VariablesError(
            f"{where}: with its variables filled in, the value starts or ends with a blank, "
            "which HTTP drops"
        )
    return filled


def _fill_body(
    body: Mapping[str, Any], headers: Sequence[Mapping[str, str]], values: Mapping[str, str]
) -> dict[str, Any]:
    if "multipart" in body:
        parts = []
        for index, part in enumerate(body["multipart"]):
            where = f"body.multipart[{index}]"
            new = dict(part)
            new["name"] = _fill_line(part["name"], values, where + ".name", forbid="=")
            for key in ("file", "filename"):
                if key in part:
                    new[key] = _fill_line(part[key], values, f"{where}.{key}")
            if "value" in part:
                new["value"] = _fill_text(part["value"], values, where + ".value")
            parts.append(new)
        return {"multipart": parts}
    text = body["text"]
    kind = _body_kind(text, headers)
    if kind == "json":
        return {"text": _fill_json(text, values)}
    if kind == "form":
        return {"text": _fill_form(text, values)}
    return {"text": _fill_text(text, values, "body.text")}


def _body_kind(text: str, headers: Sequence[Mapping[str, str]]) -> str:
    """json, form or text: from the Content-Type header, else from the first character."""
    types = [h["value"].lower() for h in headers if h["name"].lower() == "content-type"]
    if types:
        media = types[-1].split(";")[0].strip()
        if media == "application/json" or media.endswith("+json"):
            return "json"
        if media == "application/x-www-form-urlencoded":
            return "form"
        return "text"
    return "json" if text.lstrip()[:1] in ("{", "[") else "text"


def _fill_text(text: str, values: Mapping[str, str], where: str) -> str:
    def encode(value: str, var: Variable) -> str:
        if _NUL in value:
            raise VariablesError(
                f"{variables.written(var.name)} (in {where}): the value holds NUL, "
                "which a command line cannot carry"
            )
        return value

    return variables.substitute(text, values, encode=encode).text


def _fill_form(text: str, values: Mapping[str, str]) -> str:
    """``a={{x}}&b=2``: a value goes in percent-encoded, so it stays one field."""
    return variables.substitute(text, values, encode=lambda value, var: quote(value, safe="")).text


def _fill_json(text: str, values: Mapping[str, str]) -> str:
    """Inside a JSON string a value goes in JSON-escaped (``"{{note}}"`` with ``a "b"`` stays
    one string); outside one (``{"n": {{count}}}``) it must be a JSON value itself, so
    that it cannot add fields."""
    strings = _json_string_spans(text)

    def encode(value: str, var: Variable) -> str:
        if any(start < var.start < end for start, end in strings):
            return json.dumps(value, ensure_ascii=False)[1:-1]
        try:
            json.loads(value)
        except (ValueError, RecursionError):
            raise VariablesError(
                f"{variables.written(var.name)} stands outside a JSON string in the body, and "
                'its value is not one JSON value; quote the variable ("'
                + variables.written(var.name)
                + '") or give a number, true, false, null, an object or a list'
            ) from None
        return value

    return variables.substitute(text, values, encode=encode).text


def _json_string_spans(text: str) -> list[tuple[int, int]]:
    """Where the JSON strings of ``text`` are: ``(opening quote, closing quote)`` pairs.
    A ``{{name}}`` holds no quote, so it never confuses the scan."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] != '"':
            i += 1
            continue
        j = i + 1
        while j < n and text[j] != '"':
            j += 2 if text[j] == "\\" else 1
        spans.append((i, j))
        i = j + 1
    return spans
