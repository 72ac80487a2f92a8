"""BK401 curl-option-dropped: a cURL option that changes the request but has no place
in a Call API component.

A proxy, client certificates, digest auth, a shell variable bash would split...
curl would act on them; a component imported from the snippet would not.  Each
is taken from the reader's warnings, at the option's own line and column, except
the note that ``$NAME`` became the bot variable ``{{NAME}}`` (the recommended way
to keep a key out of a snippet), and ``-u "$NAME"``, whose variable holds the whole
``user:password`` at run time.
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
        if warning.option == "-u" and _user_from_environment(doc):
            continue
        yield Hit(
            Site(line=warning.line, column=warning.column), f"{warning.option}: {warning.message}"
        )


def _becomes_variable(option: str, message: str) -> bool:
    """``$DOUBLETICK_API_KEY`` is imported as ``{{DOUBLETICK_API_KEY}}``: exactly what a
    snippet should do with its key, so the reader's note about it is no finding."""
    return option.startswith("$") and "kept as {{" in message


def _user_from_environment(doc: CurlDocument) -> bool:
    """``--user "$UNBLU_USER"`` holds ``user:password`` when the script runs (as
    ``botkit recipe`` scripts do): curl asks for nothing, so there is nothing to report."""
    from botkit.lint.secrets import is_variable

    auth = (doc.component or {}).get("auth")
    user = auth.get("username") if isinstance(auth, dict) else None
    return isinstance(user, str) and is_variable(user)
