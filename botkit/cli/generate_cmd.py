"""``botkit curl ID`` and ``botkit recipe ID``: one subcommand per catalog entry.

The options of each subcommand are derived from its catalog entry (parameter
names in kebab case), so ``botkit curl doubletick.assign-chat --help`` documents
exactly that API and nothing has to be kept in step by hand.
"""

from __future__ import annotations

import json
from typing import Any

import click

from botkit.catalog import Api, load_catalog
from botkit.errors import ParamError

STYLE_HELP = "readme: DoubleTick docs layout (default); oneline: a single line."


class CatalogGroup(click.Group):
    """A group whose subcommands are built on demand from catalog (or recipe) entries."""

    def __init__(self, *args: Any, entries: Any, build: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._entries = entries
        self._build = build

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
            import difflib

            close = difflib.get_close_matches(name, list(self._entries()), n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]}?" if close else ""
            raise click.UsageError(f"unknown id {name!r}{hint}", ctx)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, entry.summary) for name, entry in self._entries().items()]
        with formatter.section("APIs" if self.name == "curl" else "Recipes"):
            formatter.write_dl(rows)


def _apis() -> dict[str, Api]:
    return {api.id: api for api in load_catalog()}


def _recipes() -> dict[str, Any]:
    from botkit.recipes import load_recipes

    return load_recipes()


def _build_api_command(api: Api) -> click.Command:
    params: list[click.Parameter] = [p.value_type.click_option(p) for p in api.params]
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
    params += vendor.auth.click_options()
    params += [
        click.Option(
            ["--style"],
            type=click.Choice(["readme", "oneline"]),
            default="readme",
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
        click.Option(["--name"], help="Component name (with --format component)."),
        click.Option(
            ["--default-region"],
            metavar="CC",
            help="Region (e.g. IN) used only to suggest the fix for a number without country code.",
        ),
    ]
    example = _example_line(api)

    def run(**options: Any) -> None:
        _generate(api, options)

    return click.Command(
        name=api.id,
        callback=run,
        params=params,
        help=f"{api.summary}.\n\n{api.method} {vendor.base_url or '<base-url>'}{api.path}\n\n"
        f"Docs: {api.docs}\n\n\b\nExample:\n  {example}",
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
    from botkit.generate import Credentials, build_request

    values = {p.name: options.get(p.name) for p in api.params}
    output_format = options["output_format"]
    layout = (
        "pretty"
        if output_format == "component"
        else ("readme" if options["style"] == "readme" else "compact")
    )
    credentials = Credentials(
        api_key=options.get("api_key"), user=options.get("user"), token=options.get("token")
    )
    try:
        generated = build_request(
            api,
            values,
            base_url=options["base_url"],
            credentials=credentials,
            layout=layout,
            default_region=options["default_region"],
        )
    except ParamError as exc:
        raise click.UsageError(_option_message(api, exc)) from None
    for note in generated.notes:
        click.echo(f"botkit: note: {note}", err=True)
    if output_format == "component":
        name = options["name"] or f"{api.vendor.title} {api.action.replace('-', ' ')}"
        component = generated.request.to_component(name, api.id)
        click.echo(json.dumps(component, indent=2, ensure_ascii=False))
        return
    from botkit.render import to_curl

    click.echo(to_curl(generated.request, options["style"]), nl=False)


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
    context_settings={"max_content_width": 100},
)
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


def _build_recipe_command(recipe: Any) -> click.Command:
    params: list[click.Parameter] = []
    for option in recipe.options:
        flag = option.option[2:]
        if option.type == "boolean":
            params.append(click.Option([f"--{flag}", option.name], is_flag=True, help=option.help))
            continue
        params.append(
            click.Option(
                [option.option, option.name],
                type=click.Choice(option.choices) if option.choices else None,
                metavar=None if option.choices else "TEXT",
                default=option.default,
                show_default=option.default is not None,
                help=option.help + (" [required]" if option.required else ""),
            )
        )
    params += [
        click.Option(
            ["--base-url"],
            metavar="URL",
            required=True,
            help="Base URL of your installation, e.g. https://unblu.example.com/app/rest/v4.",
        ),
        click.Option(
            ["--auth"],
            type=click.Choice(["basic", "bearer"]),
            default="basic",
            show_default=True,
            help='basic: --user "$UNBLU_USER" (USER:PASSWORD); bearer: "$UNBLU_TOKEN".',
        ),
    ]

    def run(**options: Any) -> None:
        from botkit.recipes import render_recipe

        values = {o.name: options.get(o.name) for o in recipe.options}
        try:
            script = render_recipe(
                recipe, values, base_url=options["base_url"], auth=options["auth"]
            )
        except ParamError as exc:
            param = exc.param if exc.param.startswith("--") else f"--{exc.param.replace('_', '-')}"
            raise click.UsageError(f"{param}: {exc.message}") from None
        click.echo(script, nl=False)

    return click.Command(
        name=recipe.id,
        callback=run,
        params=params,
        help=f"{recipe.summary}.\n\n{recipe.description}",
        short_help=recipe.summary,
        context_settings={"max_content_width": 100},
    )


@click.group(
    "recipe",
    cls=CatalogGroup,
    entries=_recipes,
    build=_build_recipe_command,
    context_settings={"max_content_width": 100},
)
def recipe() -> None:
    """Print a bash script that runs a multi-step procedure's calls in order.

    The script stops at the first failed call (set -euo pipefail, curl
    --fail-with-body) and reads credentials from the environment at run time.

    \b
    Examples:
      botkit recipe unblu.reassign-keep-previous --base-url https://unblu.example.com/app/rest/v4 \\
          --conversation-id c-123 --person-id p-456 > reassign.sh
      UNBLU_USER=admin:secret bash reassign.sh
    """
