"""The catalog is data validated by a schema, and the single source of the CLI's options."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from botkit import schemas
from botkit.catalog import CATALOG_DIR as CATALOG_FOLDER
from botkit.catalog import Api, _UrlKey, kebab, load_catalog, split_placeholders
from botkit.catalog.paths import ends_with_path
from botkit.errors import BotkitError
from botkit.request import split_url

CATALOG_DIR = Path(CATALOG_FOLDER)

EXPECTED_IDS = {
    "doubletick.assign-chat",
    "doubletick.unassign-chat",
    "doubletick.add-collaborators",
    "doubletick.remove-collaborators",
    "doubletick.assign-customer",
    "vambe.assign-team-member",
    "unblu.forward-conversation",
    "unblu.add-participant",
    "unblu.set-assignee",
    "unblu.change-visibility",
    "unblu.offboard-participant",
    "unblu.set-awaited-person-type",
}


def test_catalog_has_every_api_of_the_facts():
    assert set(load_catalog().ids()) >= EXPECTED_IDS


def test_the_rest_of_the_catalog_is_doubleticks_whole_public_api():
    # 92 operations in DoubleTick's spec, 5 of them the seed endpoints above
    generated = set(load_catalog().ids()) - EXPECTED_IDS
    assert len(generated) == 87
    assert {api_id.split(".")[0] for api_id in generated} == {"doubletick"}


@pytest.mark.parametrize("path", sorted(CATALOG_DIR.glob("*.toml")), ids=lambda p: p.name)
def test_each_catalog_file_is_valid_against_its_schema(path):
    assert schemas.best_problem("catalog", tomllib.loads(path.read_text())) is None


def test_schema_rejects_an_entry_with_an_unknown_parameter_location():
    data = tomllib.loads((CATALOG_DIR / "vambe.toml").read_text())
    data["api"][0]["params"][0]["in"] = "cookie"
    problem = schemas.best_problem("catalog", data)
    assert problem is not None and problem.path[:3] == ("api", 0, "params")


def test_loader_rejects_path_placeholders_without_path_parameters(tmp_path):
    text = (CATALOG_DIR / "vambe.toml").read_text().replace("{teamMemberId}", "{memberId}")
    (tmp_path / "vambe.toml").write_text(text)
    with pytest.raises(BotkitError, match="placeholders"):
        load_catalog.__wrapped__(tmp_path)


@pytest.mark.parametrize(
    ("name", "option"),
    [
        ("customerPhoneNumber", "customer-phone-number"),
        ("agentNumbers", "agent-numbers"),
        ("aiContactId", "ai-contact-id"),
        ("from", "from"),
    ],
)
def test_parameter_names_become_kebab_case_options(name, option):
    assert kebab(name) == option


def test_facts_doubletick():
    catalog = load_catalog()
    assign = catalog.get("doubletick.assign-chat")
    assert (assign.method, assign.vendor.base_url, assign.path) == (
        "POST",
        "https://public.doubletick.io",
        "/team-member/assign",
    )
    assert assign.vendor.auth.header == "Authorization"
    assert assign.vendor.auth.prefix == ""  # the raw key: no "Bearer", no "key "
    assert assign.vendor.phone_format == "digits"
    assert assign.one_of == (("customerPhoneNumber", "groupId"),)
    collaborators = catalog.get("doubletick.add-collaborators")
    assert [(p.name, p.required, p.is_list) for p in collaborators.params] == [
        ("from", True, False),
        ("to", True, False),
        ("agentNumbers", True, True),
    ]
    customer = catalog.get("doubletick.assign-customer")
    assert all(p.required for p in customer.params)


def test_facts_vambe_and_unblu():
    catalog = load_catalog()
    vambe = catalog.get("vambe.assign-team-member")
    assert vambe.vendor.auth.header == "x-api-key"
    assert vambe.vendor.phone_format == "e164"
    assert [(p.name, p.location, p.type) for p in vambe.params] == [
        ("aiContactId", "path", "uuid"),
        ("teamMemberId", "path", "uuid"),
        ("removeExistingAgents", "query", "boolean"),
    ]
    visibility = catalog.get("unblu.change-visibility")
    assert visibility.param("hidden").location == "body"  # the spec, not the seed's query text
    assert catalog.get("unblu.forward-conversation").vendor.base_url is None
    awaited = catalog.get("unblu.set-awaited-person-type").param("awaitedPersonType")
    assert awaited.enum == ("NONE", "VISITOR", "AGENT")
    assert "DEPUTY_REMOVAL" in catalog.get("unblu.offboard-participant").param("reason").enum


@pytest.mark.parametrize(
    ("method", "url", "expected"),
    [
        ("POST", "https://public.doubletick.io/team-member/assign", "doubletick.assign-chat"),
        ("POST", "https://public.doubletick.io/customer/assign/", "doubletick.assign-customer"),
        ("POST", "{{host}}/collaborators/remove", "doubletick.remove-collaborators"),
        (
            "POST",
            "https://api.vambe.ai/api/public/contact/a/assign-team-member/b",
            "vambe.assign-team-member",
        ),
        (
            "POST",
            "https://chat.bank.example/app/rest/v4/conversations/c1/setAssigneePerson",
            "unblu.set-assignee",
        ),
        ("GET", "https://public.doubletick.io/team-member/assign", None),
        ("POST", "https://other.example/team-member/assign", None),
        ("POST", "https://public.doubletick.io/team-member/assign/extra", None),
        ("POST", "https://[public.doubletick.io/team-member/assign", None),  # found by fuzzing
    ],
)
def test_find_matches_by_method_host_and_path_template(method, url, expected):
    api = load_catalog().find(method, url)
    assert (api.id if api else None) == expected


def test_unknown_id_suggests_the_closest():
    with pytest.raises(BotkitError, match=r"did you mean doubletick\.assign-chat"):
        load_catalog().get("doubletick.assign-chats")


def test_schema_patterns_do_not_let_a_trailing_newline_through():
    # In Python's re, "$" also matches before a final newline; botkit validates with
    # ECMA-262 semantics (botkit/patterns.py), where "$" is the end of the text.
    data = tomllib.loads((CATALOG_DIR / "vambe.toml").read_text())
    data["vendor"]["name"] = "vambe\n"
    problem = schemas.best_problem("catalog", data)
    assert problem is not None and problem.path == ("vendor", "name")


_CATALOG = load_catalog()
_APIS = list(_CATALOG)
_SEGMENT = st.text(alphabet="ab1-_.{}/%\n", min_size=0, max_size=6)


@st.composite
def _path_near(draw: st.DrawFn, api: Api) -> str:
    """A path built from ``api``'s template: placeholders filled (maybe with ``/`` or
    nothing), its base path or another prefix, then maybe a mutation or a trailing
    slash or line break."""
    parts = split_placeholders(api.path)
    body = "".join(draw(_SEGMENT) if i % 2 else p for i, p in enumerate(parts))
    base = split_url(api.vendor.base_url).path if api.vendor.base_url else ""
    path = draw(st.sampled_from([base, "", "/x" + base, base[:-1]])) + body
    if draw(st.booleans()) and path:
        at = draw(st.integers(0, len(path) - 1))
        path = path[:at] + draw(_SEGMENT) + path[at + 1 :]
    return path + draw(st.sampled_from(["", "/", "\n", "/\n", "//"]))


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_matching_a_path_says_what_the_apis_pattern_says(data: st.DataObject) -> None:
    """The check of fixed parts that spares most APIs their pattern's compilation never
    turns away a path the pattern matches (or lets one through it does not)."""
    api = data.draw(st.sampled_from(_APIS))
    other = data.draw(st.sampled_from(_APIS))
    path = data.draw(st.one_of(_path_near(api), _path_near(other)))
    host = (split_url(api.vendor.base_url).hostname or "") if api.vendor.base_url else ""
    key = _UrlKey(host, False, path)
    assert api.matches_url(key) == (api.path_pattern.match(path) is not None)


_TEXT = st.text(alphabet="ab/\n-.", max_size=8)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.none(), _TEXT), _TEXT, _TEXT, st.sampled_from(["", "/", "\n", "/\n", "//"]))
def test_a_path_without_placeholders_is_matched_as_its_pattern_would(
    prefix: str | None, literal: str, head: str, tail: str
) -> None:
    """Comparing text gives the answer of ``^{prefix}{literal}/?$`` (``^.*?`` for no
    prefix, which stops at a line break), trailing slash and line break included."""
    import re

    for path in (head + literal + tail, (prefix or "") + literal + tail, head):
        start = ".*?" if prefix is None else re.escape(prefix)
        expected = re.match(f"^{start}{re.escape(literal)}/?$", path) is not None
        assert ends_with_path(path, prefix, literal) == expected, path
