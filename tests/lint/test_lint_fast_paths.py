"""Shortcuts the linter takes for speed find what the long way finds (issue: speed)."""

from __future__ import annotations

import json

from lint_helpers import bot, dt_component, lint


def _unknown_selector_messages(text: str) -> list[str]:
    return [f.message for f in lint(text) if "names no lint rule" in f.message]


def test_an_ignore_key_written_with_escapes_is_still_checked() -> None:
    """The walk for x-botkit-ignore entries is skipped when the text cannot hold one; a key
    spelled with \\u escapes is still the key."""
    component = dt_component() | {"x-botkit-ignore": ["phone-formatt"]}
    plain = json.dumps(bot(component), indent=2)
    escaped = plain.replace('"x-botkit-ignore"', '"\\u0078-botkit-ignore"')
    assert escaped != plain
    assert _unknown_selector_messages(plain)
    assert _unknown_selector_messages(escaped) == _unknown_selector_messages(plain)
