"""Every schema error a user meets says in words what is wrong, with its JSON path; none
shows a raw pattern: ``export`` of a component, a bot's steps, a user catalog, a recipe
(the lint side, BK301, is held by tests/lint/test_lint_schema_rules.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import botkit
from schema_support import schema_patterns

from botkit import schemas

RAW_REGEX = ("(?", "[^", "\\u", "\\s", "]*", "]+", "{3}")


ALL_PATTERNS = [
    p for name in ("bot", "component", "catalog", "recipe") for p in schema_patterns(name)
]

COMPONENT = {"type": "call_api", "name": "x", "method": "GET", "url": "https://a.example/x"}


def _assert_in_words(message: str) -> None:
    assert not any(p in message for p in ALL_PATTERNS), message
    assert not any(r in message for r in RAW_REGEX), message


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"url": "ftp://a.example/x"}, "$.url", "is not an http:// or https:// URL"),
        ({"headers": [{"name": "Bad Name", "value": "x"}]}, "$.headers[0].name", "one word"),
        ({"headers": [{"name": "X-A", "value": " padded"}]}, "$.headers[0].value", "blank"),
        ({"query": [{"name": "a&b", "value": "c"}]}, "$.query[0].name", "must not hold &"),
        ({"save": [{"path": "$..x", "variable": "v"}]}, "$.save[0].path", "path into"),
    ],
)
def test_export_says_what_is_wrong_in_words(tmp_path: Path, change, path, words) -> None:
    component = tmp_path / "c.json"
    component.write_text(json.dumps({**COMPONENT, "headers": [], **change}))
    result = botkit("export", str(component))
    assert result.returncode == 2
    assert f"{path}: " in result.stderr and words in result.stderr, result.stderr
    _assert_in_words(result.stderr)


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("catalog", {"vendor": {"name": "Acme CRM", "title": "x"}, "api": []}),
        ("recipe", {"recipe": [{"id": "NotAnId", "title": "x"}]}),
    ],
)
def test_catalog_and_recipe_problems_are_said_in_words(name, document) -> None:
    problem = schemas.best_problem(name, document)
    assert problem is not None
    _assert_in_words(str(problem))
