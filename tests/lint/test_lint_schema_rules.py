"""BK300 (not JSON) and BK301 (breaks the bot or component schema)."""

from __future__ import annotations

from lint_helpers import bot, codes, dt_component, lint


def test_bk300_invalid_json_at_the_parser_position():
    [finding] = lint('{\n  "name": "x",\n  "steps": [\n}\n')
    assert finding.code == "BK300" and finding.slug == "invalid-json"
    assert (finding.line, finding.column) == (4, 1)


def test_bk301_names_the_json_path():
    broken = bot({"type": "question", "text": "Your name?"})
    [finding] = lint(broken)
    assert finding.code == "BK301"
    assert finding.message == "$.steps[0].component: 'variable' is a required property"


def test_bk301_unknown_property_with_did_you_mean_at_the_key():
    component = dt_component()
    component["header"] = component.pop("headers")
    [finding] = lint(bot(component))
    assert finding.code == "BK301"
    assert "unknown property 'header'; did you mean 'headers'?" in finding.message
    assert finding.json_path == ("steps", 0, "component", "header")


def test_bk301_one_error_per_broken_component():
    one = dt_component(method="POST /x")
    two = dt_component(url="")
    assert codes(lint(bot(one, two))) == ["BK301", "BK301"]


def test_bk301_unknown_component_type_suggests_the_right_one():
    [finding] = lint(bot({"type": "call-api"}))
    assert finding.code == "BK301" and "did you mean 'call_api'?" in finding.message


def test_bk301_standalone_component():
    component = dt_component()
    del component["url"]
    [finding] = lint(component)
    assert finding.code == "BK301" and "'url' is a required property" in finding.message


def test_bk301_header_value_with_newline_is_caught_and_not_echoed():
    component = dt_component(
        headers=[{"name": "Authorization", "value": "key_Q8wErTy5uIoP3aSdF\n"}]
    )
    findings = lint(bot(component))
    assert "BK301" in codes(findings)
    assert all("Q8wErTy5uIoP3aSdF" not in f.message for f in findings)


def test_components_nested_anywhere_are_found():
    document = {"exported": {"flows": [{"blocks": [dt_component({"customerPhoneNumber": "N/A"})]}]}}
    assert "BK102" in codes(lint(document))


def test_json_without_components_has_nothing_to_report():
    assert lint({"name": "package", "version": "1.0.0", "dependencies": {}}) == []


def test_every_pattern_of_every_schema_is_said_in_words():
    from schema_support import schema_patterns

    from botkit.schema_words import pattern_words

    for name in ("bot", "component", "catalog", "recipe"):
        for pattern in schema_patterns(name):
            assert pattern_words(pattern) != "is not in the form this field takes", pattern


RAW_REGEX = ("(?", "[^", "\\u", "\\s", "]*", "]+", "{3}")


def test_schema_messages_never_show_a_pattern():
    broken = []
    for change in (
        {"method": "POST /x"},
        {"url": "ftp://example.com/a"},
        {"api": "DoubleTick"},
        {"save": [{"path": "$..x", "variable": "1bad"}]},
        {"headers": [{"name": "Bad Name", "value": "x"}]},
        {"headers": [{"name": "X-A", "value": " padded"}]},
        {"query": [{"name": "a&b", "value": "c d"}]},
        {"body": {"text": "{}", "contentType": "json"}},
        {"body": {"multipart": [{"name": "f", "file": "a.txt", "type": "text"}]}},
        {"auth": {"type": "basic", "username": "a:b", "password": "p"}},
    ):
        broken.append(dt_component() | change)
    document = bot(*broken)
    document["steps"][0]["id"] = "has blank"
    document["variables"] = {"1x": "bad name"}
    findings = [f for f in lint(document) if f.code == "BK301"]
    assert len(findings) >= 3
    from schema_support import schema_patterns

    patterns = schema_patterns("component")
    for finding in findings:
        assert not any(r in finding.message for r in RAW_REGEX), finding.message
        assert not any(p in finding.message for p in patterns), finding.message
        assert finding.message.startswith("$")
    for component in broken:
        for finding in lint(bot(component)):
            if finding.code == "BK301":
                assert not any(r in finding.message for r in RAW_REGEX), finding.message


def test_a_json_parameter_schema_error_says_what_is_wrong_in_words():
    # A user catalog's json parameter (from an OpenAPI spec) with a pattern: what BK305
    # and botkit curl print must not quote the pattern.
    import json

    from botkit.catalog import Param
    from botkit.catalog.paramtypes import schema_problem

    schema = {
        "type": "object",
        "properties": {"code": {"type": "string", "pattern": "^[A-Z]{3}-\\d+$"}},
    }
    param = Param("ticket", "body", "json", "a ticket", schema=json.dumps(schema))
    problem = schema_problem(param, {"code": "abc"})
    assert problem is not None and "^[A-Z]" not in problem and "\\d" not in problem
    assert problem.startswith("does not match its schema at $.code: ")
    assert problem.endswith(" is not in the form this field takes")
