"""An OpenAPI schema -> the catalog's words for it: a parameter type (string, uuid,
phone, integer, number, boolean, or json text), whether it is a list, its enum values,
and for a json parameter a self-contained JSON Schema (refs inlined to ``MAX_DEPTH``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from botkit.openapi.context import Context

#: How deep a json parameter's schema is kept; deeper parts accept any value (and a note says so).
MAX_DEPTH = 6
_SCALAR_TYPES = {"string", "integer", "number", "boolean"}
_DROP_KEYWORDS = {
    "description", "example", "examples", "xml", "externalDocs", "readOnly", "writeOnly",
    "deprecated", "title", "discriminator", "nullable", "x-nullable", "$comment",
}  # fmt: skip


def kind_of(ctx: Context, name: str, schema: Mapping[str, Any]) -> tuple[str, bool, list[str]]:
    """(catalog type, is a list, enum values) of a parameter schema."""
    types = types_of(schema)
    if any(k in schema for k in ("oneOf", "anyOf")) or len(types) > 1:
        return "json", False, []
    kind = types[0] if types else ("object" if "properties" in schema else None)
    if kind == "array":
        items = merged(ctx, schema.get("items") or {})
        item_types = types_of(items)
        if (
            len(item_types) == 1
            and item_types[0] in _SCALAR_TYPES
            and not ("oneOf" in items or "anyOf" in items)
        ):
            item_kind, _, enum = kind_of(ctx, name, items)
            return item_kind, True, enum
        return "json", False, []
    if kind in ("object", None):
        return "json", False, []
    enum = [str(v) for v in schema.get("enum", []) if v is not None]
    if "const" in schema and schema["const"] is not None:
        enum = [str(schema["const"])]
    if kind == "string":
        schema_format = schema.get("format")
        if schema_format == "uuid":
            return "uuid", False, enum
        if schema_format == "phone" or (
            ctx.phone_names is not None and ctx.phone_names.search(name)
        ):
            return "phone", False, []
        return "string", False, enum
    if kind in ("integer", "number"):
        return kind, False, enum
    return "boolean", False, []


def types_of(schema: Mapping[str, Any]) -> list[str]:
    raw = schema.get("type")
    if isinstance(raw, list):
        return [t for t in raw if t != "null"]
    return [raw] if isinstance(raw, str) else []


def merged(ctx: Context, schema: Any, depth: int = 0) -> dict[str, Any]:
    """``schema`` with its ``$ref`` followed and an ``allOf`` merged into one object schema."""
    schema = ctx.resolver.deref(schema)
    if not isinstance(schema, Mapping):
        return {}
    if "allOf" not in schema or depth > MAX_DEPTH:
        return dict(schema)
    out: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    properties: dict[str, Any] = dict(out.get("properties") or {})
    required: list[str] = list(out.get("required") or [])
    for part in schema["allOf"]:
        part_schema = merged(ctx, part, depth + 1)
        properties.update(part_schema.get("properties") or {})
        required += [r for r in part_schema.get("required") or [] if r not in required]
        for key, value in part_schema.items():
            if key not in ("properties", "required"):
                out.setdefault(key, value)
    if properties:
        out["properties"] = properties
        out.setdefault("type", "object")
    if required:
        out["required"] = required
    return out


def json_schema(ctx: Context, schema: Any, depth: int, cut: list[str], seen: frozenset[str]) -> Any:
    """A self-contained JSON Schema (2020-12) for a json parameter, refs inlined to MAX_DEPTH."""
    if isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str):
        ref = schema["$ref"]
        if ref in seen or depth >= MAX_DEPTH:
            cut.append(ref.rsplit("/", 1)[-1])
            return {}
        seen = seen | {ref}
    schema = merged(ctx, schema)
    if depth >= MAX_DEPTH:
        cut.append("depth")
        return {}
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _DROP_KEYWORDS or key.startswith("x-"):
            continue
        if key == "properties" and isinstance(value, Mapping):
            out[key] = {
                k: json_schema(ctx, v, depth + 1, cut, seen)
                for k, v in value.items()
                if not read_only(ctx, v)
            }
        elif key in ("items", "additionalProperties", "not") and isinstance(value, Mapping):
            out[key] = json_schema(ctx, value, depth + 1, cut, seen)
        elif key in ("oneOf", "anyOf") and isinstance(value, list):
            out[key] = [json_schema(ctx, v, depth + 1, cut, seen) for v in value]
        elif key == "pattern":
            try:
                re.compile(str(value))
            except re.error:
                continue
            out[key] = value
        elif key in ("required",) and isinstance(value, list):
            props = schema.get("properties") or {}
            kept = [
                r
                for r in value
                if not (
                    isinstance(props.get(r), Mapping)
                    and ctx.resolver.deref(props[r]).get("readOnly")
                )
            ]
            if kept:
                out[key] = kept
        else:
            out[key] = value
    if schema.get("nullable") is True and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    return out


def read_only(ctx: Context, schema: Any) -> bool:
    resolved = ctx.resolver.deref(schema) if isinstance(schema, Mapping) else None
    return isinstance(resolved, Mapping) and bool(resolved.get("readOnly"))
