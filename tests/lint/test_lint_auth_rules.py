"""BK201-BK203: credentials missing, left as placeholders, or committed in clear."""

from __future__ import annotations

import json

import pytest
from lint_helpers import KEY, bot, codes, dt_component, lint

CT = {"name": "content-type", "value": "application/json"}


def _with_auth(value: str | None) -> dict:
    headers = [CT] if value is None else [{"name": "Authorization", "value": value}, CT]
    return dt_component(headers=headers)


def _unblu(**extra: object) -> dict:
    component = {
        "type": "call_api",
        "name": "Set assignee",
        "method": "POST",
        "url": "https://bank.example.ch/app/rest/v4/conversations/{{conversation.id}}/setAssigneePerson",
        "headers": [{"name": "Content-Type", "value": "application/json"}],
        "body": {"text": json.dumps({"personId": "{{agent.person_id}}"})},
    }
    component.update(extra)
    return component


def test_variable_key_passes():
    assert lint(bot(_with_auth("{{DOUBLETICK_API_KEY}}"))) == []


def test_bk201_missing_key_header():
    [finding] = lint(bot(_with_auth(None)))
    assert finding.code == "BK201" and finding.slug == "auth-missing"
    assert "Authorization" in finding.message and "{{DOUBLETICK_API_KEY}}" in finding.message


def test_bk201_header_name_is_case_insensitive():
    component = dt_component(
        headers=[{"name": "authorization", "value": "{{DOUBLETICK_API_KEY}}"}, CT]
    )
    assert lint(bot(component)) == []


def test_bk201_vambe_needs_x_api_key():
    component = {
        "type": "call_api",
        "name": "Assign",
        "method": "POST",
        "url": "https://api.vambe.me/api/public/contact/{{c}}/assign-team-member/{{m}}",
        "headers": [{"name": "Authorization", "value": "{{VAMBE_API_KEY}}"}],
    }
    [finding] = lint(bot(component))
    assert finding.code == "BK201" and "x-api-key" in finding.message


def test_bk201_unblu_accepts_basic_or_bearer_and_flags_neither():
    assert codes(lint(bot(_unblu()))) == ["BK201"]
    basic = {"type": "basic", "username": "{{UNBLU_USER}}", "password": "{{UNBLU_PASSWORD}}"}
    assert lint(bot(_unblu(auth=basic))) == []
    bearer = [{"name": "Authorization", "value": "Bearer {{UNBLU_TOKEN}}"}]
    assert lint(bot(_unblu(headers=bearer))) == []


def test_bk201_unknown_api_is_never_missing_auth():
    component = {
        "type": "call_api",
        "name": "x",
        "method": "GET",
        "url": "https://example.com/a",
        "headers": [],
    }
    assert lint(bot(component)) == []


@pytest.mark.parametrize(
    "value",
    [
        "",
        "YOUR_API_KEY",
        "<x-api-key>",
        "key_xxxxxxxxxx",
        "your-api-key",
        "XXXXXXXX",
        "<token>",
    ],
)
def test_bk202_empty_or_placeholder(value):
    [finding] = lint(bot(_with_auth(value)))
    assert finding.code == "BK202" and finding.slug == "auth-empty-or-placeholder"


def test_bk202_blank_key_also_breaks_the_schema():
    # HTTP drops blanks around a header value, so the component schema refuses them.
    assert codes(lint(bot(_with_auth("   ")))) == ["BK202", "BK301"]


def test_bk202_unblu_bearer_placeholder_and_empty_password():
    bearer = [{"name": "Authorization", "value": "Bearer <token>"}]
    assert codes(lint(bot(_unblu(headers=bearer)))) == ["BK202"]
    basic = {"type": "basic", "username": "{{UNBLU_USER}}", "password": ""}
    assert codes(lint(bot(_unblu(auth=basic)))) == ["BK202"]


def test_bk203_literal_key_is_a_warning_and_never_printed():
    [finding] = lint(bot(_with_auth(KEY)))
    assert finding.code == "BK203" and finding.severity.value == "warning"
    assert KEY not in finding.message and KEY[4:] not in finding.message
    assert "key_…XYZ" in finding.message


def test_bk203_bearer_token_and_basic_password():
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJl"
    [finding] = lint(bot(_unblu(headers=[{"name": "Authorization", "value": f"Bearer {token}"}])))
    assert finding.code == "BK203" and token not in finding.message
    basic = {"type": "basic", "username": "svc-bot", "password": "S3cr3t-Pa55w0rd!"}
    [finding] = lint(bot(_unblu(auth=basic)))
    assert finding.code == "BK203" and "S3cr3t" not in finding.message


def test_bk203_generic_api_key_header_on_unknown_api():
    component = {
        "type": "call_api",
        "name": "CRM",
        "method": "GET",
        "url": "https://crm.example.com/leads",
        "headers": [{"name": "X-Api-Key", "value": "live_8c1d2e3f4a5b6c7d8e9f"}],
    }
    assert codes(lint(bot(component))) == ["BK203"]


# A password with a `$` in it, written in each of bash's quotings: curl gets the same
# literal password each time, so each is the same committed secret.
@pytest.mark.parametrize(
    "written",
    [
        "'admin:Xk9pL2q$wZZ'",
        '"admin:Xk9pL2q\\$wZZ"',
        "admin:Xk9pL2q\\$wZZ",
        "$'admin:Xk9pL2q$wZZ'",
        "'admin:Xk9pL2q'\"\\$wZZ\"",
    ],
)
def test_bk203_literal_password_with_a_dollar_in_every_quoting(written):
    [finding] = lint(f"curl -u {written} https://crm.example.com/leads\n", kind="curl")
    assert finding.code == "BK203" and "Xk9pL2q" not in finding.message


def test_a_shell_variable_is_no_finding_but_the_same_text_in_single_quotes_is():
    assert lint('curl -u "admin:$CRM_PASSWORD" https://crm.example.com/leads\n', kind="curl") == []
    [finding] = lint("curl -u 'admin:$CRM_PASSWORD' https://crm.example.com/leads\n", kind="curl")
    assert finding.code == "BK202" and "'$CRM_PASSWORD'" in finding.message
    assert "single quotes" in finding.message


def test_a_bot_sends_a_dollar_variable_as_text():
    [finding] = lint(bot(_with_auth("$DOUBLETICK_API_KEY")))
    assert finding.code == "BK202" and "{{variables}}" in finding.message
    [finding] = lint(bot(_with_auth("key_Zq81LmX0pR4v$T7wY2nB5cXYZ")))
    assert finding.code == "BK203"


DT_ARGS = (
    "curl",
    "doubletick.assign-chat",
    "--customer-phone-number",
    "919876543210",
    "--assigned-user-phone-number",
    "919812345678",
)


@pytest.mark.parametrize("key", ["YOUR_API_KEY", "<x-api-key>", "key_xxxxxxxxxx"])
def test_botkit_curl_warns_of_a_placeholder_key_that_lint_rejects(key, tmp_path):
    from cli_run import botkit

    result = botkit(*DT_ARGS, "--api-key", key)
    assert result.returncode == 0
    assert f"botkit: warning: the API key {key!r} is a placeholder" in result.stderr
    snippet = tmp_path / "made.curl"
    snippet.write_text(result.stdout, encoding="utf-8")
    linted = botkit("lint", str(snippet))
    assert linted.returncode == 1 and "BK202" in linted.stdout


def test_botkit_curl_says_nothing_of_a_real_looking_key():
    from cli_run import botkit

    result = botkit(*DT_ARGS, "--api-key", KEY)
    assert result.returncode == 0 and "warning" not in result.stderr
