"""BK102 phone-not-a-number: a phone field holding something that is no phone number.

``N/A``, a name, a number too short to be one: the API rejects it whatever the
country code.
"""

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity
from botkit.phone import PhoneProblem

RULE = Rule(
    "BK102",
    "phone-not-a-number",
    Severity.ERROR,
    "a phone field that does not hold a phone number",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    for phone in call.phone_values:
        if phone.check.problem is PhoneProblem.NOT_A_NUMBER:
            yield Hit(phone.site, f"{phone.name}: {phone.check.message}")
