"""A Postman request's body -> the component's body, and the Content-Type Postman adds.

``raw`` is sent as written (with the Content-Type of its language when the request
sets none), ``urlencoded`` encoded as Postman encodes a form, ``formdata`` as
multipart parts (a file field with a warning: curl reads it from the folder it runs
in), ``graphql`` as the JSON Postman sends; a ``file`` body or an unknown mode is a
warning and left out.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from botkit.formats.jsondata import JsonReader, child
from botkit.formats.result import ReadWarning
from botkit.request import Body, FormPart, Header
from botkit.variables import map_literals

_RAW_TYPES = {
    "json": "application/json",
    "text": "text/plain",
    "xml": "application/xml",
    "html": "text/html",
    "javascript": "application/javascript",
}


def _has(headers: list[Header], name: str) -> bool:
    return any(h.name.lower() == name for h in headers)


def read_body(
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
