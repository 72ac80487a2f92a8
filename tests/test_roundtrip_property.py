"""component -> export -> import gives the identical component, for generated components.

The generator covers what the schema allows: any HTTP method token, http(s) and
{{variable}} base URLs with odd paths (unicode, %-escapes, [] {} that need
--globoff, . and .. segments that need --path-as-is), query pieces with and
without values, header lists with duplicates and every printable character,
basic auth, and text (JSON, plain, unicode, quotes, control characters) or
multipart bodies.  ``name`` is passed back, since cURL has no place for it.
"""

from __future__ import annotations

import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from botkit.catalog import load_catalog
from botkit.convert import parse_curl, to_curl
from botkit.request import Request

TOKEN = string.ascii_letters + string.digits + "!#$%&'*+.^_`|~-"
_no_nul = st.characters(codec="utf-8", exclude_characters="\x00")
_line = st.characters(codec="utf-8", exclude_characters="\x00\r\n")
# The schema's \s is ECMA-262's: it also matches U+FEFF (a Cf character), so leave it out too.
_url_char = st.characters(
    codec="utf-8",
    exclude_characters="\x00?#\ufeff",
    exclude_categories=("Zs", "Cc", "Zl", "Zp"),
)
_query_char = st.characters(
    codec="utf-8",
    exclude_characters="\x00&#=\ufeff",
    exclude_categories=("Zs", "Cc", "Zl", "Zp"),
)

variables = st.text(string.ascii_letters + "_", min_size=1, max_size=10).map(
    lambda s: f"{{{{{s}}}}}"
)
methods = st.one_of(
    st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]),
    st.text(TOKEN, min_size=1, max_size=10),
)
hosts = st.one_of(
    st.sampled_from(
        [
            "public.doubletick.io",
            "api.vambe.me",
            "acme.unblu.cloud",
            "api.example.com",
            "127.0.0.1:8080",
            "[::1]",
            "{{host}}",
        ]
    ),
    st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=10).map(
        lambda s: f"h{s}.example.com"
    ),
)
segments = st.one_of(
    st.text(_url_char, max_size=12).filter(lambda s: "/" not in s and "\\" not in s),
    st.sampled_from([".", "..", "{{id}}", "team-member", "assign", "%20", "a[1]", "caf%C3%A9"]),
    variables,
)


@st.composite
def urls(draw: st.DrawFn) -> str:
    path = "".join("/" + s for s in draw(st.lists(segments, max_size=4)))
    if draw(st.booleans()) and draw(st.booleans()):
        return draw(variables) + path
    scheme = draw(st.sampled_from(["https", "http", "HTTPS"]))
    return f"{scheme}://{draw(hosts)}{path}"


header_names = st.one_of(
    st.sampled_from(
        [
            "Authorization",
            "accept",
            "Content-Type",
            "X-Api-Key",
            "Cookie",
            "User-Agent",
            "X-Dup",
            "x-dup",
            "Host",
            "Accept-Encoding",
        ]
    ),
    st.text(TOKEN, min_size=1, max_size=16),
)
header_values = st.one_of(
    st.text(_line, max_size=30).map(lambda s: s.strip(" \t")),
    variables,
    st.sampled_from(["key_xxxxxxxxxx", "Bearer {{token}}", "application/json", ""]),
)
headers = st.lists(
    st.fixed_dictionaries({"name": header_names, "value": header_values}), max_size=6
)
query_piece = st.one_of(
    st.fixed_dictionaries({"name": st.text(_query_char, max_size=8)}),
    st.fixed_dictionaries(
        {
            "name": st.text(_query_char, max_size=8),
            "value": st.text(_query_char | st.just("="), max_size=8),
        }
    ),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(_no_nul, max_size=12) | variables,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
texts = st.one_of(
    st.text(_no_nul, max_size=60),
    json_values.map(lambda v: json.dumps(v, ensure_ascii=False)),
    json_values.map(lambda v: json.dumps(v, indent=2) + "\n"),
    st.sampled_from(['it\'s a "quote"\n', "@file.json", "-d", "a=1&b=2", "", "EOF\n'\n", "\\\n"]),
)
media_types = st.sampled_from(
    ["text/plain", "application/json", "image/png", "text/plain; charset=utf-8"]
)
part_names = st.text(
    st.characters(codec="utf-8", exclude_characters="\x00\r\n="), min_size=1, max_size=10
)
file_names = st.text(
    st.characters(codec="utf-8", exclude_characters="\x00\r\n"), min_size=1, max_size=12
)


@st.composite
def parts(draw: st.DrawFn) -> dict:
    part = {"name": draw(part_names)}
    if draw(st.booleans()):
        part["value"] = draw(texts)
    else:
        part["file"] = draw(file_names)
    if draw(st.booleans()):
        part["filename"] = draw(
            st.text(st.characters(codec="utf-8", exclude_characters="\x00\r\n"), max_size=10)
        )
    if draw(st.booleans()):
        part["type"] = draw(media_types)
    return part


bodies = st.one_of(
    st.fixed_dictionaries({"text": texts}),
    st.fixed_dictionaries({"multipart": st.lists(parts(), min_size=1, max_size=4)}),
)
auths = st.fixed_dictionaries(
    {
        "type": st.just("basic"),
        "username": st.text(
            st.characters(codec="utf-8", exclude_characters="\x00\r\n:"), max_size=10
        ),
        "password": st.text(_line, max_size=10),
    }
)


@st.composite
def components(draw: st.DrawFn) -> dict:
    component = {
        "type": "call_api",
        "name": draw(st.text(_no_nul, min_size=1, max_size=20)),
        "method": draw(methods),
        "url": draw(urls()),
        "headers": draw(headers),
        "query": draw(st.lists(query_piece, max_size=4)),
    }
    if draw(st.booleans()):
        component["auth"] = draw(auths)
    if draw(st.booleans()):
        component["body"] = draw(bodies)
    api = load_catalog().find(component["method"], component["url"])
    if api is not None:
        component["api"] = api.id
    return component


def _reorder(component: dict) -> dict:
    """Keys in Request.to_component's order, so == compares content, not key order."""
    return Request.from_component(component).to_component(component["name"], component.get("api"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(components(), st.sampled_from(["readme", "oneline"]))
def test_export_then_import_gives_the_same_component(component: dict, style: str) -> None:
    text = to_curl(component, style=style)  # also proves the generator made a valid component
    again = parse_curl(text, name=component["name"], strict=True)
    assert again == _reorder(component)


def test_a_catalog_component_keeps_its_api_id() -> None:
    component = parse_curl(
        "curl -X POST https://public.doubletick.io/team-member/assign "
        "-H 'Authorization: key_xxxxxxxxxx' --json '{\"customerPhoneNumber\":\"919876543210\"}'"
    )
    assert component["api"] == "doubletick.assign-chat"
    assert parse_curl(to_curl(component), name=component["name"]) == component
