"""Requests -> a Postman Collection v2.1: one item per component, named after it, the
bot's variables as collection variables (empty values: they can be secrets).

What a collection cannot hold is named in a warning (a method not in upper case, a
form part's own file name).
"""

from __future__ import annotations

from typing import Any

from botkit.request import Request

SCHEMA_V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


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
