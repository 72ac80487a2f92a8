"""A {{variable}} as the whole value of any parameter goes through `botkit curl` verbatim:
real bash + real curl against the loopback recorder see exactly the braces, in the path,
the query and the body, for every API of the generation cases."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from generation_cases import CASES, base_url_for
from loopback import send_with_curl

from botkit.catalog import load_catalog
from botkit.errors import ParamError
from botkit.generate import Credentials, build_request
from botkit.render import render_curl


def _plain_http(api_id: str) -> str:
    base = base_url_for(api_id) or load_catalog().get(api_id).vendor.base_url
    return "http://" + base.split("://", 1)[1]


def _as_variables(api, values: dict) -> dict:
    out = {}
    for name, value in values.items():
        if isinstance(value, list):
            out[name] = [f"{{{{{name}_{i}}}}}" for i in range(len(value))]
        else:
            spaced = api.param(name).location == "body" and name.endswith("Id")
            out[name] = f"{{{{ {name} }}}}" if spaced else f"{{{{{name}}}}}"
    return out


@pytest.mark.parametrize("style", ["readme", "oneline"])
@pytest.mark.parametrize("api_id", sorted(CASES))
def test_variables_arrive_verbatim(api_id, style, recording_server, tmp_path):
    api = load_catalog().get(api_id)
    values = _as_variables(api, CASES[api_id][0])
    generated = build_request(
        api,
        values,
        base_url=_plain_http(api_id),
        credentials=Credentials(api_key="{{API_KEY}}", token="{{TOKEN}}")
        if not api_id.startswith("unblu.")
        else Credentials(token="{{UNBLU_TOKEN}}"),
        body_layout="readme" if style == "readme" else "compact",
    )
    text = render_curl(generated.request, style)
    assert "%7B" not in text
    [sent] = send_with_curl(text, recording_server, tmp_path)
    for param in api.params:
        if param.name not in values:
            continue
        wanted = values[param.name]
        if param.location == "path":
            assert wanted in sent.path
        elif param.location == "query":
            assert f"{param.name}={wanted}" in sent.query
        elif param.location == "body":
            assert json.loads(sent.body)[param.name] == wanted
    assert urlsplit(sent.target).path == sent.path


def test_base_url_as_a_variable_and_mixed_text():
    api = load_catalog().get("unblu.set-assignee")
    generated = build_request(
        api,
        {"conversationId": "c-{{id}}x/", "personId": "{{person}}"},
        base_url="{{unblu_base}}/app/rest/v4",
    )
    assert (
        generated.request.url
        == "{{unblu_base}}/app/rest/v4/conversations/c-{{id}}x%2F/setAssigneePerson"
    )
    text = render_curl(generated.request, "oneline")
    assert "--globoff" in text or " -g" in text


def test_mixed_text_is_explained_where_the_type_cannot_be_checked():
    api = load_catalog().get("doubletick.assign-chat")
    with pytest.raises(ParamError, match="mixes text and a variable"):
        build_request(
            api,
            {"customerPhoneNumber": "+91{{local}}", "assignedUserPhoneNumber": "919812345678"},
        )


def test_a_literal_is_still_checked():
    api = load_catalog().get("doubletick.assign-chat")
    with pytest.raises(ParamError, match="country code"):
        build_request(
            api, {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "{{agent}}"}
        )


def test_a_blank_inside_a_url_variable_is_explained():
    api = load_catalog().get("unblu.set-assignee")
    with pytest.raises(ParamError, match=r"blank in a URL: write \{\{cid\}\}"):
        build_request(
            api, {"conversationId": "{{ cid }}", "personId": "p"}, base_url="https://u.example.com"
        )
