"""BK602 variable-maybe-unset: a step may run before any step sets the variable it uses.

Some way through the bot from ``start`` reaches the step without passing a
question, ``set_variable`` or ``save`` that fills it (a call's ``save`` does not
happen on its ``on_error`` way), and the bot does not declare it as an input.
The message names one such way.  Steps no way reaches are not judged.
"""

from collections.abc import Iterator
from typing import Any

from botkit.lint.dataflow import analyse
from botkit.lint.model import Hit, Rule, Severity

RULE = Rule(
    "BK602",
    "variable-maybe-unset",
    Severity.WARNING,
    "a variable used on a step that a path from start reaches before it is set",
    scope="bot",
)

_SHOWN = 6


def check(bot: dict[str, Any]) -> Iterator[Hit]:
    for use, path in analyse(bot).maybe_unset():
        shown = path if len(path) <= _SHOWN else [*path[:2], "...", *path[-3:]]
        yield Hit(
            use.site,
            f"{{{{{use.name}}}}} may not be set yet: {' -> '.join(shown)} reaches this step "
            "without setting it; set it on that way, or declare it in 'variables' "
            "if the bot receives it",
        )
