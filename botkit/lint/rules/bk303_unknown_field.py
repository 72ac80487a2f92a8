"""BK303 unknown-field: a body field or query parameter the API does not have.

Usually a typo (``customerPhone`` for ``customerPhoneNumber``) that the API
ignores or rejects; the message names the closest field the API does have.
"""

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity

RULE = Rule(
    "BK303",
    "unknown-field",
    Severity.ERROR,
    "a body field or query parameter the API does not know",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    target = call.target
    api = target.api
    if api is None or not target.fields_apply:
        return
    body = call.body_json
    body_names = [p.name for p in api.params_in("body")]
    if isinstance(body, dict) and body_names:
        for name in body:
            if name not in body_names:
                site = call.body_field_site(name, key=True)
                yield Hit(site, f"unknown field {name!r} for {api.id}{_hint(name, body_names)}")
    query_names = [p.name for p in api.params_in("query")]
    for q in call.query:
        if q.name not in query_names:
            site = call.site("query", q.index, "name")
            message = f"unknown query parameter {q.name!r} for {api.id}"
            yield Hit(site, message + _hint(q.name, query_names))


def _hint(name: str, known: list[str]) -> str:
    import difflib  # only when there is something to suggest

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if not close:
        lowered = {k.lower(): k for k in known}
        close = [lowered[name.lower()]] if name.lower() in lowered else []
    if close:
        return f"; did you mean {close[0]!r}?"
    return f"; it takes {', '.join(repr(k) for k in known)}" if known else ""
