"""Lint bot definitions, Call API components and cURL snippets, for CI.

    from botkit.lint import LintConfig, lint_paths
    for finding in lint_paths(["bots/"], LintConfig(default_region="IN")):
        print(finding.path, finding.line, finding.column, finding.code, finding.message)

``lint_files`` gives the same stream grouped by file (with what ``fix=True``
rewrote); ``load_config`` reads ``[tool.botkit.lint]``; ``all_rules`` lists
every rule.  Nothing here prints: reporters in ``botkit.lint.report`` do.
"""

from botkit.lint.config import LintConfig, find_config, load_config
from botkit.lint.model import Finding, Fix, Rule, Severity
from botkit.lint.rules import all_rules
from botkit.lint.runner import FileResult, Linter, lint_files, lint_paths

__all__ = [
    "FileResult",
    "Finding",
    "Fix",
    "LintConfig",
    "Linter",
    "Rule",
    "Severity",
    "all_rules",
    "find_config",
    "lint_files",
    "lint_paths",
    "load_config",
]
