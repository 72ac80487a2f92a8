"""What one Invoke-WebRequest call sends, from the parameters the reader found.

Parameters that change the request but have no place in a component (``-Credential``,
``-Proxy``, ``-InFile``...) are named in a warning, never dropped in silence.  A
``-Body`` hashtable is a form: in the query of a GET, else the body, with PowerShell's
Content-Type ``application/x-www-form-urlencoded`` for a POST that sets none.  A
session's cookies go out only to the domain each is for, as PowerShell sends them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from botkit.curl.powershell_reader import PowerShellStrings
from botkit.errors import InputError
from botkit.formats.parts import (
    PartError,
    added_by_browser,
    cookie_header,
    form_encode,
    header,
    url_parts,
)
from botkit.formats.result import ReadRequest, ReadWarning
from botkit.request import Body, Header, QueryParam, Request

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
class Session:
    user_agent: str | None = None
    cookies: list[tuple[str, str, str, int]] = field(
        default_factory=list
    )  # name, value, domain, at


@dataclass
class Value:
    """A parameter's value: text, a hashtable's pairs, or a $variable."""

    at: int
    text: str | None = None
    pairs: list[tuple[str, str, int]] | None = None
    variable: str | None = None


class CmdletRequest:
    """The request of a cmdlet call, its positions and errors in the text's terms."""

    def __init__(self, strings: PowerShellStrings, sessions: dict[str, Session]) -> None:
        self.strings = strings
        self.sessions = sessions

    def where(self, at: int) -> str:
        line, column = self.strings.locator.at(at)
        return f"{line}:{column}"

    def error(self, message: str, at: int) -> InputError:
        return self.strings.locator.error(message, at)

    def request(
        self, values: dict[str, Value], switches: dict[str, int], start: int
    ) -> ReadRequest:
        warnings: list[ReadWarning] = []
        for name, value in [*values.items(), *((s, Value(at)) for s, at in switches.items())]:
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

    def text_of(self, value: Value | None) -> str | None:
        if value is None:
            return None
        if value.text is None:
            raise self.error("expected a string here", value.at)
        return value.text

    def session(self, value: Value | None) -> Session | None:
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

    def cookies(self, session: Session, url: str, warnings: list[ReadWarning]) -> Header | None:
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
        value: Value | None,
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
        encoded = [(form_encode(k), form_encode(v)) for k, v, _ in value.pairs]
        if method == "GET":  # PowerShell puts a form in the query of a GET
            query.extend(QueryParam(k, v) for k, v in encoded)
            return None
        if content_type is None and not any(h.name.lower() == "content-type" for h in headers):
            headers.append(Header("Content-Type", "application/x-www-form-urlencoded"))
        return Body(text="&".join(f"{k}={v}" for k, v in encoded))
