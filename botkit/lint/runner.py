"""Walk the given paths, lint each file once, and stream the results file by file.

Everything costly is set up once per run (catalog, validators, phone cache) and
nothing is kept from one file to the next, so memory stays flat however many
files there are.  Results come out in a stable order: paths as given, directory
entries sorted, findings in a file by line and column.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from botkit.errors import BotkitError
from botkit.files import FileReadError, TextFile, read_stdin, read_text
from botkit.lint import rules
from botkit.lint.call import Call
from botkit.lint.config import DEFAULT_EXCLUDE, LintConfig
from botkit.lint.context import Context
from botkit.lint.document import Document
from botkit.lint.fix import FixError, apply_fixes
from botkit.lint.model import Finding, Fix, Hit, Position, Rule
from botkit.lint.secrets import redact, scrub

if TYPE_CHECKING:
    from botkit.curl import CurlRead
    from botkit.lint.jsonpos import JsonPath

JSON_SUFFIXES = (".json",)
CURL_SUFFIXES = (".curl", ".sh")
STDIN = "-"


@dataclass
class FileResult:
    """The outcome for one file: findings left to report, and what ``--fix`` changed."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        return any(f.rule.fatal for f in self.findings)


def lint_paths(
    paths: Iterable[str | os.PathLike[str]], config: LintConfig | None = None, *, fix: bool = False
) -> Iterator[Finding]:
    """Every finding in the files at ``paths`` (files or directories, walked recursively)."""
    for result in lint_files(paths, config, fix=fix):
        yield from result.findings


def lint_files(
    paths: Iterable[str | os.PathLike[str]], config: LintConfig | None = None, *, fix: bool = False
) -> Iterator[FileResult]:
    """One ``FileResult`` per file, streamed.  A path that does not exist raises
    ``BotkitError`` before anything is linted (a usage error, like ruff's)."""
    config = config or LintConfig()
    given = [os.fspath(p) for p in paths]
    missing = [p for p in given if p != STDIN and not os.path.exists(p)]
    if missing:
        raise BotkitError(f"no such file or directory: {missing[0]}")
    linter = Linter(config)
    for path in iter_files(given, config):
        yield linter.lint_file(path, fix=fix)


def iter_files(paths: list[str], config: LintConfig) -> Iterator[str]:
    """Files to lint: files as given (any name), directories walked for known suffixes."""
    exclude = DEFAULT_EXCLUDE + config.exclude
    for given in paths:
        if given == STDIN or not os.path.isdir(given):
            yield given
            continue
        yield from _walk(given, exclude)


def _walk(top: str, exclude: tuple[str, ...]) -> Iterator[str]:
    """Files under ``top`` in sorted path order, without recursion; links to folders are
    not followed (no loops), links to files are."""
    stack = [iter(_entries(top, exclude))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.is_dir(follow_symlinks=False):
            stack.append(iter(_entries(entry.path, exclude)))
        elif entry.name.endswith(JSON_SUFFIXES + CURL_SUFFIXES) and _is_file(entry):
            yield entry.path


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link that cannot be followed (a loop): reading it reports why."""
    try:
        return entry.is_file()
    except OSError:
        return True


def _entries(folder: str, exclude: tuple[str, ...]) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as scan:
            entries = [e for e in scan if not _excluded(e.name, folder, exclude)]
    except OSError:
        return []
    return sorted(entries, key=lambda e: e.name)


def _excluded(name: str, root: str, patterns: tuple[str, ...]) -> bool:
    relative = os.path.join(root, name).replace(os.sep, "/").removeprefix("./")
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)


class Linter:
    """Lints one file at a time with rules, settings and catalog prepared once."""

    def __init__(self, config: LintConfig) -> None:
        self.config = config
        self.ctx = Context(config)
        self.enabled = rules.select(config.select, config.ignore)
        by_scope: dict[str, list[tuple[Rule, Callable[[Any], Iterable[Hit]]]]] = {}
        for module in rules.modules():
            rule: Rule = module.RULE
            if rule.code in self.enabled and hasattr(module, "check"):
                by_scope.setdefault(rule.scope, []).append((rule, module.check))
        self._scoped = by_scope

    def _checks(self, scope: str) -> list[tuple[Rule, Callable[[Any], Iterable[Hit]]]]:
        return self._scoped.get(scope, [])

    # --- one file ---------------------------------------------------------------------

    def lint_file(self, path: str, *, fix: bool = False) -> FileResult:
        display = "<stdin>" if path == STDIN else _display(path)
        result = FileResult(display)
        try:
            source = read_stdin() if path == STDIN else read_text(path)
        except FileReadError as exc:
            result.findings.append(self._at_start(display, rules.get("BK001"), exc.message))
            return result
        text = source.text
        try:
            parts = self._lint_text(path, display, text)
            if not parts:
                return result
            result.findings = sorted(
                (f for doc, hits in parts for f in self._findings(doc, hits)),
                key=Finding.sort_key,
            )
            if fix and path != STDIN:
                doc = parts[0][0]  # every part holds the whole text of the file
                result.findings, result.fixed = self._fix(doc, result.findings, Path(path), source)
        except RecursionError:
            message = "input nested too deep to lint"
            result.findings = [self._at_start(display, rules.get("BK001"), message)]
        except Exception as exc:  # a bug: report it for this file, keep linting the others
            message = scrub(f"internal error: {type(exc).__name__}: {exc}")
            result.findings = [self._at_start(display, rules.get("BK000"), message)]
        return result

    def lint_text(self, text: str, *, display: str = "<text>", kind: str = "json") -> list[Finding]:
        """Lint text held in memory (``kind`` json or curl); for the library and tests."""
        suffix = ".json" if kind == "json" else ".curl"
        parts = self._lint_text(
            display + ("" if display.endswith(suffix) else suffix), display, text
        )
        findings = (f for doc, hits in parts for f in self._findings(doc, hits))
        return sorted(findings, key=Finding.sort_key)

    def _lint_text(
        self, path: str, display: str, text: str
    ) -> list[tuple[Document, list[tuple[Rule, Hit]]]]:
        """One (document, hits) pair per component the file holds a request for."""
        kind = _kind(path, text)
        if kind == "json":
            return [self._lint_json(display, text, path)]
        from botkit.lint.curldoc import mentions_curl

        if path.endswith(".sh"):
            if not mentions_curl(text):
                return []  # a shell script that runs no curl is not a snippet
            return self._lint_script(display, text, path)
        return [self._lint_curl(display, text, path)]

    def _lint_script(
        self, display: str, text: str, path: str
    ) -> list[tuple[Document, list[tuple[Rule, Hit]]]]:
        """A ``.sh`` file may be a script (a ``botkit recipe``): lint each curl command."""
        from botkit.curl import read_curl_script
        from botkit.errors import InputError

        base_dir = None if path == STDIN else Path(path).parent
        try:
            reads = read_curl_script(text, source=display, base_dir=base_dir)
        except InputError:
            reads = []  # read it as one snippet, which reports why it cannot be read
        if len(reads) >= 2:
            return [self._lint_curl(display, text, path, read=read) for read in reads]
        single = self._lint_curl(display, text, path)  # the strict reading of a snippet
        if reads and getattr(single[0], "error", None) is not None:
            return [self._lint_curl(display, text, path, read=reads[0])]  # curl among commands
        return [single]

    def _lint_json(
        self, display: str, text: str, path: str
    ) -> tuple[Document, list[tuple[Rule, Hit]]]:
        from botkit.lint.jsondoc import JsonDocument, JsonSyntaxError
        from botkit.lint.jsonfile import analyse

        doc = JsonDocument(display, text, None if path == STDIN else Path(path))
        hits: list[tuple[Rule, Hit]] = []
        try:
            data = doc.data
        except JsonSyntaxError:
            for rule, check in self._checks("syntax"):
                hits.extend((rule, h) for h in check(doc))
            return doc, hits
        file = analyse(doc, data)
        doc.components = [_at(data, base) for base in file.components]
        for rule, check in self._checks("json"):
            hits.extend((rule, h) for h in check(file))
        if file.kind == "bot":
            for rule, check in self._checks("bot"):
                hits.extend((rule, h) for h in check(data))
        call_checks = self._checks("call")
        if call_checks:
            for base, component in zip(file.components, doc.components, strict=True):
                call = Call(component, base, self.ctx)
                for rule, check in call_checks:
                    hits.extend((rule, h) for h in check(call))
        return doc, hits

    def _lint_curl(
        self, display: str, text: str, path: str, read: CurlRead | None = None
    ) -> tuple[Document, list[tuple[Rule, Hit]]]:
        from botkit.lint.curldoc import CurlDocument

        doc = CurlDocument(display, text, None if path == STDIN else Path(path), read=read)
        hits: list[tuple[Rule, Hit]] = []
        for rule, check in self._checks("curl"):
            hits.extend((rule, h) for h in check(doc))
        component = doc.component
        if component is not None:
            doc.components = [component]
            call = Call(component, (), self.ctx, shell=True)
            for rule, check in self._checks("call"):
                hits.extend((rule, h) for h in check(call))
        return doc, hits

    # --- hits to findings -------------------------------------------------------------

    def _findings(self, doc: Document, hits: list[tuple[Rule, Hit]]) -> list[Finding]:
        secrets = _secrets_of(doc) if hits else []
        findings = []
        for rule, hit in hits:
            if doc.suppressed(rule.code, hit.site):
                continue
            start, end = doc.span(hit.site)
            fix = None
            if rule.fixable and hit.has_fix:
                edit = doc.edit(hit.site, hit.fix)
                if edit is not None:
                    fix = Fix(hit.fix_title, (edit,))
            message = scrub(redact(hit.message, secrets))
            findings.append(
                Finding(
                    doc.display,
                    doc.position(start),
                    doc.position(end),
                    rule,
                    message,
                    fix,
                    hit.site.path,
                )
            )
        findings.sort(key=Finding.sort_key)
        return findings

    def _at_start(self, display: str, rule: Rule, message: str) -> Finding:
        return Finding(display, Position(1, 1), Position(1, 1), rule, message)

    def _fix(
        self, doc: Document, findings: list[Finding], path: Path, source: TextFile
    ) -> tuple[list[Finding], list[Finding]]:
        fixable = [f for f in findings if f.fix is not None]
        if not fixable:
            return findings, []
        try:
            applied = apply_fixes(path, source, fixable)
        except FixError as exc:
            failure = self._at_start(doc.display, rules.get("BK001"), str(exc))
            return [*findings, failure], []
        remaining = [f for f in findings if f not in applied]
        return remaining, applied


def _at(data: Any, path: JsonPath) -> Any:
    for key in path:
        data = data[key]
    return data


def _kind(path: str, text: str) -> str:
    lowered = path.lower()
    if lowered.endswith(JSON_SUFFIXES):
        return "json"
    if lowered.endswith(CURL_SUFFIXES):
        return "curl"
    return "json" if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[") else "curl"


def _display(path: str) -> str:
    """The path as the user would write it: relative to the current directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def _secrets_of(doc: Document) -> list[str]:
    """Credentials written in the document, to be masked in every message about it."""
    from botkit.lint.credentials import secrets_in

    found: list[str] = []
    for component in getattr(doc, "components", ()):
        found.extend(secrets_in(component))
    return found
