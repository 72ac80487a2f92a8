"""The masking rule and the one masking point (botkit/masking.py)."""

from __future__ import annotations

import string

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from botkit.masking import mask, safe, schema_message

S = "Zq8vR2mK7pXw4Ln9"


def leaks(text: str, secret: str = S) -> bool:
    """Does ``text`` hold more of ``secret`` than the rule allows (its last three)?"""
    return any(secret[i : i + 4] in text for i in range(len(secret) - 3))


@pytest.mark.parametrize(
    "message",
    [
        f"--user=admin:{S} is not a curl option",
        f"--oauth2-bearer={S} is not a curl option",
        f"--header=Authorization: Bearer {S} is not a curl option",
        f"--cookie=sess={S} is not a curl option",
        f"header 'Authorization: Basic {S}' has no value",
        f"'X-Api-Key: {S}' is odd",
        f'"password": "{S}"',
        f"$.url: 'https://bob:{S}@h.example/x' does not match",
        f"$.query: 'https://h.example/x?token={S}&page=2'",
        f"api%5Fkey={S}",
        f"X-Amz-Signature={S}",
        f"Cookie: a=1; sess={S}",
        f"https://api.telegram.org/bot123456789:AA{S}{S}/getMe",
        f"https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/{S}",
        f"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ{S}.{S}",
        f"sk_live_{S} in a message",
    ],
)
def test_every_credential_the_vocabulary_knows_is_masked_in_free_text(message: str) -> None:
    assert not leaks(safe(message)), safe(message)


def test_prose_variables_and_placeholders_are_left_as_they_are() -> None:
    for text in [
        "$API_TOKEN: shell variable $API_TOKEN is not set in this text; kept as {{API_TOKEN}}",
        'add -H "x-api-key: $VAMBE_API_KEY"',
        "Authorization: Bearer {{UNBLU_TOKEN}}",
        "x-api-key: <your-api-key>",
        "the author: Asha",
        "https://h.example/p?page=2&author=x",
    ]:
        assert safe(text) == text


def test_known_secrets_are_masked_however_the_message_quotes_them() -> None:
    secret = "line1\nZq8vR2mK7pXw"
    for quoted in (secret, repr(secret)[1:-1], '"line1\\nZq8vR2mK7pXw"'):
        assert "Zq8vR2" not in safe(f"value {quoted} is bad", [secret])


def test_schema_messages_never_repeat_a_secret_place() -> None:
    message = schema_message(f"'{S}\\n' does not match '^x$'", S + "\n", ("headers", 0, "value"))
    assert not leaks(message) and "does not match" in message
    shown = schema_message("'GE T' does not match '^x$'", "GE T", ("method",))
    assert "'GE T'" in shown  # not a secret place: shown, to be fixed


@given(st.text(min_size=12, max_size=40))
def test_the_mask_keeps_at_most_a_prefix_and_three_characters(value: str) -> None:
    masked = mask(value)
    assert masked.count("…") == 1
    assert len(masked.split("…")[1]) <= 3


_TOKEN = st.text(
    alphabet=string.ascii_letters + string.digits + "-_.+/=~", min_size=12, max_size=40
)
_FIELDS = st.sampled_from(
    ["token", "password", "api_key", "apiKey", "client_secret", "X-Amz-Signature", "pwd", "sid"]
)
_HEADERS = st.sampled_from(
    ["Authorization", "X-Api-Key", "X-Auth", "Ocp-Apim-Subscription-Key", "X-Session-Token"]
)
_OPTIONS = st.sampled_from(["--user", "--oauth2-bearer", "--cookie", "--proxy-user", "--pass"])


@given(_FIELDS, _HEADERS, _OPTIONS, _TOKEN, st.sampled_from(["", "'", '"']))
@example("token", "Authorization", "--user", "AAAAAAAA-000", "")  # a short value's prefix
def test_any_credential_the_vocabulary_names_is_masked_however_it_is_written(
    field: str, header: str, option: str, token: str, quote: str
) -> None:
    for message in (
        f"bad value {quote}{field}={token}{quote} here",
        f'{{"{field}": "{token}"}} is not valid',
        f"header {quote}{header}: {token}{quote} has no value",
        f"header {quote}{header}: Bearer {token}{quote}",
        f"{option}={token} is not a curl option",
        f"$.url: 'https://h.example/p?{field}={token}&page=2'",
    ):
        shown = safe(message)
        assert token[:-3] not in shown, (message, shown)
