"""Options several commands share, declared once so that they read the same everywhere.

``--style`` comes from the renderer's one declaration (``botkit.styles.STYLE_HELP``),
so a new style (a template plus its entry there) appears in every command at once;
``-o/--output`` is how every command that prints a result writes it to a file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from botkit.cli.path_type import PathType

if TYPE_CHECKING:
    STYLE_CHOICE: click.Choice
    STYLE_HELP: str


def __getattr__(name: str) -> Any:
    """``STYLE_CHOICE`` and ``STYLE_HELP``, made on first use: only commands that print
    cURL (and ``import``'s module, where ``export`` is declared) need them."""
    if name not in ("STYLE_CHOICE", "STYLE_HELP"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from botkit.styles import STYLE_HELP as descriptions
    from botkit.styles import STYLES

    globals()["STYLE_CHOICE"] = click.Choice(STYLES)
    globals()["STYLE_HELP"] = "; ".join(f"{n}: {text}" for n, text in descriptions.items()) + "."
    return globals()[name]


_OUTPUT_DECLS = ("-o", "--output")
_OUTPUT_ATTRS: dict[str, Any] = {
    "metavar": "FILE",
    "type": PathType(dir_okay=False, allow_dash=True),
    "help": "Write the result to FILE instead of standard output, atomically (all of it, "
    "or on error no change).",
}

#: ``@with_output`` adds ``-o/--output FILE`` (parameter ``output``) to a decorated command.
with_output = click.option(*_OUTPUT_DECLS, "output", **_OUTPUT_ATTRS)


def output_option() -> click.Option:
    """The same ``-o/--output FILE``, for commands built from catalog entries."""
    return click.Option([*_OUTPUT_DECLS, "output"], **_OUTPUT_ATTRS)


# --- the region phone hints use: --default-region (botkit curl ID, botkit lint) -------------


def _region(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An ISO 3166 region code phone numbers know (``in`` -> ``IN``), or a usage error."""
    if value is None:
        return None
    import phonenumbers

    region = value.strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise click.BadParameter(f"{value!r} is not a region code such as IN, BR or CL")
    return region


_REGION_ATTRS: dict[str, Any] = {
    "callback": _region,
    "metavar": "REGION",
    "help": "Region (e.g. IN) used only to suggest the full form of a number that lacks "
    "its country code; such a number is still an error.",
}

#: ``@with_default_region`` adds ``--default-region REGION`` (parameter ``default_region``).
with_default_region = click.option("--default-region", **_REGION_ATTRS)


def default_region_option() -> click.Option:
    """The same ``--default-region``, for commands built from catalog entries."""
    return click.Option(["--default-region"], **_REGION_ATTRS)


# --- filling variables: --var, --vars, --strict (botkit curl, botkit export) -----------------

_FILL_OPTIONS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (
        ("--var", "var"),
        {
            "multiple": True,
            "metavar": "NAME=VALUE",
            "help": "Fill the variable {{NAME}} with VALUE (repeatable; wins over --vars).",
        },
    ),
    (
        ("--vars", "vars_files"),
        {
            "multiple": True,
            "metavar": "FILE",
            "type": PathType(dir_okay=False),
            "help": "Fill variables from FILE: a JSON object (nested objects give a.b names) "
            "or a .env file of NAME=VALUE lines (repeatable).",
        },
    ),
)


def fill_options(strict_help: str) -> list[click.Option]:
    """``--var NAME=VALUE``, ``--vars FILE`` and ``--strict``, for a command built at run time."""
    options = [click.Option(list(decls), **attrs) for decls, attrs in _FILL_OPTIONS]
    options.append(click.Option(["--strict"], is_flag=True, help=strict_help))
    return options


def with_fill(strict_help: str) -> Any:
    """The same three options as a decorator (parameters ``var``, ``vars_files``, ``strict``)."""

    def decorate(f: Any) -> Any:
        f = click.option("--strict", is_flag=True, help=strict_help)(f)
        for decls, attrs in reversed(_FILL_OPTIONS):
            f = click.option(*decls, **attrs)(f)
        return f

    return decorate


def given_values(var: tuple[str, ...], vars_files: tuple[str, ...]) -> dict[str, str] | None:
    """The values ``--var`` and ``--vars`` give, or None when neither was used (nothing to
    fill, and no warning about what stays a variable)."""
    if not var and not vars_files:
        return None
    from botkit.variable_values import read_values

    return read_values(var, vars_files)
