"""A JSON file: a bot definition, a standalone component, or anything holding components.

Parsed once with the stdlib ``json`` (fast, C); the position index is built only
when a finding needs a place, and the index of a ``body.text`` document only when
a finding points inside that body.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

from botkit.lint.document import BOM, Document
from botkit.lint.jsonpos import JsonIndexError, JsonPath, Node, Seeker, StringMap, index
from botkit.lint.model import Rule, Site

IGNORE_KEY = "x-botkit-ignore"


class JsonSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class JsonDocument(Document):
    def __init__(self, display: str, text: str, path: str | None = None) -> None:
        super().__init__(display, text, path)
        self._start = 1 if text.startswith(BOM) else 0
        self._inner: dict[JsonPath, tuple[dict[JsonPath, Node], StringMap] | None] = {}
        self._located: dict[JsonPath, tuple[Node | None, bool]] = {}
        self._seeker = Seeker(text, self._start)

    def load(self) -> Any:
        """The parsed document; ``JsonSyntaxError`` (with a position) when it is not JSON."""
        body = self.text[self._start :]
        try:
            return json.loads(body)
        except json.JSONDecodeError as exc:
            line, column = exc.lineno, exc.colno
            raise JsonSyntaxError(exc.msg, line, column) from None
        except RecursionError:
            raise JsonSyntaxError("document nested too deep to read", 1, 1) from None

    @cached_property
    def data(self) -> Any:
        return self.load()

    def _nearest(self, path: JsonPath) -> tuple[Node | None, bool]:
        """The node at ``path``, or at its longest existing prefix (exact = False)."""
        found = self._located.get(path)
        if found is None:
            try:
                node, depth = self._seeker.seek(path)
                found = (node, depth == len(path))
            except JsonIndexError:
                found = (None, False)
            self._located[path] = found
        return found

    def _inner_index(
        self, path: JsonPath, node: Node
    ) -> tuple[dict[JsonPath, Node], StringMap] | None:
        """Positions inside the JSON document held by the string literal at ``path``."""
        if path not in self._inner:
            found = None
            literal = self.text[node.start : node.end]
            if literal.startswith('"'):
                try:
                    found = (index(json.loads(literal)), StringMap(literal))
                except (JsonIndexError, ValueError, IndexError):
                    found = None
            self._inner[path] = found
        return self._inner[path]

    def _inner_span(self, site: Site, node: Node) -> tuple[int, int] | None:
        assert site.inner is not None
        inner = self._inner_index(site.path, node)
        if inner is None:
            return None
        inner_nodes, smap = inner
        for cut in range(len(site.inner), -1, -1):
            target = inner_nodes.get(site.inner[:cut])
            if target is not None:
                exact = cut == len(site.inner)
                if site.key and exact and target.key_start >= 0:
                    s, e = target.key_start, target.key_end
                else:
                    s, e = target.start, target.end
                return node.start + smap.raw(s), node.start + smap.raw(e)
        return None

    def span(self, site: Site) -> tuple[int, int]:
        if site.line is not None:
            return super().span(site)
        node, exact = self._nearest(site.path)
        if node is None:
            return self._start, self._start
        if exact and site.inner is not None:
            inner = self._inner_span(site, node)
            if inner is not None:
                return inner
        if exact and site.chars is not None and site.inner is None:
            inside = self._chars_span(node, site.chars)
            if inside is not None:
                return inside
        if exact and site.key and site.inner is None and node.key_start >= 0:
            return node.key_start, node.key_end
        return node.start, node.end

    def _chars_span(self, node: Node, chars: tuple[int, int]) -> tuple[int, int] | None:
        """Where characters ``[start, end)`` of the decoded string at ``node`` are in the text."""
        if self.text[node.start] != '"':
            return None
        smap = StringMap(self.text[node.start : node.end])
        return node.start + smap.raw(chars[0]), node.start + smap.raw(chars[1])

    def replacement(self, site: Site, value: Any) -> tuple[int, int, str] | None:
        node, exact = self._nearest(site.path)
        if node is None or not exact:
            return None
        if site.chars is not None and site.inner is None:
            inside = self._chars_span(node, site.chars)
            if inside is None or not isinstance(value, str):
                return None
            return inside[0], inside[1], json.dumps(value, ensure_ascii=False)[1:-1]
        new = json.dumps(value, ensure_ascii=False)
        if site.inner is None:
            return node.start, node.end, new
        inner = self._inner_index(site.path, node)
        if inner is None or site.inner not in inner[0]:
            return None
        start, end = self._inner_span(Site(site.path, inner=site.inner), node) or (0, 0)
        # The new inner JSON text, written as the content of the outer string literal.
        return start, end, json.dumps(new, ensure_ascii=False)[1:-1]

    def suppressed(self, rule: Rule, site: Site) -> bool:
        """Is ``rule`` named (by code, code prefix or slug) in ``x-botkit-ignore`` of an
        object that encloses the site?"""
        from botkit.lint.rules import covers

        try:
            data = self.data
        except JsonSyntaxError:
            return False
        node = data
        for step in (*site.path, None):
            if isinstance(node, dict):
                codes = node.get(IGNORE_KEY)
                if isinstance(codes, list) and covers(codes, rule):
                    return True
            if step is None:
                break
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                break
        return False
