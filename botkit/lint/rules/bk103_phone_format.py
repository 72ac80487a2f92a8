"""BK103 phone-format: a valid number, written in a form its vendor does not want.

DoubleTick wants digits only (``919876543210``), Vambe ``+`` E.164.  The fix
rewrites just that value.  A number written as a JSON number is fixed to a string.
"""

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity

RULE = Rule(
    "BK103",
    "phone-format",
    Severity.WARNING,
    "a valid phone number in the wrong form for its vendor",
    scope="call",
    fixable=True,
)

_FORMS = {"digits": "digits only, no '+' or spaces", "e164": "'+' and digits (E.164)"}


def check(call: Call) -> Iterator[Hit]:
    for phone in call.phone_values:
        if not phone.check.ok or phone.phone_format is None:
            continue
        wanted = phone.check.formatted(phone.phone_format)
        if isinstance(phone.value, int):
            message = f"{phone.name}: write the number as a string, {wanted!r}"
        elif phone.value != wanted:
            message = (
                f"{phone.name}: {phone.vendor} wants {_FORMS[phone.phone_format]}: "
                f"{phone.value!r} -> {wanted!r}"
            )
        else:
            continue
        title = f"write {phone.name} as {wanted!r}"
        yield Hit(phone.site, message, fix=phone.written(wanted), fix_title=title)
