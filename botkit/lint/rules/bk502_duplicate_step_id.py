"""BK502 duplicate-step-id: two steps share an id, so connections to it are ambiguous."""

from collections.abc import Iterator
from typing import Any

from botkit.lint.model import Hit, Rule, Severity, Site

RULE = Rule("BK502", "duplicate-step-id", Severity.ERROR, "two steps with the same id", scope="bot")


def check(bot: dict[str, Any]) -> Iterator[Hit]:
    steps = bot.get("steps")
    if not isinstance(steps, list):
        return
    first: dict[str, int] = {}
    for i, step in enumerate(steps):
        if isinstance(step, dict) and isinstance(step.get("id"), str):
            step_id = step["id"]
            if step_id in first:
                yield Hit(
                    Site(("steps", i, "id")),
                    f"step id {step_id!r} is already used by step {first[step_id] + 1}",
                )
            else:
                first[step_id] = i
