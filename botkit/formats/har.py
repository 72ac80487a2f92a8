"""HAR 1.2 (HTTP Archive, as browsers' "Save all as HAR" writes it) -> requests, and back.

Reading: every entry of ``log.entries`` becomes one request: method, URL (its
query as written), headers (less those the browser adds by itself, see
parts.py), cookies (as the Cookie header, when the entry has none), and the
body: ``postData.text`` byte for byte, else ``postData.params`` as a form.
Responses, timings and pages say nothing about the request and are ignored.

Writing: each request becomes an entry that was never sent (time 0, an empty
response), so a HAR viewer or a tool that replays HAR can show or send it.
"""

from __future__ import annotations

from base64 import b64encode
from typing import Any
from urllib.parse import quote

from botkit.formats import ReadOptions
from botkit.formats.jsondata import JsonReader, child
from botkit.formats.parts import (
    PartError,
    added_by_browser,
    cookie_header,
    form_encode,
    header,
    url_parts,
)
from botkit.formats.result import ReadRequest, ReadResult, ReadWarning
from botkit.request import Body, FormPart, Header, Request

HAR_VERSION = "1.2"
CREATOR = "botkit"


def looks_like_har(document: Any) -> bool:
    return isinstance(document, dict) and isinstance(document.get("log"), dict)


def read_har(document: Any, source: str, options: ReadOptions | None = None) -> ReadResult:
    """Every entry of a parsed HAR document, in order."""
    reader = JsonReader(source)
    log = reader.required(reader.expect(document, dict, "$"), "log", dict, "$")
    entries = reader.required(log, "entries", list, "$.log")
    creator = log.get("creator")
    # a HAR botkit wrote holds components, not a browser's capture: nothing to leave out
    ours = isinstance(creator, dict) and creator.get("name") == CREATOR
    result = ReadResult("har", [])
    for index, entry in enumerate(entries):
        path = child("$.log.entries", index)
        read = _entry(reader, reader.expect(entry, dict, path), path, ours)
        if isinstance(read, ReadWarning):
            result.warnings.append(read)
        else:
            result.requests.append(read)
    return result


def _entry(
    reader: JsonReader, entry: dict[str, Any], path: str, ours: bool
) -> ReadRequest | ReadWarning:
    rpath = child(path, "request")
    request = reader.required(entry, "request", dict, path)
    method = reader.required(request, "method", str, rpath)
    raw_url = reader.required(request, "url", str, rpath)
    if not raw_url.lower().startswith(("http://", "https://", "{{")):
        return ReadWarning(
            child(rpath, "url"),
            raw_url if len(raw_url) <= 60 else raw_url[:59] + "…",
            "not an HTTP request, which a component cannot hold; the entry is left out",
        )
    post = request.get("postData")
    if isinstance(post, dict) and isinstance(post.get("text"), str) and "\x00" in post["text"]:
        return ReadWarning(
            child(child(rpath, "postData"), "text"),
            "binary body",
            "a body with a NUL byte (an upload, binary data) is beyond what a command line "
            "can carry; the entry is left out",
        )
    try:
        url, query, auth = url_parts(raw_url)
    except PartError as exc:
        raise reader.error(child(rpath, "url"), str(exc)) from None
    headers = _headers(reader, request, rpath, ours)
    if not any(h.name.lower() == "cookie" for h in headers):
        cookies = _cookies(reader, request, rpath)
        if cookies:
            headers.append(cookie_header(cookies))
    body = _body(reader, request, rpath, headers, ours)
    warnings = [
        ReadWarning(
            child(child(child(rpath, "postData"), "params"), i),
            part.file,
            "a HAR file does not hold the file's content; curl reads this file from the "
            "current folder when it sends",
        )
        for i, part in enumerate(body.parts if body and body.parts else ())
        if part.file is not None and not ours
    ]
    comment = entry.get("comment")
    name = comment if isinstance(comment, str) and comment else None
    return ReadRequest(
        Request(method, url, headers, query, body, auth), name=name, where=path, warnings=warnings
    )


def _headers(reader: JsonReader, request: dict[str, Any], path: str, ours: bool) -> list[Header]:
    found: list[Header] = []
    hpath = child(path, "headers")
    for index, item in enumerate(reader.field(request, "headers", list, path, [])):
        ipath = child(hpath, index)
        item = reader.expect(item, dict, ipath)
        name = reader.required(item, "name", str, ipath)
        value = reader.text(item, "value", ipath, "")
        if added_by_browser(name) and not ours:
            continue
        try:
            found.append(header(name, value))
        except PartError as exc:
            raise reader.error(ipath, str(exc)) from None
    return found


def _cookies(reader: JsonReader, request: dict[str, Any], path: str) -> list[tuple[str, str]]:
    pairs = []
    cpath = child(path, "cookies")
    for index, item in enumerate(reader.field(request, "cookies", list, path, [])):
        ipath = child(cpath, index)
        item = reader.expect(item, dict, ipath)
        pairs.append(
            (reader.required(item, "name", str, ipath), reader.text(item, "value", ipath, ""))
        )
    return pairs


def _body(
    reader: JsonReader, request: dict[str, Any], path: str, headers: list[Header], ours: bool
) -> Body | None:
    ppath = child(path, "postData")
    post = reader.field(request, "postData", dict, path)
    if post is None:
        return None
    mime = reader.text(post, "mimeType", ppath, "") or ""
    text = reader.field(post, "text", str, ppath)
    params = reader.field(post, "params", list, ppath, [])
    if params and (text is None or not text) and mime.lower().startswith("multipart/form-data"):
        if not ours:  # curl writes the multipart body and its boundary: a stale one won't do
            headers[:] = [h for h in headers if h.name.lower() != "content-type"]
        return Body(parts=tuple(_parts(reader, params, child(ppath, "params"))))
    if mime and not any(h.name.lower() == "content-type" for h in headers):
        try:
            headers.append(header("Content-Type", mime))
        except PartError as exc:
            raise reader.error(child(ppath, "mimeType"), str(exc)) from None
    if text is not None and (text or not params):
        return Body(text=text)
    pairs = []
    for index, item in enumerate(params):
        ipath = child(child(ppath, "params"), index)
        item = reader.expect(item, dict, ipath)
        pairs.append(
            form_encode(reader.required(item, "name", str, ipath))
            + "="
            + form_encode(reader.text(item, "value", ipath, ""))
        )
    return Body(text="&".join(pairs))


def _parts(reader: JsonReader, params: list[Any], path: str) -> list[FormPart]:
    parts = []
    for index, item in enumerate(params):
        ipath = child(path, index)
        item = reader.expect(item, dict, ipath)
        name = reader.required(item, "name", str, ipath)
        file_name = reader.field(item, "fileName", str, ipath)
        content_type = reader.field(item, "contentType", str, ipath)
        if file_name is not None and "value" in item:  # the content is here: inline
            value = reader.text(item, "value", ipath, "")
            parts.append(FormPart(name, value=value, filename=file_name, type=content_type or None))
        elif file_name:
            parts.append(FormPart(name, file=file_name, type=content_type or None))
        else:
            value = reader.text(item, "value", ipath, "")
            parts.append(FormPart(name, value=value, type=content_type or None))
    return parts


# --- writing ------------------------------------------------------------------


def write_har(
    requests: list[tuple[str, Request]], *, creator_version: str
) -> tuple[dict[str, Any], list[str]]:
    """A HAR 1.2 log with one never-sent entry per (name, request); what it cannot hold,
    named."""
    warnings: list[str] = []
    log = {
        "log": {
            "version": HAR_VERSION,
            "creator": {"name": CREATOR, "version": creator_version},
            "entries": [
                _write_entry(name, request, k, warnings)
                for k, (name, request) in enumerate(requests)
            ],
        }
    }
    return log, warnings


def _write_entry(name: str, request: Request, index: int, warnings: list[str]) -> dict[str, Any]:
    headers = [{"name": h.name, "value": h.value} for h in request.headers]
    if request.auth is not None and "://" not in request.url:
        # the URL is a {{variable}}: no room for user:password@, so send what curl sends
        token = f"{request.auth.username}:{request.auth.password}".encode()
        headers.append({"name": "Authorization", "value": "Basic " + b64encode(token).decode()})
        warnings.append(
            f"$[{index}]: auth: the URL starts with a variable, so the credentials are "
            "written as the Authorization header they make"
        )
    entry_request: dict[str, Any] = {
        "method": request.method,
        "url": _url_with_credentials(request),
        "httpVersion": "HTTP/1.1",
        "cookies": _write_cookies(request),
        "headers": headers,
        "queryString": [{"name": q.name, "value": q.value or ""} for q in request.query],
        "headersSize": -1,
        "bodySize": -1,
    }
    if request.body is not None:
        entry_request["postData"] = _write_body(request, index, warnings)
        if request.body.text is not None:
            entry_request["bodySize"] = len(request.body.text.encode("utf-8"))
    return {
        "startedDateTime": "1970-01-01T00:00:00.000Z",
        "time": 0,
        "request": entry_request,
        "response": {
            "status": 0,
            "statusText": "",
            "httpVersion": "",
            "cookies": [],
            "headers": [],
            "content": {"size": 0, "mimeType": ""},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": -1,
        },
        "cache": {},
        "timings": {"send": 0, "wait": 0, "receive": 0},
        "comment": name,
    }


def _url_with_credentials(request: Request) -> str:
    """HAR has no place for credentials but the URL: ``user:password@`` percent-encoded."""
    url = request.full_url
    if request.auth is None or "://" not in url:
        return url
    scheme, _, rest = url.partition("://")
    user = quote(request.auth.username, safe="")
    password = quote(request.auth.password, safe="")
    return f"{scheme}://{user}:{password}@{rest}"


def _write_cookies(request: Request) -> list[dict[str, str]]:
    cookie = request.header("Cookie")
    if not cookie:
        return []
    cookies = []
    for piece in cookie.split(";"):
        name, eq, value = piece.strip().partition("=")
        if eq:
            cookies.append({"name": name, "value": value})
    return cookies


def _write_body(request: Request, index: int, warnings: list[str]) -> dict[str, Any]:
    body = request.body
    assert body is not None
    if body.parts is None:
        return {"mimeType": request.header("Content-Type") or "", "text": body.text or ""}
    params = []
    for part in body.parts:
        param: dict[str, str] = {"name": part.name}
        if part.file is not None:
            param["fileName"] = part.file  # HAR has the name sent, not where the file is
            if part.filename is not None and part.filename != part.file:
                warnings.append(
                    f"$[{index}]: {part.name}: HAR names a file part once; "
                    f"filename {part.filename!r} is left out, {part.file!r} kept"
                )
        else:
            param["value"] = part.value or ""
            if part.filename is not None:
                param["fileName"] = part.filename
        if part.type:
            param["contentType"] = part.type
        params.append(param)
    return {"mimeType": "multipart/form-data", "params": params}
