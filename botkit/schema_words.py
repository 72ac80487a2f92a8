"""What a schema error means, in words: no message shows a user a raw regex.

jsonschema describes a ``pattern`` failure by quoting the pattern, and a ``not``
failure by quoting a sub-schema; neither tells a bot author what to change.  Each
pattern in botkit's schemas has a sentence here (a test holds every pattern of
them to having one), and any other error that would quote schema text is said in
general words.  Lint (BK301), export, bot steps, catalogs and recipes all say it so.
"""

from __future__ import annotations

from typing import Any

_TOKEN = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"
_NAME = "^[A-Za-z_][A-Za-z0-9_.]*$"

#: Each pattern of botkit's schemas: what a value that breaks it lacks.
PATTERN_WORDS: dict[str, str] = {
    "^[a-z0-9-]+\\.[a-z0-9-]+$": "is not a catalog API id: vendor.action, lowercase, "
    "such as doubletick.assign-chat",
    _TOKEN: "must be one word of letters, digits and !#$%&'*+.^_`|~- (no blanks, no colon)",
    "^(?:[Hh][Tt][Tt][Pp][Ss]?://[^/?#@\\s\\u0000-\\u001f\\u007f]+(?:/[^?#\\s\\u0000-\\u001f"
    "\\u007f]*)?|\\{\\{[^?#\\s\\u0000-\\u001f\\u007f]*)$": "is not an http:// or https:// URL "
    "(or one starting with a {{variable}}) without blanks, control characters, user:password@, "
    "a query (put it in 'query') or a #fragment",
    "^(?:\\$|(?:\\$\\.)?[^.\\[\\]\\s]+(?:\\[[0-9]+\\])*(?:\\.[^.\\[\\]\\s]+(?:\\[[0-9]+\\])*)*)$": (
        "is not a path into the response such as $.data.id or items[0].name"
    ),
    _NAME: "is not a variable name: a letter or _ first, then letters, digits, _ and .",
    "^(?:ALL|BK[0-9]{0,3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$": "is not a lint code (BK203), "
    "code prefix (BK2), rule slug (auth-hardcoded-secret) or ALL",
    "^(?:[^\\r\\n\\u0000 \\t](?:[^\\r\\n\\u0000]*[^\\r\\n\\u0000 \\t])?)?$": "must not start or "
    "end with a blank (HTTP drops them) nor hold a line break or NUL character",
    "^[^&#=\\s\\u0000-\\u001f\\u007f]*$": "must not hold &, #, =, blanks or control characters "
    "(write the name as it is, not percent-encoded)",
    "^[^&#\\s\\u0000-\\u001f\\u007f]*$": "must not hold &, #, blanks or control characters "
    "(percent-encode them: %26, %23, %20)",
    "^[^:\\r\\n\\u0000]*$": "must not hold a colon, a line break or a NUL character",
    "^[^\\r\\n\\u0000]*$": "must not hold a line break or a NUL character",
    "^[^\\r\\n\\u0000]+$": "must not be empty nor hold a line break or a NUL character",
    "^[^=\\r\\n\\u0000]+$": "must not be empty nor hold =, a line break or a NUL character",
    "^[^\\u0000]*$": "must not hold a NUL character (a command line cannot carry one)",
    "^[A-Za-z0-9_.:-]+$": "is not a step id: letters, digits and _ . : - only, not empty",
    # catalog.schema.json
    "^[a-z0-9-]+$": "must be lowercase letters, digits and - only, not empty",
    "^[a-z0-9][a-z0-9-]*$": "is not a CLI option name: lowercase letters, digits and -, "
    "not starting with -",
    "^https?://[^\\s?#]+[^/\\s?#]$": "is not a base URL: http:// or https://, a host, no "
    "blanks, query or #fragment, and no / at the end",
    "^/[^\\s?#]*$": "is not a path: it starts with / and holds no blanks, query or #fragment",
    "^[A-Z][A-Z0-9_]*$": "is not an environment variable name: an upper-case letter first, "
    "then A-Z, 0-9 and _",
    "^[A-Za-z_$@][A-Za-z0-9_.$@-]*$": "is not a parameter name: a letter, _, $ or @ first, "
    "then letters, digits and _ . $ @ -",
    # recipe.schema.json
    "^[A-Za-z][A-Za-z0-9]*$": "is not an option name: a letter first, then letters and digits",
    "^[a-z0-9-]+\\.[a-z0-9-]+:[A-Za-z][A-Za-z0-9_]*$": "is not api-id:param, such as "
    "doubletick.assign-chat:reassign",
}

_MEDIA_TYPE = (
    "is not a media type such as application/json or text/plain; charset=utf-8 "
    "(parameter values without ; , or \\, none named type, filename, headers or encoder)"
)


def pattern_words(pattern: str) -> str:
    """What is wrong with a string that does not match ``pattern``."""
    words = PATTERN_WORDS.get(pattern)
    if words is not None:
        return words
    if pattern.startswith("^[!#$%&'*+.^_`|~0-9A-Za-z-]+/"):
        return _MEDIA_TYPE
    return "is not in the form this field takes"


def in_words(error: Any) -> str | None:
    """The message for ``error`` when jsonschema's own would quote schema text; else None."""
    validator = error.validator
    if validator == "pattern":
        return pattern_words(error.validator_value)
    if validator == "not":
        return "is not allowed here"
    if validator in ("oneOf", "anyOf"):
        return "matches none of the forms this field takes"
    if validator in ("if", "then", "else", "contains", "dependentSchemas"):
        return "does not have the form this field takes"
    if validator == "propertyNames":
        return "has a property name that is not allowed"
    return None
