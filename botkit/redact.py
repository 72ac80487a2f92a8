"""Secrets: masked in messages, and replaced by ``{{variables}}`` on ``--redact``.

A message may name a header or an option, never show a credential: at most a
key's well-known prefix and its last three characters (``key_…XYZ``), enough to
tell two keys apart in a CI log and useless to anyone who reads that log.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from botkit.variables import is_template, written

if TYPE_CHECKING:
    from botkit.catalog import Api

_SECRET_HEADERS = re.compile(
    r"^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey|"
    r"x-auth-token|x-access-token|x-csrf-token|x-xsrf-token|x-amz-security-token|"
    r".*(token|secret|password|passwd|api[-_]?key|session|signature).*)$",
    re.I,
)
_SECRET_QUERY = re.compile(
    r"^(key|code|sig|auth|.*(token|secret|password|passwd|api[-_]?key|signature).*"
    r"|.*[-_]auth|auth[-_].*)$",
    re.I,
)
_SCHEME_PREFIX = re.compile(r"^(Bearer|Basic|Token|Digest|Bot|key)\s+", re.I)


_MASK_SCHEME = re.compile(r"(?i)^\s*(bearer|basic|token|key|apikey)\s+")
_KEY_PREFIX = re.compile(r"^[A-Za-z]{1,8}[_-]")


def mask(value: str) -> str:
    """``key_Ab12…XYZ`` -> ``key_…XYZ``: an auth scheme word, a known-style prefix and
    the last three characters; a short value shows nothing at all."""
    scheme = _MASK_SCHEME.match(value)
    head = scheme.group(0) if scheme else ""
    token = value[len(head) :].strip()
    prefix_match = _KEY_PREFIX.match(token)
    prefix = prefix_match.group(0) if prefix_match else ""
    rest = token[len(prefix) :]
    if len(rest) < 12:
        return f"{head}{prefix}…"
    return f"{head}{prefix}…{rest[-3:]}"


def is_secret_header(name: str) -> bool:
    return bool(_SECRET_HEADERS.match(name))


def variable_name(name: str) -> str:
    """``X-Api-Key`` -> ``x_api_key``: a name every bot builder accepts."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "secret"


def catalog_variables(api: Api | None) -> dict[str, str]:
    """Header name (lower case) -> the variable ``botkit curl`` writes for that API's
    credential, so that generated and redacted components name it alike."""
    if api is None:
        return {}
    return dict(api.auth.redact_variables())


def redact_component(component: dict[str, Any], api: Api | None = None) -> dict[str, Any]:
    """A copy of ``component`` with secret values replaced by ``{{variables}}``.

    The credential header of a catalog ``api`` becomes that API's variable
    (``{{DOUBLETICK_API_KEY}}``); other secret headers are named after the header.
    Header values keep an auth scheme (``Bearer {{authorization}}``), and values
    that already are a variable stay as they are.
    """
    out = copy.deepcopy(component)
    known = catalog_variables(api)
    for header in out.get("headers", []):
        lower = header["name"].lower()
        if not (is_secret_header(header["name"]) or lower in known) or not header["value"]:
            continue
        value = header["value"]
        if is_template(value):
            continue
        var = written(known.get(lower) or variable_name(header["name"]))
        m = _SCHEME_PREFIX.match(value)
        keep_scheme = m and not value[m.end() :].startswith("{{") and m.group(1).lower() != "key"
        header["value"] = m.group(0) + var if keep_scheme and m else var
    known_query = dict(api.auth.redact_query_variables()) if api is not None else {}
    for param in out.get("query", []):
        value = param.get("value")
        name = param["name"]
        secret = _SECRET_QUERY.match(name) or name in known_query
        if value and secret and not is_template(value):
            param["value"] = written(known_query.get(name) or variable_name(name))
    auth = out.get("auth")
    if auth:
        for field in ("username", "password"):
            if not is_template(auth[field]):
                auth[field] = written(field)
    return out
