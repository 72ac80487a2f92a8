"""A URL's host and port as curl reads them: where curl refuses the URL (exit 3, nothing
sent), botkit refuses to import it, naming the host or the port; where curl sends the
request, botkit imports it.  The oracle is real bash and curl against the loopback
recorder (every host is connected to loopback, so no name is ever looked up).
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from loopback import RecordingServer, run_bash

from botkit.convert import import_text
from botkit.errors import InputError


def _botkit(url: str) -> str:
    """ "ok", or botkit's error message, for importing ``curl -g URL``."""
    try:
        import_text(f"curl -g {shlex.quote(url)}")
    except InputError as exc:
        return str(exc)
    return "ok"


def _curl(url: str, server: RecordingServer, cwd: Path) -> tuple[int, int]:
    """(curl's exit status, how many requests reached the server) for ``curl -g URL``."""
    server.take()
    result = run_bash(f"curl -g {shlex.quote(url)}", server, cwd)
    return result.returncode, len(server.take())


def _agree(url: str, server: RecordingServer, cwd: Path) -> None:
    status, arrived = _curl(url, server, cwd)
    outcome = _botkit(url)
    if status == 3:  # "URL using bad/illegal format"
        assert arrived == 0
        assert outcome != "ok", f"curl refuses {url!r}; botkit imported it"
        assert "curl" in outcome and ("host" in outcome or "port" in outcome), outcome
    else:
        assert arrived == 1, (url, status)
        assert outcome == "ok", f"curl sends {url!r}; botkit says {outcome}"


PORTS = ["", "0", "80", "080", "00000000080", "65535", "65536", "99999", "-1", "+1", "abc", "8o"]


@pytest.mark.parametrize("port", PORTS)
def test_port_is_read_as_curl_reads_it(port, recording_server, tmp_path) -> None:
    _agree(f"http://h.example:{port}/x", recording_server, tmp_path)
    _agree(f"http://[::1]:{port}/x", recording_server, tmp_path)


_host_char = st.one_of(
    st.sampled_from("abz09-._~"),
    st.characters(min_codepoint=33, max_codepoint=126).filter(lambda c: c not in "/?#@:[]%"),
    st.characters(min_codepoint=32, max_codepoint=126).map(lambda c: f"%{ord(c):02X}"),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(middle=st.lists(_host_char, min_size=1, max_size=3).map("".join))
@example(middle="%2F")
@example(middle="%3A1")
@example(middle="%41")
@example(middle="!")
def test_host_characters_are_read_as_curl_reads_them(middle, recording_server, tmp_path) -> None:
    _agree(f"http://a{middle}b.example/x", recording_server, tmp_path)


def test_two_colons_outside_brackets_are_refused(recording_server, tmp_path) -> None:
    _agree("http://h.example:1:2/x", recording_server, tmp_path)


@pytest.mark.parametrize(
    "url",
    [
        "http://h.example:{{port}}/x",
        "https://api.{{region}}.example/x",
        "http://{{host}}:{{port}}/x",
        "http://user:pw@h.example:8080/x",
    ],
)
def test_variables_and_credentials_in_the_authority_are_imported(url) -> None:
    assert _botkit(url) == "ok"
