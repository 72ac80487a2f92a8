"""BK603 unused-variable: a declared input or a saved response part nobody uses.

Either a step that should use it lost its ``{{variable}}``, or the declaration
(or ``save``) is left over.  Questions and ``set_variable`` steps are not judged:
their answer may only choose a branch.
"""

from collections.abc import Iterator
from typing import Any

from botkit.lint.dataflow import analyse
from botkit.lint.model import Hit, Rule, Severity

RULE = Rule(
    "BK603",
    "unused-variable",
    Severity.WARNING,
    "a declared or saved variable that no step uses",
    scope="bot",
)


def check(bot: dict[str, Any]) -> Iterator[Hit]:
    found = analyse(bot)
    for definition in found.inputs:
        if not found.used(definition.name):
            yield Hit(definition.site, f"{definition.name!r} is declared but no step uses it")
    for definition in found.sets:
        if definition.kind == "save" and not found.used(definition.name):
            step = found.step_ids[definition.step]
            yield Hit(
                definition.site,
                f"{definition.name!r} is saved from the response of {step!r} but no step uses it",
            )
