"""The compiled yes/no check agrees with jsonschema, document for document.

The linter trusts a "valid" from the fast check and skips jsonschema, so any
disagreement would hide a real schema error: these tests hunt for one on the
sample bots, on mutations of them, and on arbitrary JSON.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from botkit import schemas
from botkit.schemacheck import Unsupported, _Compiler, compiled

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples" / "bots").rglob("*.json"))
DOCUMENTS = [json.loads(p.read_text()) for p in SAMPLES]
COMPONENTS = [
    step["component"]
    for doc in DOCUMENTS
    for step in doc.get("steps", [])
    if isinstance(step, dict) and isinstance(step.get("component"), dict)
]
AGREE = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(
        ["", "call_api", "message", "end", "POST", "x-y", "BK101", "a\n", "https://a/b?c"]
    )
    | st.text(max_size=6)
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["type", "name", "text", "id", "next", "headers", "value", "x-a", "body", "q"]
            ),
            inner,
            max_size=3,
        )
    ),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.extend(_paths(v, (*prefix, i)))
    return out


@st.composite
def mutated(draw: st.DrawFn, pool: list[Any]) -> Any:
    doc = copy.deepcopy(draw(st.sampled_from(pool)))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        if not path:
            continue
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "x-note", "header", "next", "auth"]))] = draw(
                values
            )
        else:
            parent.append(draw(values))
    return doc


def _agree(name: str, document: Any) -> None:
    fast = compiled(name)
    assert fast is not None
    assert fast(document) == schemas.validator(name).is_valid(document), json.dumps(document)[:500]


@pytest.mark.parametrize("document", DOCUMENTS, ids=[p.name for p in SAMPLES])
def test_samples(document):
    _agree("bot", document)


@AGREE
@given(mutated(DOCUMENTS))
def test_mutated_bots(document):
    _agree("bot", document)


@AGREE
@given(mutated(COMPONENTS))
def test_mutated_components(document):
    _agree("component", document)


@settings(max_examples=200, deadline=None)
@given(values)
def test_arbitrary_json(document):
    _agree("bot", document)
    _agree("component", document)


def test_unknown_keywords_are_refused_not_guessed():
    compiler = _Compiler(registry=None)
    for schema in ({"multipleOf": 3}, {"enum": [1, True]}, {"items": [{}]}, {"$dynamicRef": "#x"}):
        with pytest.raises(Unsupported):
            compiler.compile(schema, "")
