"""cURL <-> Call API component: the library behind ``botkit import`` and ``botkit export``.

Both directions go through the one ``Request`` model: ``parse_curl`` is
``read_curl`` (shell + curl rules) then ``Request.to_component``; ``to_curl`` is
``Request.from_component`` then the shared renderer.  So a component survives
export -> import unchanged (its ``name`` aside, which cURL has no place for:
pass it back with ``name=``; ``x-`` extension keys are not part of the request).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from botkit.errors import InputError
from botkit.values import Record

if TYPE_CHECKING:
    from botkit.catalog import Api
    from botkit.request import Request
    from botkit.styles import Style


class CurlImportWarning(UserWarning):
    """Issued by ``parse_curl`` for what the component cannot hold (the CLI prints these)."""


def parse_curl(
    text: str,
    *,
    name: str | None = None,
    redact: bool = False,
    strict: bool = False,
    base_dir: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """The Call API component for one cURL command (bash, cmd or PowerShell).

    Raises ``InputError`` (line and column included) for malformed input; with
    ``strict``, also for anything the component would lose.  Otherwise such losses
    are issued as ``CurlImportWarning``.  ``base_dir`` is where ``@file`` is read.
    """
    from botkit.curl import read_curl

    read = read_curl(text, source="<string>", base_dir=base_dir, strict=strict)
    for warning in read.warnings:
        warnings.warn(CurlImportWarning(str(warning)), stacklevel=2)
    return component_for(read.request, name=name, redact=redact)


class Imported(Record):
    """What ``botkit import`` prints (a component, an array of them, or a bot) and the
    warnings about it, each ``where: subject: message``."""

    _fields = ("document", "warnings")

    def __init__(self, document: Any, warnings: list[str] | None = None) -> None:
        self.document = document
        self.warnings: list[str] = [] if warnings is None else warnings


def import_text(
    text: str,
    *,
    source: str = "<string>",
    fmt: str | None = None,
    all_commands: bool = False,
    match: str | None = None,
    entry: int | None = None,
    name: str | None = None,
    as_bot: bool = False,
    redact: bool = False,
    strict: bool = False,
    base_dir: str | os.PathLike[str] | None = None,
) -> Imported:
    """Every request in ``text`` (cURL, HAR, Postman, PowerShell; ``fmt`` or detected)
    as components: one component, a list of them, or with ``as_bot`` a bot."""
    from botkit.formats import ReadOptions, read_requests, select

    options = ReadOptions(base_dir=base_dir, all_commands=all_commands, strict=strict)
    result = read_requests(text, source=source, fmt=fmt, options=options)
    chosen = select(result, match=match, entry=entry)
    if name is not None and len(chosen) > 1 and not as_bot:
        raise InputError(
            f"--name names one component, and there are {len(chosen)}; "
            "pick one (--entry, --match) or name the bot (--bot)"
        )
    # entries left out say so, unless the user picked others anyway
    warnings = [str(w) for w in result.warnings] if match is None and entry is None else []
    components = []
    for read in chosen:
        warnings.extend(str(w) for w in read.warnings)
        own = name if name is not None and not as_bot else read.name
        components.append(component_for(read.request, name=own, redact=redact))
    if as_bot:
        from botkit.formats.bot import bot_definition

        title = name or result.title or "Imported calls"
        return Imported(bot_definition(title, components, result.variables), warnings)
    if len(components) == 1:
        return Imported(components[0], warnings)
    return Imported(components, warnings)


class Exported(Record):
    """What ``botkit export`` prints, and what the chosen format could not hold."""

    _fields = ("text", "warnings")

    def __init__(self, text: str, warnings: list[str] | None = None) -> None:
        self.text = text
        self.warnings: list[str] = [] if warnings is None else warnings


def export_document(
    document: Any,
    *,
    to: str = "curl",
    style: Style = "readme",
    steps: tuple[str, ...] = (),
    source: str = "",
    values: Mapping[str, str] | None = None,
    strict: bool = False,
) -> Exported:
    """A component, an array of them, or a bot's ``call_api`` steps (``steps``: those
    ids only) as cURL, a Postman Collection v2.1 (``to="postman"``) or HAR (``"har"``).

    ``values`` fills the components' ``{{variables}}`` first (``--var``/``--vars``);
    then each variable left unfilled is a warning, or with ``strict`` an error.
    """
    from botkit.formats import write_requests
    from botkit.formats.bot import call_steps
    from botkit.request import Request
    from botkit.styles import STYLES

    if style not in STYLES:
        raise InputError(f"unknown style {style!r}; choose from {', '.join(STYLES)}")
    title, variables = "botkit export", {}
    places: list[str] = []  # where each component is, for messages
    if isinstance(document, dict) and "steps" in document:
        components = []
        for k, component in call_steps(document, steps, source=source):
            places.append(f"$.steps[{k}].component")
            check_component(component, source=source, at=places[-1])
            components.append(component)
        title, variables = document["name"], dict(document.get("variables") or {})
    elif steps:
        raise InputError("--step picks steps of a bot, and this is not a bot", source=source)
    elif isinstance(document, list):
        if not document:
            raise InputError("an empty array: there is nothing to export", source=source)
        for index, component in enumerate(document):
            if not isinstance(component, dict):
                raise InputError(
                    f"not a Call API component: expected a JSON object at $[{index}]",
                    source=source,
                )
            check_component(component, source=source, at=f"$[{index}]")
        components, places = document, [f"$[{i}]" for i in range(len(document))]
    elif isinstance(document, dict):
        check_component(document, source=source)
        components, places = [document], ["$"]
    else:
        raise InputError(
            "not a Call API component: expected a JSON object "
            "(a component or a bot) or an array of components",
            source=source,
        )
    fill_warnings: list[str] = []
    if values is not None or strict:
        components, fill_warnings = _fill(components, places, values or {}, strict, source)
    requests = [(c["name"], Request.from_component(c)) for c in components]
    text, warnings = write_requests(to, requests, title=title, variables=variables, style=style)
    if strict and warnings:
        raise InputError(f"{warnings[0]} (--strict)", source=source)
    return Exported(text, fill_warnings + warnings)


def _fill(
    components: list[dict[str, Any]],
    places: list[str],
    values: Mapping[str, str],
    strict: bool,
    source: str,
) -> tuple[list[dict[str, Any]], list[str]]:
    """The components with ``values`` filled in, each checked again as a component (a
    value is judged where it lands); and a warning per variable left unfilled."""
    from botkit.fill import fill_component, unfilled, unfilled_message
    from botkit.fillcheck import check_filled
    from botkit.request import Request
    from botkit.variables import VariablesError

    out, warnings = [], []
    for component, at in zip(components, places, strict=True):
        try:
            filled = fill_component(component, values)
            check_filled(component, filled)
        except VariablesError as exc:
            raise InputError(f"{at}: {exc}", source=source) from None
        try:
            check_component(filled, source=source)
        except InputError as exc:
            raise InputError(
                f"{at}: with its variables filled in, {exc.message}", source=source
            ) from None
        names = unfilled(Request.from_component(filled))
        if strict and names:
            raise InputError(f"{at}: {unfilled_message(names)} (--strict)", source=source)
        warnings += [f"{at}: {unfilled_message([n])}; left as written" for n in names]
        out.append(filled)
    return out, warnings


def component_for(
    request: Request, *, name: str | None = None, redact: bool = False
) -> dict[str, Any]:
    """The schema-valid component for ``request``, with its catalog id when one matches."""
    from botkit.catalog import load_catalog

    api = load_catalog().find(request.method, request.url)
    component = request.to_component(name or default_name(request, api), api.id if api else None)
    if redact:
        from botkit.redact import redact_component

        component = redact_component(component, api)
        if not name and api is None:  # 'GET /bot<token>/getMe': named after the redacted path
            from botkit.request import split_url

            component["name"] = f"{request.method} {split_url(component['url']).path or '/'}"
    check_component(component)
    return component


def default_name(request: Request, api: Api | None) -> str:
    """A component's name when none is given: the catalog API's summary, or ``METHOD /path``
    when no catalog API matches.  The one rule for ``botkit import``, ``botkit curl --format
    component`` and samples/generated/."""
    if api is not None:
        return api.summary
    from botkit.request import split_url

    return f"{request.method} {split_url(request.url).path or '/'}"


def to_curl(component: dict[str, Any], style: Style = "readme") -> str:
    """The cURL command (ending in a newline) that sends what ``component`` describes."""
    from botkit.render import render_curl
    from botkit.request import Request
    from botkit.styles import STYLES

    if style not in STYLES:
        raise InputError(f"unknown style {style!r}; choose from {', '.join(STYLES)}")
    check_component(component)
    return render_curl(Request.from_component(component), style)


def check_component(component: Any, *, source: str = "", at: str = "") -> None:
    """InputError unless ``component`` is a schema-valid Call API component of sendable text.

    ``at`` is where the component sits in a larger document (``$[2]``), for the message.
    """
    from botkit.schemacheck import compiled

    if at:
        try:
            check_component(component, source=source)
        except InputError as exc:
            raise InputError(f"{at}: {exc.message}", source=source) from None
        return
    check = compiled("component")  # schemas.is_valid's own fast check: schemas.py loads
    if check is None or not check(component):  # only to explain a failure (or to judge)
        from botkit import schemas

        if not schemas.is_valid("component", component):
            problem = str(schemas.best_problem("component", component))
            raise InputError(f"not a valid Call API component: {problem}", source=source)
    bad = _broken_text(component)
    if bad is not None:
        raise InputError(
            f"not a valid Call API component: {bad} holds a broken Unicode character",
            source=source,
        )


def _broken_text(value: Any) -> str | None:
    """JSON may carry lone surrogates (\\ud800); no shell or HTTP client can send them.

    A walk with its own stack: an ``x-`` extension may hold anything, nested deep.
    """
    stack: list[tuple[Any, str]] = [(value, "$")]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if not _encodable(item):
                return path
        elif isinstance(item, dict):
            for key, sub in reversed(list(item.items())):
                if isinstance(key, str) and not _encodable(key):
                    return f"{path} (a key)"
                stack.append((sub, f"{path}.{key}"))
        elif isinstance(item, list):
            stack.extend((sub, f"{path}[{i}]") for i, sub in reversed(list(enumerate(item))))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
