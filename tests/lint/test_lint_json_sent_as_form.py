"""BK306: a JSON body that curl sends as a form, and the fix that makes it send JSON.

What curl sends is checked with real bash and curl against the loopback recording_server:
the finding is only true if ``-d`` really sends application/x-www-form-urlencoded,
and the fix only right if the fixed snippet really sends the API's Content-Type.
"""

from __future__ import annotations

import pytest
from lint_helpers import bot, codes, dt_component, lint, write
from loopback import send_with_curl

from botkit.lint import LintConfig, lint_files


def _send(snippet: str, server, cwd) -> list:
    """What curl sends for ``snippet`` (to the plain-HTTP recorder on loopback)."""
    return send_with_curl(snippet.replace("https://", "http://"), server, cwd)


BODY = '{"customerPhoneNumber": "919876543210", "assignedUserPhoneNumber": "919812345678"}'
URL = "https://public.doubletick.io/team-member/assign"
AUTH = '-H "Authorization: $DOUBLETICK_API_KEY"'


@pytest.mark.parametrize(
    "data",
    [f"-d '{BODY}'", f"--data-raw '{BODY}'", f"--data-binary '{BODY}'", f"--data '{BODY}'"],
)
def test_json_with_d_and_no_content_type_is_sent_as_a_form(data, recording_server, tmp_path):
    snippet = f"curl {URL} {AUTH} \\\n  {data}\n"
    [finding] = lint(snippet, kind="curl")
    assert finding.code == "BK306" and finding.slug == "json-sent-as-form"
    assert finding.line == 2 and finding.column == 3  # on the data option
    assert "application/x-www-form-urlencoded" in finding.message
    [sent] = _send(snippet, recording_server, tmp_path)
    assert sent.header("Content-Type") == "application/x-www-form-urlencoded"

    path = write(tmp_path, "assign.curl", snippet)
    [result] = lint_files([path], LintConfig(), fix=True)
    assert [f.code for f in result.fixed] == ["BK306"] and result.findings == []
    fixed = path.read_text()
    assert fixed == snippet.replace(data, f'-H "Content-Type: application/json" {data}')
    [sent] = _send(fixed, recording_server, tmp_path)
    assert sent.header("Content-Type") == "application/json"
    assert sent.body.decode() == BODY
    assert lint(fixed, kind="curl") == []


def test_an_explicit_form_content_type_is_rewritten_in_place(recording_server, tmp_path):
    snippet = (
        f"curl {URL} {AUTH} -H 'content-type: application/x-www-form-urlencoded' -d '{BODY}'\n"
    )
    [finding] = lint(snippet, kind="curl")
    assert finding.code == "BK306"
    assert snippet[finding.column - 1 :].startswith("application/x-www-form-urlencoded")
    path = write(tmp_path, "assign.sh", snippet)
    [result] = lint_files([path], LintConfig(), fix=True)
    assert [f.code for f in result.fixed] == ["BK306"]
    [sent] = _send(path.read_text(), recording_server, tmp_path)
    assert sent.header("Content-Type") == "application/json"


@pytest.mark.parametrize(
    "snippet",
    [
        f"curl {URL} {AUTH} --json '{BODY}'\n",  # --json sends application/json
        f"curl {URL} {AUTH} -H 'Content-Type: application/json' -d '{BODY}'\n",
        f"curl {URL} {AUTH} -H 'content-type: application/json; charset=utf-8' -d '{BODY}'\n",
        "curl https://crm.example.com/leads -d 'name=Asha&phone=919876543210'\n",  # a real form
        "curl https://crm.example.com/leads -d '42'\n",  # JSON, but no object or array
        "curl https://crm.example.com/leads -d @body.json -H 'Content-Type:'\n",
    ],
)
def test_no_finding_when_curl_sends_json_or_a_real_form(snippet, tmp_path):
    (tmp_path / "body.json").write_text(BODY)
    path = write(tmp_path, "s.curl", snippet)
    [result] = lint_files([path], LintConfig())
    assert "BK306" not in codes(result.findings)


def test_a_json_array_to_an_unknown_api_is_flagged_too():
    [finding] = lint("curl https://crm.example.com/leads --data-raw '[1, 2]'\n", kind="curl")
    assert finding.code == "BK306" and "application/json" in finding.message


def test_a_bot_component_with_a_form_content_type_and_a_json_body():
    component = dt_component(
        headers=[
            {"name": "Authorization", "value": "{{DOUBLETICK_API_KEY}}"},
            {"name": "Content-Type", "value": "application/x-www-form-urlencoded"},
        ]
    )
    [finding] = lint(bot(component))
    assert finding.code == "BK306" and finding.fix is not None
    assert finding.json_path == ("steps", 0, "component", "headers", 1, "value")
    assert "set the Content-Type header to application/json" in finding.message


def test_suppressed_by_its_slug():
    snippet = f"# botkit: ignore json-sent-as-form\ncurl {URL} {AUTH} -d '{BODY}'\n"
    assert lint(snippet, kind="curl") == []
