"""An operation's parameters and JSON body fields -> catalog parameter tables.

Path, query and header parameters are kept as the API spells them, the top-level
fields of a JSON body too; a cookie, a header OpenAPI says to ignore, a body that is
not one JSON object, or a name the catalog cannot hold is left out with a note (a
required body that cannot be expressed skips the operation).  A parameter whose CLI
option would be taken gets an ``option`` of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from botkit.openapi.context import Context
from botkit.openapi.param_types import MAX_DEPTH, json_schema, kind_of, merged, types_of
from botkit.openapi.words import help_text, humanise

NAME = re.compile(r"[A-Za-z_$@][A-Za-z0-9_.$@-]*")
PATH_NAME = re.compile(r"[A-Za-z0-9_]+")
# Header parameters that OpenAPI says to ignore: the request's own machinery.
_IGNORED_HEADERS = {"accept", "content-type", "authorization"}


def parameter_table(
    ctx: Context, param: Mapping[str, Any], notes: list[str]
) -> dict[str, Any] | None:
    name, where = str(param["name"]), param["in"]
    if where == "cookie":
        notes.append(f"cookie parameter {name!r} is not expressed (the catalog sends no cookies)")
        return None
    if where == "header" and name.lower() in _IGNORED_HEADERS:
        return None  # OpenAPI: such a header parameter is ignored
    if where not in ("path", "query", "header"):
        notes.append(f"parameter {name!r} in {where!r} is not expressed")
        return None
    if not NAME.fullmatch(name) or (where == "path" and not PATH_NAME.fullmatch(name)):
        notes.append(f"{where} parameter {name!r}: a name the catalog cannot hold; left out")
        return None
    schema = param.get("schema")
    if schema is None and isinstance(param.get("content"), Mapping):
        media = next(iter(param["content"].values()), None)
        schema = media.get("schema", {}) if isinstance(media, Mapping) else {}
    converted = param_table(
        name,
        where,
        schema or {"type": "string"},
        bool(param.get("required")) or where == "path",
        str(param.get("description") or ""),
        ctx,
        notes,
    )
    if converted is None:
        return None
    if converted["type"] == "json" and where != "header":
        notes.append(f"{where} parameter {name!r} is an object or a union: sent as JSON text")
    style, explode = param.get("style"), param.get("explode")
    if converted.get("list") and where == "query":
        if style in (None, "form"):
            if explode is False:
                converted["explode"] = False
        else:
            notes.append(f"query parameter {name!r}: style {style!r} is sent as repeated a=1&a=2")
    return converted


def param_table(
    name: str,
    where: str,
    schema: Any,
    required: bool,
    description: str,
    ctx: Context,
    notes: list[str],
) -> dict[str, Any] | None:
    schema = merged(ctx, schema)
    kind, is_list, enum = kind_of(ctx, name, schema)
    out: dict[str, Any] = {"name": name, "in": where, "type": kind}
    if is_list:
        out["list"] = True
    if required:
        out["required"] = True
    if enum:
        out["enum"] = enum
    if kind == "json":
        cut: list[str] = []
        out["schema"] = json.dumps(
            json_schema(ctx, schema, 0, cut, frozenset()), separators=(",", ":"), sort_keys=True
        )
        if out["schema"] in ("{}", "true"):
            del out["schema"]
        if cut:
            why = (
                f"nests deeper than {MAX_DEPTH} levels"
                if cut[0] == "depth"
                else f"refers to itself ({cut[0]})"
            )
            notes.append(f"{where} field {name!r}: its schema {why}; deeper values are not checked")
    text = description or str(schema.get("description") or "")
    out["help"] = help_text(text, name) if ctx.prose else humanise(name)
    return out


def body_params(ctx: Context, raw: Any, notes: list[str]) -> list[dict[str, Any]] | None:
    """The body's fields as parameters ([] without a body); None when the operation is skipped."""
    if raw is None:
        return []
    body = ctx.resolver.deref(raw)
    if not isinstance(body, Mapping):
        return []
    required = bool(body.get("required"))
    content = body.get("content") or {}
    json_type = next(
        (
            t
            for t in content
            if t.split(";")[0].strip() == "application/json" or t.split(";")[0].endswith("+json")
        ),
        None,
    )
    others = [t for t in content if t != json_type]
    for other in others:
        what = _content_words(other)
        if json_type is None and required:
            notes.append(f"skipped: its body is {what}")
            return None
        notes.append(f"the {what} body is not expressed" + (" (JSON is)" if json_type else ""))
    if json_type is None:
        return []
    ctx.json_bodies = True
    schema = merged(ctx, (content[json_type] or {}).get("schema") or {})
    if "oneOf" in schema or "anyOf" in schema:
        word = "oneOf" if "oneOf" in schema else "anyOf"
        message = f"a {word} body (one of several shapes) is not expressed"
        if required:
            notes.append(f"skipped: {message}")
            return None
        notes.append(message)
        return []
    types = types_of(schema)
    if types and types != ["object"]:
        message = (
            f"its JSON body is {'an ' if types[0][0] in 'aeiou' else 'a '}{types[0]}, not an object"
        )
        if required:
            notes.append(f"skipped: {message}")
            return None
        notes.append(message)
        return []
    properties = schema.get("properties") or {}
    if not properties:
        if schema.get("additionalProperties") not in (None, False):
            notes.append("a body of free-form fields (additionalProperties) is not expressed")
        return []
    if schema.get("additionalProperties") not in (None, False):
        notes.append("extra body fields (additionalProperties) cannot be given")
    wanted = set(schema.get("required") or [])
    out: list[dict[str, Any]] = []
    for name, prop in properties.items():
        resolved = merged(ctx, prop)
        if resolved.get("readOnly"):
            continue
        if not NAME.fullmatch(str(name)):
            notes.append(f"body field {name!r}: a name the catalog cannot hold; left out")
            continue
        converted = param_table(
            str(name),
            "body",
            prop,
            name in wanted,
            str(resolved.get("description") or ""),
            ctx,
            notes,
        )
        if converted is not None:
            out.append(converted)
    missing = sorted(wanted - set(properties))
    if missing:
        notes.append(f"the body requires {missing}, which its schema does not describe")
    return out


def _content_words(content_type: str) -> str:
    base = content_type.split(";")[0].strip().lower()
    if base == "multipart/form-data":
        return "multipart/form-data (a file upload)"
    if base == "application/octet-stream":
        return "application/octet-stream (a file upload)"
    return base


def give_options(params: list[dict[str, Any]]) -> None:
    """Give a parameter an ``option`` when its kebab name is taken (by another or by botkit)."""
    from botkit.catalog import RESERVED_OPTIONS, kebab

    taken = set(RESERVED_OPTIONS)
    for p in params:
        option = kebab(p["name"]) or "param"
        if option in taken:
            base = f"{p['in']}-{option}"
            option, n = base, 2
            while option in taken:
                option, n = f"{base}-{n}", n + 1
            p["option"] = option
        taken.add(option)
