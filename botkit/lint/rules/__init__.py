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

import importlib
from collections.abc import Iterable
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from botkit.errors import BotkitError

if TYPE_CHECKING:
    from botkit.lint.model import Rule, Scope

#: Every rule module, named ``bk<code>_<slug>``, with its rule's scope: a run imports only
#: the rules of the scopes its files need (a cURL snippet needs no bot rules), and choosing
#: rules by code or slug reads the names alone.  A test checks the names and scopes against
#: each module's ``RULE``.  Rules of scope ``file`` report unreadable input: always on.
_MODULES: dict[str, Scope] = {
    "bk000_internal_error": "file",
    "bk001_unreadable_file": "file",
    "bk101_phone_country_code": "call",
    "bk102_phone_not_a_number": "call",
    "bk103_phone_format": "call",
    "bk201_auth_missing": "call",
    "bk202_auth_empty_or_placeholder": "call",
    "bk203_auth_hardcoded_secret": "call",
    "bk300_invalid_json": "syntax",
    "bk301_schema": "json",
    "bk302_missing_required_field": "call",
    "bk303_unknown_field": "call",
    "bk304_api_mismatch": "call",
    "bk305_invalid_field_value": "call",
    "bk306_json_sent_as_form": "call",
    "bk401_curl_option_dropped": "curl",
    "bk402_curl_unreadable": "curl",
    "bk403_file_outside_repository": "call",
    "bk501_unknown_step": "bot",
    "bk502_duplicate_step_id": "bot",
    "bk601_undefined_variable": "bot",
    "bk602_variable_maybe_unset": "bot",
    "bk603_unused_variable": "bot",
    "bk604_credential_variable_name": "call",
}


def code_of(name: str) -> str:
    """``bk101_phone_country_code`` -> ``BK101``."""
    return name[:5].upper()


def slug_of(name: str) -> str:
    """``bk101_phone_country_code`` -> ``phone-country-code``."""
    return name[6:].replace("_", "-")


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


@cache
def modules() -> tuple[ModuleType, ...]:
    """Every rule module (all imported: for ``--list-rules`` and SARIF's rule list)."""
    return tuple(_module(name) for name in _MODULES)


def of_scope(scope: Scope, codes: Iterable[str]) -> tuple[ModuleType, ...]:
    """The modules of the rules of ``scope`` among ``codes``, imported now."""
    wanted = set(codes)
    return tuple(
        _module(name)
        for name, where in _MODULES.items()
        if where == scope and code_of(name) in wanted
    )


@cache
def all_rules() -> tuple[Rule, ...]:
    return tuple(m.RULE for m in modules())


@cache
def get(code: str) -> Rule:
    """The rule of ``code`` (only its module is imported)."""
    name = next(n for n in _MODULES if code_of(n) == code)
    rule: Rule = _module(name).RULE
    return rule


def select(select: Iterable[str], ignore: Iterable[str] = ()) -> frozenset[str]:
    """The codes chosen by ``select`` minus ``ignore`` (each: ALL, a code prefix, or a slug).

    Rules about unreadable input (BK000, BK001) are always on: they cannot be
    silenced, since the file was not linted at all.
    """
    names = list(_MODULES)
    chosen = {code_of(n) for n in names if any(_named(n, s) for s in _check(select))}
    chosen -= {code_of(n) for n in names if any(_named(n, s) for s in _check(ignore))}
    return frozenset(chosen | {code_of(n) for n, scope in _MODULES.items() if scope == "file"})


def _named(name: str, selector: str) -> bool:
    """Does ``selector`` name the rule of module ``name`` (read from the name alone)?"""
    s = selector.strip()
    return s.upper() == "ALL" or code_of(name).startswith(s.upper()) or slug_of(name) == s.lower()


def _matches(rule: Rule, selector: str) -> bool:
    s = selector.strip()
    return s.upper() == "ALL" or rule.code.startswith(s.upper()) or rule.slug == s.lower()


def covers(selectors: Iterable[str], rule: Rule) -> bool:
    """Does any of ``selectors`` (ALL, a code, a code prefix such as BK3, or a slug) name
    ``rule``?  The one test every suppression uses: settings, x-botkit-ignore, comments."""
    return any(isinstance(s, str) and s.strip() and _matches(rule, s) for s in selectors)


def slugs() -> frozenset[str]:
    """Every rule's slug (read from the module names: nothing is imported)."""
    return frozenset(slug_of(n) for n in _MODULES)


def known(selector: str) -> bool:
    """Does ``selector`` name at least one rule?"""
    return bool(selector.strip()) and any(_named(n, selector) for n in _MODULES)


def suggestion(selector: str) -> str:
    """The closest code or slug to an unknown ``selector`` ("" when none is close)."""
    import difflib  # only when there is something to suggest

    names = [code_of(n) for n in _MODULES] + [slug_of(n) for n in _MODULES]
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
