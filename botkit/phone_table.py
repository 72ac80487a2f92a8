"""Judge a digits-only international number without importing phonenumbers.

Importing phonenumbers costs tens of milliseconds, most of what a one-file ``botkit
lint`` spends on its own work, while the numbers bots carry are nearly all plain digits
with their country code.  The table (made from the installed phonenumbers by
``botkit.phone_table_build`` the first time phonenumbers is needed, and kept in botkit's
cache folder under phonenumbers' version) holds the patterns phonenumbers validates
with, per country calling code; ``verdict`` takes the steps ``phonenumbers.parse("+" +
digits)`` and ``is_valid_number`` take for such a number, matching each number pattern
as a tree (botkit/phone_pattern.py) for the first few numbers, compiled after.
Where those steps would do more (strip a national prefix, keep a leading zero, read
non-ASCII digits), or when there is no table for the installed phonenumbers yet, it
answers None and the caller asks phonenumbers.  A property test holds the verdicts
equal to phonenumbers'.
"""

from __future__ import annotations

import json
import os
import re
import sys
from functools import cache
from typing import Any

from botkit.phone_pattern import fullmatch, parse

#: Bump when what a table line holds changes shape.
FORMAT = 1
#: phonenumbers' limits: calling codes have 1-3 digits, a national number 2-17.
_MAX_CODE = 3
_MIN_NATIONAL, _MAX_NATIONAL = 2, 17
_MAX_INPUT = 250
_NON_GEO = "001"
#: The order of ``descs`` in the table (botkit/phone_table_build.py): general, then premium
#: rate, toll free, shared cost, VoIP, personal, pager, UAN, voicemail, fixed line, mobile.
_GENERAL, _FIXED, _MOBILE = 0, 9, 10


def verdict(digits: str) -> str | bool | None:
    """``+digits`` judged as phonenumbers would: its E.164 form when valid, False when
    invalid, None when phonenumbers must decide (this table cannot say the same)."""
    try:
        return _verdict(digits)
    except (ValueError, LookupError, TypeError, re.error):
        return None  # a damaged table in the cache: phonenumbers decides


def _verdict(digits: str) -> str | bool | None:
    if not (digits.isascii() and digits.isdigit()) or len(digits) + 1 > _MAX_INPUT:
        return None
    if len(digits) <= _MIN_NATIONAL:
        return None
    index = _index()
    if index is None:
        return None
    if digits[0] == "0":
        return False  # no calling code starts with 0
    for size in range(1, min(len(digits), _MAX_CODE) + 1):
        code = digits[:size]
        if code in index:
            break
    else:
        return False  # no calling code
    national = digits[size:]
    if len(national) < _MIN_NATIONAL:
        return False
    entry = _entry(code)
    main = entry["meta"].get(entry["regions"][0])
    if main is None:
        return None
    if national[0] == "0" or (main["prefix"] and _rx(main["prefix"]).match(national)):
        return None  # phonenumbers may strip a prefix or keep leading zeros: its call
    if len(national) > _MAX_NATIONAL:
        return False
    region = _region(entry, national)
    if region is None:
        return False
    meta = entry["meta"].get(region)
    if meta is None:
        return False
    return f"+{digits}" if _has_type(national, meta) else False


def _region(entry: dict[str, Any], national: str) -> str | None:
    """The region of the number among those sharing its calling code."""
    regions: list[str] = entry["regions"]
    if len(regions) == 1:
        return regions[0]
    for region in regions:
        meta = entry["meta"].get(region)
        if meta is None:
            continue
        if meta["leading"] is not None:
            if _rx(meta["leading"]).match(national):
                return region
        elif _has_type(national, meta):
            return region
    return None


def _has_type(national: str, meta: dict[str, Any]) -> bool:
    """Is the number of some known type of this region (phonenumbers: not UNKNOWN)?"""
    descs = meta["descs"]
    if not _matches(national, descs[_GENERAL]):
        return False
    # Any type will do, so mobile (what bots carry) first: a region's other patterns
    # (India's fixed-line one is 20 kB) are then seldom compiled.  With ``same``,
    # phonenumbers reads mobile numbers by the fixed-line pattern.
    if not meta["same"] and _matches(national, descs[_MOBILE]):
        return True
    return any(_matches(national, d) for d in descs[_GENERAL + 1 : _FIXED + 1])


#: How many numbers a type's pattern judges as a tree before it is compiled: reading the
#: tree and walking it (a third of the time ``re`` takes to compile a large pattern) wins
#: for the few numbers of a one-shot command, and loses on a large lint run.
WALKS_BEFORE_COMPILING = 4
_walks: dict[str, int] = {}


def _matches(national: str, desc: list[Any] | None) -> bool:
    if desc is None:
        return False
    pattern, lengths = desc
    if lengths and len(national) not in lengths:
        return False
    walks = _walks.get(pattern, 0)
    if walks < WALKS_BEFORE_COMPILING:
        tree = _tree(pattern)
        if tree is not None:
            _walks[pattern] = walks + 1
            return fullmatch(tree, national)
    return _rx(pattern).fullmatch(national) is not None


@cache
def _tree(pattern: str) -> list[Any] | None:
    return parse(pattern)


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@cache
def _text() -> str | None:
    """The table made from the installed phonenumbers, if one was made."""
    target = table_file()
    if target is None:
        return None
    try:
        with open(target, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError):
        return None
    head, _, _ = text.partition("\n")
    return text if head == f"phonenumbers {installed_version()} {FORMAT}" else None


def table_file() -> str | None:
    """Where the table for the installed phonenumbers is kept (None: no cache folder)."""
    from botkit.catalog.cache import cache_dir

    version = installed_version()
    folder = cache_dir()
    if version is None or folder is None:
        return None
    return os.path.join(folder, f"phone-patterns-{version}-{FORMAT}.txt")


@cache
def _index() -> _Codes | None:
    text = _text()
    return None if text is None else _Codes(text)


class _Codes:
    """The calling codes of the table: the first few asked of its text (each line after
    the first starts with one and a tab; JSON escapes any other line break or tab), then
    of a set made once.  A search of the 120 KB text costs less than splitting it into
    lines to make the set, for the few numbers of a one-shot command; a large lint run
    asks thousands of times, where the set wins."""

    __slots__ = ("_asked", "_set", "_text")

    #: Codes asked of the text before the set is made (each number asks one to three).
    SEARCHES = 12

    def __init__(self, text: str) -> None:
        self._text = text
        self._asked = 0
        self._set: frozenset[str] | None = None

    def __contains__(self, code: str) -> bool:
        if self._set is not None:
            return code in self._set
        self._asked += 1
        if self._asked > self.SEARCHES:
            lines = self._text.splitlines()[1:]
            self._set = frozenset(line.partition("\t")[0] for line in lines)
            return code in self._set
        return f"\n{code}\t" in self._text


@cache
def _entry(code: str) -> dict[str, Any]:
    text = _text()
    assert text is not None
    start = text.index(f"\n{code}\t") + len(code) + 2
    entry: dict[str, Any] = json.loads(text[start : text.index("\n", start)])
    return entry


@cache
def installed_version() -> str | None:
    """The version of the phonenumbers that imports would load, read without importing it:
    the name of its ``.dist-info`` folder beside the package (None if not found)."""
    loaded = sys.modules.get("phonenumbers")
    if loaded is not None:
        return getattr(loaded, "__version__", None)
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(os.path.join(folder, "phonenumbers")):
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            return None
        for name in names:
            if name.startswith("phonenumbers-") and name.endswith(".dist-info"):
                return name.removeprefix("phonenumbers-").removesuffix(".dist-info")
        return None
    return None
