"""``botkit import`` and ``botkit export``: thin wrappers over botkit.convert.

Input is a file or standard input (no FILE, or ``-``), so a clipboard can be piped
in; output goes to standard output (or ``-o FILE``) and warnings to standard error.
"""

from __future__ import annotations

import json
import sys

import click

from botkit.cli.catalog_option import catalog_option
from botkit.cli.commands import Command
from botkit.cli.options import STYLE_CHOICE, STYLE_HELP, given_values, with_fill, with_output
from botkit.cli.path_type import PathType
from botkit.errors import InputError
from botkit.output import output_stream
from botkit.styles import STYLES, Style

#: What ``botkit import --from`` reads and ``botkit export --format`` writes: the names of
#: ``botkit.formats.FORMATS`` and ``EXPORT_FORMATS`` (a test holds them equal), which this
#: module does not import so that ``--help`` need not load the request model.
IMPORT_CHOICES = ("curl", "har", "postman", "powershell")
EXPORT_CHOICES = ("curl", "postman", "har")
#: The input file of both commands.
INPUT_FILE = PathType(dir_okay=False, allow_dash=True)


@click.command("import", cls=Command)
@click.argument("file", required=False, default="-", type=INPUT_FILE)
@click.option(
    "--from",
    "fmt",
    type=click.Choice(IMPORT_CHOICES),
    help="The input's format (default: detected).",
)
@click.option("--all", "all_commands", is_flag=True, help="Every command of a script, in order.")
@click.option("--match", metavar="TEXT", help="Only the requests whose URL contains TEXT.")
@click.option(
    "--entry", type=click.IntRange(min=1), metavar="N", help="Only the Nth request (1: the first)."
)
@click.option(
    "--bot", "as_bot", is_flag=True, help="Print a bot definition whose steps make the calls."
)
@click.option(
    "--name",
    help="Component name (default: the request's own name, the catalog API's summary, "
    "or METHOD /path); with --bot, the bot's name.",
)
@click.option(
    "--redact",
    is_flag=True,
    help="Replace secrets (API keys, tokens, cookies, -u credentials) with {{variables}}.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Fail instead of warning when the component would lose something.",
)
@with_output
@catalog_option
def import_(
    file: str,
    fmt: str | None,
    all_commands: bool,
    match: str | None,
    entry: int | None,
    as_bot: bool,
    name: str | None,
    redact: bool,
    strict: bool,
    output: str | None,
) -> None:
    """Read requests (cURL, HAR, Postman, PowerShell); print their Call API components.

    Reads bash/zsh cURL (ReadMe, Mintlify, Postman, Insomnia, browsers' "Copy as
    cURL", terminals), Chrome's "Copy as cURL (cmd)", PowerShell's curl.exe and
    "Copy as PowerShell" (Invoke-WebRequest), HAR 1.2 files and Postman
    collections (v2.1, v2.0), telling which by itself (--from to say it).
    One request prints one component; several print a JSON array, or with --bot
    a bot definition.  What a component cannot hold is reported on standard
    error (exit 0; --strict: exit 2).

    \b
    Examples:
      xclip -o -selection clipboard | botkit import    (Linux; or wl-paste)
      pbpaste | botkit import                          (macOS; PowerShell: Get-Clipboard)
      botkit import request.sh --name "Assign chat" --redact > component.json
      botkit import session.har --match /team-member/ --bot --name "Hand-off"
      botkit import collection.postman_collection.json > components.json
      botkit import --all recipe.sh
    """
    from botkit.convert import import_text

    text, source = _read_text(file)
    imported = import_text(
        text,
        source=source,
        fmt=fmt,
        all_commands=all_commands,
        match=match,
        entry=entry,
        name=name,
        as_bot=as_bot,
        redact=redact,
        strict=strict,
    )
    _warn(source, imported.warnings)
    with output_stream(output) as out:
        click.echo(json.dumps(imported.document, indent=2, ensure_ascii=False), file=out)


@click.command("export", cls=Command)
@click.argument("file", required=False, default="-", type=INPUT_FILE)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_CHOICES),
    default=EXPORT_CHOICES[0],
    show_default=True,
    help="curl: one command (several: one script); postman: a Postman Collection v2.1; "
    "har: a HAR 1.2 file.",
)
# The spelling before --format (the name lint and curl give their output's format too),
# still read so that scripts written with it keep working.
@click.option("--to", "to", type=click.Choice(EXPORT_CHOICES), hidden=True)
@click.option(
    "--step",
    "steps",
    multiple=True,
    metavar="ID",
    help="For a bot: only this call_api step (repeatable; default: every one).",
)
@click.option(
    "--style",
    type=STYLE_CHOICE,
    default=STYLES[0],
    show_default=True,
    help=STYLE_HELP,
)
@with_fill(
    "Fail (exit 2) instead of warning: a variable left without a value, or what the "
    "format cannot hold."
)
@with_output
@catalog_option
def export(
    file: str,
    fmt: str,
    to: str | None,
    steps: tuple[str, ...],
    style: Style,  # a Choice of STYLES
    var: tuple[str, ...],
    vars_files: tuple[str, ...],
    strict: bool,
    output: str | None,
) -> None:
    """Print a component, an array of them, or a bot's call_api steps as cURL, Postman or HAR.

    The cURL sends exactly the request each component describes; paste it in a
    terminal or in Bot Studio's "Import from cURL".  The Postman collection and
    the HAR file describe the same requests, {{variables}} kept unless filled
    with --var NAME=VALUE or --vars FILE (a variable left unfilled is then a
    warning; --strict: exit 2).

    \b
    Examples:
      botkit export component.json
      botkit export --style oneline < component.json
      botkit import request.sh | botkit export
      botkit export bot.json --step assign --format postman -o assign.postman_collection.json
      botkit export components.json --format har > calls.har
      botkit export bot.json --step assign --vars session.json --var customer_phone=+919876543210
    """
    from botkit.convert import export_document

    if to is not None:
        source_of_format = click.get_current_context().get_parameter_source("fmt")
        if source_of_format is not click.core.ParameterSource.DEFAULT and to != fmt:
            raise click.UsageError(f"--format {fmt} and --to {to} disagree: give one of them")
        fmt = to
    values = given_values(var, vars_files)
    text, source = _read_text(file)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not JSON: {exc.msg}", source=source, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise InputError("the JSON is nested too deeply", source=source) from None
    exported = export_document(
        document, to=fmt, style=style, steps=steps, source=source, values=values, strict=strict
    )
    _warn(source, exported.warnings)
    with output_stream(output) as out:
        click.echo(exported.text, file=out, nl=False)


#: How import and export word the two reading problems a pasted command most often has.
_WORDS = {"binary": "this is binary data, not a cURL command", "encoding": "the text is not UTF-8"}


def _read_text(file: str) -> tuple[str, str]:
    """The input as text, and its name for messages: UTF-8 (a BOM is allowed), at most
    ``botkit.files.MAX_BYTES``, special files refused (see ``botkit.files``)."""
    from botkit.files import FileReadError, read_stdin, read_text

    source = "<stdin>" if file == "-" else file
    try:
        if file == "-":
            if sys.stdin.isatty():
                click.echo("botkit: reading standard input (end with Ctrl-D)", err=True)
            read = read_stdin()
        else:
            read = read_text(file)
    except FileReadError as exc:
        message = _WORDS.get(exc.kind, exc.message)
        raise InputError(message, source=source, line=exc.line, column=exc.column) from None
    return read.text, source


def _warn(source: str, warnings: list[str]) -> None:
    """Each warning on stderr, masked (the masking vocabulary loads only when there is one)."""
    if not warnings:
        return
    from botkit.terminal import tell

    for warning in warnings:
        tell("warning", f"{source}:{warning}")
