"""Every form a request is copied in -> ``Request``: the one place that picks the reader.

``read_requests`` detects the format (or takes the one the user names) and hands
the input to that format's reader, each a module of its own:

| format       | module                | what it reads |
|---|---|---|
| ``har``        | formats/har.py        | HAR 1.2, as browsers' "Save all as HAR" writes it |
| ``postman``    | formats/postman.py    | Postman Collection v2.1 and v2.0 |
| ``powershell`` | formats/webrequest.py | Invoke-WebRequest, Invoke-RestMethod |
| ``curl``       | formats/curltext.py   | cURL in bash, zsh, cmd or PowerShell (botkit/curl/) |

Detection looks only at what each format must have: JSON with ``log.entries``
is HAR, JSON with ``info`` and ``item`` is Postman, a PowerShell web cmdlet is
Invoke-WebRequest; everything else is read as cURL.  Readers are imported when
they are used, so reading a cURL command does not pay for the others.
"""

from __future__ import annotations

import importlib
import json
import os
from typing import TYPE_CHECKING, Any

from botkit.errors import InputError
from botkit.formats.result import ReadRequest, ReadResult, ReadWarning
from botkit.values import Value

if TYPE_CHECKING:
    from botkit.request import Request
    from botkit.styles import Style

__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "ReadOptions",
    "ReadRequest",
    "ReadResult",
    "ReadWarning",
    "read_requests",
    "write_requests",
]


class ReadOptions(Value):
    """How to read (immutable; ``botkit.values``: a NamedTuple costs every command that
    reads about 0.2 ms to define)."""

    _fields = ("base_dir", "all_commands", "strict")
    __slots__ = _fields
    base_dir: str | os.PathLike[str] | None
    all_commands: bool
    strict: bool

    def __init__(
        self,
        base_dir: str | os.PathLike[str] | None = None,  # where a cURL command's @file is read
        all_commands: bool = False,  # every command of a script, not just one
        strict: bool = False,  # what a component would lose is an error, not a warning
    ) -> None:
        self._set(base_dir=base_dir, all_commands=all_commands, strict=strict)


class _Format(Value):
    """A format: the module and function that read it, and how it is told from the others."""

    _fields = ("module", "function", "detector", "json", "what", "sniffer")
    __slots__ = _fields
    module: str
    function: str  # (document or text, source, ReadOptions) -> ReadResult
    detector: str | None  # (document or text) -> bool; None: the fallback
    json: bool  # reads a parsed JSON document rather than text
    what: str  # for messages: "a HAR file"
    sniffer: str | None  # the module of ``detector`` when it is not ``module``

    def __init__(
        self,
        module: str,
        function: str,
        detector: str | None,
        json: bool,
        what: str,
        sniffer: str | None = None,
    ) -> None:
        self._set(
            module=module, function=function, detector=detector, json=json, what=what,
            sniffer=sniffer,
        )  # fmt: skip


# Detection tries them in this order; the last one (cURL) takes what no other claims.
_READERS: dict[str, _Format] = {
    "har": _Format("botkit.formats.har", "read_har", "looks_like_har", True, "a HAR file"),
    "postman": _Format(
        "botkit.formats.postman", "read_postman", "looks_like_postman", True, "a Postman collection"
    ),
    "powershell": _Format(
        "botkit.formats.webrequest",
        "read_webrequest",
        "looks_like_webrequest",
        False,
        "an Invoke-WebRequest command",
        "botkit.formats.sniff",  # detecting it must not load the PowerShell reader
    ),
    "curl": _Format("botkit.formats.curltext", "read_curl_text", None, False, "a cURL command"),
}
FORMATS = tuple(_READERS)


def read_requests(
    text: str,
    *,
    source: str = "<stdin>",
    fmt: str | None = None,
    options: ReadOptions | None = None,
) -> ReadResult:
    """Every request in ``text``, read as ``fmt`` (default: detected).

    Raises ``InputError`` (located) for input that cannot be read; with
    ``options.strict``, also for anything a component would lose (else a warning).
    """
    options = options or ReadOptions()
    if fmt is not None and fmt not in _READERS:
        raise InputError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    document: Any = None
    if fmt is None:
        fmt, document = _detect(text, source)
    spec = _READERS[fmt]
    module = importlib.import_module(spec.module)
    if spec.json and document is None:
        from botkit.formats.jsondata import load_json

        document = load_json(_no_bom(text), source, spec.what)
    result: ReadResult = getattr(module, spec.function)(
        document if spec.json else text, source, options
    )
    if options.strict:
        found = result.all_warnings()
        if found:
            raise InputError(f"{found[0]} (--strict)", source=source)
    if not options.all_commands and not spec.json and len(result.requests) > 1:
        raise InputError(
            f"{result.requests[1].where}: a second command; "
            "add --all to read every command of the text",
            source=source,
        )
    return result


def _detect(text: str, source: str) -> tuple[str, Any]:
    """The format of ``text``, and the parsed document when it is JSON."""
    body = _no_bom(text).lstrip()
    if body.startswith(("{", "[")):
        from botkit.formats.jsondata import load_json

        document = load_json(body, source, "a HAR file or a Postman collection")
        for name, spec in _READERS.items():
            if spec.json and spec.detector:
                module = importlib.import_module(spec.module)
                if getattr(module, spec.detector)(document):
                    return name, document
        raise InputError(_not_a_request_file(document), source=source)
    for name, spec in _READERS.items():
        if not spec.json and spec.detector:
            module = importlib.import_module(spec.sniffer or spec.module)
            if getattr(module, spec.detector)(text):
                return name, None
    return "curl", None


def _not_a_request_file(document: Any) -> str:
    if isinstance(document, dict):
        if document.get("type") == "call_api":
            return "this is a Call API component already ('botkit export' reads it)"
        if "steps" in document:
            return "this is a bot definition ('botkit export' reads its call_api steps)"
        if "requests" in document and "order" in document:
            return (
                "a Postman Collection v1, which botkit does not read; "
                "export it from Postman as Collection v2.1"
            )
    if isinstance(document, list):
        return (
            "a JSON array, not a HAR file or a Postman collection "
            "(components? 'botkit export' reads them)"
        )
    return (
        "JSON, but neither a HAR file (it has no log.entries) "
        "nor a Postman collection (it has no info and item)"
    )


def _no_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def select(result: ReadResult, *, match: str | None, entry: int | None) -> list[ReadRequest]:
    """The requests ``--match TEXT`` (URL substring) and ``--entry N`` (1-based) pick."""
    chosen = result.requests
    if match is not None:
        chosen = [r for r in chosen if match in r.request.full_url]
        if not chosen:
            raise InputError(f"no request's URL contains {match!r} ({len(result.requests)} read)")
    if entry is not None:
        if not 1 <= entry <= len(chosen):
            raise InputError(f"--entry {entry}: there are {len(chosen)} requests (1 is the first)")
        chosen = [chosen[entry - 1]]
    return chosen


# --- writing: the one place that picks the writer ------------------------------------

EXPORT_FORMATS = ("curl", "postman", "har")


def write_requests(
    fmt: str,
    requests: list[tuple[str, Request]],
    *,
    title: str,
    variables: dict[str, str] | None = None,
    style: Style = "readme",
) -> tuple[str, list[str]]:
    """``requests`` (name, request) as ``fmt`` text: one cURL command or a script of
    them, a Postman Collection v2.1, or a HAR 1.2 log.  Also what the format cannot
    hold, each ``$[index]: subject: message``."""
    if fmt == "curl":
        from botkit.formats.curlscript import write_curl

        return write_curl(requests, style=style), []
    if fmt == "postman":
        from botkit.formats.postman_write import write_postman

        document, warnings = write_postman(requests, title=title, variables=variables or {})
    elif fmt == "har":
        from botkit import __version__
        from botkit.formats.har import write_har

        document, warnings = write_har(requests, creator_version=__version__)
    else:
        raise InputError(f"unknown format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n", warnings
