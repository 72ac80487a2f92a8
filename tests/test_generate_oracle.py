"""What bash + curl actually send when the generated text is pasted, for every API.

The generated command runs under real bash with the real curl binary against the
loopback recording server; we assert method, path, query, headers and body bytes.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import unquote, urlsplit

import pytest
from generation_cases import CASES, base_url_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loopback import send_with_curl

from botkit.catalog import load_catalog
from botkit.generate import Credentials, build_request
from botkit.render import render_curl

KEY = "key_Ab3dEf6hIj"


def _plain_http(api_id: str) -> str:
    """The vendor's base URL over http: curl is sent to loopback, which speaks no TLS."""
    base = base_url_for(api_id) or load_catalog().get(api_id).vendor.base_url
    return "http://" + base.split("://", 1)[1]


@pytest.mark.parametrize("style", ["readme", "oneline"])
@pytest.mark.parametrize("api_id", sorted(CASES))
def test_every_api_sends_exactly_the_request(api_id, style, recording_server, tmp_path):
    api = load_catalog().get(api_id)
    values, expected_body = CASES[api_id]
    credentials = (
        Credentials(user="admin:s3cret")
        if api_id.startswith("unblu.")
        else Credentials(api_key=KEY)
    )
    generated = build_request(
        api,
        values,
        base_url=_plain_http(api_id),
        credentials=credentials,
        body_layout="readme" if style == "readme" else "compact",
    )
    [sent] = send_with_curl(render_curl(generated.request, style), recording_server, tmp_path)

    request = generated.request
    assert sent.method == api.method
    assert sent.target == urlsplit(request.full_url)._replace(scheme="", netloc="").geturl()
    assert sent.header("Host") == urlsplit(request.url).netloc
    for header in request.headers:
        assert sent.header(header.name) == header.value
    if api_id.startswith("unblu."):
        assert sent.header("Authorization") == "Basic " + base64.b64encode(b"admin:s3cret").decode()
        assert sent.header("Content-Type") == "application/json"
    elif api_id.startswith("doubletick."):
        assert sent.header("Authorization") == KEY
        assert sent.header("accept") == "application/json"
        assert sent.header("content-type") == "application/json"
    else:
        assert sent.header("x-api-key") == KEY
    if expected_body is None:
        assert sent.body == b""
        assert sent.query == "removeExistingAgents=true"
    else:
        assert sent.body == request.body.text.encode()
        assert json.loads(sent.body) == expected_body


def test_path_parameters_are_percent_encoded(recording_server, tmp_path):
    api = load_catalog().get("unblu.set-assignee")
    generated = build_request(
        api, {"conversationId": "a/b?c#d e", "personId": "p"}, base_url="http://u.test/app/rest/v4"
    )
    [sent] = send_with_curl(render_curl(generated.request), recording_server, tmp_path)
    assert sent.path == "/app/rest/v4/conversations/a%2Fb%3Fc%23d%20e/setAssigneePerson"
    assert unquote(sent.path.split("/")[5]) == "a/b?c#d e"


HOSTILE = [
    "it's",
    '"quoted"',
    "$(touch pwned)",
    "`touch pwned`",
    "back\\slash",
    "line\nbreak",
    "!!",
    "100%",
    "-v",
    "--data=@/etc/passwd",
    "ünïcödé ✓ 日本",
    "${HOME}",
    "EOF",
    "'; touch pwned; '",
]
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
)
hostile_key = st.one_of(
    st.sampled_from([h for h in HOSTILE if "\n" not in h]),
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029"),
        min_size=1,
        max_size=30,
    ).filter(lambda s: s.strip() == s),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    conversation=hostile_text,
    person=hostile_text,
    comment=hostile_text,
    password=hostile_key.filter(lambda s: "\n" not in s),
    style=st.sampled_from(["readme", "oneline"]),
)
def test_hostile_values_arrive_byte_for_byte_and_run_nothing(
    conversation, person, comment, password, style, recording_server, tmp_path
):
    api = load_catalog().get("unblu.offboard-participant")
    generated = build_request(
        api,
        {"conversationId": conversation, "personId": person, "comment": comment},
        base_url="http://unblu.test/app/rest/v4",
        credentials=Credentials(user=f"admin:{password}"),
        body_layout="readme" if style == "readme" else "compact",
    )
    [sent] = send_with_curl(render_curl(generated.request, style), recording_server, tmp_path)
    assert unquote(sent.path.split("/")[5]) == conversation
    assert json.loads(sent.body) == {"personId": person, "comment": comment}
    expected_auth = base64.b64encode(f"admin:{password}".encode()).decode()
    assert sent.header("Authorization") == "Basic " + expected_auth
    assert list(tmp_path.iterdir()) == []  # nothing ran: no file was created


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=hostile_key, style=st.sampled_from(["readme", "oneline"]))
def test_hostile_api_keys_arrive_byte_for_byte(key, style, recording_server, tmp_path):
    api = load_catalog().get("doubletick.unassign-chat")
    generated = build_request(
        api,
        {"customerPhoneNumber": "919876543210"},
        base_url="http://public.doubletick.io",
        credentials=Credentials(api_key=key),
    )
    [sent] = send_with_curl(render_curl(generated.request, style), recording_server, tmp_path)
    assert sent.header("Authorization") == key
    assert list(tmp_path.iterdir()) == []
