"""A cURL snippet file (``.curl``, ``.sh``): read with botkit's cURL reader, then linted
as the Call API component it imports to.

The reader gives the request, not where each value was written, so sites (paths
in the component shape) are found again in the text: a header by its name, the
body by its exact text.  What cannot be found exactly is placed on the ``curl``
word itself, which is always a real position.  A fix is offered only where the
value was found exactly (the body written verbatim, e.g. in single quotes or a
heredoc), so rewriting it cannot change anything else the shell would read.
"""

from __future__ import annotations

import os
import re
from functools import cache, cached_property, lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from botkit.errors import InputError
from botkit.lint.document import BOM, Document
from botkit.lint.jsonpos import JsonIndexError, JsonPath, LineIndex, Node, index
from botkit.lint.model import Rule, Site

if TYPE_CHECKING:
    from botkit.curl import CurlRead

_COMMAND = re.compile(r"(?m)(?<![\w.$/-])curl(?:\.exe)?(?![\w.-])")
_COMMENT_LINE = re.compile(r"(?m)^[ \t]*#.*$")
_IGNORE = re.compile(r"(?im)^[ \t]*#[ \t]*botkit:[ \t]*ignore\b[ \t]*(?P<codes>[^\n]*)$")
#: A word that is meant as a rule selector (a code, a prefix, a hyphenated slug), known or not.
_SELECTOR_SHAPED = re.compile(r"(?i)bk\d{0,3}|[a-z0-9]+(?:-[a-z0-9]+)+")
_CODE_SHAPED = re.compile(r"(?i)bk\d{0,3}")
_PHONE_JSON = re.compile(r'"\+?[0-9]*"')
_USER_OPTION = re.compile(r"(?:-u|--user)[ \t=]*['\"]?")
_DATA_OPTION = re.compile(r"(?<![\w-])(?:-d|--data[\w-]*|--json)\b")

ALL = "ALL"


def mentions_curl(text: str) -> bool:
    """Does the text run curl at all? (A ``.sh`` file that does not is not a snippet.)"""
    return _COMMAND.search(_COMMENT_LINE.sub("", text)) is not None


@lru_cache(maxsize=2)  # one script gives one document per command: scan it once
def ignored_codes(text: str) -> frozenset[str]:
    """Rules named by ``# botkit: ignore BK203, phone-format, BK1`` lines (codes, code
    prefixes, slugs; free text may follow them), ``ALL`` for a bare line.  A line whose
    first word is meant as a selector but names no rule (a typo) suppresses nothing."""
    selectors: set[str] = set()
    for match in _IGNORE.finditer(text):
        named = _selectors(match.group("codes"))
        if named is None:
            selectors.add(ALL)
        else:
            selectors.update(named)
    return frozenset(selectors)


def _selectors(rest: str) -> list[str] | None:
    """The selectors at the start of ``rest``; None when there are none (a bare line)."""
    from botkit.lint.rules import all_rules, known

    slugs = {r.slug for r in all_rules()}
    words = [w for w in re.split(r"[\s,]+", rest.strip()) if w]
    named: list[str] = []
    for word in words:
        shaped = word.upper() == ALL or _CODE_SHAPED.fullmatch(word) or word.lower() in slugs
        if not shaped or not known(word):
            if not named and _SELECTOR_SHAPED.fullmatch(word):
                return []  # a typo'd selector must not silence everything
            break
        named.append(word)
    return named or None


@lru_cache(maxsize=2)
def _lines_of(text: str) -> LineIndex:
    """One line index per text, shared by the documents of a script's commands."""
    return LineIndex(text, 1 if text.startswith(BOM) else 0)


def _offset_of(text: str, line: int, column: int) -> int:
    """The offset of a reader's 1-based (line, column) in ``text``."""
    starts = _lines_of(text)._starts
    return min(starts[min(line, len(starts)) - 1] + column - 1, len(text))


class CurlDocument(Document):
    def __init__(
        self,
        display: str,
        text: str,
        path: Path | None = None,
        *,
        read: CurlRead | None = None,
    ) -> None:
        """One curl command of ``text``: read here, or given (``read``) when ``text`` is a
        script with several, in which case values are looked up from that command on."""
        super().__init__(display, text, path)
        self.ignored = ignored_codes(text)
        self.error: InputError | None = None
        self.result: CurlRead | None = read
        self._given_offset: int | None = None
        #: Values are looked for up to here: the end of this command in a script.
        self.command_end = len(text)
        if read is not None:
            self._given_offset = _offset_of(text, read.line, read.column)
            if read.end is not None:
                self.command_end = _offset_of(text, *read.end)
            return
        from botkit.curl import read_curl

        base_dir = path.parent if path is not None else None
        try:
            self.result = read_curl(
                text, source=display, base_dir=base_dir, root=lint_root(base_dir)
            )
        except InputError as exc:
            self.error = exc

    @cached_property
    def lines(self) -> LineIndex:
        return _lines_of(self.text)

    @property
    def warnings(self) -> list[Any]:
        return list(self.result.warnings) if self.result is not None else []

    @cached_property
    def component(self) -> dict[str, Any] | None:
        if self.result is None:
            return None
        return self.result.request.to_component("cURL snippet")

    @cached_property
    def command_offset(self) -> int:
        if self._given_offset is not None:
            return self._given_offset
        for match in _COMMAND.finditer(self.text):
            line_start = self.text.rfind("\n", 0, match.start()) + 1
            if not self.text[line_start : match.start()].lstrip().startswith("#"):
                return match.start()
        stripped = len(self.text) - len(self.text.lstrip())
        return min(stripped, len(self.text))

    def suppressed(self, rule: Rule, site: Site) -> bool:
        from botkit.lint.rules import covers

        return ALL in self.ignored or covers(self.ignored, rule)

    # --- finding values again in the text ---------------------------------------------

    def span(self, site: Site) -> tuple[int, int]:
        if site.line is not None:
            return super().span(site)
        found = self._locate(site)
        if found is None:
            start = self.command_offset
            end = start + (4 if self.text.startswith("curl", start) else 0)
            return start, end
        return found

    def _locate(self, site: Site) -> tuple[int, int] | None:
        component = self.component
        if component is None or not site.path:
            return None
        head = site.path[0]
        if head == "headers" and len(site.path) >= 2 and isinstance(site.path[1], int):
            return self._header(site)
        if head == "url":
            return self._find(component.get("url", ""))
        if head == "method":
            return self._method(component.get("method", ""))
        if head == "query" and len(site.path) >= 2 and isinstance(site.path[1], int):
            pieces = component.get("query", [])
            if site.path[1] < len(pieces):
                piece = pieces[site.path[1]]
                text = piece["name"] + ("=" + piece["value"] if "value" in piece else "")
                found = self._find(text)
                if found and site.path[-1] == "value" and "value" in piece:
                    return found[0] + len(piece["name"]) + 1, found[1]
                return found
            return None
        if head == "auth":
            return self._auth(site)
        if head == "body":
            return self._body(site)
        return None

    def _find(self, needle: str, start: int | None = None) -> tuple[int, int] | None:
        if not needle:
            return None
        at = self.text.find(
            needle, self.command_offset if start is None else start, self.command_end
        )
        return (at, at + len(needle)) if at >= 0 else None

    def _method(self, method: str) -> tuple[int, int] | None:
        pattern = re.compile(r"(?:-X|--request)[ \t=]*['\"]?(" + re.escape(method) + ")", re.I)
        match = pattern.search(self.text, self.command_offset, self.command_end)
        return match.span(1) if match else None

    def _header(self, site: Site) -> tuple[int, int] | None:
        headers = (self.component or {}).get("headers", [])
        i = site.path[1]
        if not isinstance(i, int) or i >= len(headers):
            return None
        name, value = headers[i]["name"], headers[i]["value"]
        nth = sum(1 for h in headers[:i] if h["name"].lower() == name.lower())
        pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"[ \t]*:", re.I)
        found = pattern.finditer(self.text, self.command_offset, self.command_end)
        match = next(islice(found, nth, None), None)
        if match is None:
            return None
        if len(site.path) >= 3 and site.path[2] == "value" and value:
            at = match.end()
            while at < len(self.text) and self.text[at] in " \t":
                at += 1
            if self.text.startswith(value, at):
                return at, at + len(value)
        return match.start(), match.end() - 1

    def _auth(self, site: Site) -> tuple[int, int] | None:
        match = _USER_OPTION.search(self.text, self.command_offset, self.command_end)
        if match is None:
            return None
        auth = (self.component or {}).get("auth", {})
        part = site.path[-1] if len(site.path) > 1 else None
        if part in ("username", "password") and auth.get(part):
            found = self._find(auth[part], match.end())
            if found:
                return found
        return match.span()

    # --- the body and fields inside it -------------------------------------------------

    @cached_property
    def _body_text(self) -> str | None:
        body = (self.component or {}).get("body") or {}
        text = body.get("text")
        return text if isinstance(text, str) and text else None

    @cached_property
    def _body_at(self) -> int | None:
        """Where the body is written verbatim in the file, if it is."""
        text = self._body_text
        if text is None:
            return None
        at = self.text.find(text, self.command_offset, self.command_end)
        return at if at >= 0 else None

    @cached_property
    def _body_nodes(self) -> dict[JsonPath, Node] | None:
        if self._body_text is None:
            return None
        try:
            return index(self._body_text)
        except (JsonIndexError, IndexError):
            return None

    def _body(self, site: Site) -> tuple[int, int] | None:
        at = self._body_at
        nodes = self._body_nodes
        if at is not None:
            if site.inner is not None and nodes is not None:
                for cut in range(len(site.inner), -1, -1):
                    node = nodes.get(site.inner[:cut])
                    if node is not None:
                        exact = cut == len(site.inner)
                        if site.key and exact and node.key_start >= 0:
                            return at + node.key_start, at + node.key_end
                        return at + node.start, at + node.end
            return at, at + len(self._body_text or "")
        # Not verbatim (escaped in double quotes, read from a file...): look for the
        # field's name, else the data option.
        if site.inner:
            key = next((k for k in reversed(site.inner) if isinstance(k, str)), None)
            if key is not None:
                found = self._find(key)
                if found:
                    return found
        match = _DATA_OPTION.search(self.text, self.command_offset, self.command_end)
        return match.span() if match else None

    def replacement(self, site: Site, value: Any) -> tuple[int, int, str] | None:
        import json

        if site.path[:2] != ("body", "text") or site.inner is None:
            return None
        if self._body_at is None or self._body_nodes is None:
            return None
        node = self._body_nodes.get(site.inner)
        if node is None:
            return None
        new = json.dumps(value)
        if not _PHONE_JSON.fullmatch(new):
            return None  # only quote-free, shell-inert text is written into a snippet
        old = self.text[self._body_at + node.start : self._body_at + node.end]
        if not old.startswith('"'):
            return None
        return self._body_at + node.start, self._body_at + node.end, new


def lint_root(folder: Path | None) -> str:
    """The folder a linted file may name files in (``@file``, a ``file`` part): its git
    repository, else the folder lint runs in (botkit.files.repository_root)."""
    where = os.path.realpath(folder if folder is not None else ".")
    return _root(where, os.getcwd())


@cache
def _root(folder: str, cwd: str) -> str:
    from botkit.files import repository_root

    return repository_root(folder)
