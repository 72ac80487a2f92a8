"""A filled-in value is judged like a typed one: ``botkit export --var`` checks it by the catalog.

``botkit curl`` fills variables before its parameters are checked, so a filled
phone number without a country code is refused there as a typed one is.  A
component, though, is sent as written; this module finds, for a component that
calls a catalog API, each parameter value that was a variable before filling
(in the path, the query or a JSON body's top level) and checks the filled value
with the parameter's type.  Only text values are judged: what a variable in a
JSON string becomes is text, whatever the parameter's type.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from botkit import variables
from botkit.errors import ParamError
from botkit.percent import unquote
from botkit.variables import VariablesError

# Types whose check means something for a JSON string (a plain string only must not be
# empty, which a bot may well send; a boolean or number in a string is not one).
_JUDGED = ("phone", "uuid")


def check_filled(before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
    """``VariablesError`` naming the parameter when a value filled into ``before`` (giving
    ``after``) is one the API would reject.  Components of no catalog API pass."""
    from botkit.catalog import load_catalog

    catalog = load_catalog()
    api = catalog.find(after["method"], after["url"])
    if api is None:
        return
    ctx = api.vendor.value_context()
    params = {p.name: p for p in api.params}
    for name, old, new in _pairs(api, before, after):
        param = params[name]
        if not (param.enum or param.value_type.name in _JUDGED):
            continue
        if not variables.has_variable(old) or variables.has_variable(new):
            continue
        try:
            param.value_type.normalise(param, new, ctx)
        except ParamError as exc:
            used = ", ".join(variables.written(v.name) for v in variables.find(old))
            raise VariablesError(f"{name}: {exc.message} (filled in from {used})") from None


def _pairs(
    api: Any, before: Mapping[str, Any], after: Mapping[str, Any]
) -> Iterator[tuple[str, str, str]]:
    """(parameter name, text before filling, text after) for each text value found in both."""
    from botkit.request import split_url

    old_path = api.path_pattern.match(split_url(before["url"]).path)
    new_path = api.path_pattern.match(split_url(after["url"]).path)
    if old_path and new_path:
        for p in api.params_in("path"):
            if old_path.group(p.name) is not None and new_path.group(p.name) is not None:
                yield p.name, unquote(old_path.group(p.name)), unquote(new_path.group(p.name))
    query_names = {p.name for p in api.params_in("query")}
    for old_q, new_q in zip(before.get("query", []), after.get("query", []), strict=False):
        name = unquote(old_q["name"])
        if name in query_names and "value" in old_q and "value" in new_q:
            yield name, unquote(old_q["value"]), unquote(new_q["value"])
    old_body, new_body = _json_object(before), _json_object(after)
    for p in api.params_in("body"):
        if p.name in old_body and p.name in new_body:
            old, new = old_body[p.name], new_body[p.name]
            olds, news = (
                (old, new) if isinstance(old, list) and isinstance(new, list) else ([old], [new])
            )
            for o, n in zip(olds, news, strict=False):
                if isinstance(o, str) and isinstance(n, str):
                    yield p.name, o, n


def _json_object(component: Mapping[str, Any]) -> dict[str, Any]:
    text = component.get("body", {}).get("text")
    if not text or "{" not in text:
        return {}
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}
