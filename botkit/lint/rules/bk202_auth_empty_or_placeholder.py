"""BK202 auth-empty-or-placeholder: a credential that is empty or still documentation text.

``YOUR_API_KEY``, ``<x-api-key>``, ``key_xxxxxxxxxx``: copied from the docs and
never replaced, so every call fails with 401.
"""

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.credentials import variable_hint
from botkit.lint.model import Hit, Rule, Severity
from botkit.lint.secrets import credential, is_placeholder, is_shell_variable, is_variable, mask

RULE = Rule(
    "BK202",
    "auth-empty-or-placeholder",
    Severity.ERROR,
    "a credential that is empty or a placeholder",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    view = call.auth_view
    for cred in view.credentials:
        if is_variable(cred.value) or not is_placeholder(cred.value):
            continue
        if not cred.secret and cred.value:
            continue  # a username such as 'admin' is no placeholder worth an error
        hint = variable_hint(call, view.vendor, cred.label, view.scheme)
        if not credential(cred.value):
            what = "is empty"
        elif is_shell_variable(cred.value):
            why = (
                "single quotes keep the shell from expanding it"
                if call.shell
                else "a bot fills in {{variables}}, not $variables"
            )
            what = f"is the text {credential(cred.value)!r}, sent as it is ({why})"
        else:
            shown = cred.value if len(cred.value) <= 40 else mask(cred.value)
            what = f"is a placeholder ({shown!r})"
        yield Hit(cred.site, f"{cred.label} {what}; put the key in a variable such as {hint}")
