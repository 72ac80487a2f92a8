"""BK401 curl-option-dropped: a cURL option that changes the request but has no place
in a Call API component.

A proxy, client certificates, digest auth, a shell variable bash would split...
curl would act on them; a component imported from the snippet would not.  Each
is taken from the reader's warnings, at the option's own line and column, except
the note that ``$NAME`` became the bot variable ``{{NAME}}`` (the recommended way
to keep a key out of a snippet).
"""

from collections.abc import Iterator

from botkit.lint.curldoc import CurlDocument
from botkit.lint.model import Hit, Rule, Severity, Site

RULE = Rule(
    "BK401",
    "curl-option-dropped",
    Severity.WARNING,
    "a cURL option the component cannot hold",
    scope="curl",
)


def check(doc: CurlDocument) -> Iterator[Hit]:
    for warning in doc.warnings:
        if _becomes_variable(warning.option, warning.message):
            continue
        yield Hit(
            Site(line=warning.line, column=warning.column), f"{warning.option}: {warning.message}"
        )


def _becomes_variable(option: str, message: str) -> bool:
    """``$DOUBLETICK_API_KEY`` is imported as ``{{DOUBLETICK_API_KEY}}``: exactly what a
    snippet should do with its key, so the reader's note about it is no finding."""
    return option.startswith("$") and "kept as {{" in message
