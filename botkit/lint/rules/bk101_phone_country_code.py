"""BK101 phone-country-code: a phone value that is not a valid international number.

Read with no default region (digits alone are read as ``+`` and the digits), so
``9876543210`` is caught; a configured default region only adds the likely fix.
"""

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity
from botkit.lint.phones import phone_values
from botkit.phone import PhoneProblem

RULE = Rule(
    "BK101",
    "phone-country-code",
    Severity.ERROR,
    "a phone number without a valid country code",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    for phone in phone_values(call):
        if phone.check.problem is PhoneProblem.NO_COUNTRY_CODE:
            yield Hit(phone.site, f"{phone.name}: {phone.check.message}")
