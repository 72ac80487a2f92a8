"""curl's command-line options: ONE table that drives the parser.

Each row is (long name, short letter, takes an argument, effect, note).  The
effect says what the option does to the request: each effect has its one
recorder in ``record.py`` (``RECORDERS``), which puts the option's value into the
state that ``build.py`` makes the request of.  ``NEUTRAL`` is for options that
change nothing the server receives (output, progress, timeouts, TLS checks...),
accepted quietly; ``WARN`` for
options that would change the request but have no place in a Call API component
(reported, never dropped in silence); ``FAIL`` for options that make the command
something other than one readable request.  ``note`` says, for WARN and FAIL,
what the option does.  Adding an option is adding a row.

The names are those of curl 7.88 (``curl --help all``) plus the ones newer
releases added, so that a command written for a newer curl is not "unknown".
Like curl 7.88, a long name may be shortened to any unambiguous prefix, and a
boolean may be turned off with ``--no-``.

Over 350 lines because it is one row per option of curl (about 270): a table is
read row by row, and splitting it would hide which options exist.
"""

from functools import cache

from botkit.named_tuples import NamedTuple


class Effect:
    """What an option does to the request: the name of its recorder in record.py.

    Plain string constants, not an Enum: defining an Enum of these 42 members costs
    every command that reads cURL about 3 M instructions (callgrind), more than the
    rest of this table."""

    URL = "url"
    REQUEST = "request"
    HEADER = "header"
    DATA = "data"  # -d, --data-ascii: @file is read with CR and LF stripped
    DATA_BINARY = "data-binary"  # @file is read byte for byte
    DATA_RAW = "data-raw"  # no @file at all
    DATA_URLENCODE = "data-urlencode"
    JSON = "json"
    GET = "get"
    HEAD = "head"
    FORM = "form"
    FORM_STRING = "form-string"
    UPLOAD = "upload-file"
    USER = "user"
    BEARER = "oauth2-bearer"
    COOKIE = "cookie"
    USER_AGENT = "user-agent"
    REFERER = "referer"
    RANGE = "range"
    URL_QUERY = "url-query"
    GLOBOFF = "globoff"
    PATH_AS_IS = "path-as-is"
    PROTO_DEFAULT = "proto-default"
    # What curl refuses to send, or may send elsewhere, though the request is the same.
    PROTO = "proto"  # the protocols allowed: a URL of another is refused
    NO_URL_USER = "disallow-username-in-url"  # a URL with a user name is refused
    HSTS = "hsts"  # an http:// URL may go out over https
    # Auth schemes: curl keeps a set of them, in option order, and picks from it.
    BASIC = "basic"
    DIGEST = "digest"
    NTLM = "ntlm"
    NTLM_WB = "ntlm-wb"
    NEGOTIATE = "negotiate"
    ANYAUTH = "anyauth"
    AWS_SIGV4 = "aws-sigv4"
    # The HTTP version: the last option wins.  Quiet (the request is the same),
    # a warning on any URL, or a warning on http:// URLs only.
    HTTP_VERSION = "http-version"
    HTTP_VERSION_WARN = "http-version-warn"
    HTTP_UPGRADE = "http-upgrade"
    NEUTRAL = "neutral"
    WARN = "warn"
    FAIL = "fail"


#: Every effect, in the order declared above.
EFFECTS: tuple[str, ...] = tuple(v for k, v in vars(Effect).items() if k.isupper())

# Effects whose rows say, in their note, what the option does: the warning shows it.
NOTED = frozenset(
    {
        Effect.WARN,
        Effect.FAIL,
        Effect.DIGEST,
        Effect.NTLM,
        Effect.NTLM_WB,
        Effect.NEGOTIATE,
        Effect.ANYAUTH,
        Effect.AWS_SIGV4,
        Effect.HTTP_VERSION_WARN,
        Effect.HTTP_UPGRADE,
    }
)


class CurlOption(NamedTuple):
    long: str
    short: str | None
    takes_arg: bool
    effect: str  # one of Effect's
    note: str = ""

    @property
    def spelled(self) -> str:
        return f"--{self.long}"


ARG, FLAG = True, False
E = Effect
_PROXY = "sends the request through a proxy"
_CERT = "authenticates with a TLS client certificate"
_NETRC = "reads the user name and password from .netrc"
_METALINK = "reads a Metalink file (curl 7.78 and later refuse it)"
_SRP = "authenticates the TLS connection with SRP (a user name and password)"
_H2_PRIOR = "speaks HTTP/2 to an http:// server without asking it first"
_H3_ONLY = "wants HTTP/3, which only https:// URLs have"
_H10 = "speaks HTTP/1.0 (its request line says so)"
_H2C = "asks an http:// server to switch to HTTP/2 (it adds Upgrade: h2c and HTTP2-Settings)"

# fmt: off
ROWS: tuple[tuple[str, str | None, bool, str, str], ...] = (
    # long name            short arg   effect     note (for WARN and FAIL)
    ("abstract-unix-socket",   None, ARG,  E.WARN,    "connects through a Unix socket"),
    # alt-svc: another host, port or HTTP version may serve the same origin; the request is the same
    ("alt-svc",                None, ARG,  E.NEUTRAL, ""),
    ("anyauth",                None, FLAG, E.ANYAUTH, "lets curl pick the auth scheme"),
    ("append",                 "a",  FLAG, E.NEUTRAL, ""),
    ("aws-sigv4",              None, ARG,  E.AWS_SIGV4, "signs the request with AWS SigV4"),
    ("basic",                  None, FLAG, E.BASIC,   ""),
    ("buffer",                 None, FLAG, E.NEUTRAL, ""),
    ("ca-native",              None, FLAG, E.NEUTRAL, ""),
    ("cacert",                 None, ARG,  E.NEUTRAL, ""),
    ("capath",                 None, ARG,  E.NEUTRAL, ""),
    ("cert",                   "E",  ARG,  E.WARN,    _CERT),
    ("cert-status",            None, FLAG, E.NEUTRAL, ""),
    ("cert-type",              None, ARG,  E.NEUTRAL, ""),
    ("ciphers",                None, ARG,  E.NEUTRAL, ""),
    ("clobber",                None, FLAG, E.NEUTRAL, ""),
    ("compressed",             None, FLAG, E.NEUTRAL, ""),
    ("compressed-ssh",         None, FLAG, E.NEUTRAL, ""),
    ("config",                 "K",  ARG,  E.FAIL,    "reads more options from a file"),
    ("connect-timeout",        None, ARG,  E.NEUTRAL, ""),
    ("connect-to",             None, ARG,  E.WARN,    "connects to another host than the URL's"),
    ("continue-at",            "C",  ARG,  E.WARN,    "resumes a transfer (Range set at run time)"),
    ("cookie",                 "b",  ARG,  E.COOKIE,  ""),
    ("cookie-jar",             "c",  ARG,  E.NEUTRAL, ""),
    ("create-dirs",            None, FLAG, E.NEUTRAL, ""),
    ("create-file-mode",       None, ARG,  E.NEUTRAL, ""),
    ("crlf",                   None, FLAG, E.WARN,    "converts uploaded line ends to CRLF"),
    ("crlfile",                None, ARG,  E.NEUTRAL, ""),
    ("curves",                 None, ARG,  E.NEUTRAL, ""),
    ("data",                   "d",  ARG,  E.DATA,    ""),
    ("data-ascii",             None, ARG,  E.DATA,    ""),
    ("data-binary",            None, ARG,  E.DATA_BINARY, ""),
    ("data-raw",               None, ARG,  E.DATA_RAW, ""),
    ("data-urlencode",         None, ARG,  E.DATA_URLENCODE, ""),
    ("delegation",             None, ARG,  E.NEUTRAL, ""),
    ("digest",                 None, FLAG, E.DIGEST,  "uses HTTP Digest authentication"),
    ("disable",                "q",  FLAG, E.NEUTRAL, ""),
    ("disable-eprt",           None, FLAG, E.NEUTRAL, ""),
    ("disable-epsv",           None, FLAG, E.NEUTRAL, ""),
    ("disallow-username-in-url", None, FLAG, E.NO_URL_USER, ""),
    ("dns-interface",          None, ARG,  E.NEUTRAL, ""),
    ("dns-ipv4-addr",          None, ARG,  E.NEUTRAL, ""),
    ("dns-ipv6-addr",          None, ARG,  E.NEUTRAL, ""),
    ("dns-servers",            None, ARG,  E.NEUTRAL, ""),
    ("doh-cert-status",        None, FLAG, E.NEUTRAL, ""),
    ("doh-insecure",           None, FLAG, E.NEUTRAL, ""),
    ("doh-url",                None, ARG,  E.NEUTRAL, ""),
    ("dump-ca-embed",          None, FLAG, E.FAIL,    "prints the CA store, sends no request"),
    ("dump-header",            "D",  ARG,  E.NEUTRAL, ""),
    ("ech",                    None, ARG,  E.NEUTRAL, ""),
    ("egd-file",               None, ARG,  E.NEUTRAL, ""),
    ("engine",                 None, ARG,  E.NEUTRAL, ""),
    ("etag-compare",           None, ARG,  E.WARN,    "sends If-None-Match read from a file"),
    ("etag-save",              None, ARG,  E.NEUTRAL, ""),
    ("expect100-timeout",      None, ARG,  E.NEUTRAL, ""),
    ("fail",                   "f",  FLAG, E.NEUTRAL, ""),
    ("fail-early",             None, FLAG, E.NEUTRAL, ""),
    ("fail-with-body",         None, FLAG, E.NEUTRAL, ""),
    ("false-start",            None, FLAG, E.NEUTRAL, ""),
    ("follow",                 None, FLAG, E.NEUTRAL, ""),
    ("form",                   "F",  ARG,  E.FORM,    ""),
    ("form-escape",            None, FLAG, E.WARN,    "escapes part names with backslashes"),
    ("form-string",            None, ARG,  E.FORM_STRING, ""),
    ("ftp-account",            None, ARG,  E.NEUTRAL, ""),
    ("ftp-alternative-to-user", None, ARG,  E.NEUTRAL, ""),
    ("ftp-create-dirs",        None, FLAG, E.NEUTRAL, ""),
    ("ftp-method",             None, ARG,  E.NEUTRAL, ""),
    ("ftp-pasv",               None, FLAG, E.NEUTRAL, ""),
    ("ftp-port",               "P",  ARG,  E.NEUTRAL, ""),
    ("ftp-pret",               None, FLAG, E.NEUTRAL, ""),
    ("ftp-skip-pasv-ip",       None, FLAG, E.NEUTRAL, ""),
    ("ftp-ssl",                None, FLAG, E.NEUTRAL, ""),
    ("ftp-ssl-ccc",            None, FLAG, E.NEUTRAL, ""),
    ("ftp-ssl-ccc-mode",       None, ARG,  E.NEUTRAL, ""),
    ("ftp-ssl-control",        None, FLAG, E.NEUTRAL, ""),
    ("ftp-ssl-reqd",           None, FLAG, E.NEUTRAL, ""),
    ("get",                    "G",  FLAG, E.GET,     ""),
    ("globoff",                "g",  FLAG, E.GLOBOFF, ""),
    ("happy-eyeballs-timeout-ms", None, ARG,  E.NEUTRAL, ""),
    ("haproxy-clientip",       None, ARG,  E.WARN,    "sends a PROXY protocol header first"),
    ("haproxy-protocol",       None, FLAG, E.WARN,    "sends a PROXY protocol header first"),
    ("head",                   "I",  FLAG, E.HEAD,    ""),
    ("header",                 "H",  ARG,  E.HEADER,  ""),
    ("help",                   "h",  FLAG, E.FAIL,    "prints help and sends no request"),
    ("hostpubmd5",             None, ARG,  E.NEUTRAL, ""),
    ("hostpubsha256",          None, ARG,  E.NEUTRAL, ""),
    ("hsts",                   None, ARG,  E.HSTS,    ""),
    ("http0.9",                None, FLAG, E.HTTP_VERSION, ""),
    ("http1.0",                "0",  FLAG, E.HTTP_VERSION_WARN, _H10),
    ("http1.1",                None, FLAG, E.HTTP_VERSION, ""),
    ("http2",                  None, FLAG, E.HTTP_UPGRADE, _H2C),
    ("http2-prior-knowledge",  None, FLAG, E.HTTP_UPGRADE, _H2_PRIOR),
    ("http3",                  None, FLAG, E.HTTP_VERSION, ""),
    ("http3-only",             None, FLAG, E.HTTP_UPGRADE, _H3_ONLY),
    ("ignore-content-length",  None, FLAG, E.NEUTRAL, ""),
    ("include",                "i",  FLAG, E.NEUTRAL, ""),
    ("insecure",               "k",  FLAG, E.NEUTRAL, ""),
    ("interface",              None, ARG,  E.NEUTRAL, ""),
    ("ip-tos",                 None, ARG,  E.NEUTRAL, ""),
    ("ipfs-gateway",           None, ARG,  E.NEUTRAL, ""),
    ("ipv4",                   "4",  FLAG, E.NEUTRAL, ""),
    ("ipv6",                   "6",  FLAG, E.NEUTRAL, ""),
    ("json",                   None, ARG,  E.JSON,    ""),
    ("junk-session-cookies",   "j",  FLAG, E.NEUTRAL, ""),
    ("keepalive",              None, FLAG, E.NEUTRAL, ""),
    ("keepalive-cnt",          None, ARG,  E.NEUTRAL, ""),
    ("keepalive-time",         None, ARG,  E.NEUTRAL, ""),
    ("key",                    None, ARG,  E.WARN,    _CERT),
    ("key-type",               None, ARG,  E.NEUTRAL, ""),
    ("knownhosts",             None, ARG,  E.NEUTRAL, ""),
    ("krb",                    None, ARG,  E.WARN,    "uses Kerberos authentication"),
    ("krb4",                   None, ARG,  E.WARN,    "uses Kerberos authentication"),
    ("libcurl",                None, ARG,  E.NEUTRAL, ""),
    ("limit-rate",             None, ARG,  E.NEUTRAL, ""),
    ("list-only",              "l",  FLAG, E.NEUTRAL, ""),
    ("local-port",             None, ARG,  E.NEUTRAL, ""),
    ("location",               "L",  FLAG, E.NEUTRAL, ""),
    ("location-trusted",       None, FLAG, E.NEUTRAL, ""),
    ("login-options",          None, ARG,  E.NEUTRAL, ""),
    ("mail-auth",              None, ARG,  E.NEUTRAL, ""),
    ("mail-from",              None, ARG,  E.NEUTRAL, ""),
    ("mail-rcpt",              None, ARG,  E.NEUTRAL, ""),
    ("mail-rcpt-allowfails",   None, FLAG, E.NEUTRAL, ""),
    ("manual",                 "M",  FLAG, E.FAIL,    "prints the manual, sends no request"),
    ("max-filesize",           None, ARG,  E.NEUTRAL, ""),
    ("max-redirs",             None, ARG,  E.NEUTRAL, ""),
    ("max-time",               "m",  ARG,  E.NEUTRAL, ""),
    ("metalink",               None, FLAG, E.FAIL,    _METALINK),
    ("mptcp",                  None, FLAG, E.NEUTRAL, ""),
    ("negotiate",              None, FLAG, E.NEGOTIATE, "uses SPNEGO (Negotiate) authentication"),
    ("netrc",                  "n",  FLAG, E.WARN,    _NETRC),
    ("netrc-file",             None, ARG,  E.WARN,    _NETRC),
    ("netrc-optional",         None, FLAG, E.WARN,    _NETRC),
    ("next",                   ":",  FLAG, E.FAIL,    "starts a second request"),
    ("no-alpn",                None, FLAG, E.NEUTRAL, ""),
    ("no-buffer",              "N",  FLAG, E.NEUTRAL, ""),
    ("no-clobber",             None, FLAG, E.NEUTRAL, ""),
    ("no-keepalive",           None, FLAG, E.NEUTRAL, ""),
    ("no-npn",                 None, FLAG, E.NEUTRAL, ""),
    ("no-progress-meter",      None, FLAG, E.NEUTRAL, ""),
    ("no-sessionid",           None, FLAG, E.NEUTRAL, ""),
    ("noproxy",                None, ARG,  E.NEUTRAL, ""),
    ("ntlm",                   None, FLAG, E.NTLM,    "uses NTLM authentication"),
    ("ntlm-wb",                None, FLAG, E.NTLM_WB, "uses NTLM authentication"),
    ("oauth2-bearer",          None, ARG,  E.BEARER,  ""),
    ("out-null",               None, FLAG, E.NEUTRAL, ""),
    ("output",                 "o",  ARG,  E.NEUTRAL, ""),
    ("output-dir",             None, ARG,  E.NEUTRAL, ""),
    ("parallel",               "Z",  FLAG, E.NEUTRAL, ""),
    ("parallel-immediate",     None, FLAG, E.NEUTRAL, ""),
    ("parallel-max",           None, ARG,  E.NEUTRAL, ""),
    ("pass",                   None, ARG,  E.NEUTRAL, ""),
    ("path-as-is",             None, FLAG, E.PATH_AS_IS, ""),
    ("pinnedpubkey",           None, ARG,  E.NEUTRAL, ""),
    ("post301",                None, FLAG, E.NEUTRAL, ""),
    ("post302",                None, FLAG, E.NEUTRAL, ""),
    ("post303",                None, FLAG, E.NEUTRAL, ""),
    ("preproxy",               None, ARG,  E.WARN,    _PROXY),
    ("progress-bar",           "#",  FLAG, E.NEUTRAL, ""),
    ("progress-meter",         None, FLAG, E.NEUTRAL, ""),
    ("proto",                  None, ARG,  E.PROTO,   ""),
    ("proto-default",          None, ARG,  E.PROTO_DEFAULT, ""),
    ("proto-redir",            None, ARG,  E.NEUTRAL, ""),
    ("proxy",                  "x",  ARG,  E.WARN,    _PROXY),
    ("proxy-anyauth",          None, FLAG, E.NEUTRAL, ""),
    ("proxy-basic",            None, FLAG, E.NEUTRAL, ""),
    ("proxy-ca-native",        None, FLAG, E.NEUTRAL, ""),
    ("proxy-cacert",           None, ARG,  E.NEUTRAL, ""),
    ("proxy-capath",           None, ARG,  E.NEUTRAL, ""),
    ("proxy-cert",             None, ARG,  E.NEUTRAL, ""),
    ("proxy-cert-type",        None, ARG,  E.NEUTRAL, ""),
    ("proxy-ciphers",          None, ARG,  E.NEUTRAL, ""),
    ("proxy-crlfile",          None, ARG,  E.NEUTRAL, ""),
    ("proxy-digest",           None, FLAG, E.NEUTRAL, ""),
    ("proxy-header",           None, ARG,  E.NEUTRAL, ""),
    ("proxy-http2",            None, FLAG, E.NEUTRAL, ""),
    ("proxy-insecure",         None, FLAG, E.NEUTRAL, ""),
    ("proxy-key",              None, ARG,  E.NEUTRAL, ""),
    ("proxy-key-type",         None, ARG,  E.NEUTRAL, ""),
    ("proxy-negotiate",        None, FLAG, E.NEUTRAL, ""),
    ("proxy-ntlm",             None, FLAG, E.NEUTRAL, ""),
    ("proxy-pass",             None, ARG,  E.NEUTRAL, ""),
    ("proxy-pinnedpubkey",     None, ARG,  E.NEUTRAL, ""),
    ("proxy-service-name",     None, ARG,  E.NEUTRAL, ""),
    ("proxy-ssl-allow-beast",  None, FLAG, E.NEUTRAL, ""),
    ("proxy-ssl-auto-client-cert", None, FLAG, E.NEUTRAL, ""),
    ("proxy-tls13-ciphers",    None, ARG,  E.NEUTRAL, ""),
    ("proxy-tlsauthtype",      None, ARG,  E.NEUTRAL, ""),
    ("proxy-tlspassword",      None, ARG,  E.NEUTRAL, ""),
    ("proxy-tlsuser",          None, ARG,  E.NEUTRAL, ""),
    ("proxy-tlsv1",            None, FLAG, E.NEUTRAL, ""),
    ("proxy-user",             "U",  ARG,  E.NEUTRAL, ""),
    ("proxy1.0",               None, ARG,  E.WARN,    _PROXY),
    ("proxytunnel",            "p",  FLAG, E.NEUTRAL, ""),
    ("pubkey",                 None, ARG,  E.NEUTRAL, ""),
    ("quote",                  "Q",  ARG,  E.NEUTRAL, ""),
    ("random-file",            None, ARG,  E.NEUTRAL, ""),
    ("range",                  "r",  ARG,  E.RANGE,   ""),
    ("rate",                   None, ARG,  E.NEUTRAL, ""),
    ("raw",                    None, FLAG, E.NEUTRAL, ""),
    ("referer",                "e",  ARG,  E.REFERER, ""),
    ("remote-header-name",     "J",  FLAG, E.NEUTRAL, ""),
    ("remote-name",            "O",  FLAG, E.NEUTRAL, ""),
    ("remote-name-all",        None, FLAG, E.NEUTRAL, ""),
    ("remote-time",            "R",  FLAG, E.NEUTRAL, ""),
    ("remove-on-error",        None, FLAG, E.NEUTRAL, ""),
    ("request",                "X",  ARG,  E.REQUEST, ""),
    ("request-target",         None, ARG,  E.WARN,    "sends another target than the URL path"),
    ("resolve",                None, ARG,  E.WARN,    "connects to another address than DNS's"),
    ("retry",                  None, ARG,  E.NEUTRAL, ""),
    ("retry-all-errors",       None, FLAG, E.NEUTRAL, ""),
    ("retry-connrefused",      None, FLAG, E.NEUTRAL, ""),
    ("retry-delay",            None, ARG,  E.NEUTRAL, ""),
    ("retry-max-time",         None, ARG,  E.NEUTRAL, ""),
    ("sasl-authzid",           None, ARG,  E.NEUTRAL, ""),
    ("sasl-ir",                None, FLAG, E.NEUTRAL, ""),
    ("service-name",           None, ARG,  E.NEUTRAL, ""),
    ("sessionid",              None, FLAG, E.NEUTRAL, ""),
    ("show-error",             "S",  FLAG, E.NEUTRAL, ""),
    ("sigalgs",                None, ARG,  E.NEUTRAL, ""),
    ("silent",                 "s",  FLAG, E.NEUTRAL, ""),
    ("skip-existing",          None, FLAG, E.NEUTRAL, ""),
    ("socks4",                 None, ARG,  E.WARN,    _PROXY),
    ("socks4a",                None, ARG,  E.WARN,    _PROXY),
    ("socks5",                 None, ARG,  E.WARN,    _PROXY),
    ("socks5-basic",           None, FLAG, E.NEUTRAL, ""),
    ("socks5-gssapi",          None, FLAG, E.NEUTRAL, ""),
    ("socks5-gssapi-nec",      None, FLAG, E.NEUTRAL, ""),
    ("socks5-gssapi-service",  None, ARG,  E.NEUTRAL, ""),
    ("socks5-hostname",        None, ARG,  E.WARN,    _PROXY),
    ("speed-limit",            "Y",  ARG,  E.NEUTRAL, ""),
    ("speed-time",             "y",  ARG,  E.NEUTRAL, ""),
    ("ssl",                    None, FLAG, E.NEUTRAL, ""),
    ("ssl-allow-beast",        None, FLAG, E.NEUTRAL, ""),
    ("ssl-auto-client-cert",   None, FLAG, E.NEUTRAL, ""),
    ("ssl-no-revoke",          None, FLAG, E.NEUTRAL, ""),
    ("ssl-reqd",               None, FLAG, E.NEUTRAL, ""),
    ("ssl-revoke-best-effort", None, FLAG, E.NEUTRAL, ""),
    ("ssl-sessions",           None, ARG,  E.NEUTRAL, ""),
    ("sslv2",                  "2",  FLAG, E.NEUTRAL, ""),
    ("sslv3",                  "3",  FLAG, E.NEUTRAL, ""),
    ("stderr",                 None, ARG,  E.NEUTRAL, ""),
    ("styled-output",          None, FLAG, E.NEUTRAL, ""),
    ("suppress-connect-headers", None, FLAG, E.NEUTRAL, ""),
    ("tcp-fastopen",           None, FLAG, E.NEUTRAL, ""),
    ("tcp-nodelay",            None, FLAG, E.NEUTRAL, ""),
    ("telnet-option",          "t",  ARG,  E.NEUTRAL, ""),
    ("tftp-blksize",           None, ARG,  E.NEUTRAL, ""),
    ("tftp-no-options",        None, FLAG, E.NEUTRAL, ""),
    ("time-cond",              "z",  ARG,  E.WARN,    "sends If-(Un)Modified-Since at run time"),
    ("tls-earlydata",          None, FLAG, E.NEUTRAL, ""),
    ("tls-max",                None, ARG,  E.NEUTRAL, ""),
    ("tls13-ciphers",          None, ARG,  E.NEUTRAL, ""),
    ("tlsauthtype",            None, ARG,  E.NEUTRAL, ""),
    ("tlspassword",            None, ARG,  E.WARN,    _SRP),
    ("tlsuser",                None, ARG,  E.WARN,    _SRP),
    ("tlsv1",                  "1",  FLAG, E.NEUTRAL, ""),
    ("tlsv1.0",                None, FLAG, E.NEUTRAL, ""),
    ("tlsv1.1",                None, FLAG, E.NEUTRAL, ""),
    ("tlsv1.2",                None, FLAG, E.NEUTRAL, ""),
    ("tlsv1.3",                None, FLAG, E.NEUTRAL, ""),
    ("tr-encoding",            None, FLAG, E.WARN,    "asks for a compressed transfer encoding"),
    ("trace",                  None, ARG,  E.NEUTRAL, ""),
    ("trace-ascii",            None, ARG,  E.NEUTRAL, ""),
    ("trace-config",           None, ARG,  E.NEUTRAL, ""),
    ("trace-ids",              None, FLAG, E.NEUTRAL, ""),
    ("trace-time",             None, FLAG, E.NEUTRAL, ""),
    ("unix-socket",            None, ARG,  E.WARN,    "connects through a Unix socket"),
    ("upload-file",            "T",  ARG,  E.UPLOAD,  ""),
    ("upload-flags",           None, ARG,  E.NEUTRAL, ""),
    ("url",                    None, ARG,  E.URL,     ""),
    ("url-query",              None, ARG,  E.URL_QUERY, ""),
    ("use-ascii",              "B",  FLAG, E.NEUTRAL, ""),
    ("user",                   "u",  ARG,  E.USER,    ""),
    ("user-agent",             "A",  ARG,  E.USER_AGENT, ""),
    ("variable",               None, ARG,  E.FAIL,    "sets a curl 8.3+ variable"),
    ("verbose",                "v",  FLAG, E.NEUTRAL, ""),
    ("version",                "V",  FLAG, E.FAIL,    "prints the version, sends no request"),
    ("vlan-priority",          None, ARG,  E.NEUTRAL, ""),
    ("write-out",              "w",  ARG,  E.NEUTRAL, ""),
    ("xattr",                  None, FLAG, E.NEUTRAL, ""),
)
# fmt: on


class OptionError(Exception):
    """A name that is not one of curl's options (or is ambiguous); argv.py locates it."""


@cache
def _tables() -> tuple[dict[str, CurlOption], dict[str, CurlOption], tuple[str, ...]]:
    longs: dict[str, CurlOption] = {}
    shorts: dict[str, CurlOption] = {}
    for long, short, takes_arg, effect, note in ROWS:
        option = CurlOption(long, short, takes_arg, effect, note)
        longs[long] = option
        if short:
            shorts[short] = option
    return longs, shorts, tuple(sorted(longs))


def by_short(letter: str) -> CurlOption | None:
    return _tables()[1].get(letter)


def by_long(name: str) -> tuple[CurlOption, bool]:
    """The option ``--name`` means, and whether it was turned off with ``--no-``.

    Raises OptionError for an unknown or ambiguous name.
    """
    longs, _, names = _tables()
    lowered = name.lower()
    if lowered in longs:
        return longs[lowered], False
    if lowered.startswith("no-") and lowered[3:] in longs and not longs[lowered[3:]].takes_arg:
        return longs[lowered[3:]], True
    if lowered.startswith("expand-"):
        note = "expands curl 8.3+ variables"
        return CurlOption(name, None, True, Effect.FAIL, note), False
    hits = [n for n in names if n.startswith(lowered)]
    if len(hits) == 1:
        return longs[hits[0]], False
    if hits:
        shown = ", ".join("--" + h for h in hits[:4]) + (", ..." if len(hits) > 4 else "")
        raise OptionError(f"--{name} is ambiguous in curl (it could be {shown})")
    hint = ""
    if "=" in name:
        # The value is never shown: --user=admin:pw is a credential (botkit/masking.py).
        option = name.split("=", 1)[0]
        raise OptionError(
            f"--{option}=… is not a curl option; curl does not take --name=value, "
            f"write --{option} VALUE"
        )
    else:
        from botkit.suggest import closest

        close = closest(lowered, names, cutoff=0.6)
        if close:
            hint = f"; did you mean --{close}?"
    raise OptionError(f"--{name} is not a curl option{hint}")
