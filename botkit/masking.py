"""The masking rule, and the one point every message goes through before it is shown.

A message may name a header, a field or an option, never show a credential: at
most an auth scheme word, a key's well-known prefix and its last three
characters (``Bearer key_…XYZ``), enough to tell two keys apart in a CI log and
useless to anyone who reads that log; a value shorter than 12 characters (after
the prefix) shows nothing at all (``…``).

``safe(text, secrets)`` is that point: the CLI's errors and warnings, import
warnings, every lint finding in every format and schema errors all pass through
it.  It masks the credentials the caller knows (``secrets``, taken from the
component by botkit/redact.py) and anything in the text that botkit's
vocabulary (botkit/secret_names.py) calls a credential: ``--user=...`` and the
other credential options, ``Authorization: ...`` and other secret headers,
``token=...`` and other secret fields, URL userinfo, credential URL paths and
well-known token shapes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from botkit import secret_names as names
from botkit.lazy_re import lazy
from botkit.scheme_words import scheme_prefix

_MASK_SCHEME_WORDS = ("bearer", "basic", "token", "key", "apikey", "bot", "digest")
_KEY_PREFIX = lazy(r"^[A-Za-z]{1,8}[_-]")
ELLIPSIS = "…"


def mask(value: str) -> str:
    """``key_Ab12…XYZ`` -> ``key_…XYZ``: an auth scheme word, a known-style prefix and
    the last three characters; a short value shows nothing at all."""
    scheme = scheme_prefix(value, _MASK_SCHEME_WORDS)
    head = value[: scheme[1]] if scheme else ""
    token = value[len(head) :].strip()
    prefix_match = _KEY_PREFIX().match(token)
    prefix = prefix_match.group(0) if prefix_match else ""
    rest = token[len(prefix) :]
    if len(rest) < 12:  # too short to show any of it, its prefix included
        return f"{head}{ELLIPSIS}"
    return f"{head}{prefix}{ELLIPSIS}{rest[-3:]}"


def mask_known(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every given secret replaced by its mask, also where the message
    quotes it escaped (``repr``, JSON) rather than as it is."""
    for secret in sorted(set(secrets), key=len, reverse=True):
        if len(secret) < 4:
            continue
        for spelling in _spellings(secret):
            if spelling in text:
                text = text.replace(spelling, mask(secret))
    return text


def _spellings(secret: str) -> list[str]:
    out = [secret]
    for quoted in (repr(secret)[1:-1], json.dumps(secret)[1:-1], _printable(secret)):
        if quoted not in out:
            out.append(quoted)
    return out


def _printable(text: str) -> str:
    from botkit.terminal import printable

    return printable(text)


# --- credentials recognised in free text ------------------------------------------

_OPTIONS = "|".join(
    re.escape(o) for o in sorted(names.SECRET_OPTIONS, key=len, reverse=True) if o.startswith("--")
)
# --user=admin:pw, --oauth2-bearer=TOKEN (the value runs to a blank or a quote)
_OPTION_VALUE = lazy(rf"(?P<lead>(?<![\w-])(?:{_OPTIONS})=)(?P<value>[^\s\"'`]+)")
# Authorization: Bearer x, "password": "x", token=x, api_key='x'
_NAMED_VALUE = lazy(
    r"""(?ix)
    (?P<name>(?<![\w.%$/\\-])[A-Za-z_][A-Za-z0-9_.%-]{0,60})
    (?P<sep>["']?[ \t]*(?::|=)[ \t]*["']?)
    (?P<scheme>(?:bearer|basic|token|bot|digest|key|apikey)[ \t]+)?
    (?P<value>[^\s"'`,;&)<>\]}]+)
    """
)
# Cookie and Authorization values run to the end of the quote or line.
_WHOLE_VALUE = lazy(
    r"""(?ix)
    (?P<lead>(?<![\w-])(?:proxy-)?(?:authorization|authentication|cookie|set-cookie)
        ["']?[ \t]*[:=][ \t]*["']?(?:(?:bearer|basic|token|bot|digest)[ \t]+)?)
    (?P<value>[^"'`\n]+)
    """
)
_PLAIN_WORD = lazy(r"[a-z]{1,12}:?|[0-9]{1,6}(?::[0-9]{1,6})?:?")
_USERINFO = lazy(r"(?<=://)(?P<user>[^\s/@:?#'\"]*):(?P<password>[^\s/@?#'\"]+)(?=@)")


def _keep(value: str) -> bool:
    """Already masked, a variable or a documentation placeholder: shown as it is."""
    return (
        value.startswith(ELLIPSIS)
        or names.is_variable(value)
        or names.is_placeholder(value)
        or value.startswith("{{")
    )


def scrub(text: str) -> str:
    """``text`` with every credential the vocabulary recognises in it masked."""
    if not text:
        return text

    def option(m: re.Match[str]) -> str:
        value = m.group("value")
        return m.group(0) if _keep(value) else m.group("lead") + mask(value)

    def whole(m: re.Match[str]) -> str:
        value = m.group("value").rstrip()
        tail = m.group("value")[len(value) :]
        return m.group(0) if _keep(value) else m.group("lead") + mask(value) + tail

    def named(m: re.Match[str]) -> str:
        value = m.group("value")
        name = m.group("name")
        if _keep(value) or not (names.is_secret_field(name) or names.is_secret_header(name)):
            return m.group(0)
        if m.group("sep").strip() == ":" and len(value) < 12 and _PLAIN_WORD().fullmatch(value):
            return m.group(0)  # "token: missing" is prose, "session.env:3" a line number
        return m.group("name") + m.group("sep") + (m.group("scheme") or "") + mask(value)

    def userinfo(m: re.Match[str]) -> str:
        password = m.group("password")
        return m.group(0) if _keep(password) else f"{m.group('user')}:{ELLIPSIS}"

    # Each pattern runs only on text holding what any match of it holds ("=" after an
    # option, ":" or "=" after a name, "://" before userinfo): most messages name no
    # credential, and a one-shot command then compiles none of these patterns.
    if "--" in text and "=" in text:
        text = _OPTION_VALUE().sub(option, text)
    if ":" in text or "=" in text:
        text = _WHOLE_VALUE().sub(whole, text)
    if ":" in text or "=" in text:
        text = _NAMED_VALUE().sub(named, text)
    if "://" in text and "@" in text:
        text = _USERINFO().sub(userinfo, text)
    text = _shapes(text)
    return text


#: Credential URL paths, loosely: a message may quote them cut short or run on.
_LOOSE_PATHS = lazy(
    r"/bot\d{3,}:(?P<a>[^\s/'\"]+)|/services/T[A-Z0-9]+/(?P<b>[^\s'\"]+)"
    r"|/api/webhooks/\d+/(?P<c>[^\s/'\"]+)"
)


def _may_hold_path(text: str) -> bool:
    """Each credential path starts with one of these (a message with none needs no
    expression: a finding's file name alone has a ``/``)."""
    return "/bot" in text or "/services/T" in text or "/api/webhooks/" in text


def _shapes(text: str) -> str:
    """Credential URL paths and token shapes, replaced by their masks."""
    loose = [
        names.Span(m.start(g), m.end(g), "")
        for m in (_LOOSE_PATHS().finditer(text) if _may_hold_path(text) else ())
        for g in ("a", "b", "c")
        if m.group(g) is not None
    ]
    spans = loose + [
        s for s in names.text_secrets(text) if not text[s.start : s.end].startswith(ELLIPSIS)
    ]
    if not spans:
        return text
    out = []
    at = 0
    for span in sorted(spans):
        if span.start < at:
            continue
        value = text[span.start : span.end]
        out.append(text[at : span.start])
        out.append(value if _keep(value) else mask(value))
        at = span.end
    out.append(text[at:])
    return "".join(out)


def safe(text: str, secrets: Iterable[str] = ()) -> str:
    """The one masking point: ``text`` with the given ``secrets`` and every credential
    the vocabulary recognises masked."""
    return scrub(mask_known(text, secrets))


# --- schema errors: the instance a validator quotes ----------------------------------

#: Parts of a component whose values a schema message must not repeat.
_SECRET_PARTS = frozenset({"headers", "query", "auth", "body", "multipart", "text", "value"})


def schema_message(message: str, instance: Any, path: Iterable[str | int]) -> str:
    """A jsonschema message with the instance it quotes masked when it sits where a
    credential may be (a header or query value, ``auth``, a body, a secret field),
    and free-text masking over the rest (a URL's userinfo, ``?token=``)."""
    keys = [str(p) for p in path]
    shown = repr(instance)
    if shown in message and _sensitive(keys, instance):
        safe_value = repr(mask(instance)) if isinstance(instance, str) else _kind(instance)
        message = message.replace(shown, safe_value)
    return safe(message, _strings(instance))


def is_secret_place(path: Iterable[str | int]) -> bool:
    """May the value at ``path`` in a component or bot be a credential (a header or
    query value, ``auth``, a body, a field with a secret name)?"""
    return any(str(k) in _SECRET_PARTS or names.is_secret_field(str(k)) for k in path)


def _sensitive(keys: list[str], instance: Any) -> bool:
    if keys[-1:] != ["name"] and is_secret_place(keys):
        return True
    if isinstance(instance, str):
        return False
    return not isinstance(instance, int | float | bool) and instance is not None


def _strings(instance: Any) -> list[str]:
    """Secret-looking string values inside ``instance`` (a dict under a secret key)."""
    found: list[str] = []
    stack = [instance]
    budget = 1000
    while stack and budget:
        budget -= 1
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, str) and names.is_secret_field(str(key)):
                    found.append(value)
                elif isinstance(value, dict | list):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _kind(instance: Any) -> str:
    kinds: dict[type[Any], str] = {dict: "an object", list: "an array"}
    return kinds.get(type(instance), type(instance).__name__)
