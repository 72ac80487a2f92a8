"""Postman Collection v2.1 and v2.0 -> requests, and back (v2.1).

Reading: every request of the folder tree, depth first as Postman lists them,
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

Writing: one item per component, the bot's variables as collection variables.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from botkit.formats import ReadOptions
from botkit.formats.jsondata import JsonReader, child
from botkit.formats.parts import PartError, header, url_parts
from botkit.formats.result import ReadRequest, ReadResult, ReadWarning
from botkit.request import BasicAuth, Body, FormPart, Header, QueryParam, Request
from botkit.variables import is_name, map_literals

SCHEMA_V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
_SCHEMA = re.compile(r"/collection/v2\.[01]\.\d+/", re.I)
_RAW_TYPES = {
    "json": "application/json",
    "text": "text/plain",
    "xml": "application/xml",
    "html": "text/html",
    "javascript": "application/javascript",
}
# Postman's query encoding leaves these be; what the component's query cannot hold is %XX
_QUERY_UNSAFE = re.compile(r"[\s&#]")
_NAME_UNSAFE = re.compile(r"[\s&#=]")
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
    url, query, url_auth = _url(reader, request, rpath)
    headers = _headers(reader, request, rpath)
    body = _body(reader, request, rpath, headers, warnings)
    own = request.get("auth")
    if own is not None and not (isinstance(own, dict) and own.get("type") == "inherit"):
        auth, auth_path = own, child(rpath, "auth")
    basic = _auth(reader, auth, auth_path, headers, query, warnings)
    _scripts(item, path, warnings)
    name = reader.text(item, "name", path)
    return ReadRequest(
        Request(method, url, headers, query, body, basic or url_auth),
        name=name or None,
        where=path,
        warnings=warnings,
    )


# --- URL --------------------------------------------------------------------------


def _url(
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
            QueryParam(_encode(name, _NAME_UNSAFE), None if value is None else _encode(value))
        )
    return found


def _encode(text: str, unsafe: re.Pattern[str] = _QUERY_UNSAFE) -> str:
    """What the component's query cannot hold as written, %XX-encoded (``{{v}}`` kept)."""
    return map_literals(text, lambda piece: unsafe.sub(lambda m: quote(m.group(), safe=""), piece))


# --- headers and body ---------------------------------------------------------------


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


def _body(
    reader: JsonReader,
    request: dict[str, Any],
    path: str,
    headers: list[Header],
    warnings: list[ReadWarning],
) -> Body | None:
    bpath = child(path, "body")
    body = request.get("body")
    if body is None:
        return None
    body = reader.expect(body, dict, bpath)
    if body.get("disabled") is True:
        return None
    mode = reader.text(body, "mode", bpath)
    if mode is None:
        return None
    if mode == "raw":
        text = reader.text(body, "raw", bpath, "") or ""
        options = body.get("options")
        raw = options.get("raw") if isinstance(options, dict) else None
        language = raw.get("language") if isinstance(raw, dict) else None
        if (
            isinstance(language, str)
            and language in _RAW_TYPES
            and not _has(headers, "content-type")
        ):
            headers.append(Header("Content-Type", _RAW_TYPES[language]))
        return _text_body(reader, text, child(bpath, "raw"))
    if mode == "urlencoded":
        pairs = []
        for index, item in enumerate(reader.field(body, "urlencoded", list, bpath, [])):
            ipath = child(child(bpath, "urlencoded"), index)
            item = reader.expect(item, dict, ipath)
            if item.get("disabled") is True:
                continue
            key = reader.text(item, "key", ipath, "") or ""
            pairs.append(f"{_form(key)}={_form(reader.text(item, 'value', ipath, '') or '')}")
        if not _has(headers, "content-type"):
            headers.append(Header("Content-Type", "application/x-www-form-urlencoded"))
        return Body(text="&".join(pairs))
    if mode == "formdata":
        parts = _form_parts(reader, body, bpath, warnings)
        if not parts:
            return None
        headers[:] = [
            h
            for h in headers
            if not (h.name.lower() == "content-type" and "multipart/" in h.value.lower())
        ]  # curl writes the multipart Content-Type with its own boundary
        return Body(parts=tuple(parts))
    if mode == "graphql":
        graphql = reader.field(body, "graphql", dict, bpath, {})
        gpath = child(bpath, "graphql")
        query = reader.text(graphql, "query", gpath, "") or ""
        variables = reader.text(graphql, "variables", gpath, "") or ""
        text = '{"query":' + json.dumps(query, ensure_ascii=False)
        text += ',"variables":' + (variables.strip() or "{}") + "}"
        if not _has(headers, "content-type"):
            headers.append(Header("Content-Type", "application/json"))
        return _text_body(reader, text, gpath)
    if mode == "file":
        warnings.append(
            ReadWarning(
                bpath, "file body", "a component cannot hold a body read from a file; left out"
            )
        )
        return None
    warnings.append(ReadWarning(child(bpath, "mode"), mode, "an unknown body mode; left out"))
    return None


def _text_body(reader: JsonReader, text: str, path: str) -> Body:
    if "\x00" in text:
        raise reader.error(path, "the body holds a NUL character, which no command line can carry")
    return Body(text=text)


def _form(text: str) -> str:
    """As Postman encodes urlencoded fields: reserved characters %XX, ``{{v}}`` kept."""
    return map_literals(text, lambda piece: quote(piece, safe="-._~*!'()"))


def _form_parts(
    reader: JsonReader, body: dict[str, Any], path: str, warnings: list[ReadWarning]
) -> list[FormPart]:
    parts: list[FormPart] = []
    fpath = child(path, "formdata")
    for index, item in enumerate(reader.field(body, "formdata", list, path, [])):
        ipath = child(fpath, index)
        item = reader.expect(item, dict, ipath)
        if item.get("disabled") is True:
            continue
        name = reader.text(item, "key", ipath, "") or ""
        if not name or any(c in name for c in "=\r\n\x00"):
            raise reader.error(ipath, f"{name!r} cannot be a form field's name")
        kind = item.get("type", "text")
        content_type = reader.text(item, "contentType", ipath) or None
        if kind == "file":
            sources = item.get("src")
            files = sources if isinstance(sources, list) else [sources]
            files = [f for f in files if isinstance(f, str) and f]
            if not files:
                warnings.append(
                    ReadWarning(ipath, name, "a file field with no file chosen; left out")
                )
            for file in files:
                warnings.append(
                    ReadWarning(
                        ipath,
                        name,
                        f"a file field: curl reads {file!r} from the folder it runs in when it "
                        "sends, where Postman reads it from its working directory",
                    )
                )
                parts.append(FormPart(name, file=file, type=content_type))
        else:
            value = reader.text(item, "value", ipath, "") or ""
            parts.append(FormPart(name, value=value, type=content_type))
    return parts


# --- auth ---------------------------------------------------------------------------


def _auth(
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
            query.append(QueryParam("access_token", _encode(token)))
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
            query.append(QueryParam(_encode(key, _NAME_UNSAFE), _encode(value)))
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


# --- writing --------------------------------------------------------------------------


def write_postman(
    requests: list[tuple[str, Request]], *, title: str, variables: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    """A v2.1 collection with one item per (name, request); what it cannot hold, named."""
    warnings: list[str] = []
    items = [_write_item(name, request, k, warnings) for k, (name, request) in enumerate(requests)]
    collection: dict[str, Any] = {
        "info": {"name": title, "schema": SCHEMA_V21},
        "item": items,
    }
    if variables:
        collection["variable"] = [
            {"key": key, "value": "", "description": description}
            for key, description in variables.items()
        ]
    return collection, warnings


def _write_item(name: str, request: Request, index: int, warnings: list[str]) -> dict[str, Any]:
    if request.method != request.method.upper():
        warnings.append(
            f"$[{index}]: {request.method}: Postman sends a method in upper case, "
            f"so this request is sent as {request.method.upper()}"
        )
    out: dict[str, Any] = {
        "method": request.method,
        "header": [{"key": h.name, "value": h.value} for h in request.headers],
        "url": _write_url(request),
    }
    if request.auth is not None:
        out["auth"] = {
            "type": "basic",
            "basic": [
                {"key": "username", "value": request.auth.username, "type": "string"},
                {"key": "password", "value": request.auth.password, "type": "string"},
            ],
        }
    else:
        out["auth"] = {"type": "noauth"}  # inherit nothing: the component says it all
    body = request.body
    if body is not None and body.parts is None:
        out["body"] = {"mode": "raw", "raw": body.text or ""}
    elif body is not None and body.parts is not None:
        fields = []
        for part in body.parts:
            item: dict[str, Any] = {"key": part.name}
            if part.file is not None:
                item |= {"type": "file", "src": part.file}
            else:
                item |= {"type": "text", "value": part.value or ""}
            if part.type:
                item["contentType"] = part.type
            if part.filename is not None and part.filename != part.file:
                warnings.append(
                    f"$[{index}]: {part.name}: a Postman form field has no file name of its "
                    f"own; filename {part.filename!r} is left out"
                )
            fields.append(item)
        out["body"] = {"mode": "formdata", "formdata": fields}
    return {"name": name, "request": out}


def _write_url(request: Request) -> dict[str, Any]:
    url: dict[str, Any] = {"raw": request.full_url}
    scheme, sep, rest = request.url.partition("://")
    if not sep:
        scheme, rest = "", request.url
    authority, slash, path = rest.partition("/")
    host, port = authority, None
    if ":" in authority and not authority.endswith("]"):
        host, _, port = authority.rpartition(":")
    if scheme:
        url["protocol"] = scheme
    url["host"] = host.split(".")
    if port is not None:
        url["port"] = port
    url["path"] = path.split("/") if slash else []
    if request.query:
        url["query"] = [{"key": q.name, "value": q.value} for q in request.query]
    return url
