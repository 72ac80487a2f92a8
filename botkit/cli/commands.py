"""botkit's click command and group classes, and its ``--version``: no gettext on a run.

click makes each command's help option when the command parses (``get_help_option``)
through ``help_option()``, whose help text is ``_("Show this message and exit.")``, and
``@click.version_option`` looks up its message and help text the same way.  Every such
lookup is a ``gettext.translation()`` that imports ``locale`` and stats four ``.mo`` files
that click does not ship (with click.Path's, 5 M of a one-shot lint's 252 M instructions).
Here the texts are literals: the same English, the same behaviour.
"""

from __future__ import annotations

import click

HELP_TEXT = "Show this message and exit."
VERSION_HELP = "Show the version and exit."
#: The help option's parameter name: not ``help``, which a command's own
#: parameter may be called (as click does since 8.5).
HELP_PARAM_NAME = "_botkit_help_option"


def _print_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """The help option's callback: the help on standard output, then exit 0."""
    if not value or ctx.resilient_parsing:
        return
    click.echo(ctx.get_help(), color=ctx.color)
    ctx.exit()


class Command(click.Command):
    """A click command whose help option is made with a literal help text, once."""

    _literal_help_option: click.Option | None = None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        # One object per command: click orders eager parameters by identity.
        if self._literal_help_option is None:
            self._literal_help_option = click.Option(
                [*names, HELP_PARAM_NAME],
                is_flag=True,
                expose_value=False,
                is_eager=True,
                help=HELP_TEXT,
                callback=_print_help,
            )
        return self._literal_help_option


class Group(Command, click.Group):
    """A click group with the same help option; its ``@group.command()`` and
    ``@group.group()`` make commands and groups of these classes too."""

    command_class = Command
    group_class = type


def version_option(version: str, prog: str, *decls: str) -> click.Option:
    """``-V/--version``: print ``PROG, version VERSION`` and exit 0 (as
    ``click.version_option`` prints it)."""

    def show(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if not value or ctx.resilient_parsing:
            return
        click.echo(f"{prog}, version {version}", color=ctx.color)
        ctx.exit()

    return click.Option(
        list(decls),
        is_flag=True,
        expose_value=False,
        is_eager=True,
        help=VERSION_HELP,
        callback=show,
    )
