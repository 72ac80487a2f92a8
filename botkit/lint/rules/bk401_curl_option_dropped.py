"""BK401 curl-option-dropped: a cURL option that changes the request but has no place
in a Call API component.

Cookies, a proxy, client certificates, ``--data-urlencode`` turned into ``-G``...
curl would send them; a component imported from the snippet would not.  Each
is taken from the reader's warnings, at the option's own line and column.
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
        yield Hit(
            Site(line=warning.line, column=warning.column), f"{warning.option}: {warning.message}"
        )
