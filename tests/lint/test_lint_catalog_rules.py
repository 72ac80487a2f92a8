"""BK302-BK305: the component against the catalog API it calls."""

from __future__ import annotations

import json

from lint_helpers import bot, codes, dt_component, lint

UNBLU = "https://acme.unblu.cloud/app/rest/v4"
BASIC = {"type": "basic", "username": "{{UNBLU_USER}}", "password": "{{UNBLU_PASSWORD}}"}


def _unblu(path: str, body: dict, api: str | None = None) -> dict:
    component = {"type": "call_api", "name": "Unblu"}
    if api:
        component["api"] = api
    component |= {
        "method": "POST",
        "url": UNBLU + path,
        "headers": [{"name": "Content-Type", "value": "application/json"}],
        "auth": BASIC,
        "body": {"text": json.dumps(body)},
    }
    return component


def test_bk302_required_field_missing():
    [finding] = lint(bot(dt_component({"customerPhoneNumber": "919876543210"})))
    assert finding.code == "BK302" and "'assignedUserPhoneNumber'" in finding.message


def test_bk302_one_of_group_and_requires():
    findings = lint(
        bot(dt_component({"assignedUserPhoneNumber": "919812345678", "wabaNumber": "919000000000"}))
    )
    assert codes(findings) == ["BK302", "BK302"]
    messages = " | ".join(f.message for f in findings)
    assert "one of 'customerPhoneNumber' or 'groupId'" in messages
    assert "'wabaNumber' is only accepted with 'customerPhoneNumber'" in messages


def test_bk302_recognised_by_path_without_api_field():
    component = dt_component({"customerPhoneNumber": "919876543210"}, api=None)
    assert codes(lint(bot(component))) == ["BK302"]


def test_bk303_unknown_field_with_did_you_mean():
    body = {"customerPhone": "919876543210", "assignedUserPhoneNumber": "919812345678"}
    findings = lint(bot(dt_component(body)))
    assert codes(findings) == ["BK302", "BK303"]
    [unknown] = [f for f in findings if f.code == "BK303"]
    assert "did you mean 'customerPhoneNumber'?" in unknown.message
    assert unknown.json_path == ("steps", 0, "component", "body", "text")


def test_bk303_unknown_query_parameter():
    component = {
        "type": "call_api",
        "name": "Assign",
        "method": "POST",
        "url": "https://api.vambe.me/api/public/contact/{{c}}/assign-team-member/{{m}}",
        "headers": [{"name": "x-api-key", "value": "{{VAMBE_API_KEY}}"}],
        "query": [{"name": "removeExistingAgent", "value": "true"}],
    }
    [finding] = lint(bot(component))
    assert finding.code == "BK303" and "did you mean 'removeExistingAgents'?" in finding.message


def test_bk304_declared_api_calls_another_path():
    component = dt_component(path="/team-member/unassign")
    [finding] = lint(bot(component))
    assert finding.code == "BK304" and finding.slug == "api-mismatch"
    assert "doubletick.unassign-chat" in finding.message
    assert finding.json_path == ("steps", 0, "component", "url")


def test_bk304_wrong_method_and_unknown_api_id():
    assert codes(lint(bot(dt_component(method="PUT")))) == ["BK304"]
    [finding] = lint(bot(dt_component(api="doubletick.assign")))
    assert finding.code == "BK304" and "did you mean doubletick.assign-chat?" in finding.message


def test_bk304_near_miss_path_on_vendor_host_but_not_other_vendor_paths():
    typo = dt_component(
        {"customerPhoneNumber": "919876543210"}, path="/team-member/asign", api=None
    )
    [finding] = lint(bot(typo))
    assert finding.code == "BK304" and "did you mean POST /team-member/assign" in finding.message
    # a DoubleTick path the catalog does not know (every path of the public API is known now)
    other = dt_component({"day": "monday"}, path="/reports/daily-summary", api=None)
    assert lint(bot(other)) == []


def test_bk304_unblu_on_any_host_matches():
    component = _unblu(
        "/conversations/{{c}}/setAssigneePerson", {"personId": "p1"}, api="unblu.set-assignee"
    )
    assert lint(bot(component)) == []
    component["url"] = UNBLU + "/conversations/{{c}}/setAwaitedPersonType"
    assert codes(lint(bot(component))) == ["BK304"]


def test_bk305_boolean_as_string_enum_and_uuid():
    body = {
        "customerPhoneNumber": "919876543210",
        "assignedUserPhoneNumber": "919812345678",
        "reassign": "true",
    }
    [finding] = lint(bot(dt_component(body)))
    assert finding.code == "BK305" and "JSON boolean" in finding.message
    offboard = _unblu(
        "/conversations/{{c}}/offboardParticipant", {"personId": "p", "reason": "LEFT"}
    )
    [finding] = lint(bot(offboard))
    assert finding.code == "BK305" and "did you mean 'PARTICIPANT_LEFT'?" in finding.message
    vambe = {
        "type": "call_api",
        "name": "Assign",
        "method": "POST",
        "url": "https://api.vambe.me/api/public/contact/12345/assign-team-member/{{m}}",
        "headers": [{"name": "x-api-key", "value": "{{VAMBE_API_KEY}}"}],
    }
    [finding] = lint(bot(vambe))
    assert finding.code == "BK305" and "aiContactId" in finding.message


def test_bk305_body_that_is_not_json_or_not_an_object():
    component = dt_component()
    component["body"] = {"text": '{"customerPhoneNumber": "919876543210",}'}
    [finding] = lint(bot(component))
    assert finding.code == "BK305" and "not valid JSON" in finding.message
    component["body"] = {"text": "[1, 2]"}
    assert codes(lint(bot(component))) == ["BK305"]


def test_bk305_both_of_a_one_of_group():
    body = {
        "customerPhoneNumber": "919876543210",
        "groupId": "g1",
        "assignedUserPhoneNumber": "919812345678",
    }
    [finding] = lint(bot(dt_component(body)))
    assert finding.code == "BK305" and "only one of" in finding.message


def test_valid_values_pass():
    body = {"personId": "p", "reason": "FORWARDED", "comment": "handed over"}
    assert lint(bot(_unblu("/conversations/{{c}}/offboardParticipant", body))) == []


def test_bk304_does_not_hide_field_findings_on_the_same_body():
    # Each rule reports independently: fixing the path must not uncover a second round.
    body = {"customerPhone": "919876543210", "assignedUserPhoneNumber": "919812345678"}
    declared = dt_component(body, path="/team-member/unassign")
    assert codes(lint(bot(declared))) == ["BK302", "BK303", "BK304"]
    wrong_method = dt_component(body, method="PUT")
    assert codes(lint(bot(wrong_method))) == ["BK302", "BK303", "BK304"]
    by_path = dt_component(body, method="PUT", api=None)
    findings = lint(bot(by_path))
    assert codes(findings) == ["BK302", "BK303", "BK304"]
    [unknown] = [f for f in findings if f.code == "BK303"]
    assert "doubletick.assign-chat" in unknown.message
    values = dt_component({**json.loads(dt_component()["body"]["text"]), "reassign": "yes"})
    values["method"] = "PUT"
    assert codes(lint(bot(values))) == ["BK304", "BK305"]


def test_unknown_api_id_and_unknown_path_leave_no_fields_to_check():
    body = {"customerPhone": "919876543210"}
    unknown_id = dt_component(body, api="doubletick.nothing", path="/reports/daily-summary")
    assert codes(lint(bot(unknown_id))) == ["BK304"]
