"""Secrets: masked in messages, and replaced by ``{{variables}}`` on ``--redact``.

A message may name a header or an option, never show a credential: at most its
first four and last three characters (``key_…XYZ``), and nothing of a short one.
"""

from __future__ import annotations

import copy
import re
from typing import Any

_SECRET_HEADERS = re.compile(
    r"^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey|"
    r"x-auth-token|x-access-token|x-csrf-token|x-xsrf-token|x-amz-security-token|"
    r".*(token|secret|password|passwd|api[-_]?key|session|signature).*)$",
    re.I,
)
_SECRET_QUERY = re.compile(
    r"^(key|code|sig|.*(token|secret|password|passwd|api[-_]?key|signature|auth).*)$", re.I
)
_SCHEME_PREFIX = re.compile(r"^(Bearer|Basic|Token|Digest|Bot|key)\s+", re.I)
_VARIABLE = re.compile(r"^\{\{[^{}]+\}\}$")


def mask(value: str) -> str:
    """``key_abcdefXYZ`` -> ``key_…XYZ``; short values show nothing but their length."""
    if len(value) >= 12:
        return f"{value[:4]}…{value[-3:]}"
    if len(value) > 4:
        return f"{value[:2]}…"
    return value


def is_secret_header(name: str) -> bool:
    return bool(_SECRET_HEADERS.match(name))


def variable_name(name: str) -> str:
    """``X-Api-Key`` -> ``x_api_key``: a name every bot builder accepts."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "secret"


def redact_component(component: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``component`` with secret values replaced by ``{{variables}}``.

    Header values keep an auth scheme (``Bearer {{authorization}}``), and values that
    already are a variable stay as they are.
    """
    out = copy.deepcopy(component)
    for header in out.get("headers", []):
        if not is_secret_header(header["name"]) or not header["value"]:
            continue
        value = header["value"]
        if _VARIABLE.match(value):
            continue
        var = "{{" + variable_name(header["name"]) + "}}"
        m = _SCHEME_PREFIX.match(value)
        keep_scheme = m and not value[m.end() :].startswith("{{") and m.group(1).lower() != "key"
        header["value"] = m.group(0) + var if keep_scheme and m else var
    for param in out.get("query", []):
        value = param.get("value")
        if value and _SECRET_QUERY.match(param["name"]) and not _VARIABLE.match(value):
            param["value"] = "{{" + variable_name(param["name"]) + "}}"
    auth = out.get("auth")
    if auth:
        for field in ("username", "password"):
            if not _VARIABLE.match(auth[field]):
                auth[field] = "{{" + field + "}}"
    return out
