"""Catalog entry + parameter values -> a validated, normalised Request.

Everything here is checked the way the API would check it, but before anything
is sent: required and mutually exclusive parameters, enums, UUIDs, phone numbers
(normalised to the vendor's form), the base URL and the credentials.  Errors
name the parameter as the API spells it (``ParamError``); the CLI maps that to
its option.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import quote as percent_encode

from botkit.catalog import Api, Param
from botkit.errors import ParamError
from botkit.request import BasicAuth, Body, Header, QueryParam, Request

# readme: ReadMe's layout (pretty JSON between blank lines); compact: one line;
# pretty: indented JSON, for the body field of a component.
BodyLayout = Literal["readme", "compact", "pretty"]
# A click option given several times arrives as a tuple; Python callers may pass a list.
Value = str | bool | Sequence[str]

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_BASE_URL = re.compile(r"https?://[^\s/?#]+(/[^\s?#]*)?")


@dataclass(frozen=True)
class Credentials:
    """What the user gave to authenticate; anything absent becomes a visible {{VARIABLE}}."""

    api_key: str | None = None
    user: str | None = None  # USER:PASSWORD, for APIs with basic auth
    token: str | None = None  # bearer token


@dataclass
class Generated:
    request: Request
    notes: list[str] = field(default_factory=list)


def build_request(
    api: Api,
    values: Mapping[str, Value | None],
    *,
    base_url: str | None = None,
    credentials: Credentials = Credentials(),
    layout: BodyLayout = "readme",
    default_region: str | None = None,
    include_auth: bool = True,
) -> Generated:
    """The request that calls ``api`` with ``values`` (keyed by the API's parameter names).

    ``include_auth=False`` leaves credentials out, for callers (recipes) that add
    them as references to the environment.
    """
    given = {k: v for k, v in values.items() if v is not None and v != [] and v != ()}
    unknown = set(given) - {p.name for p in api.params}
    if unknown:
        name = sorted(unknown)[0]
        raise ParamError(name, f"{api.id} has no parameter {name!r}")
    _check_presence(api, given)
    params = {p.name: p for p in api.params}
    normalised = {
        name: _normalise(params[name], value, api, default_region) for name, value in given.items()
    }

    url = _base_url(api, base_url) + _fill_path(api, normalised)
    query = [
        QueryParam(p.name, _query_value(normalised[p.name]))
        for p in api.params_in("query")
        if p.name in normalised
    ]
    notes: list[str] = []
    headers, auth = _auth(api, credentials, notes) if include_auth else ([], None)
    headers += [Header(name, value) for name, value in api.vendor.headers]
    headers.sort(key=lambda h: h.name)  # ReadMe lists headers sorted, case-sensitively

    body_fields = {
        p.name: normalised[p.name] for p in api.params_in("body") if p.name in normalised
    }
    body = None
    if body_fields or (api.params_in("body") and api.method != "GET"):
        body = Body(text=_json_text(body_fields, layout))
    return Generated(Request(api.method, url, headers, query, body, auth), notes)


def _check_presence(api: Api, given: Mapping[str, Any]) -> None:
    for param in api.params:
        if param.required and param.name not in given:
            raise ParamError(param.name, f"is required by {api.id}")
        if param.name in given:
            for needed in param.requires:
                if needed not in given:
                    raise ParamError(param.name, f"can only be given together with {needed}")
    for group in api.one_of:
        present = [name for name in group if name in given]
        if len(present) != 1:
            which = " or ".join(group)
            problem = "give exactly one of" if present else "is required: give"
            raise ParamError(present[-1] if present else group[0], f"{problem} {which}")


def _normalise(param: Param, value: Value, api: Api, default_region: str | None) -> Any:
    if param.is_list:
        items = [value] if isinstance(value, str | bool) else list(value)
        return [_normalise_one(param, item, api, default_region) for item in items]
    return _normalise_one(param, value, api, default_region)


def _normalise_one(param: Param, value: Any, api: Api, default_region: str | None) -> Any:
    if param.type == "boolean":
        if not isinstance(value, bool):
            raise ParamError(param.name, f"must be true or false, not {value!r}")
        return value
    if not isinstance(value, str):
        raise ParamError(param.name, f"must be text, not {value!r}")
    if value == "":
        raise ParamError(param.name, "must not be empty")
    if param.enum and value not in param.enum:
        import difflib

        close = difflib.get_close_matches(value.upper(), param.enum, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise ParamError(
            param.name, f"{value!r} is not allowed; {hint}choose from {', '.join(param.enum)}"
        )
    if param.type == "uuid" and not _UUID.fullmatch(value):
        raise ParamError(
            param.name, f"{value!r} is not a UUID (like 3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c)"
        )
    if param.type == "phone":
        from botkit.phone import check_phone

        checked = check_phone(value, default_region)
        if not checked.ok:
            raise ParamError(param.name, checked.message)
        return checked.formatted(api.vendor.phone_format)
    return value


def _base_url(api: Api, base_url: str | None) -> str:
    if base_url is None:
        if api.vendor.base_url is None:
            raise ParamError(
                "base_url",
                f"{api.vendor.title} has no default host: give the base URL of your "
                "installation, e.g. https://unblu.example.com/app/rest/v4",
            )
        return api.vendor.base_url
    base = base_url.strip().rstrip("/")
    if not _BASE_URL.fullmatch(base):
        raise ParamError(
            "base_url", f"{base_url!r} is not an http(s) URL without query or fragment"
        )
    return base


def _fill_path(api: Api, values: Mapping[str, Any]) -> str:
    def fill(match: re.Match[str]) -> str:
        return percent_encode(str(values[match.group(1)]), safe="")

    return re.sub(r"\{([A-Za-z0-9_]+)\}", fill, api.path)


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return percent_encode(str(value), safe="")


def _auth(
    api: Api, credentials: Credentials, notes: list[str]
) -> tuple[list[Header], BasicAuth | None]:
    auth = api.vendor.auth
    if auth.scheme == "header":
        assert auth.header is not None
        key = credentials.api_key
        if not key:
            key = "{{" + auth.env + "}}"
            notes.append(
                f"no API key given (--api-key or ${auth.env}): the {auth.header} header "
                f"holds the variable {key}"
            )
        _check_secret("api_key", key)
        return [Header(auth.header, auth.prefix + key)], None
    if credentials.token and credentials.user:
        raise ParamError("token", "give either a token or a user, not both")
    if credentials.token:
        _check_secret("token", credentials.token)
        return [Header("Authorization", "Bearer " + credentials.token)], None
    if credentials.user:
        _check_secret("user", credentials.user)
        username, colon, password = credentials.user.partition(":")
        if not colon or not username:
            raise ParamError("user", "must be USER:PASSWORD")
        return [], BasicAuth(username, password)
    assert auth.token_env is not None
    variable = "{{" + auth.token_env + "}}"
    notes.append(
        f"no credentials given (--user, --token, ${auth.env} or ${auth.token_env}): "
        f"the Authorization header holds the variable {variable}"
    )
    return [Header("Authorization", "Bearer " + variable)], None


def _check_secret(name: str, value: str) -> None:
    # Never echo the secret itself: a header cannot carry these characters.
    if _CONTROL.search(value):
        raise ParamError(name, "contains a line break or control character")


def _json_text(fields: Mapping[str, Any], layout: BodyLayout) -> str:
    compact = json.dumps(fields, ensure_ascii=False)
    if layout == "compact":
        return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    pretty = json.dumps(fields, ensure_ascii=False, indent=2)
    if layout == "pretty":
        return pretty
    # ReadMe pretty-prints a body longer than 20 characters between blank lines.
    return compact if len(compact) <= 20 else "\n" + pretty + "\n"
