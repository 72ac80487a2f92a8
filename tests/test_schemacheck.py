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
from botkit.schemacheck import SchemaFiles, Unsupported, _Compiler, _guarded, compiled

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


SCHEMA_FILES = sorted(p.name for p in (Path(__file__).resolve().parents[1] / "schemas").iterdir())


@pytest.mark.parametrize("file_name", SCHEMA_FILES)
def test_every_shipped_schema_compiles_with_every_ref_followed(file_name):
    """compiled() follows a $ref only when a value reaches it; this is the proof that no
    $ref of the shipped schemas could then turn out unsupported."""
    compiler = _Compiler(SchemaFiles.load(), lazy=False)
    compiler.compile_ref(file_name)  # raises Unsupported for any keyword it lacks
    assert compiler.memo


def _eager(name: str) -> Any:
    return _Compiler(SchemaFiles.load()).compile_ref(f"{name}.schema.json")


@settings(max_examples=100, deadline=None)
@given(mutated(DOCUMENTS))
def test_lazy_and_eager_checks_agree(document):
    assert compiled("bot")(document) == _eager("bot")(document)  # type: ignore[misc]


def _bot(*components: dict[str, Any]) -> dict[str, Any]:
    steps = [{"id": f"s{i}", "component": c} for i, c in enumerate(components)]
    return {"name": "b", "steps": steps}


CALL_API = {
    "type": "call_api",
    "name": "x",
    "method": "GET",
    "url": "https://a.example/",
    "headers": [],
}


def test_a_ref_is_compiled_when_a_value_first_reaches_it():
    files = SchemaFiles.load()
    compiler = _Compiler(files, lazy=True)
    check = compiler.compile_ref("bot.schema.json")
    assert list(compiler.memo) == ["bot.schema.json"]

    assert check(_bot({"type": "message", "text": "hi"}))
    reached = set(compiler.memo)
    assert "bot.schema.json#/$defs/message" in reached
    assert "bot.schema.json#/$defs/question" not in reached
    assert not any("component.schema.json" in uri for uri in reached)

    assert check(_bot(CALL_API))
    assert "component.schema.json" in compiler.memo
    assert not any(uri.endswith("#/$defs/multipartBody") for uri in compiler.memo)


def test_a_compiled_ref_is_not_compiled_again(monkeypatch):
    compiler = _Compiler(SchemaFiles.load(), lazy=True)
    check = compiler.compile_ref("bot.schema.json")
    document = _bot({"type": "message", "text": "hi"}, CALL_API, {"type": "end"})
    assert check(document)
    calls = []
    monkeypatch.setattr(compiler, "compile_ref", lambda target: calls.append(target))
    assert check(document)
    assert check(_bot({"type": "end"}, {"type": "message", "text": "again"}))
    assert calls == []


def test_an_unsupported_ref_found_late_asks_the_fallback_never_guesses():
    schema = {
        "type": "object",
        "properties": {"n": {"$ref": "#/$defs/odd"}},
        "$defs": {"odd": {"multipleOf": 3}},
    }
    with pytest.raises(Unsupported):
        _Compiler(SchemaFiles({"s": schema})).compile_ref("s")
    root = _Compiler(SchemaFiles({"s": schema}), lazy=True).compile_ref("s")
    asked = []
    check = _guarded(root, lambda v: asked.append(v) or False)  # type: ignore[func-returns-value]
    assert check({"m": 4}) is True  # never reaches the $ref: no question
    assert check([]) is False
    assert asked == []
    assert check({"n": 4}) is False
    assert check({"n": 3}) is False  # the fallback's word, not a compiled guess
    assert asked == [{"n": 4}, {"n": 3}]


@pytest.mark.parametrize("component", ["x", 3, None, [], [{"type": "end"}], {}, {"type": 1}])
def test_a_component_switch_judges_odd_values_as_jsonschema(component):
    """The kind switch answers a non-object by every kind's 'then' (each 'if' holds)."""
    _agree("bot", _bot(component))


numbers = st.integers(-3, 3) | st.floats(-3, 3, allow_nan=False) | st.booleans() | st.none()


@settings(max_examples=300, deadline=None)
@given(
    keyword=st.sampled_from(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]),
    bound=st.integers(-2, 2) | st.floats(-2, 2, allow_nan=False),
    value=numbers | st.text(max_size=2) | st.lists(st.integers(), max_size=1),
)
def test_numeric_bounds_judge_as_jsonschema(keyword, bound, value):
    """Bounds hold numbers only (true is no number; a string passes), as jsonschema says."""
    from jsonschema import Draft202012Validator

    schema = {keyword: bound}
    check = _Compiler(registry=None).compile(schema, "")
    assert check(value) == Draft202012Validator(schema).is_valid(value)


def test_a_bound_that_is_not_a_number_is_not_compiled():
    with pytest.raises(Unsupported):
        _Compiler(registry=None).compile({"minimum": "1"}, "")
