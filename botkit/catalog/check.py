"""One catalog file's text -> its checked data, or one error naming file, line and key.

The schema (schemas/catalog.schema.json) states each table's shape; what it cannot
state is checked here: a parameter named twice, a CLI option taken twice or one of
``botkit curl``'s own (``RESERVED_OPTIONS``), a path placeholder with no parameter,
a control character a terminal would run, a ``schema`` that is not JSON text.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any

from botkit.catalog import RESERVED_OPTIONS, CatalogFileError, Param, kebab
from botkit.lazy_re import lazy

_PLACEHOLDER = lazy(r"\{([A-Za-z0-9_]+)\}")
_CONTROL = lazy(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")


def parse_file(path: str | os.PathLike[str], raw: bytes) -> dict[str, Any]:
    """Parse and check one catalog file; any problem is one error naming file, line and key."""
    import tomllib

    from botkit import schemas

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise CatalogFileError(f"{path}: cannot read catalog file: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogFileError(f"{path}: not valid TOML: {exc}") from None
    problem = schemas.best_problem("catalog", data)
    if problem is not None:
        line = _line_of(text, data, problem.path)
        raise CatalogFileError(f"{path}:{line}: {_key(problem.path)}: {problem.message}")
    _check_entries(path, text, data)
    return data


def _check_entries(path: str | os.PathLike[str], text: str, data: dict[str, Any]) -> None:
    """Cross-field facts a schema cannot state: names that must exist, path placeholders."""

    def fail(where: tuple[str | int, ...], message: str) -> None:
        raise CatalogFileError(f"{path}:{_line_of(text, data, where)}: {_key(where)}: {message}")

    for where, value in _strings(data, ()):
        if _CONTROL().search(value):
            fail(where, "holds a control character (a terminal would run it)")
    for i, entry in enumerate(data["api"]):
        params = entry["params"]
        names = [p["name"] for p in params]
        for j, p in enumerate(params):
            if names.index(p["name"]) != j:
                fail(("api", i, "params", j, "name"), f"names the parameter {p['name']!r} twice")
            option = Param(p["name"], p["in"], p["type"], p["help"], cli=p.get("option")).option
            if option[2:] in RESERVED_OPTIONS or not option[2:]:
                fail(
                    ("api", i, "params", j, "name"),
                    f"its CLI option {option} is one of botkit curl's own options: "
                    "give the parameter an 'option' of its own",
                )
            if p.get("schema") is not None:
                try:
                    json.loads(p["schema"])
                except ValueError as exc:
                    fail(("api", i, "params", j, "schema"), f"is not JSON text: {exc}")
        options = [p.get("option") or kebab(p["name"]) for p in params]
        for j, option in enumerate(options):
            if options.index(option) != j:
                fail(("api", i, "params", j, "name"), f"the CLI option --{option} is taken")
        mentioned = {n for group in entry.get("one_of", ()) for n in group}
        mentioned |= {n for p in params for n in p.get("requires", ())}
        missing = mentioned - set(names)
        if missing:
            fail(("api", i, "one_of"), f"refers to unknown parameters {sorted(missing)}")
        placeholders = set(_PLACEHOLDER().findall(entry["path"]))
        path_params = {p["name"] for p in params if p["in"] == "path"}
        if placeholders != path_params:
            fail(
                ("api", i, "path"),
                f"path placeholders {sorted(placeholders)} "
                f"differ from its path parameters {sorted(path_params)}",
            )


Where = tuple[str | int, ...]


def _strings(node: Any, where: Where) -> Iterable[tuple[Where, str]]:
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*where, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*where, i))


def _key(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _line_of(text: str, data: dict[str, Any], where: Sequence[str | int]) -> int:
    """The line of ``text`` where the value at ``where`` is written (best effort)."""
    lines = text.splitlines()

    def find(pattern: str, start: int = 0) -> int | None:
        regex = re.compile(pattern)
        return next((i for i in range(start, len(lines)) if regex.search(lines[i])), None)

    line = 0
    if where and where[0] == "api":
        headers = [
            i for i, text_line in enumerate(lines) if re.match(r"\s*\[\[\s*api\s*\]\]", text_line)
        ]
        if len(where) > 1 and isinstance(where[1], int) and where[1] < len(headers):
            line = headers[where[1]]
            if len(where) > 2 and isinstance(where[2], str):
                line = find(rf"^\s*{re.escape(where[2])}\s*=", line) or line
                if where[2] == "params" and len(where) > 3 and isinstance(where[3], int):
                    try:
                        name = data["api"][where[1]]["params"][where[3]]["name"]
                    except (KeyError, IndexError, TypeError):
                        name = None
                    if isinstance(name, str):
                        line = find(rf"name\s*=\s*[\"']{re.escape(name)}[\"']", line) or line
    elif where and where[0] == "vendor":
        line = find(r"^\s*\[\s*vendor\s*\]") or 0
        if len(where) > 1 and isinstance(where[1], str):
            line = find(rf"^\s*{re.escape(where[1])}\s*=", line) or line
    return line + 1
