"""PowerShell's Invoke-WebRequest / Invoke-RestMethod -> requests, as Chrome's and Edge's
"Copy as PowerShell" (and Firefox's) write them.

What is read: a session (``$session = New-Object ...WebRequestSession``, its
``UserAgent`` and ``Cookies.Add((New-Object System.Net.Cookie(...)))`` lines),
``$name = "value"`` assignments, and each cmdlet call with ``-Uri``,
``-Method``/``-CustomMethod``, ``-Headers @{...}``, ``-ContentType``, ``-Body`` (a
string, ``[System.Text.Encoding]::UTF8.GetBytes("...")`` or a ``@{...}`` form),
``-UserAgent`` and ``-WebSession``.  Strings follow PowerShell's own rules, the
ones the curl.exe reader uses (botkit/curl/powershell_reader.py).  What the cmdlet
would send beyond the text: Content-Type ``application/x-www-form-urlencoded``
for a POST body with no ``-ContentType``, as PowerShell documents; its own
User-Agent is left out, as curl's is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote

from botkit.curl.powershell_reader import PowerShellStrings
from botkit.errors import InputError
from botkit.formats import ReadOptions
from botkit.formats.parts import PartError, added_by_browser, cookie_header, header, url_parts
from botkit.formats.result import ReadRequest, ReadResult, ReadWarning
from botkit.request import Body, Header, Request

_CMDLETS = ("invoke-webrequest", "invoke-restmethod", "iwr", "irm")
_CURL_EXE = re.compile(
    r"\s*(?:PS [^>\n]*>\s*)?(?:&\s*)?curl(?:\.exe)?[ \t]+"
    r"(?!-(?:uri|method|headers|usebasicparsing)\b)",
    re.I,
)
_SESSION_NEW = re.compile(
    r"New-Object[ \t]+Microsoft\.PowerShell\.Commands\.WebRequestSession\b", re.I
)
_MEMBER = re.compile(r"\$(\w+)\.(\w+)(?:\.(\w+))?", re.I)
_NEW_COOKIE = re.compile(r"\(\(?[ \t]*New-Object[ \t]+System\.Net\.Cookie[ \t]*\(", re.I)
_UTF8_BYTES = re.compile(r"\([ \t]*\[System\.Text\.Encoding\]::UTF8\.GetBytes[ \t]*\(", re.I)
_VARIABLE_WORD = re.compile(r"\$(\w+)")
_BLANKS = " \t"

# parameter -> what it takes; PowerShell accepts any unambiguous prefix, in any case
_VALUED = (
    "Uri", "Method", "CustomMethod", "Headers", "ContentType", "Body", "UserAgent",
    "WebSession", "SessionVariable", "TimeoutSec", "MaximumRedirection", "MaximumRetryCount",
    "RetryIntervalSec", "OutFile", "ErrorAction", "ErrorVariable", "WarningAction",
    "InformationAction", "OutVariable", "ConnectionTimeoutSeconds", "OperationTimeoutSeconds",
    "HttpVersion", "Credential", "Authentication", "Token", "Certificate",
    "CertificateThumbprint", "Proxy", "ProxyCredential", "InFile", "Form", "TransferEncoding",
    "SslProtocol", "ResponseHeadersVariable", "StatusCodeVariable",
)  # fmt: skip
_SWITCHES = (
    "UseBasicParsing", "SkipCertificateCheck", "PassThru", "DisableKeepAlive", "NoProxy",
    "SkipHttpErrorCheck", "SkipHeaderValidation", "Resume", "AllowInsecureRedirect",
    "AllowUnencryptedAuthentication", "PreserveAuthorizationOnRedirect", "FollowRelLink",
    "UseDefaultCredentials", "ProxyUseDefaultCredentials", "PreserveHttpMethodOnRedirect",
    "Verbose", "Debug",
)  # fmt: skip
# what changes the request but has no place in a component: named, never silent
_LOST = {
    "Credential": "credentials from a PSCredential object",
    "Authentication": "an authentication scheme PowerShell applies",
    "Token": "a bearer token from a SecureString",
    "Certificate": "a client certificate",
    "CertificateThumbprint": "a client certificate",
    "Proxy": "a proxy",
    "ProxyCredential": "proxy credentials",
    "InFile": "a body read from a file",
    "Form": "a multipart form built by PowerShell",
    "TransferEncoding": "a Transfer-Encoding",
    "UseDefaultCredentials": "the Windows user's credentials",
    "ProxyUseDefaultCredentials": "the Windows user's proxy credentials",
}


@dataclass
class _Session:
    user_agent: str | None = None
    cookies: list[tuple[str, str, str, int]] = field(
        default_factory=list
    )  # name, value, domain, at


@dataclass
class _Value:
    """A parameter's value: text, a hashtable's pairs, or a $variable."""

    at: int
    text: str | None = None
    pairs: list[tuple[str, str, int]] | None = None
    variable: str | None = None


def read_webrequest(text: str, source: str, options: ReadOptions) -> ReadResult:
    if _CURL_EXE.match(text):  # --from powershell on PowerShell's curl.exe
        from botkit.curl.parse import parse_command
        from botkit.curl.powershell_reader import read_powershell
        from botkit.formats.curltext import request_of

        command = read_powershell(text, source)
        read = parse_command(
            command, source=source, base_dir=options.base_dir, strict=options.strict
        )
        return ReadResult("powershell", [request_of(read)])
    return _Reader(PowerShellStrings.without_prompt(text), source).read()


class _Reader:
    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.strings = PowerShellStrings(text, source)
        self.sessions: dict[str, _Session] = {}
        self.i = 0

    # --- positions and errors -------------------------------------------------

    def where(self, at: int) -> str:
        line, column = self.strings.locator.at(at)
        return f"{line}:{column}"

    def error(self, message: str, at: int) -> InputError:
        return self.strings.locator.error(message, at)

    # --- statements -------------------------------------------------------------

    def read(self) -> ReadResult:
        result = ReadResult("powershell", [])
        while True:
            self.skip_blank_lines()
            if self.i >= len(self.text):
                break
            read = self.statement()
            if read is not None:
                result.requests.append(read)
        if not result.requests:
            raise InputError("no Invoke-WebRequest command found in the text", source=self.source)
        result.warnings.extend(
            ReadWarning(f"{n.line}:{n.column}", n.option, n.message) for n in self.strings.warnings
        )
        return result

    def skip_blank_lines(self) -> None:
        t, n = self.text, len(self.text)
        while self.i < n:
            c = t[self.i]
            if c in " \t\r\n;":
                self.i += 1
            elif c == "#":
                end = t.find("\n", self.i)
                self.i = n if end < 0 else end
            elif c == "`" and t[self.i + 1 : self.i + 2] in ("\n", "\r"):
                self.i += 2
            else:
                break

    def skip_blanks(self) -> None:
        """Blanks and backtick continuations, within one statement."""
        t, n = self.text, len(self.text)
        while self.i < n:
            c = t[self.i]
            if c in _BLANKS:
                self.i += 1
            elif c == "`" and t[self.i + 1 : self.i + 2] == "\n":
                self.i += 2
            elif c == "`" and t[self.i + 1 : self.i + 3] == "\r\n":
                self.i += 3
            else:
                break

    def at_end_of_statement(self) -> bool:
        return self.i >= len(self.text) or self.text[self.i] in "\r\n;#|"

    def end_statement(self) -> None:
        self.skip_blanks()
        if self.i < len(self.text) and self.text[self.i] == "|":
            end = self.text.find("\n", self.i)  # what follows only reads the response
            self.i = len(self.text) if end < 0 else end
        elif not self.at_end_of_statement():
            raise self.error(
                "more on this line than botkit reads (one statement a line, or ';')", self.i
            )

    def statement(self) -> ReadRequest | None:
        t, start = self.text, self.i
        assignment = re.compile(r"\$(\w+)[ \t]*=[ \t]*").match(t, start)
        if assignment:
            self.i = assignment.end()
            if _SESSION_NEW.match(t, self.i):
                self.sessions[assignment.group(1).lower()] = _Session()
                self.i = _SESSION_NEW.match(t, self.i).end()  # type: ignore[union-attr]
                self.end_statement()
                return None
            if self.cmdlet_here():
                return self.cmdlet()
            word, self.i = self.strings.word(self.i)
            self.strings.variables[assignment.group(1)] = word.text
            self.end_statement()
            return None
        member = _MEMBER.match(t, start)
        if member and member.group(1).lower() in self.sessions:
            self.session_line(member)
            return None
        if t.startswith("&", start):
            self.i += 1
            self.skip_blanks()
        if self.cmdlet_here():
            return self.cmdlet()
        if t[start] in "(){}@$":
            shown = t[start : start + 20].split("\n")[0]
        else:
            shown = self.strings.word(start)[0].text
        raise self.error(
            f"{shown!r}: botkit reads Invoke-WebRequest / Invoke-RestMethod commands and the "
            "$session lines 'Copy as PowerShell' writes, nothing else",
            start,
        )

    def cmdlet_here(self) -> bool:
        m = re.compile(r"[\w-]+").match(self.text, self.i)
        if m is None:
            return False
        name = m.group().lower()
        if name in _CMDLETS:
            return True
        # Windows PowerShell 5.1: curl is an alias of Invoke-WebRequest
        return (
            name == "curl"
            and re.match(
                r"curl[ \t]+-(?:uri|method|headers|usebasicparsing)\b",
                self.text[self.i : self.i + 40],
                re.I,
            )
            is not None
        )

    def session_line(self, member: re.Match[str]) -> None:
        session = self.sessions[member.group(1).lower()]
        prop = member.group(2).lower()
        self.i = member.end()
        if prop == "useragent" and member.group(3) is None:
            self.skip_blanks()
            if not self.text.startswith("=", self.i):
                raise self.error("expected '=' after $session.UserAgent", self.i)
            self.i += 1
            self.skip_blanks()
            session.user_agent = self.value_text("$session.UserAgent")
        elif prop == "cookies" and (member.group(3) or "").lower() == "add":
            self.cookie(session)
        else:
            raise self.error(
                f"${member.group(1)}.{member.group(2)}: botkit reads a session's UserAgent "
                "and Cookies.Add, nothing else",
                member.start(),
            )
        self.end_statement()

    def cookie(self, session: _Session) -> None:
        at = self.i
        m = _NEW_COOKIE.match(self.text, self.i)
        if m is None:
            raise self.error("expected ((New-Object System.Net.Cookie(...)))", at)
        self.i = m.end()
        args = self.arguments(")")
        for closing in "))":
            self.skip_blanks()
            if self.text.startswith(closing, self.i):
                self.i += 1
        if len(args) < 2:
            raise self.error("a System.Net.Cookie needs a name and a value", at)
        domain = args[3] if len(args) > 3 else ""
        session.cookies.append((args[0], args[1], domain, at))

    def arguments(self, close: str) -> list[str]:
        """Comma-separated strings up to ``close``: the arguments of a .NET constructor."""
        args: list[str] = []
        while True:
            self.skip_blanks()
            if self.i >= len(self.text):
                raise self.error(f"expected {close!r}", self.i)
            if self.text[self.i] == close:
                self.i += 1
                return args
            args.append(self.value_text("an argument", ",)"))
            self.skip_blanks()
            if self.text.startswith(",", self.i):
                self.i += 1

    def value_text(self, what: str, stops: str = "") -> str:
        """A string value; inside ``(...)`` or ``@{...}`` it also ends at one of ``stops``."""
        at = self.i
        if self.i >= len(self.text) or self.text[self.i] in "\r\n":
            raise self.error(f"{what} has no value", at)
        if _UTF8_BYTES.match(self.text, self.i):
            self.i = _UTF8_BYTES.match(self.text, self.i).end()  # type: ignore[union-attr]
            self.skip_blanks()
            text = self.value_text(what, ")")
            for _ in "))":
                self.skip_blanks()
                if not self.text.startswith(")", self.i):
                    raise self.error("expected ')' to close GetBytes(...)", self.i)
                self.i += 1
            return text
        if self.text[self.i] in "(){}@":
            raise self.error(
                f"{what}: a PowerShell expression starting with {self.text[self.i]!r} is beyond "
                "what botkit reads; write the value as a string",
                at,
            )
        if stops and self.strings.is_quote(self.text[self.i]):
            text, self.i = self.strings.quoted(self.i)
            return text
        if stops and self.text[self.i] == "$":
            out: list[str] = []
            self.i = self.strings.dollar(self.i, out)
            return "".join(out)
        if stops:
            m = re.compile(rf"[^\s{re.escape(stops)}]+").match(self.text, self.i)
            if m is None:  # at a stop where a value belongs, as in Cookie("name",, "host")
                raise self.error(f"{what}: expected a value before {self.text[self.i]!r}", self.i)
            self.i = m.end()
            return m.group()
        word, self.i = self.strings.word(self.i)
        return word.text

    # --- the cmdlet ---------------------------------------------------------------

    def cmdlet(self) -> ReadRequest:
        start = self.i
        m = re.compile(r"[\w-]+").match(self.text, self.i)
        assert m is not None
        self.i = m.end()
        values: dict[str, _Value] = {}
        switches: dict[str, int] = {}
        positional: list[_Value] = []
        while True:
            self.skip_blanks()
            if self.at_end_of_statement():
                break
            at = self.i
            param = re.compile(r"-([A-Za-z]\w*)(:?)").match(self.text, self.i)
            if param is None:
                positional.append(_Value(at, text=self.value_text("an argument")))
                continue
            self.i = param.end()
            name = self.parameter(param.group(1), at)
            if name in _SWITCHES:
                switches[name] = at
                if param.group(2):  # -Switch:$true
                    self.value_text(f"-{name}")
                continue
            self.skip_blanks()
            values[name] = self.value(f"-{name}")
        self.end_statement()
        if "Uri" not in values and positional:
            values["Uri"] = positional.pop(0)
        if positional:
            raise self.error("an argument botkit does not know what to do with", positional[0].at)
        return self.request(values, switches, start)

    def parameter(self, written: str, at: int) -> str:
        lower = written.lower()
        known = _VALUED + _SWITCHES
        exact = [p for p in known if p.lower() == lower]
        if exact:
            return exact[0]
        matches = [p for p in known if p.lower().startswith(lower)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise self.error(f"-{written} is ambiguous ({', '.join('-' + p for p in matches)})", at)
        raise self.error(f"-{written}: not a parameter of Invoke-WebRequest botkit knows", at)

    def value(self, what: str) -> _Value:
        at = self.i
        if self.text.startswith("@{", self.i):
            return _Value(at, pairs=self.hashtable())
        var = _VARIABLE_WORD.match(self.text, self.i)
        if var and var.group(1).lower() in self.sessions:
            self.i = var.end()
            return _Value(at, variable=var.group(1).lower())
        return _Value(at, text=self.value_text(what))

    def hashtable(self) -> list[tuple[str, str, int]]:
        opened = self.i
        self.i += 2
        pairs: list[tuple[str, str, int]] = []
        t = self.text
        while True:
            while self.i < len(t) and (t[self.i] in " \t\r\n;" or t.startswith("`\n", self.i)):
                self.i += 1
            if self.i >= len(t):
                raise self.error("unclosed @{ that starts here", opened)
            if t[self.i] == "}":
                self.i += 1
                return pairs
            at = self.i
            if self.strings.is_quote(t[self.i]):
                key, self.i = self.strings.quoted(self.i)
            else:
                m = re.compile(r"[^\s=;}]+").match(t, self.i)
                if m is None:
                    raise self.error("expected a key in @{...}", self.i)
                key, self.i = m.group(), m.end()
            self.skip_blanks()
            if not t.startswith("=", self.i):
                raise self.error(f"expected '=' after the key {key!r}", self.i)
            self.i += 1
            self.skip_blanks()
            pairs.append((key, self.value_text(f"the value of {key!r}", ";}"), at))

    def request(
        self, values: dict[str, _Value], switches: dict[str, int], start: int
    ) -> ReadRequest:
        warnings: list[ReadWarning] = []
        for name, value in [*values.items(), *((s, _Value(at)) for s, at in switches.items())]:
            if name in _LOST:
                warnings.append(
                    ReadWarning(
                        self.where(value.at),
                        f"-{name}",
                        f"sends {_LOST[name]}; a component cannot hold that, so it is left out",
                    )
                )
        uri = values.get("Uri")
        if uri is None or uri.text is None:
            raise self.error("the command has no -Uri", start)
        try:
            url, query, auth = url_parts(uri.text)
        except PartError as exc:
            raise self.error(str(exc), uri.at) from None
        method = self.text_of(values.get("CustomMethod")) or self.text_of(values.get("Method"))
        method = (method or "GET").upper() if not values.get("CustomMethod") else method or "GET"
        headers: list[Header] = []
        session = self.session(values.get("WebSession"))
        user_agent = self.text_of(values.get("UserAgent")) or (session and session.user_agent)
        content_type = self.text_of(values.get("ContentType"))
        given = values.get("Headers")
        for key, text, at in (given.pairs or []) if given else []:
            if added_by_browser(key):
                continue
            if key.lower() == "content-type" and content_type is not None:
                continue  # -ContentType wins
            if key.lower() == "user-agent" and user_agent:
                continue
            headers.append(self.header(key, text, at))
        if user_agent:
            headers.insert(0, self.header("User-Agent", user_agent, start))
        cookies = self.cookies(session, url, warnings) if session else None
        if cookies is not None:
            headers.append(cookies)
        body = self.body(values.get("Body"), method, query, content_type, headers)
        if (
            body is not None
            and content_type is None
            and method == "POST"
            and not any(h.name.lower() == "content-type" for h in headers)
        ):
            content_type = "application/x-www-form-urlencoded"
        if content_type is not None:
            headers.append(
                self.header(
                    "Content-Type",
                    content_type,
                    values["ContentType"].at if "ContentType" in values else start,
                )
            )
        request = Request(method, url, headers, query, body, auth)
        return ReadRequest(request, where=self.where(start), warnings=warnings)

    def text_of(self, value: _Value | None) -> str | None:
        if value is None:
            return None
        if value.text is None:
            raise self.error("expected a string here", value.at)
        return value.text

    def session(self, value: _Value | None) -> _Session | None:
        if value is None:
            return None
        if value.variable is None:
            raise self.error("-WebSession takes the $session the text creates", value.at)
        return self.sessions[value.variable]

    def header(self, name: str, value: str, at: int) -> Header:
        try:
            return header(name, value)
        except PartError as exc:
            raise self.error(str(exc), at) from None

    def cookies(self, session: _Session, url: str, warnings: list[ReadWarning]) -> Header | None:
        host = url.split("://", 1)[-1].split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0].lower()
        pairs = []
        for name, value, domain, at in session.cookies:
            wanted = domain.lower().lstrip(".")
            if wanted and not (host == wanted or host.endswith("." + wanted)):
                warnings.append(
                    ReadWarning(
                        self.where(at),
                        f"cookie {name}",
                        f"is for {domain}, so PowerShell does not send it to {host}; left out",
                    )
                )
                continue
            pairs.append((name, value))
        return cookie_header(pairs) if pairs else None

    def body(
        self,
        value: _Value | None,
        method: str,
        query: list,
        content_type: str | None,
        headers: list[Header],
    ) -> Body | None:
        if value is None:
            return None
        if value.pairs is None:
            text = self.text_of(value)
            assert text is not None
            return Body(text=text)
        encoded = [(_form(k), _form(v)) for k, v, _ in value.pairs]
        if method == "GET":  # PowerShell puts a form in the query of a GET
            from botkit.request import QueryParam

            query.extend(QueryParam(k, v) for k, v in encoded)
            return None
        if content_type is None and not any(h.name.lower() == "content-type" for h in headers):
            headers.append(Header("Content-Type", "application/x-www-form-urlencoded"))
        return Body(text="&".join(f"{k}={v}" for k, v in encoded))


def _form(text: str) -> str:
    return quote(text, safe="-._~*{}").replace("%20", "+")
