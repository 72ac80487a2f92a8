"""``botkit curl ID``: one subcommand per catalog API.

The options of each subcommand are derived from its catalog entry (parameter
names in kebab case), so ``botkit curl doubletick.assign-chat --help`` documents
exactly that API and nothing has to be kept in step by hand.
"""

from __future__ import annotations

import json
from typing import Any

import click

from botkit.catalog import Api, load_catalog
from botkit.catalog.paramtypes import BooleanType
from botkit.cli.catalog_option import catalog_option
from botkit.cli.commands import Command
from botkit.cli.groups import CatalogGroup
from botkit.cli.options import (
    STYLE_CHOICE,
    STYLE_HELP,
    default_region_option,
    fill_options,
    given_values,
    output_option,
)
from botkit.errors import ParamError
from botkit.output import output_stream
from botkit.styles import STYLE_BODY_LAYOUT, STYLES


def _apis() -> dict[str, Api]:
    return {api.id: api for api in load_catalog()}


def _build_api_command(api: Api) -> click.Command:
    params: list[click.Parameter] = []
    for p in api.params:
        params.append(p.value_type.click_option(p))
        if p.value_type.flag:
            params.append(BooleanType.negative_option(p))
    vendor = api.vendor
    base_help = (
        f"Base URL (default {vendor.base_url})."
        if vendor.base_url
        else (
            f"Base URL of your {vendor.title} installation, e.g. https://unblu.example.com/app/rest/v4"
            " [required]."
        )
    )
    params.append(click.Option(["--base-url"], metavar="URL", help=base_help))
    params += api.auth.click_options()
    params += [
        click.Option(
            ["--style"],
            type=STYLE_CHOICE,
            default=STYLES[0],
            show_default=True,
            help=STYLE_HELP,
        ),
        click.Option(
            ["--format", "output_format"],
            type=click.Choice(["curl", "component"]),
            default="curl",
            show_default=True,
            help="curl: the command; component: the Call API component JSON.",
        ),
        click.Option(
            ["--name"],
            help="Component name, with --format component (default: the API's summary, "
            "as botkit import names it).",
        ),
        output_option(),
        default_region_option(),
        *fill_options("Fail (exit 2) when a variable is left without a value."),
    ]
    example = _example_line(api)

    def run(**options: Any) -> None:
        _generate(api, options)

    return Command(
        name=api.id,
        callback=run,
        params=params,
        help=f"{api.summary}.\n\n{api.method} {vendor.base_url or '<base-url>'}{api.path}\n\n"
        + (f"Docs: {api.docs}\n\n" if api.docs else "")
        + f"\b\nExample:\n  {example}",
        short_help=api.summary,
        context_settings={"max_content_width": 100},
    )


def _example_line(api: Api) -> str:
    used: dict[str, int] = {}  # examples taken so far, per type
    words = [f"botkit curl {api.id}"]
    chosen = {group[0] for group in api.one_of}
    skipped = {n for group in api.one_of for n in group[1:]}
    for p in api.params:
        if p.name in skipped or not (p.required or p.name in chosen):
            continue
        if p.value_type.flag:
            words.append(p.option)
        elif p.enum:
            words.append(f"{p.option} {p.enum[0]}")
        else:
            index = used[p.type] = used.get(p.type, -1) + 1
            words.append(f"{p.option} {p.value_type.example(index)}")
    if not api.vendor.base_url:
        words.append("--base-url https://unblu.example.com/app/rest/v4")
    return " ".join(words)


def _generate(api: Api, options: dict[str, Any]) -> None:
    from botkit.generate import BodyLayout, Credentials, build_request

    values = _values(api, options)
    output_format = options["output_format"]
    body_layout: BodyLayout = (
        "pretty" if output_format == "component" else STYLE_BODY_LAYOUT[options["style"]]
    )
    base_url = options["base_url"]
    secrets = {k: options.get(k) for k in _CREDENTIALS}
    given = given_values(options["var"], options["vars_files"])
    source_of = _no_source
    if given is not None:
        from botkit.fill import credentials_from_variables, fill_values

        secrets = credentials_from_variables(api.vendor, secrets, given)
        filled = fill_values({**values, "base_url": base_url, **secrets}, given)
        base_url = filled.values.pop("base_url")
        secrets = {k: filled.values.pop(k) for k in _CREDENTIALS}
        values, source_of = filled.values, filled.source_of
    values = _booleans(api, values)
    credentials = Credentials(**secrets)
    try:
        generated = build_request(
            api,
            values,
            base_url=base_url,
            credentials=credentials,
            body_layout=body_layout,
            default_region=options["default_region"],
        )
    except ParamError as exc:
        raise click.UsageError(_option_message(api, exc) + source_of(exc.param)) from None
    if given is not None or options["strict"]:
        _report_unfilled(generated, strict=options["strict"])
    if generated.notes or generated.warnings:
        from botkit.terminal import tell

        for note in generated.notes:
            tell("note", note)
        for warning in generated.warnings:
            tell("warning", warning)
    if output_format == "component":
        from botkit.convert import default_name

        name = options["name"] or default_name(generated.request, api)
        component = generated.request.to_component(name, api.id)
        text = json.dumps(component, indent=2, ensure_ascii=False) + "\n"
    else:
        from botkit.render import render_curl

        text = render_curl(generated.request, options["style"])
    with output_stream(options["output"]) as out:
        click.echo(text, file=out, nl=False)


_CREDENTIALS = ("api_key", "user", "token")


def _booleans(api: Api, values: dict[str, Any]) -> dict[str, Any]:
    """``--reassign false`` (typed, or filled in by ``--var``) is the boolean false; any
    other text is left for the generator to pass (a variable) or refuse."""
    out = dict(values)
    for p in api.params:
        value = out.get(p.name)
        if p.value_type.flag and isinstance(value, str) and value.lower() in ("true", "false"):
            out[p.name] = value.lower() == "true"
    return out


def _values(api: Api, options: dict[str, Any]) -> dict[str, Any]:
    """The parameter values the options give; ``--no-reassign`` is ``reassign`` false."""
    values: dict[str, Any] = {}
    for p in api.params:
        value = options.get(p.dest)
        if p.value_type.flag and options.get(BooleanType.negative_dest(p)):
            if value is not None:
                raise click.UsageError(f"{p.option} and --no-{p.option[2:]}: give one of them")
            value = False
        values[p.name] = value
    return values


def _no_source(key: str) -> str:
    return ""


def _report_unfilled(generated: Any, *, strict: bool) -> None:
    """Each variable the command still holds: a warning, or with ``--strict`` an error.
    One a note already explains (a credential left out) is not repeated."""
    from botkit.fill import unfilled, unfilled_message

    names = unfilled(generated.request)
    if strict and names:
        raise click.UsageError(unfilled_message(names) + " (--strict)")
    from botkit.terminal import tell

    for name in names:
        if not any("{{" + name + "}}" in note for note in generated.notes):
            tell("warning", f"{unfilled_message([name])}; left as written")


def _option_message(api: Api, exc: ParamError) -> str:
    """``customerPhoneNumber: ...`` -> ``--customer-phone-number (customerPhoneNumber): ...``."""
    param = api.param(exc.param)
    if param is not None:
        return f"{param.option} ({param.name}): {exc.message}"
    if exc.param in {"base_url", "api_key", "user", "token"}:
        return f"--{exc.param.replace('_', '-')}: {exc.message}"
    return str(exc)


@click.group(
    "curl",
    cls=CatalogGroup,
    entries=_apis,
    build=_build_api_command,
    section="APIs",
    context_settings={"max_content_width": 100},
)
@catalog_option
def curl() -> None:
    """Print the exact cURL for one catalog API, from its parameters.

    Each API is a subcommand whose options are its parameters in kebab case;
    'botkit curl ID --help' lists them.  Phone numbers are checked for a country
    code and written the way the vendor wants; every value is quoted so that the
    command can be pasted into bash as is.

    \b
    Examples:
      botkit curl doubletick.assign-chat --customer-phone-number 919876543210 \\
          --assigned-user-phone-number 919812345678 --reassign
      botkit curl vambe.assign-team-member --ai-contact-id 3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c \\
          --team-member-id 0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b --style oneline
      botkit curl unblu.set-assignee --base-url https://unblu.example.com/app/rest/v4 \\
          --conversation-id c-123 --person-id p-456 --format component
    """
