"""Generation: the exact text users paste, and validation that names the bad parameter."""

from __future__ import annotations

import json

import pytest
from generation_cases import README_SNIPPET

from botkit.catalog import load_catalog
from botkit.errors import ParamError
from botkit.generate import Credentials, build_request
from botkit.render import render_curl


def _assign(values, **kwargs):
    return build_request(load_catalog().get("doubletick.assign-chat"), values, **kwargs)


def test_readme_style_is_exactly_what_doubletick_docs_hand_out():
    generated = _assign(
        {
            "customerPhoneNumber": "919876543210",
            "assignedUserPhoneNumber": "919812345678",
            "reassign": True,
            "wabaNumber": "919000000000",
        },
        credentials=Credentials(api_key="key_xxxxxxxxxx"),
    )
    assert render_curl(generated.request, "readme") == README_SNIPPET
    assert generated.notes == []


def test_oneline_style_is_one_line_with_compact_json():
    generated = _assign(
        {"customerPhoneNumber": "919876543210", "assignedUserPhoneNumber": "919812345678"},
        credentials=Credentials(api_key="key_abc"),
        body_layout="compact",
    )
    text = render_curl(generated.request, "oneline")
    assert text.count("\n") == 1 and text.endswith("\n")
    assert text.startswith("curl -X POST https://public.doubletick.io/team-member/assign ")
    assert (
        """-d '{"customerPhoneNumber":"919876543210","assignedUserPhoneNumber":"919812345678"}'"""
        in text
    )


def test_a_body_with_a_quote_becomes_a_quoted_heredoc_in_readme_style():
    api = load_catalog().get("unblu.forward-conversation")
    generated = build_request(
        api,
        {"conversationId": "c1", "agentPersonId": "p1", "comment": "it's $(yours)"},
        base_url="https://unblu.example.com/app/rest/v4",
        credentials=Credentials(token="t0ken"),
    )
    text = render_curl(generated.request)
    assert "--data-binary @- <<'EOF'\n\n{\n" in text
    assert text.endswith("}\nEOF\n")


def test_optional_parameters_not_given_are_left_out():
    generated = _assign({"groupId": "g-1", "assignedUserPhoneNumber": "919812345678"})
    assert json.loads(generated.request.body.text) == {
        "groupId": "g-1",
        "assignedUserPhoneNumber": "919812345678",
    }


def test_without_a_key_a_visible_variable_and_a_note():
    generated = _assign({"groupId": "g", "assignedUserPhoneNumber": "919812345678"})
    assert generated.request.header("Authorization") == "{{DOUBLETICK_API_KEY}}"
    assert "DOUBLETICK_API_KEY" in generated.notes[0]


def test_unblu_without_credentials_uses_a_bearer_variable():
    api = load_catalog().get("unblu.set-assignee")
    generated = build_request(
        api, {"conversationId": "c", "personId": "p"}, base_url="https://u.example/app/rest/v4/"
    )
    assert (
        generated.request.url == "https://u.example/app/rest/v4/conversations/c/setAssigneePerson"
    )
    assert generated.request.header("Authorization") == "Bearer {{UNBLU_TOKEN}}"


@pytest.mark.parametrize(
    ("value", "fmt_api", "expected"),
    [
        ("+91 98765-43210", "doubletick.unassign-chat", "919876543210"),
        ("(+91) 98765 43210", "doubletick.unassign-chat", "919876543210"),
        ("919876543210", "doubletick.unassign-chat", "919876543210"),
    ],
)
def test_phone_numbers_are_normalised_to_the_vendor_form(value, fmt_api, expected):
    generated = build_request(load_catalog().get(fmt_api), {"customerPhoneNumber": value})
    assert json.loads(generated.request.body.text)["customerPhoneNumber"] == expected


@pytest.mark.parametrize(
    ("api_id", "values", "kwargs", "param", "fragment"),
    [
        (
            "doubletick.assign-chat",
            {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "919812345678"},
            {},
            "customerPhoneNumber",
            "no valid country code",
        ),
        (
            "doubletick.assign-chat",
            {"customerPhoneNumber": "N/A", "assignedUserPhoneNumber": "919812345678"},
            {},
            "customerPhoneNumber",
            "not a phone number",
        ),
        ("doubletick.assign-chat", {"groupId": "g"}, {}, "assignedUserPhoneNumber", "required"),
        (
            "doubletick.assign-chat",
            {
                "groupId": "g",
                "customerPhoneNumber": "919876543210",
                "assignedUserPhoneNumber": "919812345678",
            },
            {},
            "groupId",
            "exactly one",
        ),
        (
            "doubletick.assign-chat",
            {
                "groupId": "g",
                "wabaNumber": "919000000000",
                "assignedUserPhoneNumber": "919812345678",
            },
            {},
            "wabaNumber",
            "together with customerPhoneNumber",
        ),
        (
            "vambe.assign-team-member",
            {"aiContactId": "42", "teamMemberId": "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"},
            {},
            "aiContactId",
            "not a UUID",
        ),
        (
            "unblu.set-awaited-person-type",
            {"conversationId": "c", "awaitedPersonType": "agent"},
            {"base_url": "https://u.example"},
            "awaitedPersonType",
            "did you mean AGENT",
        ),
        (
            "unblu.set-assignee",
            {"conversationId": "c", "personId": "p"},
            {},
            "base_url",
            "base URL",
        ),
        (
            "unblu.set-assignee",
            {"conversationId": "c", "personId": "p"},
            {"base_url": "ftp://u.example"},
            "base_url",
            "not an http(s) URL",
        ),
        (
            "doubletick.unassign-chat",
            {"customerPhoneNumber": "919876543210"},
            {"credentials": Credentials(api_key="key\r\nX-Evil: 1")},
            "api_key",
            "line break",
        ),
        (
            "unblu.set-assignee",
            {"conversationId": "c", "personId": "p"},
            {"base_url": "https://u.example", "credentials": Credentials(user="nocolon")},
            "user",
            "USER:PASSWORD",
        ),
    ],
)
def test_invalid_parameters_name_the_parameter(api_id, values, kwargs, param, fragment):
    with pytest.raises(ParamError) as caught:
        build_request(load_catalog().get(api_id), values, **kwargs)
    assert caught.value.param == param
    assert fragment in caught.value.message


def test_a_secret_is_never_echoed_in_an_error():
    with pytest.raises(ParamError) as caught:
        build_request(
            load_catalog().get("doubletick.unassign-chat"),
            {"customerPhoneNumber": "919876543210"},
            credentials=Credentials(api_key="key_SECRETVALUE\n"),
        )
    assert "SECRETVALUE" not in str(caught.value)


def test_default_region_only_adds_a_hint():
    with pytest.raises(ParamError, match="did you mean 919876543210"):
        _assign(
            {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "919812345678"},
            default_region="IN",
        )
