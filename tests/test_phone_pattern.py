"""botkit/phone_pattern.py reads phonenumbers' number patterns exactly as ``re`` does.

Every number pattern of the installed phonenumbers is read as a tree and matched
against ``re.fullmatch`` on numbers the pattern takes (drawn from the tree), on each of
those with one digit changed, one digit more and one less, and on random digits.
"""

from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest

from botkit import phone_table_build
from botkit.phone_pattern import DIGITS, fullmatch, parse


def _patterns() -> list[str]:
    found: set[str] = set()
    for line in phone_table_build.text().splitlines()[1:]:
        entry = json.loads(line.partition("\t")[2])
        for meta in entry["meta"].values():
            for desc in (meta or {}).get("descs", ()):
                if desc:
                    found.add(desc[0])
    return sorted(found)


PATTERNS = _patterns()


def _member(node: list[Any], rng: random.Random) -> str | None:
    """A random string of the pattern ``node`` stands for (None: it met an empty class)."""
    kind = node[0]
    if kind == "c":
        return rng.choice(node[1]) if node[1] else None
    if kind == "s":
        parts = [_member(child, rng) for child in node[1]]
        return None if None in parts else "".join(parts)  # type: ignore[arg-type]
    if kind == "a":
        return _member(rng.choice(node[1]), rng)
    low, high, child = node[1], node[2], node[3]
    parts = [_member(child, rng) for _ in range(rng.randint(low, high if high >= 0 else low + 3))]
    return None if None in parts else "".join(parts)  # type: ignore[arg-type]


def _near(number: str, rng: random.Random) -> list[str]:
    """``number`` with one digit changed, one more and one less."""
    if not number:
        return [rng.choice(DIGITS)]
    at = rng.randrange(len(number))
    changed = number[:at] + rng.choice(DIGITS) + number[at + 1 :]
    longer = number[:at] + rng.choice(DIGITS) + number[at:]
    return [changed, longer, number[:at] + number[at + 1 :]]


def test_the_reader_reads_phonenumbers_patterns() -> None:
    assert len(PATTERNS) > 500
    unread = [p for p in PATTERNS if parse(p) is None]
    assert len(unread) <= len(PATTERNS) // 50, unread[:5]  # the rest go to re: slower only


@pytest.mark.parametrize("chunk", range(8))
def test_every_pattern_matches_what_re_matches(chunk: int) -> None:
    rng = random.Random(chunk)
    for pattern in PATTERNS[chunk::8]:
        tree = parse(pattern)
        if tree is None:
            continue
        compiled = re.compile(pattern)
        numbers = ["".join(rng.choices(DIGITS, k=rng.randint(0, 18))) for _ in range(10)]
        for _ in range(10):
            member = _member(tree, rng)
            if member is not None:
                assert compiled.fullmatch(member), (pattern, member)
                numbers += [member, *_near(member, rng)]
        for number in numbers:
            assert fullmatch(tree, number) == (compiled.fullmatch(number) is not None), (
                pattern,
                number,
            )


@pytest.mark.parametrize(
    ("pattern", "yes", "no"),
    [
        ("[2-9]\\d{2}", ["200", "999"], ["100", "20", "2000"]),
        ("(?:1|23)?4", ["4", "14", "234"], ["24", "1234"]),
        ("[^0]0*", ["1", "900"], ["0", "01"]),
        ("(?:12)+", ["12", "1212"], ["", "121"]),
        ("1{2,}|3{1,2}", ["11", "111", "3", "33"], ["1", "333"]),
        ("(?:0?)*5", ["5", "05", "005"], ["0"]),
    ],
)
def test_small_patterns(pattern: str, yes: list[str], no: list[str]) -> None:
    tree = parse(pattern)
    assert tree is not None
    for number in yes + no:
        assert fullmatch(tree, number) == (number in yes) == bool(re.fullmatch(pattern, number))


@pytest.mark.parametrize("pattern", ["(?=1)1", "\\w", "^1", "1*?", "1++", "[a-z]", "(1", "1)"])
def test_what_it_does_not_read_is_left_to_re(pattern: str) -> None:
    assert parse(pattern) is None
