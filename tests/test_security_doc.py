"""SECURITY.md stays true: every file it cites exists, and every rule it names is a rule."""

from __future__ import annotations

import re
from pathlib import Path

from botkit.lint.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "SECURITY.md").read_text(encoding="utf-8")


def test_every_cited_file_exists() -> None:
    cited = set(re.findall(r"`((?:botkit|tests)/[\w/.]+\.py)`", TEXT))
    assert cited, "SECURITY.md cites the modules and tests that hold its promises"
    assert sorted(p for p in cited if not (ROOT / p).is_file()) == []


def test_every_named_rule_exists_with_its_slug() -> None:
    rules = {r.code: r.slug for r in all_rules()}
    for code, slug in re.findall(r"(BK\d{3}) \(([a-z-]+)\)", TEXT):
        assert rules.get(code) == slug


def test_the_readme_links_it() -> None:
    assert "[SECURITY.md](SECURITY.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
