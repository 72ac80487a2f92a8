"""No output channel carries more of a secret than the masking rule allows.

A distinct secret is planted in each channel issue 12 names (curl options in the
``--opt=value`` spelling, headers without a colon, proxy userinfo, basic
credentials, secret query/body/multipart fields, malformed components whose schema
errors would quote a header value, a password, URL userinfo or ``?token=``, a bot's
broken step, a json parameter of ``botkit curl``).  Then every command runs in every
format (lint: text, json, github, sarif, each to standard output and to ``-o``),
and no secret may show more than its last three characters in standard error, in
a lint report, or, with ``--redact``, in the imported component.
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from botkit.cli import main

_rng = random.Random(12)


def _secret() -> str:
    return "".join(_rng.choice(string.ascii_letters + string.digits) for _ in range(18))


def leaked(text: str, secrets: dict[str, str]) -> list[str]:
    """The channels whose secret shows in ``text`` beyond its mask (4+ characters of it)."""
    return [
        channel
        for channel, secret in secrets.items()
        if any(secret[i : i + 4] in text for i in range(len(secret) - 3))
    ]


# --- curl commands: import and lint -----------------------------------------------

CURL: dict[str, str] = {
    "user-eq": "curl --user=admin:{s} https://h.example/x",
    "oauth2-bearer-eq": "curl --oauth2-bearer={s} https://h.example/x",
    "header-eq": "curl --header='Authorization: Bearer {s}' https://h.example/x",
    "cookie-eq": "curl --cookie=sess={s} https://h.example/x",
    "proxy-user-eq": "curl --proxy-user=bob:{s} https://h.example/x",
    "header-no-colon": "curl -H 'Authorization Bearer {s}' https://h.example/x",
    "proxy-userinfo": "curl -x http://bob:{s}@127.0.0.1:3128 https://h.example/x",
    "proxy-user": "curl -x http://127.0.0.1:3128 -U bob:{s} https://h.example/x",
    "digest": "curl --digest -u bob:{s} https://h.example/x",
    "aws-sigv4": "curl --aws-sigv4 aws:amz:us-east-1:s3 -u AKIDEXAMPLE:{s} https://h.example/x",
    "x-api-key": "curl -H 'X-Api-Key: {s}' https://h.example/x",
    "query-token": "curl 'https://h.example/x?token={s}&page=2'",
    "query-encoded": "curl 'https://h.example/x?api%5Fkey={s}'",
    "referer": "curl -e 'https://u:{s}@r.example/' https://h.example/x",
    "user-agent": "curl -A 'Bot/1.0 token={s}' https://h.example/x",
    "form-password": "curl -d 'user=bob&password={s}' https://h.example/x",
    "json-secret": """curl --json '{{"client_secret": "{s}"}}' https://h.example/x""",
    "multipart": "curl -F 'password={s}' https://h.example/x",
    "cookie-header": "curl -H 'Cookie: a=1; sess={s}' -c jar.txt https://h.example/x",
    "bearer-strict": "curl -H 'Authorization: Bearer {s}' --ntlm https://h.example/x",
    "doubletick": (
        "curl -X POST https://public.doubletick.io/team-member/assign "
        "-H 'Authorization: key_{s}' -H 'Content-Type: application/json' "
        """-d '{{"customerPhoneNumber": "x", "assignedUserPhoneNumber": "x", "apiKey": "{s}"}}'"""
    ),
}

# --- components that break the schema: export and lint ----------------------------


def _component(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "type": "call_api",
        "name": "x",
        "method": "GET",
        "url": "https://h.example/x",
        "headers": [],
    }
    base.update(fields)
    return base


COMPONENTS: dict[str, object] = {
    "c-header-blank": _component(headers=[{"name": "Authorization", "value": "Bearer {s} "}]),
    "c-header-newline": _component(headers=[{"name": "X-Api-Key", "value": "{s}\n"}]),
    "c-custom-header": _component(headers=[{"name": "X-Custom", "value": "{s}\u0000"}]),
    "c-password": _component(auth={"type": "basic", "username": "u", "password": "{s}\n"}),
    "c-user": _component(auth={"type": "basic", "username": "a:{s}", "password": "p"}),
    "c-userinfo": _component(url="https://bob:{s}@h.example/x"),
    "c-url-token": _component(url="https://h.example/x?token={s}"),
    "c-query": _component(query=[{"name": "token", "value": "{s} x"}]),
    "c-query-other": _component(query=[{"name": "page", "value": "{s}#"}]),
    "c-body": _component(method="POST", body={"text": '{{"password": "{s}"}}\u0000'}),
    "c-multipart": _component(
        method="POST", body={"multipart": [{"name": "password", "value": "{s}", "file": "f"}]}
    ),
    "c-telegram": _component(url="https://api.telegram.org/bot123456:{s}{s} x"),
    "c-literal": _component(headers=[{"name": "X-Auth-Key", "value": "{s}"}]),
    "c-bk305": {
        "type": "call_api",
        "name": "x",
        "api": "doubletick.assign-chat",
        "method": "POST",
        "url": "https://public.doubletick.io/team-member/assign",
        "headers": [{"name": "Authorization", "value": "{{{{DOUBLETICK_API_KEY}}}}"}],
        "body": {"text": '{{"customerPhoneNumber": "1", "password": "{s}", "reassign": "{s}"}}'},
    },
}


def _plant(template: object, secret: str) -> object:
    if isinstance(template, str):
        return template.format(s=secret)
    if isinstance(template, dict):
        return {k: _plant(v, secret) for k, v in template.items()}
    if isinstance(template, list):
        return [_plant(v, secret) for v in template]
    return template


def run(*args: str, stdin: str | None = None) -> Result:
    command = click.Command("botkit", callback=lambda: main(list(args)))
    return CliRunner().invoke(command, [], input=stdin)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("planted")
    secrets: dict[str, str] = {}
    for channel, template in CURL.items():
        secrets[channel] = secret = _secret()
        (root / f"{channel}.curl").write_text(template.format(s=secret) + "\n")
    for channel, template in COMPONENTS.items():
        secrets[channel] = secret = _secret()
        (root / f"{channel}.json").write_text(json.dumps(_plant(template, secret)))
    bot_secret = secrets["c-bot"] = _secret()
    bot = {
        "name": "b",
        "start": "s",
        "steps": [
            {
                "id": "s",
                "component": {
                    "type": "call_api",
                    "name": "x",
                    "method": "GET",
                    "url": "https://h.example/x",
                    "headers": [{"name": "Authorization", "value": f"Bearer {bot_secret}\n"}],
                },
            }
        ],
    }
    (root / "c-bot.json").write_text(json.dumps(bot))
    return root, secrets


def test_import_warnings_and_errors_never_show_a_secret(
    planted: tuple[Path, dict[str, str]],
) -> None:
    root, secrets = planted
    for channel in CURL:
        path = str(root / f"{channel}.curl")
        for extra in ((), ("--strict",), ("--redact",)):
            result = run("import", path, *extra)
            assert not leaked(result.stderr, secrets), (channel, extra, result.stderr)
            assert "Traceback" not in result.stderr
            if extra == ("--redact",):
                assert not leaked(result.stdout, secrets), (channel, result.stdout)


def test_export_schema_errors_never_show_a_secret(planted: tuple[Path, dict[str, str]]) -> None:
    root, secrets = planted
    errors = 0
    for channel in [*COMPONENTS, "c-bot"]:
        for style in ("readme", "oneline"):
            result = run("export", str(root / f"{channel}.json"), "--style", style)
            assert not leaked(result.stderr, secrets), (channel, result.stderr)
            errors += result.exit_code == 2
    assert errors >= 2 * 12  # the malformed ones were refused, with a message


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_lint_reports_never_show_a_secret(
    planted: tuple[Path, dict[str, str]], fmt: str, tmp_path: Path
) -> None:
    root, secrets = planted
    paths = sorted(str(p) for p in root.iterdir())
    shown = run("lint", "--format", fmt, *paths)
    assert shown.exit_code in (1, 2) and shown.stdout.count("BK") > 20, shown.stdout
    assert not leaked(shown.stdout + shown.stderr, secrets), [
        (c, [line for line in shown.stdout.splitlines() if secrets[c][:4] in line])
        for c in leaked(shown.stdout + shown.stderr, secrets)
    ]
    report = tmp_path / f"report.{fmt}"
    written = run("lint", "--format", fmt, "-o", str(report), *paths)
    assert written.exit_code == shown.exit_code
    assert not leaked(report.read_text() + written.stdout + written.stderr, secrets)


def test_botkit_curl_json_parameter_errors_never_show_a_secret() -> None:
    secret = _secret()
    for value in (
        json.dumps({"password": secret}),
        json.dumps([{"phone": 5, "password": secret}]),
        json.dumps([{"name": {"token": secret}, "phone": "1"}]),
    ):
        result = run(
            "curl", "doubletick.add-members-to-group", "--group-id", "g", "--members", value
        )
        assert result.exit_code == 2, result.stdout
        assert not leaked(result.stderr, {"json": secret}), result.stderr
