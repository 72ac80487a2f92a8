"""Request -> cURL text, through one Jinja template per style (templates/curl/).

The same renderer serves generation (catalog -> cURL) and export (component ->
cURL), so both quote the same way.  Python decides *which* curl options express
the request exactly; the template only lays them out.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from botkit.named_tuples import NamedTuple
from botkit.shell import quote, quote_oneline, typed_safely
from botkit.styles import STYLES as STYLES  # where the styles are declared (botkit/styles.py)
from botkit.styles import Style as Style

if TYPE_CHECKING:
    import jinja2

    from botkit.request import FormPart, Request


_GLOB_CHARS = re.compile(r"[\[\]{}]")
# A "." or ".." path segment: curl squashes those unless told --path-as-is.
_DOT_SEGMENT = re.compile(r"/\.\.?(?=/|$)")
# Linux refuses a command whose one argument exceeds 128 KiB (MAX_ARG_STRLEN), or
# whose arguments together exceed ARG_MAX (often 2 MiB): past these budgets a body
# goes through standard input and headers through a file bash makes, <(printf ...).
# printf is a bash builtin, so its own arguments have no such limit.
BODY_ARGUMENT_BUDGET = 64 * 1024
HEADERS_ARGUMENT_BUDGET = 64 * 1024

# Long and short spellings of each option the renderer writes.
_FLAGS = {
    "request": ("--request", "-X"),
    "head": ("--head", "-I"),
    "url": ("--url", "--url"),
    "globoff": ("--globoff", "-g"),
    "path-as-is": ("--path-as-is", "--path-as-is"),
    "header": ("--header", "-H"),
    "user": ("--user", "-u"),
    "data": ("--data", "-d"),
    "data-raw": ("--data-raw", "--data-raw"),
    "data-binary": ("--data-binary", "--data-binary"),
    "form": ("--form", "-F"),
    "form-string": ("--form-string", "--form-string"),
}


class Option(NamedTuple):
    flag: str  # empty for a positional argument
    value: str | None = None
    raw: bool = False  # written unquoted: only for text botkit itself writes, never user input


class Heredoc(NamedTuple):
    """The body, as a quoted here-document after the command (``--data-binary @-``)."""

    delimiter: str
    text: str


class Piped(NamedTuple):
    """The body, printed into curl's standard input: ``printf %s BODY | curl ...``."""

    text: str


Stdin = Heredoc | Piped


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment for cURL styles and recipes, built once per process.

    Rendering seldom needs it: see ``render_template``."""
    import jinja2

    from botkit.resources import template_dir
    from botkit.template_runtime import BOTKIT_FILTERS

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(BOTKIT_FILTERS)
    return env


def render_template(name: str, variables: Mapping[str, Any]) -> str:
    """Template ``name`` (a path under templates/) rendered with ``variables``.

    The code Jinja compiles from the template is kept in botkit/compiled_templates/ and
    runs on a small runtime (botkit/template_runtime.py), so rendering imports neither
    jinja2 nor markupsafe; Jinja itself renders a template that has no current module."""
    root = _precompiled(name)
    if root is not None:
        from botkit.template_runtime import render

        return render(root, variables)
    return environment().get_template(name).render(**variables)


def module_name(template: str) -> str:
    """The module of botkit/compiled_templates/ for a template: curl/readme.sh.j2 ->
    curl_readme_sh."""
    return re.sub(r"\W", "_", template.removesuffix(".j2"))


@cache
def _precompiled(name: str) -> Callable[..., Any] | None:
    """The compiled ``root`` function of template ``name``, if its module was made from
    the template file as it is now (an edited template is left to Jinja)."""
    from botkit.resources import template_dir

    full = f"botkit.compiled_templates.{module_name(name)}"
    try:
        module = importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name not in (full, "botkit.compiled_templates"):
            raise
        return None
    try:
        with open(os.path.join(template_dir(), name), encoding="utf-8") as f:
            current = f.read()
    except OSError:
        return None
    root: Callable[..., Any] = module.root
    return root if current == module.SOURCE else None


def render_curl(
    request: Request,
    style: Style = "readme",
    *,
    prefix: Sequence[Option] = (),
    extra: Sequence[Option] = (),
) -> str:
    """The cURL command (ending in a newline) that makes real curl send ``request``.

    ``prefix`` options come first (e.g. ``--fail-with-body`` in scripts) and
    ``extra`` ones after the URL (e.g. credentials read from the environment).
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose from {', '.join(STYLES)}")
    options, stdin = curl_options(request, style, prefix=prefix, extra=extra)
    heredoc = stdin if isinstance(stdin, Heredoc) else None
    piped = stdin if isinstance(stdin, Piped) else None
    return render_template(
        f"curl/{style}.sh.j2", {"options": options, "heredoc": heredoc, "piped": piped}
    )


def curl_options(
    request: Request,
    style: Style,
    *,
    prefix: Sequence[Option] = (),
    extra: Sequence[Option] = (),
) -> tuple[list[Option], Stdin | None]:
    """The curl options, in order, that express ``request`` exactly, and what (if
    anything) goes to curl's standard input."""
    short = style == "oneline"

    def flag(name: str) -> str:
        long, abbreviated = _FLAGS[name]
        return abbreviated if short else long

    options: list[Option] = []
    if request.method == "HEAD" and request.body is None:
        options.append(Option(flag("head")))
    else:
        options.append(Option(flag("request"), request.method))
    options.extend(prefix)  # after the method, so the command still reads "curl --request ..."
    full_url = request.full_url
    if short and not full_url.startswith("-"):
        options.append(Option("", full_url))  # the URL as curl's positional argument
    else:
        options.append(Option(flag("url"), full_url))
    if _GLOB_CHARS.search(full_url):
        options.append(Option(flag("globoff")))
    if _DOT_SEGMENT.search(request.url):
        options.append(Option(flag("path-as-is")))
    options.extend(extra)
    if request.auth is not None:
        options.append(Option(flag("user"), f"{request.auth.username}:{request.auth.password}"))
    # "Name;" is curl's spelling of a header sent with an empty value.
    lines = [f"{h.name}: {h.value}" if h.value else f"{h.name};" for h in request.headers]
    body = request.body
    if body is not None and body.text is not None and request.header("content-type") is None:
        # curl would add a form Content-Type of its own: an empty header suppresses it.
        lines.append("Content-Type:")
    if sum(len(line.encode()) + 1 for line in lines) > HEADERS_ARGUMENT_BUDGET:
        options.append(Option(flag("header"), _header_file(lines, style), raw=True))
    else:
        options.extend(Option(flag("header"), line) for line in lines)
    stdin: Stdin | None = None
    if body is not None and body.parts is not None:
        options.extend(_form_options(body.parts, flag))
    elif body is not None and body.text is not None:
        stdin = _heredoc_for(body.text) if style == "readme" else None
        if stdin is None and len(body.text.encode()) > BODY_ARGUMENT_BUDGET:
            stdin = Piped(body.text)
        if stdin is not None:
            options.append(Option(flag("data-binary"), "@-"))
        elif body.text.startswith("@"):
            options.append(Option(flag("data-raw"), body.text))
        else:
            options.append(Option(flag("data"), body.text))
    return options, stdin


def _header_file(lines: list[str], style: Style) -> str:
    """``@<(printf '%s\\n' ...)``: curl reads one header a line from the file (curl 7.55+)."""
    shq = quote_oneline if style == "oneline" else quote
    return "@<(printf '%s\\n' " + " ".join(shq(line) for line in lines) + ")"


def _heredoc_for(text: str) -> Heredoc | None:
    """ReadMe writes a body that holds ``'`` as a heredoc; we do too when it is exact.

    The delimiter is quoted (``<<'EOF'``) so bash expands nothing inside, and the
    body must end in a newline, since a heredoc always adds one; typed into a
    terminal, its lines must be as safe as a quoted value's.
    """
    if "'" not in text or not text.endswith("\n") or not typed_safely(text):
        return None
    lines = set(text.split("\n"))
    delimiter = "EOF"
    n = 0
    while delimiter in lines:
        n += 1
        delimiter = f"EOF{n}"
    return Heredoc(delimiter, text)


def _form_options(parts: tuple[FormPart, ...], flag: Callable[[str], str]) -> list[Option]:
    options = []
    for part in parts:
        if part.file is None:
            if part.type is None and part.filename is None:
                options.append(Option(flag("form-string"), f"{part.name}={part.value}"))
                continue
            # An inline value with attributes: curl only reads ;type= after a quoted value.
            spec = f"{part.name}={_form_quote(part.value or '')}"
        else:
            spec = f"{part.name}=@{_form_quote(part.file)}"
        if part.filename is not None:
            spec += f";filename={_form_quote(part.filename)}"
        if part.type is not None:
            spec += f";type={part.type}"
        options.append(Option(flag("form"), spec))
    return options


def _form_quote(value: str) -> str:
    """curl's -F syntax: a value with ``;``, ``,`` or ``"`` is double-quoted, ``\\`` escaping.

    So is one starting with ``@`` or ``<`` (a file to read) or ``(`` (a nested multipart).
    """
    if not re.search(r'[;,"\\\s]', value) and not value.startswith(("@", "<", "(")):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
