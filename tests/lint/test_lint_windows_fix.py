"""``--fix`` on Windows cmd and PowerShell snippets: offered only where it is right there.

A fix rewrites characters that the reader says are the value written verbatim, with
text every shell reads as written where it lands (digits; a media type, with a
blank only inside quotes), or puts a ``-H "Content-Type: ..."`` before the data
option (where that option's word starts).  Each fixed file is read again by its
own dialect's reader: it must send the intended request, and lint clean of what was
fixed.  Where a fix would land inside quotes (``"-d"``), none is offered, and the
text report does not call the finding fixable.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import botkit
from lint_helpers import write

from botkit.convert import import_text
from botkit.curl import read_curl
from botkit.lint import LintConfig, lint_files
from botkit.lint.curldoc import CurlDocument, dialect_of
from botkit.lint.model import Site

DT = "https://public.doubletick.io/team-member/assign"
BODY = {"customerPhoneNumber": "+91 98765 43210", "assignedUserPhoneNumber": "919812345678"}
FIXED_BODY = {"customerPhoneNumber": "919876543210", "assignedUserPhoneNumber": "919812345678"}
JSON_TYPE = "-H 'content-type: application/json'"


def _cmd_body(style: str) -> str:
    text = json.dumps(BODY)
    if style == "caret":
        return '^"' + text.replace('"', '^\\^"').replace("{", "^{").replace("}", "^}") + '^"'
    if style == "plain":
        return '"' + text.replace('"', '\\"') + '"'
    return '"' + text.replace('"', '""') + '"'


def _ps_body(style: str) -> str:
    text = json.dumps(BODY)
    if style == "single":
        return "'" + text + "'"
    if style == "here":
        return "@'\n" + text + "\n'@"
    if style == "backtick":
        return '"' + text.replace('"', '`"') + '"'
    return '"' + text.replace('"', '""') + '"'


SNIPPETS = {
    **{
        f"{style}.cmd": (
            f'curl ^"{DT}^" ^\n  -H "Authorization: {{{{DOUBLETICK_API_KEY}}}}" ^\n'
            f'  -H "content-type: application/json" ^\n  --data-raw {_cmd_body(style)}\n'
        )
        for style in ("caret", "plain", "doubled")
    },
    **{
        f"{style}.ps1": (
            f'curl.exe {DT} -H "Authorization: $env:DOUBLETICK_API_KEY" `\n'
            f"  -H 'content-type: application/json' `\n  -d {_ps_body(style)}\n"
        )
        for style in ("single", "backtick", "doubled", "here")
    },
}


def _request(path: Path) -> dict:
    """What ``botkit import`` makes of the file (by its name's dialect, as lint reads it)."""
    return import_text(path.read_text(encoding="utf-8"), source=str(path), name="x").document


def _fix(path: Path) -> tuple[list[str], list]:
    [result] = lint_files([path], LintConfig(), fix=True)
    return [f.code for f in result.fixed], result.findings


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_a_phone_number_is_fixed_and_the_snippet_sends_the_fixed_body(tmp_path, name):
    path = write(tmp_path, name, SNIPPETS[name])
    before = _request(path)
    assert json.loads(before["body"]["text"]) == BODY
    fixed, left = _fix(path)
    assert fixed == ["BK103"]
    assert [f.code for f in left if f.code != "BK401"] == []  # BK401: PowerShell's " note
    after = _request(path)
    assert json.loads(after["body"]["text"]) == FIXED_BODY
    assert {k: v for k, v in after.items() if k != "body"} == {
        k: v for k, v in before.items() if k != "body"
    }
    original = SNIPPETS[name]
    assert path.read_text() == original.replace("+91 98765 43210", "919876543210")


FORM_CASES = {
    "implied.cmd": (
        f'curl ^"{DT}^" -H ^"Authorization: {{{{DOUBLETICK_API_KEY}}}}^" ^\n'
        f"  --data-raw {_cmd_body('caret')}\n"
    ),
    "implied.ps1": (
        f'curl.exe {DT} -H "Authorization: $env:DOUBLETICK_API_KEY" `\n  -d {_ps_body("single")}\n'
    ),
    "explicit.cmd": (
        f'curl "{DT}" -H "Authorization: {{{{DOUBLETICK_API_KEY}}}}" '
        f'-H "content-type: application/x-www-form-urlencoded" -d {_cmd_body("plain")}\n'
    ),
    "explicit.ps1": (
        f"curl.exe {DT} -H 'Authorization: {{{{DOUBLETICK_API_KEY}}}}' "
        f"-H content-type:application/x-www-form-urlencoded -d {_ps_body('backtick')}\n"
    ),
}


@pytest.mark.parametrize("name", sorted(FORM_CASES))
def test_a_json_body_sent_as_a_form_is_fixed_to_send_json(tmp_path, name):
    text = FORM_CASES[name].replace("+91 98765 43210", "919876543210")
    path = write(tmp_path, name, text)
    before = _request(path)
    fixed, left = _fix(path)
    assert fixed == ["BK306"] and [f.code for f in left if f.code != "BK401"] == []
    after = _request(path)
    assert after["body"] == before["body"]
    types = [h["value"] for h in after["headers"] if h["name"].lower() == "content-type"]
    assert types[0] == "application/json"


@pytest.mark.parametrize(
    "name, text",
    [
        ("quoted.cmd", f'curl "{DT}" -H "Authorization: {{{{DOUBLETICK_API_KEY}}}}" "-d" ^\n'),
        ("quoted.ps1", f"curl.exe {DT} -H \"Authorization: $env:DOUBLETICK_API_KEY\" '-d' `\n"),
        ("quoted.curl", f"curl {DT} -H \"Authorization: $DOUBLETICK_API_KEY\" '-d' \\\n"),
    ],
)
def test_no_fix_where_the_new_option_would_land_inside_quotes(tmp_path, name, text):
    body = {"cmd": _cmd_body("plain"), "ps1": _ps_body("single")}.get(name.split(".")[1])
    text += "  " + (body or "'" + json.dumps(BODY) + "'") + "\n"
    text = text.replace("+91 98765 43210", "919876543210")
    path = write(tmp_path, name, text)
    result = botkit("lint", str(path))
    assert "BK306" in result.stdout
    assert "[*]" not in result.stdout and "fixable" not in result.stdout, result.stdout
    fixed, left = _fix(path)
    assert fixed == [] and "BK306" in [f.code for f in left]
    assert path.read_text() == text


@pytest.mark.parametrize(
    "name, header, fixable",
    [
        ("bare.cmd", "-H content-type:application/x-www-form-urlencoded", False),
        ("bare.ps1", "-H content-type:application/x-www-form-urlencoded", False),
        ("bare.curl", "-H content-type:application/x-www-form-urlencoded", False),
        ("quoted.cmd", '-H "content-type: application/x-www-form-urlencoded"', True),
        ("quoted.ps1", "-H 'content-type: application/x-www-form-urlencoded'", True),
        ("quoted.curl", "-H 'content-type: application/x-www-form-urlencoded'", True),
    ],
)
def test_a_value_with_a_blank_is_written_only_inside_quotes(tmp_path, name, header, fixable):
    """A catalog may want ``application/json; charset=utf-8``: bare, its blank would
    end the word (and ``;`` the command), so it is written only where the value is seen
    to be quoted (its stretch of the word holds a blank too)."""
    wanted = "application/json; charset=utf-8"
    body = "-d " + ("'{}'" if not name.endswith(".cmd") else "{}")
    text = f"curl {DT} {header} {body}\n"
    path = write(tmp_path, name, text)
    doc = CurlDocument(name, text, path)
    found = doc.replacement(Site(("headers", 0, "value")), wanted)
    assert (found is not None) == fixable
    assert doc.replacement(Site(("headers", 0, "value")), "application/json") is not None
    if found is not None:
        start, end, new = found
        fixed = text[:start] + new + text[end:]
        request = read_curl(fixed, dialect=dialect_of(name)).request.to_component("x")
        assert request["headers"][0]["value"] == wanted
