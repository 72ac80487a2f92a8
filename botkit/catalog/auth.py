"""The catalog's auth schemes, each an object that carries its own behaviour.

A scheme knows what a request carries to authenticate (a header, basic
credentials, a bearer token), how ``botkit curl`` fills it (options and
environment variables), where lint finds it in a component, which variable
stands for it when it is left out or redacted, and how a recipe script reads it
from the environment.  Adding a scheme is one class here and one line in
``SCHEMES``, plus its shape in schemas/catalog.schema.json and a test.

Over 350 lines because it holds the five schemes side by side, each answering the
same questions the base class asks: a new scheme is written by reading the others,
and what they share (the ``--api-key`` and ``--user`` options, ``USER:PASSWORD``
checked, the note on a missing key) is written once at the end.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from botkit.errors import ParamError
from botkit.lazy_re import lazy
from botkit.named_tuples import NamedTuple
from botkit.request import BasicAuth, Header, QueryParam
from botkit.values import Value
from botkit.variables import CredentialNames, written

if TYPE_CHECKING:
    import click

#: How a recipe script authenticates: basic credentials or a bearer token.
ScriptMode = Literal["basic", "bearer"]

_CONTROL = lazy(r"[\x00-\x1f\x7f]")


class Credentials(NamedTuple):
    """What the user gave to authenticate; anything absent becomes a visible {{VARIABLE}}."""

    api_key: str | None = None
    user: str | None = None  # USER:PASSWORD, for APIs with basic auth
    token: str | None = None  # bearer token


NO_CREDENTIALS = Credentials()


class AuthParts:
    """What a request carries to authenticate, and notes on what was left as a variable."""

    def __init__(
        self,
        headers: list[Header] | None = None,
        basic: BasicAuth | None = None,
        notes: list[str] | None = None,
        query: list[QueryParam] | None = None,
    ) -> None:
        self.headers: list[Header] = [] if headers is None else headers
        self.basic = basic
        self.notes: list[str] = [] if notes is None else notes
        #: Query parameters, their values percent-encoded.
        self.query: list[QueryParam] = [] if query is None else query

    def __eq__(self, other: object) -> bool:
        return type(other) is AuthParts and vars(self) == vars(other)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        return f"AuthParts({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


class AuthScheme(Value):
    """Base of the schemes: the word a catalog file uses, and what every scheme answers.

    A scheme is an immutable value (``botkit.values``), equal to another of its class
    with the same fields."""

    __slots__ = ()
    scheme: ClassVar[str]
    #: The environment variable ``botkit curl`` reads the (first) credential from.
    env: str
    #: Whether basic credentials (a component's ``auth``) are one of the accepted forms.
    accepts_basic: ClassVar[bool] = False
    #: Query parameters that may carry the credential.
    credential_query: tuple[str, ...] = ()
    #: False for an API that takes no credentials (nothing can be missing).
    required: ClassVar[bool] = True

    @property
    def credential_headers(self) -> tuple[str, ...]:
        """Header names (any case) that hold the credential in a component."""
        raise NotImplementedError

    @property
    def variable_env(self) -> str:
        """The name of the variable that stands for the credential when it is not given."""
        return self.env

    @property
    def needs(self) -> str:
        """What the vendor wants, in words (for "X needs ..." messages)."""
        raise NotImplementedError

    def credential_names(self) -> CredentialNames:
        """The variables that hold this scheme's credentials: the one naming rule, the
        environment variable's name, upper case (``{{DOUBLETICK_API_KEY}}``)."""
        return CredentialNames(api_key=self.env)

    @property
    def fix_header(self) -> str | None:
        """The header to add when the credential is missing, when one header is the answer."""
        return None

    def describe(self) -> str:
        """One line for ``botkit apis show``: what is sent and where it comes from."""
        raise NotImplementedError

    def as_json(self) -> dict[str, Any]:
        raise NotImplementedError

    def click_options(self) -> list[click.Option]:
        """The options of ``botkit curl ID`` that take the credentials."""
        raise NotImplementedError

    def apply(self, credentials: Credentials) -> AuthParts:
        """What the request carries for ``credentials`` (a variable for what is missing)."""
        raise NotImplementedError

    def redact_variables(self) -> Mapping[str, str]:
        """Header name (lower case) -> variable name, for ``--redact`` to name the credential."""
        return {h.lower(): self.variable_env for h in self.credential_headers}

    def redact_query_variables(self) -> Mapping[str, str]:
        """Query parameter name -> variable name, for ``--redact`` to name the credential."""
        return {q: self.variable_env for q in self.credential_query}

    def script_auth(self, mode: ScriptMode) -> tuple[str, str, str] | None:
        """How a recipe script sends the credential: (curl option, shell-quoted value, env)."""
        raise NotImplementedError


class HeaderKey(AuthScheme):
    """An API key in one header (DoubleTick's ``Authorization``, Vambe's ``x-api-key``)."""

    __slots__ = ("env", "header", "prefix", "query")
    scheme: ClassVar[str] = "header"
    _fields = ("header", "env", "prefix", "query")
    header: str
    env: str
    #: Text before the key in the header value, e.g. ``Bearer ``.
    prefix: str
    #: A query parameter the API also takes the key in (lint finds it there too).
    query: str | None

    def __init__(self, header: str, env: str, prefix: str = "", query: str | None = None) -> None:
        self._set(header=header, env=env, prefix=prefix, query=query)

    @property
    def credential_headers(self) -> tuple[str, ...]:
        return (self.header,)

    @property
    def credential_query(self) -> tuple[str, ...]:  # type: ignore[override]
        return (self.query,) if self.query else ()

    @property
    def needs(self) -> str:
        return f"the API key in the {self.header} header"

    @property
    def fix_header(self) -> str | None:
        return self.header

    def describe(self) -> str:
        return f"header {self.header}: <key> (--api-key or ${self.env})"

    def as_json(self) -> dict[str, Any]:
        return {"scheme": self.scheme, "header": self.header, "env": self.env, "token_env": None}

    def click_options(self) -> list[click.Option]:
        return [_api_key_option(self.env, f"the {self.header} header")]

    def apply(self, credentials: Credentials) -> AuthParts:
        parts = AuthParts()
        key = credentials.api_key
        if not key:
            key = written(self.env)
            parts.notes.append(_no_key(self.env, f"the {self.header} header", key))
        check_secret("api_key", key)
        parts.headers.append(Header(self.header, self.prefix + key))
        return parts

    def script_auth(self, mode: ScriptMode) -> tuple[str, str, str]:
        return "--header", f'"{self.header}: {self.prefix}${self.env}"', self.env


class BasicOrBearer(AuthScheme):
    """Basic credentials (``-u USER:PASSWORD``) or an ``Authorization: Bearer`` token (Unblu)."""

    __slots__ = ("env", "token_env")
    scheme: ClassVar[str] = "basic-or-bearer"
    accepts_basic: ClassVar[bool] = True
    _fields = ("env", "token_env")
    env: str
    token_env: str

    def __init__(self, env: str, token_env: str) -> None:
        self._set(env=env, token_env=token_env)

    @property
    def credential_headers(self) -> tuple[str, ...]:
        return ("Authorization",)

    @property
    def variable_env(self) -> str:
        return self.token_env or self.env

    @property
    def needs(self) -> str:
        return "basic credentials ('auth') or an 'Authorization: Bearer ...' header"

    def credential_names(self) -> CredentialNames:
        # A component holds user and password apart: UNBLU_USER and UNBLU_PASSWORD.
        return CredentialNames(
            user=self.env, password=_password_env(self.env), token=self.token_env
        )

    def describe(self) -> str:
        return f"basic (--user or ${self.env}) or bearer token (--token or ${self.token_env})"

    def as_json(self) -> dict[str, Any]:
        return {"scheme": self.scheme, "header": None, "env": self.env, "token_env": self.token_env}

    def click_options(self) -> list[click.Option]:
        import click

        return [
            _user_option(self.env, "Basic auth credentials."),
            click.Option(
                ["--token"],
                envvar=self.token_env,
                show_envvar=True,
                metavar="TOKEN",
                help=f"Bearer token; with neither, {{{{{self.token_env}}}}}.",
            ),
        ]

    def apply(self, credentials: Credentials) -> AuthParts:
        if credentials.token and credentials.user:
            raise ParamError("token", "give either a token or a user, not both")
        if credentials.token:
            check_secret("token", credentials.token)
            return AuthParts([Header("Authorization", "Bearer " + credentials.token)])
        if credentials.user:
            return AuthParts(basic=_basic(credentials.user))
        variable = "{{" + self.token_env + "}}"
        note = (
            f"no credentials given (--user, --token, ${self.env} or ${self.token_env}): "
            f"the Authorization header holds the variable {variable}"
        )
        return AuthParts([Header("Authorization", "Bearer " + variable)], notes=[note])

    def script_auth(self, mode: ScriptMode) -> tuple[str, str, str]:
        if mode == "basic":
            return "--user", f'"${self.env}"', self.env
        env = self.variable_env
        return "--header", f'"Authorization: Bearer ${env}"', env


class QueryKey(AuthScheme):
    """An API key in one query parameter (OpenAPI's apiKey ``in: query``)."""

    __slots__ = ("env", "param")
    scheme: ClassVar[str] = "query"
    _fields = ("param", "env")
    param: str
    env: str

    def __init__(self, param: str, env: str) -> None:
        self._set(param=param, env=env)

    @property
    def credential_headers(self) -> tuple[str, ...]:
        return ()

    @property
    def credential_query(self) -> tuple[str, ...]:  # type: ignore[override]
        return (self.param,)

    @property
    def needs(self) -> str:
        return f"the API key in the {self.param} query parameter"

    def describe(self) -> str:
        return f"query {self.param}=<key> (--api-key or ${self.env})"

    def as_json(self) -> dict[str, Any]:
        return {"scheme": self.scheme, "param": self.param, "env": self.env}

    def click_options(self) -> list[click.Option]:
        return [_api_key_option(self.env, f"the {self.param} query parameter")]

    def apply(self, credentials: Credentials) -> AuthParts:
        from botkit.percent import quote

        parts = AuthParts()
        key = credentials.api_key
        if not key:
            key = written(self.env)
            parts.notes.append(_no_key(self.env, f"the {self.param} query parameter", key))
            parts.query.append(QueryParam(self.param, key))
        else:
            check_secret("api_key", key)
            parts.query.append(QueryParam(self.param, quote(key, safe="")))
        return parts

    def script_auth(self, mode: ScriptMode) -> tuple[str, str, str]:
        return "--url-query", f'"{self.param}=${self.env}"', self.env


class Basic(AuthScheme):
    """HTTP basic credentials only (``-u USER:PASSWORD``)."""

    __slots__ = ("env",)
    scheme: ClassVar[str] = "basic"
    accepts_basic: ClassVar[bool] = True
    _fields = ("env",)
    env: str

    def __init__(self, env: str) -> None:
        self._set(env=env)

    @property
    def credential_headers(self) -> tuple[str, ...]:
        return ("Authorization",)

    @property
    def needs(self) -> str:
        return "basic credentials ('auth')"

    def credential_names(self) -> CredentialNames:
        return CredentialNames(user=self.env, password=_password_env(self.env))

    def describe(self) -> str:
        return f"basic (--user or ${self.env})"

    def as_json(self) -> dict[str, Any]:
        return {"scheme": self.scheme, "header": None, "env": self.env, "token_env": None}

    def click_options(self) -> list[click.Option]:
        return [
            _user_option(self.env, f"Basic auth credentials; without them, {written(self.env)}.")
        ]

    def apply(self, credentials: Credentials) -> AuthParts:
        if credentials.user:
            return AuthParts(basic=_basic(credentials.user))
        names = self.credential_names()
        user, password = written(names.user or self.env), written(names.password or "PASSWORD")
        note = (
            f"no credentials given (--user or ${self.env}): "
            f"the basic credentials are the variables {user} and {password}"
        )
        return AuthParts(basic=BasicAuth(user, password), notes=[note])

    def script_auth(self, mode: ScriptMode) -> tuple[str, str, str]:
        return "--user", f'"${self.env}"', self.env


class NoAuth(AuthScheme):
    """An API that takes no credentials."""

    __slots__ = ("env",)
    scheme: ClassVar[str] = "none"
    required: ClassVar[bool] = False
    _fields = ("env",)
    env: str

    def __init__(self, env: str = "") -> None:
        self._set(env=env)

    @property
    def credential_headers(self) -> tuple[str, ...]:
        return ()

    @property
    def needs(self) -> str:
        return "no credentials"

    def credential_names(self) -> CredentialNames:
        return CredentialNames()

    def describe(self) -> str:
        return "none"

    def as_json(self) -> dict[str, Any]:
        return {"scheme": self.scheme}

    def click_options(self) -> list[click.Option]:
        return []

    def apply(self, credentials: Credentials) -> AuthParts:
        return AuthParts()

    def redact_variables(self) -> Mapping[str, str]:
        return {}

    def script_auth(self, mode: ScriptMode) -> tuple[str, str, str] | None:
        return None


#: Every auth scheme by the word a catalog file uses for it.
SCHEMES: dict[str, type[AuthScheme]] = {
    s.scheme: s for s in (HeaderKey, BasicOrBearer, QueryKey, Basic, NoAuth)
}


def scheme_from_data(data: Mapping[str, Any]) -> AuthScheme:
    """The scheme object of a catalog file's (schema-checked) ``auth`` table."""
    fields = {k: v for k, v in data.items() if k != "scheme"}
    return SCHEMES[data["scheme"]](**fields)


def check_secret(name: str, value: str) -> None:
    """Refuse a credential a header cannot carry, never echoing the secret itself."""
    if _CONTROL().search(value):
        raise ParamError(name, "contains a line break or control character")


# --- what several schemes share ----------------------------------------------------


def _api_key_option(env: str, where: str) -> click.Option:
    import click

    return click.Option(
        ["--api-key"],
        envvar=env,
        show_envvar=True,
        metavar="KEY",
        help=f"API key for {where}; without one, {written(env)}.",
    )


def _user_option(env: str, help: str) -> click.Option:
    import click

    return click.Option(
        ["--user"], envvar=env, show_envvar=True, metavar="USER:PASSWORD", help=help
    )


def _basic(user: str) -> BasicAuth:
    """``USER:PASSWORD`` as basic credentials, checked."""
    check_secret("user", user)
    username, colon, password = user.partition(":")
    if not colon or not username:
        raise ParamError("user", "must be USER:PASSWORD")
    return BasicAuth(username, password)


def _no_key(env: str, where: str, variable: str) -> str:
    return f"no API key given (--api-key or ${env}): {where} holds the variable {variable}"


def _password_env(user_env: str) -> str:
    """A component holds user and password apart: UNBLU_USER and UNBLU_PASSWORD."""
    return user_env.removesuffix("_USER") + "_PASSWORD"
