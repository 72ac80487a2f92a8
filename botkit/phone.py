"""Phone numbers: does a value carry a valid country code, and what form does a vendor want?

Decided with ``phonenumbers`` (libphonenumber's metadata), parsed with no default
region: a value without ``+`` is read as ``+`` followed by its digits, so
``9876543210`` is read as +98 76543210 and found invalid.  A plain-digits number is
first judged from phonenumbers' own patterns (``botkit.phone_table``, same verdicts);
``phonenumbers`` is imported only when that cannot decide, and never its geocoder or
carrier modules.
"""

from enum import Enum
from functools import cache
from typing import Literal

from botkit.named_tuples import NamedTuple

PhoneFormat = Literal["digits", "e164"]

#: What people write between digits: whitespace (any, as ``str.split`` sees it) and these.
_PUNCTUATION = str.maketrans("", "", "().-/")


class PhoneProblem(Enum):
    NO_COUNTRY_CODE = "no-country-code"
    NOT_A_NUMBER = "not-a-number"


class PhoneCheck(NamedTuple):
    """The outcome for one value: its E.164 form when valid, else the problem and a hint."""

    value: str
    e164: str | None = None
    problem: PhoneProblem | None = None
    message: str = ""
    suggestion: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def formatted(self, fmt: PhoneFormat) -> str:
        """The number the way a vendor wants it: ``digits`` (919876543210) or ``e164``."""
        assert self.e164 is not None, "only a valid number has a vendor form"
        return self.e164[1:] if fmt == "digits" else self.e164


def is_template_variable(value: str) -> bool:
    """A bot-builder variable such as ``{{customer.phone}}`` is filled in at run time: skip it."""
    from botkit.variables import looks_templated

    return looks_templated(value)


def check_phone(value: str, default_region: str | None = None) -> PhoneCheck:
    """Check that ``value`` is a valid international number.

    ``default_region`` (ISO 3166 code such as ``IN``) never makes a national
    number acceptable; it only lets the message suggest the fix.
    """
    text = value.strip()
    compact = "".join(text.split()).translate(_PUNCTUATION)
    digits = compact[1:] if compact.startswith("+") else compact
    if not digits.isdecimal() or len(compact.lstrip("+")) < 5:
        return PhoneCheck(
            value,
            problem=PhoneProblem.NOT_A_NUMBER,
            message=f"{_show(value)} is not a phone number",
        )
    international = compact if compact.startswith("+") else "+" + compact
    e164 = _e164(international)
    if e164 is not None:
        return PhoneCheck(value, e164=e164)
    suggestion = _national_suggestion(compact, default_region)
    if compact.startswith("+"):
        message = f"{_show(value)} is not a valid phone number"
    else:
        message = f"{_show(value)} has no valid country code (read as {international})"
    if suggestion:
        message += (
            f"; did you mean {suggestion[1:] if not compact.startswith('+') else suggestion}?"
        )
    else:
        message += "; write it with its country code, e.g. 919876543210"
    return PhoneCheck(
        value, problem=PhoneProblem.NO_COUNTRY_CODE, message=message, suggestion=suggestion
    )


def _e164(international: str) -> str | None:
    """The E.164 form of ``+digits`` if valid (from the table when it can tell)."""
    from botkit.phone_table import verdict

    quick = verdict(international[1:])
    if isinstance(quick, str):
        return quick
    if quick is False:
        return None
    import phonenumbers

    _keep_table()
    try:
        parsed = phonenumbers.parse(international, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


@cache
def _keep_table() -> None:
    """phonenumbers is loaded now: make the table later runs judge numbers from."""
    from botkit.phone_table_build import remember

    remember()


def _national_suggestion(compact: str, default_region: str | None) -> str | None:
    if not default_region or compact.startswith("+"):
        return None
    import phonenumbers

    try:
        parsed = phonenumbers.parse(compact, default_region.upper())
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _show(value: str) -> str:
    return repr(value) if len(value) <= 40 else repr(value[:37] + "...")
