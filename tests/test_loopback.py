"""The oracle itself must be trustworthy: it records exactly what curl sends."""

from __future__ import annotations

from loopback import send_with_curl


def test_records_method_target_headers_and_body(recording_server, tmp_path):
    script = (
        "curl -X PUT 'http://api.example.test/a/b?x=1&y' -H 'X-One: 1' -H 'X-One: 2' "
        "--data-binary $'line1\\nline2'\n"
    )
    [req] = send_with_curl(script, recording_server, tmp_path)
    assert req.method == "PUT"
    assert req.target == "/a/b?x=1&y"
    assert [v for n, v in req.headers if n == "X-One"] == ["1", "2"]
    assert req.header("Host") == "api.example.test"
    assert req.body == b"line1\nline2"


def test_ignores_curlrc_in_home(recording_server, tmp_path):
    (tmp_path / ".curlrc").write_text('header = "X-From-Rc: yes"\n')
    [req] = send_with_curl("curl http://h.test/\n", recording_server, tmp_path)
    assert req.header("X-From-Rc") is None
