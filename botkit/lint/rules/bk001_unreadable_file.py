"""BK001 unreadable-file: the file cannot be read as UTF-8 text.

Not a finding about the bot but about the input, so it exits with status 2
(like a missing path) and cannot be ignored or suppressed.
"""

from botkit.lint.model import Rule, Severity

RULE = Rule(
    "BK001",
    "unreadable-file",
    Severity.ERROR,
    "the file cannot be read (missing, binary or not UTF-8)",
    scope="file",
    fatal=True,
)
