"""Each mapping rule of ``botkit catalog from-openapi``, on a small hand-written spec."""

from __future__ import annotations

import json
from typing import Any

import pytest

from botkit.catalog.check import parse_file
from botkit.catalog.write import to_toml
from botkit.errors import BotkitError
from botkit.openapi.convert import Options, convert
from botkit.openapi.spec import parse_spec


def _spec(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Acme Public API", "version": "1"},
        "servers": [{"url": "https://api.acme.test/v1/"}],
        "paths": paths,
    }
    spec.update(extra)
    return spec


def _one(op: dict[str, Any], path: str = "/things", method: str = "post", **extra: Any):
    result = convert(_spec({path: {method: op}}, **extra))
    # whatever is generated must be a catalog file botkit reads
    from pathlib import Path

    parse_file(Path("gen.toml"), to_toml(result.data()).encode())
    return result


def _params(result) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in result.apis[0]["params"]}


def test_vendor_id_title_and_base_url_come_from_the_spec():
    result = _one({"operationId": "createThing", "summary": "Create a thing"})
    assert result.vendor["name"] == "acme"
    assert result.vendor["title"] == "Acme"
    assert result.vendor["base_url"] == "https://api.acme.test/v1"
    assert result.apis[0]["action"] == "create-thing"
    assert result.apis[0]["summary"] == "Create a thing"


def test_vendor_option_names_the_vendor():
    result = convert(_spec({"/a": {"get": {}}}), Options(vendor="crm"))
    assert result.vendor["name"] == "crm"
    assert result.apis[0]["action"] == "get-a"  # no operationId: method and path


def test_a_server_with_variables_or_none_makes_base_url_required():
    spec = _spec({"/a": {"get": {}}}, servers=[{"url": "https://{tenant}.acme.test"}])
    result = convert(spec)
    assert "base_url" not in result.vendor
    assert any("--base-url is required" in n.message for n in result.notes)
    del spec["servers"]
    assert "base_url" not in convert(spec).vendor


def test_action_ids_are_made_unique():
    spec = _spec({"/a": {"get": {"operationId": "list"}}, "/b": {"get": {"operationId": "list"}}})
    assert [a["action"] for a in convert(spec).apis] == ["list", "list-2"]


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string"}, {"type": "string"}),
        ({"type": "integer"}, {"type": "integer"}),
        ({"type": "number"}, {"type": "number"}),
        ({"type": "boolean"}, {"type": "boolean"}),
        ({"type": "string", "format": "uuid"}, {"type": "uuid"}),
        ({"type": "string", "format": "phone"}, {"type": "phone"}),
        ({"type": "string", "enum": ["A", "B"]}, {"type": "string", "enum": ["A", "B"]}),
        ({"type": "array", "items": {"type": "integer"}}, {"type": "integer", "list": True}),
        ({"type": ["string", "null"]}, {"type": "string"}),  # 3.1
        ({"const": "X", "type": "string"}, {"type": "string", "enum": ["X"]}),
    ],
)
def test_query_parameter_types(schema, expected):
    op = {"parameters": [{"name": "q", "in": "query", "required": True, "schema": schema}]}
    param = _params(_one(op, method="get"))["q"]
    assert {k: param[k] for k in expected} == expected
    assert param["required"] is True


def test_path_header_and_cookie_parameters():
    op = {
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "X-Request-Id", "in": "header", "schema": {"type": "string"}},
            {"name": "Accept", "in": "header", "schema": {"type": "string"}},
            {"name": "session", "in": "cookie", "schema": {"type": "string"}},
        ]
    }
    result = _one(op, path="/things/{id}", method="get")
    params = _params(result)
    assert params["id"]["in"] == "path"
    assert params["X-Request-Id"]["in"] == "header"
    assert "Accept" not in params  # OpenAPI: ignored
    assert "session" not in params
    assert [n.message for n in result.notes] == [
        "cookie parameter 'session' is not expressed (the catalog sends no cookies)"
    ]


def test_a_comma_separated_query_list_keeps_explode_false():
    op = {
        "parameters": [
            {
                "name": "expand",
                "in": "query",
                "explode": False,
                "schema": {"type": "array", "items": {"type": "string"}},
            }
        ]
    }
    assert _params(_one(op, method="get"))["expand"]["explode"] is False


def test_body_fields_with_refs_allof_required_and_nested_json():
    components = {
        "schemas": {
            "Base": {"type": "object", "properties": {"name": {"type": "string"}}},
            "Thing": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {
                        "type": "object",
                        "required": ["name", "address"],
                        "properties": {
                            "address": {
                                "type": "object",
                                "required": ["city"],
                                "properties": {"city": {"type": "string"}},
                            },
                            "id": {"type": "string", "readOnly": True},
                        },
                    },
                ]
            },
        }
    }
    op = {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
        }
    }
    result = _one(op, components=components)
    params = _params(result)
    assert params["name"] == {
        "name": "name",
        "in": "body",
        "type": "string",
        "required": True,
        "option": "body-name",  # --name is botkit curl's own
        "help": "Name",
    }
    assert params["address"]["type"] == "json"
    assert json.loads(params["address"]["schema"])["required"] == ["city"]
    assert "id" not in params  # read-only: never sent


def test_phone_fields_by_the_vendors_naming_convention():
    op = {
        "requestBody": {
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "wabaNumber": {"type": "string"},
                            "note": {"type": "string"},
                        },
                    }
                }
            }
        }
    }
    result = convert(_spec({"/a": {"post": op}}), Options(phone_names="(?i)number$"))
    assert {p["name"]: p["type"] for p in result.apis[0]["params"]} == {
        "wabaNumber": "phone",
        "note": "string",
    }


@pytest.mark.parametrize(
    ("content", "required", "message"),
    [
        (
            {"multipart/form-data": {}},
            True,
            "skipped: its body is multipart/form-data (a file upload)",
        ),
        (
            {"application/json": {"schema": {"oneOf": [{"type": "object"}, {"type": "object"}]}}},
            True,
            "skipped: a oneOf body (one of several shapes) is not expressed",
        ),
        (
            {"application/json": {"schema": {"type": "array", "items": {}}}},
            True,
            "skipped: its JSON body is an array, not an object",
        ),
        ({"text/plain": {}}, False, "the text/plain body is not expressed"),
    ],
)
def test_what_the_catalog_cannot_express_is_said(content, required, message):
    op = {"operationId": "up", "requestBody": {"required": required, "content": content}}
    result = convert(_spec({"/a": {"post": op}}))
    assert [n.message for n in result.notes] == [message]
    assert (result.skipped == ["POST /a (up)"]) == message.startswith("skipped")


def test_a_recursive_schema_is_cut_and_said():
    components = {
        "schemas": {
            "Node": {
                "type": "object",
                "properties": {"child": {"$ref": "#/components/schemas/Node"}},
            }
        }
    }
    op = {
        "requestBody": {
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {"tree": {"$ref": "#/components/schemas/Node"}},
                    }
                }
            }
        }
    }
    result = _one(op, components=components)
    assert "refers to itself (Node)" in result.notes[0].message


def test_security_schemes_become_auth():
    schemes = {
        "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
        "q": {"type": "apiKey", "in": "query", "name": "api_key"},
        "basic": {"type": "http", "scheme": "basic"},
        "bearer": {"type": "http", "scheme": "bearer"},
    }
    paths = {
        "/a": {"get": {"security": [{"key": []}]}},
        "/b": {"get": {"security": [{"key": []}]}},
        "/c": {"get": {"security": [{"q": []}]}},
        "/d": {"get": {"security": [{"basic": []}, {"bearer": []}]}},
        "/e": {"get": {"security": []}},
    }
    result = convert(_spec(paths, components={"securitySchemes": schemes}))
    assert result.vendor["auth"] == {"scheme": "header", "header": "X-Key", "env": "ACME_API_KEY"}
    own = {a["path"]: a.get("auth") for a in result.apis}
    assert own["/a"] is None and own["/b"] is None
    assert own["/c"] == {"scheme": "query", "param": "api_key", "env": "ACME_API_KEY_2"}
    assert own["/d"] == {"scheme": "basic-or-bearer", "env": "ACME_USER", "token_env": "ACME_TOKEN"}
    assert own["/e"] == {"scheme": "none"}


def test_select_by_operation_tag_and_path():
    paths = {
        "/a/x": {"get": {"operationId": "getX", "tags": ["One"]}},
        "/b/y": {"get": {"operationId": "getY", "tags": ["Two"]}},
    }
    spec = _spec(paths)
    assert [a["action"] for a in convert(spec, Options(operations=("getY",))).apis] == ["get-y"]
    assert [a["action"] for a in convert(spec, Options(operations=("get-x",))).apis] == ["get-x"]
    assert [a["action"] for a in convert(spec, Options(tags=("Two",))).apis] == ["get-y"]
    assert [a["action"] for a in convert(spec, Options(paths=("/a/*",))).apis] == ["get-x"]


def test_a_parameter_named_like_a_botkit_option_gets_its_own_option():
    op = {"parameters": [{"name": "format", "in": "query", "schema": {"type": "string"}}]}
    assert _params(_one(op, method="get"))["format"]["option"] == "query-format"


def test_yaml_and_versions():
    assert parse_spec("openapi: 3.1.0\ninfo: {title: T}\npaths: {}\n")["openapi"] == "3.1.0"
    with pytest.raises(BotkitError, match=r"Swagger 2\.0"):
        parse_spec('{"swagger": "2.0", "paths": {}}')
    with pytest.raises(BotkitError, match=r"<spec>:3: not valid YAML"):
        parse_spec("openapi: 3.0.0\npaths: [unclosed\n")


def test_a_remote_ref_is_a_clear_error():
    op = {"parameters": [{"$ref": "other.yaml#/components/parameters/P"}]}
    result = convert(_spec({"/a": {"get": op}}))
    assert result.skipped and "another document" in result.notes[0].message
