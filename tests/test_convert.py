"""The Python API: botkit.parse_curl and botkit.to_curl."""

from __future__ import annotations

import json
import warnings

import pytest
from generation_cases import README_SNIPPET

import botkit
from botkit import schemas
from botkit.convert import CurlImportWarning
from botkit.errors import InputError

README = README_SNIPPET  # the DoubleTick docs snippet


def test_parse_curl_gives_a_valid_component_with_its_catalog_id() -> None:
    component = botkit.parse_curl(README)
    assert schemas.best_problem("component", component) is None
    assert component["api"] == "doubletick.assign-chat"
    assert component["name"]  # the catalog API's summary
    assert component["method"] == "POST"
    assert component["url"] == "https://public.doubletick.io/team-member/assign"
    assert component["headers"][0] == {"name": "Authorization", "value": "key_xxxxxxxxxx"}
    assert json.loads(component["body"]["text"])["reassign"] is True


def test_readme_text_comes_back_byte_for_byte() -> None:
    assert botkit.to_curl(botkit.parse_curl(README)) == README


def test_oneline_style() -> None:
    component = botkit.parse_curl("curl https://h/p -H 'A: b' --data-binary $'x\\ny'")
    assert botkit.to_curl(component, "oneline") == (
        "curl -X POST https://h/p -H 'A: b' "
        "-H 'Content-Type: application/x-www-form-urlencoded' -d $'x\\ny'\n"
    )


def test_name_default_and_given() -> None:
    assert botkit.parse_curl("curl -X DELETE https://h/v1/x?y=1")["name"] == "DELETE /v1/x"
    assert botkit.parse_curl("curl https://h")["name"] == "GET /"
    assert botkit.parse_curl("curl https://h", name="Ping")["name"] == "Ping"


def test_variables_are_kept_verbatim() -> None:
    component = botkit.parse_curl(
        "curl -g 'https://api.example.com/users/{{userId}}?page={{page}}' "
        "-H 'x-api-key: {{apiKey}}' -d '{\"phone\": \"{{customer_phone}}\"}'"
    )
    assert component["url"] == "https://api.example.com/users/{{userId}}"
    assert component["query"] == [{"name": "page", "value": "{{page}}"}]
    assert component["headers"][0]["value"] == "{{apiKey}}"
    assert component["body"]["text"] == '{"phone": "{{customer_phone}}"}'
    assert botkit.parse_curl(botkit.to_curl(component), name=component["name"]) == component


def test_redact_replaces_secrets_with_variables() -> None:
    component = botkit.parse_curl(
        "curl -u 'sk_test_123:' 'https://h/p?api_key=abc&page=2' "
        "-H 'Authorization: Bearer eyJhbGc' -H 'x-api-key: vb_live_51' -H 'Cookie: s=1' "
        "-H 'X-Auth-Token: t0k' -H 'Accept: application/json' -H 'X-Token: {{mine}}'",
        redact=True,
    )
    assert component["auth"] == {
        "type": "basic",
        "username": "{{API_USER}}",
        "password": "",  # an empty password is no secret
    }
    assert component["query"] == [
        {"name": "api_key", "value": "{{API_KEY}}"},
        {"name": "page", "value": "2"},
    ]
    assert [h["value"] for h in component["headers"]] == [
        "Bearer {{AUTHORIZATION}}",
        "{{X_API_KEY}}",
        "{{COOKIE}}",
        "{{X_AUTH_TOKEN}}",
        "application/json",
        "{{mine}}",
    ]
    query = botkit.parse_curl(
        "curl 'https://h/p?author=Asha&auth=x&access_token=y&client-auth=z'", redact=True
    )["query"]
    assert [q["value"] for q in query] == [
        "Asha",
        "{{AUTH}}",
        "{{ACCESS_TOKEN}}",
        "{{CLIENT_AUTH}}",
    ]
    # A catalog API's own credential gets the variable 'botkit curl' writes for it.
    doubletick = botkit.parse_curl(README, redact=True)
    assert doubletick["headers"][0] == {"name": "Authorization", "value": "{{DOUBLETICK_API_KEY}}"}
    vambe = botkit.parse_curl(
        "curl -X POST https://api.vambe.me/api/public/contact/3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c"
        "/assign-team-member/0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b -H 'x-api-key: vk_live_1234'",
        redact=True,
    )
    assert vambe["headers"] == [{"name": "x-api-key", "value": "{{VAMBE_API_KEY}}"}]
    unblu = botkit.parse_curl(
        "curl -X POST https://u.example/app/rest/v4/conversations/c/setAssigneePerson "
        "-H 'Authorization: Bearer eyJhbGciOi' -H 'Content-Type: application/json' "
        """-d '{"personId": "p"}'""",
        redact=True,
    )
    assert unblu["headers"][0] == {"name": "Authorization", "value": "Bearer {{UNBLU_TOKEN}}"}


def test_losses_are_warnings_and_strict_makes_them_errors() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        component = botkit.parse_curl("curl --digest -u a:b https://h")
    # curl sends no credentials before the server's Digest challenge (issue 10): no auth.
    assert "auth" not in component
    [warning] = caught
    assert issubclass(warning.category, CurlImportWarning) and "--digest" in str(warning.message)
    assert "-u credentials" in str(warning.message)
    with pytest.raises(InputError, match="--digest"):
        botkit.parse_curl("curl --digest -u a:b https://h", strict=True)


@pytest.mark.parametrize(
    ("component", "words"),
    [
        ({"type": "call_api"}, "'name' is a required property"),
        (
            {"type": "call_api", "name": "x", "method": "GET", "url": "ftp://h", "headers": []},
            "$.url",
        ),
        (
            {
                "type": "call_api",
                "name": "x",
                "method": "GET",
                "url": "https://h",
                "headers": [{"name": "A", "value": " padded"}],
            },
            "$.headers[0].value",
        ),
        (
            {
                "type": "call_api",
                "name": "x",
                "method": "GET",
                "url": "https://h",
                "headers": [],
                "body": {"text": "lone \ud800 surrogate"},
            },
            "$.body.text holds a broken Unicode character",
        ),
    ],
)
def test_to_curl_refuses_an_invalid_component(component: dict, words: str) -> None:
    with pytest.raises(InputError) as info:
        botkit.to_curl(component)
    assert words in info.value.message


def test_unknown_style() -> None:
    with pytest.raises(InputError, match="unknown style"):
        botkit.to_curl(botkit.parse_curl("curl https://h"), style="fancy")  # type: ignore[arg-type]


def test_a_trailing_caret_is_quoted_so_the_text_stays_bash() -> None:
    # Found by the round-trip property test: a bare "^" at the end of the line made the
    # importer read the exported text as Windows cmd.
    component = {
        "type": "call_api",
        "name": "0",
        "method": "GET",
        "url": "https://public.doubletick.io",
        "headers": [],
        "query": [],
        "auth": {"type": "basic", "username": "", "password": '"'},
        "body": {"text": "^"},
    }
    for style in ("readme", "oneline"):
        text = botkit.to_curl(component, style=style)
        assert botkit.parse_curl(text, name="0", strict=True) == component
