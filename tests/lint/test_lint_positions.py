"""Every finding carries the real line and column of what it is about."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from lint_helpers import bot, dt_component, lint

from botkit.lint.jsonpos import JsonIndexError, Seeker, StringMap, index


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


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(json_values, st.sampled_from([None, 0, 1, 2]), st.booleans())
def test_seek_finds_what_the_full_index_finds(value, indent, ascii_only):
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    nodes = index(text)
    seeker = Seeker(text)  # one seeker for every lookup: its memory must not mislead it
    for path, node in sorted(nodes.items(), key=lambda item: repr(item[0])[::-1]):
        assert Seeker(text).seek(path) == (node, len(path))  # a fresh seeker, one lookup
        assert seeker.seek(path) == (node, len(path))
    missing = (*max(nodes, key=len), "no such key", 7)
    found, depth = Seeker(text).seek(missing)
    assert depth < len(missing) and found == nodes[missing[:depth]]
