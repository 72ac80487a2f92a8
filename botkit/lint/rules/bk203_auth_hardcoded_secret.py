"""BK203 auth-hardcoded-secret: a literal credential committed with the bot.

Works, but anyone who can read the repository can call the API as you; a
variable (``{{DOUBLETICK_API_KEY}}``, ``$DOUBLETICK_API_KEY``) keeps the key out.
The key is never printed: at most its prefix and last three characters.
"""

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.credentials import variable_hint
from botkit.lint.model import Hit, Rule, Severity
from botkit.lint.secrets import is_placeholder, is_variable, mask

RULE = Rule(
    "BK203",
    "auth-hardcoded-secret",
    Severity.WARNING,
    "a literal credential instead of a variable",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    view = call.auth_view
    for cred in view.credentials:
        if not cred.secret or is_variable(cred.value) or is_placeholder(cred.value):
            continue
        hint = variable_hint(call, view.vendor, cred.label, view.scheme)
        yield Hit(
            cred.site,
            f"{cred.label} holds a literal key ({mask(cred.value)}); "
            f"use a variable such as {hint} instead",
        )
