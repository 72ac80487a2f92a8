"""``botkit import`` and ``botkit export`` as a user runs them: stdin or a file in, JSON or
cURL out, warnings and errors on stderr as single lines, exit 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from botkit.cli import main

README = (
    "curl --request POST \\\n"
    "     --url https://public.doubletick.io/team-member/unassign \\\n"
    "     --header 'Authorization: key_8mQ2vXr41T' \\\n"
    "     --header 'content-type: application/json' \\\n"
    '     --data \'{"customerPhoneNumber":"919876543210"}\'\n'
)


def run(*args: str, stdin: str | bytes | None = None) -> Result:
    command = click.Command("botkit", callback=lambda: main(list(args)))
    return CliRunner().invoke(command, [], input=stdin)


def test_import_reads_standard_input() -> None:
    for args in ((), ("-",)):
        result = run("import", *args, stdin=README)
        assert result.exit_code == 0, result.stderr
        component = json.loads(result.stdout)
        assert component["api"] == "doubletick.unassign-chat"
        assert result.stderr == ""


def test_import_reads_a_file_and_takes_a_name_and_redacts(tmp_path: Path) -> None:
    path = tmp_path / "request.sh"
    path.write_text(README)
    result = run("import", str(path), "--name", "Unassign", "--redact")
    component = json.loads(result.stdout)
    assert component["name"] == "Unassign"
    assert component["headers"][0] == {"name": "Authorization", "value": "{{DOUBLETICK_API_KEY}}"}
    assert "key_8mQ2vXr41T" not in result.stdout


def test_warnings_go_to_stderr_with_their_place() -> None:
    result = run("import", stdin="curl -X POST \\\n  --digest https://h -d a")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["method"] == "POST"
    assert result.stderr.startswith("botkit: warning: <stdin>:2:3: --digest: uses HTTP Digest")
    assert len(result.stderr.splitlines()) == 1


def test_strict_turns_a_warning_into_an_error() -> None:
    result = run("import", "--strict", stdin="curl --digest https://h")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "botkit: error: <stdin>:1:6: --digest: uses HTTP Digest authentication; a component "
        "cannot do that, so it is left out (--strict)"
    ]


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("curl -H 'abc\n", "<stdin>:1:9: unclosed single quote (') that starts here"),
        ("wget https://h\n", "<stdin>:1:1: no curl command found (the text runs 'wget')"),
        ("curl https://a\ncurl https://b\n", "<stdin>:2:1: a second curl command"),
        ("curl --frobnicate https://h\n", "<stdin>:1:6: --frobnicate is not a curl option"),
        ("", "<stdin>: no curl command found (the text is empty)"),
        (b"curl https://h -d '\xff'\n", "<stdin>:1:20: the text is not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "<stdin>:1:1: this is binary data"),
    ],
)
def test_import_errors_are_one_line_and_exit_2(stdin: str | bytes, message: str) -> None:
    result = run("import", stdin=stdin)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("botkit: error: " + message), line


def test_a_missing_file(tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "nope.sh"))
    assert result.exit_code == 2
    assert "nope.sh: cannot read the file (No such file or directory)" in result.stderr


def test_export_reads_standard_input_or_a_file(tmp_path: Path) -> None:
    component = run("import", stdin=README).stdout
    assert run("export", stdin=component).stdout == README
    path = tmp_path / "component.json"
    path.write_text(component)
    oneline = run("export", str(path), "--style", "oneline").stdout
    assert oneline.startswith("curl -X POST https://public.doubletick.io/team-member/unassign -H ")
    assert oneline.count("\n") == 1


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ('{"type": "call_api",\n  "name": }', "<stdin>:2:11: not JSON: Expecting value"),
        ("[1, 2]", "<stdin>: not a Call API component: expected a JSON object"),
        (
            '{"type": "call_api", "name": "x"}',
            "<stdin>: not a valid Call API component: $: 'method'",
        ),
    ],
)
def test_export_errors(stdin: str, message: str) -> None:
    result = run("export", stdin=stdin)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("botkit: error: " + message), line


def test_help_shows_examples() -> None:
    for command in ("import", "export"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.stdout and f"botkit {command}" in result.stdout
    assert "pbpaste | botkit import" in run("import", "--help").stdout


def test_the_installed_command_never_shows_a_traceback() -> None:
    for stdin in (b"curl -H 'abc", b"\xff\xfe", b"curl --frobnicate x"):
        done = subprocess.run(
            [sys.executable, "-m", "botkit", "import"], input=stdin, capture_output=True, timeout=60
        )
        assert done.returncode == 2
        assert b"Traceback" not in done.stderr
        assert done.stderr.startswith(b"botkit: error: ")


def test_import_and_export_of_the_new_formats_from_the_command_line(tmp_path: Path) -> None:
    samples = Path(__file__).resolve().parent.parent / "samples"
    har = samples / "har" / "bot-studio-session.har"
    result = subprocess.run(
        [sys.executable, "-m", "botkit", "import", str(har), "--bot", "--name", "Hand-off"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "Hand-off"
    assert result.stderr.startswith(f"botkit: warning: {har}:$.log.entries[3].request.url: ")
    bot = tmp_path / "bot.json"
    bot.write_text(result.stdout)
    for to, key in (("postman", "item"), ("har", "log")):
        out = run("export", str(bot), "--to", to)
        assert out.exit_code == 0 and key in json.loads(out.stdout)
    out = run("export", str(bot), "--step", "nope")
    assert out.exit_code == 2
    assert out.stderr == f"botkit: error: {bot}: --step nope: the bot has no such step\n"
    out = run("import", "--from", "har", stdin="curl https://h.example")
    assert out.exit_code == 2
    assert out.stderr.startswith("botkit: error: <stdin>:1:1: not JSON, so not a HAR file")
