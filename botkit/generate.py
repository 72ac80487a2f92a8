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

from botkit import variables
from botkit.catalog import Api, Param
from botkit.catalog.auth import NO_CREDENTIALS, Credentials
from botkit.catalog.paramtypes import ValueContext
from botkit.errors import ParamError
from botkit.percent import quote as percent_encode
from botkit.request import Body, Header, QueryParam, Request

__all__ = ["BodyLayout", "Credentials", "Generated", "Value", "build_request"]

# readme: ReadMe's layout (pretty JSON between blank lines); compact: one line;
# pretty: indented JSON, for the body field of a component.
BodyLayout = Literal["readme", "compact", "pretty"]
# A click option given several times arrives as a tuple; Python callers may pass a list.
Value = str | bool | Sequence[str]

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# No blanks and no control characters: curl would refuse them, and a terminal acts on them.
_BASE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f/?#]+(/[^\s\x00-\x1f\x7f-\x9f?#]*)?")


@dataclass
class Generated:
    request: Request
    notes: list[str] = field(default_factory=list)
    #: Credentials given that ``botkit lint`` would reject (BK202): the request is
    #: made as asked, and the user is told it will fail.
    warnings: list[str] = field(default_factory=list)


def build_request(
    api: Api,
    values: Mapping[str, Value | None],
    *,
    base_url: str | None = None,
    credentials: Credentials = NO_CREDENTIALS,
    body_layout: BodyLayout = "readme",
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
    ctx = api.vendor.value_context(default_region)
    params = {p.name: p for p in api.params}
    normalised = {name: _normalise(params[name], value, ctx) for name, value in given.items()}

    url = _base_url(api, base_url) + _fill_path(api, normalised)
    query = [
        QueryParam(p.name, value)
        for p in api.params_in("query")
        if p.name in normalised
        for value in _query_values(p, normalised[p.name])
    ]
    notes: list[str] = []
    headers: list[Header] = []
    auth = None
    if include_auth:
        parts = api.auth.apply(credentials)
        headers, auth, notes = parts.headers, parts.basic, parts.notes
        query += parts.query
    headers += [Header(name, value) for name, value in api.vendor.headers]
    headers += [
        Header(p.name, _header_value(p, normalised[p.name]))
        for p in api.params_in("header")
        if p.name in normalised
    ]
    body_fields = {
        p.name: normalised[p.name] for p in api.params_in("body") if p.name in normalised
    }
    body = None
    if body_fields or (api.params_in("body") and api.method != "GET"):
        body = Body(text=_json_text(body_fields, body_layout))
        if not any(h.name.lower() == "content-type" for h in headers):
            # The body is JSON: say so when the vendor's headers do not (curl would
            # otherwise call it a form, or with the header removed, nothing).
            headers.append(Header("Content-Type", "application/json"))
    headers.sort(key=lambda h: h.name)  # ReadMe lists headers sorted, case-sensitively
    warnings = placeholder_warnings(credentials) if include_auth else []
    return Generated(Request(api.method, url, headers, query, body, auth), notes, warnings)


def placeholder_warnings(credentials: Credentials) -> list[str]:
    """One line per credential that is empty or documentation text (``YOUR_API_KEY``),
    judged by the same test as lint's BK202: ``botkit curl`` warns of what lint would reject."""
    given = {
        "API key": credentials.api_key,
        "token": credentials.token,
        "password": credentials.user.partition(":")[2] if credentials.user else None,
    }
    if not any(given.values()):
        return []
    from botkit.lint.secrets import is_placeholder

    return [
        f"the {what} {value!r} is a placeholder: the API will refuse it (botkit lint: BK202)"
        for what, value in given.items()
        if value and is_placeholder(value)
    ]


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


def _normalise(param: Param, value: Value, ctx: ValueContext) -> Any:
    if param.is_list:
        items = [value] if isinstance(value, str | bool) else list(value)
        return [_normalise_one(param, item, ctx) for item in items]
    return _normalise_one(param, value, ctx)


def _normalise_one(param: Param, value: Any, ctx: ValueContext) -> Any:
    """A literal is checked and normalised by its type; a ``{{variable}}`` is filled in
    when the bot runs, so it passes verbatim.  Text mixed with a variable is fine for a
    plain string, and refused where the type cannot be checked half-filled."""
    if isinstance(value, str) and variables.has_variable(value):
        if param.location in ("path", "query") and any(c in value for c in " \t"):
            tight = "".join(variables.written(v.name) for v in variables.find(value)[:1])
            raise ParamError(param.name, f"curl refuses a blank in a URL: write {tight}")
        if variables.is_variable(value) or (param.value_type.name == "string" and not param.enum):
            return value
        raise ParamError(
            param.name,
            f"{value!r} mixes text and a variable; a {param.value_type.name} value is "
            "checked only whole: give a literal or one variable such as "
            f"{variables.written(param.name)}",
        )
    return param.value_type.normalise(param, value, ctx)


def _text(param: Param, value: Any) -> str:
    """A value as written in a URL; a variable as it is (a boolean's is not ``true``)."""
    if isinstance(value, str) and variables.has_variable(value):
        return value
    return param.value_type.text(value)


def _encode(text: str) -> str:
    """Percent-encode a URL piece, keeping its ``{{variables}}`` as written."""
    return variables.map_literals(text, lambda piece: percent_encode(piece, safe=""))


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
    # {{unblu_base}} may stand for the scheme and host: check the rest as a URL.
    lead = variables.find(base)
    shape = base
    if lead and lead[0].start == 0:
        shape = "https://host" + base[lead[0].end :]
    if not _BASE_URL.fullmatch(variables.blank_templates(shape)):
        raise ParamError(
            "base_url",
            f"{base_url!r} is not an http(s) URL without blanks, control characters, "
            "query or fragment",
        )
    return base


def _fill_path(api: Api, values: Mapping[str, Any]) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        param = api.param(name)
        assert param is not None  # the catalog loader holds placeholders to path parameters
        return _encode(_text(param, values[name]))

    return re.sub(r"\{([A-Za-z0-9_]+)\}", fill, api.path)


def _query_values(param: Param, value: Any) -> list[str]:
    """A query parameter's values, percent-encoded: one per item of an exploded list."""

    def text(value: Any) -> str:
        return _text(param, value)

    if not param.is_list:
        return [_encode(text(value))]
    if param.explode:
        return [_encode(text(item)) for item in value]
    return [",".join(_encode(text(item)) for item in value)]


def _header_value(param: Param, value: Any) -> str:
    items = value if param.is_list else [value]
    text = ", ".join(param.value_type.text(item) for item in items)
    if _CONTROL.search(text):
        raise ParamError(param.name, "a header value cannot hold a line break or control character")
    return text


def _json_text(fields: Mapping[str, Any], layout: BodyLayout) -> str:
    compact = json.dumps(fields, ensure_ascii=False)
    if layout == "compact":
        return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    pretty = json.dumps(fields, ensure_ascii=False, indent=2)
    if layout == "pretty":
        return pretty
    # ReadMe pretty-prints a body longer than 20 characters between blank lines.
    return compact if len(compact) <= 20 else "\n" + pretty + "\n"
