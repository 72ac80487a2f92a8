"""The request curl sends for what the options said (a ``CurlState``): curl's rules.

The rules are curl's, checked against curl 7.88 through the loopback oracle in
tests/.  Which headers the resulting request (and so the component) carries:

- every ``-H`` header, in order, duplicates kept, values trimmed of the blanks
  HTTP ignores; ``Name;`` is a header with an empty value;
- headers other options stand for: ``-A`` User-Agent, ``-e`` Referer, ``-b``
  Cookie, ``-r`` Range (``-r 600`` is ``bytes=600-``: curl appends the dash),
  ``--oauth2-bearer`` Authorization; ``-u`` (and credentials in the URL) becomes
  the component's ``auth``, when curl sends them at all (auth.py);
- the Content-Type curl adds for ``-d`` (form-urlencoded) and the Content-Type
  and Accept it adds for ``--json``; a text body *without* Content-Type means
  "send none" (the exporter writes ``-H 'Content-Type:'``);
- not the transport headers curl always adds (Host, the default User-Agent and
  ``Accept: */*``, Content-Length, Expect, Accept-Encoding for ``--compressed``,
  the multipart boundary): any HTTP client adds its own.

``Name:`` removes a header curl would add; when the component cannot say
"no such header" (User-Agent, Accept, Host) that is a warning.

Over 350 lines because curl's rules look at the options together: one builder with
a method per part of the request (URL, method, headers, body, credentials), each
saying where its part is written (``botkit.curl.spans``).
"""

from __future__ import annotations

from botkit.curl.auth import choose
from botkit.curl.options import Effect
from botkit.curl.record import Use
from botkit.curl.report import Report
from botkit.curl.spans import HeaderSource, Source, Sources, data_sources, query_sources
from botkit.curl.state import CurlState, Data
from botkit.curl.urls import (
    UrlError,
    append_query,
    proto_allows,
    query_data,
    resolve_url,
    upload_url,
)
from botkit.curl.words import Word
from botkit.errors import InputError
from botkit.request import BasicAuth, Body, Header, Request, parse_query


def build_request(
    state: CurlState, report: Report, command: Word, sources: Sources | None = None
) -> Request:
    """``command`` is the ``curl`` word, where complaints about the whole command go;
    ``sources``, when given, is filled with where each value of the request is written."""
    return _Builder(state, report, command, sources).request()


class _Builder:
    def __init__(
        self, state: CurlState, report: Report, command: Word, sources: Sources | None
    ) -> None:
        self.state = state
        self.report = report
        self.command = command
        self.auth = choose(state.auth_schemes)
        self.sources = sources if sources is not None else Sources()

    def request(self) -> Request:
        state = self.state
        url_word = self._the_url()
        self._check_conflicts()
        url, query, url_auth = self._url(url_word)
        self._refused_or_redirected(url, url_auth, url_word)
        for piece in state.url_queries:
            query = append_query(query, piece)
        body: Body | None = None
        data_text = _join_data(state.data) if state.data else None
        url_query = parse_query(query) if query is not None else []
        if state.get and data_text is not None:
            query = append_query(query, query_data(data_text))
        elif data_text is not None:
            body = Body(text=data_text)
            self.sources.body = data_sources(state.data)
        elif state.forms:
            body = Body(parts=tuple(state.forms))
        elif state.upload is not None:
            body = Body(text=state.upload[2])
            url = upload_url(url, state.upload[1])
        if query is not None and any(c in query for c in " \t\r\n"):
            raise self.report.error(
                "curl rejects a URL with a blank or line break in its query (curl error 3); "
                "write a space as %20 or +",
                url_word,
            )
        self._http_version(url)
        request = Request(
            method=self._method(),
            url=url,
            headers=self._headers(),
            query=parse_query(query) if query is not None else [],
            body=body,
            auth=self._auth(url_auth),
        )
        self._place(url_word, url_query, request)
        return request

    def _place(self, url_word: Word, url_query: list, request: Request) -> None:
        """Where the URL, the method, the query and the credentials are written."""
        state, sources = self.state, self.sources
        sources.url = Source(url_word)
        sources.data_option = state.data_word
        sources.parts = list(state.form_words)
        if state.method_word is not None:
            sources.method = Source(state.method_word)
        else:
            sources.method_option = state.head or state.data_word or state.form_word
            if state.upload is not None:
                sources.method_option = state.upload[0]
        in_url = query_sources(url_word, len(url_query))
        sources.query = [in_url[k] if k < len(in_url) else None for k in range(len(request.query))]
        if state.user is not None and request.auth is not None:
            word, text = state.user
            colon = text.find(":")
            sources.user_option = word
            sources.username = Source(word, 0, colon if colon >= 0 else len(text))
            sources.password = Source(word, colon + 1) if colon >= 0 else None

    def _http_version(self, url: str) -> None:
        """A component has no HTTP version: say so where the choice shows on the wire."""
        use = self.state.http_version
        if use is None:
            return
        effect = use.option.effect
        plain = url[:7].lower() == "http://"
        if effect == Effect.HTTP_VERSION_WARN or (effect == Effect.HTTP_UPGRADE and plain):
            self.report.warn(
                use.spelled,
                f"{use.option.note}; a component cannot say which HTTP version to speak, "
                "so it is left out",
                use.word,
            )

    def _refused_or_redirected(self, url: str, url_auth: BasicAuth | None, url_word: Word) -> None:
        """Options that make curl refuse this URL (it sends nothing, so there is no request
        to import), or that may send it over https though it says http."""
        state = self.state
        scheme = url.split("://", 1)[0].lower()
        if state.proto is not None:
            spec = state.proto.value
            try:
                allowed = proto_allows(spec.text, scheme)
            except UrlError as exc:
                message = f"{state.proto.spelled}: curl refuses it: {exc}"
                raise self.report.error(message, spec) from None
            if not allowed:
                raise self.report.error(
                    f"{state.proto.spelled} {spec.text} does not allow {scheme}: curl refuses "
                    "this URL and sends nothing (curl error 1)",
                    spec,
                )
        if state.no_url_user is not None and url_auth is not None:
            raise self.report.error(
                "--disallow-username-in-url, and the URL holds a user name: curl refuses it "
                "and sends nothing (curl error 67)",
                url_word,
            )
        if state.hsts is not None and scheme == "http":
            self.report.warn(
                state.hsts.spelled,
                "curl sends an http:// URL over https when its HSTS file lists the host; "
                "the component keeps http://",
                state.hsts.word,
            )

    def _the_url(self) -> Word:
        urls = self.state.urls
        if not urls:
            raise InputError("the curl command has no URL", source=self.report.source)
        if len(urls) > 1:
            raise self.report.error(
                f"a second URL: curl would send one request per URL ({len(urls)} here), "
                "and a component holds one",
                urls[1],
            )
        return urls[0]

    def _check_conflicts(self) -> None:
        """curl refuses to mix these: "You can only select one HTTP request method!"."""
        state = self.state
        kinds = []
        if state.data and not state.get:
            kinds.append(("-d/--data", state.data_word))
        if state.forms:
            kinds.append(("-F/--form", state.form_word))
        if state.upload is not None:
            kinds.append(("-T/--upload-file", state.upload[0]))
        if state.head is not None and kinds:
            kinds.append(("-I/--head", state.head))
        if len(kinds) > 1:
            kinds.sort(key=lambda kind: (kind[1].line, kind[1].column) if kind[1] else (0, 0))
            (first, _), (second, word) = kinds[-2], kinds[-1]
            raise self.report.error(
                f"curl cannot send {first} and {second} in one request "
                '("You can only select one HTTP request method!")',
                word or self.command,
            )

    def _method(self) -> str:
        state = self.state
        if state.method is not None:
            return state.method
        if state.head is not None:
            return "HEAD"
        if state.upload is not None:
            return "PUT"
        if (state.data and not state.get) or state.forms:
            return "POST"
        return "GET"

    def _url(self, word: Word) -> tuple[str, str | None, BasicAuth | None]:
        """The URL curl would use: see urls.resolve_url; its complaints located at ``word``."""
        try:
            return resolve_url(
                word.text,
                globoff=self.state.globoff,
                path_as_is=self.state.path_as_is,
                default_scheme=self.state.default_scheme,
            )
        except UrlError as exc:
            raise self.report.error(str(exc), word) from None

    def _headers(self) -> list[Header]:
        state = self.state
        custom = {name.lower() for _, name, value in state.headers if value is not None}
        removed: dict[str, Word] = {}
        for word, name, value in state.headers:
            if value is None:
                removed.setdefault(name.lower(), word)
        taken = custom | set(removed)
        out: list[Header] = []
        placed = self.sources.headers = []

        def implied(name: str, value: str, option: Word | None = None) -> None:
            if name.lower() not in taken:
                out.append(Header(name, value))
                placed.append(HeaderSource(option=option, implied=True))

        if state.bearer is not None and self.auth.sends == "bearer":
            implied("Authorization", f"Bearer {state.bearer}")
        if state.range is not None:
            implied("Range", f"bytes={self._range(state.range)}", state.range_word)
        if state.user_agent is not None and state.user_agent[1]:
            implied("User-Agent", state.user_agent[1], state.user_agent[0])
        if state.referer:
            implied("Referer", state.referer)
        if state.cookies:
            implied("Cookie", ";".join(state.cookies))
        for (word, name, value), where in zip(state.headers, state.header_sources, strict=True):
            if value is not None:
                out.append(Header(name, value))
                placed.append(HeaderSource(*where, word) if where else HeaderSource(option=word))
        json = any(d.json for d in state.data)
        has_body = bool(state.data) and not state.get
        if has_body:
            implied(
                "Content-Type",
                "application/json" if json else "application/x-www-form-urlencoded",
                state.data_word,
            )
        if has_body and json:
            implied("Accept", "application/json", state.data_word)
        self._absent_headers(removed, custom, json and has_body)
        return out

    def _absent_headers(self, removed: dict[str, Word], custom: set[str], json: bool) -> None:
        """``-H 'Name:'`` and ``-A ''`` send no header at all; say when a component
        cannot express that (it would get the HTTP client's default instead)."""
        state = self.state
        absent: dict[str, Word] = {}
        for name in ("host", "user-agent", "accept"):
            if name in removed and name not in custom:
                absent[name] = removed[name]
        if state.user_agent is not None and not state.user_agent[1] and "user-agent" not in custom:
            absent["user-agent"] = state.user_agent[0]
        if json and "accept" in removed:
            absent["accept"] = removed["accept"]
        if state.forms and "content-type" in removed and "content-type" not in custom:
            absent["content-type"] = removed["content-type"]
        body = (state.data and not state.get) or state.forms or state.upload
        if body and "content-length" in removed and "content-length" not in custom:
            absent["content-length"] = removed["content-length"]
        for name, word in absent.items():
            self.report.warn(
                "-H",
                f"curl sends no {_title(name)} header here; a component cannot say "
                "'no such header', so its HTTP client's default is sent instead",
                word,
            )

    def _range(self, text: str) -> str:
        """``-r 600`` means from byte 600 on: curl reads the number and appends the dash."""
        if not text[:1].isdigit() or "-" in text:
            return text
        digits = text[: len(text) - len(text.lstrip("0123456789"))]
        if int(digits) >= 2**63:
            raise self.report.error(
                "curl rejects this range: the number is too large ('option -r: is badly used "
                "here')",
                self.state.range_word or self.command,
            )
        return f"{int(digits)}-"

    def _auth(self, url_auth: BasicAuth | None) -> BasicAuth | None:
        """``-u`` (or the URL's credentials) when curl sends them as Basic auth; kept
        even when an Authorization header replaces it on the wire: exporting both
        sends the same bytes again."""
        state = self.state
        self._auth_warnings(url_auth)
        if self.auth.sends != "basic":
            return None
        if any(n.lower() == "authorization" and v is None for _, n, v in state.headers):
            return None  # -H 'Authorization:' stops curl from sending its own
        if state.user is None:
            return url_auth
        word, text = state.user
        user, colon, password = text.partition(":")
        if not colon:
            password = "{{password}}"
            self.report.warn(
                "-u",
                "curl would ask for the password when it runs; the component "
                "gets {{password}} in its place",
                word,
            )
        if any(c in text for c in "\r\n"):
            raise self.report.error("the -u credentials hold a line break", word)
        return BasicAuth(user, password)

    def _auth_warnings(self, url_auth: BasicAuth | None) -> None:
        """Name the option that keeps credentials off the first request, and what is lost."""
        state, choice = self.state, self.auth
        lost = []
        if choice.sends != "basic" and (state.user is not None or url_auth is not None):
            lost.append("-u credentials" if state.user is not None else "URL's credentials")
        if choice.sends != "bearer" and state.bearer is not None:
            lost.append("--oauth2-bearer token")
        if choice.sends == "bearer" and state.user is not None:
            self.report.warn(
                "-u",
                "curl sends the --oauth2-bearer token, not these credentials; they are left out",
                state.user[0],
            )
        for use in choice.deciders:
            self.report.warn(
                use.spelled,
                f"{use.option.note}; a component cannot do that, so it is left out"
                + _lost(lost, use),
                use.word,
            )
        if choice.mixed is not None:
            use = choice.mixed
            self.report.warn(
                use.spelled,
                "with both Basic and Bearer to choose from, curl sends no credentials until "
                "the server asks for one; a component cannot do that, so it holds none"
                + _lost(lost, use),
                use.word,
            )


def _lost(lost: list[str], use: Use) -> str:
    if not lost:
        return ""
    what = " and ".join(lost)
    verb = "is" if len(lost) == 1 and not lost[0].endswith("credentials") else "are"
    how = (
        "which curl signs the request with"
        if use.option.effect == Effect.AWS_SIGV4
        else "which curl sends only in answer to the server's challenge"
    )
    return f", and so {verb} the {what}, {how}"


def _join_data(pieces: list[Data]) -> str:
    """Repeated data joins with '&'; --json pieces join with nothing (curl 7.88, measured)."""
    out = ""
    for k, piece in enumerate(pieces):
        out += piece.text if piece.json or k == 0 else "&" + piece.text
    return out


def _title(name: str) -> str:
    return "-".join(part.capitalize() for part in name.split("-"))
