"""Reading JSON input (HAR, Postman) with every failure located: line:column while the
text does not parse, a JSON path (``$.item[0].request.url``) once it does."""

from __future__ import annotations

import json
from typing import Any

from botkit.errors import InputError

_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "true or false"}


def load_json(text: str, source: str, what: str) -> Any:
    """The parsed document; ``what`` names the format for the message (``a HAR file``)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not JSON, so not {what}: {exc.msg}", source=source, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise InputError(f"the JSON is nested too deeply to be {what}", source=source) from None


def child(path: str, key: str | int) -> str:
    """``$.log`` + ``entries`` -> ``$.log.entries``; + 2 -> ``$.log.entries[2]``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


class JsonReader:
    """Typed access to a parsed document, raising InputError that names the JSON path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def error(self, path: str, message: str) -> InputError:
        return InputError(f"{path}: {message}", source=self.source)

    def expect(self, value: Any, kind: type, path: str) -> Any:
        if isinstance(value, kind) and not (kind is not bool and isinstance(value, bool)):
            return value
        raise self.error(path, f"expected {_TYPES.get(kind, kind.__name__)}, found {_name(value)}")

    def field(
        self, obj: dict[str, Any], key: str, kind: type, path: str, default: Any = None
    ) -> Any:
        """``obj[key]`` checked to be ``kind``; ``default`` when it is missing or null."""
        value = obj.get(key)
        if value is None:
            return default
        return self.expect(value, kind, child(path, key))

    def required(self, obj: dict[str, Any], key: str, kind: type, path: str) -> Any:
        if key not in obj or obj[key] is None:
            raise self.error(path, f"has no {key!r}")
        return self.expect(obj[key], kind, child(path, key))

    def text(self, obj: dict[str, Any], key: str, path: str, default: str | None = None) -> Any:
        """A string field; numbers and booleans (Postman writes them) are read as their text."""
        value = obj.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return json.dumps(value)
        return self.expect(value, str, child(path, key))


def _name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return _TYPES.get(type(value), type(value).__name__)
