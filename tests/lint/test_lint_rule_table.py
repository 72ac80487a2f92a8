"""The rule table in ``botkit.lint.rules`` says each rule's code, slug and scope without
importing the rule, so that a run loads only the rules its files need (issue: speed)."""

from __future__ import annotations

import pkgutil

import botkit.lint.rules as rules
from botkit.lint.checks import SCOPES, Checks
from botkit.lint.config import LintConfig


def test_the_table_names_every_rule_module_with_its_code_slug_and_scope() -> None:
    on_disk = {m.name for m in pkgutil.iter_modules(rules.__path__)}
    assert set(rules._MODULES) == on_disk
    for name, scope in rules._MODULES.items():
        rule = rules._module(name).RULE
        named = (rules.code_of(name), rules.slug_of(name), scope)
        assert (rule.code, rule.slug, rule.scope) == named
        # Always-on rules are exactly those about unreadable input (scope "file").
        assert rule.fatal == (scope == "file")


def test_rules_of_a_scope_are_those_of_the_full_set() -> None:
    checks = Checks(LintConfig())
    for scope in SCOPES:
        expected = [
            m.RULE for m in rules.modules() if m.RULE.scope == scope and hasattr(m, "check")
        ]
        assert [rule for rule, _ in checks.rules_of(scope)] == expected


def test_selection_by_names_matches_selection_by_rules() -> None:
    for select, ignore in ((["ALL"], []), (["BK1"], ["BK103"]), (["phone-format"], []),
                           (["BK6", "schema"], ["unused-variable"])):  # fmt: skip
        chosen = rules.select(select, ignore)
        by_rule = {
            r.code
            for r in rules.all_rules()
            if any(s == "ALL" or r.code.startswith(s.upper()) or r.slug == s for s in select)
            and not any(r.code.startswith(s.upper()) or r.slug == s for s in ignore)
        } | {r.code for r in rules.all_rules() if r.fatal}
        assert chosen == by_rule
