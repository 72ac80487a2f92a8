"""Reading an OpenAPI document: JSON or YAML, 3.0 or 3.1, with its local ``$ref``s resolved.

A URL is never fetched and a ``$ref`` into another document is an error naming
it: botkit reads only the file it is given.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from botkit.errors import BotkitError, InputError


class SpecError(BotkitError):
    """An OpenAPI document botkit cannot read, said with where in it."""


def load_spec(path: str | Path) -> dict[str, Any]:
    """The OpenAPI document at ``path`` (JSON, or YAML by its name or content)."""
    text_path = str(path)
    if "://" in text_path:
        raise SpecError(f"{text_path}: botkit reads local files only; download the spec first")
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such file", source=text_path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", source=text_path) from None
    data = parse_spec(text, source=text_path)
    return data


def parse_spec(text: str, *, source: str = "<spec>") -> dict[str, Any]:
    """An OpenAPI document from its JSON or YAML text, checked to be one botkit can read."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InputError(f"not valid JSON: {exc}", source=source) from None
    else:
        import yaml

        try:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            data = yaml.load(text, Loader=loader)
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            line = where.line + 1 if where is not None else None
            problem = getattr(exc, "problem", None) or str(exc)
            raise InputError(f"not valid YAML: {problem}", source=source, line=line) from None
    if not isinstance(data, dict):
        raise SpecError(f"{source}: an OpenAPI document is an object")
    version = str(data.get("openapi", ""))
    if not version.startswith(("3.0", "3.1")):
        found = f"'openapi: {version}'" if version else "no 'openapi' version"
        if "swagger" in data:
            found = f"Swagger {data['swagger']}"
        raise SpecError(f"{source}: botkit reads OpenAPI 3.0 and 3.1; this is {found}")
    if not isinstance(data.get("paths", {}), dict):
        raise SpecError(f"{source}: 'paths' must be an object")
    return data


class Resolver:
    """Follows local ``$ref``s (``#/components/...``) of one document, refusing remote ones."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec

    def target(self, ref: str) -> Any:
        """The value a ``$ref`` points at."""
        if not ref.startswith("#"):
            raise SpecError(
                f"$ref {ref!r} points into another document; botkit resolves only local "
                "references (#/...): bundle the spec into one file first"
            )
        node: Any = self.spec
        for raw in ref[1:].split("/")[1:]:
            key = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            elif isinstance(node, Mapping) and key in node:
                node = node[key]
            else:
                raise SpecError(f"$ref {ref!r} points at nothing")
        return node

    def deref(self, node: Any, seen: frozenset[str] = frozenset()) -> Any:
        """``node`` with a top-level ``$ref`` followed (repeatedly); siblings of it kept."""
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                raise SpecError(f"$ref {ref!r} refers to itself")
            seen = seen | {ref}
            target = self.target(ref)
            extra = {k: v for k, v in node.items() if k != "$ref"}
            node = {**target, **extra} if extra and isinstance(target, Mapping) else target
        return node
