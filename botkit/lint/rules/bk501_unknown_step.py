"""BK501 unknown-step: a connection to a step that does not exist.

``next``, ``on_error``, a branch's ``next`` or the bot's ``start`` naming no
step: the conversation would stop there in production.
"""

from collections.abc import Iterator
from typing import Any

from botkit.lint.model import Hit, Rule, Severity, Site

RULE = Rule(
    "BK501",
    "unknown-step",
    Severity.ERROR,
    "a connection to a step that does not exist",
    scope="bot",
)


def check(bot: dict[str, Any]) -> Iterator[Hit]:
    steps = bot.get("steps")
    if not isinstance(steps, list):
        return
    ids = [s["id"] for s in steps if isinstance(s, dict) and isinstance(s.get("id"), str)]
    known = set(ids)
    for path, target in _connections(bot, steps):
        if target not in known:
            import difflib  # only when there is something to suggest

            close = difflib.get_close_matches(target, ids, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            yield Hit(Site(path), f"no step has the id {target!r}{hint}")


def _connections(bot: dict[str, Any], steps: list[Any]) -> Iterator[tuple[tuple, str]]:
    if isinstance(bot.get("start"), str):
        yield ("start",), bot["start"]
    for i, step in enumerate(steps):
        if not isinstance(step, dict):
            continue
        for key in ("next", "on_error"):
            if isinstance(step.get(key), str):
                yield ("steps", i, key), step[key]
        branches = step.get("branches")
        if isinstance(branches, list):
            for j, branch in enumerate(branches):
                if isinstance(branch, dict) and isinstance(branch.get("next"), str):
                    yield ("steps", i, "branches", j, "next"), branch["next"]
