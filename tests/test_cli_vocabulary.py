"""One name for one thing on the command line: every command calls its output's format
``--format``; the spelling ``botkit export`` had before (``--to``) still works, hidden."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner, Result

from botkit.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BOT = SAMPLES / "bots" / "unblu-escalation.json"


def run(*args: str) -> Result:
    command = click.Command("botkit", callback=lambda: main(list(args)))
    return CliRunner().invoke(command, [])


def test_every_command_that_picks_its_output_format_calls_it_format() -> None:
    for args in (("export",), ("lint",), ("curl", "doubletick.assign-chat")):
        result = run(*args, "--help")
        assert result.exit_code == 0, result.output
        assert "--format [" in result.output, args
        assert "--to " not in result.output, args  # the old spelling is not advertised


def test_export_reads_the_old_spelling_to_as_format() -> None:
    for fmt, key in (("postman", "item"), ("har", "log")):
        new = run("export", str(BOT), "--format", fmt)
        old = run("export", str(BOT), "--to", fmt)
        assert new.exit_code == old.exit_code == 0, new.stderr + old.stderr
        assert key in json.loads(new.stdout)
        assert new.stdout == old.stdout
    assert run("export", str(BOT), "--to", "har", "--format", "har").exit_code == 0


def test_export_refuses_two_formats_that_disagree() -> None:
    result = run("export", str(BOT), "--format", "postman", "--to", "har")
    assert result.exit_code == 2
    assert "--format postman and --to har disagree" in result.stderr
    assert result.stdout == ""


def test_the_cli_choices_are_the_formats_the_library_reads_and_writes() -> None:
    from botkit.cli.convert_cmd import EXPORT_CHOICES, IMPORT_CHOICES
    from botkit.formats import EXPORT_FORMATS, FORMATS

    assert sorted(IMPORT_CHOICES) == sorted(FORMATS)
    assert EXPORT_CHOICES == EXPORT_FORMATS


def test_default_region_is_one_option_in_curl_and_lint(tmp_path: Path) -> None:
    """Declared once: the same help, and the same refusal of a region phones do not know."""
    curl = ("curl", "doubletick.unassign-chat", "--customer-phone-number", "9876543210")
    helps = [run(*args, "--help").output for args in (curl[:2], ("lint",))]
    for text in helps:
        assert "--default-region REGION" in text
        assert "such a number is still an error" in " ".join(text.split())
    for args in (curl, ("lint", str(tmp_path))):
        result = run(*args, "--default-region", "ZZ")
        assert result.exit_code == 2, args
        assert "'ZZ' is not a region code such as IN, BR or CL" in result.stderr
    hinted = run(*curl, "--default-region", "in")  # read as IN
    assert hinted.exit_code == 2
    assert "did you mean 919876543210?" in hinted.stderr
