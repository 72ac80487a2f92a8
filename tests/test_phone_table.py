"""``botkit.phone_table`` judges plain-digit numbers as phonenumbers does (issue: speed).

The oracle is phonenumbers itself: ``parse("+" + digits)`` then ``is_valid_number``
and the E.164 form.  Where the table answers (not None) it must give the same verdict;
it may only decline (None), never differ.
"""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from botkit import phone_table
from botkit.phone import check_phone

CODES = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


def oracle(digits: str) -> str | bool:
    """phonenumbers' verdict on ``+digits``: its E.164 form, or False."""
    try:
        parsed = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number(parsed):
        return False
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def agrees(digits: str) -> bool:
    quick = phone_table.verdict(digits)
    return quick is None or quick == oracle(digits)


def test_the_table_is_made_from_the_installed_phonenumbers() -> None:
    """Else every verdict falls back to phonenumbers: correct, but slow."""
    import sys

    sys.path.insert(0, str(phone_table._TABLE.parent.parent / "tools"))
    try:
        import phone_patterns
    finally:
        sys.path.pop(0)
    assert phone_table._TABLE.read_text(encoding="utf-8") == phone_patterns.text(), (
        "regenerate it: python tools/phone_patterns.py"
    )
    assert phone_table._text() is not None


def test_example_numbers_of_every_region_and_type_agree_and_are_decided() -> None:
    decided = 0
    for region in phonenumbers.SUPPORTED_REGIONS:
        for kind in phonenumbers.PhoneNumberType.values():
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
            assert agrees(e164[1:]), e164
            decided += phone_table.verdict(e164[1:]) is not None
    assert decided > 1000  # most valid numbers never need phonenumbers


def test_a_sweep_of_random_numbers_after_every_calling_code_agrees() -> None:
    rng = random.Random(13)
    for code in CODES:
        for _ in range(60):
            length = rng.randint(1, 16)
            digits = f"{code}" + "".join(rng.choice("0123456789") for _ in range(length))
            assert agrees(digits), digits


def test_numbers_bots_carry_are_decided_without_phonenumbers() -> None:
    for digits in ("919876543210", "5511987654321", "6281234567890", "971501234567"):
        assert phone_table.verdict(digits) == "+" + digits
    for digits in ("9876543210", "0987654321", "99123456789"):
        assert agrees(digits)


@settings(max_examples=400, deadline=None)
@given(
    code=st.sampled_from(CODES),
    rest=st.text(alphabet="0123456789", min_size=0, max_size=18),
)
def test_verdicts_after_a_calling_code_agree(code: int, rest: str) -> None:
    assert agrees(f"{code}{rest}")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", min_size=3, max_size=20))
def test_verdicts_on_any_digits_agree(digits: str) -> None:
    assert agrees(digits)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789\u0660\u0661\u0967\uff11", min_size=3, max_size=15))
def test_non_ascii_digits_are_left_to_phonenumbers(digits: str) -> None:
    if not digits.isascii():
        assert phone_table.verdict(digits) is None


@pytest.mark.parametrize(
    "value", ["919876543210", "+919876543210", "9876543210", "+1 650 253 0000", "0987654321"]
)
def test_check_phone_is_unchanged_with_the_table_off(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = check_phone(value, "IN")
    monkeypatch.setattr(phone_table, "verdict", lambda digits: None)
    assert check_phone(value, "IN") == fast


def test_another_phonenumbers_version_turns_the_table_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(phonenumbers, "__version__", "0.0.1")
    phone_table._text.cache_clear()
    phone_table._index.cache_clear()
    try:
        assert phone_table.verdict("919876543210") is None
    finally:
        monkeypatch.undo()
        phone_table._text.cache_clear()
        phone_table._index.cache_clear()
    assert phone_table.verdict("919876543210") == "+919876543210"
