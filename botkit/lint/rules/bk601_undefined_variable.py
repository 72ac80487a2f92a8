"""BK601 undefined-variable: a ``{{variable}}`` no one declares or sets.

A bot fills a variable from its ``variables`` (inputs it receives), a question's
answer, a ``set_variable`` step or a call's ``save``; a catalog API's credential
(``{{DOUBLETICK_API_KEY}}``) comes from the platform's secrets.  Anything else is
a typo or a forgotten step: in production it stays empty, or is sent as written.
"""

from collections.abc import Iterator
from typing import Any

from botkit.lint.dataflow import analyse
from botkit.lint.model import Hit, Rule, Severity

RULE = Rule(
    "BK601",
    "undefined-variable",
    Severity.ERROR,
    "a variable used but never declared nor set",
    scope="bot",
)


def check(bot: dict[str, Any]) -> Iterator[Hit]:
    found = analyse(bot)
    scope: list[str] | None = None
    for use in found.uses:
        if found.defined(use.name):
            continue
        if scope is None:
            scope = found.names_in_scope()
        yield Hit(use.site, f"{{{{{use.name}}}}} is never declared nor set{_hint(use.name, scope)}")


def _hint(name: str, scope: list[str]) -> str:
    by_lower = {n.lower(): n for n in scope}
    import difflib  # only when there is something to suggest

    close = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.75)
    if close:
        return f"; did you mean {{{{{by_lower[close[0]]}}}}}?"
    return "; declare it in 'variables' or set it in an earlier step"
