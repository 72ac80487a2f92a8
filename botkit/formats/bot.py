"""Several imported calls as one bot definition (schemas/bot.schema.json): one
``call_api`` step per call, in the order the input holds them, each leading to the next."""

from __future__ import annotations

import re
from typing import Any

_STEP_ID = re.compile(r"[^A-Za-z0-9_.:-]+")


def step_id(name: str, taken: set[str]) -> str:
    """``Assign chat`` -> ``assign-chat``; ``-2``, ``-3``... when the id is taken."""
    base = _STEP_ID.sub("-", name.lower()).strip("-")[:40].strip("-") or "call"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def bot_definition(
    name: str, components: list[dict[str, Any]], variables: dict[str, str] | None = None
) -> dict[str, Any]:
    """A bot whose steps make ``components``' calls in order (the last one ends it)."""
    taken: set[str] = set()
    ids = [step_id(c["name"], taken) for c in components]
    steps: list[dict[str, Any]] = []
    for k, (sid, component) in enumerate(zip(ids, components, strict=True)):
        step: dict[str, Any] = {"id": sid, "component": component}
        if k + 1 < len(ids):
            step["next"] = ids[k + 1]
        steps.append(step)
    bot: dict[str, Any] = {"name": name}
    if variables:
        bot["variables"] = dict(variables)
    bot["steps"] = steps
    return bot
