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


def call_steps(
    bot: Any, wanted: tuple[str, ...], *, source: str = ""
) -> list[tuple[int, dict[str, Any]]]:
    """The ``call_api`` components of a schema-valid ``bot`` with their step's index, in
    step order; ``wanted``: only the steps with those ids (each a call_api step)."""
    from botkit import schemas
    from botkit.errors import InputError

    problem = schemas.best_problem("bot", bot)
    if problem is not None:
        raise InputError(f"not a valid bot definition: {problem}", source=source)
    by_id = {step["id"]: step for step in bot["steps"]}
    for sid in wanted:
        if sid not in by_id:
            from botkit.suggest import did_you_mean

            hint = did_you_mean(sid, by_id, cutoff=0.6, quote=True)
            raise InputError(f"--step {sid}: the bot has no such step{hint}", source=source)
        if by_id[sid]["component"]["type"] != "call_api":
            kind = by_id[sid]["component"]["type"]
            raise InputError(f"--step {sid}: a {kind} step, not call_api", source=source)
    chosen = [
        (k, step["component"])
        for k, step in enumerate(bot["steps"])
        if step["component"]["type"] == "call_api" and (not wanted or step["id"] in wanted)
    ]
    if not chosen:
        raise InputError("the bot has no call_api step to export", source=source)
    return chosen
