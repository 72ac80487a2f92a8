"""A cURL snippet file (``.curl``, ``.sh``, ``.cmd``, ``.ps1``): read with botkit's cURL
reader (by the rules of the shell its name says, else its text), then linted as the
Call API component it imports to.

The reader says where each value was written (``botkit.curl.spans``): a site (a
path in the component shape) is turned into the characters of the header, the
URL, the credentials or the body field it names, never by searching the text
again.  What the reader cannot place (a body read from a file) is put on the
option that brought it, else on the ``curl`` word itself, which is always a real
position.  Which fixes are offered, and where they write, is curlfix.py's.
"""

from __future__ import annotations

import os
import re
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from botkit.errors import InputError
from botkit.lazy_re import lazy
from botkit.lint.document import BOM, Document
from botkit.lint.jsonpos import JsonIndexError, JsonPath, LineIndex, Node, index
from botkit.lint.model import Rule, Site

if TYPE_CHECKING:
    from botkit.curl import CurlRead
    from botkit.curl.dialect import Dialect
    from botkit.curl.spans import Source, Sources
    from botkit.curl.words import Word

_COMMAND = lazy(r"(?m)(?<![\w.$/-])curl(?:\.exe)?(?![\w.-])")
_COMMENT_LINE = lazy(r"(?m)^[ \t]*#.*$")
_IGNORE = lazy(r"(?im)^[ \t]*#[ \t]*botkit:[ \t]*ignore\b[ \t]*(?P<codes>[^\n]*)$")
#: A word that is meant as a rule selector (a code, a prefix, a hyphenated slug), known or not.
_SELECTOR_SHAPED = lazy(r"(?i)bk\d{0,3}|[a-z0-9]+(?:-[a-z0-9]+)+")
_CODE_SHAPED = lazy(r"(?i)bk\d{0,3}")

ALL = "ALL"


def mentions_curl(text: str) -> bool:
    """Does the text run curl at all? (A ``.sh`` file that does not is not a snippet.)"""
    return _COMMAND().search(_COMMENT_LINE().sub("", text)) is not None


@lru_cache(maxsize=2)  # one script gives one document per command: scan it once
def ignored_codes(text: str) -> frozenset[str]:
    """Rules named by ``# botkit: ignore BK203, phone-format, BK1`` lines (codes, code
    prefixes, slugs; free text may follow them), ``ALL`` for a bare line.  A line whose
    first word is meant as a selector but names no rule (a typo) suppresses nothing."""
    selectors: set[str] = set()
    if text.isascii() and "botkit:" not in text.lower():
        return frozenset()  # no such line, and no expression compiled to say so
    for match in _IGNORE().finditer(text):
        named = _selectors(match.group("codes"))
        if named is None:
            selectors.add(ALL)
        else:
            selectors.update(named)
    return frozenset(selectors)


def _selectors(rest: str) -> list[str] | None:
    """The selectors at the start of ``rest``; None when there are none (a bare line)."""
    from botkit.lint.rules import known, slugs

    names = slugs()
    words = [w for w in re.split(r"[\s,]+", rest.strip()) if w]
    named: list[str] = []
    for word in words:
        shaped = word.upper() == ALL or _CODE_SHAPED().fullmatch(word) or word.lower() in names
        if not shaped or not known(word):
            if not named and _SELECTOR_SHAPED().fullmatch(word):
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
        path: str | None = None,
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
        if read is not None:
            self._given_offset = _offset_of(text, read.line, read.column)
            return
        from botkit.curl import read_curl

        base_dir = (os.path.dirname(path) or ".") if path is not None else None
        root, dialect = lint_root(base_dir), dialect_of(path)
        try:
            self.result = read_curl(
                text, source=display, base_dir=base_dir, root=root, dialect=dialect
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
        """Where the command starts (its ``curl``), as the reader says; for text that
        could not be read, where the reader's error points."""
        if self._given_offset is not None:
            return self._given_offset
        if self.result is not None:
            return self.offset_at((self.result.line, self.result.column))
        if self.error is not None and self.error.line is not None:
            return self.offset_at((self.error.line, self.error.column or 1))
        stripped = len(self.text) - len(self.text.lstrip())
        return min(stripped, len(self.text))

    def suppressed(self, rule: Rule, site: Site) -> bool:
        from botkit.lint.rules import covers

        return ALL in self.ignored or covers(self.ignored, rule)

    # --- where the reader says each value is -------------------------------------------

    def offset_at(self, position: tuple[int, int]) -> int:
        return _offset_of(self.text, *position)

    def where(self, source: Source | Word | None) -> tuple[int, int, bool] | None:
        """Offsets ``[start, end)`` of ``source`` in the text, and whether the text there
        is the value verbatim (so a fix may rewrite it)."""
        sources = self.sources
        if source is None or sources is None:
            return None
        begin, finish, verbatim = sources.where(source)
        start, end = self.offset_at(begin), self.offset_at(finish)
        return start, max(start, end), verbatim

    @property
    def sources(self) -> Sources | None:
        return self.result.sources if self.result is not None else None

    def span(self, site: Site) -> tuple[int, int]:
        if site.line is not None:
            return super().span(site)
        found = self._locate(site)
        if found is None:
            start = self.command_offset
            end = start + (4 if self.text.startswith("curl", start) else 0)
            return start, end
        return found[0], found[1]

    def _locate(self, site: Site) -> tuple[int, int, bool] | None:
        sources = self.sources
        if sources is None or not site.path:
            return None
        head, rest = site.path[0], site.path[1:]
        if head == "headers" and rest and isinstance(rest[0], int):
            return self._header(rest[0], rest[1] if len(rest) > 1 else None, site.key)
        if head == "url":
            return self.where(sources.url)
        if head == "method":
            return self.where(sources.method or sources.method_option)
        if head == "query" and rest and isinstance(rest[0], int):
            k = rest[0]
            placed = sources.query[k] if k < len(sources.query) else None
            if placed is None:
                return self.where(sources.url)
            name, value = placed
            if rest[1:] == ("value",) and value is not None:
                return self.where(value)
            return self.where(name)
        if head == "auth":
            part = rest[0] if rest else None
            if part == "username" and sources.username is not None:
                return self.where(sources.username)
            if part == "password" and sources.password is not None:
                return self.where(sources.password)
            return self.where(sources.user_option)
        if head == "body":
            if rest[:1] == ("multipart",) and len(rest) > 1 and isinstance(rest[1], int):
                k = rest[1]
                return self.where(sources.parts[k]) if k < len(sources.parts) else None
            return self._body(site)
        return None

    def _header(self, k: int, part: str | int | None, key: bool) -> tuple[int, int, bool] | None:
        sources = self.sources
        assert sources is not None
        if k >= len(sources.headers):
            return None
        placed = sources.headers[k]
        if placed.implied or placed.value is None:
            return self.where(placed.option)
        if part == "value" and not key:
            return self.where(placed.value)
        return self.where(placed.name)

    # --- the body and fields inside it -------------------------------------------------

    @cached_property
    def body_text(self) -> str | None:
        body = (self.component or {}).get("body") or {}
        text = body.get("text")
        return text if isinstance(text, str) and text else None

    @cached_property
    def body_nodes(self) -> dict[JsonPath, Node] | None:
        if self.body_text is None:
            return None
        try:
            return index(self.body_text)
        except (JsonIndexError, IndexError):
            return None

    def _body_range(self, site: Site) -> tuple[int, int]:
        """Characters of the body text the site names: a field (or its key), or all of it."""
        nodes = self.body_nodes
        if site.inner is not None and nodes is not None:
            for cut in range(len(site.inner), -1, -1):
                node = nodes.get(site.inner[:cut])
                if node is not None:
                    exact = cut == len(site.inner)
                    if site.key and exact and node.key_start >= 0:
                        return node.key_start, node.key_end
                    return node.start, node.end
        return 0, len(self.body_text or "")

    def body_chars(self, start: int, end: int) -> tuple[int, int, bool] | None:
        sources = self.sources
        source = sources.body_source(start, end) if sources is not None else None
        if source is None:
            return None
        return self.where(source)

    def _body(self, site: Site) -> tuple[int, int, bool] | None:
        sources = self.sources
        if self.body_text is None or sources is None:
            return None
        start, end = self._body_range(site)
        found = self.body_chars(start, end)
        if found is None:  # read from a file: point at the data option
            return self.where(sources.data_option)
        return found

    # --- fixes ---------------------------------------------------------------------------

    def replacement(self, site: Site, value: Any) -> tuple[int, int, str] | None:
        from botkit.lint.curlfix import replacement

        return replacement(self, site, value)


def dialect_of(path: str | None) -> Dialect | None:
    """The shell the file's name says wrote it (``botkit.curl.dialect.named``)."""
    from botkit.curl.dialect import named

    return named(path)


def lint_root(folder: str | None) -> str:
    """The folder a linted file may name files in (``@file``, a ``file`` part): its git
    repository, else the folder lint runs in (botkit.files.repository_root)."""
    where = os.path.realpath(folder if folder is not None else ".")
    return _root(where, os.getcwd())


@cache
def _root(folder: str, cwd: str) -> str:
    from botkit.files import repository_root

    return repository_root(folder)
