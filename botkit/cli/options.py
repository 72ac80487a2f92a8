"""Options several commands share, declared once so that they read the same everywhere.

``--style`` comes from the renderer's one declaration (``botkit.render.STYLE_HELP``),
so a new style (a template plus its entry there) appears in every command at once;
``-o/--output`` is how every command that prints a result writes it to a file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    STYLE_CHOICE: click.Choice
    STYLE_HELP: str


def __getattr__(name: str) -> Any:
    """``STYLE_CHOICE`` and ``STYLE_HELP``, made on first use: they need the renderer's
    module, which commands that render nothing (apis, lint) need not import (about 1.5 ms)."""
    if name not in ("STYLE_CHOICE", "STYLE_HELP"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from botkit.render import STYLE_HELP as descriptions
    from botkit.render import STYLES

    globals()["STYLE_CHOICE"] = click.Choice(STYLES)
    globals()["STYLE_HELP"] = "; ".join(f"{n}: {text}" for n, text in descriptions.items()) + "."
    return globals()[name]

_OUTPUT_DECLS = ("-o", "--output")
_OUTPUT_ATTRS: dict[str, Any] = {
    "metavar": "FILE",
    "type": click.Path(dir_okay=False, allow_dash=True),
    "help": "Write the result to FILE instead of standard output, atomically (all of it, "
    "or on error no change).",
}

#: ``@with_output`` adds ``-o/--output FILE`` (parameter ``output``) to a decorated command.
with_output = click.option(*_OUTPUT_DECLS, "output", **_OUTPUT_ATTRS)


def output_option() -> click.Option:
    """The same ``-o/--output FILE``, for commands built from catalog entries."""
    return click.Option([*_OUTPUT_DECLS, "output"], **_OUTPUT_ATTRS)
