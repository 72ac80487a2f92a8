"""curl's URL rules, as pure functions: scheme guessing, credentials, dot segments,
globbing, and the query that ``-G`` and ``--url-query`` build (measured on curl 7.88)."""

from __future__ import annotations

from botkit.lazy_re import lazy
from botkit.percent import quote, unquote
from botkit.request import BasicAuth
from botkit.variables import blank_templates

_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")


def _scheme(text: str) -> tuple[str, int] | None:
    """The scheme ``text`` starts with (``scheme://``: a letter, then letters, digits, ``+``,
    ``.`` or ``-``) and where ``://`` ends; None without one."""
    end = text.find("://")
    name = text[:end]
    if end < 1 or not (name[0].isascii() and name[0].isalpha()):
        return None
    return (name, end + 3) if _SCHEME_CHARS.issuperset(name) else None


# curl guesses these schemes from a host name's first label when the URL has none
_GUESSED = {
    "ftp.": "ftp",
    "dict.": "dict",
    "ldap.": "ldap",
    "imap.": "imap",
    "smtp.": "smtp",
    "pop3.": "pop3",
}
_PERCENT = lazy(r"%[0-9A-Fa-f]{2}")  # for a %-escape in a host, -G and --data-urlencode
_IPV6_HOST = lazy(r"[A-Za-z][A-Za-z0-9+.-]*://(?:[^/@]*@)?\[[0-9A-Fa-f:.]+(?:%25\w+)?\]")
_URLENCODE_SAFE = "-._~"
# Characters curl 7.88 refuses in a host name as written, and once %XX is decoded.
_HOST_REFUSED = frozenset(" !\"$&'()*+,;<=>\\^`{}")
_HOST_DECODED_REFUSED = _HOST_REFUSED | frozenset("#/:?@[]")
_BRACKETED_HOST = lazy(r"\[[0-9A-Fa-f:.]+(?:%25\w+)?\](?::\d*)?")


class UrlError(ValueError):
    """A URL curl would refuse (or read differently than it looks); the caller locates it."""


#: The protocols curl 7.88 knows, the set ``--proto`` starts from and picks out of.
PROTOCOLS = frozenset(
    {
        "dict", "file", "ftp", "ftps", "gopher", "gophers", "http", "https", "imap", "imaps",
        "ldap", "ldaps", "mqtt", "pop3", "pop3s", "rtmp", "rtmpe", "rtmps", "rtmpt", "rtmpte",
        "rtmpts", "rtsp", "scp", "sftp", "smb", "smbs", "smtp", "smtps", "telnet", "tftp", "ws",
        "wss",
    }
)  # fmt: skip


def proto_allows(spec: str, scheme: str) -> bool:
    """Whether ``--proto SPEC`` lets curl use ``scheme``, read as curl reads the list:
    left to right from every protocol, each item a name or ``all`` after ``+`` (allow,
    the default), ``-`` (deny) or ``=`` (only these); an unknown name allows and denies
    nothing.
    ``UrlError`` for a list curl refuses ("--proto: is badly used here")."""
    allowed = set(PROTOCOLS)
    for item in spec.split(","):
        if not item:
            continue
        action = "+"
        name = item
        while name and not name[0].isalnum():
            if name[0] not in "+-=":
                raise UrlError(f"{item!r} is not a protocol with +, - or = before it")
            action, name = name[0], name[1:]
        if not name:
            raise UrlError(f"{item!r} names no protocol")
        name = name.lower()
        chosen = set(PROTOCOLS) if name == "all" else {name} & PROTOCOLS
        if action == "=":  # an unknown name (curl warns of it) still empties the set
            allowed = set(chosen)
        elif action == "-":
            allowed -= chosen
        else:
            allowed |= chosen
    return scheme.lower() in allowed


def resolve_url(
    text: str, *, globoff: bool, path_as_is: bool, default_scheme: str
) -> tuple[str, str | None, BasicAuth | None]:
    """The URL curl uses for ``text``: scheme as curl guesses it, credentials taken out,
    dot segments squashed.  Returns the URL without its query, the query as written
    (None: no '?') and the credentials the URL carried.
    """
    if any(c in text for c in " \t\r\n"):
        raise UrlError(
            "curl rejects a URL with a blank or line break in it (curl error 3); "
            "write a space as %20"
        )
    if not text:
        raise UrlError("the URL is empty")
    if not globoff:
        _check_glob(text)
    text = text.split("#", 1)[0]
    if text.startswith("{{"):  # a template like {{baseUrl}}/path holds its own scheme
        base, mark, query = text.partition("?")
        return base, query if mark else None, None
    found = _scheme(text)
    if found is None:
        lowered = text.lower()
        scheme = next((s for p, s in _GUESSED.items() if lowered.startswith(p)), default_scheme)
        text = f"{scheme}://{text}"
        found = _scheme(text)
        assert found is not None
    scheme = found[0].lower()
    if scheme not in ("http", "https"):
        raise UrlError(f"botkit imports HTTP requests, and this URL is {scheme}://")
    rest = text[found[1] :]
    authority_end = next((k for k, c in enumerate(rest) if c in "/?#"), len(rest))
    authority, tail = rest[:authority_end], rest[authority_end:]
    auth = None
    if "@" in authority:
        userinfo, _, authority = authority.rpartition("@")
        user, _, password = userinfo.partition(":")
        # Basic auth sends "user:password", so a ':' inside the (decoded) user name is
        # the same bytes as one more ':' before the password: that a component can hold.
        user, _, password = f"{unquote(user)}:{unquote(password)}".partition(":")
        if any(c in user + password for c in "\r\n"):
            raise UrlError("the credentials in the URL hold a line break")
        auth = BasicAuth(user, password)
    if not authority:
        raise UrlError("the URL has no host name")
    if ("[" in authority or "]" in authority) and not _BRACKETED_HOST().fullmatch(authority):
        raise UrlError("curl rejects this host name (curl error 3: bad/illegal format)")
    _check_authority(blank_templates(authority, by="0"))
    path, mark, query = tail.partition("?")
    if not path_as_is:
        path = squash_dots(path)
    return text[: found[1]] + authority + path, query if mark else None, auth


def _check_authority(authority: str) -> None:
    """Refuse the host and port curl 7.88 refuses with error 3 (measured: each printable
    character raw and percent-encoded): a port that is not digits or is over 65535, and a
    host holding a character that no host name has.  ``{{variables}}`` are read as 0 first."""
    if authority.startswith("["):
        host, _, port = authority.partition("]")
        port = port.removeprefix(":")
    else:
        host, _, port = authority.partition(":")
        if ":" in port:
            raise UrlError("curl rejects a host name with two ':' in it (curl error 3)")
    if port and (not port.isascii() or not port.isdigit() or int(port) > 65535):
        raise UrlError(f"curl rejects the port {port!r}: a port is a number from 0 to 65535")
    if host.startswith("["):
        return
    escapes = _PERCENT().findall(host) if "%" in host else []
    bad = sorted(
        {c for c in host if c in _HOST_REFUSED}
        | {c for c in (chr(int(h[1:], 16)) for h in escapes) if c in _HOST_DECODED_REFUSED}
    )
    if bad:
        raise UrlError(
            f"curl rejects a host name holding {' '.join(repr(c) for c in bad)} (curl error 3)"
        )


def _check_glob(text: str) -> None:
    """curl reads [] and {} in a URL as patterns, one request per match (unless -g);
    {{variables}} and an IPv6 host are not patterns."""
    masked = blank_templates(text)
    if not any(c in masked for c in "[]{}"):
        return
    ipv6 = _IPV6_HOST().match(masked)
    if ipv6:
        masked = "_" * ipv6.end() + masked[ipv6.end() :]
    if any(c in masked for c in "[]{}"):
        raise UrlError(
            "curl reads [...] and {...} in a URL as a pattern (one request per match); "
            "add -g (--globoff) to send them as written"
        )


def query_data(data: str) -> str:
    """``-G`` puts the data in the query the way curl 7.88 does: up to a ``#``, with
    the hex of %-escapes in lower case."""
    data = data.split("#", 1)[0]
    return _PERCENT().sub(lambda m: m.group().lower(), data)


def append_query(query: str | None, extra: str) -> str | None:
    if not extra:
        return query
    if query is None or query == "":
        return extra
    return f"{query}&{extra}"


def urlencode(text: str, *, upper: bool) -> str:
    """curl's form encoding: letters, digits and -._~ stay, space is +, the rest %XX."""
    encoded = quote(text, safe=_URLENCODE_SAFE + " ").replace(" ", "+")
    return encoded if upper else _PERCENT().sub(lambda m: m.group().lower(), encoded)


def upload_url(url: str, filename: str) -> str:
    """-T appends the file's name when the URL ends in '/' (or has no path)."""
    found = _scheme(url)
    after = url[found[1] :] if found else url
    if "/" not in after:
        url += "/"
    if url.endswith("/") and filename != "-":
        url += quote(_base_name(filename), safe=_URLENCODE_SAFE)
    return url


def squash_dots(path: str) -> str:
    """RFC 3986 remove_dot_segments on the path (curl does it unless --path-as-is)."""
    if "." not in path:
        return path
    out: list[str] = []
    segments = path.split("/")
    for k, segment in enumerate(segments):
        last = k == len(segments) - 1
        if segment == ".":
            if last:
                out.append("")
        elif segment == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(segment)
    return "/".join(out)


def _base_name(filename: str) -> str:
    """The last part of a file name, as ``pathlib`` names it: empty parts and ``.`` skipped."""
    parts = [p for p in filename.split("/") if p and p != "."]
    return parts[-1] if parts else ""
