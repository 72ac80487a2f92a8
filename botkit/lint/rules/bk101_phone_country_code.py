"""BK101 phone-country-code: a phone value that is not a valid international number.

Read with no default region (digits alone are read as ``+`` and the digits), so
``9876543210`` is caught; a configured default region only adds the likely fix.
"""

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity
from botkit.lint.phones import PhoneValue
from botkit.phone import PhoneProblem

RULE = Rule(
    "BK101",
    "phone-country-code",
    Severity.ERROR,
    "a phone number without a valid country code",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    for phone in call.phone_values:
        if phone.check.problem is PhoneProblem.NO_COUNTRY_CODE:
            yield Hit(phone.site, f"{phone.name}: {_message(phone)}")


def _message(phone: PhoneValue) -> str:
    text = phone.text.strip()
    shown = repr(text) if len(text) <= 40 else repr(text[:37] + "...")
    international = text.startswith("+")
    if international:
        message = f"{shown} is not a valid phone number for its country code"
    else:
        digits = "".join(ch for ch in text if ch.isdigit())
        message = f"{shown} has no valid country code (read as +{digits})"
    suggestion = phone.check.suggestion
    if suggestion:
        wanted = phone.phone_format or ("e164" if international else "digits")
        return message + f"; did you mean {suggestion if wanted == 'e164' else suggestion[1:]}?"
    if international:
        return message
    return message + "; write it with its country code (91 for India, 55 for Brazil...)"
