"""The sample bots are realistic and honest: clean ones pass, faulty ones raise exactly
the codes they list in ``x-expect``, and together they call every catalog API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_catalog import EXPECTED_IDS

from botkit.lint import LintConfig, lint_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "bots"
CLEAN = sorted(p for p in SAMPLES.glob("*.json"))
FAULTY = sorted((SAMPLES / "faulty").glob("*.json"))


def test_there_are_clean_and_faulty_samples():
    assert len(CLEAN) >= 4 and len(FAULTY) >= 4


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_samples_pass(path):
    assert list(lint_paths([path], LintConfig())) == []


@pytest.mark.parametrize("path", FAULTY, ids=lambda p: p.name)
def test_faulty_samples_raise_what_they_expect(path):
    expected = json.loads(path.read_text())["x-expect"]
    found = [f.code for f in lint_paths([path], LintConfig())]
    assert sorted(found) == sorted(expected)


def test_samples_call_every_catalog_api():
    from botkit.lint.call import Call
    from botkit.lint.context import Context
    from botkit.lint.jsonfile import component_paths_in

    ctx = Context(LintConfig())
    used = set()
    for path in CLEAN + FAULTY:
        data = json.loads(path.read_text())
        for base in component_paths_in(data):
            component = data
            for key in base:
                component = component[key]
            target = Call(component, base, ctx).target
            if target.api is not None:
                used.add(target.api.id)
    # the hand-written APIs; the generated rest of DoubleTick is sent by test_openapi_specs
    assert used == EXPECTED_IDS
