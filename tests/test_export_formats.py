"""``botkit export --to curl|postman|har``: components, arrays and a bot's call_api steps.

What is proven: the Postman collections and HAR files are valid against those formats'
JSON Schemas (tests/data/schemas, see its README); import(export(x)) is x for any
component (property test, both formats); and a Postman request and a HAR entry
describe exactly the request the exported cURL makes real curl send (loopback)."""

from __future__ import annotations

import base64
import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from loopback import RecordingServer, send_with_curl
from test_roundtrip_property import _reorder, components

from botkit.convert import check_component, export_document, import_text
from botkit.errors import InputError

SCHEMAS = Path(__file__).parent / "data" / "schemas"
BOTS = sorted((ROOT / "samples" / "bots").glob("*.json"))


@cache
def _validator(name: str) -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    return jsonschema.Draft7Validator(schema)


def _valid(name: str, document: dict) -> None:
    errors = sorted(_validator(name).iter_errors(document), key=str)
    assert not errors, errors[0]


def _is_component(component: dict) -> bool:
    """The shared generator can make what the (ECMA-262) schema refuses, such as U+FEFF in
    a query name: those are not components, so they are not export's to round-trip."""
    try:
        check_component(component)
    except InputError:
        return False
    return True


def _keeps_filenames(component: dict, to: str) -> bool:
    """HAR names a file part once (a part's own file name is lost when it differs from the
    file's) and Postman's form fields have no file name of their own: a warning says so."""
    parts = component.get("body", {}).get("multipart", [])
    if to == "har" and "auth" in component and component["url"].startswith("{{"):
        return False  # credentials become the Authorization header (a warning says so)
    if to == "postman" and component["method"] != component["method"].upper():
        return False  # Postman sends it in upper case (a warning says so)
    if to == "postman":
        return not any("filename" in p and p.get("file") != p["filename"] for p in parts)
    return not any("filename" in p and p.get("file") not in (None, p["filename"]) for p in parts)


@pytest.mark.parametrize("bot", BOTS, ids=lambda p: p.name)
def test_every_sample_bot_exports_valid_postman_and_har(bot: Path) -> None:
    document = json.loads(bot.read_text())
    postman = json.loads(export_document(document, to="postman").text)
    _valid("postman-collection-2.1.0", postman)
    assert postman["info"]["name"] == document["name"]
    assert {v["key"] for v in postman.get("variable", [])} == set(document.get("variables", {}))
    har = json.loads(export_document(document, to="har").text)
    _valid("har-1.2", har)
    calls = [s for s in document["steps"] if s["component"]["type"] == "call_api"]
    assert len(har["log"]["entries"]) == len(postman["item"]) == len(calls)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(components(), min_size=1, max_size=3))
def test_import_of_export_is_the_identity(batch: list[dict]) -> None:
    assume(all(_is_component(c) for c in batch))
    for to, schema in (("postman", "postman-collection-2.1.0"), ("har", "har-1.2")):
        if not all(_keeps_filenames(c, to) for c in batch):
            assert export_document(batch, to=to).warnings
            continue
        exported = export_document(batch, to=to)
        assert not exported.warnings
        _valid(schema, json.loads(exported.text))
        imported = import_text(exported.text)
        # the one thing said on the way back: where curl finds a Postman file field's file
        assert all(": a file field: curl reads " in w for w in imported.warnings), to
        assert not imported.warnings or to == "postman"
        again = imported.document
        again = again if isinstance(again, list) else [again]
        expected = [_without_filenames_of_the_file(c) if to == "postman" else c for c in batch]
        assert again == [_reorder(c) for c in expected], to


def _without_filenames_of_the_file(component: dict) -> dict:
    """Postman's file fields hold no file name: one that names the file itself comes back
    left out (found by this property: ``{"file": "0", "filename": "0"}``)."""
    parts = component.get("body", {}).get("multipart")
    if not parts:
        return component
    kept = [{k: v for k, v in p.items() if k != "filename" or v != p.get("file")} for p in parts]
    return {**component, "body": {"multipart": kept}}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(components(), min_size=2, max_size=3))
def test_a_curl_script_of_several_reads_back_with_all(batch: list[dict]) -> None:
    assume(all(_is_component(c) for c in batch))
    text = export_document(batch, style="oneline").text
    assert text.startswith("#!/usr/bin/env bash\n")
    again = import_text(text, all_commands=True, strict=True).document
    names = [c["name"] for c in batch]
    assert [c | {"name": n} for c, n in zip(again, names, strict=True)] == [
        _reorder(c) for c in batch
    ]


def test_a_lost_file_name_is_a_warning() -> None:
    component = {
        "type": "call_api", "name": "up", "method": "POST", "url": "https://h.example/up",
        "headers": [], "body": {"multipart": [{"name": "f", "file": "a.pdf", "filename": "b.pdf"}]},
    }  # fmt: skip
    for to in ("postman", "har"):
        (warning,) = export_document(component, to=to).warnings
        assert warning.startswith("$[0]: f: ") and "'b.pdf'" in warning


def test_steps_choose_and_bad_input_is_one_line() -> None:
    bot = json.loads((ROOT / "samples" / "bots" / "unblu-escalation.json").read_text())
    ids = [s["id"] for s in bot["steps"] if s["component"]["type"] == "call_api"]
    one = json.loads(export_document(bot, to="har", steps=(ids[-1],)).text)
    assert len(one["log"]["entries"]) == 1
    other = next(s["id"] for s in bot["steps"] if s["component"]["type"] != "call_api")
    for document, steps, message in [
        (bot, ("nope",), "--step nope: the bot has no such step"),
        (bot, (ids[0][:-1],), f"did you mean {ids[0]!r}?"),
        (bot, (other,), f"--step {other}: a "),
        ([], (), "an empty array"),
        ([{"type": "call_api"}], (), "$[0]: not a valid Call API component"),
        ({"type": "call_api", "name": "x"}, ("a",), "--step picks steps of a bot"),
        ("text", (), "not a Call API component: expected a JSON object"),
    ]:
        with pytest.raises(InputError) as caught:
            export_document(document, steps=steps, to="postman")
        assert message in str(caught.value)


def _sent_by_postman(item: dict) -> tuple[str, str, list[tuple[str, str]], bytes]:
    """What Postman sends for an item botkit wrote, read from the collection's own fields."""
    request = item["request"]
    headers = [(h["key"].lower(), h["value"]) for h in request["header"]]
    if request["auth"]["type"] == "basic":
        cred = {a["key"]: a["value"] for a in request["auth"]["basic"]}
        token = base64.b64encode(f"{cred['username']}:{cred['password']}".encode()).decode()
        headers.append(("authorization", f"Basic {token}"))
    body = request.get("body", {}).get("raw", "").encode()
    target = "/" + request["url"]["raw"].split("://", 1)[1].split("/", 1)[1]
    return request["method"], target, headers, body


def _sent_by_har(entry: dict) -> tuple[str, str, list[tuple[str, str]], bytes]:
    request = entry["request"]
    headers = [(h["name"].lower(), h["value"]) for h in request["headers"]]
    url = request["url"]
    _, _, rest = url.partition("://")
    authority, _, path = rest.partition("/")
    if "@" in authority:
        from urllib.parse import unquote

        userinfo = authority.rsplit("@", 1)[0]
        user, _, password = (unquote(p) for p in userinfo.partition(":"))
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        headers.append(("authorization", f"Basic {token}"))
    body = request.get("postData", {}).get("text", "").encode()
    return request["method"], "/" + path, headers, body


def _on_loopback(url: str) -> str:
    """The URL's path on the recorder: ``{{base}}/x`` and ``https://h/x`` -> ``http://127.0.0.1/x``."""
    if url.startswith("{{"):
        return "http://127.0.0.1" + url[url.index("}}") + 2 :]
    rest = url.split("://", 1)[1]
    return "http://127.0.0.1" + rest[len(rest.split("/", 1)[0]) :]


@pytest.mark.parametrize("bot", BOTS, ids=lambda p: p.name)
def test_postman_and_har_describe_what_the_exported_curl_sends(
    bot: Path, recording_server: RecordingServer, tmp_path: Path
) -> None:
    document = json.loads(bot.read_text())
    for step in document["steps"]:
        component = step["component"]
        if component["type"] == "call_api" and "multipart" not in component.get("body", {}):
            component["url"] = _on_loopback(component["url"])
    calls = [s["component"] for s in document["steps"] if s["component"]["type"] == "call_api"]
    postman = json.loads(export_document(document, to="postman").text)
    har = json.loads(export_document(document, to="har").text)
    script = export_document(document).text
    sent = send_with_curl(script, recording_server, tmp_path)
    assert len(sent) == len(calls)
    assert not [
        i for i in postman["item"] if i["request"].get("body", {}).get("mode") == "formdata"
    ]
    for got, item, entry in zip(sent, postman["item"], har["log"]["entries"], strict=True):
        received = (got.method, got.target, got.body)
        names = [(n.lower(), v) for n, v in got.headers]
        for described in (_sent_by_postman(item), _sent_by_har(entry)):
            method, target, headers, body = described
            assert received == (method, target, body)
            for header in headers:
                assert header in names
