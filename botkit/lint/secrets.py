"""Telling a real credential from a placeholder or a variable, and never printing one.

A message may show at most a key's well-known prefix and its last three
characters (``key_…XYZ``): enough to tell two keys apart in a CI log, useless
to anyone who reads that log.
"""

from __future__ import annotations

import re

from botkit.phone import is_template_variable
from botkit.redact import mask as mask  # the one masking rule, re-exported for the rules

_SCHEME = re.compile(r"(?i)^\s*(bearer|basic|token|key|apikey)\s+")
#: A shell variable written out whole: after the cURL readers (which turn every variable
#: they expand into ``{{NAME}}``) it can only be text sent as it is (``'$API_KEY'`` in
#: single quotes), so it is a placeholder, never a variable.
_SHELL_VARIABLE = re.compile(r"\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})")
_PLACEHOLDER = re.compile(
    r"""(?ix)^(?:
        <[^<>]*>                      # <x-api-key>, <token>
      | \[[^\[\]]*\]                  # [API KEY]
      | \{[^{}]*\}                    # {apiKey} (one brace: documentation, not a variable)
      | [a-z]{1,8}[_-][x*.•…]{3,}     # key_xxxxxxxxxx, sk-****
      | [x*.•…]{3,}                   # xxxx, ****, ...
      | .*\byour\b.* | your[_\-a-z0-9]+ | .*_here  # YOUR_API_KEY, your-token, INSERT_KEY_HERE
      | (?:x[_-])?api[_-]?key | access[_-]?token | auth[_-]?token | token | secret
      | key | password | passwd | changeme | change[_-]me | replace[_-]?me | todo | tbd
      | placeholder | dummy | example | sample | test | null | none | undefined
      | (?:insert|replace|enter|put|paste)[_\- ].*
    )$""",
)


def is_variable(value: str) -> bool:
    """A value filled in at run time: ``{{api_key}}``.

    A ``$`` is always literal here: the cURL readers have already turned each shell
    variable they expand into ``{{NAME}}``, so ``Xk9pL2q$wZZ`` (from ``-u 'admin:Xk9pL2q$wZZ'``)
    is a password as written, and a bot sends ``$API_KEY`` as those eight characters.
    """
    return is_template_variable(value)


def credential(value: str) -> str:
    """The credential itself, without an auth scheme word (``Bearer abc`` -> ``abc``)."""
    return _SCHEME.sub("", value, count=1).strip()


def is_shell_variable(value: str) -> bool:
    """A ``$NAME`` (or ``${NAME}``) that reached the request as text: nothing expanded it."""
    return _SHELL_VARIABLE.fullmatch(credential(value)) is not None


def is_placeholder(value: str) -> bool:
    """Empty, or text that documentation puts where a real key should go."""
    token = credential(value)
    return not token or _PLACEHOLDER.match(token) is not None or is_shell_variable(token)


def redact(text: str, secrets: list[str]) -> str:
    """``text`` with every given secret (and its repr) replaced by its mask."""
    for secret in secrets:
        if len(secret) >= 4 and secret in text:
            text = text.replace(secret, mask(secret))
    return text


_IN_TEXT = re.compile(
    r"""(?ix)
    (?P<lead>(?:authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|token
             |password|passwd|cookie|set-cookie)["']?\s*[:=]\s*["']?(?:bearer\s+|basic\s+)?)
    (?P<secret>[^\s"',;]{4,})
    | (?P<key>\bkey_[A-Za-z0-9]{6,})
    | (?P<userinfo>(?<=://)[^\s/@:]+:[^\s/@]+(?=@))
    """
)


def scrub(text: str) -> str:
    """Mask anything in free text that looks like a credential (defence in depth for
    messages that quote input, such as a reader's error about a header)."""

    def masked(match: re.Match[str]) -> str:
        if match.group("lead") is not None:
            secret = match.group("secret")
            if is_placeholder(secret) or is_variable(secret) or secret.startswith("…"):
                return match.group(0)
            return match.group("lead") + mask(secret)
        if match.group("key") is not None:
            key = match.group("key")
            return key if is_placeholder(key) else mask(key)
        user, _, _ = match.group("userinfo").partition(":")
        return f"{user}:…"

    return _IN_TEXT.sub(masked, text)
