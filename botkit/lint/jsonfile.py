"""What a parsed JSON file is (a bot, a component, or something holding components)
and where its Call API components sit.

A file is a bot when it has ``steps`` or points its ``$schema`` at the bot schema;
a component when its ``type`` is ``call_api``.  In any JSON file, every object
whose ``type`` is ``call_api`` is a component to lint, wherever it sits.
"""

from __future__ import annotations

from typing import Any, Literal

from botkit.lint.jsondoc import JsonDocument
from botkit.lint.jsonpos import JsonPath
from botkit.request import COMPONENT_TYPE

Kind = Literal["bot", "component", "other"]


class JsonFile:
    """A parsed JSON file: its document, data, kind, and where its components are."""

    def __init__(
        self, doc: JsonDocument, data: Any, kind: Kind, component_paths: list[JsonPath]
    ) -> None:
        self.doc = doc
        self.data = data
        self.kind = kind
        #: JSON paths of every Call API component in the file, in document order.
        self.component_paths = component_paths


def analyse(doc: JsonDocument, data: Any) -> JsonFile:
    return JsonFile(doc, data, kind_of(data), component_paths_in(data))


_BOT_MARKS = ('"steps"', '"call_api"', "bot.schema.json", "component.schema.json")


def looks_like_bot(text: str) -> bool:
    """Text that does not parse but says it is a bot or component (so BK300 is news to
    its author); JSON with comments such as ``tsconfig.json`` says neither."""
    return any(mark in text for mark in _BOT_MARKS)


def kind_of(data: Any) -> Kind:
    if not isinstance(data, dict):
        return "other"
    schema = data.get("$schema")
    if isinstance(schema, str) and schema.endswith("bot.schema.json"):
        return "bot"
    if data.get("type") == COMPONENT_TYPE:
        return "component"
    if isinstance(schema, str) and schema.endswith("component.schema.json"):
        return "component"
    return "bot" if "steps" in data else "other"


def component_paths_in(data: Any) -> list[JsonPath]:
    """Paths of every object with ``"type": "call_api"`` (iterative: depth cannot overflow)."""
    found: list[JsonPath] = []
    stack: list[tuple[Any, JsonPath]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            if node.get("type") == COMPONENT_TYPE:
                found.append(path)
                continue  # a component holds no components
            children = list(node.items())
        elif isinstance(node, list):
            children = list(enumerate(node))
        else:
            continue
        for key, value in reversed(children):
            if isinstance(value, dict | list):
                stack.append((value, (*path, key)))
    return found
