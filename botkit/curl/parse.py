"""argv -> Request: what curl sends for these options, and warnings for what a component loses.

The rules are curl's, checked against curl 7.88 through the loopback oracle in
tests/.  Which headers the resulting request (and so the component) carries:

- every ``-H`` header, in order, duplicates kept, values trimmed of the blanks
  HTTP ignores; ``Name;`` is a header with an empty value;
- headers other options stand for: ``-A`` User-Agent, ``-e`` Referer, ``-b``
  Cookie, ``-r`` Range, ``--oauth2-bearer`` Authorization; ``-u`` (and
  credentials in the URL) becomes the component's ``auth``;
- the Content-Type curl adds for ``-d`` (form-urlencoded) and the Content-Type
  and Accept it adds for ``--json``; a text body *without* Content-Type means
  "send none" (the exporter writes ``-H 'Content-Type:'``);
- not the transport headers curl always adds (Host, the default User-Agent and
  ``Accept: */*``, Content-Length, Expect, Accept-Encoding for ``--compressed``,
  the multipart boundary): any HTTP client adds its own.

``Name:`` removes a header curl would add; when the component cannot say
"no such header" (User-Agent, Accept, Host) that is a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from botkit.curl.forms import FormSyntaxError, parse_form
from botkit.curl.options import CurlOption, Effect, OptionError, by_long, by_short
from botkit.curl.result import CurlRead, CurlWarning
from botkit.curl.urls import (
    UrlError,
    append_query,
    query_data,
    split_url,
    upload_url,
    urlencode,
)
from botkit.curl.words import ShellCommand, Word, one_line
from botkit.errors import InputError
from botkit.request import BasicAuth, Body, FormPart, Header, Request, parse_query

_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
# A media type with parameters; mirrors $defs/mediaType in schemas/component.schema.json.
_MEDIA_TYPE = re.compile(
    r"[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+"
    r"(?:[ \t]*;[ \t]*[!#$%&'*+.^_`|~0-9A-Za-z-]+="
    r"(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+|\"[^\"\\\r\n]*\"))*"
)


@dataclass
class _Data:
    text: str
    json: bool


@dataclass
class _State:
    """Everything the options said, before curl's rules turn it into one request."""

    urls: list[Word] = field(default_factory=list)
    method: str | None = None
    headers: list[tuple[Word, str, str | None]] = field(default_factory=list)  # None: removal
    data: list[_Data] = field(default_factory=list)
    data_word: Word | None = None
    forms: list[FormPart] = field(default_factory=list)
    form_word: Word | None = None
    upload: tuple[Word, str, str] | None = None  # (option word, file name, content)
    user: tuple[Word, str] | None = None
    bearer: str | None = None
    cookies: list[str] = field(default_factory=list)
    user_agent: tuple[Word, str] | None = None
    referer: str | None = None
    range: str | None = None
    url_queries: list[str] = field(default_factory=list)
    get: bool = False
    head: Word | None = None
    globoff: bool = False
    path_as_is: bool = False
    default_scheme: str = "http"


class _Parser:
    def __init__(
        self, command: ShellCommand, source: str, base_dir: Path | None, strict: bool
    ) -> None:
        self.command = command
        self.source = source
        self.base_dir = base_dir if base_dir is not None else Path.cwd()
        self.strict = strict
        self.state = _State()
        self.warnings: list[CurlWarning] = []
        self._stdin_used = False

    # --- reporting ---------------------------------------------------------------------

    def error(self, message: str, word: Word) -> InputError:
        return InputError(one_line(message), source=self.source, line=word.line, column=word.column)

    def warn(self, option: str, message: str, word: Word) -> None:
        option, message = one_line(option), one_line(message)
        warning = CurlWarning(option, message, word.line, word.column)
        if self.strict:
            raise self.error(f"{option}: {message} (--strict)", word)
        self.warnings.append(warning)

    # --- argv ----------------------------------------------------------------------------

    def run(self) -> CurlRead:
        for note in self.command.notes:
            self.warn(note.option, note.message, Word("", note.line, note.column))
        args = self.command.words[1:]
        i = 0
        options_end = False
        while i < len(args):
            word = args[i]
            text = word.text
            i += 1
            if options_end or not text.startswith("-") or text == "-":
                self.state.urls.append(word)
            elif text == "--":
                options_end = True
            elif text.startswith("--"):
                try:
                    option, negated = by_long(text[2:])
                except OptionError as exc:
                    raise self.error(str(exc), word) from None
                if option.takes_arg:
                    value, i = self._argument(args, i, word, text)
                    self._apply(option, text, value, word)
                else:
                    self._flag(option, text, word, negated=negated)
            else:
                i = self._short(args, i, word)
        first = self.command.words[0]
        return CurlRead(self._build(), self.warnings, first.line, first.column)

    def _short(self, args: list[Word], i: int, word: Word) -> int:
        """``-sSL``, ``-XPOST``, ``-H'A: b'``: letters until one takes the rest as its value."""
        letters = word.text[1:]
        for k, letter in enumerate(letters):
            option = by_short(letter)
            spelled = "-" + letter
            if option is None:
                raise self.error(f"{spelled} is not a curl option", word)
            if option.takes_arg:
                rest = letters[k + 1 :]
                if rest:
                    value = Word(rest, word.line, word.column)
                else:
                    value, i = self._argument(args, i, word, spelled)
                self._apply(option, spelled, value, word)
                return i
            self._flag(option, spelled, word, negated=False)
        return i

    def _argument(self, args: list[Word], i: int, word: Word, spelled: str) -> tuple[Word, int]:
        if i >= len(args):
            raise self.error(f"{spelled} needs a value, and the command ends here", word)
        return args[i], i + 1

    def _flag(self, option: CurlOption, spelled: str, word: Word, *, negated: bool) -> None:
        state = self.state
        effect = option.effect
        on = not negated
        if effect is Effect.GET:
            state.get = on
        elif effect is Effect.HEAD:
            state.head = word if on else None
        elif effect is Effect.GLOBOFF:
            state.globoff = on
        elif effect is Effect.PATH_AS_IS:
            state.path_as_is = on
        elif effect is Effect.WARN and on:
            self._unsupported(spelled, option, word)
        elif effect is Effect.FAIL:
            raise self._fail(spelled, option, word)

    def _unsupported(self, spelled: str, option: CurlOption, word: Word) -> None:
        self.warn(spelled, f"{option.note}; a component cannot do that, so it is left out", word)

    def _fail(self, spelled: str, option: CurlOption, word: Word) -> InputError:
        return self.error(f"{spelled} {option.note}; botkit imports one request it can read", word)

    def _apply(self, option: CurlOption, spelled: str, value: Word, word: Word) -> None:
        state = self.state
        effect = option.effect
        text = value.text
        if effect is Effect.URL:
            state.urls.append(value)
        elif effect is Effect.REQUEST:
            if not _TOKEN.fullmatch(text):
                raise self.error(
                    f"{spelled} needs an HTTP method (letters, digits and !#$%&'*+-.^_`|~)", value
                )
            state.method = text
        elif effect is Effect.HEADER:
            self._header(text, value)
        elif effect in (Effect.DATA, Effect.DATA_BINARY, Effect.DATA_RAW, Effect.JSON):
            self._data(effect, text, value)
            state.data_word = state.data_word or word
        elif effect is Effect.DATA_URLENCODE:
            state.data.append(_Data(self._urlencoded(text, value, upper=True), json=False))
            state.data_word = state.data_word or word
        elif effect is Effect.URL_QUERY:
            state.url_queries.append(self._url_query(text, value))
        elif effect in (Effect.FORM, Effect.FORM_STRING):
            self._form(effect, spelled, text, value)
            state.form_word = state.form_word or word
        elif effect is Effect.UPLOAD:
            content = self._read(text, value, strip_newlines=False)
            state.upload = (word, text, content)
        elif effect is Effect.USER:
            state.user = (value, text)
        elif effect is Effect.BEARER:
            state.bearer = text
        elif effect is Effect.COOKIE:
            if "=" in text:
                state.cookies.append(text)
            else:
                self.warn(
                    spelled,
                    "reads cookies from a file, which botkit does not open; they are left out",
                    word,
                )
        elif effect is Effect.USER_AGENT:
            state.user_agent = (word, text)
        elif effect is Effect.REFERER:
            state.referer = text[: -len(";auto")] if text.endswith(";auto") else text
        elif effect is Effect.RANGE:
            state.range = text
        elif effect is Effect.PROTO_DEFAULT:
            state.default_scheme = text.lower()
        elif effect is Effect.WARN:
            self._unsupported(spelled, option, word)
        elif effect is Effect.FAIL:
            raise self._fail(spelled, option, word)

    # --- option values ------------------------------------------------------------------

    def _header(self, text: str, word: Word) -> None:
        if text.startswith("@"):
            content = self._read(text[1:], word, strip_newlines=False)
            for line in content.splitlines():
                if line.strip():
                    self._header(line, word)
            return
        name, colon, value = text.partition(":")
        if not colon:
            if text.endswith(";") and text[:-1].strip():
                name, value = text[:-1].strip(), ""
                self._check_header_name(name, word)
                self.state.headers.append((word, name, ""))
                return
            first = text.split(None, 1)[0] if text.strip() else ""
            self.warn("-H", f"header {_mask(first)!r} has no ':', so curl does not send it", word)
            return
        name = name.strip(" \t")
        self._check_header_name(name, word)
        value = value.strip(" \t")
        if "\n" in value or "\r" in value or "\x00" in value:
            raise self.error(f"the {name} header value holds a line break", word)
        self.state.headers.append((word, name, value if value else None))

    def _check_header_name(self, name: str, word: Word) -> None:
        if not _TOKEN.fullmatch(name):
            raise self.error(
                f"{_mask(name)!r} is not a valid HTTP header name (letters, digits and "
                "!#$%&'*+-.^_`|~ only)",
                word,
            )

    def _data(self, effect: Effect, text: str, word: Word) -> None:
        if effect is not Effect.DATA_RAW and text.startswith("@"):
            text = self._read(text[1:], word, strip_newlines=effect is Effect.DATA)
        self.state.data.append(_Data(text, json=effect is Effect.JSON))

    def _urlencoded(self, text: str, word: Word, *, upper: bool) -> str:
        """``--data-urlencode``'s forms: content, =content, name=content, @file, name@file."""
        eq, at = text.find("="), text.find("@")
        split = eq if eq >= 0 else at
        if split < 0:
            return urlencode(text, upper=upper)
        name = text[:split]
        if text[split] == "=":
            content = text[split + 1 :]
        else:
            content = self._read(text[split + 1 :], word, strip_newlines=False)
        encoded = urlencode(content, upper=upper)
        return f"{name}={encoded}" if name else encoded

    def _url_query(self, text: str, word: Word) -> str:
        """``--url-query``: like --data-urlencode (lower-case hex), ``+`` for as written."""
        if text.startswith("+"):
            return text[1:]
        return self._urlencoded(text, word, upper=False)

    def _form(self, effect: Effect, spelled: str, text: str, word: Word) -> None:
        if effect is Effect.FORM_STRING:
            name, eq, value = text.partition("=")
            if not eq or not name:
                raise self.error(f"{spelled} needs name=value", word)
            self.state.forms.append(FormPart(name=name, value=value))
            return
        try:
            spec = parse_form(text)
        except FormSyntaxError as exc:
            raise self.error(f"{spelled} {exc}", word) from None
        if not spec.name:
            raise self.error(f"{spelled} needs a part name before '='", word)
        names = [spec.name, spec.filename or "", spec.content if spec.source == "file" else ""]
        if any("\n" in t or "\r" in t for t in names):
            raise self.error(f"{spelled}: a part name or file name holds a line break", word)
        if spec.type is not None and not _MEDIA_TYPE.fullmatch(spec.type):
            raise self.error(
                f"{spelled}: curl takes type= as a media type like text/plain "
                "(it rejects this one: 'option -F: is badly used here')",
                word,
            )
        for attribute in spec.unsupported or ():
            self.warn(
                spelled,
                f"the part's {attribute}= has no place in a component; it is left out",
                word,
            )
        for skipped in spec.skipped or ():
            self.warn(
                spelled,
                f"curl skips {_mask(skipped)!r} in this part "
                "(not a type=, filename=, headers= or encoder=)",
                word,
            )
        if spec.source == "file":
            part = FormPart(
                name=spec.name, file=spec.content, filename=spec.filename, type=spec.type
            )
        else:
            value = spec.content
            if spec.source == "content":
                value = self._read(spec.content, word, strip_newlines=False)
            part = FormPart(name=spec.name, value=value, filename=spec.filename, type=spec.type)
        self.state.forms.append(part)

    def _read(self, name: str, word: Word, *, strip_newlines: bool) -> str:
        """A file (or ``-``, standard input) as text; ``-d @file`` drops CR and LF like curl."""
        data = self._stdin(word) if name == "-" else self._file(name, word)
        if b"\x00" in data:
            raise self.error(
                "the data holds NUL bytes (binary data); a component body holds text", word
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise self.error(
                "the data is not UTF-8 text; a component body holds text", word
            ) from None
        if strip_newlines:
            text = text.replace("\r", "").replace("\n", "")
        return text

    def _file(self, name: str, word: Word) -> bytes:
        path = Path(name)
        if not path.is_absolute():
            path = self.base_dir / path
        try:
            return path.read_bytes()
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise self.error(
                f"cannot read the file {name!r} the command names ({reason})", word
            ) from None

    def _stdin(self, word: Word) -> bytes:
        stdin = self.command.stdin
        if self._stdin_used:
            return b""  # curl reads standard input once; a second @- gets nothing
        self._stdin_used = True
        if stdin is None:
            raise self.error(
                "reads standard input (@-), and the text gives none; add a here-document "
                "(<<'EOF' ... EOF) or put the data in the option",
                word,
            )
        if stdin.kind == "pipe":
            raise self.error(
                "reads standard input (@-) from the command before '|', which botkit does "
                "not run; put the data in the option instead",
                word,
            )
        if stdin.kind == "file":
            return self._file(stdin.value, Word(stdin.value, stdin.line, stdin.column))
        return stdin.value.encode("utf-8")

    # --- the request -----------------------------------------------------------------------

    def _build(self) -> Request:
        state = self.state
        url_word = self._the_url()
        self._check_conflicts()
        url, query, url_auth = self._url(url_word)
        for piece in state.url_queries:
            query = append_query(query, piece)
        body: Body | None = None
        data_text = _join_data(state.data) if state.data else None
        if state.get and data_text is not None:
            query = append_query(query, query_data(data_text))
        elif data_text is not None:
            body = Body(text=data_text)
        elif state.forms:
            body = Body(parts=tuple(state.forms))
        elif state.upload is not None:
            body = Body(text=state.upload[2])
            url = upload_url(url, state.upload[1])
        if query is not None and any(c in query for c in " \t\r\n"):
            raise self.error(
                "curl rejects a URL with a blank or line break in its query (curl error 3); "
                "write a space as %20 or +",
                url_word,
            )
        return Request(
            method=self._method(),
            url=url,
            headers=self._headers(),
            query=parse_query(query) if query is not None else [],
            body=body,
            auth=self._auth(url_auth),
        )

    def _the_url(self) -> Word:
        urls = self.state.urls
        if not urls:
            raise InputError("the curl command has no URL", source=self.source)
        if len(urls) > 1:
            raise self.error(
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
            raise self.error(
                f"curl cannot send {first} and {second} in one request "
                '("You can only select one HTTP request method!")',
                word or self.command.words[0],
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
        """The URL curl would use: see urls.split_url; its complaints located at ``word``."""
        try:
            return split_url(
                word.text,
                globoff=self.state.globoff,
                path_as_is=self.state.path_as_is,
                default_scheme=self.state.default_scheme,
            )
        except UrlError as exc:
            raise self.error(str(exc), word) from None

    def _headers(self) -> list[Header]:
        state = self.state
        custom = {name.lower() for _, name, value in state.headers if value is not None}
        removed: dict[str, Word] = {}
        for word, name, value in state.headers:
            if value is None:
                removed.setdefault(name.lower(), word)
        taken = custom | set(removed)
        out: list[Header] = []

        def implied(name: str, value: str) -> None:
            if name.lower() not in taken:
                out.append(Header(name, value))

        if state.bearer is not None:
            implied("Authorization", f"Bearer {state.bearer}")
        if state.range is not None:
            implied("Range", f"bytes={state.range}")
        if state.user_agent is not None and state.user_agent[1]:
            implied("User-Agent", state.user_agent[1])
        if state.referer:
            implied("Referer", state.referer)
        if state.cookies:
            implied("Cookie", ";".join(state.cookies))
        out.extend(Header(name, value) for _, name, value in state.headers if value is not None)
        json = any(d.json for d in state.data)
        has_body = bool(state.data) and not state.get
        if has_body:
            implied(
                "Content-Type", "application/json" if json else "application/x-www-form-urlencoded"
            )
        if has_body and json:
            implied("Accept", "application/json")
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
            self.warn(
                "-H",
                f"curl sends no {_title(name)} header here; a component cannot say "
                "'no such header', so its HTTP client's default is sent instead",
                word,
            )

    def _auth(self, url_auth: BasicAuth | None) -> BasicAuth | None:
        """``-u`` (or the URL's credentials), kept even when an Authorization header
        replaces it on the wire: exporting both sends the same bytes again."""
        state = self.state
        if any(n.lower() == "authorization" and v is None for _, n, v in state.headers):
            return None  # -H 'Authorization:' stops curl from sending its own
        if state.user is None:
            return url_auth
        word, text = state.user
        user, colon, password = text.partition(":")
        if not colon:
            password = "{{password}}"
            self.warn(
                "-u",
                "curl would ask for the password when it runs; the component "
                "gets {{password}} in its place",
                word,
            )
        if any(c in text for c in "\r\n"):
            raise self.error("the -u credentials hold a line break", word)
        return BasicAuth(user, password)


def _join_data(pieces: list[_Data]) -> str:
    """Repeated data joins with '&'; --json pieces join with nothing (curl 7.88, measured)."""
    out = ""
    for k, piece in enumerate(pieces):
        out += piece.text if piece.json or k == 0 else "&" + piece.text
    return out


def _title(name: str) -> str:
    return "-".join(part.capitalize() for part in name.split("-"))


def _mask(value: str) -> str:
    from botkit.redact import mask

    return mask(value)


def parse_command(
    command: ShellCommand, *, source: str, base_dir: Path | None, strict: bool
) -> CurlRead:
    """The request ``command`` makes curl send, with warnings for what a component lacks."""
    if not command.words:
        raise InputError("no curl command found in the text", source=source)
    return _Parser(command, source, base_dir, strict).run()
