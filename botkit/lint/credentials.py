"""Where a component carries its credentials, judged by what its vendor expects.

DoubleTick and Vambe want a key in one header; Unblu wants basic credentials or
a bearer token.  For an API the catalog does not know, headers whose names say
"credential" (Authorization, x-api-key, ...) are still checked for placeholders
and committed secrets, but nothing can be called missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from botkit.catalog import Vendor
from botkit.lint.call import Call
from botkit.lint.model import Site

_AUTH_HEADER = re.compile(
    r"(?i)^(?:proxy-)?authorization$|^x-?api-?key$|^api-?key$|token$|secret$|^x-auth"
)

_VENDOR_HEADERS = {"authorization", "x-api-key"}


@dataclass(frozen=True)
class Credential:
    label: str
    value: str
    site: Site
    #: A username is checked for placeholders but is no secret.
    secret: bool = True


@dataclass(frozen=True)
class AuthView:
    vendor: Vendor | None
    credentials: tuple[Credential, ...]

    @property
    def required(self) -> bool:
        return self.vendor is not None


def auth_view(call: Call) -> AuthView:
    cached = call.__dict__.get("_auth_view")
    if cached is None:
        cached = _build(call)
        call.__dict__["_auth_view"] = cached
    return cached


def _build(call: Call) -> AuthView:
    vendor = call.target.vendor
    found: list[Credential] = []
    if vendor is not None and vendor.auth.scheme == "header" and vendor.auth.header:
        for h in call.headers_named(vendor.auth.header):
            found.append(
                Credential(f"{h.name} header", h.value, call.site("headers", h.index, "value"))
            )
        return AuthView(vendor, tuple(found))
    for h in call.headers:
        wanted = h.name.lower() == "authorization" if vendor else _AUTH_HEADER.search(h.name)
        if wanted:
            found.append(
                Credential(f"{h.name} header", h.value, call.site("headers", h.index, "value"))
            )
    auth = call.auth
    if auth is not None:
        user, password = auth.get("username"), auth.get("password")
        if isinstance(user, str):
            found.append(
                Credential("basic auth username", user, call.site("auth", "username"), False)
            )
        if isinstance(password, str):
            found.append(Credential("basic auth password", password, call.site("auth", "password")))
    return AuthView(vendor, tuple(found))


def variable_hint(call: Call, vendor: Vendor | None, label: str = "") -> str:
    """How to write the credential as a variable, in the file's own idiom; the name
    follows the one rule (``botkit.variables.credential_names``)."""
    from botkit.variables import credential_names, written

    if vendor is None:
        env = "API_PASSWORD" if "password" in label else "API_KEY"
    else:
        names = credential_names(vendor)
        if "password" in label:
            env = names.password or "API_PASSWORD"
        elif "username" in label:
            env = names.user or "API_USER"
        else:
            env = names.api_key or names.token or "API_KEY"
    return f'"${env}"' if call.shell else written(env)


def needs(vendor: Vendor) -> str:
    """What the vendor wants, in words, for the auth-missing message."""
    if vendor.auth.scheme == "header":
        return f"the API key in the {vendor.auth.header} header"
    return "basic credentials ('auth') or an 'Authorization: Bearer ...' header"


def secrets_in(component: dict) -> list[str]:
    """Literal credentials a component holds (to mask them in any message)."""
    from botkit.lint.secrets import credential, is_placeholder, is_variable

    found: list[str] = []
    headers = component.get("headers")
    for h in headers if isinstance(headers, list) else []:
        if not isinstance(h, dict) or not isinstance(h.get("value"), str):
            continue
        name = h.get("name")
        if isinstance(name, str) and (_AUTH_HEADER.search(name) or name.lower() in _VENDOR_HEADERS):
            value = credential(h["value"])
            if value and not is_placeholder(value) and not is_variable(value):
                found.append(value)
    auth = component.get("auth")
    password = auth.get("password") if isinstance(auth, dict) else None
    if isinstance(password, str) and password and not is_variable(password):
        found.append(password)
    return found
