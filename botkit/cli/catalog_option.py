"""``--catalog PATH``: the one option every catalog-using command takes, declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from botkit.cli.path_type import PathType

F = TypeVar("F", bound=Callable[..., Any])
#: One type for every command's --catalog (a type holds no state).
_PATH = PathType()

HELP = (
    "A user catalog: a .toml file or a folder of them (repeatable). Adds vendors and APIs, "
    "or overrides built-in ones; also read from [tool.botkit] catalog in pyproject.toml "
    "and $BOTKIT_CATALOG."
)


def _remember(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> None:
    if value:
        from botkit.catalog.files import add_cli_catalogs

        add_cli_catalogs(value)


def catalog_option(command: F) -> F:
    """Add ``--catalog`` to a click command (its value is registered, not passed on)."""
    return click.option(
        "--catalog",
        multiple=True,
        metavar="PATH",
        type=_PATH,
        expose_value=False,
        is_eager=True,
        callback=_remember,
        help=HELP,
    )(command)
