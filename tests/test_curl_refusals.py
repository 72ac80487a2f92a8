"""Options after which curl sends nothing, or sends elsewhere, though the request reads the
same: ``--proto`` (the protocols allowed), ``--disallow-username-in-url`` and ``--hsts``.

The oracle is real bash and real curl against the loopback recorder: where curl refuses
the URL, botkit refuses to import a request curl never sends; where curl upgrades an
http:// URL from its HSTS file, botkit warns; otherwise the request is imported as
before.  ``--alt-svc`` stays quiet: another host, port or HTTP version may serve the
same origin, and the request is the same.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loopback import RecordingServer, run_bash

from botkit.convert import import_text
from botkit.curl.urls import UrlError, proto_allows
from botkit.errors import InputError

URL = "http://h.example/x"


def _botkit(command: str) -> tuple[str, list[str]]:
    """("ok" | the error message, the warnings) of importing ``command``."""
    try:
        imported = import_text(command)
    except InputError as exc:
        return str(exc), []
    return "ok", imported.warnings


def _curl(args: str, server: RecordingServer, cwd: Path) -> tuple[int, int]:
    """(curl's exit status, how many requests reached the server)."""
    server.take()
    result = run_bash(f"curl {args}", server, cwd)
    return result.returncode, len(server.take())


_items = st.builds(
    lambda modifier, name: modifier + name,
    st.sampled_from(["", "", "+", "-", "=", "-+", "*", "=="]),
    st.sampled_from(["http", "https", "all", "ftp", "HTTP", "nosuch", ""]),
)
_specs = st.lists(_items, min_size=1, max_size=3).map(",".join)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(spec=_specs)
def test_proto_is_read_as_curl_reads_it(spec, recording_server, tmp_path) -> None:
    status, arrived = _curl(f"--proto {shlex.quote(spec)} {URL}", recording_server, tmp_path)
    outcome, _ = _botkit(f"curl --proto {shlex.quote(spec)} {URL}")
    if status == 2:  # "option --proto: is badly used here"
        assert arrived == 0
        assert "--proto: curl refuses it" in outcome, spec
    elif status == 1:  # 'Protocol "http" not supported or disabled'
        assert arrived == 0
        assert "--proto " in outcome and "does not allow http" in outcome, spec
        assert "curl error 1" in outcome
    else:
        assert (status, arrived) == (0, 1), spec
        assert outcome == "ok", spec


def test_proto_rules() -> None:
    assert proto_allows("=https", "https") and not proto_allows("=https", "http")
    assert proto_allows("-all,+http", "http") and not proto_allows("-all,+http", "https")
    assert not proto_allows("-http", "http") and proto_allows("-http", "HTTPS")
    assert proto_allows("=ftp,+nosuch,http", "http")  # an unknown name allows nothing
    assert not proto_allows("=nosuch", "http")  # curl: "=" empties the set all the same
    assert proto_allows("", "http") and proto_allows("=HTTP", "http")
    for bad in ("*http", "=", " =https", "+-"):
        with pytest.raises(UrlError):
            proto_allows(bad, "http")


def test_a_refused_proto_points_at_its_value() -> None:
    outcome, _ = _botkit("curl --proto =https http://h.example/")
    assert outcome == (
        "<string>:1:14: --proto =https does not allow http: curl refuses this URL and sends "
        "nothing (curl error 1)"
    )
    assert _botkit("curl --proto =https https://h.example/") == ("ok", [])


def test_disallow_username_in_url(recording_server, tmp_path) -> None:
    cases = {
        "--disallow-username-in-url http://u:pw@h.example/x": False,
        "--disallow-username-in-url http://u@h.example/x": False,
        "--disallow-username-in-url -u u:pw http://h.example/x": True,
        "--disallow-username-in-url --no-disallow-username-in-url http://u:pw@h.example/x": True,
        "http://u:pw@h.example/x": True,
    }
    for args, sent in cases.items():
        status, arrived = _curl(args, recording_server, tmp_path)
        outcome, _ = _botkit(f"curl {args}")
        if sent:
            assert (status, arrived) == (0, 1), args
            assert outcome == "ok", args
        else:
            assert status == 67 and arrived == 0, args  # "Login denied"
            assert "holds a user name: curl refuses it" in outcome and "curl error 67" in outcome
            assert "pw" not in outcome


def test_hsts_warns_only_where_it_can_change_the_scheme(recording_server, tmp_path) -> None:
    hsts = tmp_path / "hsts.txt"
    hsts.write_text('h.example "20991231 00:00:00"\n')
    # The oracle: with the host in the file, curl does not send the plain http:// request.
    status, arrived = _curl(f"--hsts {hsts} {URL}", recording_server, tmp_path)
    assert status != 0 and arrived == 0
    status, arrived = _curl(f"--hsts {hsts} http://other.example/x", recording_server, tmp_path)
    assert (status, arrived) == (0, 1)

    outcome, warnings = _botkit(f"curl --hsts {hsts} {URL}")
    assert outcome == "ok"
    assert [w for w in warnings if "--hsts" in w] == [
        "1:6: --hsts: curl sends an http:// URL over https when its HSTS file lists the "
        "host; the component keeps http://"
    ]
    assert _botkit(f"curl --hsts {hsts} https://h.example/x") == ("ok", [])


def test_alt_svc_stays_quiet() -> None:
    assert _botkit("curl --alt-svc cache.txt https://h.example/x") == ("ok", [])
    assert _botkit("curl --alt-svc cache.txt http://h.example/x") == ("ok", [])
