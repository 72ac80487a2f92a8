"""Hostile HAR, Postman and PowerShell input: a request or one located InputError line,
never another exception; the command line exits 0 or 2 with no traceback."""

from __future__ import annotations

import json

import click
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from botkit.cli import main
from botkit.convert import import_text, to_curl
from botkit.errors import InputError

SAMPLES = sorted(
    p.read_text(encoding="utf-8")
    for folder in ("har", "postman", "powershell")
    for p in (ROOT / "samples" / folder).iterdir()
)
_JSON_BITS = st.sampled_from(
    ['"', "{", "}", "[", "]", ",", ":", "null", "true", "1", '"x"', "\\", "`", "@{", "$", "\n"]
)


def _survives(text: str) -> None:
    try:
        imported = import_text(text, source="<fuzz>", all_commands=True)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    document = imported.document
    for component in document if isinstance(document, list) else [document]:
        to_curl(component)
    assert all("\n" not in w for w in imported.warnings)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            text = text[:at] + draw(_JSON_BITS | st.text(max_size=3)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + text[at : at + 30] + text[at:]
    return text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@st.composite
def shaped(draw: st.DrawFn) -> str:
    """Documents with the right top-level keys and anything below them."""
    kind = draw(st.sampled_from(["har", "postman"]))
    if kind == "har":
        entries = draw(
            st.lists(st.fixed_dictionaries({"request": json_values}) | json_values, max_size=3)
        )
        return json.dumps({"log": {"entries": entries}})
    items = draw(
        st.lists(
            st.fixed_dictionaries({"request": json_values})
            | st.fixed_dictionaries({"item": json_values, "auth": json_values})
            | json_values,
            max_size=3,
        )
    )
    return json.dumps({"info": {"name": "x"}, "item": items, "auth": draw(json_values)})


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated())
def test_mutated_samples(text: str) -> None:
    _survives(text)


def test_a_missing_argument_in_powershell_is_a_located_error() -> None:
    """Found by test_mutated_samples: two commas in a row once failed an assertion."""
    text = (
        "$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n"
        '$session.Cookies.Add((New-Object System.Net.Cookie("session_id",, "h.example")))\n'
        'Invoke-WebRequest -Uri "https://h.example/x" -WebSession $session\n'
    )
    _survives(text)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(shaped())
def test_documents_of_the_right_shape_and_any_content(text: str) -> None:
    _survives(text)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated())
def test_the_command_line_exits_0_or_2_with_one_line(text: str) -> None:
    command = click.Command("botkit", callback=lambda: main(["import", "--all"]))
    result = CliRunner().invoke(command, [], input=text.encode())
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert all(line.startswith(("botkit: warning: ", "botkit: error: ")) for line in lines)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    json_values
    | st.lists(json_values, max_size=3)
    | st.fixed_dictionaries({"name": json_values, "steps": json_values})
    | st.sampled_from(SAMPLES).map(lambda t: json.loads(t) if t.lstrip()[:1] == "{" else t),
    st.sampled_from(["curl", "postman", "har"]),
    st.lists(st.text(max_size=4), max_size=2).map(tuple),
)
def test_export_of_any_json_is_output_or_one_line(document: object, to: str, steps: tuple) -> None:
    from botkit.convert import export_document

    try:
        export_document(document, to=to, steps=steps)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)


def test_a_warning_quoting_a_line_break_stays_one_line() -> None:
    """Found by test_mutated_samples: a cookie whose domain holds a line break."""
    text = (
        "$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n"
        '$session.Cookies.Add((New-Object System.Net.Cookie("s", "v", "/", "\nexample.test")))\n'
        'Invoke-WebRequest -UseBasicParsing -Uri "https://public.doubletick.io/x" `\n'
        "-WebSession $session\n"
    )
    warnings = import_text(text, source="<t>", all_commands=True).warnings
    assert any("cookie s" in w and "\\nexample.test" in w for w in warnings), warnings
    assert all("\n" not in w for w in warnings)
