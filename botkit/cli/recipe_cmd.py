"""``botkit recipe ID``: one subcommand per recipe, printing its bash script.

Like ``botkit curl``, each recipe's options come from its definition, so
``botkit recipe ID --help`` documents exactly that procedure.
"""

from __future__ import annotations

from typing import Any, get_args

import click

from botkit.catalog.auth import ScriptMode
from botkit.cli.catalog_option import catalog_option
from botkit.cli.commands import Command
from botkit.cli.groups import CatalogGroup
from botkit.cli.options import output_option
from botkit.errors import ParamError
from botkit.output import output_stream

# how a script authenticates, from the type recipes.render_recipe takes (the first: the default)
SCRIPT_MODES: tuple[str, ...] = get_args(ScriptMode)


def _recipes() -> dict[str, Any]:
    from botkit.recipes import load_recipes

    return load_recipes()


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
            type=click.Choice(SCRIPT_MODES),
            default=SCRIPT_MODES[0],
            show_default=True,
            help='basic: --user "$UNBLU_USER" (USER:PASSWORD); bearer: "$UNBLU_TOKEN".',
        ),
        output_option(),
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
        with output_stream(options["output"]) as out:
            click.echo(script, file=out, nl=False)

    return Command(
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
    section="Recipes",
    context_settings={"max_content_width": 100},
)
@catalog_option
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
