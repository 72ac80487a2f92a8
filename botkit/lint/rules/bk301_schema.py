"""BK301 schema: a bot or component that breaks its JSON Schema.

One best error per component (and one for the rest of a bot), with its JSON
path, so a bot with two broken steps shows both.  Messages never repeat a
credential, and an unknown property gets a "did you mean" from the schema.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from botkit import schemas
from botkit.lazy_re import lazy
from botkit.lint.jsonfile import JsonFile
from botkit.lint.jsonpos import JsonPath
from botkit.lint.model import Hit, Rule, Severity, Site
from botkit.masking import is_secret_place, mask
from botkit.schema_words import in_words

RULE = Rule(
    "BK301", "schema", Severity.ERROR, "a bot or component that breaks its schema", scope="json"
)

#: The form the schemas give an x-botkit-ignore entry (whether it names a rule is checked here).
_SELECTOR = lazy(r"ALL|BK[0-9]{0,3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def check(file: JsonFile) -> Iterator[Hit]:
    from botkit.lint.jsondoc import IGNORE_KEY

    text = file.doc.text
    if IGNORE_KEY in text or "\\u" in text:  # else no entry to check: skip the walk
        yield from _unknown_selectors(file.data)
    yield from _schema_errors(file)


def _unknown_selectors(data: Any) -> Iterator[Hit]:
    """An ``x-botkit-ignore`` entry of the right form that names no rule (a typo would
    silently suppress nothing)."""
    from botkit.lint.jsondoc import IGNORE_KEY
    from botkit.lint.rules import known, suggestion

    stack: list[tuple[JsonPath, Any]] = [((), data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            selectors = node.get(IGNORE_KEY)
            for i, selector in enumerate(selectors if isinstance(selectors, list) else []):
                if _unknown(selector, known):
                    close = suggestion(selector)
                    hint = f"; did you mean {close!r}?" if close else ""
                    where = _json_path((*path, IGNORE_KEY, i))
                    yield Hit(
                        Site((*path, IGNORE_KEY, i)),
                        f"{where}: {selector!r} names no lint rule{hint}",
                    )
            stack.extend(((*path, k), v) for k, v in node.items() if k != IGNORE_KEY)
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node))


def _unknown(selector: object, known: Callable[[str], bool]) -> bool:
    """Of the form the schema asks (else the schema error says so), but naming no rule."""
    return (
        isinstance(selector, str) and bool(_SELECTOR().fullmatch(selector)) and not known(selector)
    )


def _schema_errors(file: JsonFile) -> Iterator[Hit]:
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
    """jsonschema's message, or words for it where that would quote a pattern or a
    sub-schema; the value shown masked when it may be a credential, shortened when long."""
    instance = error.instance
    shown = repr(instance)
    safe = _shown(instance, path)
    words = in_words(error)
    if words is not None:
        message = f"{safe} {words}"
    else:
        message = error.message.replace(shown, safe) if shown in error.message else error.message
    if error.validator == "enum" and isinstance(instance, str):
        import difflib  # only when there is something to suggest

        close = difflib.get_close_matches(instance, [str(v) for v in error.validator_value], n=1)
        if close:
            message += f"; did you mean {close[0]!r}?"
    if len(message) > 300:
        message = message[:297] + "..."
    return message


def _shown(instance: Any, path: JsonPath) -> str:
    """How a message shows the value: masked where it may be a credential, else
    shortened (a long string) or named by its kind (an object or array)."""
    if isinstance(instance, (dict, list)):
        return _kind(instance)
    if path[-1:] != ("name",) and is_secret_place(path):
        return repr(mask(instance)) if isinstance(instance, str) else _kind(instance)
    if isinstance(instance, str) and len(instance) > 60:
        return repr(instance[:40] + "…")
    return repr(instance)


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
