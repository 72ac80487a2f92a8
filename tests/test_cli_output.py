"""The CLI's shape: bare commands print help, and every result can go to ``-o FILE`` atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import click
import pytest
from cli_run import botkit
from conftest import ROOT

from botkit.output import OutputError, atomic_file, output_stream

SNIPPET = ROOT / "samples" / "snippets" / "doubletick-assign-chat.curl"
COMPONENT = ROOT / "samples" / "generated" / "doubletick.assign-chat.component.json"
FAULTY_BOT = ROOT / "samples" / "bots" / "faulty" / "doubletick-phone-numbers.json"
ASSIGN = [
    "curl",
    "doubletick.assign-chat",
    "--customer-phone-number",
    "919876543210",
    "--assigned-user-phone-number",
    "919812345678",
]

# Each command that prints a result, and the exit status it ends with.
RESULT_COMMANDS = {
    "apis": (["apis"], 0),
    "apis --json": (["apis", "--json"], 0),
    "apis show": (["apis", "show", "unblu.set-assignee"], 0),
    "curl": (ASSIGN, 0),
    "curl --style oneline": ([*ASSIGN, "--style", "oneline"], 0),
    "curl --format component": ([*ASSIGN, "--format", "component"], 0),
    "recipe": (
        [
            "recipe",
            "unblu.reassign-keep-previous",
            "--base-url",
            "https://unblu.example.com/app/rest/v4",
            "--conversation-id",
            "c-1",
            "--person-id",
            "p-1",
        ],
        0,
    ),
    "import": (["import", str(SNIPPET)], 0),
    "export": (["export", str(COMPONENT)], 0),
    "lint": (["lint", str(FAULTY_BOT)], 1),
}


@pytest.mark.parametrize("words", [[], ["curl"], ["recipe"]], ids=["botkit", "curl", "recipe"])
def test_a_bare_command_prints_its_help_and_succeeds(words: list[str], tmp_path: Path) -> None:
    result = botkit(*words, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Usage: botkit {' '.join(words)}".rstrip() + " [OPTIONS]")
    assert result.stdout == botkit(*words, "--help", cwd=tmp_path).stdout
    assert result.stderr == ""


@pytest.mark.parametrize("name", list(RESULT_COMMANDS))
def test_output_file_holds_exactly_what_standard_output_shows(name: str, tmp_path: Path) -> None:
    words, status = RESULT_COMMANDS[name]
    printed = botkit(*words, cwd=tmp_path)
    assert printed.returncode == status, printed.stderr
    target = tmp_path / "result.txt"
    written = botkit(*words, "-o", str(target), cwd=tmp_path)
    assert written.returncode == status, written.stderr
    assert written.stdout == ""
    assert target.read_text(encoding="utf-8") == printed.stdout
    assert sorted(os.listdir(tmp_path)) == ["result.txt"]  # no temporary file left


def test_every_command_that_prints_a_result_offers_output() -> None:
    """Walk the whole command tree (each catalog API and recipe too): -o/--output everywhere."""
    from botkit.cli import cli

    missing = []

    def walk(command: click.Command, path: str) -> None:
        ctx = click.Context(command, info_name=path)
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                walk(sub, f"{path} {name}")
            if not command.invoke_without_command:
                return  # a group that only dispatches prints no result of its own
        options = {o for p in command.params if isinstance(p, click.Option) for o in p.opts}
        if not {"-o", "--output"} <= options:
            missing.append(path)

    walk(cli, "botkit")
    assert missing == []


def test_an_error_leaves_no_file_and_an_existing_one_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.sh"
    missing_param = botkit("curl", "doubletick.assign-chat", "-o", str(target), cwd=tmp_path)
    assert missing_param.returncode == 2 and "Traceback" not in missing_param.stderr
    assert os.listdir(tmp_path) == []
    target.write_text("before\n", encoding="utf-8")
    bad_input = botkit("import", "-o", str(target), cwd=tmp_path, stdin="curl 'unclosed\n")
    assert bad_input.returncode == 2 and "unclosed" in bad_input.stderr
    assert target.read_text(encoding="utf-8") == "before\n"
    assert os.listdir(tmp_path) == ["out.sh"]


def test_an_unwritable_output_is_one_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "out.json"
    result = botkit("apis", "--json", "-o", str(target), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"botkit: error: cannot write {target}: ")
    assert "Traceback" not in result.stderr


def test_dash_means_standard_output(tmp_path: Path) -> None:
    result = botkit("apis", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == botkit("apis").stdout
    assert os.listdir(tmp_path) == []


def test_atomic_file_keeps_the_old_text_when_the_writer_fails(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    with pytest.raises(RuntimeError), atomic_file(target) as stream:
        stream.write("half of the new")
        raise RuntimeError("the writer failed")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["report.txt"]
    with atomic_file(target) as stream:
        stream.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its permissions


def test_a_new_file_gets_the_permissions_open_would_give(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        with atomic_file(tmp_path / "new.txt") as stream:
            stream.write("x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_a_special_file_is_written_in_place() -> None:
    with atomic_file(os.devnull) as stream:
        stream.write("discarded")
    assert Path(os.devnull).exists()


def test_a_callers_error_is_not_reported_as_a_write_failure(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="the caller's"), output_stream(tmp_path / "x") as stream:
        stream.write("partial")
        raise OSError("the caller's own failure")
    assert os.listdir(tmp_path) == []
    with pytest.raises(OutputError, match="cannot write"), output_stream(tmp_path / "d" / "x"):
        pass
