"""An API with its own auth scheme (DoubleTick's call APIs take ``x-public-api-key``) has
its own credential variable, which a bot may use undeclared, as it may its vendor's.

Found by the benchmark corpus: every bot calling such an API had a BK601."""

from __future__ import annotations

from lint_helpers import bot, codes, dt_component, lint

from botkit import variables
from botkit.catalog import load_catalog
from botkit.lint.dataflow import catalog_credentials


def test_an_apis_own_credential_variable_is_declared_by_the_catalog() -> None:
    component = dt_component(
        {"callId": "c1"},
        path="/whatsapp/accept",
        api="doubletick.accept-incoming-call",
        headers=[{"name": "x-public-api-key", "value": "{{DOUBLETICK_X_PUBLIC_API_KEY}}"}],
    )
    assert "BK601" not in codes(lint(bot(component, variables={"topic": "an input"})))


def test_every_catalog_apis_credential_variables_are_known() -> None:
    known = catalog_credentials()
    for api in load_catalog():
        assert set(variables.credential_names(api).names()) <= known, api.id
