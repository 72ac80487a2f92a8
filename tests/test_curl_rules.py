"""curl's subtle rules (issue 10), each proven against real curl on loopback.

For every command: real bash + curl send the original to the recorder, botkit
imports it, the component is exported and sent again; the two requests must be the
same, except for the headers named in ``differs`` — what curl sends for an option a
component cannot hold, which must then be a warning naming that option.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from loopback import send_with_curl
from test_roundtrip_corpus import _comparable

from botkit.convert import component_for, to_curl
from botkit.curl import read_curl

URL = "http://h.example/p"
# (command options, options the warnings name in order, headers that may differ)
CASES: list[tuple[str, list[str], set[str]]] = [
    # --range: a bare number is "from there on"; curl appends the dash.
    ("-r 600", [], set()),
    ("--range 0600", [], set()),
    ("-r 600,700", [], set()),
    ("-r 600abc", [], set()),
    ("-r 600-700", [], set()),
    ("-r -500", [], set()),
    ("-r 0-1,5-6", [], set()),
    ("-r 600 -r 700", [], set()),
    # Challenge schemes: no credentials before the server asks.
    ("-u user:pw --digest", ["--digest"], set()),
    ("-u user:pw --negotiate", ["--negotiate"], set()),
    ("-u user:pw --anyauth", ["--anyauth"], set()),
    ("-u user:pw --ntlm", ["--ntlm"], {"Authorization"}),  # an NTLM negotiation, no secret
    ("--digest http://user:pw@h.example/p", ["--digest"], set()),
    ("-u user:pw --digest --basic", ["--digest"], set()),
    ("-u user:pw --basic --digest", ["--digest"], set()),
    ("-u user:pw --negotiate --basic", ["--negotiate"], set()),
    ("-u user:pw --basic --anyauth", ["--anyauth"], set()),
    ("-u user:pw --anyauth --basic", ["--anyauth"], set()),
    ("-u user:pw --digest --no-ntlm", ["--digest"], set()),
    ("-u user:pw --anyauth --no-anyauth", ["--anyauth"], set()),
    ("-u user: --digest", ["--digest"], set()),
    # Options that cancel out: Basic after all.
    ("-u user:pw --no-basic", [], set()),
    ("-u user:pw --digest --no-digest", [], set()),
    ("-u user:pw --no-digest", [], set()),
    ("-u user:pw --no-anyauth", [], set()),
    ("-u user:pw --basic", [], set()),
    # Bearer: alone it is sent and -u is not; with any other scheme, nothing is.
    ("--oauth2-bearer TOK", [], set()),
    ("--oauth2-bearer TOK -u user:pw", ["-u"], set()),
    ("-u user:pw --oauth2-bearer TOK", ["-u"], set()),
    ("--oauth2-bearer TOK --no-basic", [], set()),
    ("--oauth2-bearer TOK -u user:pw --no-basic", ["-u"], set()),
    ("--oauth2-bearer TOK --digest", ["--digest"], set()),
    ("--oauth2-bearer TOK --digest -u user:pw", ["--digest"], set()),
    ("--oauth2-bearer TOK --basic", ["--basic"], set()),
    ("--basic --oauth2-bearer TOK", ["--oauth2-bearer"], set()),
    ("--oauth2-bearer TOK --anyauth", ["--anyauth"], set()),
    ("--oauth2-bearer TOK --ntlm", ["--ntlm"], set()),
    # A header of its own wins over every scheme.
    ("-u user:pw -H 'Authorization: X'", [], set()),
    ("--oauth2-bearer TOK -H 'Authorization: X'", [], set()),
    ("-u user:pw --digest -H 'Authorization: X'", ["--digest"], set()),
    # HTTP versions: what shows on the wire of an http:// URL is named.
    ("--http2", ["--http2"], {"Connection", "Upgrade", "HTTP2-Settings"}),
    ("--http2 -d x", ["--http2"], {"Connection", "Upgrade", "HTTP2-Settings"}),
    ("--http1.0 --http2", ["--http2"], {"Connection", "Upgrade", "HTTP2-Settings"}),
    ("--http2 --http1.1", [], set()),
    ("--http1.1", [], set()),
    ("--http0.9", [], set()),
]


@pytest.mark.parametrize(("options", "named", "differs"), CASES, ids=[c[0] for c in CASES])
def test_the_component_sends_what_curl_sends(
    options: str, named: list[str], differs: set[str], recording_server, tmp_path: Path
) -> None:
    original = f"curl {options}" + ("" if "http://" in options else f" {URL}")
    read = read_curl(original, source="<t>")
    assert [w.option for w in read.warnings] == named, read.warnings
    exported = to_curl(component_for(read.request))
    [sent] = send_with_curl(original, recording_server, tmp_path)
    [again] = send_with_curl(exported, recording_server, tmp_path)

    def without(request) -> tuple:
        method, target, headers, body = _comparable(request, False)
        return method, target, [h for h in headers if h[0] not in differs], body

    assert without(again) == without(sent)
    if differs:  # the difference is real, so the warning is needed
        assert _comparable(again, False) != _comparable(sent, False)


def test_range_numbers_curl_cannot_read_are_errors() -> None:
    from botkit.errors import InputError

    with pytest.raises(InputError, match="badly used"):
        read_curl(f"curl -r 99999999999999999999 {URL}")


def test_http_versions_on_https_change_nothing_a_component_holds() -> None:
    """On https:// every version rides on TLS (ALPN picks h2 or http/1.1): same request;
    HTTP/1.0 says so in its request line on any URL."""
    for option in ("--http2", "--http2-prior-knowledge", "--http3", "--http3-only", "--http1.1"):
        assert read_curl(f"curl {option} https://h.example/p").warnings == []
    [warning] = read_curl("curl -0 https://h.example/p").warnings
    assert warning.option == "-0" and "HTTP/1.0" in warning.message
    [warning] = read_curl("curl --http3-only http://h.example/p").warnings
    assert "https://" in warning.message


def test_the_warning_says_which_credentials_are_left_out() -> None:
    [warning] = read_curl(f"curl -u bob:pw --digest {URL}").warnings
    assert warning.message == (
        "uses HTTP Digest authentication; a component cannot do that, so it is left out, "
        "and so are the -u credentials, which curl sends only in answer to the server's "
        "challenge"
    )
    [warning] = read_curl(f"curl --oauth2-bearer T --basic {URL}").warnings
    assert "Basic and Bearer" in warning.message and "--oauth2-bearer token" in warning.message


_AUTH_OPTIONS = [
    "-u user:pw",
    "--user other:pw2",
    "--oauth2-bearer TOK",
    "--basic",
    "--no-basic",
    "--digest",
    "--no-digest",
    "--negotiate",
    "--no-negotiate",
    "--anyauth",
    "--no-anyauth",
    "-H 'Authorization: Own'",
]


@settings(max_examples=int(os.environ.get("BOTKIT_AUTH_EXAMPLES", "40")), deadline=None)
@given(st.lists(st.sampled_from(_AUTH_OPTIONS), min_size=1, max_size=5))
def test_any_mix_of_auth_options_sends_what_curl_sends(
    recording_server, options: list[str]
) -> None:
    """Whatever the order and mix, the component sends what curl's first request sends,
    and when that is nothing, the option that decided it is a warning."""
    original = f"curl {' '.join(options)} {URL}"
    read = read_curl(original, source="<t>")
    exported = to_curl(component_for(read.request))
    with tempfile.TemporaryDirectory() as tmp:
        [sent] = send_with_curl(original, recording_server, Path(tmp))
        [again] = send_with_curl(exported, recording_server, Path(tmp))
    assert _comparable(again, False) == _comparable(sent, False)
    if sent.header("Authorization") is None and read.request.auth is None:
        credentials = any(o.startswith(("-u", "--user", "--oauth2")) for o in options)
        if credentials and not any("Authorization:" in o for o in options):
            assert read.warnings, "credentials left out without a word"
