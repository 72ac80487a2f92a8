"""BK306 json-sent-as-form: a JSON body sent as ``application/x-www-form-urlencoded``.

``curl -d '{"customerPhoneNumber": ...}'`` without a Content-Type header sends
``Content-Type: application/x-www-form-urlencoded`` (curl's default for ``-d``),
so a JSON API reads the body as one odd form field and answers 400 or ignores it.
The fix sets the Content-Type the API wants (the vendor's, else application/json):
in a snippet a ``-H`` before the data option, in a component the header's value.
"""

from __future__ import annotations

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity

RULE = Rule(
    "BK306",
    "json-sent-as-form",
    Severity.ERROR,
    "a JSON body sent with a form Content-Type (curl's default for -d)",
    scope="call",
    fixable=True,
)

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def check(call: Call) -> Iterator[Hit]:
    if not isinstance(call.body_json, (dict, list)):
        return  # no body, or not JSON (a form, text, or BK305's invalid JSON)
    types = call.headers_named("content-type")
    if not types:
        return
    header = types[0]  # curl sends the first; a component's HTTP client too
    if header.value.split(";", 1)[0].strip().lower() != FORM:
        return
    wanted = _wanted(call)
    if wanted.split(";", 1)[0].strip().lower() == FORM:
        return  # the API takes forms: the body is a form field that looks like JSON
    site = call.site("headers", header.index, "value")
    if call.shell:
        how = f"(curl's default for -d); send -H 'Content-Type: {wanted}'"
    else:
        how = f"; set the Content-Type header to {wanted}"
    title = f"send Content-Type: {wanted}"
    yield Hit(
        site, f"the body is JSON but is sent as {FORM} {how}".replace(" ;", ";"), wanted, title
    )


def _wanted(call: Call) -> str:
    """The Content-Type the API's vendor sends with a body; else JSON's."""
    vendor = call.target.vendor
    for name, value in vendor.headers if vendor is not None else ():
        if name.lower() == "content-type":
            return value
    return JSON
