"""Running the rules on one file's text: each rule of each scope on what it checks.

Rules are grouped by scope once per run (``Checks``), then each file's text is
read as the document of its kind and every rule of the scopes that apply runs
on it.  The result is one ``Part`` per request the file holds: the document,
the components found in it, and the raw hits, which ``botkit.lint.findings``
turns into findings.
"""

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import botkit.lint.rules as rules
from botkit.lint.call import Call
from botkit.lint.config import LintConfig
from botkit.lint.context import Context
from botkit.lint.document import Document
from botkit.lint.kinds import is_script, kind_of
from botkit.lint.model import Hit, Rule, Scope
from botkit.named_tuples import NamedTuple

if TYPE_CHECKING:
    from botkit.curl import CurlRead

Check = Callable[[Any], Iterable[Hit]]

#: Why a file met while walking is not linted (``--verbose`` counts them).
SKIP_JSON = "JSON that is no bot or component"
SKIP_SCRIPT = "script without a curl API call"
#: How the script reader says a script runs no curl command (only captured ones).
NO_CURL = "no curl command found"
#: The scopes whose rules run on a file's text (``file`` rules are the runner's).
SCOPES: tuple[Scope, ...] = ("syntax", "json", "bot", "curl", "call")


class Part:
    """One request of a file: its document, the components it holds, and the hits."""

    def __init__(self, doc: Document, *, unreadable: bool = False) -> None:
        self.doc = doc
        self.components: list[dict[str, Any]] = []
        self.hits: list[tuple[Rule, Hit]] = []
        #: A cURL part that could not be read as a command (BK402 says why).
        self.unreadable = unreadable


class Parts(NamedTuple):
    parts: list[Part]
    #: Why the file is not linted at all (a walked file of no kind botkit checks).
    skipped: str | None = None


class Checks:
    """The enabled rules, grouped by scope, and the run's shared context.

    A scope's rule modules are imported when a file first needs that scope: linting
    one cURL snippet loads no bot or JSON rules."""

    def __init__(self, config: LintConfig) -> None:
        self.ctx = Context(config)
        self._enabled = rules.select(config.select, config.ignore)
        self._scoped: dict[str, list[tuple[Rule, Check]]] = {}

    def rules_of(self, scope: Scope) -> list[tuple[Rule, Check]]:
        """The enabled rules of ``scope`` with their checks (imported on first use)."""
        found = self._scoped.get(scope)
        if found is None:
            found = [
                (module.RULE, module.check)
                for module in rules.of_scope(scope, self._enabled)
                if hasattr(module, "check")
            ]
            self._scoped[scope] = found
        return found

    def load_all(self) -> None:
        """Import every enabled rule now (before forking workers, which then share them)."""
        for scope in SCOPES:
            self.rules_of(scope)

    def _run(self, scope: Scope, target: object, into: list[tuple[Rule, Hit]]) -> None:
        for rule, check in self.rules_of(scope):
            into.extend((rule, hit) for hit in check(target))

    def parts(self, path: str | None, display: str, text: str, *, named: bool = True) -> Parts:
        """One part per component the file holds a request for (``path`` None: stdin).

        A file met while walking a folder (not ``named``) that is no bot, component or
        cURL snippet is skipped: the result says why, and nothing is reported on it.
        """
        if kind_of(path or "", text) == "json":
            part = self.json(display, text, path, named=named)
            return Parts([part]) if part is not None else Parts([], SKIP_JSON)
        if path is not None and is_script(path):
            from botkit.lint.curldoc import mentions_curl  # a JSON file never needs it

            if not mentions_curl(text):
                return Parts([], None if named else SKIP_SCRIPT)
            if path.lower().endswith(".sh"):
                parts = self.script(display, text, path)
                return Parts(parts, None if parts or named else SKIP_SCRIPT)
        return Parts([self.curl(display, text, path)])

    def json(self, display: str, text: str, path: str | None, *, named: bool = True) -> Part | None:
        """The part of a JSON file; None for a walked file that is no bot or component."""
        from botkit.lint.jsondoc import JsonDocument, JsonSyntaxError
        from botkit.lint.jsonfile import analyse, looks_like_bot

        doc = JsonDocument(display, text, path)
        part = Part(doc)
        try:
            data = doc.data
        except JsonSyntaxError:
            if not named and not looks_like_bot(text):
                return None  # tsconfig.json with comments, a broken package.json...
            self._run("syntax", doc, part.hits)
            return part
        file = analyse(doc, data)
        if not named and file.kind == "other" and not file.component_paths:
            return None
        part.components = [_at(data, base) for base in file.component_paths]
        self._run("json", file, part.hits)
        if file.kind == "bot":
            self._run("bot", data, part.hits)
        if self.rules_of("call"):
            for base, component in zip(file.component_paths, part.components, strict=True):
                self._run("call", Call(component, base, self.ctx, source=path), part.hits)
        return part

    def script(self, display: str, text: str, path: str) -> list[Part]:
        """A ``.sh`` file may be a script (a ``botkit recipe``): lint each curl command.
        Curl commands whose output the script captures or runs (``$(curl ...)``,
        ``curl ... | sh``) are no API calls; a script with only those has no part."""
        from botkit.curl import read_curl_script
        from botkit.errors import InputError
        from botkit.lint.curldoc import dialect_of, lint_root

        try:
            folder = os.path.dirname(path) or "."
            root, dialect = lint_root(folder), dialect_of(path)
            reads = read_curl_script(
                text, source=display, base_dir=folder, root=root, dialect=dialect
            )
        except InputError as exc:
            if exc.message.startswith(NO_CURL):
                return []
            reads = []  # read it as one snippet, which reports why it cannot be read
        if reads:
            # Each command as the script reader read it: a one-command file is not read a
            # second time (reading is most of the time lint spends on a cURL file).
            return [self.curl(display, text, path, read=read) for read in reads]
        single = self.curl(display, text, path)  # says why the text cannot be read
        return [single]

    def curl(
        self, display: str, text: str, path: str | None, read: "CurlRead | None" = None
    ) -> Part:
        from botkit.lint.curldoc import CurlDocument

        doc: CurlDocument = CurlDocument(display, text, path, read=read)
        part = Part(doc, unreadable=doc.error is not None)
        self._run("curl", doc, part.hits)
        component = doc.component
        if component is not None:
            part.components = [component]
            outside = doc.result.outside if doc.result is not None else []
            call = Call(
                component,
                (),
                self.ctx,
                shell=True,
                source=path,
                outside=outside,
            )
            self._run("call", call, part.hits)
        return part


def _at(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data
