"""A successful botkit command makes no gettext lookup, and its help and version are click's.

click wraps its own texts in ``gettext.gettext``; each call is a ``gettext.translation()``
that imports ``locale`` and stats four ``.mo`` files click does not ship (5 M of a
one-shot ``botkit lint``'s 252 M instructions).  botkit's path type, help option and
version option use literal texts instead (botkit/cli/path_type.py, botkit/cli/commands.py):
the first test counts the lookups of real commands in a fresh interpreter, the others
check that what users read is what click's own options print.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import pytest
from cli_probe import probe
from click.testing import CliRunner
from test_import_budget import PHONE_CURL, PLAIN_CURL, RECIPE, inputs  # noqa: F401

import botkit.cli
from botkit import __version__
from botkit.cli import cli
from botkit.cli.commands import Command

COMMANDS = (
    "lint {dir}/one.curl",
    "lint {dir}/bot.json",
    "import {dir}/snippet.sh",
    "import {dir}/session.har",
    "export {dir}/component.json",
    "export {dir}/bot.json --to postman",
    PHONE_CURL,
    PLAIN_CURL,
    "apis",
    "apis show doubletick.assign-chat",
    RECIPE,
    "--version",
)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_successful_command_looks_nothing_up_in_gettext(
    command: str,
    inputs: Path,  # noqa: F811
) -> None:
    found = probe(command.format(dir=inputs).split(), inputs)
    found = {"lookups": found["lookups"], "locale": "locale" in found["modules"]}
    assert found == {"lookups": [], "locale": False}


# --- what users read: the same as with click's own help and version options -------------


@contextmanager
def clicks_own_options() -> Iterator[None]:
    """While it lasts, botkit's commands get click's own help option and ``botkit`` click's
    own version option: what they printed before botkit made its own."""

    @click.version_option(__version__, "-V", "--version", prog_name="botkit")
    def stock() -> None: ...

    version = stock.__click_params__[0]  # type: ignore[attr-defined]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(Command, "get_help_option", click.Command.get_help_option)
        m.setattr(cli, "params", [version if p.name == "version" else p for p in cli.params])
        yield


ARGS = (
    [],
    ["-h"],
    ["--help"],
    ["-V"],
    ["--version"],
    ["--bogus"],
    ["lint", "--bogus"],
    ["lint", "-h"],
    ["import", "--help"],
    ["export", "-h"],
    ["apis", "-h"],
    ["apis", "show", "-h"],
    ["catalog", "-h"],
    ["catalog", "from-openapi", "-h"],
    ["catalog", "from-openapi"],
    ["curl"],
    ["curl", "-h"],
    ["curl", "doubletick.assign-chat", "--help"],
    ["curl", "doubletick.assign-chat", "--bogus"],
    ["recipe"],
    ["recipe", "unblu.forward", "-h"],
    ["recipe", "unblu.forward", "--bogus"],
    ["lint", "--config", "missing.toml"],
)


@pytest.fixture
def catalogs_kept() -> Iterator[None]:
    """The commands run in process: whatever catalog they load is forgotten afterwards."""
    from botkit.catalog import files, load_catalog

    saved = list(files._cli_paths)
    yield
    files._cli_paths[:] = saved
    load_catalog.cache_clear()


def printed(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[object, ...]:
    """What ``botkit ARGS`` prints through botkit's entry point, and through click's
    standalone mode (where a usage error ends with "Try 'botkit lint --help' for help.")."""
    with pytest.raises(SystemExit) as exit_:
        botkit.cli.main(args)
    ours = capsys.readouterr()
    result = CliRunner().invoke(cli, args, prog_name="botkit", terminal_width=80)
    return exit_.value.code, ours.out, ours.err, result.exit_code, result.output


@pytest.mark.parametrize("args", ARGS, ids=" ".join)
def test_help_version_and_usage_errors_read_as_with_clicks_own_options(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    catalogs_kept: None,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("BOTKIT_CACHE_DIR", str(tmp_path / ".c"))
    ours = printed(args, capsys)
    with clicks_own_options():
        theirs = printed(args, capsys)
    assert ours == theirs


def test_what_they_printed_before() -> None:
    """The lines themselves, as botkit printed them with click's options (click 8.5)."""
    runner = CliRunner()
    assert runner.invoke(cli, ["-V"], prog_name="botkit").output == (
        f"botkit, version {__version__}\n"
    )
    help_ = runner.invoke(cli, ["-h"], prog_name="botkit", terminal_width=80).output
    assert "  -V, --version   Show the version and exit.\n" in help_
    assert "  -h, --help      Show this message and exit.\n" in help_
    lint_help = runner.invoke(cli, ["lint", "--help"], prog_name="botkit", terminal_width=80)
    assert lint_help.output.endswith(f"\n  -h, --help{' ' * 22}Show this message and exit.\n")
    error = runner.invoke(cli, ["lint", "--bogus"], prog_name="botkit").output
    assert error == (
        "Usage: botkit lint [OPTIONS] [PATHS]...\n"
        "Try 'botkit lint --help' for help.\n\n"
        "Error: No such option '--bogus'. (Did you mean one of: '--jobs', '--verbose'?)\n"
    )


def test_a_parameter_called_help_does_not_take_the_help_options_place() -> None:
    command = Command("x", params=[click.Argument(["help"])], callback=lambda help: print(help))
    runner = CliRunner()
    assert runner.invoke(command, ["word"]).output == "word\n"
    assert "Show this message and exit." in runner.invoke(command, ["--help"]).output
    assert command.get_help_option(click.Context(command)) is command.get_help_option(
        click.Context(command)
    )
    command.add_help_option = False
    assert command.get_help_option(click.Context(command)) is None
