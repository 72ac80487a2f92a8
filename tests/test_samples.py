"""samples/generated/ holds the snippet of every API in each style; this keeps it current.

Run with BOTKIT_UPDATE_SAMPLES=1 to rewrite the files after a catalog or template change.
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT
from generation_cases import CASES, UNBLU_BASE, base_url_for

from botkit.catalog import load_catalog
from botkit.generate import build_request
from botkit.recipes import load_recipes, render_recipe
from botkit.render import to_curl

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
            generated = build_request(api, values, base_url=base_url_for(api_id), layout=layout)
            files[f"{api_id}.{style}.sh"] = to_curl(generated.request, style)
        generated = build_request(api, values, base_url=base_url_for(api_id), layout="pretty")
        component = generated.request.to_component(api.summary, api.id)
        files[f"{api_id}.component.json"] = (
            json.dumps(component, indent=2, ensure_ascii=False) + "\n"
        )
    for recipe_id, values in RECIPE_VALUES.items():
        files[f"recipe.{recipe_id}.sh"] = render_recipe(
            load_recipes()[recipe_id], values, base_url=UNBLU_BASE
        )
    return files


def test_every_api_has_a_sample_in_each_style():
    names = set(_expected())
    for api in load_catalog():
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
