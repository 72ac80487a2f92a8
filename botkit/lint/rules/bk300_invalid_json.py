"""BK300 invalid-json: a ``.json`` file that is not JSON.

Reported at the parser's line and column, like any other finding, so a broken
bot file fails CI with an annotation on the right line.
"""

from collections.abc import Iterator

from botkit.lint.jsondoc import JsonDocument, JsonSyntaxError
from botkit.lint.model import Hit, Rule, Severity, Site

RULE = Rule(
    "BK300", "invalid-json", Severity.ERROR, "a .json file that does not parse", scope="syntax"
)


def check(doc: JsonDocument) -> Iterator[Hit]:
    try:
        doc.data  # noqa: B018 - parsing is the check
    except JsonSyntaxError as exc:
        yield Hit(Site(line=exc.line, column=exc.column), f"invalid JSON: {exc.message}")
