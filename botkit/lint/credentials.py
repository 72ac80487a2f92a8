"""Where a component carries its credentials, judged by what its vendor expects.

What the vendor expects is its catalog auth scheme's to say (the headers that
carry the credential, whether basic credentials count): DoubleTick and Vambe
want a key in one header; Unblu wants basic credentials or a bearer token.
For an API the catalog does not know, headers whose names say
"credential" (Authorization, x-api-key, ...: botkit/secret_names.py) are still
checked for placeholders and committed secrets, but nothing can be called missing.
"""

from botkit import secret_names
from botkit.catalog import Vendor
from botkit.catalog.auth import AuthScheme
from botkit.lint.component import ComponentView
from botkit.lint.model import Site
from botkit.named_tuples import NamedTuple


class Credential(NamedTuple):
    label: str
    value: str
    site: Site
    #: A username is checked for placeholders but is no secret.
    secret: bool = True


class AuthView(NamedTuple):
    vendor: Vendor | None
    credentials: tuple[Credential, ...]
    #: The API's auth scheme (its own, else its vendor's); None for an unknown API.
    scheme: AuthScheme | None = None


def auth_view(
    call: ComponentView, vendor: Vendor | None, scheme: AuthScheme | None = None
) -> AuthView:
    """The credentials of ``call`` (use ``Call.auth_view``, which works this out once).

    ``scheme`` is the API's own auth scheme when it has one; else the vendor's counts.
    """
    if scheme is None and vendor is not None:
        scheme = vendor.auth
    query: set[str] = set()
    if scheme is None:  # unknown API: any header whose name says "credential", and basic auth
        wanted = None
        basic = True
    else:
        wanted = {name.lower() for name in scheme.credential_headers}
        basic = scheme.accepts_basic
        query = set(scheme.credential_query)
    found = [
        Credential(f"{h.name} header", h.value, call.site("headers", h.index, "value"))
        for h in call.headers
        if (secret_names.is_secret_header(h.name) if wanted is None else h.name.lower() in wanted)
    ]
    found += [
        Credential(f"{q.name} query parameter", q.value, call.site("query", q.index, "value"))
        for q in call.query
        if q.name in query and q.value is not None
    ]
    auth = call.auth
    if auth is not None and basic:
        user, password = auth.get("username"), auth.get("password")
        if isinstance(user, str):
            found.append(
                Credential("basic auth username", user, call.site("auth", "username"), False)
            )
        if isinstance(password, str):
            found.append(Credential("basic auth password", password, call.site("auth", "password")))
    return AuthView(vendor, tuple(found), scheme)


def variable_hint(
    call: ComponentView, vendor: Vendor | None, label: str = "", scheme: AuthScheme | None = None
) -> str:
    """How to write the credential as a variable, in the file's own idiom; the name
    follows the one rule (``AuthScheme.credential_names``)."""
    from botkit.variables import written

    auth = scheme or (vendor.auth if vendor is not None else None)
    if auth is None:
        env = "API_PASSWORD" if "password" in label else "API_KEY"
    else:
        names = auth.credential_names()
        if "password" in label:
            env = names.password or "API_PASSWORD"
        elif "username" in label:
            env = names.user or "API_USER"
        else:
            env = names.api_key or names.token or "API_KEY"
    return f'"${env}"' if call.shell else written(env)


def needs(vendor: Vendor, scheme: AuthScheme | None = None) -> str:
    """What the API (or else its vendor) wants, in words, for the auth-missing message."""
    return (scheme or vendor.auth).needs


def secrets_in(component: dict) -> list[str]:
    """Literal credentials a component holds (to mask them in any message): every
    place ``--redact`` would replace (botkit/redact.py), placeholders left out."""
    from botkit.redact import secret_places

    found = []
    for place in secret_places(component):
        value = secret_names.credential(place.value)
        if value and not secret_names.is_placeholder(value):
            found.append(place.value)
            if value != place.value:
                found.append(value)
    return found
