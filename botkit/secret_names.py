"""Which places of a request are credentials: the one vocabulary.

``import --redact`` (botkit/redact.py), lint's credential checks
(botkit/lint/credentials.py) and message masking (botkit/masking.py) all ask
this module, so a name is a secret for all of them or for none:

- header names (``Authorization``, ``X-Api-Key``, ``Ocp-Apim-Subscription-Key``,
  any ``*-Token``, ``*-Secret``, ``*-Key``...);
- field names of a query, a form, a JSON or urlencoded body, a multipart part
  (``password``, ``api_key``, ``X-Amz-Signature``, ``sid``...), percent-decoded
  first (``api%5Fkey`` is ``api_key``);
- curl options whose value is a credential (``--user``, ``--oauth2-bearer``...);
- URL paths that are credentials themselves (a Telegram bot token, a Slack or
  Discord webhook);
- token shapes recognisable anywhere in text (a JWT, ``sk_live_...``, ``ghp_...``).

A name is split into words (``X-Amz-Credential`` -> x, amz, credential;
``clientSecret`` -> client, secret) and judged by its words, so ``author`` and
``keyword`` are no secrets while ``auth`` and ``api_key`` are.
"""

import re
from collections.abc import Callable

from botkit.lazy_re import lazy
from botkit.named_tuples import NamedTuple
from botkit.percent import unquote_plus
from botkit.placeholder_text import is_placeholder_text
from botkit.scheme_words import scheme_prefix
from botkit.token_shapes import token_shapes

#: Words that make any header or field name a credential wherever they stand.
SECRET_WORDS = frozenset(
    {
        "auth",
        "authorization",
        "authentication",
        "apikey",
        "token",
        "secret",
        "password",
        "passwd",
        "passphrase",
        "pwd",
        "credential",
        "credentials",
        "signature",
        "jwt",
        "session",
        "cookie",
        "bearer",
        "otp",
    }
)

#: Whole field names (words joined, lower case) that are credentials on their own.
SECRET_FIELDS = frozenset(
    {"pass", "sid", "sig", "code", "key", "hmac", "passcode", "pin", "sessionid", "ssid"}
)

#: The last word that makes a name a credential (``access_key``, ``X-Auth-Key``).
SECRET_LAST_WORDS = frozenset({"key", "sig", "pass"})

#: Names that look like credentials and are not: sent as they are.
NOT_SECRETS = frozenset(
    {
        "idempotencykey",
        "xidempotencykey",
        "secwebsocketkey",
        "sortkey",
        "partitionkey",
        "primarykey",
        "foreignkey",
        "keyword",
        "keywords",
        "tokentype",
        "tokenendpoint",
        "cachekey",
        "publickey",
        "xpublickey",
        "signaturemethod",
        "oauthsignaturemethod",
        "signatureversion",
        "authtype",
    }
)

#: Header names that are credentials whatever their words (exact, lower case).
SECRET_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "authentication",
        "cookie",
        "set-cookie",
        "x-api-key",
        "api-key",
        "apikey",
        "x-auth",
        "x-auth-key",
        "x-key",
        "x-access-key",
        "x-credentials",
        "ocp-apim-subscription-key",
        "x-amz-security-token",
        "x-goog-api-key",
    }
)

#: curl options whose value is (or holds) a credential, long and short spellings.
SECRET_OPTIONS = frozenset(
    {
        "-u",
        "--user",
        "-U",
        "--proxy-user",
        "--oauth2-bearer",
        "-b",
        "--cookie",
        "--pass",
        "--proxy-pass",
        "--tlspassword",
        "--proxy-tlspassword",
        "--tlsuser",
        "--proxy-tlsuser",
        "-E",
        "--cert",
        "--proxy-cert",
        "--login-options",
        "--sasl-authzid",
    }
)

#: Options whose value is a header (``Name: value``): secret when the header is.
HEADER_OPTIONS = frozenset({"-H", "--header", "--proxy-header"})

#: Auth scheme words kept in front of a redacted or masked header value.
SCHEME_WORDS = ("bearer", "basic", "token", "bot", "digest", "key", "apikey", "sso-key")

_CAMEL = lazy(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SEPARATORS = lazy(r"[^A-Za-z0-9]+")


def words(name: str) -> list[str]:
    """``X-Amz-Credential`` -> ``['x', 'amz', 'credential']``; ``clientSecret`` ->
    ``['client', 'secret']``; percent-encoding decoded first (``api%5Fkey``)."""
    if "%" in name or "+" in name:
        name = unquote_plus(name)
    if name.isascii():  # as the expressions below split it, without compiling them
        return [
            w.lower() for piece in name.translate(_ASCII_SEPARATORS).split() for w in _camel(piece)
        ]
    out: list[str] = []
    for piece in _SEPARATORS().split(name):
        out.extend(w.lower() for w in _CAMEL().split(piece) if w)
    return out


#: Every ASCII character but a letter or digit, as a space (``_SEPARATORS`` for ASCII).
_ASCII_SEPARATORS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


def _camel(piece: str) -> list[str]:
    """An ASCII letters-and-digits ``piece`` split as ``_CAMEL`` splits it: before an upper
    case letter that follows a lower case one or a digit, or that starts a capitalised
    word after another capital (``HTTPHeader`` -> ``HTTP``, ``Header``)."""
    cuts = [
        i
        for i in range(1, len(piece))
        if piece[i].isupper()
        and (not piece[i - 1].isupper() or (i + 1 < len(piece) and piece[i + 1].islower()))
    ]
    return [piece[a:b] for a, b in zip([0, *cuts], [*cuts, len(piece)], strict=True)]


def _judge(parts: list[str]) -> bool:
    if not parts:
        return False
    joined = "".join(parts)
    if joined in NOT_SECRETS:
        return False
    if joined in SECRET_FIELDS or joined in SECRET_WORDS:
        return True
    if parts[-1] in SECRET_LAST_WORDS:
        return True
    if joined.endswith(("apikey", "accesskey", "secretkey", "privatekey", "token", "secret")):
        return True  # apiKey, accesskey, refreshtoken, clientsecret written as one word
    return any(w in SECRET_WORDS for w in parts)


def is_secret_header(name: str) -> bool:
    """Does a header of this name carry a credential (``Authorization``, ``X-Auth``,
    ``Ocp-Apim-Subscription-Key``, any ``*-Token``/``*-Secret``/``*-Key``)?"""
    lower = name.strip().lower()
    return lower in SECRET_HEADERS or _judge(words(lower))


def is_secret_field(name: str) -> bool:
    """Does a query parameter, form, JSON or multipart field of this name carry a
    credential (``pass``, ``pwd``, ``X-Amz-Signature``, ``access_key``, ``jwt``,
    ``sid``, ``api%5Fkey``...)?"""
    return _judge(words(name))


def is_secret_option(option: str, value: str = "") -> bool:
    """Is the value of this curl option a credential (``--user``, ``--oauth2-bearer``,
    ``--cookie``; ``-H`` when its header is one)?"""
    if option in SECRET_OPTIONS:
        return True
    if option in HEADER_OPTIONS:
        name = value.split(":", 1)[0].split(";", 1)[0]
        return is_secret_header(name)
    return False


def variable_name(place: str) -> str:
    """The variable that stands for the credential at ``place`` (a header or field name):
    upper case, like the environment variable it would come from (``X-Api-Key`` ->
    ``X_API_KEY``, ``api%5Fkey`` -> ``API_KEY``), the one rule for credential variables."""
    if "%" in place or "+" in place:
        place = unquote_plus(place)
    if place.isascii():  # the expression's result, without compiling it
        name = "_".join(place.translate(_ASCII_SEPARATORS).split()).upper() or "SECRET"
    else:
        name = re.sub(r"[^A-Za-z0-9]+", "_", place).strip("_").upper() or "SECRET"
    return name if not name[0].isdigit() else "_" + name


# --- credentials that are a shape, not a name ----------------------------------------


class Span(NamedTuple):
    """A credential found in a text: ``text[start:end]``, and the variable it becomes."""

    start: int
    end: int
    variable: str


#: (the literal a match starts with, the expression, the variable of what it finds)
_PATH_SECRETS: tuple[tuple[str, Callable[[], re.Pattern[str]], str], ...] = (
    # api.telegram.org/bot123456:AA.../sendMessage: the token is the credential.
    ("/bot", lazy(r"/bot(\d{3,}:[A-Za-z0-9_-]{20,})(?=/|$)"), "TELEGRAM_BOT_TOKEN"),
    # hooks.slack.com/services/T.../B.../xxxx: the whole webhook path is the credential.
    (
        "/services/",
        lazy(r"/services/(T[A-Z0-9]{4,}/B[A-Z0-9]{4,}/[A-Za-z0-9]{8,})(?=/|$)"),
        "SLACK_WEBHOOK",
    ),
    # discord.com/api/webhooks/<id>/<token>
    (
        "/api/webhooks/",
        lazy(r"/api/webhooks/\d+/([A-Za-z0-9_-]{20,})(?=/|$)"),
        "DISCORD_WEBHOOK_TOKEN",
    ),
)


def path_secrets(path: str) -> list[Span]:
    """Credentials in a URL's path: a Telegram bot token, a Slack or Discord webhook."""
    found = []
    for literal, pattern, variable in _PATH_SECRETS:
        for m in pattern().finditer(path) if literal in path else ():
            found.append(Span(m.start(1), m.end(1), variable))
    return sorted(found)


_PAIR = lazy(r"(?P<name>[A-Za-z_][A-Za-z0-9_.%-]*)=(?P<value>[^&;\s,\"'()<>]+)")
_USERINFO = lazy(r"(?<=://)(?P<user>[^\s/@:?#]+):(?P<password>[^\s/@?#]+)(?=@)")


def text_secrets(text: str, owner: str = "") -> list[Span]:
    """Credentials inside a free text such as a User-Agent or Referer value: secret
    ``name=value`` pairs (``?token=...``), URL userinfo, and the token shapes above.
    ``owner`` names the place, for the variable of a credential that has no name."""
    found: list[Span] = []
    for m in _PAIR().finditer(text) if "=" in text else ():
        if is_secret_field(m.group("name")):
            found.append(Span(m.start("value"), m.end("value"), variable_name(m.group("name"))))
    for m in _USERINFO().finditer(text) if "://" in text else ():
        found.append(
            Span(m.start("password"), m.end("password"), variable_name(f"{owner}_PASSWORD"))
        )
    shapes = token_shapes(text)
    for m in shapes.finditer(text) if shapes is not None else ():
        found.append(Span(m.start(), m.end(), variable_name(f"{owner}_TOKEN")))
    return _disjoint(found)


def _disjoint(spans: list[Span]) -> list[Span]:
    """Spans sorted, an overlapping later one dropped (the first found wins)."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


# --- what is a placeholder, not a credential -----------------------------------------

#: The scheme words a credential may open with (``Bearer abc``: the credential is ``abc``).
_SCHEME_WORDS = ("bearer", "basic", "token", "key", "apikey")
#: A shell variable written out whole: after the cURL readers (which turn every variable
#: they expand into ``{{NAME}}``) it can only be text sent as it is (``'$API_KEY'`` in
#: single quotes), so it is a placeholder, never a variable.
_SHELL_VARIABLE = lazy(r"\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})")


def is_variable(value: str) -> bool:
    """A value filled in at run time: ``{{api_key}}``.

    A ``$`` is always literal here: the cURL readers have already turned each shell
    variable they expand into ``{{NAME}}``, so ``Xk9pL2q$wZZ`` (from ``-u 'admin:Xk9pL2q$wZZ'``)
    is a password as written, and a bot sends ``$API_KEY`` as those eight characters.
    """
    from botkit.phone import is_template_variable

    return is_template_variable(value)


def credential(value: str) -> str:
    """The credential itself, without an auth scheme word (``Bearer abc`` -> ``abc``)."""
    scheme = scheme_prefix(value, _SCHEME_WORDS)
    return (value[scheme[1] :] if scheme else value).strip()


def is_shell_variable(value: str) -> bool:
    """A ``$NAME`` (or ``${NAME}``) that reached the request as text: nothing expanded it."""
    token = credential(value)
    return token[:1] == "$" and _SHELL_VARIABLE().fullmatch(token) is not None


def is_placeholder(value: str) -> bool:
    """Empty, or text that documentation puts where a real key should go."""
    token = credential(value)
    return not token or is_placeholder_text(token) or is_shell_variable(token)
