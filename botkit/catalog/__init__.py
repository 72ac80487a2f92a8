"""The API catalog: every API described once, as data, in botkit/apis/<vendor>.toml.

CLI options, parameter validation, the component a request becomes and the lint
rules that check a component against its API all derive from these entries.
Each file is validated against schemas/catalog.schema.json when it is loaded.
What a parameter type or an auth scheme means lives with it, in ``paramtypes``
and ``auth``; the entries here only name them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from botkit.catalog.auth import AuthScheme, scheme_from_data
from botkit.catalog.paramtypes import TYPES, ParamType, ValueContext
from botkit.errors import BotkitError
from botkit.phone import PhoneFormat
from botkit.request import split_url
from botkit.variables import looks_templated

CATALOG_DIR = Path(__file__).resolve().parent.parent / "apis"
ParamLocation = Literal["path", "query", "body"]


@dataclass(frozen=True)
class Param:
    name: str
    location: ParamLocation
    #: The type's word in the catalog (``value_type`` is the object that knows it).
    type: str
    help: str
    required: bool = False
    is_list: bool = False
    enum: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()

    @property
    def option(self) -> str:
        """The CLI option: ``customerPhoneNumber`` -> ``--customer-phone-number``."""
        return "--" + kebab(self.name)

    @property
    def value_type(self) -> ParamType:
        """What this parameter's values are: checked, normalised and offered by this object."""
        return TYPES[self.type]


@dataclass(frozen=True)
class Vendor:
    name: str
    title: str
    docs: str
    auth: AuthScheme
    headers: tuple[tuple[str, str], ...]
    base_url: str | None = None
    hosts: tuple[str, ...] = ()
    phone_format: PhoneFormat = "digits"

    def value_context(self, default_region: str | None = None) -> ValueContext:
        """What this vendor's values are normalised against (its phone form)."""
        return ValueContext(self.phone_format, default_region)


@dataclass(frozen=True)
class Api:
    vendor: Vendor
    action: str
    summary: str
    docs: str
    method: str
    path: str
    params: tuple[Param, ...]
    one_of: tuple[tuple[str, ...], ...] = ()

    @property
    def id(self) -> str:
        return f"{self.vendor.name}.{self.action}"

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def params_in(self, location: ParamLocation) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == location)

    @cached_property
    def path_pattern(self) -> re.Pattern[str]:
        """Matches a URL path that calls this API (any prefix when the vendor has no fixed base)."""
        parts = re.split(r"(\{[A-Za-z0-9_]+\})", self.path)
        body = "".join(
            f"(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts
        )
        prefix = re.escape(urlsplit(self.vendor.base_url).path) if self.vendor.base_url else ".*?"
        return re.compile(f"^{prefix}{body}/?$")

    def matches(self, method: str, url: str) -> bool:
        """Does a request with this method and URL call this API? (query ignored)."""
        if method.upper() != self.method:
            return False
        parts = split_url(url)
        # A bracketed host is an IPv6 literal (or broken): never a vendor's host name.
        host = "" if "[" in parts.netloc else (parts.hostname or "")
        hosts = self.vendor.hosts
        if hosts and host not in hosts and not looks_templated(parts.netloc):
            return False
        return self.path_pattern.match(parts.path) is not None


class Catalog:
    """All APIs by id, in the order of the catalog files."""

    def __init__(self, apis: list[Api]) -> None:
        self._apis = {api.id: api for api in apis}

    def __iter__(self) -> Iterator[Api]:
        return iter(self._apis.values())

    def __len__(self) -> int:
        return len(self._apis)

    def ids(self) -> list[str]:
        return list(self._apis)

    def get(self, api_id: str) -> Api:
        try:
            return self._apis[api_id]
        except KeyError:
            raise UnknownApiError(api_id, self.ids()) from None

    def find(self, method: str, url: str) -> Api | None:
        """The API a request calls, judged by method and path template, or None."""
        return next((api for api in self if api.matches(method, url)), None)


class UnknownApiError(BotkitError):
    def __init__(self, api_id: str, known: list[str]) -> None:
        from botkit.suggest import did_you_mean

        hint = did_you_mean(api_id, known) or "; see 'botkit apis' for the list"
        super().__init__(f"unknown API id {api_id!r}{hint}")


def kebab(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name).lower()


@cache
def load_catalog(directory: Path = CATALOG_DIR) -> Catalog:
    """Read and validate every ``*.toml`` file in ``directory`` (cached per process)."""
    apis: list[Api] = []
    for path in sorted(directory.glob("*.toml")):
        apis.extend(_load_file(path))
    return Catalog(apis)


def _load_file(path: Path) -> list[Api]:
    from botkit import schemas

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BotkitError(f"{path.name}: cannot read catalog file: {exc}") from None
    problem = schemas.best_problem("catalog", data)
    if problem is not None:
        raise BotkitError(f"{path.name}: invalid catalog entry at {problem}")
    vendor = _vendor(data["vendor"])
    apis = [_api(vendor, entry) for entry in data["api"]]
    _check_references(path, apis)
    return apis


def _vendor(data: dict[str, Any]) -> Vendor:
    auth = data["auth"]
    base_url = data.get("base_url")
    hosts = tuple(data.get("hosts", ()))
    if not hosts and base_url:
        hosts = (urlsplit(base_url).hostname or "",)
    return Vendor(
        name=data["name"],
        title=data["title"],
        docs=data["docs"],
        auth=scheme_from_data(auth),
        headers=tuple((h["name"], h["value"]) for h in data["headers"]),
        base_url=base_url,
        hosts=hosts,
        phone_format=data.get("phone_format", "digits"),
    )


def _api(vendor: Vendor, data: dict[str, Any]) -> Api:
    params = tuple(
        Param(
            name=p["name"],
            location=p["in"],
            type=p["type"],
            help=p["help"],
            required=p.get("required", False),
            is_list=p.get("list", False),
            enum=tuple(p.get("enum", ())),
            requires=tuple(p.get("requires", ())),
        )
        for p in data["params"]
    )
    return Api(
        vendor=vendor,
        action=data["action"],
        summary=data["summary"],
        docs=data["docs"],
        method=data["method"],
        path=data["path"],
        params=params,
        one_of=tuple(tuple(group) for group in data.get("one_of", ())),
    )


def _check_references(path: Path, apis: list[Api]) -> None:
    """Cross-field facts a schema cannot state: names that must exist, path placeholders."""
    for api in apis:
        names = [p.name for p in api.params]
        if len(names) != len(set(names)):
            raise BotkitError(f"{path.name}: {api.id} names a parameter twice")
        mentioned = {n for group in api.one_of for n in group}
        mentioned |= {n for p in api.params for n in p.requires}
        missing = mentioned - set(names)
        if missing:
            raise BotkitError(f"{path.name}: {api.id} refers to unknown {sorted(missing)}")
        placeholders = set(re.findall(r"\{([A-Za-z0-9_]+)\}", api.path))
        path_params = {p.name for p in api.params_in("path")}
        if placeholders != path_params:
            raise BotkitError(
                f"{path.name}: {api.id} path placeholders {sorted(placeholders)} "
                f"differ from its path parameters {sorted(path_params)}"
            )
