"""Parameter types and auth schemes are objects: the schema's words and the registries agree,
and each object does its one job the same way generation, the CLI and lint expect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from botkit.catalog import Param
from botkit.catalog.auth import SCHEMES, BasicOrBearer, Credentials, HeaderKey, scheme_from_data
from botkit.catalog.paramtypes import TYPES, ValueContext
from botkit.errors import ParamError
from botkit.resources import data_dir


def _schema() -> dict:
    return json.loads((Path(data_dir("schemas")) / "catalog.schema.json").read_text())


def test_the_schema_names_exactly_the_registered_parameter_types():
    assert set(_schema()["$defs"]["param"]["properties"]["type"]["enum"]) == set(TYPES)


def test_the_schema_names_exactly_the_registered_auth_schemes():
    shapes = _schema()["$defs"]["auth"]["oneOf"]
    assert {s["properties"]["scheme"]["const"] for s in shapes} == set(SCHEMES)


def _param(type_: str, **kw) -> Param:
    return Param(name="x", location="body", type=type_, help="h", **kw)


@pytest.mark.parametrize(
    ("type_", "value", "expected"),
    [
        ("string", "abc", "abc"),
        ("boolean", True, True),
        ("uuid", "3F2B8C1E-9D4A-4E6B-8A7C-1D2E3F4A5B6C", "3F2B8C1E-9D4A-4E6B-8A7C-1D2E3F4A5B6C"),
        ("phone", "+91 98765 43210", "919876543210"),
    ],
)
def test_normalise_returns_the_value_sent(type_, value, expected):
    param = _param(type_)
    assert param.value_type.normalise(param, value, ValueContext()) == expected


def test_a_phone_is_normalised_to_the_vendors_form():
    param = _param("phone")
    assert param.value_type.normalise(param, "919876543210", ValueContext("e164")) == (
        "+919876543210"
    )


@pytest.mark.parametrize(
    ("type_", "value"),
    [("string", ""), ("boolean", "true"), ("uuid", "not-a-uuid"), ("phone", "12"), ("string", 3)],
)
def test_normalise_refuses_what_the_api_would_reject(type_, value):
    param = _param(type_)
    with pytest.raises(ParamError):
        param.value_type.normalise(param, value, ValueContext())


def test_problems_speak_json_in_a_body_and_text_in_a_url():
    flag = _param("boolean")
    assert list(flag.value_type.problems(flag, True)) == []
    assert list(flag.value_type.problems(flag, "true")) != []
    assert list(flag.value_type.problems(flag, "true", text=True)) == []
    uuid = _param("uuid")
    assert list(uuid.value_type.problems(uuid, "nope")) == ["must be a UUID, not 'nope'"]


def test_text_is_how_a_value_is_written_into_a_url():
    assert TYPES["boolean"].text(False) == "false"
    assert TYPES["string"].text("a b") == "a b"


def test_a_scheme_is_built_from_its_catalog_table():
    assert scheme_from_data({"scheme": "header", "header": "x-api-key", "env": "K"}) == HeaderKey(
        header="x-api-key", env="K"
    )
    assert isinstance(
        scheme_from_data({"scheme": "basic-or-bearer", "env": "U", "token_env": "T"}),
        BasicOrBearer,
    )


def test_a_header_key_without_a_key_sends_its_variable_and_says_so():
    parts = HeaderKey(header="Authorization", env="DT_KEY").apply(Credentials())
    assert [(h.name, h.value) for h in parts.headers] == [("Authorization", "{{DT_KEY}}")]
    assert parts.notes and "DT_KEY" in parts.notes[0]


def test_basic_or_bearer_sends_basic_credentials_or_a_token():
    scheme = BasicOrBearer(env="U", token_env="T")
    basic = scheme.apply(Credentials(user="me:pw"))
    assert (basic.basic.username, basic.basic.password, basic.headers) == ("me", "pw", [])
    bearer = scheme.apply(Credentials(token="tok"))
    assert [(h.name, h.value) for h in bearer.headers] == [("Authorization", "Bearer tok")]
    assert scheme.redact_variables() == {"authorization": "T"}
    assert scheme.script_auth("basic") == ("--user", '"$U"', "U")
