"""The click groups of the CLI: help when called bare, subcommands built from entries.

``HelpGroup`` is how ``botkit``, ``botkit curl`` and ``botkit recipe`` answer
being called with nothing after them: their help on standard output, exit 0
(asking for help is not an error).  ``CatalogGroup`` builds one subcommand per
catalog API (``botkit curl``) or recipe (``botkit recipe``) on demand, so an
unknown id gets the same "did you mean" answer in both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import click

from botkit.cli.commands import Group


class HelpGroup(Group):
    """A group that prints its help and exits 0 when given no arguments at all."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(0)
        return super().parse_args(ctx, args)


class CatalogGroup(HelpGroup):
    """A group whose subcommands are built on demand from catalog (or recipe) entries."""

    def __init__(
        self,
        *args: Any,
        entries: Callable[[], Mapping[str, Any]],
        build: Callable[[Any], click.Command],
        section: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._entries = entries
        self._build = build
        self._section = section

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self._entries())

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = self._entries().get(cmd_name)
        return None if entry is None else self._build(entry)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self._entries():
            from botkit.suggest import did_you_mean

            hint = did_you_mean(name, self._entries())
            raise click.UsageError(f"unknown id {name!r}{hint}", ctx)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, entry.summary) for name, entry in self._entries().items()]
        with formatter.section(self._section):
            formatter.write_dl(rows)
