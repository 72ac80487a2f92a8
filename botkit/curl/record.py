"""What each option puts into the ``CurlState``: one recorder per ``Effect`` of the table.

argv.py finds each option as written and calls ``RECORDERS[option.effect]``; a
recorder reads the option's value (files included), checks it the way curl
would, and records it.  Nothing here decides the request: build.py does, once
every option is known, because curl's rules look at options together.

Over 350 lines because it is one small recorder per effect of the option table
(about forty), read side by side like the table itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from botkit.curl.inputs import Inputs
from botkit.curl.options import CurlOption, Effect
from botkit.curl.report import Report, mask
from botkit.curl.spans import Source
from botkit.curl.state import CurlState, Data
from botkit.curl.urls import urlencode
from botkit.curl.words import Word
from botkit.http_syntax import MEDIA_TYPE, is_token
from botkit.named_tuples import NamedTuple
from botkit.request import FormPart
from botkit.values import Record


class Use(NamedTuple):
    """One option as written: which, how it was spelled, the word it is in, its value."""

    option: CurlOption
    spelled: str  # "-H", "--header", "--no-get"
    word: Word  # the option itself
    arg: Word | None  # its value; None for a flag
    on: bool = True  # False for --no-NAME

    @property
    def value(self) -> Word:
        assert self.arg is not None, f"{self.spelled} takes no value"
        return self.arg


class Recording(Record):
    """What the recorders share: the state they fill, where complaints go, and files."""

    _fields = ("state", "report", "inputs")

    def __init__(self, state: CurlState, report: Report, inputs: Inputs) -> None:
        self.state = state
        self.report = report
        self.inputs = inputs


Recorder = Callable[[Recording, Use], None]


# --- options that change nothing, or cannot be carried over -----------------------------


def _neutral(r: Recording, use: Use) -> None:
    """Changes nothing the server receives (output, progress, timeouts, TLS checks...)."""


def _warn(r: Recording, use: Use) -> None:
    if use.on:
        r.report.warn(
            use.spelled,
            f"{use.option.note}; a component cannot do that, so it is left out",
            use.word,
        )


def _fail(r: Recording, use: Use) -> None:
    raise r.report.error(
        f"{use.spelled} {use.option.note}; botkit imports one request it can read", use.word
    )


# --- the target and the method ----------------------------------------------------------


def _url(r: Recording, use: Use) -> None:
    r.state.urls.append(use.value)


def _request(r: Recording, use: Use) -> None:
    value = use.value
    if not is_token(value.text):
        raise r.report.error(
            f"{use.spelled} needs an HTTP method (letters, digits and !#$%&'*+-.^_`|~)", value
        )
    r.state.method = value.text
    r.state.method_word = value


def _get(r: Recording, use: Use) -> None:
    r.state.get = use.on


def _head(r: Recording, use: Use) -> None:
    r.state.head = use.word if use.on else None


def _globoff(r: Recording, use: Use) -> None:
    r.state.globoff = use.on


def _path_as_is(r: Recording, use: Use) -> None:
    r.state.path_as_is = use.on


def _proto_default(r: Recording, use: Use) -> None:
    r.state.default_scheme = use.value.text.lower()


def _proto(r: Recording, use: Use) -> None:
    r.state.proto = use


def _no_url_user(r: Recording, use: Use) -> None:
    r.state.no_url_user = use.word if use.on else None


def _hsts(r: Recording, use: Use) -> None:
    r.state.hsts = use


def _url_query(r: Recording, use: Use) -> None:
    """``--url-query``: like --data-urlencode (lower-case hex), ``+`` for as written."""
    text = use.value.text
    if text.startswith("+"):
        r.state.url_queries.append(text[1:])
    else:
        r.state.url_queries.append(_urlencoded(r, text, use.value, upper=False))


# --- headers and what stands for one -------------------------------------------------------


def _header(r: Recording, use: Use) -> None:
    _header_line(r, use.value.text, use.value, from_word=True)


def _header_line(r: Recording, text: str, word: Word, *, from_word: bool = False) -> None:
    """``from_word``: ``text`` is the word's own text (not a line of a file it names)."""
    if text.startswith("@"):
        content = r.inputs.read(text[1:], word, strip_newlines=False)
        for line in content.splitlines():
            if line.strip():
                _header_line(r, line, word)
        return
    name, colon, value = text.partition(":")
    if not colon:
        if text.endswith(";") and text[:-1].strip():
            name = text[:-1].strip()
            _check_header_name(r, name, word)
            r.state.headers.append((word, name, ""))
            r.state.header_sources.append(
                _header_spans(word, text[:-1], len(text)) if from_word else None
            )
            return
        first = text.split(None, 1)[0] if text.strip() else ""
        r.report.warn("-H", f"header {mask(first)!r} has no ':', so curl does not send it", word)
        return
    name = name.strip(" \t")
    _check_header_name(r, name, word)
    value = value.strip(" \t")
    if "\n" in value or "\r" in value or "\x00" in value:
        raise r.report.error(f"the {name} header value holds a line break", word)
    r.state.headers.append((word, name, value if value else None))
    at = text.index(":")
    r.state.header_sources.append(_header_spans(word, text[:at], at + 1) if from_word else None)


def _header_spans(word: Word, name: str, value_at: int) -> tuple[Source, Source]:
    """Where the name (``name`` is the word's text before the colon) and the value (from
    ``value_at`` on) are in the word, blanks around each left out as curl leaves them."""
    text = word.text
    name_start = len(name) - len(name.lstrip())
    name_end = len(name.rstrip())
    value = text[value_at:]
    value_start = value_at + len(value) - len(value.lstrip(" \t"))
    value_end = max(value_at + len(value.rstrip(" \t")), value_start)
    return Source(word, name_start, max(name_end, name_start)), Source(word, value_start, value_end)


def _check_header_name(r: Recording, name: str, word: Word) -> None:
    if not is_token(name):
        raise r.report.error(
            f"{mask(name)!r} is not a valid HTTP header name (letters, digits and "
            "!#$%&'*+-.^_`|~ only)",
            word,
        )


def _user(r: Recording, use: Use) -> None:
    r.state.user = (use.value, use.value.text)


def _bearer(r: Recording, use: Use) -> None:
    r.state.bearer = use.value.text
    r.state.auth_schemes.append(use)


def _auth_scheme(r: Recording, use: Use) -> None:
    """--basic, --digest, --anyauth...: which one curl uses is decided by all of them."""
    r.state.auth_schemes.append(use)


def _http_version(r: Recording, use: Use) -> None:
    r.state.http_version = use if use.on else None


def _cookie(r: Recording, use: Use) -> None:
    text = use.value.text
    if "=" in text:
        r.state.cookies.append(text)
    else:
        r.report.warn(
            use.spelled,
            "reads cookies from a file, which botkit does not open; they are left out",
            use.word,
        )


def _user_agent(r: Recording, use: Use) -> None:
    r.state.user_agent = (use.word, use.value.text)


def _referer(r: Recording, use: Use) -> None:
    text = use.value.text
    r.state.referer = text[: -len(";auto")] if text.endswith(";auto") else text


def _range(r: Recording, use: Use) -> None:
    r.state.range = use.value.text
    r.state.range_word = use.value


# --- the body ----------------------------------------------------------------------------


def _data_reader(*, files: bool, strip_newlines: bool, json: bool) -> Recorder:
    """-d/--data-ascii (``@file`` without CR and LF), --data-binary, --data-raw, --json."""

    def record(r: Recording, use: Use) -> None:
        value = use.value
        text = value.text
        source: Source | None = Source(value)
        if files and text.startswith("@"):
            text = r.inputs.read(text[1:], value, strip_newlines=strip_newlines)
            source = r.inputs.stdin_source(text) if value.text == "@-" else None
        r.state.data.append(Data(text, json=json, source=source))
        r.state.data_word = r.state.data_word or use.word

    return record


def _data_urlencode(r: Recording, use: Use) -> None:
    r.state.data.append(Data(_urlencoded(r, use.value.text, use.value, upper=True), json=False))
    r.state.data_word = r.state.data_word or use.word


def _urlencoded(r: Recording, text: str, word: Word, *, upper: bool) -> str:
    """``--data-urlencode``'s forms: content, =content, name=content, @file, name@file."""
    eq, at = text.find("="), text.find("@")
    split = eq if eq >= 0 else at
    if split < 0:
        return urlencode(text, upper=upper)
    name = text[:split]
    if text[split] == "=":
        content = text[split + 1 :]
    else:
        content = r.inputs.read(text[split + 1 :], word, strip_newlines=False)
    encoded = urlencode(content, upper=upper)
    return f"{name}={encoded}" if name else encoded


def _form_string(r: Recording, use: Use) -> None:
    name, eq, value = use.value.text.partition("=")
    if not eq or not name:
        raise r.report.error(f"{use.spelled} needs name=value", use.value)
    r.state.forms.append(FormPart(name=name, value=value))
    r.state.form_words.append(use.value)
    r.state.form_word = r.state.form_word or use.word


def _form(r: Recording, use: Use) -> None:
    from botkit.curl.forms import FormSyntaxError, parse_form  # only a -F needs its reader

    spelled, word = use.spelled, use.value
    try:
        spec = parse_form(word.text)
    except FormSyntaxError as exc:
        raise r.report.error(f"{spelled} {exc}", word) from None
    if not spec.name:
        raise r.report.error(f"{spelled} needs a part name before '='", word)
    names = [spec.name, spec.filename or "", spec.content if spec.source == "file" else ""]
    if any("\n" in t or "\r" in t for t in names):
        raise r.report.error(f"{spelled}: a part name or file name holds a line break", word)
    if spec.type is not None and not MEDIA_TYPE().fullmatch(spec.type):
        raise r.report.error(
            f"{spelled}: curl takes type= as a media type like text/plain "
            "(it rejects this one: 'option -F: is badly used here')",
            word,
        )
    for attribute in spec.unsupported or ():
        r.report.warn(
            spelled, f"the part's {attribute}= has no place in a component; it is left out", word
        )
    for skipped in spec.skipped or ():
        r.report.warn(
            spelled,
            f"curl skips {mask(skipped)!r} in this part "
            "(not a type=, filename=, headers= or encoder=)",
            word,
        )
    if spec.source == "file":
        part = FormPart(name=spec.name, file=spec.content, filename=spec.filename, type=spec.type)
    else:
        value = spec.content
        if spec.source == "content":
            value = r.inputs.read(spec.content, word, strip_newlines=False)
        part = FormPart(name=spec.name, value=value, filename=spec.filename, type=spec.type)
    r.state.forms.append(part)
    r.state.form_words.append(word)
    r.state.form_word = r.state.form_word or use.word


def _upload(r: Recording, use: Use) -> None:
    name = use.value.text
    content = r.inputs.read(name, use.value, strip_newlines=False)
    r.state.upload = (use.word, name, content)


E = Effect
RECORDERS: Mapping[str, Recorder] = {  # by Effect
    E.URL: _url,
    E.REQUEST: _request,
    E.HEADER: _header,
    E.DATA: _data_reader(files=True, strip_newlines=True, json=False),
    E.DATA_BINARY: _data_reader(files=True, strip_newlines=False, json=False),
    E.DATA_RAW: _data_reader(files=False, strip_newlines=False, json=False),
    E.DATA_URLENCODE: _data_urlencode,
    E.JSON: _data_reader(files=True, strip_newlines=False, json=True),
    E.GET: _get,
    E.HEAD: _head,
    E.FORM: _form,
    E.FORM_STRING: _form_string,
    E.UPLOAD: _upload,
    E.USER: _user,
    E.BEARER: _bearer,
    E.COOKIE: _cookie,
    E.USER_AGENT: _user_agent,
    E.REFERER: _referer,
    E.RANGE: _range,
    E.URL_QUERY: _url_query,
    E.GLOBOFF: _globoff,
    E.PATH_AS_IS: _path_as_is,
    E.PROTO_DEFAULT: _proto_default,
    E.PROTO: _proto,
    E.NO_URL_USER: _no_url_user,
    E.HSTS: _hsts,
    E.BASIC: _auth_scheme,
    E.DIGEST: _auth_scheme,
    E.NTLM: _auth_scheme,
    E.NTLM_WB: _auth_scheme,
    E.NEGOTIATE: _auth_scheme,
    E.ANYAUTH: _auth_scheme,
    E.AWS_SIGV4: _auth_scheme,
    E.HTTP_VERSION: _http_version,
    E.HTTP_VERSION_WARN: _http_version,
    E.HTTP_UPGRADE: _http_version,
    E.NEUTRAL: _neutral,
    E.WARN: _warn,
    E.FAIL: _fail,
}
