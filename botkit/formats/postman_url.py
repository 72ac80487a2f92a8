"""A Postman request's URL -> the URL and query a component holds.

Postman keeps a URL as text (``raw``) or as parts (``protocol``, ``host``, ``path``,
``query``, ``variable``); it sends what the parts say, disabled query params left out,
and fills ``/:name`` path variables from the ``variable`` list.  The URL then goes
through curl's URL rules (``botkit.formats.parts.url_parts``), as every reader's does.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from botkit.formats.jsondata import JsonReader, child
from botkit.formats.parts import PartError, url_parts
from botkit.request import BasicAuth, QueryParam
from botkit.variables import map_literals

# Postman's query encoding leaves these be; what the component's query cannot hold is %XX
QUERY_UNSAFE = re.compile(r"[\s&#]")
NAME_UNSAFE = re.compile(r"[\s&#=]")


def read_url(
    reader: JsonReader, request: dict[str, Any], path: str
) -> tuple[str, list[QueryParam], BasicAuth | None]:
    upath = child(path, "url")
    value = request.get("url")
    if value is None:
        raise reader.error(path, "has no 'url'")
    if isinstance(value, str):
        text, query = value, None
    else:
        value = reader.expect(value, dict, upath)
        text, query = _url_from_parts(reader, value, upath)
    text = text.strip()
    if not text:
        raise reader.error(upath, "the URL is empty")
    if "://" not in text and not text.startswith("{{"):
        text = "http://" + text  # Postman's default, as curl's
    try:
        url, written, auth = url_parts(text)
    except PartError as exc:
        raise reader.error(upath, str(exc)) from None
    return url, written if query is None else query, auth


def _url_from_parts(
    reader: JsonReader, url: dict[str, Any], path: str
) -> tuple[str, list[QueryParam] | None]:
    """Postman sends what the parts say (disabled params left out); ``raw`` when there
    are none."""
    host = url.get("host")
    query = _query(reader, url, path)
    if host is None:
        raw = reader.text(url, "raw", path, "") or ""
        if query is not None:
            raw = raw.split("?", 1)[0]
        return _path_variables(reader, raw, url, path), query
    host_text = ".".join(_strings(reader, host, child(path, "host")))
    protocol = reader.text(url, "protocol", path)
    port = reader.text(url, "port", path)
    segments = url.get("path")
    if isinstance(segments, str):
        path_text = segments if segments.startswith("/") or not segments else "/" + segments
    else:
        names = []
        for index, segment in enumerate(reader.field(url, "path", list, path, [])):
            if isinstance(segment, dict):  # {"type": "string", "value": "..."}
                segment = segment.get("value", "")
            names.append(reader.expect(segment, str, child(child(path, "path"), index)))
        path_text = "".join("/" + s for s in names)
    text = host_text + (f":{port}" if port else "") + path_text
    if protocol:
        text = f"{protocol}://{text}"
    return _path_variables(reader, text, url, path), query


def _strings(reader: JsonReader, value: Any, path: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = reader.expect(value, list, path)
    return [reader.expect(v, str, child(path, k)) for k, v in enumerate(items)]


def _path_variables(reader: JsonReader, text: str, url: dict[str, Any], path: str) -> str:
    """``/chat/:id`` with ``variable: [{key: id, value: 42}]`` -> ``/chat/42``."""
    values = {}
    for index, var in enumerate(reader.field(url, "variable", list, path, [])):
        vpath = child(child(path, "variable"), index)
        var = reader.expect(var, dict, vpath)
        key = reader.text(var, "key", vpath) or reader.text(var, "id", vpath)
        value = reader.text(var, "value", vpath)
        if key and value:
            values[key] = value
    if not values:
        return text
    scheme, sep, rest = text.rpartition("://")
    head, slash, tail = rest.partition("/")
    segments = (
        [values.get(s[1:], s) if s.startswith(":") else s for s in tail.split("/")] if slash else []
    )
    return f"{scheme}{sep}{head}{slash}{'/'.join(segments)}"


def _query(reader: JsonReader, url: dict[str, Any], path: str) -> list[QueryParam] | None:
    if "query" not in url or url["query"] is None:
        return None
    found = []
    qpath = child(path, "query")
    for index, item in enumerate(reader.expect(url["query"], list, qpath)):
        ipath = child(qpath, index)
        item = reader.expect(item, dict, ipath)
        if item.get("disabled") is True:
            continue
        name = reader.text(item, "key", ipath, "") or ""
        value = reader.text(item, "value", ipath)
        found.append(
            QueryParam(encode(name, NAME_UNSAFE), None if value is None else encode(value))
        )
    return found


def encode(text: str, unsafe: re.Pattern[str] = QUERY_UNSAFE) -> str:
    """What the component's query cannot hold as written, %XX-encoded (``{{v}}`` kept)."""
    return map_literals(text, lambda piece: unsafe.sub(lambda m: quote(m.group(), safe=""), piece))
