"""Postman Collection v2.1 / v2.0 in: every request of the folder tree, auth inherited,
{{variables}} verbatim, disabled pieces left out, and failures named by their JSON path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from loopback import RecordingServer, send_with_curl

from botkit import schemas
from botkit.convert import import_text, to_curl
from botkit.errors import InputError
from botkit.formats import read_requests

SAMPLE = ROOT / "samples" / "postman" / "chat-handoff.postman_collection.json"
V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


def _collection(*items: dict, **top: object) -> str:
    return json.dumps({"info": {"name": "c", "schema": V21}, "item": list(items), **top})


def _deep(n: int) -> dict:
    item: dict = {"name": "leaf", "request": "https://h.example/"}
    for _ in range(n):
        item = {"name": "f", "item": [item]}
    return item


def _requests(text: str):
    return [r.request for r in read_requests(text).requests]


def test_the_sample_collection() -> None:
    result = read_requests(SAMPLE.read_text())
    assert result.format == "postman"
    assert result.title == "Chat hand-off"
    assert [r.name for r in result.requests] == [
        "Assign chat",
        "Unassign chat",
        "Set assignee",
        "Search persons (no auth)",
    ]
    assign, unassign, assignee, search = (r.request for r in result.requests)
    # collection apikey auth, inherited through the folder; raw json adds its Content-Type
    assert [(h.name, h.value) for h in assign.headers] == [
        ("accept", "application/json"),
        ("Content-Type", "application/json"),
        ("Authorization", "{{DOUBLETICK_API_KEY}}"),
    ]
    assert unassign.body.text == "customerPhoneNumber={{customer_phone}}"  # disabled left out
    # folder basic auth; :path variables filled; the disabled query param left out
    assert assignee.auth.username == "{{unblu_user}}"
    assert assignee.full_url == (
        "{{unblu_base}}/conversations/{{conversation_id}}/setAssigneePerson?expand=participants"
    )
    assert search.auth is None and search.header("Authorization") is None  # noauth
    assert search.body.text == '{"query":"query { persons(first: 5) { id } }","variables":{}}'
    assert result.variables["customer_phone"].startswith("The customer's WhatsApp number")
    assert [w.where for w in result.all_warnings()] == ["$.item[1].item[1].event[0]"]


def test_the_sample_makes_a_valid_bot_with_the_collections_variables() -> None:
    bot = import_text(SAMPLE.read_text(), as_bot=True).document
    assert schemas.is_valid("bot", bot)
    assert bot["name"] == "Chat hand-off"
    assert set(bot["variables"]) == {"customer_phone", "agent_phone", "DOUBLETICK_API_KEY"}
    assert "919876543210" not in json.dumps(bot["variables"])  # values never copied


def test_bearer_apikey_in_query_and_unsupported_auth() -> None:
    text = _collection(
        {"name": "a", "request": {"url": "https://h.example/a", "auth": {
            "type": "bearer", "bearer": [{"key": "token", "value": "{{t}}"}]}}},
        {"name": "b", "request": {"url": "https://h.example/b",
                                  "auth": {"type": "apikey", "apikey": [
                                      {"key": "key", "value": "api_key"},
                                      {"key": "value", "value": "k 1"},
                                      {"key": "in", "value": "query"}]}}},
        {"name": "c", "request": {"url": "https://h.example/c", "auth": {"type": "oauth1"}}},
        {"name": "d", "request": {"url": "https://h.example/d", "auth": {"type": "oauth2",
            "oauth2": [{"key": "accessToken", "value": "{{token}}"},
                       {"key": "headerPrefix", "value": "Token"}]}}},
        {"name": "e", "request": {"url": "https://h.example/e", "auth": {"type": "oauth2"}}},
    )  # fmt: skip
    result = read_requests(text)
    a, b, _, d, _ = (r.request for r in result.requests)
    assert a.header("Authorization") == "Bearer {{t}}"
    assert d.header("Authorization") == "Token {{token}}"
    assert b.full_url == "https://h.example/b?api_key=k%201"
    assert [(w.where, w.subject) for w in result.all_warnings()] == [
        ("$.item[2].request.auth", "oauth1 auth"),
        ("$.item[4].request.auth", "oauth2 auth"),  # no token yet: Postman would fetch one
    ]


def test_v20_auth_objects_and_string_forms() -> None:
    text = json.dumps(
        {
            "info": {"name": "old", "schema": V21.replace("v2.1.0", "v2.0.0")},
            "auth": {"type": "basic", "basic": {"username": "u", "password": "p"}},
            "item": [
                {"name": "s", "request": "https://h.example/s?x=1"},
                {
                    "name": "h",
                    "request": {
                        "method": "patch",
                        "url": "h.example/h",
                        "header": "A: 1\nB: two words\n",
                    },
                },
            ],
        }
    )
    s, h = _requests(text)
    assert (s.method, s.full_url, s.auth.username) == ("GET", "https://h.example/s?x=1", "u")
    assert (h.method, h.url) == ("PATCH", "http://h.example/h")
    assert [(x.name, x.value) for x in h.headers] == [("A", "1"), ("B", "two words")]


def test_formdata_parts_and_file_fields() -> None:
    text = _collection(
        {
            "name": "upload",
            "request": {
                "method": "POST",
                "url": "https://h.example/up",
                "header": [{"key": "Content-Type", "value": "multipart/form-data"}],
                "body": {
                    "mode": "formdata",
                    "formdata": [
                        {"key": "note", "value": "hi", "type": "text"},
                        {"key": "skip", "value": "x", "type": "text", "disabled": True},
                        {"key": "doc", "src": ["a.pdf", "b.pdf"], "type": "file",
                         "contentType": "application/pdf"},
                    ],
                },
            },
        }
    )  # fmt: skip
    result = read_requests(text)
    (request,) = [r.request for r in result.requests]
    assert [(p.name, p.value, p.file) for p in request.body.parts] == [
        ("note", "hi", None),
        ("doc", None, "a.pdf"),
        ("doc", None, "b.pdf"),
    ]
    assert request.header("Content-Type") is None
    assert [w.subject for w in result.all_warnings()] == ["doc", "doc"]  # where curl reads them


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"info": {"name": "x"}, "item": 1}', "$.item: expected an array, found a number"),
        (_collection({"name": "x", "request": {}}), "$.item[0].request: has no 'url'"),
        (
            _collection({"name": "x", "request": {"url": "https://h", "header": [{"key": 1}]}}),
            "$.item[0].request.header[0].key: expected a string",
        ),
        (
            _collection({"name": "x", "request": {"url": "ftp://h/x"}}),
            "$.item[0].request.url: botkit imports HTTP requests",
        ),
        (
            _collection().replace("v2.1.0", "v1.0.0"),
            "$.info.schema",
        ),
        ('{"requests": [], "order": []}', "Postman Collection v1"),
        (
            json.dumps({"info": {"name": "x"}, "item": [_deep(300)]}),
            "folders nested more than 200 deep",
        ),
    ],
)
def test_malformed_collections_are_one_located_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        import_text(text, source="c.json")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_what_the_exported_curl_sends_is_what_postman_would(
    recording_server: RecordingServer, tmp_path: Path
) -> None:
    text = _collection(
        {
            "name": "assign",
            "request": {
                "method": "POST",
                "header": [{"key": "accept", "value": "application/json"}],
                "url": {
                    "raw": "http://127.0.0.1/team-member/assign?x=a b",
                    "protocol": "http",
                    "host": ["127", "0", "0", "1"],
                    "path": ["team-member", "assign"],
                    "query": [{"key": "x", "value": "a b"}, {"key": "y", "disabled": True}],
                },
                "auth": {"type": "basic", "basic": [{"key": "username", "value": "bob"},
                                                    {"key": "password", "value": "s3:cr3t"}]},
                "body": {"mode": "urlencoded", "urlencoded": [{"key": "n", "value": "1&2"}]},
            },
        }
    )  # fmt: skip
    component = import_text(text).document
    (sent,) = send_with_curl(to_curl(component), recording_server, tmp_path)
    assert (sent.method, sent.target) == ("POST", "/team-member/assign?x=a%20b")
    assert sent.body == b"n=1%262"
    assert sent.header("Authorization") == "Basic Ym9iOnMzOmNyM3Q="
    assert sent.header("Content-Type") == "application/x-www-form-urlencoded"
    assert sent.header("accept") == "application/json"
