"""The ``botkit`` command: a thin click group whose subcommands load on first use.

Each subcommand lives in its own module and is imported only when it runs, so
``botkit --version`` and ``botkit --help`` cost little more than importing click.
Errors from the library (``BotkitError``) become one ``botkit: error: ...`` line
on stderr with exit status 2; click's own usage errors get the same shape.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from typing import Any, NoReturn

import click

from botkit import __version__
from botkit.cli.catalog_option import catalog_option
from botkit.cli.commands import version_option
from botkit.cli.groups import HelpGroup

# name -> (module, attribute, one-line help shown by ``botkit --help``)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "apis": ("botkit.cli.catalog_cmd", "apis", "List the catalog's APIs, or show one."),
    "catalog": (
        "botkit.cli.openapi_cmd",
        "catalog",
        "Make catalog files (from an OpenAPI spec).",
    ),
    "curl": ("botkit.cli.curl_cmd", "curl", "Print the cURL for one catalog API."),
    "export": ("botkit.cli.convert_cmd", "export", "Print the cURL for a component (JSON)."),
    "import": ("botkit.cli.convert_cmd", "import_", "Read cURL; print its component (JSON)."),
    "lint": ("botkit.cli.lint_cmd", "lint", "Check bot definitions and cURL snippets (for CI)."),
    "recipe": (
        "botkit.cli.recipe_cmd",
        "recipe",
        "Print a bash script for a multi-step procedure.",
    ),
}


class LazyGroup(HelpGroup):
    """A group that imports a subcommand's module only when that subcommand is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, attribute, _ = entry
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            from botkit.suggest import did_you_mean

            hint = did_you_mean(name, COMMANDS, cutoff=0.6, quote=True)
            raise click.UsageError(f"no such command '{name}'{hint}", ctx)
        return super().resolve_command(ctx, args)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    params=[version_option(__version__, "botkit", "-V", "--version")],
)
@catalog_option
def cli() -> None:
    """Generate, import, export and lint the cURL calls behind chat-bot API components.

    \b
    Examples:
      botkit apis
      botkit curl doubletick.assign-chat --customer-phone-number 919876543210 \\
          --assigned-user-phone-number 919812345678 --reassign
      botkit recipe unblu.reassign-keep-previous --help
    """


def main(argv: list[str] | None = None) -> NoReturn:
    """Entry point: run the CLI and turn every expected failure into one line on stderr.

    Called without ``argv`` (the ``botkit`` command, ``python -m botkit``), the process is
    botkit's alone: once the result is written and flushed it ends at once with
    ``os._exit``, skipping the interpreter's teardown of every loaded module (15-20 % of a
    one-shot command's CPU time). Every file botkit writes is closed by then (``-o`` and
    ``--fix`` write through ``botkit.output``, which closes and renames before the command
    returns). With ``argv`` (tests, other Python code) it raises ``SystemExit`` as usual.
    """
    status = _run(argv)
    if argv is None:
        _exit_now(status)
    sys.exit(status)


def _run(argv: list[str] | None) -> int:
    """Run the command; its exit status (every failure already reported on stderr)."""
    from botkit.errors import BotkitError

    try:
        result: Any = cli.main(args=argv, prog_name="botkit", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("botkit: aborted", err=True)
        return 130
    except click.ClickException as exc:
        return _fail(_usage_message(exc), exc.exit_code)
    except BotkitError as exc:
        return _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as exc:  # a full disk, /dev/full: one line, not a traceback
        return _fail(_write_error(exc), 1)
    except SystemExit as exc:  # click's own exits (--help, --version) in standalone_mode=False
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return result if isinstance(result, int) else 0


def _closed_pipe() -> int:
    """A closed pipe (``botkit apis | head``) is not an error worth a traceback."""
    with contextlib.suppress(OSError):
        sys.stderr.close()
    return 141


def _exit_now(status: int) -> NoReturn:
    """Flush what is buffered for stdout and stderr, then end the process without teardown."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = _closed_pipe()
    except OSError:
        status = status or 1
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(status)


def _usage_message(exc: click.ClickException) -> str:
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message


def _write_error(exc: OSError) -> str:
    """Reading goes through botkit.files (a BotkitError when it fails): an OSError that
    reaches the top is writing the result, to standard output or an ``-o`` file."""
    where = f"the file {exc.filename}" if exc.filename else "the output"
    return f"cannot write {where} ({exc.strerror or type(exc).__name__})"


def _fail(message: str, code: int) -> int:
    from botkit.terminal import tell

    tell("error", message)
    return code
