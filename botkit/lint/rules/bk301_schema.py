"""BK301 schema: a bot or component that breaks its JSON Schema.

One best error per component (and one for the rest of a bot), with its JSON
path, so a bot with two broken steps shows both.  Messages never repeat a
credential, and an unknown property gets a "did you mean" from the schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from botkit import schemas
from botkit.lint.jsonfile import JsonFile
from botkit.lint.jsonpos import JsonPath
from botkit.lint.model import Hit, Rule, Severity, Site
from botkit.lint.secrets import mask

RULE = Rule(
    "BK301", "schema", Severity.ERROR, "a bot or component that breaks its schema", scope="json"
)

_SENSITIVE = {"headers", "auth"}


def check(file: JsonFile) -> Iterator[Hit]:
    # Errors grouped by the component they fall in (None: the bot around them); each
    # error is kept with the path of the document it was found in.
    groups: dict[JsonPath | None, list[tuple[JsonPath, Any]]] = {}
    component_paths = set(file.component_paths)
    covered: set[JsonPath] = set()
    if file.kind == "bot" and not _valid("bot", file.data):
        for error in schemas.validator("bot").iter_errors(file.data):
            owner = _owner(tuple(error.absolute_path), component_paths)
            groups.setdefault(owner, []).append(((), error))
    if file.kind == "bot":
        covered = {p for p in component_paths if _in_steps(p)}
    for path in file.component_paths:
        component = _at(file.data, path)
        if path not in covered and not _valid("component", component):
            for error in schemas.validator("component").iter_errors(component):
                groups.setdefault(path, []).append((path, error))
    if not groups:
        return  # valid: jsonschema (tens of ms to import) is never loaded
    from jsonschema.exceptions import best_match

    for found in groups.values():
        best = best_match(error for _, error in found)
        best = _typo_behind(best, [error for _, error in found])
        # best_match may pick an error from inside a oneOf (one of its "context"
        # errors), which is none of the top-level ones: take the prefix they share.
        prefix = next((p for p, error in found if error is best), found[0][0])
        yield _hit(prefix, best)


def _typo_behind(best: Any, errors: list[Any]) -> Any:
    """A missing property often has a misspelt twin next to it ('header' for 'headers'):
    then the unknown property, with its "did you mean", is the more useful error."""
    if best.validator != "required" or not isinstance(best.instance, dict):
        return best
    missing = [p for p in best.validator_value if p not in best.instance]
    for error in errors:
        if error.validator == "additionalProperties" and error.absolute_path == best.absolute_path:
            extra = _extra_keys(error)
            import difflib  # only when there is something to suggest

            if any(difflib.get_close_matches(k, missing, n=1, cutoff=0.6) for k in extra):
                return error
    return best


def _valid(name: str, instance: Any) -> bool:
    """Most documents are valid and need no error search."""
    return schemas.is_valid(name, instance)


def _owner(path: JsonPath, component_paths: set[JsonPath]) -> JsonPath | None:
    for cut in range(len(path), -1, -1):
        if path[:cut] in component_paths:
            return path[:cut]
    return None


def _at(data: Any, path: JsonPath) -> Any:
    for key in path:
        data = data[key]
    return data


def _hit(prefix: JsonPath, error: Any) -> Hit:
    path = (*prefix, *error.absolute_path)
    site = Site(path)
    message = _describe(error, path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = _extra_keys(error)
        if extra:
            site = Site((*path, extra[0]), key=True)
            known = sorted(error.schema.get("properties", {}))
            import difflib  # only when there is something to suggest

            close = difflib.get_close_matches(extra[0], known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            message = f"unknown property {extra[0]!r}{hint}"
            return Hit(site, f"{_json_path(path)}: {message}")
    return Hit(site, f"{_json_path(path)}: {message}")


def _extra_keys(error: Any) -> list[str]:
    properties = error.schema.get("properties", {})
    patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
    return [
        k for k in error.instance if k not in properties and not any(p.search(k) for p in patterns)
    ]


def _describe(error: Any, path: JsonPath) -> str:
    message: str = error.message
    instance = error.instance
    if error.validator == "enum" and isinstance(instance, str):
        import difflib  # only when there is something to suggest

        close = difflib.get_close_matches(instance, [str(v) for v in error.validator_value], n=1)
        if close:
            message += f"; did you mean {close[0]!r}?"
    shown = repr(instance)
    if shown in message:
        if _SENSITIVE.intersection(str(k) for k in path):
            safe = repr(mask(instance)) if isinstance(instance, str) else _kind(instance)
            message = message.replace(shown, safe)
        elif len(shown) > 60:
            safe = repr(instance[:40] + "…") if isinstance(instance, str) else _kind(instance)
            message = message.replace(shown, safe)
    if len(message) > 300:
        message = message[:297] + "..."
    return message


def _kind(instance: Any) -> str:
    kinds: dict[type[Any], str] = {dict: "an object", list: "an array"}
    return kinds.get(type(instance), type(instance).__name__)


def _json_path(path: JsonPath) -> str:
    out = "$"
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else f".{key}"
    return out


def _in_steps(path: JsonPath) -> bool:
    """Is this the component of a step, which the bot schema validates itself?"""
    return (
        len(path) == 3
        and path[0] == "steps"
        and isinstance(path[1], int)
        and path[2] == "component"
    )
