"""samples/generated/ holds the snippet of every API in each style; this keeps it current,
and checks that each file is exactly what the CLI prints for the same values.

Run with BOTKIT_UPDATE_SAMPLES=1 to rewrite the files after a catalog or template change.
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT
from generation_cases import CASES, UNBLU_BASE, base_url_for
from test_catalog import EXPECTED_IDS

from botkit.catalog import load_catalog
from botkit.convert import default_name
from botkit.generate import build_request
from botkit.recipes import load_recipes, render_recipe
from botkit.render import render_curl

SAMPLES = ROOT / "samples" / "generated"
UPDATE = os.environ.get("BOTKIT_UPDATE_SAMPLES") == "1"

RECIPE_VALUES = {
    "unblu.forward": {
        "conversationId": "c-123",
        "agentPersonId": "p-456",
        "comment": "Over to you",
    },
    "unblu.reassign-keep-previous": {"conversationId": "c-123", "personId": "p-456"},
    "unblu.reassign-to-participant": {
        "conversationId": "c-123",
        "personId": "p-456",
        "unhide": True,
        "previousPersonId": "p-123",
        "offboardReason": "USER_CHANGED",
    },
}


def _expected() -> dict[str, str]:
    files = {}
    for api_id, (values, _) in sorted(CASES.items()):
        api = load_catalog().get(api_id)
        for style, layout in (("readme", "readme"), ("oneline", "compact")):
            generated = build_request(
                api, values, base_url=base_url_for(api_id), body_layout=layout
            )
            files[f"{api_id}.{style}.sh"] = render_curl(generated.request, style)
        generated = build_request(api, values, base_url=base_url_for(api_id), body_layout="pretty")
        component = generated.request.to_component(default_name(generated.request, api), api.id)
        files[f"{api_id}.component.json"] = (
            json.dumps(component, indent=2, ensure_ascii=False) + "\n"
        )
    for recipe_id, values in RECIPE_VALUES.items():
        files[f"recipe.{recipe_id}.sh"] = render_recipe(
            load_recipes()[recipe_id], values, base_url=UNBLU_BASE
        )
    return files


def test_every_api_has_a_sample_in_each_style():
    # the hand-written APIs; the generated rest of DoubleTick is sent by test_openapi_specs
    names = set(_expected())
    for api in (a for a in load_catalog() if a.id in EXPECTED_IDS):
        assert {f"{api.id}.readme.sh", f"{api.id}.oneline.sh", f"{api.id}.component.json"} <= names


@pytest.mark.parametrize("name", sorted(_expected()))
def test_sample_is_current(name):
    content = _expected()[name]
    path = SAMPLES / name
    if UPDATE:
        SAMPLES.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    assert path.exists(), f"missing {path.name}: run the tests with BOTKIT_UPDATE_SAMPLES=1"
    assert path.read_text(encoding="utf-8") == content, (
        f"{path.name} is stale: run the tests with BOTKIT_UPDATE_SAMPLES=1"
    )


def test_no_stale_files_in_samples():
    assert {p.name for p in SAMPLES.iterdir()} == set(_expected())


def _cli_words(api_id: str, values: dict) -> list[str]:
    """The ``botkit curl`` options a user types for ``values`` (the API's parameter names)."""
    api = load_catalog().get(api_id)
    words = ["curl", api_id]
    for name, value in values.items():
        option = api.param(name).option
        if isinstance(value, bool):
            words.append(option if value else f"--no-{option[2:]}")
        else:
            for item in value if isinstance(value, list) else [value]:
                words += [option, item]
    if base_url_for(api_id):
        words += ["--base-url", base_url_for(api_id)]
    return words


def _recipe_words(recipe_id: str, values: dict) -> list[str]:
    recipe = load_recipes()[recipe_id]
    words = ["recipe", recipe_id, "--base-url", UNBLU_BASE]
    for name, value in values.items():
        option = recipe.option(name).option
        words += [option] if value is True else [option, value]
    return words


def _cli_cases() -> dict[str, list[str]]:
    cases = {}
    for api_id, (values, _) in sorted(CASES.items()):
        words = _cli_words(api_id, values)
        cases[f"{api_id}.readme.sh"] = words
        cases[f"{api_id}.oneline.sh"] = [*words, "--style", "oneline"]
        cases[f"{api_id}.component.json"] = [*words, "--format", "component"]
    for recipe_id, values in RECIPE_VALUES.items():
        cases[f"recipe.{recipe_id}.sh"] = _recipe_words(recipe_id, values)
    return cases


def test_every_sample_has_its_cli_command():
    assert set(_cli_cases()) == set(_expected())


@pytest.mark.parametrize("name", sorted(_cli_cases()))
def test_sample_is_what_the_cli_prints(name, monkeypatch):
    """`botkit curl ...` / `botkit recipe ...` with the sample's values prints the sample."""
    from click.testing import CliRunner

    from botkit.cli import cli

    for variable in ("DOUBLETICK_API_KEY", "VAMBE_API_KEY", "UNBLU_USER", "UNBLU_TOKEN"):
        monkeypatch.delenv(variable, raising=False)
    result = CliRunner().invoke(cli, _cli_cases()[name], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout == (SAMPLES / name).read_text(encoding="utf-8")
