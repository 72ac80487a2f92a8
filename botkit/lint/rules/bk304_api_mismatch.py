"""BK304 api-mismatch: the component's method or path does not match the catalog API.

A component that says ``api: doubletick.assign-chat`` but posts to
``/team-member/unassign``, a method the API does not take, an unknown API id,
or a vendor's host with a path the vendor does not have.
"""

from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity

RULE = Rule(
    "BK304",
    "api-mismatch",
    Severity.ERROR,
    "the method or path does not match the catalog API",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    problem = call.target.problem
    if problem is not None:
        yield Hit(*problem)
