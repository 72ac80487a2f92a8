"""OpenAPI security requirements -> the catalog's auth table, and notes on what is lost.

An apiKey in a header or the query, HTTP basic, and bearer tokens (HTTP bearer,
OAuth 2, OpenID Connect, all sent as ``Authorization: Bearer``) have catalog words;
basic with bearer together is ``basic-or-bearer``.  Each scheme gets an environment
variable named after the vendor, the most used one the plain ``VENDOR_API_KEY``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from botkit.openapi.context import Context


def auth_table(ctx: Context, requirements: Any) -> tuple[dict[str, Any] | None, list[str]]:
    """The catalog auth table of a security requirement list, and notes on what is lost."""
    if not isinstance(requirements, list) or not requirements:
        return None, []
    notes: list[str] = []
    schemes = ((ctx.spec.get("components") or {}).get("securitySchemes")) or {}
    tables: list[tuple[str, dict[str, Any]]] = []
    optional = False
    for alternative in requirements:
        if not isinstance(alternative, Mapping):
            continue
        if not alternative:
            optional = True
            continue
        names = list(alternative)
        if len(names) > 1:
            notes.append(f"needs {' and '.join(names)} together: only {names[0]} is expressed")
        scheme = ctx.resolver.deref(schemes.get(names[0]))
        table = _scheme_table(ctx, names[0], scheme)
        if table is None:
            kind = scheme.get("type") if isinstance(scheme, Mapping) else None
            notes.append(f"auth scheme {names[0]!r} ({kind}) is not expressed")
            continue
        tables.append((names[0], table))
    if not tables:
        return None, notes
    kinds = {t["scheme"] for _, t in tables}
    bearer = [t for _, t in tables if t.get("prefix") == "Bearer "]
    basic = [t for _, t in tables if t["scheme"] == "basic"]
    if basic and bearer:
        table = {"scheme": "basic-or-bearer", "env": basic[0]["env"], "token_env": bearer[0]["env"]}
        rest = [n for n, t in tables if t is not basic[0] and t is not bearer[0]]
    else:
        table = tables[0][1]
        rest = [n for n, _ in tables[1:]]
    if rest:
        notes.append(f"also accepts {', '.join(rest)}: not expressed")
    if optional and len(kinds) >= 1:
        notes.append("credentials are optional: botkit always sends them")
    return table, notes


def name_schemes(ctx: Context, requirements: list[Any]) -> None:
    """Give the most used scheme the plain variable name (``VENDOR_API_KEY``), others after it."""
    used: Counter[str] = Counter()
    for requirement in requirements:
        for alternative in requirement if isinstance(requirement, list) else []:
            if isinstance(alternative, Mapping):
                used.update(str(name) for name in alternative)
    schemes = ((ctx.spec.get("components") or {}).get("securitySchemes")) or {}
    for name, _ in used.most_common():
        _scheme_table(ctx, name, ctx.resolver.deref(schemes.get(name)))


def _scheme_table(ctx: Context, name: str, scheme: Any) -> dict[str, Any] | None:
    if not isinstance(scheme, Mapping):
        return None
    kind = scheme.get("type")
    if kind == "apiKey" and scheme.get("in") in ("header", "query"):
        env = _env(ctx, name, "API_KEY", str(scheme.get("name")))
        if scheme["in"] == "header":
            return {"scheme": "header", "header": str(scheme["name"]), "env": env}
        return {"scheme": "query", "param": str(scheme["name"]), "env": env}
    if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        return {"scheme": "basic", "env": _env(ctx, name, "USER", "user")}
    if (kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer") or kind in (
        "oauth2",
        "openIdConnect",
    ):
        env = _env(ctx, name, "TOKEN", "token")
        return {"scheme": "header", "header": "Authorization", "prefix": "Bearer ", "env": env}
    return None


def _env(ctx: Context, scheme_name: str, suffix: str, what: str) -> str:
    """``DOUBLETICK_API_KEY`` for the first key scheme, ``DOUBLETICK_X_PUBLIC_API_KEY`` after."""
    if scheme_name in ctx.scheme_envs:
        return ctx.scheme_envs[scheme_name]
    env = f"{ctx.env_prefix}_{suffix}"
    if env in ctx.scheme_envs.values():
        word = re.sub(r"[^A-Z0-9]+", "_", what.upper()).strip("_") or "KEY"
        env = f"{ctx.env_prefix}_{word}"
        while env in ctx.scheme_envs.values():
            env += "_2"
    ctx.scheme_envs[scheme_name] = env
    return env
