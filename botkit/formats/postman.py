"""Postman Collection v2.1 and v2.0 -> requests.

Every request of the folder tree, depth first as Postman lists them,
named after its item.  ``{{variables}}`` stay verbatim; disabled headers, query
params and form fields are left out; auth is inherited from the closest folder
(or the collection) that sets one, ``noauth`` stops it.  ``basic`` becomes the
component's auth, ``bearer`` an ``Authorization: Bearer`` header, ``apikey`` a
header or query param; other auth types, scripts and file bodies are warnings.
Bodies: ``raw`` as is (with the Content-Type Postman adds for its language when
the request sets none), ``urlencoded`` encoded as a form, ``formdata`` as
multipart parts, ``graphql`` as the JSON Postman sends.  The collection's
``variable`` list becomes the bot's variables (names and descriptions only:
values can be secrets).

This module walks the folder tree and reads each item's headers; an item's URL,
body and auth are read by ``postman_url.py``, ``postman_body.py`` and
``postman_auth.py``, and ``postman_write.py`` writes a collection.
"""

from __future__ import annotations

import re
from typing import Any

from botkit.formats import ReadOptions
from botkit.formats.jsondata import JsonReader, child
from botkit.formats.parts import PartError, header
from botkit.formats.postman_auth import read_auth
from botkit.formats.postman_body import read_body
from botkit.formats.postman_url import read_url
from botkit.formats.result import ReadRequest, ReadResult, ReadWarning
from botkit.request import Header, Request
from botkit.variables import is_name

_SCHEMA = re.compile(r"/collection/v2\.[01]\.\d+/", re.I)
_MAX_DEPTH = 200


def looks_like_postman(document: Any) -> bool:
    return (
        isinstance(document, dict) and isinstance(document.get("info"), dict) and "item" in document
    )


def read_postman(document: Any, source: str, options: ReadOptions | None = None) -> ReadResult:
    """Every request of a parsed collection, in the order Postman shows them."""
    reader = JsonReader(source)
    root = reader.expect(document, dict, "$")
    info = reader.required(root, "info", dict, "$")
    schema = reader.text(info, "schema", "$.info", "") or ""
    if schema and not _SCHEMA.search(schema):
        raise reader.error(
            "$.info.schema",
            f"{schema[:80]!r}: botkit reads Postman Collection v2.1 and v2.0; "
            "export the collection from Postman as v2.1",
        )
    title = reader.text(info, "name", "$.info")
    result = ReadResult("postman", [], title=title or None)
    _variables(reader, root, result)
    # depth first without recursion: (item, path, inherited auth, auth's path)
    stack: list[tuple[Any, str, Any, str, int]] = []
    items = reader.required(root, "item", list, "$")
    root_auth = root.get("auth")
    for index in range(len(items) - 1, -1, -1):
        stack.append((items[index], child("$.item", index), root_auth, "$.auth", 1))
    while stack:
        item, path, auth, auth_path, depth = stack.pop()
        item = reader.expect(item, dict, path)
        if depth > _MAX_DEPTH:
            raise reader.error(path, f"folders nested more than {_MAX_DEPTH} deep")
        own = item.get("auth")
        if own is not None and not (isinstance(own, dict) and own.get("type") == "inherit"):
            auth, auth_path = own, child(path, "auth")
        if "request" not in item and "item" in item:
            children = reader.expect(item["item"], list, child(path, "item"))
            for index in range(len(children) - 1, -1, -1):
                stack.append(
                    (children[index], child(child(path, "item"), index), auth, auth_path, depth + 1)
                )
            _scripts(item, path, result.warnings)
            continue
        result.requests.append(_item(reader, item, path, auth, auth_path))
    _scripts(root, "$", result.warnings)
    return result


def _variables(reader: JsonReader, root: dict[str, Any], result: ReadResult) -> None:
    for index, var in enumerate(reader.field(root, "variable", list, "$", [])):
        path = child("$.variable", index)
        var = reader.expect(var, dict, path)
        if var.get("disabled") is True:
            continue
        name = reader.text(var, "key", path) or reader.text(var, "id", path) or ""
        if not is_name(name):
            result.warnings.append(
                ReadWarning(
                    path,
                    f"variable {name!r}",
                    "a bot variable is a letter or _ then letters, digits, _ or .; left out",
                )
            )
            continue
        description = var.get("description")
        if isinstance(description, dict):
            description = description.get("content")
        result.variables[name] = (
            description.strip()
            if isinstance(description, str) and description.strip()
            else "from the Postman collection"
        )


def _scripts(item: dict[str, Any], path: str, warnings: list[ReadWarning]) -> None:
    for index, event in enumerate(item.get("event") or []):
        if not isinstance(event, dict):
            continue
        script = event.get("script")
        lines = script.get("exec") if isinstance(script, dict) else None
        if isinstance(lines, str):
            lines = [lines]
        if isinstance(lines, list) and any(isinstance(x, str) and x.strip() for x in lines):
            warnings.append(
                ReadWarning(
                    child(child(path, "event"), index),
                    f"{event.get('listen', 'a')} script",
                    "Postman runs it, botkit does not; left out",
                )
            )


def _item(
    reader: JsonReader, item: dict[str, Any], path: str, auth: Any, auth_path: str
) -> ReadRequest:
    warnings: list[ReadWarning] = []
    rpath = child(path, "request")
    request = item.get("request")
    if isinstance(request, str):
        request = {"url": request, "method": "GET"}
    request = reader.expect(request, dict, rpath)
    method = (reader.text(request, "method", rpath, "GET") or "GET").upper()  # as Postman sends
    url, query, url_auth = read_url(reader, request, rpath)
    headers = _headers(reader, request, rpath)
    body = read_body(reader, request, rpath, headers, warnings)
    own = request.get("auth")
    if own is not None and not (isinstance(own, dict) and own.get("type") == "inherit"):
        auth, auth_path = own, child(rpath, "auth")
    basic = read_auth(reader, auth, auth_path, headers, query, warnings)
    _scripts(item, path, warnings)
    name = reader.text(item, "name", path)
    return ReadRequest(
        Request(method, url, headers, query, body, basic or url_auth),
        name=name or None,
        where=path,
        warnings=warnings,
    )


# --- headers ---------------------------------------------------------------------


def _headers(reader: JsonReader, request: dict[str, Any], path: str) -> list[Header]:
    hpath = child(path, "header")
    value = request.get("header")
    if value is None:
        return []
    pairs: list[tuple[str, str, str]] = []
    if isinstance(value, str):  # "Name: value" lines
        for line in value.splitlines():
            if line.strip():
                name, _, val = line.partition(":")
                pairs.append((name.strip(), val, hpath))
    else:
        for index, item in enumerate(reader.expect(value, list, hpath)):
            ipath = child(hpath, index)
            item = reader.expect(item, dict, ipath)
            if item.get("disabled") is True:
                continue
            pairs.append(
                (
                    reader.required(item, "key", str, ipath),
                    reader.text(item, "value", ipath, "") or "",
                    ipath,
                )
            )
    found = []
    for name, val, where in pairs:
        try:
            found.append(header(name, val))
        except PartError as exc:
            raise reader.error(where, str(exc)) from None
    return found


def _has(headers: list[Header], name: str) -> bool:
    return any(h.name.lower() == name for h in headers)
