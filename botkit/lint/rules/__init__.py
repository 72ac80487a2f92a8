"""Every lint rule, one module each, and choosing rules by code prefix, code or slug.

A rule module holds ``RULE`` (its stable code, slug, severity, scope and
whether it is fixable) and, unless the runner produces its findings itself,
``check(...)``, which yields ``Hit``s for one target of its scope:

- ``call``: one Call API component (``botkit.lint.call.Call``),
- ``syntax``: a JSON document that does not parse (``botkit.lint.jsondoc.JsonDocument``),
- ``json``: a parsed JSON file (``botkit.lint.jsonfile.JsonFile``),
- ``bot``: a bot definition (its parsed data),
- ``curl``: a cURL snippet (``botkit.lint.curldoc.CurlDocument``),
- ``file``: produced by the runner (unreadable input, internal errors).
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Iterable
from functools import cache
from types import ModuleType

from botkit.errors import BotkitError
from botkit.lint.model import Rule

_MODULES = (
    "bk000_internal_error",
    "bk001_unreadable_file",
    "bk101_phone_country_code",
    "bk102_phone_not_a_number",
    "bk103_phone_format",
    "bk201_auth_missing",
    "bk202_auth_empty_or_placeholder",
    "bk203_auth_hardcoded_secret",
    "bk300_invalid_json",
    "bk301_schema",
    "bk302_missing_required_field",
    "bk303_unknown_field",
    "bk304_api_mismatch",
    "bk305_invalid_field_value",
    "bk401_curl_option_dropped",
    "bk402_curl_unreadable",
    "bk403_file_outside_repository",
    "bk501_unknown_step",
    "bk502_duplicate_step_id",
    "bk601_undefined_variable",
    "bk602_variable_maybe_unset",
    "bk603_unused_variable",
    "bk604_credential_variable_name",
)


@cache
def modules() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in _MODULES)


@cache
def all_rules() -> tuple[Rule, ...]:
    return tuple(m.RULE for m in modules())


def get(code: str) -> Rule:
    return next(r for r in all_rules() if r.code == code)


def select(select: Iterable[str], ignore: Iterable[str] = ()) -> frozenset[str]:
    """The codes chosen by ``select`` minus ``ignore`` (each: ALL, a code prefix, or a slug).

    Rules about unreadable input (BK000, BK001) are always on: they cannot be
    silenced, since the file was not linted at all.
    """
    chosen = {r.code for r in all_rules() if any(_matches(r, s) for s in _check(select))}
    chosen -= {r.code for r in all_rules() if any(_matches(r, s) for s in _check(ignore))}
    return frozenset(chosen | {r.code for r in all_rules() if r.fatal})


def _matches(rule: Rule, selector: str) -> bool:
    s = selector.strip()
    return s.upper() == "ALL" or rule.code.startswith(s.upper()) or rule.slug == s.lower()


def covers(selectors: Iterable[str], rule: Rule) -> bool:
    """Does any of ``selectors`` (ALL, a code, a code prefix such as BK3, or a slug) name
    ``rule``?  The one test every suppression uses: settings, x-botkit-ignore, comments."""
    return any(isinstance(s, str) and s.strip() and _matches(rule, s) for s in selectors)


def known(selector: str) -> bool:
    """Does ``selector`` name at least one rule?"""
    return bool(selector.strip()) and any(_matches(r, selector) for r in all_rules())


def suggestion(selector: str) -> str:
    """The closest code or slug to an unknown ``selector`` ("" when none is close)."""
    names = [r.code for r in all_rules()] + [r.slug for r in all_rules()]
    close = difflib.get_close_matches(selector.strip(), names, n=1)
    return close[0] if close else ""


def _check(selectors: Iterable[str]) -> list[str]:
    out = []
    for selector in selectors:
        s = selector.strip()
        if not s:
            continue
        if not known(s):
            close = suggestion(s)
            hint = f"; did you mean {close}?" if close else "; see 'botkit lint --list-rules'"
            raise BotkitError(f"unknown rule selector {s!r}{hint}")
        out.append(s)
    return out
