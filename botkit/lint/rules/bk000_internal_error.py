"""BK000 internal-error: botkit itself failed on this file.

Reported instead of a traceback, so one odd file cannot hide the findings of
every other file in a CI run; it exits with status 2 and asks for a bug report.
"""

from botkit.lint.model import Rule, Severity

RULE = Rule(
    "BK000",
    "internal-error",
    Severity.ERROR,
    "botkit failed while linting this file (a bug: please report it)",
    scope="file",
    fatal=True,
)
