"""The values a builder gives variables: ``--var NAME=VALUE`` options and ``--vars FILE``.

A file is a JSON object (nested objects give dotted names, ``{"contact": {"id": 1}}``
fills ``{{contact.id}}``) or a ``.env`` file (``NAME=VALUE`` lines, ``export`` and
quotes as dotenv writes them).  Every problem is a ``VariablesError`` naming the file
and line; a value is never shown in a message, since it may be a secret.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable

from botkit.variables import VariablesError, is_name


def parse_assignment(text: str) -> tuple[str, str]:
    """``NAME=VALUE`` (a ``--var`` option) -> ``(NAME, VALUE)``; the value may hold ``=``."""
    name, eq, value = text.partition("=")
    name = name.strip()
    if name.startswith("{{") and name.endswith("}}"):
        name = name[2:-2].strip()
    if not eq:
        raise VariablesError(f"--var {_show(text)}: expected NAME=VALUE")
    if not is_name(name):
        raise VariablesError(
            f"--var {_show(name)}: not a variable name (a letter or _, then letters, "
            "digits, _ and .)"
        )
    return name, value


def read_file(path: str | os.PathLike[str]) -> dict[str, str]:
    """Values from a JSON object (nested objects give dotted names) or a ``.env`` file.

    JSON is recognised by a ``.json`` name or a first character ``{``.  Errors say
    the file and line.
    """
    from botkit.files import FileReadError, read_bytes

    path = os.fspath(path)
    try:  # a regular file only: /dev/zero never ends, a named pipe blocks
        data = read_bytes(path, limit=MAX_FILE_BYTES)
    except FileReadError as exc:
        if exc.kind == "too-large":
            message = f"larger than {MAX_FILE_BYTES // 1024} KiB"
        else:
            message = exc.message
        raise VariablesError(f"--vars {path}: {message}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise VariablesError(f"--vars {path}: not UTF-8 text (byte offset {exc.start})") from None
    if os.path.splitext(path)[1].lower() == ".json" or text.lstrip()[:1] == "{":
        return parse_json(text, path)
    return parse_env(text, path)


MAX_FILE_BYTES = 1024 * 1024


def parse_json(text: str, source: str = "<json>") -> dict[str, str]:
    """A JSON object of variables: strings as they are, numbers and booleans as their
    JSON text, nested objects flattened (``{"contact": {"id": 7}}`` -> ``contact.id``)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise VariablesError(f"{source}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    except RecursionError:
        raise VariablesError(f"{source}: nested too deep") from None
    if not isinstance(data, dict):
        raise VariablesError(f"{source}:1: expected a JSON object of NAME: VALUE")
    out: dict[str, str] = {}
    stack: list[tuple[str, dict]] = [("", data)]
    while stack:
        prefix, obj = stack.pop()
        for key, value in obj.items():
            name = prefix + key
            if isinstance(value, dict):
                stack.append((name + ".", value))
                continue
            where = f"{source}:{_json_line(text, key)}"
            if not is_name(name):
                raise VariablesError(f"{where}: {_show(name)} is not a variable name")
            if isinstance(value, str):
                out[name] = value
            elif isinstance(value, bool | int | float):
                out[name] = json.dumps(value)
            else:
                kind = "null" if value is None else "a list"
                raise VariablesError(f"{where}: {name} is {kind}; give text, a number or a boolean")
    return out


def _json_line(text: str, key: str) -> int:
    """The line of the first ``"key":`` (for a message only; good enough to find it)."""
    at = text.find(json.dumps(key, ensure_ascii=False)[:-1])
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


_ENV_LINE = re.compile(r"[ \t]*(?:export[ \t]+)?([^=\s]+)[ \t]*=[ \t]*(.*)")
_DOUBLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "$": "$"}


def parse_env(text: str, source: str = "<env>") -> dict[str, str]:
    """A ``.env`` file: ``NAME=VALUE`` lines (``export`` allowed), ``#`` comments.

    ``'single'`` quotes keep the value as written; ``"double"`` quotes understand
    ``\\n \\t \\" \\\\`` and may span lines; an unquoted value ends at `` #``.
    Nothing is expanded or run.
    """
    out: dict[str, str] = {}
    lines = re.split(r"\r?\n", text)  # not splitlines(): \x1e or \u2028 may be in a value
    i = 0
    while i < len(lines):
        number = i + 1
        line = lines[i]
        i += 1
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = _ENV_LINE.fullmatch(line)
        if m is None:
            raise VariablesError(f"{source}:{number}: expected NAME=VALUE")
        name, raw = m.group(1), m.group(2)
        if not is_name(name):
            raise VariablesError(f"{source}:{number}: {_show(name)} is not a variable name")
        if raw.startswith("'"):
            end = raw.find("'", 1)
            if end < 0:
                raise VariablesError(f"{source}:{number}: unclosed single quote")
            value, rest = raw[1:end], raw[end + 1 :]
        elif raw.startswith('"'):
            value, rest, i = _double_quoted(raw, lines, i, source, number)
        else:
            value, rest = re.split(r"[ \t]#", raw, maxsplit=1)[0].rstrip(), ""
        if rest.strip() and not rest.strip().startswith("#"):
            raise VariablesError(f"{source}:{number}: text after the closing quote")
        out[name] = value
    return out


def _double_quoted(
    raw: str, lines: list[str], i: int, source: str, number: int
) -> tuple[str, str, int]:
    chars: list[str] = []
    text = raw[1:]
    while True:
        j = 0
        while j < len(text):
            c = text[j]
            if c == "\\" and j + 1 < len(text):
                chars.append(_DOUBLE_ESCAPES.get(text[j + 1], "\\" + text[j + 1]))
                j += 2
                continue
            if c == '"':
                return "".join(chars), text[j + 1 :], i
            chars.append(c)
            j += 1
        if i >= len(lines):
            raise VariablesError(f"{source}:{number}: unclosed double quote")
        chars.append("\n")
        text = lines[i]
        i += 1


def read_values(
    assignments: Iterable[str] = (), files: Iterable[str | os.PathLike[str]] = ()
) -> dict[str, str]:
    """Values from ``--vars`` files (in order), then ``--var`` options (which win)."""
    values: dict[str, str] = {}
    for path in files:
        values.update(read_file(path))
    for text in assignments:
        name, value = parse_assignment(text)
        values[name] = value
    return values


def _show(text: str) -> str:
    """A name for a message: quoted, escaped, short (a value is never shown)."""
    return repr(text if len(text) <= 40 else text[:37] + "...")
