"""Helpers for the OpenAPI tests: where the vendor specs are, and values made from types."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def specs_dir() -> Path | None:
    """``shared/specs`` beside the repository (CI puts it there), or beside an ancestor folder."""
    explicit = os.environ.get("BOTKIT_SPECS_DIR")
    if explicit:
        return Path(explicit)
    for folder in (ROOT, *ROOT.parents):
        candidate = folder.parent / "shared" / "specs" if folder != ROOT.anchor else None
        if candidate is not None and candidate.is_dir():
            return candidate
    return None


def sample(schema: Any, depth: int = 0) -> Any:
    """A small JSON value that satisfies ``schema`` (the subset the converter keeps)."""
    if not isinstance(schema, dict) or depth > 12:
        return "x"
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return next((v for v in schema["enum"] if v is not None), schema["enum"][0])
    for key in ("oneOf", "anyOf"):
        if schema.get(key):
            return sample(schema[key][0], depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind is None:
        kind = "object" if "properties" in schema else ("array" if "items" in schema else None)
    if kind == "object":
        props = schema.get("properties") or {}
        return {name: sample(props.get(name, {}), depth + 1) for name in schema.get("required", [])}
    if kind == "array":
        count = max(1, int(schema.get("minItems", 1)))
        return [sample(schema.get("items", {}), depth + 1) for _ in range(count)]
    if kind == "integer":
        return max(1, int(schema.get("minimum", 1)))
    if kind == "number":
        return max(1.5, float(schema.get("minimum", 1.5)))
    if kind == "boolean":
        return True
    if kind == "string" or kind is None:
        return _string(schema)
    return "x"


def _string(schema: dict[str, Any]) -> str:
    fmt = schema.get("format")
    value = {
        "email": "a@example.com",
        "uri": "https://example.com/a",
        "url": "https://example.com/a",
        "date-time": "2024-01-02T03:04:05Z",
        "date": "2024-01-02",
        "uuid": "3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c",
    }.get(str(fmt), "v1")
    return value.ljust(int(schema.get("minLength", 0)), "x")
