"""Recipes: scripts that real bash runs, sending each procedure's calls in order."""

from __future__ import annotations

import base64
import json

import pytest
from cli_run import botkit
from loopback import run_bash

from botkit import schemas
from botkit.errors import ParamError
from botkit.recipes import RECIPES_FILE, load_recipes, render_recipe

BASE = "http://unblu.test/app/rest/v4"


def _run(script, server, tmp_path, env):
    server.take()
    result = run_bash(script, server, tmp_path, extra_env=env)
    return result, server.take()


def test_recipes_file_is_schema_valid():
    import tomllib

    assert schemas.best_problem("recipe", tomllib.loads(RECIPES_FILE.read_text())) is None
    assert set(load_recipes()) == {
        "unblu.forward",
        "unblu.reassign-keep-previous",
        "unblu.reassign-to-participant",
    }


def test_keep_previous_adds_then_assigns_with_basic_auth(recording_server, tmp_path):
    script = render_recipe(
        load_recipes()["unblu.reassign-keep-previous"],
        {"conversationId": "c/1", "personId": "p-2"},
        base_url=BASE,
    )
    assert script.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in script
    result, sent = _run(script, recording_server, tmp_path, {"UNBLU_USER": "admin:pa ss"})
    assert result.returncode == 0, result.stderr
    assert [r.path for r in sent] == [
        "/app/rest/v4/conversations/c%2F1/addParticipant",
        "/app/rest/v4/conversations/c%2F1/setAssigneePerson",
    ]
    assert all(r.method == "POST" for r in sent)
    assert [json.loads(r.body) for r in sent] == [{"personId": "p-2"}, {"personId": "p-2"}]
    basic = "Basic " + base64.b64encode(b"admin:pa ss").decode()
    assert all(r.header("Authorization") == basic for r in sent)


def test_reassign_to_participant_runs_optional_steps_only_when_asked(recording_server, tmp_path):
    recipe = load_recipes()["unblu.reassign-to-participant"]
    full = render_recipe(
        recipe,
        {
            "conversationId": "c1",
            "personId": "p-new",
            "unhide": True,
            "previousPersonId": "p-old",
            "offboardReason": "USER_CHANGED",
            "awaitedPersonType": "AGENT",
        },
        base_url=BASE,
        auth="bearer",
    )
    result, sent = _run(full, recording_server, tmp_path, {"UNBLU_TOKEN": "tok"})
    assert result.returncode == 0, result.stderr
    assert [r.path.rsplit("/", 1)[1] for r in sent] == [
        "changeParticipantVisibility",
        "setAssigneePerson",
        "offboardParticipant",
        "setAwaitedPersonType",
    ]
    assert json.loads(sent[0].body) == {"personId": "p-new", "hidden": False}
    assert json.loads(sent[2].body) == {"personId": "p-old", "reason": "USER_CHANGED"}
    assert all(r.header("Authorization") == "Bearer tok" for r in sent)

    minimal = render_recipe(recipe, {"conversationId": "c1", "personId": "p-new"}, base_url=BASE)
    result, sent = _run(minimal, recording_server, tmp_path, {"UNBLU_USER": "a:b"})
    assert [r.path.rsplit("/", 1)[1] for r in sent] == ["setAssigneePerson"]


def test_forward_sends_the_comment(recording_server, tmp_path):
    script = render_recipe(
        load_recipes()["unblu.forward"],
        {"conversationId": "c1", "agentPersonId": "p9", "comment": "it's yours $(now)"},
        base_url=BASE,
    )
    result, [sent] = _run(script, recording_server, tmp_path, {"UNBLU_USER": "a:b"})
    assert result.returncode == 0, result.stderr
    assert json.loads(sent.body) == {
        "conversationId": "c1",
        "agentPersonId": "p9",
        "comment": "it's yours $(now)",
    }


def test_script_refuses_to_run_without_credentials(recording_server, tmp_path):
    script = render_recipe(
        load_recipes()["unblu.forward"],
        {"conversationId": "c", "agentPersonId": "p"},
        base_url=BASE,
    )
    result, sent = _run(script, recording_server, tmp_path, {})
    assert result.returncode != 0 and sent == []
    assert b"UNBLU_USER" in result.stderr


def test_script_stops_at_the_first_failed_call(tmp_path):
    import subprocess

    script = render_recipe(
        load_recipes()["unblu.reassign-keep-previous"],
        {"conversationId": "c", "personId": "p"},
        base_url="http://127.0.0.1:9/app/rest/v4",  # discard port: nothing listens
    )
    result = subprocess.run(
        ["bash", "-c", script],
        env={"UNBLU_USER": "a:b", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode != 0
    assert b"step 2/2" not in result.stderr


def test_recipe_errors_name_the_recipe_option():
    with pytest.raises(ParamError, match="--person-id"):
        render_recipe(
            load_recipes()["unblu.reassign-keep-previous"], {"conversationId": "c"}, base_url=BASE
        )


def test_recipe_cli_prints_the_script():
    result = botkit(
        "recipe",
        "unblu.reassign-keep-previous",
        "--base-url",
        BASE,
        "--conversation-id",
        "c1",
        "--person-id",
        "p2",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("curl --request POST") == 2
    assert '--user "$UNBLU_USER"' in result.stdout


def test_the_reader_reads_every_call_of_a_recipe_script():
    from botkit.curl import read_curl_script

    script = render_recipe(
        load_recipes()["unblu.reassign-keep-previous"],
        {"conversationId": "c1", "personId": "p2"},
        base_url="https://unblu.example.com/app/rest/v4",
    )
    reads = read_curl_script(script)
    assert [r.request.url.rsplit("/", 1)[1] for r in reads] == [
        "addParticipant",
        "setAssigneePerson",
    ]
    lines = script.splitlines()
    for read in reads:
        assert lines[read.line - 1][read.column - 1 :].startswith("curl ")
    assert all(r.request.auth.username == "{{UNBLU_USER}}" for r in reads)


def test_a_broken_continuation_in_a_script_is_still_an_error():
    from botkit.curl import read_curl_script
    from botkit.errors import InputError

    with pytest.raises(InputError, match="not part of the curl command"):
        read_curl_script("echo go\ncurl https://h.example/x -X POST\n  -H 'A: b'\n")


def test_generated_recipes_lint_without_errors(tmp_path):
    from botkit.lint import LintConfig, lint_paths

    script = render_recipe(
        load_recipes()["unblu.reassign-to-participant"],
        {"conversationId": "c1", "personId": "p2", "previousPersonId": "p1"},
        base_url="https://unblu.example.com/app/rest/v4",
    )
    path = tmp_path / "reassign.sh"
    path.write_text(script)
    findings = list(lint_paths([str(path)], LintConfig()))
    assert findings == []  # issue 11: botkit's own scripts lint clean, warnings included
    # Each call is linted on its own: with a placeholder password planted in every call,
    # each call's finding sits on that call's own lines.
    planted = tmp_path / "planted.sh"
    planted.write_text(script.replace('"$UNBLU_USER"', "'admin:YOUR_PASSWORD'"))
    findings = list(lint_paths([str(planted)], LintConfig()))
    curl_lines = [n for n, line in enumerate(script.splitlines(), 1) if line.startswith("curl ")]
    assert {f.line for f in findings} <= set(range(curl_lines[0], len(script.splitlines()) + 1))
    assert len({f.line for f in findings}) == len(curl_lines)
