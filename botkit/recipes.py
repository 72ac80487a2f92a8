"""Multi-step procedures (botkit/recipes.toml) rendered as one bash script each.

A recipe is data: options, and steps that call catalog APIs with parameters taken
from those options.  Every step goes through the same ``build_request`` and
renderer as ``botkit curl``, so validation and quoting are the same.  Scripts
read credentials from the environment at run time; no secret is written into them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from botkit.catalog import Api, Catalog, kebab, load_catalog
from botkit.catalog.auth import ScriptMode
from botkit.errors import BotkitError, ParamError
from botkit.generate import build_request

RECIPES_FILE = Path(__file__).resolve().parent / "recipes.toml"
AuthMode = ScriptMode


@dataclass(frozen=True)
class RecipeOption:
    name: str
    help: str
    required: bool = False
    type: Literal["string", "boolean"] = "string"
    default: str | None = None
    choices: tuple[str, ...] = ()

    @property
    def option(self) -> str:
        return "--" + kebab(self.name)


@dataclass(frozen=True)
class Step:
    api: Api
    params: Mapping[str, str | bool]
    when: str | None = None


@dataclass(frozen=True)
class Recipe:
    id: str
    summary: str
    description: str
    options: tuple[RecipeOption, ...]
    steps: tuple[Step, ...]

    def option(self, name: str) -> RecipeOption | None:
        return next((o for o in self.options if o.name == name), None)


@cache
def load_recipes(path: Path = RECIPES_FILE) -> dict[str, Recipe]:
    """Every recipe by id, validated against schemas/recipe.schema.json and the catalog."""
    from botkit import schemas

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    problem = schemas.best_problem("recipe", data)
    if problem is not None:
        raise BotkitError(f"{path.name}: invalid recipe at {problem}")
    catalog = load_catalog()
    recipes = [_recipe(entry, catalog) for entry in data["recipe"]]
    return {r.id: r for r in recipes}


def render_recipe(
    recipe: Recipe,
    values: Mapping[str, str | bool | None],
    *,
    base_url: str | None,
    auth: AuthMode = "basic",
) -> str:
    """The bash script (``set -euo pipefail``) that runs the recipe's calls in order."""
    from botkit import __version__
    from botkit.render import Option, render_curl, render_template

    given = _with_defaults(recipe, values)
    steps: list[dict[str, Any]] = []
    for step in recipe.steps:
        if step.when is not None and not given.get(step.when):
            continue
        params = {}
        for name, source in step.params.items():
            if isinstance(source, str) and source.startswith("$"):
                params[name] = given.get(source[1:])
            else:
                params[name] = source
        try:
            generated = build_request(step.api, params, base_url=base_url, include_auth=False)
        except ParamError as exc:
            raise _as_option_error(recipe, step, exc) from None
        script_auth = step.api.auth.script_auth(auth)
        extra: tuple[Option, ...] = ()
        env = None
        if script_auth is not None:
            option, value, env = script_auth
            extra = (Option(option, value, raw=True),)
        curl = render_curl(
            generated.request,
            "readme",
            prefix=(Option("--fail-with-body"), Option("--silent"), Option("--show-error")),
            extra=extra,
        )
        steps.append({"api": step.api, "curl": curl.rstrip("\n"), "env": env})
    env_names = sorted({s["env"] for s in steps if s["env"]})
    return render_template(
        "recipes/script.sh.j2",
        {
            "recipe": recipe,
            "steps": steps,
            "env_names": env_names,
            "auth": auth,
            "version": __version__,
        },
    )


def _with_defaults(
    recipe: Recipe, values: Mapping[str, str | bool | None]
) -> dict[str, str | bool | None]:
    given: dict[str, str | bool | None] = {}
    for option in recipe.options:
        value = values.get(option.name)
        if value is None or value is False:
            value = option.default if value is None else value
        if option.required and (value is None or value == ""):
            raise ParamError(option.option, f"is required by recipe {recipe.id}")
        if option.choices and isinstance(value, str) and value not in option.choices:
            raise ParamError(
                option.option, f"{value!r} is not allowed; choose from {', '.join(option.choices)}"
            )
        given[option.name] = value
    unknown = set(values) - {o.name for o in recipe.options}
    if unknown:
        raise ParamError(sorted(unknown)[0], f"recipe {recipe.id} has no such option")
    return given


def _as_option_error(recipe: Recipe, step: Step, exc: ParamError) -> ParamError:
    """Name the recipe option that fed the API parameter an error is about."""
    source = step.params.get(exc.param)
    if isinstance(source, str) and source.startswith("$"):
        option = recipe.option(source[1:])
        if option is not None:
            return ParamError(option.option, exc.message)
    return exc


def _recipe(entry: dict[str, Any], catalog: Catalog) -> Recipe:
    options = []
    for o in entry["options"]:
        choices: tuple[str, ...] = ()
        if "api_param" in o:
            api_id, _, param_name = o["api_param"].partition(":")
            param = catalog.get(api_id).param(param_name)
            if param is None:
                raise BotkitError(f"recipe {entry['id']}: {o['api_param']} names no parameter")
            choices = param.enum
        options.append(
            RecipeOption(
                name=o["name"],
                help=o["help"],
                required=o.get("required", False),
                type=o.get("type", "string"),
                default=o.get("default"),
                choices=choices,
            )
        )
    names = {o.name for o in options}
    steps = []
    for s in entry["steps"]:
        api = catalog.get(s["api"])
        for name, source in s["params"].items():
            if api.param(name) is None:
                raise BotkitError(f"recipe {entry['id']}: {api.id} has no parameter {name}")
            if isinstance(source, str) and source.startswith("$") and source[1:] not in names:
                raise BotkitError(f"recipe {entry['id']}: no option {source[1:]}")
        if s.get("when") is not None and s["when"] not in names:
            raise BotkitError(f"recipe {entry['id']}: 'when' names no option {s['when']}")
        steps.append(Step(api=api, params=s["params"], when=s.get("when")))
    return Recipe(
        id=entry["id"],
        summary=entry["summary"],
        description=entry["description"].strip(),
        options=tuple(options),
        steps=tuple(steps),
    )
