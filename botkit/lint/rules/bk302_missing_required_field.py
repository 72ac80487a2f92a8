"""BK302 missing-required-field: the API needs a field the component does not send.

Required body, query and header fields from the catalog, "one of" groups (DoubleTick's
``customerPhoneNumber`` or ``groupId``) and fields that need another
(``wabaNumber`` only with ``customerPhoneNumber``).
"""

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity

RULE = Rule(
    "BK302",
    "missing-required-field",
    Severity.ERROR,
    "a field the API requires is missing",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    target = call.target
    api = target.api
    if api is None or not target.fields_apply:
        return
    body = call.body_json
    if call.body_text is not None and not isinstance(body, dict):
        body_fields: set[str] | None = None  # BK305 says what is wrong with the body
    else:
        body_fields = set(body) if isinstance(body, dict) else set()
    query_fields = {q.name for q in call.query}
    site = call.body_site if call.body_text is not None else call.site()
    if body_fields is not None:
        present = body_fields
        for param in api.params_in("body"):
            if param.required and param.name not in present:
                yield Hit(site, f"{api.id} requires {param.name!r} in the body")
        for group in api.one_of:
            if not present.intersection(group):
                names = " or ".join(repr(n) for n in group)
                yield Hit(site, f"{api.id} requires one of {names} in the body")
        for param in api.params_in("body"):
            if param.name in present:
                for needed in param.requires:
                    if needed not in present:
                        where = call.body_field_site(param.name, key=True)
                        yield Hit(where, f"{param.name!r} is only accepted with {needed!r}")
    for param in api.params_in("query"):
        if param.required and param.name not in query_fields:
            yield Hit(call.site("url"), f"{api.id} requires the query parameter {param.name!r}")
    header_names = {h.name.lower() for h in call.headers}
    for param in api.params_in("header"):
        if param.required and param.name.lower() not in header_names:
            where = call.site("headers", key=True) if "headers" in call.component else call.site()
            yield Hit(where, f"{api.id} requires the header {param.name!r}")
