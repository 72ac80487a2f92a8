"""cURL <-> Call API component: the library behind ``botkit import`` and ``botkit export``.

Both directions go through the one ``Request`` model: ``parse_curl`` is
``read_curl`` (shell + curl rules) then ``Request.to_component``; ``to_curl`` is
``Request.from_component`` then the shared renderer.  So a component survives
export -> import unchanged (its ``name`` aside, which cURL has no place for:
pass it back with ``name=``; ``x-`` extension keys are not part of the request).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from botkit.errors import InputError

if TYPE_CHECKING:
    from botkit.catalog import Api
    from botkit.render import Style
    from botkit.request import Request


class CurlImportWarning(UserWarning):
    """Issued by ``parse_curl`` for what the component cannot hold (the CLI prints these)."""


def parse_curl(
    text: str,
    *,
    name: str | None = None,
    redact: bool = False,
    strict: bool = False,
    base_dir: Path | None = None,
) -> dict[str, Any]:
    """The Call API component for one cURL command (bash, cmd or PowerShell).

    Raises ``InputError`` (line and column included) for malformed input; with
    ``strict``, also for anything the component would lose.  Otherwise such losses
    are issued as ``CurlImportWarning``.  ``base_dir`` is where ``@file`` is read.
    """
    from botkit.curl import read_curl

    read = read_curl(text, source="<string>", base_dir=base_dir, strict=strict)
    for warning in read.warnings:
        warnings.warn(CurlImportWarning(str(warning)), stacklevel=2)
    return component_for(read.request, name=name, redact=redact)


def component_for(
    request: Request, *, name: str | None = None, redact: bool = False
) -> dict[str, Any]:
    """The schema-valid component for ``request``, with its catalog id when one matches."""
    from botkit.catalog import load_catalog

    try:
        api = load_catalog().find(request.method, request.url)
    except ValueError:  # urlsplit's verdict on a URL only a template can have
        api = None
    component = request.to_component(name or default_name(request, api), api.id if api else None)
    if redact:
        from botkit.redact import redact_component

        component = redact_component(component)
    check_component(component)
    return component


def default_name(request: Request, api: Api | None) -> str:
    """The catalog API's summary, or ``METHOD /path`` when no catalog API matches."""
    if api is not None:
        return api.summary
    url = request.url
    if "://" in url:
        after = url.split("://", 1)[1]
        url = after[after.find("/") :] if "/" in after else ""
    return f"{request.method} {url or '/'}"


def to_curl(component: dict[str, Any], style: Style = "readme") -> str:
    """The cURL command (ending in a newline) that sends what ``component`` describes."""
    from botkit.render import STYLES
    from botkit.render import to_curl as render
    from botkit.request import Request

    if style not in STYLES:
        raise InputError(f"unknown style {style!r}; choose from {', '.join(STYLES)}")
    check_component(component)
    return render(Request.from_component(component), style)


def check_component(component: Any, *, source: str = "") -> None:
    """InputError unless ``component`` is a schema-valid Call API component of sendable text."""
    from botkit import schemas

    if not _is_valid(component):
        problem = str(schemas.best_problem("component", component))
        problem = problem.replace("$(?![\\\\s\\\\S])", "$")  # our end-of-text guard, as repr
        raise InputError(f"not a valid Call API component: {problem}", source=source)
    bad = _broken_text(component)
    if bad is not None:
        raise InputError(
            f"not a valid Call API component: {bad} holds a broken Unicode character",
            source=source,
        )


_LONG_LIST = 100
_ITEM_DEFS = {"headers": "header", "query": "queryParam"}


def _is_valid(component: Any) -> bool:
    """The schema's verdict, fast for 100,000 headers too.

    jsonschema spends ~40 µs per array item; long header and query lists are instead
    checked with the patterns of the schema's own item definitions (compiled once),
    and the validator sees the rest of the component.
    """
    from botkit import schemas

    validator = schemas.validator("component")
    if not isinstance(component, dict):
        return validator.is_valid(component)
    long = [
        key
        for key in _ITEM_DEFS
        if isinstance(component.get(key), list) and len(component[key]) > _LONG_LIST
    ]
    if not long:
        return validator.is_valid(component)
    for key in long:
        check = _item_check(_ITEM_DEFS[key])
        if not all(check(item) for item in component[key]):
            return False
    return validator.is_valid({**component, **{key: component[key][:1] for key in long}})


@cache
def _item_check(name: str) -> Callable[[Any], bool]:
    """A check equal to ``$defs/<name>`` for flat objects of pattern-checked strings."""
    from botkit import schemas

    schema = schemas.validator("component").schema["$defs"][name]
    properties = schema["properties"]
    assert schema.get("additionalProperties") is False, name
    assert all(set(p) <= {"type", "pattern", "description"} for p in properties.values()), name
    patterns = {k: re.compile(p.get("pattern", "")) for k, p in properties.items()}
    required = set(schema.get("required", ()))

    def check(item: Any) -> bool:
        if not isinstance(item, dict) or not required <= item.keys():
            return False
        for key, value in item.items():
            pattern = patterns.get(key)
            if pattern is None or not isinstance(value, str) or not pattern.search(value):
                return False
        return True

    return check


def _broken_text(value: Any, path: str = "$") -> str | None:
    """JSON may carry lone surrogates (\\ud800); no shell or HTTP client can send them."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value)
    if isinstance(value, (dict, list)):
        for key, item in items:
            sub = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}"
            found = _broken_text(item, sub)
            if found:
                return found
    return None
