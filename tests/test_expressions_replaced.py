"""String tests that replaced regular expressions, held to the expressions they replaced.

Compiling an expression is Python code and costs a one-shot command more than using it:
placeholder text, token shapes in header values, auth scheme words, the words of a header
name.  Each expression is kept here as the definition, and the string tests must agree
with it on every text, including the Unicode letters that case-insensitive matching folds
to ASCII ones (long s is ``s``, the Kelvin sign is ``k``).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from botkit import secret_names, token_shapes
from botkit.placeholder_text import is_placeholder_text
from botkit.scheme_words import fold, scheme_prefix
from botkit.secret_names import is_placeholder, text_secrets

#: The expression placeholders were judged by (the definition is_placeholder_text keeps).
PLACEHOLDER = re.compile(
    r"""(?ix)^(?:
        <[^<>]*>
      | \[[^\[\]]*\]
      | \{[^{}]*\}
      | [a-z]{1,8}[_-][x*.•…]{3,}
      | [x*.•…]{3,}
      | .*\byour\b.* | your[_\-a-z0-9]+ | .*_here
      | (?:x[_-])?api[_-]?key | access[_-]?token | auth[_-]?token | token | secret
      | key | password | passwd | changeme | change[_-]me | replace[_-]?me | todo | tbd
      | placeholder | dummy | example | sample | test | null | none | undefined
      | (?:insert|replace|enter|put|paste)[_\- ].*
    )$"""
)

#: The pieces placeholders are made of, and the letters re.I folds to ASCII ones.
_PIECES = [
    *("<", ">", "[", "]", "{", "}", "_", "-", " ", "\n", "x", "X", "*", ".", "\u2022"),
    *("\u2026", "your", "YOUR", "here", "_here", "api", "key", "token", "access", "auth"),
    *("insert", "paste", "put", "enter", "replace", "me", "change", "todo", "test", "none"),
    *("\u0130", "\u0131", "\u017f", "\u212a", "\u00e9", "a", "Z", "0", "9", "s", "k", "é"),
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join) | st.text(max_size=12)


@given(_TEXT)
@settings(max_examples=600)
@example("key_xxxxxxxxxx")
@example("pa\u017fte key")
@example("\u212aey")
@example("İnsert-it")
@example("your\n")
@example("sk-…\u2022*")
@example("<a\nb>")
def test_placeholder_text_agrees_with_the_expression(text: str) -> None:
    assert is_placeholder_text(text) == (PLACEHOLDER.match(text) is not None)


@pytest.mark.parametrize(
    "value",
    [
        "key_xxxxxxxxxx",
        "<x-api-key>",
        "[API KEY]",
        "{apiKey}",
        "****",
        "YOUR_API_KEY",
        "Bearer your-token",
        "INSERT_KEY_HERE",
        "x-api-key",
        "paste your key here",
        "todo",
    ],
)
def test_documentation_text_is_a_placeholder(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize(
    "value", ["key_8fJ2kQ0pLx", "Bearer eyJhbGciOi", "yourselves!", "keys", "<a<b>", "xx"]
)
def test_a_real_looking_value_is_no_placeholder(value: str) -> None:
    assert not is_placeholder(value)


#: The expression token shapes were found by (the definition ``token_shapes`` keeps).
TOKEN_SHAPES = re.compile(
    r"""(?x)
      \beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}
    | \b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}
    | \bgh[pousr]_[A-Za-z0-9]{20,}
    | \bgithub_pat_[A-Za-z0-9_]{20,}
    | \bglpat-[A-Za-z0-9_-]{20,}
    | \bxox[abposr]-[A-Za-z0-9-]{10,}
    | \bAKIA[0-9A-Z]{16}\b
    | \bAIza[0-9A-Za-z_-]{35}
    | \bya29\.[0-9A-Za-z_-]{20,}
    | \bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}
    | \bsk-[A-Za-z0-9_-]{20,}
    | \bkey_[A-Za-z0-9]{6,}
    | (?<![\w:])\d{6,}:AA[A-Za-z0-9_-]{30,}
    """
)
_MARKERS = [m for markers, _ in token_shapes.TOKEN_SHAPES for m in markers]
_SHAPES = [
    *_MARKERS,
    *("A", "z", "0", "9", "_", "-", ".", ":", " ", "=", "/", "sk", "pk", "live", "test"),
    *("gh", "p", "github", "pat", "glpat", "xoxb", "AKI", "AIz", "ya29", "SG", "key"),
]


@given(
    st.lists(
        st.sampled_from(_SHAPES) | st.text("Aa0_-.:", min_size=1, max_size=40), max_size=10
    ).map("".join)
)
@settings(max_examples=500)
@example("Authorization: Bearer eyJabcdefgh.abcdefghij.abcdefghij")
@example("123456:AAabcdefghijabcdefghijabcdefghij12")
@example("eyJabcdefgh.abcdefghij.abc-key_abcdefghij sk-abcdefghijabcdefghij1")
def test_token_shapes_find_what_the_whole_expression_found(text: str) -> None:
    """Compiling only the shapes whose markers a text holds finds the same tokens."""
    shapes = token_shapes.token_shapes(text)
    got = [m.span() for m in shapes.finditer(text)] if shapes is not None else []
    assert got == [m.span() for m in TOKEN_SHAPES.finditer(text)]


def test_a_token_in_free_text_is_still_found() -> None:
    spans = text_secrets("agent/1.0 ghp_abcdefghijklmnopqrstuvwxyz12", "User-Agent")
    assert [s.variable for s in spans] == ["USER_AGENT_TOKEN"]


@pytest.mark.parametrize(
    ("path", "variable"),
    [
        ("/bot123456:AAabcdefghijabcdefghijabcd/sendMessage", "TELEGRAM_BOT_TOKEN"),
        ("/services/T0000AAAA/B0000BBBB/abcdefghijkl", "SLACK_WEBHOOK"),
        ("/api/webhooks/123/abcdefghijabcdefghijabcd", "DISCORD_WEBHOOK_TOKEN"),
    ],
)
def test_credential_paths_are_found(path: str, variable: str) -> None:
    assert [s.variable for s in secret_names.path_secrets(path)] == [variable]


#: The expressions the auth scheme words were found by, with the words each place uses.
_SCHEMES = [
    (r"(?i)^\s*(bearer|basic|token|key|apikey)\s+", ("bearer", "basic", "token", "key", "apikey")),
    (
        r"(?i)^\s*(bearer|basic|token|key|apikey|bot|digest)\s+",
        ("bearer", "basic", "token", "key", "apikey", "bot", "digest"),
    ),
    (
        r"(?i)^(Bearer|Basic|Token|Digest|Bot|key)\s+",
        ("bearer", "basic", "token", "digest", "bot", "key"),
    ),
]
_SCHEME_PIECES = [
    *("Bearer", "bearer", "BASIC", "token", "Key", "apikey", "bot", "Digest", "ba", "s"),
    *(" ", "  ", "\t", "\n", "\u00a0", "\u2003", "x", "\u017f", "\u212a", "\u0130", "\u0131"),
]


@given(
    st.lists(st.sampled_from(_SCHEME_PIECES), max_size=6).map("".join), st.sampled_from(_SCHEMES)
)
@settings(max_examples=500)
@example("  Bearer  abc", _SCHEMES[0])
@example("\u212aey abc", _SCHEMES[2])
@example("Ba\u017fic abc", _SCHEMES[1])
def test_scheme_words_are_found_where_the_expressions_found_them(
    text: str, scheme: tuple[str, tuple[str, ...]]
) -> None:
    pattern, words = scheme
    m = re.match(pattern, text)
    want = (m.group(1).lower().translate({0x17F: "s", 0x131: "i"}), m.end()) if m else None
    leading = pattern.startswith(r"(?i)^\s*")
    got = scheme_prefix(text, words, leading_space=leading)
    assert (got[1] if got else None) == (want[1] if want else None)
    if got and want:
        assert got[0] == fold(m.group(1))


@given(st.text(st.sampled_from("aZ09-_ .%+XyHTTPHeader\u00e9\u212a"), max_size=16))
@settings(max_examples=500)
@example("HTTPHeaderX1Y")
@example("clientSecret")
@example("X-Amz-Credential")
def test_names_split_into_the_words_the_expressions_found(name: str) -> None:
    from urllib.parse import unquote_plus

    text = unquote_plus(name) if "%" in name or "+" in name else name
    want = [
        w.lower()
        for piece in re.split(r"[^A-Za-z0-9]+", text)
        for w in re.split(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", piece)
        if w
    ]
    assert secret_names.words(name) == want


@given(st.text(st.sampled_from("aZ09-_ .%+\u00e9\t"), max_size=16))
@settings(max_examples=300)
def test_variable_names_are_what_the_expression_made(place: str) -> None:
    from urllib.parse import unquote_plus

    text = unquote_plus(place) if "%" in place or "+" in place else place
    name = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").upper() or "SECRET"
    assert secret_names.variable_name(place) == (name if not name[0].isdigit() else "_" + name)


@given(st.text(st.sampled_from("{}/ab_9-é"), max_size=14))
@settings(max_examples=500)
@example("{a{b}")
@example("/chats/{id}/messages/{}")
def test_catalog_paths_split_where_the_expression_split_them(path: str) -> None:
    from botkit.catalog import split_placeholders

    assert split_placeholders(path) == re.split(r"(\{[A-Za-z0-9_]+\})", path)


@given(st.text(st.sampled_from("aZ09+.-:/ \u00e9\u212a"), max_size=12))
@settings(max_examples=500)
@example("http://x")
@example("a1+.-://b")
@example("1a://b")
def test_url_schemes_are_found_where_the_expression_found_them(text: str) -> None:
    from botkit.curl.urls import _scheme

    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", text)
    assert _scheme(text) == ((m.group(1), m.end()) if m else None)


@given(st.text(st.sampled_from("+0123456789 ().-/\t\u00a0\u0663x"), max_size=14))
@settings(max_examples=500)
def test_phone_numbers_are_told_from_text_as_the_expressions_told(value: str) -> None:
    from botkit.phone import PhoneProblem, check_phone

    compact = re.sub(r"[\s().\-/]", "", value.strip())
    not_a_number = not re.fullmatch(r"\+?\d+", compact) or len(compact.lstrip("+")) < 5
    got = check_phone(value).problem == PhoneProblem.NOT_A_NUMBER
    assert got == not_a_number


@given(st.text(st.sampled_from("aZ09!#$%&'*+.^_`|~- ()<>@,;:\\\"/[]?={}\t\n\u00e9"), max_size=8))
@settings(max_examples=400)
def test_http_tokens_are_what_the_grammar_says(text: str) -> None:
    from botkit.http_syntax import TCHAR, is_token

    assert is_token(text) == (re.fullmatch(f"{TCHAR}+", text) is not None)
