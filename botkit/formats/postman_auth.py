"""A Postman auth table -> what the request carries: basic credentials, a header or a
query param.

Auth is inherited from the closest folder (or the collection) that sets one; the
reader passes down the table that applies, ``noauth`` meaning none.  ``basic``
becomes the component's auth, ``bearer`` an ``Authorization: Bearer`` header,
``apikey`` a header or query param, ``oauth2`` with a token already fetched the
header (or ``access_token`` param) Postman sends; any other type is a warning.
"""

from __future__ import annotations

import json
from typing import Any

from botkit.formats.jsondata import JsonReader, child
from botkit.formats.parts import PartError, header
from botkit.formats.postman_url import NAME_UNSAFE, encode
from botkit.formats.result import ReadWarning
from botkit.request import BasicAuth, Header, QueryParam


def read_auth(
    reader: JsonReader,
    auth: Any,
    path: str,
    headers: list[Header],
    query: list[QueryParam],
    warnings: list[ReadWarning],
) -> BasicAuth | None:
    if auth is None:
        return None
    auth = reader.expect(auth, dict, path)
    kind = reader.text(auth, "type", path, "noauth")
    if kind == "noauth":
        return None
    params = _auth_params(reader, auth.get(kind), child(path, kind))
    if kind == "basic":
        username = params.get("username", "")
        if ":" in username or any(c in username + params.get("password", "") for c in "\r\n"):
            raise reader.error(path, "a basic auth username cannot hold ':' or a line break")
        return BasicAuth(username, params.get("password", ""))
    if kind == "oauth2" and params.get("accessToken"):
        # a token already fetched: Postman sends it as this header (or query param)
        token = params["accessToken"]
        if params.get("addTokenTo") == "queryParams":
            query.append(QueryParam("access_token", encode(token)))
        else:
            prefix = params.get("headerPrefix", "Bearer")
            value = f"{prefix} {token}" if prefix else token
            headers.append(_auth_header(reader, "Authorization", value, path))
        return None
    if kind == "bearer":
        headers.append(
            _auth_header(reader, "Authorization", f"Bearer {params.get('token', '')}", path)
        )
        return None
    if kind == "apikey":
        key, value = params.get("key", ""), params.get("value", "")
        if params.get("in", "header") == "query":
            query.append(QueryParam(encode(key, NAME_UNSAFE), encode(value)))
        else:
            headers.append(_auth_header(reader, key, value, path))
        return None
    warnings.append(
        ReadWarning(
            path,
            f"{kind} auth",
            "botkit cannot express this Postman auth type in a component; left out "
            "(add its header to the request, or use basic, bearer or apikey)",
        )
    )
    return None


def _auth_header(reader: JsonReader, name: str, value: str, path: str) -> Header:
    try:
        return header(name, value)
    except PartError as exc:
        raise reader.error(path, str(exc)) from None


def _auth_params(reader: JsonReader, value: Any, path: str) -> dict[str, str]:
    """v2.1 writes ``[{"key": ..., "value": ...}]``, v2.0 an object; both become a dict."""
    if value is None:
        return {}
    if isinstance(value, dict):
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in value.items()}
    found = {}
    for index, item in enumerate(reader.expect(value, list, path)):
        ipath = child(path, index)
        item = reader.expect(item, dict, ipath)
        key = reader.text(item, "key", ipath)
        if key:
            found[key] = reader.text(item, "value", ipath, "") or ""
    return found
