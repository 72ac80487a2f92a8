"""BK402 curl-unreadable: a cURL snippet that cannot be read as a curl command.

An unterminated quote, a missing URL, an option without its argument: the
snippet would fail in a terminal and cannot be imported into a component.
"""

from collections.abc import Iterator

from botkit.lint.curldoc import CurlDocument
from botkit.lint.model import Hit, Rule, Severity, Site

RULE = Rule(
    "BK402", "curl-unreadable", Severity.ERROR, "a cURL snippet that cannot be read", scope="curl"
)


def check(doc: CurlDocument) -> Iterator[Hit]:
    error = doc.error
    if error is not None:
        site = Site(line=error.line or 1, column=error.column or 1)
        yield Hit(site, error.message)
