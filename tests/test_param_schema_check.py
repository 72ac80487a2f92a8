"""A json parameter's value is checked by the compiled yes/no check first (issue: speed):
jsonschema is imported only to explain an invalid value, so the check must agree with
jsonschema on every catalog parameter's schema, valid values and invalid ones alike."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from botkit.catalog import load_catalog
from botkit.catalog.paramtypes import schema_problem
from botkit.schemacheck import compiled_inline

PARAMS = [p for api in load_catalog() for p in api.params if p.schema]
COMPILED = [p for p in PARAMS if compiled_inline(p.schema or "") is not None]


def minimal(schema: dict[str, Any], draw: Any) -> Any:
    """A value shaped by ``schema`` (required members, some others), often valid."""
    for key in ("oneOf", "anyOf"):
        if schema.get(key):
            return minimal(draw(st.sampled_from(schema[key])), draw)
    if "enum" in schema:
        return draw(st.sampled_from(schema["enum"]))
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        keep = set(schema.get("required", ())) | {k for k in props if draw(st.booleans())}
        return {k: minimal(props.get(k, {}), draw) for k in keep}
    if kind == "array":
        return [minimal(schema.get("items", {}), draw) for _ in range(draw(st.integers(0, 2)))]
    leaf = st.one_of(st.text(max_size=12), st.integers(-2, 600), st.booleans(), st.none())
    return draw(leaf)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def test_every_catalog_schema_compiles() -> None:
    """A schema left to jsonschema costs each process that meets a value of it the
    import (60 ms) and a validator per value: every shipped one compiles."""
    assert len(COMPILED) == len(PARAMS), [p.name for p in PARAMS if p not in COMPILED]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_check_agrees_with_jsonschema_on_shaped_values(data: st.DataObject) -> None:
    param = data.draw(st.sampled_from(COMPILED))
    schema = json.loads(param.schema or "")
    value = minimal(schema, data.draw)
    expected = Draft202012Validator(schema).is_valid(value)
    assert compiled_inline(param.schema or "")(value) == expected  # type: ignore[misc]
    assert (schema_problem(param, value) is None) == expected


@settings(max_examples=200, deadline=None)
@given(param=st.sampled_from(COMPILED), value=json_values)
def test_the_check_agrees_with_jsonschema_on_any_json(param: Any, value: Any) -> None:
    schema = json.loads(param.schema or "")
    expected = Draft202012Validator(schema).is_valid(value)
    assert compiled_inline(param.schema or "")(value) == expected  # type: ignore[misc]


@pytest.mark.parametrize("text", ['{"type":"string","pattern":"^a"}', "not json", "[1"])
def test_patterns_and_broken_schemas_are_left_to_jsonschema(text: str) -> None:
    assert compiled_inline(text) is None


def test_a_valid_json_value_does_not_import_jsonschema() -> None:
    param = next(p for p in COMPILED if json.loads(p.schema or "").get("type") == "object")
    code = (
        "import sys; from botkit.catalog import load_catalog; "
        "from botkit.catalog.paramtypes import schema_problem; "
        f"p = next(p for a in load_catalog() for p in a.params if p.name == {param.name!r} "
        f"and p.schema == {param.schema!r}); "
        "assert schema_problem(p, {}) is None or True; "
        "print('jsonschema' in sys.modules)"
    )
    schema = json.loads(param.schema or "")
    if not Draft202012Validator(schema).is_valid({}):
        pytest.skip("{} is not valid for this parameter")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
