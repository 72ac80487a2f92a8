"""Every finding carries the real line and column of what it is about."""

from __future__ import annotations

import json

from lint_helpers import bot, dt_component, lint

from botkit.lint.jsonpos import JsonIndexError, StringMap, index


def _at(text: str, line: int, column: int, length: int) -> str:
    return text.splitlines()[line - 1][column - 1 : column - 1 + length]


def test_index_gives_value_and_key_spans():
    text = '{"a": [1, {"b": "x\\ny"}], "c": null}'
    nodes = index(text)
    assert text[nodes[("a", 1, "b")].start : nodes[("a", 1, "b")].end] == '"x\\ny"'
    node = nodes[("c",)]
    assert text[node.key_start : node.key_end] == '"c"' and text[node.start : node.end] == "null"
    assert nodes[()].start == 0 and nodes[()].end == len(text)


def test_index_refuses_what_is_not_json_and_absurd_depth():
    for bad in ('{"a" 1}', '{"\\q": 1}', "[1,", "[" * 5000 + "]" * 5000):
        try:
            index(bad)
        except JsonIndexError:
            continue
        raise AssertionError(f"accepted {bad[:20]!r}")


def test_string_map_through_escapes_and_surrogate_pairs():
    value = 'ab\n"é😀z'
    literal = json.dumps(value)  # "ab\n\"\u00e9\ud83d\ude00z"
    smap = StringMap(literal)
    pieces = [literal[smap.raw(i) : smap.raw(i + 1)] for i in range(len(value))]
    assert [json.loads(f'"{p}"') for p in pieces] == list(value)


def test_phone_inside_body_text_points_into_the_string_literal():
    text = json.dumps(
        bot(
            dt_component(
                {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "919812345678"}
            )
        ),
        indent=2,
    )
    [finding] = lint(text)
    assert _at(text, finding.line, finding.column, 14) == '\\"9876543210\\"'
    assert finding.finish.line == finding.line
    assert finding.finish.column - finding.column == 14


def test_plain_json_value_and_key_positions():
    component = dt_component(headers=[{"name": "Authorization", "value": "YOUR_API_KEY"}])
    text = json.dumps(bot(component), indent=2)
    [finding] = lint(text)
    assert _at(text, finding.line, finding.column, 14) == '"YOUR_API_KEY"'


def test_crlf_bom_and_wide_characters_before_the_value():
    component = dt_component(
        {"customerPhoneNumber": "N/A", "assignedUserPhoneNumber": "919812345678"}
    )
    component["name"] = "Asignación 😀"
    text = "\ufeff" + json.dumps(bot(component), indent=2, ensure_ascii=False).replace("\n", "\r\n")
    [finding] = lint(text)
    line = text.lstrip("\ufeff").split("\r\n")[finding.line - 1]
    assert line[finding.column - 1 :].startswith('\\"N/A\\"')


def test_minified_single_line_document():
    text = json.dumps(
        bot(
            dt_component(
                {"customerPhoneNumber": "98765", "assignedUserPhoneNumber": "919812345678"}
            )
        )
    )
    [finding] = lint(text)
    assert finding.line == 1 and text[finding.column - 1 :].startswith('\\"98765\\"')


def test_body_with_unicode_escapes_maps_exactly():
    body_text = (
        '{"note": "caf\\u00e9 \\ud83d\\ude00", "customerPhoneNumber": "N/A", '
        '"assignedUserPhoneNumber": "919812345678"}'
    )
    component = dt_component()
    component["body"] = {"text": body_text}
    text = json.dumps(bot(component), indent=2)
    [finding] = [f for f in lint(text) if f.code == "BK102"]
    assert _at(text, finding.line, finding.column, 7) == '\\"N/A\\"'
