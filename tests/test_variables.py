"""botkit.variables: recognising, finding, filling and reading ``{{variables}}``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from botkit import variable_values as vv
from botkit import variables as v

ROOT = Path(__file__).resolve().parents[1]

names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}(\.[A-Za-z0-9_]{1,5}){0,2}", fullmatch=True)
values = st.text(max_size=40)


@pytest.mark.parametrize(
    "value, name",
    [
        ("{{name}}", "name"),
        ("{{a.b}}", "a.b"),
        ("{{ name }}", "name"),
        ("{{\tcontact.id }}", "contact.id"),
        ("{{DOUBLETICK_API_KEY}}", "DOUBLETICK_API_KEY"),
        ("+91{{local}}", None),
        ("{{a}}{{b}}", None),
        ("{{1abc}}", None),
        ("{{a b}}", None),
        ("{name}", None),
        ("", None),
    ],
)
def test_whole(value, name):
    assert v.whole(value) == name
    assert v.is_variable(value) == (name is not None)


def test_find_gives_offsets():
    text = "Hi {{ name }}, your id is {{contact.id}}."
    found = v.find(text)
    assert [(x.name, text[x.start : x.end]) for x in found] == [
        ("name", "{{ name }}"),
        ("contact.id", "{{contact.id}}"),
    ]


def test_mixes_and_split():
    assert v.mixes("+91{{local}}")
    assert not v.mixes("{{local}}") and not v.mixes("919876543210")
    assert [p if isinstance(p, str) else p.name for p in v.split("c-{{id}}/x")] == [
        "c-",
        "id",
        "/x",
    ]


def test_map_literals_keeps_variables():
    assert v.map_literals("a b{{ id }}c d", lambda s: s.replace(" ", "%20")) == "a%20b{{ id }}c%20d"


def test_covers():
    assert v.covers("contact", "contact.id")
    assert v.covers("contact.id", "contact.id")
    assert not v.covers("contact.id", "contact")
    assert not v.covers("contact", "contacts")


def test_blank_templates_keeps_offsets():
    text = "https://x/{{a b}}/{{$guid}}/[1]"
    blanked = v.blank_templates(text)
    assert len(blanked) == len(text) and "{" not in blanked and "[1]" in blanked
    assert v.blank_templates("/c/{{id}}/x", "{}") == "/c/{}/x"


def test_schema_uses_the_same_name_pattern():
    schema = json.loads((ROOT / "schemas" / "bot.schema.json").read_text())
    pattern = schema["properties"]["variables"]["propertyNames"]["pattern"]
    assert pattern.startswith("^" + v.NAME_PATTERN)


@given(st.dictionaries(names, values, max_size=5), st.lists(st.text(max_size=10), max_size=5))
def test_substitute_fills_exactly_what_is_given(given_values, literals):
    # A text of literal pieces (without braces) and variables, some without a value.
    pieces = [re.sub(r"[{}]", "", p) for p in literals]
    chosen = [*list(given_values), "never_given"]
    text = "".join(p + v.written(chosen[i % len(chosen)]) for i, p in enumerate(pieces))
    filled = v.substitute(text, given_values)
    expected = "".join(
        p + given_values.get(chosen[i % len(chosen)], v.written(chosen[i % len(chosen)]))
        for i, p in enumerate(pieces)
    )
    assert filled.text == expected
    assert set(filled.missing) <= {"never_given"}


@given(values)
def test_a_value_is_inserted_once_never_rescanned(value):
    # A value that looks like a variable is not filled again.
    filled = v.substitute("[{{a}}]", {"a": value, "b": "B"})
    assert filled.text == f"[{value}]"


def test_substitute_with_encoding():
    filled = v.substitute("/c/{{id}}", {"id": "a/b"}, encode=lambda s, var: s.replace("/", "%2F"))
    assert filled.text == "/c/a%2Fb" and filled.used == ["id"]


# --- --var and --vars ---------------------------------------------------------------------


def test_parse_assignment():
    assert vv.parse_assignment("a=b=c") == ("a", "b=c")
    assert vv.parse_assignment("contact.id=") == ("contact.id", "")
    assert vv.parse_assignment("{{x}}=1") == ("x", "1")
    with pytest.raises(v.VariablesError, match="expected NAME=VALUE"):
        vv.parse_assignment("novalue")
    with pytest.raises(v.VariablesError, match="not a variable name"):
        vv.parse_assignment("1x=2")


def test_env_file(tmp_path):
    path = tmp_path / "bot.env"
    path.write_text(
        "# secrets\n"
        "export DOUBLETICK_API_KEY=key_abc # trailing comment\n"
        "single='a $b #c'\n"
        'double="line1\\nline2 \\"q\\""\n'
        'multi="one\ntwo"\n'
        "empty=\n"
        "\n"
        "url=https://x.example/a#b\n"
    )
    assert vv.read_file(path) == {
        "DOUBLETICK_API_KEY": "key_abc",
        "single": "a $b #c",
        "double": 'line1\nline2 "q"',
        "multi": "one\ntwo",
        "empty": "",
        "url": "https://x.example/a#b",
    }


@pytest.mark.parametrize(
    "text, where",
    [
        ("a=1\nno equals here\n", ":2: expected NAME=VALUE"),
        ("a=1\n\nb='open\n", ":3: unclosed single quote"),
        ('c="open\n', ":1: unclosed double quote"),
        ("1a=2\n", ":1: '1a' is not a variable name"),
        ("a='x' y\n", ":1: text after the closing quote"),
    ],
)
def test_env_file_errors_say_file_and_line(tmp_path, text, where):
    path = tmp_path / "vars.env"
    path.write_text(text)
    with pytest.raises(v.VariablesError) as info:
        vv.read_file(path)
    assert str(info.value) == f"{path}{where}" or str(info.value).startswith(f"{path}{where}")


def test_json_file(tmp_path):
    path = tmp_path / "vars.json"
    path.write_text('{"customer_phone": "919876543210", "contact": {"id": 7, "vip": true}}')
    assert vv.read_file(path) == {
        "customer_phone": "919876543210",
        "contact.id": "7",
        "contact.vip": "true",
    }


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"a": 1,\n "b": null}', ":2: b is null"),
        ('{"a": [1]}', ":1: a is a list"),
        ('{"a": 1,\n}', ":2:1: not JSON"),
        ("[1]", ":1: expected a JSON object"),
        ('{"a b": "x"}', ":1: 'a b' is not a variable name"),
    ],
)
def test_json_file_errors(tmp_path, text, message):
    path = tmp_path / "vars.json"
    path.write_text(text)
    with pytest.raises(v.VariablesError, match=re.escape(message)):
        vv.read_file(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(v.VariablesError, match="cannot read"):
        vv.read_file(tmp_path / "nope.env")


def test_options_win_over_files(tmp_path):
    path = tmp_path / "v.env"
    path.write_text("a=1\nb=2\n")
    assert vv.read_values(["b=3"], [path]) == {"a": "1", "b": "3"}


@given(st.dictionaries(names, st.text().filter(lambda s: "\x00" not in s), max_size=6))
def test_env_file_round_trip_of_any_value(tmp_path_factory, mapping):
    # Any value written single-quoted (no ' inside) or double-quoted with escapes comes back.
    lines = []
    for name, value in mapping.items():
        escaped = "".join(
            {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}.get(c, c) for c in value
        )
        lines.append(f'{name}="{escaped}"')
    path = tmp_path_factory.mktemp("env") / "v.env"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    assert vv.read_file(path) == mapping
