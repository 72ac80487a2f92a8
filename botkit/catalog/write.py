"""Catalog data -> the TOML text of a catalog file, laid out like the built-in ones.

One ``[vendor]`` table, then one ``[[api]]`` table per API with its parameters
as one inline table a line.  Written by hand rather than by a TOML library so
that a generated file reads like a hand-written one; tests parse it back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

_VENDOR_KEYS = ("name", "title", "base_url", "hosts", "docs", "phone_format", "auth", "headers")
_API_KEYS = ("action", "summary", "docs", "method", "path", "auth", "one_of", "params")
_PARAM_KEYS = (
    "name", "in", "type", "list", "explode", "required", "enum", "requires", "option",
    "schema", "help",
)  # fmt: skip
_AUTH_KEYS = ("scheme", "header", "param", "prefix", "query", "env", "token_env")


def to_toml(data: Mapping[str, Any], *, header: Iterable[str] = ()) -> str:
    """The catalog file for ``data`` (``vendor`` and ``api`` tables), ``header`` as comments."""
    lines = [f"# {line}".rstrip() for line in header]
    lines.append("[vendor]")
    vendor = data["vendor"]
    for key in _ordered(vendor, _VENDOR_KEYS):
        value = vendor[key]
        if key == "headers":
            lines.append(_table_list("headers", value, ("name", "value")))
        elif key == "auth":
            lines.append(f"auth = {_inline(value, _AUTH_KEYS)}")
        else:
            lines.append(f"{key} = {_value(value)}")
    for api in data.get("api", []):
        lines += ["", "[[api]]"]
        for key in _ordered(api, _API_KEYS):
            value = api[key]
            if key == "params":
                lines.append(_table_list("params", value, _PARAM_KEYS))
            elif key == "auth":
                lines.append(f"auth = {_inline(value, _AUTH_KEYS)}")
            else:
                lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines) + "\n"


def _ordered(table: Mapping[str, Any], keys: tuple[str, ...]) -> list[str]:
    return [k for k in keys if k in table] + sorted(k for k in table if k not in keys)


def _table_list(key: str, items: list[Mapping[str, Any]], order: tuple[str, ...]) -> str:
    if not items:
        return f"{key} = []"
    body = "".join(f"    {_inline(item, order)},\n" for item in items)
    return f"{key} = [\n{body}]"


def _inline(table: Mapping[str, Any], order: tuple[str, ...]) -> str:
    parts = [f"{_key(k)} = {_value(table[k], k)}" for k in _ordered(table, order)]
    return "{ " + ", ".join(parts) + " }"


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() else _string(key)


def _value(value: Any, key: str = "") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str):
        if key == "schema" and "'" not in value and "\n" not in value:
            return f"'{value}'"  # a literal string: JSON text without escapes
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to a catalog file")


def _string(text: str) -> str:
    # A JSON string is a valid TOML basic string: the same escapes, \uXXXX for controls.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
