"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; every rule is described in ``tool.driver.rules`` (short description,
the rule module's explanation as help, default level); each result points at
its file and region and carries its fix as a replacement when it has one.
Columns are counted in Unicode code points, as the text output counts them.
"""

from __future__ import annotations

import inspect
import json
import os
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

import botkit.lint.rules as rules
from botkit import __version__
from botkit.lint.model import Finding, Severity
from botkit.lint.report import Summary, shown

if TYPE_CHECKING:
    from botkit.lint.runner import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class SarifReporter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.results: list[dict[str, Any]] = []
        #: What could not be linted (unreadable, internal error), for the invocation.
        self.notifications: list[dict[str, Any]] = []
        self.index = {rule.code: i for i, rule in enumerate(rules.all_rules())}

    def file(self, result: FileResult) -> None:
        findings = shown(result)
        self.results.extend(self._result(f) for f in findings)
        self.notifications.extend(_notification(f) for f in findings if f.rule.fatal)

    def finish(self, summary: Summary) -> None:
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "botkit",
                            "version": __version__,
                            "rules": [_rule(m) for m in rules.modules()],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "invocations": [
                        {
                            "executionSuccessful": summary.unreadable == 0,
                            "toolExecutionNotifications": self.notifications,
                        }
                    ],
                    "results": self.results,
                }
            ],
        }
        json.dump(log, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")

    def _result(self, f: Finding) -> dict[str, Any]:
        location = {"uri": _uri(f.path)}
        out: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": self.index[f.code],
            "level": "error" if f.severity is Severity.ERROR or f.rule.fatal else "warning",
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": _region(f.begin, f.finish),
                    }
                }
            ],
        }
        if f.fix is not None:
            out["fixes"] = [
                {
                    "description": {"text": f.fix.title},
                    "artifactChanges": [
                        {
                            "artifactLocation": location,
                            "replacements": [
                                {
                                    "deletedRegion": _region(e.begin, e.finish),
                                    "insertedContent": {"text": e.text},
                                }
                                for e in f.fix.edits
                            ],
                        }
                    ],
                }
            ]
        return out


def _notification(f: Finding) -> dict[str, Any]:
    """A file botkit could not lint: said to the tool's user, not as a code finding."""
    return {
        "level": "error",
        "message": {"text": f"{f.path}: {f.message}"},
        "descriptor": {"id": f.code},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}}}],
    }


def _region(begin: Any, finish: Any) -> dict[str, int]:
    return {
        "startLine": begin.line,
        "startColumn": begin.column,
        "endLine": finish.line,
        "endColumn": finish.column,
    }


def _uri(path: str) -> str:
    """The file's URI, from its bytes, so a name that is not UTF-8 still names it; a
    relative path stays relative (GitHub resolves it from the repository root)."""
    if os.path.isabs(path) and os.name == "nt":
        from pathlib import Path

        return Path(path).as_uri()
    uri = quote(os.fsencode(path.replace(os.sep, "/")))
    return f"file://{uri}" if os.path.isabs(path) else uri


def _rule(module: Any) -> dict[str, Any]:
    rule = module.RULE
    doc = inspect.getdoc(module) or rule.summary
    return {
        "id": rule.code,
        "name": "".join(part.capitalize() for part in rule.slug.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc},
        "defaultConfiguration": {
            "level": "error" if rule.severity is Severity.ERROR else "warning"
        },
        "properties": {"slug": rule.slug, "fixable": rule.fixable},
    }
