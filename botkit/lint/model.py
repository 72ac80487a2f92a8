"""The small named things the linter passes around: rules, sites, hits and findings.

A rule yields ``Hit``s that name a ``Site`` (a place in the component's shape);
the document the component came from turns the site into a line and column, so
the same rule code serves a bot file, a standalone component and a cURL snippet.

The NamedTuples are ``botkit.named_tuples``' (typing's costs every lint run about
0.1 ms more a class at import).
"""

from enum import StrEnum
from typing import Any, Literal

from botkit.lint.jsonpos import JsonPath
from botkit.named_tuples import NamedTuple
from botkit.values import Value

Scope = Literal["file", "syntax", "json", "bot", "curl", "call"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Rule(NamedTuple):
    """A rule's stable identity: users select, ignore and suppress it by ``code``."""

    code: str
    slug: str
    severity: Severity
    summary: str
    scope: Scope
    fixable: bool = False
    #: Findings of this rule mean the input could not be read: exit status 2.
    fatal: bool = False


class Site(NamedTuple):
    """A place in a document.

    ``path`` is the JSON path of a value (for a cURL snippet: the path the value
    would have in the component it imports to); ``key`` points at the property
    name instead of its value; ``inner`` is a path inside the JSON document held
    by the string at ``path`` (a component's ``body.text``); ``chars`` is a span
    ``[start, end)`` of the decoded string at ``path`` (a ``{{variable}}`` inside a
    text).  ``line``/``column`` give a position directly when the producer already
    knows it.
    """

    path: JsonPath = ()
    key: bool = False
    inner: JsonPath | None = None
    line: int | None = None
    column: int | None = None
    chars: tuple[int, int] | None = None


class Hit(NamedTuple):
    """What a rule found; ``fix`` is the value that should replace the one at ``site``."""

    site: Site
    message: str
    fix: Any = None
    fix_title: str = ""

    @property
    def has_fix(self) -> bool:
        return self.fix is not None


class Position(NamedTuple):
    line: int
    column: int


class Edit(NamedTuple):
    """Replace the characters ``[start, end)`` of the file with ``text``."""

    start: int
    end: int
    text: str
    begin: Position
    finish: Position
    #: The text the edit replaces (to say what a fix changed).
    old: str = ""


class Fix(NamedTuple):
    title: str
    edits: tuple[Edit, ...]


class Finding(Value):
    """One problem at one place in one file (immutable; ``botkit.values``)."""

    _fields = ("path", "begin", "finish", "rule", "message", "fix", "json_path", "anchor")
    #: Two findings are the same problem at the same place, however they were reached.
    _compared = ("path", "begin", "finish", "rule", "message", "fix")
    path: str
    begin: Position
    finish: Position
    rule: Rule
    message: str
    fix: Fix | None
    json_path: JsonPath
    #: Where the finding is, independent of lines: the JSON path with each bot step
    #: named by its id (a baseline's key; empty for a finding about the whole file).
    anchor: str

    def __init__(
        self,
        path: str,
        begin: Position,
        finish: Position,
        rule: Rule,
        message: str,
        fix: Fix | None = None,
        json_path: JsonPath = (),
        anchor: str = "",
    ) -> None:
        self._set(
            path=path, begin=begin, finish=finish, rule=rule, message=message, fix=fix,
            json_path=json_path, anchor=anchor,
        )  # fmt: skip

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def slug(self) -> str:
        return self.rule.slug

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    @property
    def line(self) -> int:
        return self.begin.line

    @property
    def column(self) -> int:
        return self.begin.column

    def sort_key(self) -> tuple[int, int, str]:
        return (self.begin.line, self.begin.column, self.rule.code)

    def to_dict(self) -> dict[str, Any]:
        """The finding as the JSON reporter writes it (a stable, documented shape)."""
        fix = None
        if self.fix is not None:
            fix = {
                "message": self.fix.title,
                "edits": [
                    {
                        "content": e.text,
                        "line": e.begin.line,
                        "column": e.begin.column,
                        "end_line": e.finish.line,
                        "end_column": e.finish.column,
                    }
                    for e in self.fix.edits
                ],
            }
        return {
            "path": self.path,
            "line": self.begin.line,
            "column": self.begin.column,
            "end_line": self.finish.line,
            "end_column": self.finish.column,
            "code": self.rule.code,
            "rule": self.rule.slug,
            "severity": self.rule.severity.value,
            "message": self.message,
            "fix": fix,
        }
