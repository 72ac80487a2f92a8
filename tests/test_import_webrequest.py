"""Invoke-WebRequest / Invoke-RestMethod ("Copy as PowerShell") in: the request PowerShell
would send, strings read by PowerShell's own rules, every failure at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from loopback import RecordingServer, send_with_curl

from botkit.convert import import_text, to_curl
from botkit.errors import InputError
from botkit.formats import read_requests

SAMPLES = ROOT / "samples" / "powershell"


def _one(text: str):
    (read,) = read_requests(text).requests
    return read


def test_chrome_copy_as_powershell() -> None:
    result = read_requests((SAMPLES / "chrome-copy-as-powershell.ps1").read_text())
    assert result.format == "powershell"
    (read,) = result.requests
    request = read.request
    assert (request.method, request.url) == (
        "POST",
        "https://public.doubletick.io/team-member/assign",
    )
    assert [h.name for h in request.headers] == [
        "User-Agent",
        "accept",
        "authorization",
        "Cookie",
        "Content-Type",
    ]
    assert request.header("Cookie") == "session_id=abc123"
    assert request.body.text == (
        '{"customerPhoneNumber":"919876543210","assignedUserPhoneNumber":"919812345678"}'
    )
    assert not result.all_warnings()


def test_edge_utf8_body_and_single_line_hashtable() -> None:
    text = (
        'Invoke-RestMethod -Uri "https://api.example.com/x?q=1" -Method "PUT" '
        '-Headers @{"X-A"="1"; "x-b" = \'it\'\'s\'} -ContentType "text/plain; charset=utf-8" '
        '-Body ([System.Text.Encoding]::UTF8.GetBytes("caf`u{e9} `"ok`"`n"))\n'
    )
    request = _one(text).request
    assert request.method == "PUT"
    assert request.full_url == "https://api.example.com/x?q=1"
    assert [(h.name, h.value) for h in request.headers] == [
        ("X-A", "1"),
        ("x-b", "it's"),
        ("Content-Type", "text/plain; charset=utf-8"),
    ]
    assert request.body.text == 'café "ok"\n'


def test_powershell_defaults_a_post_body_to_a_form_and_reads_a_hashtable_body() -> None:
    request = _one('iwr https://h.example/p -Method Post -Body "a=1"').request
    assert request.header("Content-Type") == "application/x-www-form-urlencoded"
    request = _one("irm -Uri https://h.example/p -Method POST -Body @{q='a b'; n=2}").request
    assert request.body.text == "q=a+b&n=2"
    request = _one("irm -Uri https://h.example/p -Body @{q='a b'}").request
    assert request.full_url == "https://h.example/p?q=a+b" and request.body is None


def test_variables_unknown_become_placeholders_with_a_warning() -> None:
    text = (
        '$token = "abc"\n'
        'Invoke-WebRequest -Uri "https://h.example/$env:PATHX" -Headers @{"A"="Bearer $token"}'
    )
    result = read_requests(text)
    request = result.requests[0].request
    assert request.url == "https://h.example/{{PATHX}}"
    assert request.header("A") == "Bearer abc"
    assert [w.subject for w in result.all_warnings()] == ["$env:PATHX"]


def test_what_a_component_cannot_hold_is_named() -> None:
    text = (
        "$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n"
        '$session.Cookies.Add((New-Object System.Net.Cookie("a", "1", "/", "other.example")))\n'
        "Invoke-WebRequest -Uri https://h.example/ -WebSession $session -Credential $cred "
        "-Proxy http://127.0.0.1:9 -UseBasicParsing -TimeoutSec 5\n"
    )
    result = read_requests(text)
    subjects = [w.subject for w in result.all_warnings()]
    assert subjects == ["$cred", "-Credential", "-Proxy", "cookie a"]
    assert result.requests[0].request.header("Cookie") is None


def test_several_commands_need_all() -> None:
    text = "iwr https://h.example/a\niwr https://h.example/b -Method DELETE\n"
    with pytest.raises(InputError, match="2:1: a second command; add --all"):
        import_text(text)
    both = import_text(text, all_commands=True).document
    assert [c["method"] for c in both] == ["GET", "DELETE"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('Invoke-WebRequest -Uri "https://h.example', "1:24: unclosed double quote"),
        ("Invoke-WebRequest -Headers @{a='1'}", "1:1: the command has no -Uri"),
        ("Invoke-WebRequest -Uri https://h -Bogus 1", "1:34: -Bogus: not a parameter"),
        ("Invoke-WebRequest -Uri https://h -Headers @{a='1'", "1:43: unclosed @{"),
        (
            "Invoke-WebRequest -Uri https://h -Body (Get-Content x)",
            "1:40: -Body: a PowerShell expression",
        ),
        ("iwr -Uri ftp://h/x", "1:10: botkit imports HTTP requests"),
        ("$s = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n$s.Proxy = 1", "2:1:"),
        ("Write-Host 1\niwr https://h", "1:1: 'Write-Host': botkit reads Invoke-WebRequest"),
    ],
)
def test_malformed_commands_are_one_located_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        import_text(text, source="c.ps1")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_from_forces_the_reader() -> None:
    component = import_text("curl.exe -X PUT https://h.example", fmt="powershell").document
    assert component["method"] == "PUT"
    with pytest.raises(InputError, match="'echo': botkit reads Invoke-WebRequest"):
        import_text("echo hi", fmt="powershell")


def test_what_the_exported_curl_sends_is_what_powershell_would(
    recording_server: RecordingServer, tmp_path: Path
) -> None:
    component = import_text((SAMPLES / "chrome-copy-as-powershell.ps1").read_text()).document
    component["url"] = component["url"].replace("https://", "http://", 1)
    (sent,) = send_with_curl(to_curl(component), recording_server, tmp_path)
    assert (sent.method, sent.target) == ("POST", "/team-member/assign")
    assert (
        sent.body
        == b'{"customerPhoneNumber":"919876543210","assignedUserPhoneNumber":"919812345678"}'
    )
    assert sent.header("Cookie") == "session_id=abc123"
    assert sent.header("authorization") == "key_xxxxxxxxxx"
    assert sent.header("User-Agent").startswith("Mozilla/5.0 (Windows NT 10.0")
    assert not [n for n, _ in sent.headers if n.lower().startswith("sec-")]


def test_chromes_char_escapes_are_characters_not_code() -> None:
    text = (
        'iwr -Uri https://h.example/ -Method POST -Body "a$([char]55357)$([char]56832)$([char]233)"'
    )
    assert _one(text).request.body.text == "a\U0001f600é"
    with pytest.raises(InputError, match=r"1:49: \$\(\[char\]55357\) is half of a character"):
        import_text('iwr -Uri https://h.example/ -Method POST -Body "$([char]55357)"')
    with pytest.raises(InputError, match=r"a \$\(\.\.\.\) subexpression runs code"):
        import_text('iwr -Uri https://h.example/ -Method POST -Body "$(Get-Date)"')


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.ps1")), ids=lambda p: p.name)
def test_every_sample_sends_through_its_exported_curl(
    sample: Path, recording_server: RecordingServer, tmp_path: Path
) -> None:
    component = import_text(sample.read_text(), strict=True).document
    body = component["body"]["text"].encode()
    component["url"] = component["url"].replace("https://", "http://", 1)
    (sent,) = send_with_curl(to_curl(component), recording_server, tmp_path)
    assert sent.body == body
    assert sent.method == component["method"]
    for header in component["headers"]:
        assert sent.header(header["name"]) == header["value"]
