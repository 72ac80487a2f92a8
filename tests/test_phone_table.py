"""``botkit.phone_table`` judges plain-digit numbers as phonenumbers does (issue: speed).

The oracle is phonenumbers itself: ``parse("+" + digits)`` then ``is_valid_number``
and the E.164 form.  Where the table answers (not None) it must give the same verdict;
it may only decline (None), never differ.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from botkit import phone, phone_table, phone_table_build
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


@pytest.fixture(autouse=True)
def table(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test here judges with a table made from the installed phonenumbers, in a cache
    folder of its own."""
    monkeypatch.setenv("BOTKIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    _forget()
    assert phone_table_build.remember() is not None
    yield
    _forget()


def _forget() -> None:
    for f in (phone_table._text, phone_table._index, phone_table._entry):
        f.cache_clear()
    phone_table.installed_version.cache_clear()


def test_the_table_names_the_installed_phonenumbers() -> None:
    found = phone_table.table_file()
    assert found is not None
    path = Path(found)
    assert phonenumbers.__version__ in path.name
    head = path.read_text(encoding="utf-8").partition("\n")[0]
    assert head == f"phonenumbers {phonenumbers.__version__} {phone_table.FORMAT}"
    assert phone_table._text() is not None


def test_the_version_is_read_without_importing_phonenumbers() -> None:
    script = (
        "import sys; from botkit import phone_table; "
        "print(phone_table.installed_version()); print('phonenumbers' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [phonenumbers.__version__, "False"]


def test_the_first_run_that_needs_phonenumbers_writes_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No table yet: phonenumbers decides, and leaves the table for the next run."""
    monkeypatch.setenv("BOTKIT_CACHE_DIR", str(tmp_path))
    _forget()
    monkeypatch.setattr(phone, "_keep_table", phone._keep_table.__wrapped__)
    assert phone_table.verdict("919876543210") is None
    assert check_phone("919876543210").ok
    _forget()
    assert phone_table.verdict("919876543210") == "+919876543210"
    assert [p.name for p in tmp_path.iterdir()] == [Path(str(phone_table.table_file())).name]


@pytest.mark.parametrize(
    "damage",
    ["", "phonenumbers 0.0.1 1\n91\t{}\n", "{head}\n91\t{not json\n", "{head}\n91\t[]\n"],
)
def test_a_missing_stale_or_damaged_table_leaves_it_to_phonenumbers(damage: str) -> None:
    found = phone_table.table_file()
    assert found is not None
    path = Path(found)
    head = f"phonenumbers {phonenumbers.__version__} {phone_table.FORMAT}"
    path.write_text(damage.replace("{head}", head), encoding="utf-8")
    _forget()
    assert phone_table.verdict("919876543210") is None
    assert check_phone("919876543210").ok
    assert not check_phone("9876543210").ok
    path.unlink()


def test_no_cache_folder_means_phonenumbers_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOTKIT_CACHE_DIR", "")
    _forget()
    assert phone_table_build.remember() is None
    assert phone_table.verdict("919876543210") is None
    assert check_phone("919876543210").ok


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
    real = phonenumbers.__version__
    monkeypatch.setattr(phonenumbers, "__version__", "0.0.1")
    _forget()
    assert phone_table.verdict("919876543210") is None
    monkeypatch.setattr(phonenumbers, "__version__", real)
    _forget()
    assert phone_table.verdict("919876543210") == "+919876543210"


@given(st.text(alphabet="0123456789\t\n{}", max_size=4))
def test_the_codes_asked_of_the_text_are_the_table_lines_codes(code: str) -> None:
    """``code in _index()`` searches the text, then (past ``SEARCHES``) a set: both answer
    exactly with the first fields of the table's lines."""
    text = phone_table._text()
    assert text is not None
    firsts = {line.partition("\t")[0] for line in text.splitlines()[1:]}
    assert {str(c) for c in CODES} <= firsts
    codes = phone_table._Codes(text)
    asked = [code, *sorted(firsts)[:3], "999", "1"]
    asked = [a for a in asked if "\t" not in a and "\n" not in a]
    for _ in range(phone_table._Codes.SEARCHES // len(asked) + 2):
        for each in asked:
            assert (each in codes) == (each in firsts)
