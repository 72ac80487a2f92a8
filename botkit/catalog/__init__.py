"""The API catalog's model: vendors, their APIs and each API's parameters.

Every API is described once, as data, in botkit/apis/<vendor>.toml or in a user's
catalog file (read by ``catalog.files``, checked by ``catalog.check``, kept checked
by ``catalog.cache``).  CLI options, parameter validation, the component a request
becomes and the lint rules that check a component against its API all derive from
these entries.  What a parameter type or an auth scheme
means lives with it, in ``paramtypes`` and ``auth``; the entries here only name them.
"""

import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache, cached_property
from typing import Any, Literal

from botkit.catalog.auth import AuthScheme
from botkit.catalog.paramtypes import TYPES, ParamType, ValueContext
from botkit.catalog.paths import ends_with_path, split_placeholders
from botkit.errors import BotkitError
from botkit.named_tuples import NamedTuple
from botkit.phone import PhoneFormat
from botkit.request import split_url
from botkit.values import Value
from botkit.variables import looks_templated

CATALOG_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "apis")
ParamLocation = Literal["path", "query", "header", "body"]
#: ``botkit curl ID``'s own options: a parameter whose option would be one of these
#: needs an ``option`` of its own in its catalog entry.
RESERVED_OPTIONS = frozenset(
    {"help", "base-url", "api-key", "user", "token", "style", "format", "name"}
    | {"default-region", "output", "var", "vars", "strict", "catalog"}
)
#: Where the built-in catalog comes from, in ``botkit apis``.
BUILT_IN = "built-in"


class Param(Value):
    """One parameter of an API (immutable; ``botkit.values``)."""

    _fields = (
        "name", "location", "type", "help", "required", "is_list", "enum", "requires",
        "cli", "schema", "explode",
    )  # fmt: skip
    name: str
    location: ParamLocation
    #: The type's word in the catalog (``value_type`` is the object that knows it).
    type: str
    help: str
    required: bool
    is_list: bool
    enum: tuple[str, ...]
    requires: tuple[str, ...]
    #: The CLI option's name when it is not the kebab case of ``name``.
    cli: str | None
    #: A json parameter's JSON Schema, as JSON text.
    schema: str | None
    #: A list in the query: ``a=1&a=2`` (True, OpenAPI's default) or ``a=1,2``.
    explode: bool

    def __init__(
        self,
        name: str,
        location: ParamLocation,
        type: str,
        help: str,
        required: bool = False,
        is_list: bool = False,
        enum: tuple[str, ...] = (),
        requires: tuple[str, ...] = (),
        cli: str | None = None,
        schema: str | None = None,
        explode: bool = True,
    ) -> None:
        self._set(
            name=name, location=location, type=type, help=help, required=required,
            is_list=is_list, enum=enum, requires=requires, cli=cli, schema=schema,
            explode=explode,
        )  # fmt: skip

    @property
    def option(self) -> str:
        """The CLI option: ``customerPhoneNumber`` -> ``--customer-phone-number``."""
        return "--" + (self.cli or kebab(self.name))

    @property
    def dest(self) -> str:
        """The Python name the CLI option's value is stored under (unique, like the option)."""
        return "param_" + self.option[2:].replace("-", "_")

    @cached_property
    def json_schema(self) -> dict[str, Any] | None:
        import json

        return json.loads(self.schema) if self.schema else None

    @property
    def value_type(self) -> ParamType:
        """What this parameter's values are: checked, normalised and offered by this object."""
        return TYPES[self.type]


class Vendor(NamedTuple):
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


class Api(Value):
    """One API of the catalog (immutable; ``botkit.values``)."""

    _fields = (
        "vendor", "action", "summary", "docs", "method", "path", "param_tables", "one_of",
        "own_auth", "source", "overrides",
    )  # fmt: skip
    _compared = tuple(f for f in _fields if f != "param_tables")
    vendor: Vendor
    action: str
    summary: str
    docs: str
    method: str
    path: str
    #: Gives the parameters' catalog tables; ``params`` asks it once, when first used, so
    #: that a command needing one API of a large catalog builds only that API's parameters.
    param_tables: Callable[[], Sequence[Mapping[str, Any]]]
    one_of: tuple[tuple[str, ...], ...]
    #: This API's own auth, when it differs from its vendor's.
    own_auth: AuthScheme | None
    #: Where the entry comes from: ``built-in`` or a user catalog file.
    source: str
    #: The source of the entry this one replaces, if it overrides one.
    overrides: str | None

    def __init__(
        self,
        vendor: Vendor,
        action: str,
        summary: str,
        docs: str,
        method: str,
        path: str,
        param_tables: Callable[[], Sequence[Mapping[str, Any]]] = tuple,
        one_of: tuple[tuple[str, ...], ...] = (),
        own_auth: AuthScheme | None = None,
        source: str = BUILT_IN,
        overrides: str | None = None,
    ) -> None:
        self._set(
            vendor=vendor, action=action, summary=summary, docs=docs, method=method,
            path=path, param_tables=param_tables, one_of=one_of, own_auth=own_auth,
            source=source, overrides=overrides,
        )  # fmt: skip

    @property
    def id(self) -> str:
        return f"{self.vendor.name}.{self.action}"

    @cached_property
    def params(self) -> tuple[Param, ...]:
        return tuple(param_from_table(t) for t in self.param_tables())

    @property
    def auth(self) -> AuthScheme:
        """How a request to this API authenticates (its own scheme, else its vendor's)."""
        return self.own_auth or self.vendor.auth

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def params_in(self, location: ParamLocation) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == location)

    @cached_property
    def path_pattern(self) -> re.Pattern[str]:
        """Matches a URL path that calls this API (any prefix when the vendor has no fixed base)."""
        parts = split_placeholders(self.path)
        body = "".join(
            f"(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts
        )
        prefix = re.escape(split_url(self.vendor.base_url).path) if self.vendor.base_url else ".*?"
        return re.compile(f"^{prefix}{body}/?$")

    def matches(self, method: str, url: str) -> bool:
        """Does a request with this method and URL call this API? (query ignored)."""
        return method.upper() == self.method and self.matches_url(_UrlKey.of(url))

    def matches_url(self, url: "_UrlKey") -> bool:
        """Does a request to ``url`` (read once by ``_UrlKey``) call this API, method aside?"""
        hosts = self.vendor.hosts
        if hosts and url.host not in hosts and not url.templated:
            return False
        return self.matches_path(url.path)

    def matches_path(self, path: str) -> bool:
        """Does ``path_pattern`` match ``path``?  Told without compiling it where possible.

        A path without placeholders (most of DoubleTick's) is compared as text; else the
        pattern decides, once the path holds its fixed parts in order: most APIs of a
        vendor fail that, and are never compiled (DoubleTick's 92 APIs share a host;
        compiling each pattern costs about 30 microseconds)."""
        prefix, literals = self._fixed_parts
        if not self.has_placeholders and "\n" not in self.path:
            return ends_with_path(path, prefix, self.path)  # no pattern needed
        if prefix is not None and not path.startswith(prefix):
            return False
        at = 0 if prefix is None else len(prefix)
        for literal in literals:
            at = path.find(literal, at)
            if at < 0:
                return False
            at += len(literal)
        return self.path_pattern.match(path) is not None

    @cached_property
    def has_placeholders(self) -> bool:
        """Does the path hold ``{name}`` placeholders (path parameters)?"""
        return len(split_placeholders(self.path)) > 1

    @cached_property
    def _fixed_parts(self) -> tuple[str | None, tuple[str, ...]]:
        """What ``path_pattern`` matches literally: the vendor's base path (None: any
        prefix), then the path's text between placeholders."""
        prefix = split_url(self.vendor.base_url).path if self.vendor.base_url else None
        literals = tuple(p for p in split_placeholders(self.path)[::2] if p)
        return prefix, literals


class _UrlKey(NamedTuple):
    """What matching a URL against the catalog reads from it, read once per URL."""

    host: str
    templated: bool
    path: str

    @classmethod
    def of(cls, url: str) -> "_UrlKey":
        parts = split_url(url)
        # A bracketed host is an IPv6 literal (or broken): never a vendor's host name.
        host = "" if "[" in parts.netloc else (parts.hostname or "")
        return cls(host, looks_templated(parts.netloc), parts.path)


def param_from_table(p: Mapping[str, Any]) -> Param:
    """A ``Param`` from its (schema-checked) table in a catalog file."""
    return Param(
        name=p["name"],
        location=p["in"],
        type=p["type"],
        help=p["help"],
        required=p.get("required", False),
        is_list=p.get("list", False),
        enum=tuple(str(e) for e in p.get("enum", ())),
        requires=tuple(p.get("requires", ())),
        cli=p.get("option"),
        schema=p.get("schema"),
        explode=p.get("explode", True),
    )


class Catalog:
    """All APIs by id, in the order of the catalog files."""

    def __init__(self, apis: list[Api]) -> None:
        self._apis: dict[str, Api] = {}
        self._by_method: dict[str, list[Api]] | None = None
        for api in apis:  # a later entry with the same id overrides an earlier one
            self._apis[api.id] = api

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
        """The API a request calls, judged by method and path template, or None (the first
        in catalog order; the URL is read once, and only APIs of that method are tried)."""
        by_method = self._by_method
        if by_method is None:
            by_method = self._by_method = {}
            for api in self:
                by_method.setdefault(api.method, []).append(api)
        candidates = by_method.get(method.upper(), ())
        if not candidates:
            return None
        key = _UrlKey.of(url)
        return next((api for api in candidates if api.matches_url(key)), None)


class CatalogFileError(BotkitError):
    """A catalog file that cannot be used: says the file, the line and the key."""


class UnknownApiError(BotkitError):
    def __init__(self, api_id: str, known: list[str]) -> None:
        from botkit.suggest import did_you_mean

        hint = did_you_mean(api_id, known) or "; see 'botkit apis' for the list"
        super().__init__(f"unknown API id {api_id!r}{hint}")


def kebab(name: str) -> str:
    """``customerPhoneNumber`` -> ``customer-phone-number``; ``_``, ``.`` and ``$`` become ``-``."""
    words = re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name).lower()
    return re.sub(r"[^a-z0-9]+", "-", words).strip("-")


@cache
def load_catalog(
    directory: str | os.PathLike[str] = CATALOG_DIR,
    user: tuple[str | os.PathLike[str], ...] | None = None,
) -> Catalog:
    """The built-in catalog files in ``directory`` and the user's catalogs (cached per process).

    ``user`` None means the user's catalogs as configured: ``--catalog``, the
    closest ``pyproject.toml``'s ``[tool.botkit] catalog`` and ``$BOTKIT_CATALOG``.
    """
    from botkit.catalog.files import read_catalog

    return read_catalog(directory, user)
