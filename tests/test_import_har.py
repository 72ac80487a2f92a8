"""HAR 1.2 in: every entry a request, browser-added headers left out, each failure located
by its JSON path; and what the imported component sends is what the HAR entry says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from loopback import RecordingServer, send_with_curl

from botkit import schemas
from botkit.convert import import_text, to_curl
from botkit.errors import InputError
from botkit.formats import ReadOptions, read_requests
from botkit.formats.parts import added_by_browser

SAMPLE = ROOT / "samples" / "har" / "bot-studio-session.har"


def _har(*entries: dict) -> str:
    return json.dumps(
        {"log": {"version": "1.2", "creator": {"name": "t"}, "entries": list(entries)}}
    )


def _entry(request: dict) -> dict:
    base = {"method": "GET", "url": "https://api.example.com/x", "headers": []}
    return {"request": base | request}


def test_the_sample_session_gives_every_http_entry_in_order() -> None:
    result = read_requests(SAMPLE.read_text())
    assert result.format == "har"
    assert [r.request.method for r in result.requests] == ["GET", "POST", "POST"]
    assert [w.where for w in result.warnings] == ["$.log.entries[3].request.url"]
    first = result.requests[0].request
    assert [h.name for h in first.headers] == ["accept", "authorization"]
    assert first.full_url == "https://public.doubletick.io/team-member?page=1&limit=20"


@pytest.mark.parametrize(
    "name",
    [":authority", ":path", "Host", "content-length", "Connection", "Accept-Encoding",
     "sec-ch-ua", "Sec-Fetch-Mode", "priority", "upgrade-insecure-requests"],
)  # fmt: skip
def test_headers_the_browser_adds_are_left_out(name: str) -> None:
    assert added_by_browser(name)


@pytest.mark.parametrize("name", ["User-Agent", "Referer", "Origin", "Cookie", "Accept", "X-Sec"])
def test_headers_that_describe_the_call_are_kept(name: str) -> None:
    assert not added_by_browser(name)


def test_cookies_become_the_cookie_header_when_the_entry_has_none() -> None:
    text = _har(_entry({"cookies": [{"name": "a", "value": "1"}, {"name": "b", "value": "2"}]}))
    (read,) = read_requests(text).requests
    assert read.request.header("Cookie") == "a=1; b=2"
    text = _har(
        _entry({"headers": [{"name": "cookie", "value": "z=9"}], "cookies": [{"name": "a"}]})
    )
    (read,) = read_requests(text).requests
    assert [h.value for h in read.request.headers] == ["z=9"]


def test_post_data_text_is_the_body_and_params_a_form() -> None:
    text = _har(
        _entry({"method": "POST", "postData": {"mimeType": "text/plain", "text": "a b\r\n"}}),
        _entry(
            {
                "method": "POST",
                "postData": {
                    "mimeType": "application/x-www-form-urlencoded",
                    "params": [{"name": "q", "value": "a b&c"}, {"name": "{{v}}", "value": "é"}],
                },
            }
        ),
        _entry(
            {
                "method": "POST",
                "headers": [{"name": "Content-Type", "value": "multipart/form-data; boundary=x"}],
                "postData": {
                    "mimeType": "multipart/form-data; boundary=x",
                    "params": [
                        {"name": "note", "value": "hi"},
                        {"name": "doc", "fileName": "a.pdf", "contentType": "application/pdf"},
                    ],
                },
            }
        ),
    )
    plain, form, multipart = read_requests(text).requests
    assert plain.request.body.text == "a b\r\n"
    assert plain.request.header("Content-Type") == "text/plain"
    assert form.request.body.text == "q=a+b%26c&{{v}}=%C3%A9"
    parts = multipart.request.body.parts
    assert [(p.name, p.value, p.file, p.type) for p in parts] == [
        ("note", "hi", None, None),
        ("doc", None, "a.pdf", "application/pdf"),
    ]
    assert multipart.request.header("Content-Type") is None  # curl writes its own boundary
    assert [w.subject for w in multipart.warnings] == ["a.pdf"]


def test_a_binary_body_leaves_its_entry_out_with_a_warning() -> None:
    text = _har(
        _entry({"method": "POST", "postData": {"mimeType": "image/png", "text": "\x89PNG\x00"}}),
        _entry({"url": "https://api.example.com/ok"}),
    )
    result = read_requests(text)
    assert [r.request.url for r in result.requests] == ["https://api.example.com/ok"]
    assert [(w.where, w.subject) for w in result.warnings] == [
        ("$.log.entries[0].request.postData.text", "binary body")
    ]


def test_url_credentials_become_basic_auth_and_the_fragment_goes() -> None:
    (read,) = read_requests(
        _har(_entry({"url": "https://u%40x:p%3Aw@h.example/p?a=1#top"}))
    ).requests
    assert read.request.auth.username == "u@x"
    assert read.request.auth.password == "p:w"
    assert read.request.full_url == "https://h.example/p?a=1"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"log": {"entries": 3}}', "$.log.entries: expected an array, found a number"),
        ('{"log": {"entries": [{}]}}', "$.log.entries[0]: has no 'request'"),
        (_har(_entry({"url": 5})), "$.log.entries[0].request.url: expected a string"),
        (
            _har(_entry({"headers": [{"name": "X", "value": "a\nb"}]})),
            "$.log.entries[0].request.headers[0]: the value of header 'X' holds a line break",
        ),
        (_har(_entry({"url": "https://[x/"})), "$.log.entries[0].request.url: curl rejects"),
        ('{"log": {"entries": [', "1:22: not JSON"),
        ('{"a": 1}', "neither a HAR file"),
        ('{"type": "call_api"}', "a Call API component already"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_malformed_har_is_one_located_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        import_text(text, source="s.har")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_match_entry_and_bot() -> None:
    text = SAMPLE.read_text()
    one = import_text(text, match="/unassign").document
    assert one["api"] == "doubletick.unassign-chat"
    assert import_text(text, entry=2).document["api"] == "doubletick.assign-chat"
    every = import_text(text).document
    assert isinstance(every, list) and len(every) == 3
    bot = import_text(text, as_bot=True, name="Hand-off").document
    assert schemas.is_valid("bot", bot)
    assert [s["id"] for s in bot["steps"]] == [
        "get-team-member",
        "assign-a-team-member-to-a-customer-s-or",
        "remove-the-assigned-team-member-from-a-c",
    ]
    assert [s.get("next") for s in bot["steps"]] == [
        "assign-a-team-member-to-a-customer-s-or",
        "remove-the-assigned-team-member-from-a-c",
        None,
    ]
    with pytest.raises(InputError, match="no request's URL contains 'nope'"):
        import_text(text, match="nope")
    with pytest.raises(InputError, match="--entry 9: there are 3 requests"):
        import_text(text, entry=9)
    with pytest.raises(InputError, match="--name names one component"):
        import_text(text, name="x")


def test_redact_applies_to_har_too() -> None:
    component = import_text(SAMPLE.read_text(), entry=3, redact=True).document
    values = {h["name"]: h["value"] for h in component["headers"]}
    assert values["Authorization"] == "{{DOUBLETICK_API_KEY}}"
    assert values["Cookie"] == "{{COOKIE}}"


def test_strict_makes_a_left_out_entry_an_error() -> None:
    with pytest.raises(InputError, match=r"entries\[3\].*\(--strict\)"):
        read_requests(SAMPLE.read_text(), options=ReadOptions(strict=True))


def _expected_from_har(entry: dict) -> tuple[str, str, list[tuple[str, str]], bytes]:
    request = entry["request"]
    target = "/" + request["url"].split("://", 1)[1].split("/", 1)[1]
    headers = [
        (h["name"].lower(), h["value"])
        for h in request["headers"]
        if not added_by_browser(h["name"])
    ]
    body = request.get("postData", {}).get("text", "").encode()
    return request["method"], target, headers, body


def test_what_the_exported_curl_sends_is_what_the_har_entry_says(
    recording_server: RecordingServer, tmp_path: Path
) -> None:
    entries = json.loads(SAMPLE.read_text())["log"]["entries"][:2]
    components = [import_text(SAMPLE.read_text(), entry=n).document for n in (1, 2)]
    for entry, component in zip(entries, components, strict=True):
        # the recorder speaks plain http on loopback: only the URL's scheme changes
        component["url"] = component["url"].replace("https://", "http://", 1)
        script = to_curl(component)
        (sent,) = send_with_curl(script, recording_server, tmp_path)
        method, target, headers, body = _expected_from_har(entry)
        assert (sent.method, sent.target, sent.body) == (method, target, body)
        got = [(n.lower(), v) for n, v in sent.headers]
        for expected in headers:
            assert expected in got
        assert not [n for n, _ in got if n.startswith(("sec-", ":"))]
