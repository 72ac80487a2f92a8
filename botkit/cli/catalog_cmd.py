"""``botkit apis``: what the catalog holds, for people (a table) and machines (--json)."""

from __future__ import annotations

import json

import click

from botkit.catalog import BUILT_IN, Api, load_catalog
from botkit.cli.catalog_option import catalog_option
from botkit.cli.commands import Group
from botkit.cli.options import with_output
from botkit.output import output_stream

_MAX_ID_COLUMN = 31


@click.group("apis", cls=Group, invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the catalog as JSON.")
@click.option("--vendor", "vendors", multiple=True, metavar="NAME", help="Only this vendor's APIs.")
@with_output
@click.pass_context
@catalog_option
def apis(ctx: click.Context, as_json: bool, vendors: tuple[str, ...], output: str | None) -> None:
    """List the catalog's APIs: id, method, path and summary.

    An API from a user catalog also says which file it comes from, and whether
    it overrides an API of the same id.

    \b
    Examples:
      botkit apis
      botkit apis --vendor vambe
      botkit apis --json | jq -r '.[].id'
      botkit apis show doubletick.assign-chat
    """
    if ctx.invoked_subcommand is not None:
        return
    catalog = [api for api in load_catalog() if not vendors or api.vendor.name in vendors]
    if not catalog and not as_json:
        raise click.UsageError(f"no APIs of vendor {', '.join(vendors)}")
    with output_stream(output) as out:
        if as_json:
            click.echo(json.dumps([_api_json(api) for api in catalog], indent=2), file=out)
            return
        # a long id overflows its column rather than pushing every summary to the right
        width = min(max(len(api.id) for api in catalog), _MAX_ID_COLUMN)
        for api in catalog:
            click.echo(f"{api.id:<{width}}  {api.method:<5} {api.path}", file=out)
            click.echo(f"{'':<{width}}  {api.summary}", file=out)
            origin = _origin(api)
            if origin:
                click.echo(f"{'':<{width}}  [{origin}]", file=out)


def _origin(api: Api) -> str | None:
    """Where a user API comes from (None for a built-in one that overrides nothing)."""
    if api.source == BUILT_IN and api.overrides is None:
        return None
    text = f"from {api.source}"
    if api.overrides is not None:
        text += f"; overrides {api.overrides}"
    return text


@apis.command("show")
@click.argument(
    "api_id", metavar="ID", shell_complete=lambda _ctx, _param, incomplete: complete_ids(incomplete)
)
@click.option("--json", "as_json", is_flag=True, help="Print the entry as JSON.")
@with_output
@catalog_option
def show(api_id: str, as_json: bool, output: str | None) -> None:
    """Show one API: its endpoint, auth and every parameter with its help."""
    api = load_catalog().get(api_id)
    with output_stream(output) as out:
        click.echo(json.dumps(_api_json(api), indent=2) if as_json else _describe(api), file=out)


def _describe(api: Api) -> str:
    vendor = api.vendor
    lines = [
        f"{api.id}: {api.summary}",
        f"  {api.method} {vendor.base_url or '<--base-url>'}{api.path}",
        f"  docs: {api.docs}",
        f"  auth: {api.auth.describe()}",
    ]
    origin = _origin(api)
    if origin:
        lines.append(f"  {origin}")
    if any(p.type == "phone" for p in api.params):
        form = (
            "digits only, e.g. 919876543210"
            if vendor.phone_format == "digits"
            else ("+ and digits (E.164), e.g. +919876543210")
        )
        lines.append(f"  phone numbers: with country code, sent as {form}")
    lines.append("  parameters:")
    for p in api.params:
        flags = [p.location, p.type + ("[]" if p.is_list else "")]
        flags.append("required" if p.required else "optional")
        lines.append(f"    {p.option:<32} {p.name} ({', '.join(flags)})")
        lines.append(f"    {'':<32} {p.help}")
        if p.enum:
            lines.append(f"    {'':<32} one of: {', '.join(p.enum)}")
        if p.requires:
            lines.append(f"    {'':<32} only with: {', '.join(p.requires)}")
    for group in api.one_of:
        lines.append(f"  exactly one of: {', '.join(group)}")
    return "\n".join(lines)


def _api_json(api: Api) -> dict[str, object]:
    return {
        "id": api.id,
        "summary": api.summary,
        "method": api.method,
        "base_url": api.vendor.base_url,
        "path": api.path,
        "docs": api.docs,
        "auth": api.auth.as_json(),
        "source": api.source,
        "overrides": api.overrides,
        "phone_format": api.vendor.phone_format,
        "params": [
            {
                "name": p.name,
                "in": p.location,
                "type": p.type,
                "list": p.is_list,
                "required": p.required,
                "enum": list(p.enum),
                "requires": list(p.requires),
                "option": p.option,
                "help": p.help,
            }
            for p in api.params
        ],
        "one_of": [list(group) for group in api.one_of],
    }


def complete_ids(incomplete: str) -> list[click.shell_completion.CompletionItem]:
    """Shell completion of catalog ids."""
    from click.shell_completion import CompletionItem

    return [
        CompletionItem(api.id, help=api.summary)
        for api in load_catalog()
        if api.id.startswith(incomplete)
    ]
