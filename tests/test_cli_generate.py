"""The CLI as users meet it: options from the catalog, one-line errors, exit statuses."""

from __future__ import annotations

import json

import pytest
from cli_run import botkit

from botkit import __version__
from botkit.catalog import load_catalog


def test_version_and_help(tmp_path):
    result = botkit("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"botkit, version {__version__}"
    result = botkit("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("apis", "curl", "recipe"):
        assert command in result.stdout


def test_apis_lists_every_id_and_json_is_machine_readable():
    listing = botkit("apis")
    assert listing.returncode == 0
    for api in load_catalog():
        assert api.id in listing.stdout
    entries = json.loads(botkit("apis", "--json").stdout)
    assert [e["id"] for e in entries] == load_catalog().ids()
    assert entries[0]["params"][0]["option"].startswith("--")


def test_apis_show_prints_parameters_with_help():
    result = botkit("apis", "show", "doubletick.add-collaborators")
    assert result.returncode == 0
    assert "--agent-numbers" in result.stdout and "repeat for several" in result.stdout


def test_curl_subcommand_help_lists_the_api_parameters():
    result = botkit("curl", "vambe.assign-team-member", "--help")
    assert result.returncode == 0
    for option in ("--ai-contact-id", "--team-member-id", "--remove-existing-agents", "--api-key"):
        assert option in result.stdout
    assert "VAMBE_API_KEY" in result.stdout


def test_repeatable_list_option_and_boolean_flag():
    result = botkit(
        "curl",
        "doubletick.add-collaborators",
        "--from",
        "919000000000",
        "--to",
        "919876543210",
        "--agent-numbers",
        "919812345678",
        "--agent-numbers",
        "+44 7911 123456",
        "--api-key",
        "key_abc",
        "--style",
        "oneline",
    )
    assert result.returncode == 0, result.stderr
    assert '"agentNumbers":["919812345678","447911123456"]' in result.stdout
    result = botkit(
        "curl",
        "doubletick.assign-chat",
        "--group-id",
        "g",
        "--assigned-user-phone-number",
        "919812345678",
        "--no-reassign",
        "--style",
        "oneline",
        "--api-key",
        "k",
    )
    assert '"reassign":false' in result.stdout


def test_api_key_falls_back_to_the_environment():
    result = botkit(
        "curl",
        "vambe.assign-team-member",
        "--ai-contact-id",
        "3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c",
        "--team-member-id",
        "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b",
        env={"VAMBE_API_KEY": "vk_live_123"},
    )
    assert result.returncode == 0
    assert "--header 'x-api-key: vk_live_123'" in result.stdout
    assert result.stderr == ""


def test_no_key_writes_a_variable_and_says_so_on_stderr():
    result = botkit("curl", "doubletick.unassign-chat", "--customer-phone-number", "919876543210")
    assert result.returncode == 0
    assert "'Authorization: {{DOUBLETICK_API_KEY}}'" in result.stdout
    assert "DOUBLETICK_API_KEY" in result.stderr and "note" in result.stderr


def test_component_format_is_schema_valid():
    from botkit.schemas import best_problem

    result = botkit(
        "curl",
        "unblu.set-assignee",
        "--base-url",
        "https://u.example/app/rest/v4",
        "--conversation-id",
        "c1",
        "--person-id",
        "p1",
        "--format",
        "component",
        "--name",
        "Assign advisor",
        "--token",
        "tok",
    )
    assert result.returncode == 0, result.stderr
    component = json.loads(result.stdout)
    assert best_problem("component", component) is None
    assert component["api"] == "unblu.set-assignee" and component["name"] == "Assign advisor"
    assert {"name": "Authorization", "value": "Bearer tok"} in component["headers"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (
            [
                "curl",
                "doubletick.assign-chat",
                "--customer-phone-number",
                "9876543210",
                "--assigned-user-phone-number",
                "919812345678",
            ],
            "--customer-phone-number",
        ),
        (
            [
                "curl",
                "unblu.offboard-participant",
                "--base-url",
                "https://u.example",
                "--conversation-id",
                "c",
                "--person-id",
                "p",
                "--reason",
                "LEFT",
            ],
            "--reason",
        ),
        (
            ["curl", "vambe.assign-team-member", "--ai-contact-id", "1", "--team-member-id", "2"],
            "--ai-contact-id",
        ),
        (
            ["curl", "doubletick.assign-customer", "--customer-phone-number", "919876543210"],
            "--assigned-user-phone-number",
        ),
        (
            ["curl", "unblu.set-assignee", "--conversation-id", "c", "--person-id", "p"],
            "--base-url",
        ),
        (["curl", "doubletick.asign-chat"], "did you mean doubletick.assign-chat"),
        (["curl", "doubletick.assign-chat", "--bogus"], "--bogus"),
        (
            [
                "recipe",
                "unblu.reassign-keep-previous",
                "--conversation-id",
                "c",
                "--person-id",
                "p",
            ],
            "--base-url",
        ),
        (["lintt"], "no such command"),
    ],
)
def test_bad_usage_is_one_line_exit_2_naming_the_parameter(args, fragment):
    result = botkit(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("botkit: error: ") and fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_closed_pipe_is_not_a_traceback():
    import subprocess
    import sys

    result = subprocess.run(
        f"'{sys.executable}' -m botkit apis | head -c 10 >/dev/null",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr


def test_shell_completion_offers_api_ids_and_their_options():
    ids = botkit(
        env={
            "_BOTKIT_COMPLETE": "bash_complete",
            "COMP_WORDS": "botkit curl doubletick.as",
            "COMP_CWORD": "2",
        },
    )
    assert "plain,doubletick.assign-chat" in ids.stdout.splitlines()
    options = botkit(
        env={
            "_BOTKIT_COMPLETE": "bash_complete",
            "COMP_WORDS": "botkit curl doubletick.assign-chat --re",
            "COMP_CWORD": "3",
        },
    )
    assert "plain,--reassign" in options.stdout.splitlines()
