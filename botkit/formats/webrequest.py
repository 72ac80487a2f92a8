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

This module reads the statements; what a cmdlet call sends is worked out by
``webrequest_request.py``.  Over 350 lines because it is one reader of PowerShell's
statement syntax (statements, session lines, constructor arguments, values,
hashtables, parameters) whose methods move one cursor through the text; split,
each piece would need the others' cursor handling.
"""

from __future__ import annotations

import re

from botkit.curl.powershell_reader import PowerShellStrings
from botkit.errors import InputError
from botkit.formats import ReadOptions
from botkit.formats.result import ReadRequest, ReadResult, ReadWarning
from botkit.formats.webrequest_request import CmdletRequest, Session, Value

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
    return _StatementReader(PowerShellStrings.without_prompt(text), source).read()


class _StatementReader:
    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.strings = PowerShellStrings(text, source)
        self.sessions: dict[str, Session] = {}
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
                self.sessions[assignment.group(1).lower()] = Session()
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

    def cookie(self, session: Session) -> None:
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
        values: dict[str, Value] = {}
        switches: dict[str, int] = {}
        positional: list[Value] = []
        while True:
            self.skip_blanks()
            if self.at_end_of_statement():
                break
            at = self.i
            param = re.compile(r"-([A-Za-z]\w*)(:?)").match(self.text, self.i)
            if param is None:
                positional.append(Value(at, text=self.value_text("an argument")))
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
        return CmdletRequest(self.strings, self.sessions).request(values, switches, start)

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

    def value(self, what: str) -> Value:
        at = self.i
        if self.text.startswith("@{", self.i):
            return Value(at, pairs=self.hashtable())
        var = _VARIABLE_WORD.match(self.text, self.i)
        if var and var.group(1).lower() in self.sessions:
            self.i = var.end()
            return Value(at, variable=var.group(1).lower())
        return Value(at, text=self.value_text(what))

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
