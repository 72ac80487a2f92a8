"""``--var NAME=VALUE`` and ``--vars FILE`` fill a command's variables before it is rendered.

The oracle is real bash running real curl against the loopback recorder: whatever
the names and values (quotes, ``$(...)``, backticks, newlines, control bytes,
unicode), ``botkit curl`` and ``botkit export`` either print a command that sends
exactly those values and runs nothing else (no canary file appears), or refuse with
one ``botkit: error:`` line and exit 2.
"""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote

import click
import pytest
from click.testing import CliRunner, Result
from conftest import ROOT
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from loopback import RecordingServer, run_bash, send_with_curl
from test_paste_safety import ATTACKS, CANARY

from botkit.cli import main
from botkit.variables import NAME_PATTERN

UNSET = {"DOUBLETICK_API_KEY": None, "UNBLU_USER": None, "UNBLU_TOKEN": None}
BASE = "http://unblu.example.com/app/rest/v4"


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    command = click.Command("botkit", callback=lambda: main(list(args)))
    return CliRunner().invoke(command, [], env={**UNSET, **(env or {})})


def one_error(result: Result) -> str:
    """The single ``botkit: error:`` line of a refused command (exit 2, no traceback)."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    [line] = result.stderr.splitlines()
    assert line.startswith("botkit: error: ")
    return line


# --- values: hostile, but of a kind every field can carry ---------------------------------

_char = st.one_of(
    st.sampled_from(list(string.printable.replace("{", "").replace("}", ""))),
    st.characters(min_codepoint=1, max_codepoint=0x9F, exclude_characters="{}"),
    st.sampled_from(["é", "\u2028", "\u00a0", "😀", "\u202e"]),
)
value = st.lists(st.one_of(st.sampled_from(ATTACKS), st.text(_char, max_size=8)), max_size=4).map(
    "".join
)
names = st.from_regex(NAME_PATTERN, fullmatch=True).filter(lambda n: len(n) <= 30)


def env_quoted(text: str) -> str:
    """``text`` as a double-quoted .env value (the escapes botkit's reader understands)."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$")
    return '"' + out.replace("\n", "\\n").replace("\r", "\\r") + '"'


def vars_file(tmp: Path, values: dict[str, str], kind: str) -> str:
    if kind == "json":
        path = tmp / "vars.json"
        path.write_text(json.dumps(values), encoding="utf-8")
    else:
        path = tmp / "vars.env"
        lines = [f"{name}={env_quoted(text)}" for name, text in values.items()]
        path.write_text("# filled by the test\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def sent_once(script: str, server: RecordingServer, cwd: Path) -> Any:
    [sent] = send_with_curl(script, server, cwd)
    assert not (cwd / CANARY).exists(), "a value ran a command"
    return sent


# --- botkit curl ----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    path_name=names,
    body_name=names,
    path_value=value.filter(bool),
    body_value=value.filter(bool),
    kind=st.sampled_from(["json", "env"]),
    style=st.sampled_from(["readme", "oneline"]),
)
def test_curl_fills_var_and_vars_and_they_arrive_exactly(
    recording_server, tmp_path_factory, path_name, body_name, path_value, body_value, kind, style
):
    assume(path_name != body_name and "UNBLU" not in path_name + body_name)
    tmp = tmp_path_factory.mktemp("fill")
    result = run(
        "curl",
        "unblu.set-assignee",
        "--base-url",
        "{{base}}/app/rest/v4",
        "--conversation-id",
        "{{" + path_name + "}}",
        "--person-id",
        "{{ " + body_name + " }}",
        "--style",
        style,
        "--var",
        "base=http://unblu.example.com",
        "--var",
        f"{path_name}={path_value}",
        "--vars",
        vars_file(tmp, {body_name: body_value}, kind),
        "--var",
        "UNBLU_TOKEN=tok-1",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # everything filled: no warning
    sent = sent_once(result.stdout, recording_server, tmp)
    assert sent.method == "POST"
    prefix, suffix = "/app/rest/v4/conversations/", "/setAssigneePerson"
    assert sent.path.startswith(prefix) and sent.path.endswith(suffix)
    assert unquote(sent.path[len(prefix) : -len(suffix)], errors="surrogateescape") == path_value
    assert json.loads(sent.body) == {"personId": body_value}
    assert sent.header("Authorization") == "Bearer tok-1"


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(name=names, text=st.text(st.characters(exclude_categories=["Cs"]), max_size=12))
def test_curl_any_filled_value_prints_a_command_or_one_error(
    recording_server, tmp_path_factory, name, text
):
    """Any value at all, in every kind of parameter (phone, UUID, enum, base URL, key):
    a command that runs nothing, or one clear refusal."""
    tmp = tmp_path_factory.mktemp("any")
    for option, api in [
        ("--customer-phone-number", "doubletick.assign-chat"),
        ("--api-key", "doubletick.assign-chat"),
        ("--base-url", "doubletick.assign-chat"),
        ("--ai-contact-id", "vambe.assign-team-member"),
        ("--team-member-id", "vambe.assign-team-member"),
    ]:
        fixed = (
            ["--assigned-user-phone-number", "919812345678"]
            if api.startswith("doubletick")
            else ["--ai-contact-id", "3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c"]
        )
        if option in fixed:
            fixed = ["--team-member-id", "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"]
        if option != "--customer-phone-number" and api.startswith("doubletick"):
            fixed += ["--customer-phone-number", "919876543210"]
        path = vars_file(tmp, {name: text}, "json")
        result = run("curl", api, option, "{{" + name + "}}", *fixed, "--vars", path)
        if result.exit_code != 0:
            one_error(result)
            continue
        run_bash(result.stdout.replace("https://", "http://"), recording_server, tmp)
        recording_server.take()
        assert not (tmp / CANARY).exists()


def test_a_filled_phone_is_checked_like_a_typed_one():
    result = run(
        "curl",
        "doubletick.assign-chat",
        "--customer-phone-number",
        "{{customer_phone}}",
        "--assigned-user-phone-number",
        "919812345678",
        "--var",
        "customer_phone=9876543210",
    )
    line = one_error(result)
    assert "--customer-phone-number (customerPhoneNumber)" in line
    assert "country code" in line and "filled in from {{customer_phone}}" in line
    result = run(
        "curl",
        "doubletick.assign-chat",
        "--customer-phone-number",
        "{{customer_phone}}",
        "--assigned-user-phone-number",
        "919812345678",
        "--var",
        "customer_phone=+91 98765 43210",
        "--api-key",
        "key_1",
        "--style",
        "oneline",
    )
    assert result.exit_code == 0 and result.stderr == ""
    assert '"customerPhoneNumber":"919876543210"' in result.stdout


def test_filled_enum_uuid_and_base_url_are_checked():
    line = one_error(
        run(
            "curl",
            "vambe.assign-team-member",
            "--ai-contact-id",
            "{{contact.id}}",
            "--team-member-id",
            "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b",
            "--var",
            "contact.id=42",
        )
    )
    assert "not a UUID" in line and "{{contact.id}}" in line
    line = one_error(
        run(
            "curl",
            "unblu.set-assignee",
            "--base-url",
            "{{base}}",
            "--conversation-id",
            "c",
            "--person-id",
            "p",
            "--var",
            "base=$(touch x)",
        )
    )
    assert line.startswith("botkit: error: --base-url:") and "{{base}}" in line


def test_a_variable_left_unfilled_is_a_warning_and_with_strict_an_error():
    args = [
        "curl",
        "doubletick.assign-chat",
        "--customer-phone-number",
        "{{customer_phone}}",
        "--assigned-user-phone-number",
        "{{agent_phone}}",
        "--api-key",
        "key_1",
        "--var",
        "customer_phone=919876543210",
    ]
    result = run(*args)
    assert result.exit_code == 0
    assert result.stderr == (
        "botkit: warning: {{agent_phone}} has no value "
        "(give one with --var or --vars); left as written\n"
    )
    assert '"assignedUserPhoneNumber":"{{agent_phone}}"' in result.stdout.replace(" ", "")
    line = one_error(run(*args, "--strict"))
    assert "{{agent_phone}} has no value" in line and "--strict" in line
    # --strict alone: the command must be complete, nothing left to fill
    line = one_error(run(*args[:-2], "--strict"))
    assert "{{customer_phone}}, {{agent_phone}} have no value" in line
    # without --var, --vars or --strict: a command for a bot, silent as before
    assert run(*args[:-2]).stderr == ""


def test_credentials_from_the_environment_as_before_else_from_the_naming_rule():
    base = [
        "curl",
        "doubletick.unassign-chat",
        "--customer-phone-number",
        "919876543210",
        "--style",
        "oneline",
    ]
    from_env = run(
        *base, "--var", "DOUBLETICK_API_KEY=from-var", env={"DOUBLETICK_API_KEY": "env-key"}
    )
    assert "'Authorization: env-key'" in from_env.stdout
    from_var = run(*base, "--var", "DOUBLETICK_API_KEY=from-var")
    assert "'Authorization: from-var'" in from_var.stdout and from_var.stderr == ""
    option = run(*base, "--api-key", "{{k}}", "--var", "k=opt-key")
    assert "'Authorization: opt-key'" in option.stdout
    refused = one_error(run(*base, "--var", "DOUBLETICK_API_KEY=a\nb"))
    assert "--api-key: contains a line break" in refused and "a\nb" not in refused
    unblu = run(
        "curl",
        "unblu.set-assignee",
        "--base-url",
        BASE,
        "--conversation-id",
        "c",
        "--person-id",
        "p",
        "--var",
        "UNBLU_USER=admin",
        "--var",
        "UNBLU_PASSWORD=s3cret:x",
        "--style",
        "oneline",
    )
    assert unblu.exit_code == 0, unblu.stderr
    assert " -u admin:s3cret:x " in unblu.stdout


def test_format_component_holds_the_filled_values():
    result = run(
        "curl",
        "unblu.set-assignee",
        "--base-url",
        BASE,
        "--conversation-id",
        "{{cid}}",
        "--person-id",
        "{{pid}}",
        "--token",
        "{{UNBLU_TOKEN}}",
        "--format",
        "component",
        "--var",
        "cid=c/1",
        "--var",
        "pid=p 2",
    )
    assert result.exit_code == 0
    component = json.loads(result.stdout)
    assert component["url"] == BASE + "/conversations/c%2F1/setAssigneePerson"
    assert json.loads(component["body"]["text"]) == {"personId": "p 2"}
    assert {"name": "Authorization", "value": "Bearer {{UNBLU_TOKEN}}"} in component["headers"]
    assert "{{UNBLU_TOKEN}} has no value" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--var", "novalue"], "--var 'novalue': expected NAME=VALUE"),
        (["--var", "1x=2"], "--var '1x': not a variable name"),
        (["--vars", "missing.env"], "--vars missing.env: cannot read"),
    ],
)
def test_unreadable_values_are_one_error(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = one_error(
        run("curl", "doubletick.unassign-chat", "--customer-phone-number", "{{p}}", *args)
    )
    assert message in line


def test_a_vars_file_error_names_its_line(tmp_path):
    path = tmp_path / "session.env"
    path.write_text("# values\ncustomer_phone=919876543210\nnot a line\n")
    line = one_error(run("export", "-", "--vars", str(path)))
    assert f"{path}:3: expected NAME=VALUE" in line


# --- botkit export --------------------------------------------------------------------------

COMPONENT = {
    "type": "call_api",
    "name": "Note",
    "method": "POST",
    "url": "{{base}}/notes/{{note_id}}",
    "headers": [
        {"name": "Content-Type", "value": "application/json"},
        {"name": "X-Note", "value": "n={{header_text}}"},
    ],
    "query": [{"name": "q", "value": "{{query_text}}"}],
    "body": {"text": '{"text": "{{body_text}}", "count": {{count}}}'},
}


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    path_value=value.filter(bool),
    query_value=value,
    header_value=value.map(lambda s: s.replace("\r", "").replace("\n", "").replace("\x00", "")),
    body_value=value,
    count=st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.booleans(),
    kind=st.sampled_from(["json", "env"]),
    style=st.sampled_from(["readme", "oneline"]),
)
def test_export_fills_each_field_and_values_arrive_exactly(
    recording_server,
    tmp_path_factory,
    path_value,
    query_value,
    header_value,
    body_value,
    count,
    kind,
    style,
):
    header_value = header_value.strip(" \t")
    assume(path_value not in (".", ".."))  # the recorder (http.server) folds dot segments
    tmp = tmp_path_factory.mktemp("export")
    component_path = tmp / "component.json"
    component_path.write_text(json.dumps(COMPONENT))
    values = {"body_text": body_value, "header_text": header_value, "query_text": query_value}
    result = run(
        "export",
        str(component_path),
        "--style",
        style,
        "--vars",
        vars_file(tmp, values, kind),
        "--var",
        "base=http://api.example.com/v1/",
        "--var",
        f"note_id={path_value}",
        "--var",
        f"count={json.dumps(count)}",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    sent = sent_once(result.stdout, recording_server, tmp)
    assert sent.path.startswith("/v1/notes/")
    assert unquote(sent.path[len("/v1/notes/") :], errors="surrogateescape") == path_value
    assert parse_qsl(sent.query, keep_blank_values=True, errors="surrogateescape") == [
        ("q", query_value)
    ]
    assert sent.header("X-Note") == "n=" + header_value
    assert json.loads(sent.body) == {"text": body_value, "count": count}


def test_export_fills_a_bot_step_and_warns_of_what_is_left(tmp_path):
    bot = json.loads((ROOT / "samples/bots/doubletick-sales-handoff.json").read_text())
    path = tmp_path / "bot.json"
    path.write_text(json.dumps(bot))
    result = run("export", str(path), "--style", "oneline")
    assert result.exit_code == 0 and "has no value" not in result.stderr  # nothing asked to fill
    used = sorted({n for n in _variables(result.stdout)})
    assert used, "the sample bot uses variables"
    filled = run("export", str(path), "--style", "oneline", "--var", f"{used[0]}=X1")
    assert filled.exit_code == 0
    assert "{{" + used[0] + "}}" not in filled.stdout
    for name in used[1:]:
        assert f"{{{{{name}}}}} has no value" in filled.stderr
    assert all(
        line.startswith(f"botkit: warning: {path}:$.steps[") for line in filled.stderr.splitlines()
    )
    strict = one_error(run("export", str(path), "--strict"))
    assert "--strict" in strict and "$.steps[" in strict


def _variables(text: str) -> list[str]:
    from botkit.variables import find

    return [v.name for v in find(text)]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"count": '1, "admin": true'}, "{{count}} stands outside a JSON string in the body"),
        (
            {"header_text": "a\r\nX-Admin: 1"},
            "{{header_text}} (in header X-Note): the value holds a line break",
        ),
        ({"base": "ftp://h"}, "{{base}} starts the URL, so it must be an http(s) URL"),
        (
            {"header_text": " padded "},
            "X-Note: with its variables filled in, the value starts or ends",
        ),
    ],
)
def test_export_refuses_what_a_field_cannot_carry(values, message, tmp_path):
    component_path = tmp_path / "component.json"
    component_path.write_text(json.dumps(COMPONENT))
    line = one_error(
        run("export", str(component_path), "--vars", vars_file(tmp_path, values, "json"))
    )
    assert message in line
    assert line.startswith(f"botkit: error: {component_path}: $: ")
    for secret in values.values():
        assert secret.strip() not in line  # a value may be a secret: never echoed


def test_export_strict_also_refuses_what_the_format_cannot_hold(tmp_path):
    component = {
        **COMPONENT,
        "url": "http://h/x",
        "query": [],
        "headers": [],
        "body": {"multipart": [{"name": "f", "file": "a.txt"}]},
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps(component))
    loose = run("export", str(path), "--format", "har")
    strict = run("export", str(path), "--format", "har", "--strict")
    if loose.stderr:
        assert one_error(strict).endswith("(--strict)")
    else:
        assert strict.exit_code == 0


@pytest.mark.parametrize(
    ("bot", "values", "message"),
    [
        (
            "doubletick-sales-handoff.json",
            ["customer_phone=9876543210"],
            "$.steps[2].component: customerPhoneNumber: '9876543210' has no valid country code",
        ),
        (
            "vambe-lead-routing.json",
            ["contact.id=42", "owner_id=0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"],
            "aiContactId: '42' is not a UUID",
        ),
    ],
)
def test_export_judges_a_filled_value_by_the_catalog(bot, values, message):
    """A component is sent as written, but a value filled into a catalog API's parameter
    is checked like one typed into ``botkit curl``: a phone needs its country code."""
    args = [a for v in values for a in ("--var", v)]
    line = one_error(run("export", str(ROOT / "samples/bots" / bot), *args))
    assert message in line and "(filled in from {{" in line


@pytest.mark.parametrize("style", ["readme", "oneline"])
def test_every_attack_filled_in_and_typed_into_a_terminal_runs_nothing(
    style, recording_server, tmp_path
):
    """Each hostile value of the paste-safety suite, filled into every field of a
    component and into ``botkit curl``, then typed into an interactive bash (every
    control character a key, history expansion on): the same request, nothing run."""
    from typed import type_into_bash

    for attack in ATTACKS:
        line = attack.replace("\r", "").replace("\n", "").replace("\x00", "").strip(" \t")
        values = {
            "note_id": attack,
            "query_text": attack,
            "header_text": line,
            "body_text": attack,
            "count": "1",
            "base": "http://api.example.com/v1",
        }
        component_path = tmp_path / "component.json"
        component_path.write_text(json.dumps(COMPONENT))
        exported = run(
            "export", str(component_path), "--style", style,
            "--vars", vars_file(tmp_path, values, "json"),
        )  # fmt: skip
        assert exported.exit_code == 0, (attack, exported.stderr)
        generated = run(
            "curl", "unblu.set-assignee", "--base-url", BASE, "--style", style,
            "--conversation-id", "{{c}}", "--person-id", "{{p}}", "--token", "t",
            "--vars", vars_file(tmp_path, {"c": attack, "p": attack}, "json"),
        )  # fmt: skip
        assert generated.exit_code == 0, (attack, generated.stderr)
        for which, text in (("export", exported.stdout), ("curl", generated.stdout)):
            recording_server.take()
            shown = type_into_bash(text, recording_server, tmp_path, timeout=120)
            assert "bash: " not in shown, shown[-1000:]
            [sent] = recording_server.take()
            assert not (tmp_path / CANARY).exists(), attack
            if which == "export":
                assert json.loads(sent.body) == {"text": attack, "count": 1}
                assert sent.header("X-Note") == "n=" + line
                assert unquote(sent.path.removeprefix("/v1/notes/")) == attack
                assert parse_qsl(sent.query, keep_blank_values=True) == [("q", attack)]
            else:
                assert json.loads(sent.body) == {"personId": attack}
                assert unquote(sent.path.split("/")[-2]) == attack


@pytest.mark.parametrize("kind", ["character device", "named pipe", "directory", "too large"])
def test_a_vars_file_that_is_no_regular_file_is_refused_at_once(kind, tmp_path):
    """Regression: ``--vars /dev/zero`` read for ever.  Any file that is not a regular one
    (a device, a named pipe, a folder), or is too big, is one error, without waiting."""
    import os

    if kind == "character device":
        path = "/dev/zero"
    elif kind == "named pipe":
        path = str(tmp_path / "fifo")
        os.mkfifo(path)
    elif kind == "directory":
        path = str(tmp_path)
    else:
        path = str(tmp_path / "big.env")
        Path(path).write_text("a=" + "x" * (1024 * 1024 + 1))
    line = one_error(run("export", "-", "--vars", path))
    assert f"--vars {path}" in line or "is a directory" in line
