"""``botkit import`` and ``botkit export``: thin wrappers over botkit.convert.

Input is a file or standard input (no FILE, or ``-``), so ``pbpaste | botkit
import`` works; output goes to standard output and warnings to standard error.
"""

from __future__ import annotations

import json
import sys

import click

from botkit.cli.catalog_option import catalog_option
from botkit.cli.styles import STYLE_CHOICE, STYLE_HELP, STYLES
from botkit.errors import InputError


@click.command("import")
@click.argument(
    "file", required=False, default="-", type=click.Path(dir_okay=False, allow_dash=True)
)
@click.option(
    "--name", help="Component name (default: the catalog API's summary, or METHOD /path)."
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
@catalog_option
def import_(file: str, name: str | None, redact: bool, strict: bool) -> None:
    """Read a cURL command and print its Call API component (JSON).

    Reads bash/zsh cURL (ReadMe, Mintlify, Postman, Insomnia, browsers' "Copy as
    cURL", terminals), Chrome's "Copy as cURL (cmd)" and PowerShell's curl.exe,
    exactly as the shell and curl would.  @file references are read from the
    current directory.  Options that change the request but have no place in a
    component are reported on standard error (exit 0; --strict: exit 2).

    \b
    Examples:
      pbpaste | botkit import
      botkit import request.sh --name "Assign chat" --redact > component.json
      botkit import - --strict < copied-from-chrome.cmd
    """
    from botkit.convert import component_for
    from botkit.curl import read_curl

    text, source = _read_text(file)
    read = read_curl(text, source=source, strict=strict)
    for warning in read.warnings:
        click.echo(f"botkit: warning: {source}:{warning}", err=True)
    component = component_for(read.request, name=name, redact=redact)
    click.echo(json.dumps(component, indent=2, ensure_ascii=False))


@click.command("export")
@click.argument(
    "file", required=False, default="-", type=click.Path(dir_okay=False, allow_dash=True)
)
@click.option(
    "--style",
    type=STYLE_CHOICE,
    default=STYLES[0],
    show_default=True,
    help=STYLE_HELP,
)
@catalog_option
def export(file: str, style: str) -> None:
    """Print the cURL command for a Call API component (JSON).

    The command sends exactly the request the component describes; paste it in a
    terminal or in Bot Studio's "Import from cURL".

    \b
    Examples:
      botkit export component.json
      botkit export --style oneline < component.json
      botkit import request.sh | botkit export
    """
    from botkit.convert import check_component, to_curl

    text, source = _read_text(file)
    try:
        component = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not JSON: {exc.msg}", source=source, line=exc.lineno, column=exc.colno
        ) from None
    if not isinstance(component, dict):
        raise InputError("not a Call API component: expected a JSON object", source=source)
    check_component(component, source=source)
    click.echo(to_curl(component, style=style), nl=False)  # type: ignore[arg-type]


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
