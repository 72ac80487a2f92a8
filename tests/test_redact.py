"""``import --redact``: every credential place of issue 12 becomes a variable, one by one.

Each case plants one distinctive secret in one place; the redacted component must
not hold it anywhere, must name the variable by the one rule (upper case, like an
environment variable), and, with the variables filled in again, must be exactly
the component that was read (nothing else changed).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import botkit
from botkit import secret_names, variables
from botkit.redact import redact_component, secret_places

S = "Zq8vR2mK7pXw4Ln9"  # the planted secret (no shape that means anything else)

# (id, curl command holding S once, the variable that replaces it)
CASES: list[tuple[str, str, str]] = [
    *[
        (f"query-{name}", f"curl 'https://h.example/p?{name}={S}&page=2'", var)
        for name, var in [
            ("pass", "PASS"),
            ("pwd", "PWD"),
            ("X-Amz-Credential", "X_AMZ_CREDENTIAL"),
            ("X-Amz-Signature", "X_AMZ_SIGNATURE"),
            ("access_key", "ACCESS_KEY"),
            ("private_key", "PRIVATE_KEY"),
            ("jwt", "JWT"),
            ("session", "SESSION"),
            ("sid", "SID"),
            ("credential", "CREDENTIAL"),
            ("api%5Fkey", "API_KEY"),
            ("token", "TOKEN"),
            ("key", "KEY"),
            ("secret", "SECRET"),
            ("password", "PASSWORD"),
            ("signature", "SIGNATURE"),
            ("access_token", "ACCESS_TOKEN"),
            ("apiKey", "APIKEY"),
        ]
    ],
    *[
        (f"header-{name}", f"curl https://h.example/p -H '{name}: {S}'", var)
        for name, var in [
            ("X-Auth", "X_AUTH"),
            ("X-Auth-Key", "X_AUTH_KEY"),
            ("Authentication", "AUTHENTICATION"),
            ("X-Access-Key", "X_ACCESS_KEY"),
            ("Ocp-Apim-Subscription-Key", "OCP_APIM_SUBSCRIPTION_KEY"),
            ("X-Key", "X_KEY"),
            ("X-Credentials", "X_CREDENTIALS"),
            ("Authorization", "AUTHORIZATION"),
            ("Proxy-Authorization", "PROXY_AUTHORIZATION"),
            ("Cookie", "COOKIE"),
            ("X-Api-Key", "X_API_KEY"),
            ("X-Session-Token", "X_SESSION_TOKEN"),
            ("X-Client-Secret", "X_CLIENT_SECRET"),
            ("X-Partner-Key", "X_PARTNER_KEY"),
        ]
    ],
    ("bearer", f"curl https://h.example/p -H 'Authorization: Bearer {S}'", "AUTHORIZATION"),
    ("oauth2-bearer", f"curl https://h.example/p --oauth2-bearer {S}", "AUTHORIZATION"),
    ("cookie-option", f"curl https://h.example/p -b 'sess={S}'", "COOKIE"),
    ("user-agent", f"curl https://h.example/p -A 'Bot/1.0 (token={S})'", "TOKEN"),
    ("referer-query", f"curl https://h.example/p -e 'https://r.example/?token={S}'", "TOKEN"),
    (
        "referer-userinfo",
        f"curl https://h.example/p -e 'https://u:{S}@r.example/'",
        "REFERER_PASSWORD",
    ),
    ("basic-password", f"curl https://h.example/p -u 'bob:{S}'", "API_PASSWORD"),
    ("basic-user", f"curl https://h.example/p -u '{S}:'", "API_USER"),
    ("form-password", f"curl https://h.example/p -d 'user=bob&password={S}'", "PASSWORD"),
    ("form-api-key", f"curl https://h.example/p --data-urlencode 'api_key={S}'", "API_KEY"),
    (
        "form-client-secret",
        f"curl https://h.example/p -d 'client_id=a&client_secret={S}'",
        "CLIENT_SECRET",
    ),
    (
        "json-password",
        f"""curl https://h.example/p --json '{{"user": "bob", "password": "{S}"}}'""",
        "PASSWORD",
    ),
    (
        "json-nested",
        f"""curl https://h.example/p --json '{{"a": [{{"client_secret": "{S}"}}]}}'""",
        "CLIENT_SECRET",
    ),
    (
        "json-api-key",
        "curl https://h.example/p -H 'Content-Type: application/json' "
        f"""-d '{{"api_key":"{S}"}}'""",
        "API_KEY",
    ),
    ("multipart-password", f"curl https://h.example/p -F 'password={S}' -F name=bob", "PASSWORD"),
    ("multipart-api-key", f"curl https://h.example/p -F 'api_key={S}'", "API_KEY"),
    (
        "multipart-client-secret",
        f"curl https://h.example/p --form-string 'client_secret={S}'",
        "CLIENT_SECRET",
    ),
    (
        "telegram-path",
        "curl https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe",
        "TELEGRAM_BOT_TOKEN",
    ),
    (
        "slack-webhook",
        "curl -X POST https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/Zq8vR2mK7pXw4Ln9abcd "
        """-d '{"text": "hi"}'""",
        "SLACK_WEBHOOK",
    ),
    (
        "discord-webhook",
        "curl -X POST https://discord.com/api/webhooks/123456/Zq8vR2mK7pXw4Ln9abcdefgh -d x=1",
        "DISCORD_WEBHOOK_TOKEN",
    ),
]

SECRETS = {
    "telegram-path": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
    "slack-webhook": "T0AAAAAAA/B0BBBBBBB/Zq8vR2mK7pXw4Ln9abcd",
    "discord-webhook": "Zq8vR2mK7pXw4Ln9abcdefgh",
    "cookie-option": f"sess={S}",  # a Cookie header is one credential as a whole
}


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def _fill(data: Any, values: dict[str, str]) -> Any:
    if isinstance(data, str):
        return variables.substitute(data, values).text
    if isinstance(data, dict):
        return {k: _fill(v, values) for k, v in data.items()}
    if isinstance(data, list):
        return [_fill(v, values) for v in data]
    return data


@pytest.mark.parametrize(("command", "variable"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_every_secret_place_becomes_a_variable(command: str, variable: str) -> None:
    case = next(c[0] for c in CASES if c[1] == command)
    secret = SECRETS.get(case, S)
    plain = botkit.parse_curl(command)
    redacted = botkit.parse_curl(command, redact=True)
    text = json.dumps(redacted)
    assert secret not in text and secret[:8] not in text, text
    assert variables.written(variable) in text, text
    # Nothing else changed: filling the variables in again gives the component read.
    values = {p.variable: p.value for p in secret_places(plain)}
    assert values[variable] == secret
    filled = _fill(redacted, values)
    assert {**filled, "name": ""} == {**plain, "name": ""}


def test_placeholders_variables_and_plain_values_stay() -> None:
    command = (
        "curl 'https://h.example/p?author=Asha&page=2&country_code=IN&keyword=x' "
        "-H 'Authorization: Bearer {{mine}}' -H 'X-Api-Key: $KEY' -H 'Idempotency-Key: abc' "
        "-H 'Accept: application/json' -A 'curl/8.5' -d 'grant_type=client_credentials'"
    )
    plain = botkit.parse_curl(command)
    redacted = botkit.parse_curl(command, redact=True)
    headers = {h["name"]: h["value"] for h in redacted["headers"]}
    assert headers["Authorization"] == "Bearer {{mine}}"
    assert headers["Idempotency-Key"] == "abc"
    assert redacted["query"] == plain["query"]
    assert redacted["body"] == plain["body"]


def test_a_catalog_api_names_basic_credentials_its_own_way() -> None:
    unblu = botkit.parse_curl(
        "curl -X POST https://u.example/app/rest/v4/conversations/c/setAssigneePerson "
        """-u 'admin:Zq8vR2mK7pXw' -H 'Content-Type: application/json' -d '{"personId": "p"}'""",
        redact=True,
    )
    assert unblu["auth"] == {
        "type": "basic",
        "username": "{{UNBLU_USER}}",
        "password": "{{UNBLU_PASSWORD}}",
    }


def test_two_secrets_never_share_a_variable_and_one_secret_keeps_one() -> None:
    component = botkit.parse_curl(
        "curl 'https://h.example/p?token=one1one1&x=1' -H 'X-Token: two2two2' "
        "-e 'https://r.example/?token=one1one1'",
        redact=True,
    )
    text = json.dumps(component)
    assert "{{TOKEN}}" in text and "{{X_TOKEN}}" in text
    assert text.count("{{TOKEN}}") == 2  # the same value in the Referer: the same name


def test_variables_follow_the_one_naming_rule() -> None:
    for name in ["X-Api-Key", "api%5Fkey", "2fa-token", "client.secret"]:
        written = secret_names.variable_name(name)
        assert variables.is_name(written) and written == written.upper()


@given(
    st.dictionaries(
        st.sampled_from(["password", "api_key", "client_secret", "user", "n", "token"]),
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=12,
        ),
        max_size=6,
    ),
    st.integers(0, 2),
)
def test_json_bodies_stay_json_and_lose_every_secret_field(
    fields: dict[str, str], indent: int
) -> None:
    text = json.dumps({"outer": {"k": fields}, **fields}, indent=indent or None)
    component = {
        "type": "call_api",
        "name": "x",
        "method": "POST",
        "url": "https://h.example/p",
        "headers": [{"name": "Content-Type", "value": "application/json"}],
        "body": {"text": text},
    }
    redacted = redact_component(component)
    data = json.loads(redacted["body"]["text"])
    for name, value in fields.items():
        secret = (
            secret_names.is_secret_field(name) and value and not variables.looks_templated(value)
        )
        for where in (data, data["outer"]["k"]):
            assert (where[name] != value) == bool(secret)
            if secret:  # a credential variable: upper case (one value, one name)
                first = next(
                    n for n, v in fields.items() if v == value and secret_names.is_secret_field(n)
                )
                assert variables.whole(where[name]) == secret_names.variable_name(first)
    assert all(p.path == ("body", "text") for p in secret_places(component))
