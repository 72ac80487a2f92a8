"""Two rendering slips found in review, each with its regression test and a property:
a JSON body from a vendor that declares no headers goes out as JSON (not with curl's
form type removed and nothing in its place), and the oneline style puts exactly one
space between words."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from loopback import send_with_curl

from botkit.catalog import Api, Vendor
from botkit.catalog.auth import scheme_from_data
from botkit.generate import Credentials, build_request
from botkit.render import render_curl
from botkit.request import Body, Header, Request

VENDOR = Vendor(
    name="acme",
    title="Acme",
    docs="",
    auth=scheme_from_data({"scheme": "header", "header": "X-Key", "env": "ACME_KEY"}),
    headers=(),  # no Content-Type of its own
    base_url="http://acme.test/api",
)


def _api(method: str) -> Api:
    params = ({"name": "filter", "in": "body", "type": "string", "help": "F"},)
    return Api(VENDOR, "find", "Find", "", method, "/things", param_tables=lambda: params)


def test_a_json_body_without_vendor_headers_says_it_is_json(recording_server, tmp_path) -> None:
    for method in ("GET", "POST"):
        generated = build_request(
            _api(method), {"filter": "x"}, base_url=recording_server.base_url,
            credentials=Credentials(api_key="k"),
        )  # fmt: skip
        for style in ("readme", "oneline"):
            text = render_curl(generated.request, style)
            assert "Content-Type:'" not in text and "Content-Type: \\" not in text
            assert not re.search(r"Content-Type:\s*$", text, re.M)
            [sent] = send_with_curl(text, recording_server, tmp_path)
            assert sent.method == method
            assert sent.header("Content-Type") == "application/json"
            assert json.loads(sent.body) == {"filter": "x"}


def test_no_body_no_content_type() -> None:
    generated = build_request(_api("GET"), {}, credentials=Credentials(api_key="k"))
    assert generated.request.body is None
    assert "Content-Type" not in render_curl(generated.request, "oneline")


def test_oneline_after_a_flag_without_value_is_one_space() -> None:
    request = Request("POST", "https://h.example/a[1]", [Header("X-A", "1")], [], Body(text="a"))
    text = render_curl(request, "oneline")
    assert " -g -H 'X-A: 1' " in text
    assert "  " not in text


_header = st.builds(
    Header,
    st.sampled_from(["X-A", "Accept", "Content-Type"]),
    st.text("abc ", min_size=1, max_size=4)
    .map(str.strip)
    .filter(lambda v: v and "  " not in v),  # the property is about gaps outside values
)


@settings(max_examples=60, deadline=None)
@given(
    method=st.sampled_from(["GET", "POST", "HEAD", "DELETE"]),
    path=st.sampled_from(["/x", "/a[1]", "/a/../b", "/{y}"]),
    headers=st.lists(_header, max_size=3),
    body=st.one_of(st.none(), st.sampled_from(["", "a=1", '{"k": 1}'])),
)
def test_oneline_never_writes_two_spaces_between_words(method, path, headers, body) -> None:
    """Outside quoted values (none of these values hold two blanks), one space a gap."""
    request = Request(method, "https://h.example" + path, headers, [],
                      None if body is None else Body(text=body))  # fmt: skip
    text = render_curl(request, "oneline")
    assert "  " not in text, text
    assert not text.rstrip("\n").endswith(" ")
