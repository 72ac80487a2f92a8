"""The catalog's parameter types, each an object that carries its own behaviour.

A type knows how a literal value is checked and normalised before a request is
built (``normalise``), what is wrong with a value a component already holds
(``problems``, for lint rule BK305), how the value is written into a URL
(``text``), its CLI option and an example value.  Adding a type is one class
here, one line in ``TYPES``, and the type's word in schemas/catalog.schema.json
(a test holds the two together).

Callers decide *whether* a value is checked; a type only says *how*.  A
``{{variable}}`` filled in at run time, for instance, is for the caller to pass
through before it asks the type.

Over 350 lines because it holds the seven types side by side, each answering the
questions ``ParamType`` asks; a new type is written by reading the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from botkit.errors import ParamError
from botkit.lazy_re import lazy
from botkit.named_tuples import NamedTuple
from botkit.phone import PhoneFormat

if TYPE_CHECKING:
    import click

    from botkit.catalog import Param

UUID = lazy(r"(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class ValueContext(NamedTuple):
    """What a value's normal form depends on besides the value: the vendor and the user."""

    phone_format: PhoneFormat = "digits"
    #: Region used only to suggest the fix for a number without country code.
    default_region: str | None = None


class ParamType:
    """A text value, optionally restricted to an enum: the base every type refines."""

    name: ClassVar[str] = "string"
    #: How the CLI help names a value of this type.
    metavar: ClassVar[str] = "TEXT"
    #: True when the CLI option is an on/off pair (``--x/--no-x``) rather than a value.
    flag: ClassVar[bool] = False
    #: Example values for a command's help, in order; "ID" once they run out.
    examples: ClassVar[tuple[str, ...]] = ()

    def normalise(self, param: Param, value: Any, ctx: ValueContext) -> Any:
        """A literal value -> the JSON value sent; ``ParamError`` when the API would reject it."""
        if not isinstance(value, str):
            raise ParamError(param.name, f"must be text, not {value!r}")
        if value == "":
            raise ParamError(param.name, "must not be empty")
        if param.enum and value not in param.enum:
            from botkit.suggest import closest

            close = closest(value.upper(), param.enum, cutoff=0.6)
            hint = f"did you mean {close}? " if close else ""
            raise ParamError(
                param.name, f"{value!r} is not allowed; {hint}choose from {', '.join(param.enum)}"
            )
        return self.normalise_text(param, value, ctx)

    def normalise_text(self, param: Param, value: str, ctx: ValueContext) -> Any:
        """The type's own check of a non-empty text value (after the enum check)."""
        return value

    def problems(self, param: Param, value: Any, *, text: bool = False) -> Iterator[str]:
        """What is wrong with ``value`` as a component holds it, each said after the name.

        ``text`` is true for a value written in a URL (query or path), where every
        value is text.
        """
        if not isinstance(value, str):
            yield f"must be a string, not {json_type(value)}"
        elif not value.strip():
            yield "must not be empty"
        elif param.enum and value not in param.enum:
            yield f"{value!r} is not allowed; {_choices(value, param.enum)}"
        else:
            yield from self.text_problems(value)

    def text_problems(self, value: str) -> Iterator[str]:
        """The type's own objections to a non-empty text value in a component."""
        return iter(())

    def text(self, value: Any) -> str:
        """The value as it is written into a URL (before percent-encoding)."""
        return str(value)

    def example(self, index: int) -> str:
        """The ``index``-th example value for a command's help."""
        return self.examples[index] if index < len(self.examples) else "ID"

    def click_option(self, param: Param) -> click.Option:
        """The CLI option that takes this parameter, named after it in kebab case."""
        import click

        help_text = param.help + (" (repeatable)" if param.is_list else "")
        return click.Option(
            [param.option, param.dest],
            multiple=param.is_list,
            type=_choice_or_variable(param.enum) if param.enum else None,
            metavar=self.metavar if not param.enum else None,
            help=help_text + (" [required]" if param.required else ""),
        )


class BooleanType(ParamType):
    """true or false: a JSON boolean in a body, the words true/false in a URL."""

    name = "boolean"
    flag = True

    def normalise(self, param: Param, value: Any, ctx: ValueContext) -> Any:
        if not isinstance(value, bool):
            raise ParamError(param.name, f"must be true or false, not {value!r}")
        return value

    def problems(self, param: Param, value: Any, *, text: bool = False) -> Iterator[str]:
        if text:
            if value not in ("true", "false"):
                yield f"must be true or false, not {value!r}"
        elif not isinstance(value, bool):
            yield f"must be a JSON boolean (true or false), not {value!r}"

    def text(self, value: Any) -> str:
        return "true" if value else "false"

    def click_option(self, param: Param) -> click.Option:
        """``--reassign`` alone means true; it also takes a value, ``true``, ``false`` or a
        ``{{variable}}`` (a bot decides at run time).  ``--no-reassign`` is ``negative_option``."""
        import click

        return click.Option(
            [param.option, param.dest],
            is_flag=False,
            flag_value="true",
            default=None,
            metavar="[true|false|{{VAR}}]",
            help=param.help + "; the option alone: true",
        )

    @staticmethod
    def negative_option(param: Param) -> click.Option:
        """``--no-reassign``: the parameter false (its value arrives as ``negative_dest``)."""
        import click

        return click.Option(
            [f"--no-{param.option[2:]}", BooleanType.negative_dest(param)],
            is_flag=True,
            default=False,
            help=f"Same as {param.option} false.",
        )

    @staticmethod
    def negative_dest(param: Param) -> str:
        return param.dest + "__no"


class PhoneType(ParamType):
    """A phone number with its country code, sent in the vendor's form (digits or E.164)."""

    name = "phone"
    metavar = "PHONE"
    examples = ("919876543210", "919812345678", "919000000000")

    def normalise_text(self, param: Param, value: str, ctx: ValueContext) -> Any:
        from botkit.phone import check_phone

        checked = check_phone(value, ctx.default_region)
        if not checked.ok:
            raise ParamError(param.name, checked.message)
        return checked.formatted(ctx.phone_format)

    def problems(self, param: Param, value: Any, *, text: bool = False) -> Iterator[str]:
        return iter(())  # the phone rules (BK101-BK103) judge phone values


class UuidType(ParamType):
    """A UUID, as text (any case)."""

    name = "uuid"
    metavar = "UUID"
    examples = ("3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c", "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b")

    def normalise_text(self, param: Param, value: str, ctx: ValueContext) -> Any:
        if not UUID().fullmatch(value):
            raise ParamError(param.name, f"{value!r} is not a UUID (like {self.examples[0]})")
        return value

    def text_problems(self, value: str) -> Iterator[str]:
        if not UUID().fullmatch(value):
            yield f"must be a UUID, not {value!r}"


class IntegerType(ParamType):
    """A whole number: a JSON number in a body, digits in a URL."""

    name = "integer"
    metavar = "INTEGER"
    examples = ("1", "2", "3")
    _PATTERN = staticmethod(lazy(r"-?[0-9]+"))

    def normalise_text(self, param: Param, value: str, ctx: ValueContext) -> Any:
        text = value.strip()
        if not self._PATTERN().fullmatch(text):
            raise ParamError(param.name, f"{value!r} is not a whole number")
        return int(text)

    def normalise(self, param: Param, value: Any, ctx: ValueContext) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # a recipe or Python caller may pass the number itself
        return super().normalise(param, value, ctx)

    def problems(self, param: Param, value: Any, *, text: bool = False) -> Iterator[str]:
        if text:
            if not (isinstance(value, str) and self._PATTERN().fullmatch(value)):
                yield f"must be a whole number, not {value!r}"
        elif isinstance(value, bool) or not isinstance(value, int):
            yield f"must be a JSON whole number, not {json_type(value)}"
        elif param.enum and str(value) not in param.enum:
            yield f"{value!r} is not allowed; {_choices(str(value), param.enum)}"


class NumberType(IntegerType):
    """Any finite number: a JSON number in a body, its decimal text in a URL."""

    name = "number"
    metavar = "NUMBER"
    examples = ("1.5", "2", "3")
    _PATTERN = staticmethod(lazy(r"-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"))

    def normalise_text(self, param: Param, value: str, ctx: ValueContext) -> Any:
        text = value.strip()
        if not self._PATTERN().fullmatch(text):
            raise ParamError(param.name, f"{value!r} is not a number")
        number = float(text)
        if number != number or number in (float("inf"), float("-inf")):
            raise ParamError(param.name, f"{value!r} is not a finite number")
        return int(text) if re.fullmatch(r"-?[0-9]+", text) else number

    def normalise(self, param: Param, value: Any, ctx: ValueContext) -> Any:
        if isinstance(value, float) and not isinstance(value, bool):
            value = repr(value)
        return super().normalise(param, value, ctx)

    def problems(self, param: Param, value: Any, *, text: bool = False) -> Iterator[str]:
        if text:
            if not (isinstance(value, str) and self._PATTERN().fullmatch(value)):
                yield f"must be a number, not {value!r}"
        elif isinstance(value, bool) or not isinstance(value, int | float):
            yield f"must be a JSON number, not {json_type(value)}"


class JsonType(ParamType):
    """Any JSON value (an object, an array...), checked against the parameter's JSON Schema.

    On the command line the value is JSON text; in a body it is sent as that JSON value.
    """

    name = "json"
    metavar = "JSON"
    examples = ("{}",)

    def normalise_text(self, param: Param, value: str, ctx: ValueContext) -> Any:
        import json

        try:
            data = json.loads(value)
        except ValueError as exc:
            raise ParamError(param.name, f"is not valid JSON: {exc}") from None
        problem = schema_problem(param, data)
        if problem:
            raise ParamError(param.name, problem)
        return data

    def normalise(self, param: Param, value: Any, ctx: ValueContext) -> Any:
        if not isinstance(value, str):  # a Python caller's value, already JSON data
            problem = schema_problem(param, value)
            if problem:
                raise ParamError(param.name, problem)
            return value
        return super().normalise(param, value, ctx)

    def problems(self, param: Param, value: Any, *, text: bool = False) -> Iterator[str]:
        if text:
            import json

            try:
                value = json.loads(value)
            except (TypeError, ValueError):
                yield f"must be JSON text, not {value!r}"
                return
        problem = schema_problem(param, value)
        if problem:
            yield problem

    def text(self, value: Any) -> str:
        import json

        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _choice_or_variable(choices: tuple[str, ...]) -> click.Choice:
    """An enum option that also takes a ``{{variable}}`` (the bot fills it in)."""
    import click

    from botkit.variables import is_variable

    class ChoiceOrVariable(click.Choice):
        def convert(self, value: Any, param: Any, ctx: Any) -> Any:
            if isinstance(value, str) and is_variable(value):
                return value
            return super().convert(value, param, ctx)

    return ChoiceOrVariable(choices)


def schema_problem(param: Param, value: Any) -> str | None:
    """Why ``value`` does not match the parameter's JSON Schema (None when it does, or has none).

    A compiled yes/no check (``botkit.schemacheck``) answers for a valid value; jsonschema
    is imported only to explain an invalid one.
    """
    schema = param.json_schema
    if not schema:
        return None
    from botkit.schemacheck import compiled_inline

    fast = compiled_inline(param.schema or "")
    if fast is not None and fast(value):
        return None  # valid: jsonschema is needed only to say what is wrong
    from jsonschema import Draft202012Validator

    error = next(iter(Draft202012Validator(schema).iter_errors(value)), None)
    if error is None:
        return None
    from botkit.masking import schema_message
    from botkit.schema_words import in_words

    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    words = in_words(error)  # never a raw pattern or sub-schema
    raw = error.message if words is None else f"{error.instance!r} {words}"
    message = schema_message(raw, error.instance, error.absolute_path)
    return f"does not match its schema at ${where}: {message}"


#: Every parameter type by the word a catalog entry uses for it.
TYPES: dict[str, ParamType] = {
    t.name: t
    for t in (
        ParamType(),
        BooleanType(),
        PhoneType(),
        UuidType(),
        IntegerType(),
        NumberType(),
        JsonType(),
    )
}


def json_type(value: Any) -> str:
    """``3`` -> ``a number``: a JSON value's kind, for a message."""
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        dict: "an object",
        list: "an array",
    }.get(type(value), type(value).__name__)


def _choices(value: str, allowed: tuple[str, ...]) -> str:
    from botkit.suggest import closest

    close = closest(value.upper(), allowed, cutoff=0.6)
    close = close or next((a for a in allowed if value.upper() in a), None)
    if close:
        return f"did you mean {close!r}?"
    if len(allowed) <= 6:
        return "use one of " + ", ".join(allowed)
    return f"use one of {', '.join(allowed[:5])}... ({len(allowed)} values)"
