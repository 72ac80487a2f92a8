"""The patterns botkit's schema files hold, for tests that check each is said in words."""

from __future__ import annotations

import json
from pathlib import Path

from botkit.resources import data_dir


def schema_patterns(name: str) -> list[str]:
    """Every ``pattern`` in ``schemas/<name>.schema.json``, at any depth."""
    found: list[str] = []
    schema = Path(data_dir("schemas")) / f"{name}.schema.json"
    stack: list[object] = [json.loads(schema.read_text())]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.append(node["pattern"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found
