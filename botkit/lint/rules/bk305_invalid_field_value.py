"""BK305 invalid-field-value: a field the API has, with a value it will reject.

The catalog says each field's type and allowed values: a boolean written as the
string ``"true"``, an offboarding reason that does not exist, a contact id that
is no UUID, a body that is not the JSON object the API reads.  Template
variables are filled in at run time and pass.
"""

from collections.abc import Iterator
from typing import Any

from botkit.catalog import Param
from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity, Site
from botkit.lint.secrets import is_variable

RULE = Rule(
    "BK305",
    "invalid-field-value",
    Severity.ERROR,
    "a field value the API will reject (type, allowed values, JSON body)",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    target = call.target
    api = target.api
    if api is None or not target.fields_apply:
        return
    yield from _path_params(call)
    body_params = api.params_in("body")
    if call.has_multipart:
        yield Hit(call.site("body"), f"{api.id} reads a JSON body, not multipart form data")
    elif call.body_text is not None and call.body_text.strip():
        if not body_params:
            yield Hit(call.body_site, f"{api.id} takes no body; remove it")
        elif call.body_json_error is not None:
            yield Hit(call.body_site, f"the body is not valid JSON: {call.body_json_error}")
        elif not isinstance(call.body_json, dict):
            yield Hit(call.body_site, f"{api.id} reads a JSON object as its body")
        else:
            body = call.body_json
            present = [g for g in api.one_of if len(set(g).intersection(body)) > 1]
            for group in present:
                names = " and ".join(repr(n) for n in group if n in body)
                yield Hit(call.body_site, f"give only one of {names}")
            for param in body_params:
                if param.name in body:
                    site = call.body_field_site(param.name)
                    yield from _value(param, body[param.name], site)
    for q in call.query:
        query_param = api.param(q.name)
        if query_param is not None and query_param.location == "query" and q.value is not None:
            site = call.site("query", q.index, "value")
            if query_param.is_list and not query_param.explode:
                for item in q.value.split(","):  # a=1,2: each item is one value
                    yield from _scalar(query_param, item, site, True)
            elif query_param.is_list:  # a=1&a=2: each repetition is one value
                yield from _scalar(query_param, q.value, site, True)
            else:
                yield from _value(query_param, q.value, site, query=True)
    for h in call.headers:
        header_param = next(
            (p for p in api.params_in("header") if p.name.lower() == h.name.lower()), None
        )
        if header_param is not None:
            site = call.site("headers", h.index, "value")
            yield from _scalar(header_param, h.value, site, True)


def _path_params(call: Call) -> Iterator[Hit]:
    api = call.target.api
    assert api is not None
    if not api.has_placeholders:  # no value to check (and no pattern to compile)
        return
    from botkit.request import split_url

    match = api.path_pattern.match(split_url(call.url or "").path)
    if match is None:
        return
    for name, value in match.groupdict().items():
        param = api.param(name)
        if param is None or is_variable(value):
            continue
        for problem in param.value_type.problems(param, value, text=True):
            yield Hit(call.site("url"), f"{name} in the url {problem}")


def _value(param: Param, value: Any, site: Site, *, query: bool = False) -> Iterator[Hit]:
    name = param.name
    if isinstance(value, str) and is_variable(value):
        return
    if param.is_list:
        if not isinstance(value, list) or not value:
            yield Hit(site, f"{name} must be a non-empty JSON array")
            return
        for i, item in enumerate(value):
            yield from _scalar(param, item, Site(site.path, inner=(*(site.inner or ()), i)), query)
        return
    yield from _scalar(param, value, site, query)


def _scalar(param: Param, value: Any, site: Site, query: bool) -> Iterator[Hit]:
    if isinstance(value, str) and is_variable(value):
        return
    for problem in param.value_type.problems(param, value, text=query):
        yield Hit(site, f"{param.name} {problem}")
