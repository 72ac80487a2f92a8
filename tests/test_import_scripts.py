"""``botkit import --all``: every curl command of a script, in order, as components or a bot."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from botkit import schemas
from botkit.convert import import_text
from botkit.errors import InputError

RECIPES = sorted((ROOT / "samples" / "generated").glob("recipe.*.sh"))


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda p: p.name)
def test_a_recipe_script_gives_each_of_its_calls(recipe: Path) -> None:
    text = recipe.read_text()
    calls = import_text(text, all_commands=True).document
    calls = calls if isinstance(calls, list) else [calls]
    assert len(calls) == text.count("curl ") - text.count("# curl ")
    assert all(c["url"].startswith("https://") or c["url"].startswith("{{") for c in calls)
    bot = import_text(text, all_commands=True, as_bot=True, name="Recipe").document
    assert schemas.is_valid("bot", bot)
    assert [s["component"] for s in bot["steps"]] == calls


def test_two_commands_without_all_name_the_second() -> None:
    text = "curl https://h.example/a\ncurl -X DELETE https://h.example/b\n"
    with pytest.raises(InputError):
        import_text(text)
    both = import_text(text, all_commands=True).document
    assert [c["method"] for c in both] == ["GET", "DELETE"]
    assert import_text(text, all_commands=True, entry=2).document["method"] == "DELETE"
    assert import_text(text, all_commands=True, match="/a").document["method"] == "GET"
