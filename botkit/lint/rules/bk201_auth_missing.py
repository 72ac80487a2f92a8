"""BK201 auth-missing: the vendor's credentials are not sent at all.

DoubleTick answers 401 without its ``Authorization`` key, Vambe without
``x-api-key``, Unblu without basic credentials or a bearer token.
"""

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.credentials import needs, variable_hint
from botkit.lint.model import Hit, Rule, Severity

RULE = Rule(
    "BK201",
    "auth-missing",
    Severity.ERROR,
    "the API's key header (or Unblu credentials) is missing",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    view = call.auth_view
    vendor = view.vendor
    if vendor is None or view.credentials or not isinstance(call.component.get("headers"), list):
        return  # without a headers list the component breaks its schema: BK301 says so
    scheme = view.scheme or vendor.auth
    if not scheme.required:
        return  # the API takes no credentials
    site = call.site("headers", key=True) if "headers" in call.component else call.site()
    how = ""
    header = scheme.fix_header
    if header:
        value = variable_hint(call, vendor, scheme=scheme)
        if call.shell:
            how = f'; add -H "{header}: {value.strip(chr(34))}"'
        else:
            how = f'; add {{"name": "{header}", "value": "{value}"}} to headers'
    yield Hit(site, f"{vendor.title} needs {needs(vendor, scheme)}{how}")
