"""Bot variables: ``{{name}}``, ``{{contact.id}}``, ``{{ name }}``, in one place.

A bot builder writes a value that is only known when the bot runs (the
customer's number, an id looked up by an earlier step, a key from the bot's
secrets) as a variable.  Everything in botkit that meets one asks this module:
is this whole value a variable (then it is passed through, never validated,
encoded or reformatted), where are the variables in this text (lint positions),
and what is the text once they are filled in (``--var`` / ``--vars``).

A name is what the bot schema allows for a variable: a letter or ``_``, then
letters, digits, ``_`` and ``.``; blanks just inside the braces are allowed.
"""

from collections.abc import Callable, Mapping
from typing import Any

from botkit.errors import BotkitError
from botkit.lazy_re import lazy
from botkit.named_tuples import NamedTuple
from botkit.values import Record, Value

#: A variable's name; bot.schema.json uses the same pattern.
NAME_PATTERN = r"[A-Za-z_][A-Za-z0-9_.]*"
_NAME = lazy(NAME_PATTERN)
_VARIABLE = lazy(r"\{\{[ \t]*(" + NAME_PATTERN + r")[ \t]*\}\}")
# What any template engine would fill in, name or not: curl must not glob it, and a
# check must not judge a value holding one.
_TEMPLATE = lazy(r"\{\{[^{}]*\}\}")


class Variable(NamedTuple):
    """One ``{{name}}`` in a text: its name and its span ``[start, end)``."""

    name: str
    start: int
    end: int


def is_name(name: str) -> bool:
    return _NAME().fullmatch(name) is not None


def written(name: str) -> str:
    """``name`` written as a variable: ``{{name}}``."""
    return "{{" + name + "}}"


def find(text: str) -> list[Variable]:
    """Every variable in ``text``, in order."""
    if "{{" not in text:  # the common case, without a regex
        return []
    return [Variable(m[1], *m.span()) for m in _VARIABLE().finditer(text)]


def whole(value: str) -> str | None:
    """The name when ``value`` is exactly one variable (``{{ a.b }}`` -> ``a.b``), else None."""
    if not value.startswith("{{"):
        return None
    m = _VARIABLE().fullmatch(value)
    return m.group(1) if m else None


def is_variable(value: str) -> bool:
    """Is ``value`` exactly one variable?"""
    return whole(value) is not None


def is_template(value: str) -> bool:
    """Is ``value`` exactly one ``{{...}}``, a name or not (Postman's ``{{$guid}}``)?"""
    return value.startswith("{{") and _TEMPLATE().fullmatch(value) is not None


def has_variable(text: str) -> bool:
    return "{{" in text and _VARIABLE().search(text) is not None


def mixes(value: str) -> bool:
    """Text and at least one variable (``+91{{local}}``): neither a literal nor a variable."""
    return has_variable(value) and not is_variable(value)


def looks_templated(text: str) -> bool:
    """Holds something a bot builder fills in at run time (``{{...}}``, ``${...}``, or a
    stray ``{{``/``}}``): a value no check can judge before it is filled."""
    return "{{" in text or "}}" in text or "${" in text


def blank_templates(text: str, by: str | None = None) -> str:
    """``text`` with every ``{{...}}`` (a name or not) replaced by ``by``, or by as many
    ``_`` as it has characters (offsets kept): what curl would glob, or a path's shape."""
    if "{{" not in text:
        return text
    return _TEMPLATE().sub(lambda m: "_" * len(m.group()) if by is None else by, text)


def split(text: str) -> list[str | Variable]:
    """``text`` as literal pieces and variables, in order (no empty literal pieces)."""
    out: list[str | Variable] = []
    at = 0
    for var in find(text):
        if var.start > at:
            out.append(text[at : var.start])
        out.append(var)
        at = var.end
    if at < len(text):
        out.append(text[at:])
    return out


def map_literals(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to the literal pieces and the variables kept as
    they are: a path value ``c-{{id}}`` percent-encodes ``c-``, never the braces."""
    return "".join(
        change(piece) if isinstance(piece, str) else text[piece.start : piece.end]
        for piece in split(text)
    )


def covers(defined: str, used: str) -> bool:
    """Does setting ``defined`` give ``used`` a value?  Setting ``contact`` fills
    ``{{contact.id}}``; setting ``contact.id`` fills only itself and what is under it."""
    return used == defined or used.startswith(defined + ".")


class Filled(Record):
    """A text with its variables filled in, and the names that had no value."""

    _fields = ("text", "missing", "used")

    def __init__(
        self, text: str, missing: list[str] | None = None, used: list[str] | None = None
    ) -> None:
        self.text = text
        self.missing: list[str] = [] if missing is None else missing
        self.used: list[str] = [] if used is None else used


def substitute(
    text: str,
    values: Mapping[str, str],
    *,
    encode: Callable[[str, Variable], str] | None = None,
) -> Filled:
    """``text`` with each variable that ``values`` names replaced by its value.

    A variable without a value stays as written and is listed in ``missing``.
    ``encode(value, variable)`` may escape a value for where it goes (a URL, a
    JSON string); by default it goes in as it is.
    """
    found = find(text)
    if not found:
        return Filled(text)
    parts: list[str] = []
    missing: list[str] = []
    used: list[str] = []
    at = 0
    for var in found:
        parts.append(text[at : var.start])
        value = lookup(values, var.name)
        if value is None:
            parts.append(text[var.start : var.end])
            missing.append(var.name)
        else:
            parts.append(encode(value, var) if encode else value)
            used.append(var.name)
        at = var.end
    parts.append(text[at:])
    return Filled("".join(parts), missing, used)


def lookup(values: Mapping[str, str], name: str) -> str | None:
    """The value of ``name``: given under that exact name (``contact.id``)."""
    return values.get(name)


# --- filling in: --var NAME=VALUE, --vars FILE (read by botkit.variable_values) ------------


class VariablesError(BotkitError):
    """A ``--var`` or ``--vars`` that cannot be read; the message says where."""


# --- credential variables: one naming rule -------------------------------------------------


class CredentialNames(Value):
    """The variables that hold a vendor's credentials (immutable; ``botkit.values``).

    The rule: a credential's variable is named exactly like the environment
    variable botkit reads it from, upper case (``{{DOUBLETICK_API_KEY}}``,
    ``{{UNBLU_USER}}``, ``{{UNBLU_PASSWORD}}``, ``{{UNBLU_TOKEN}}``), so a bot's
    secret, a snippet's ``$DOUBLETICK_API_KEY`` and ``botkit curl --var`` all say
    the same name.
    """

    _fields = ("api_key", "user", "password", "token")
    __slots__ = _fields
    api_key: str | None
    user: str | None
    password: str | None
    token: str | None

    def __init__(
        self,
        api_key: str | None = None,
        user: str | None = None,
        password: str | None = None,
        token: str | None = None,
    ) -> None:
        self._set(api_key=api_key, user=user, password=password, token=token)

    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.api_key, self.user, self.password, self.token) if n)


def credential_names(vendor: Any) -> CredentialNames:
    """The credential variables of a catalog vendor or auth scheme (the scheme applies
    the rule)."""
    auth = getattr(vendor, "auth", vendor)
    known = _CREDENTIAL_NAMES.get(id(auth))
    if known is None or known[0] is not auth:  # lint asks once per component: remember
        known = _CREDENTIAL_NAMES[id(auth)] = (auth, auth.credential_names())
    return known[1]


_CREDENTIAL_NAMES: dict[int, tuple[Any, CredentialNames]] = {}
