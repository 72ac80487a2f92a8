"""What Jinja's compiled template code needs at run time, without importing Jinja.

``botkit/compiled_templates/`` holds the Python code that Jinja's own compiler makes
from each template in templates/ (``python -m botkit.template_compiler`` writes it).
That code calls a handful of runtime helpers: this module provides them, so a command
that renders a template pays for a few small functions instead of importing jinja2 and
markupsafe (about 35 ms) and compiling the template (about 5 ms) on every run.

It covers only what botkit's templates use, with Jinja's meaning (StrictUndefined,
no autoescape); the compiler refuses to precompile a template that needs more, and such
a template is rendered by Jinja itself.  tests/test_templates_compiled.py renders every
template both ways and compares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from botkit.shell import quote, quote_oneline


class TemplateRuntimeError(Exception):
    """A template asked for a filter or test this runtime does not have."""


class UndefinedError(TemplateRuntimeError):
    """A template used a value it was not given (Jinja's StrictUndefined)."""


class _Missing:
    """The marker Jinja's compiled code uses for "no such name in the context"."""

    def __repr__(self) -> str:
        return "missing"


missing: Any = _Missing()


class Undefined:
    """Jinja's plain Undefined: what an ``if`` expression without ``else`` gives when
    false; prints as nothing."""

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None):
        self._hint, self._obj, self._name = hint, obj, name

    def __str__(self) -> str:
        return ""

    def __bool__(self) -> bool:
        return False

    def __iter__(self) -> Iterator[Any]:
        return iter(())


class StrictUndefined(Undefined):
    """A name or attribute the template was not given: any use of it is an error."""

    def _fail(self, *args: Any, **kwargs: Any) -> Any:
        if self._hint:
            raise UndefinedError(self._hint)
        if self._obj is missing:
            raise UndefinedError(f"{self._name!r} is undefined")
        raise UndefinedError(f"{type(self._obj).__name__!r} object has no attribute {self._name!r}")

    __str__ = __bool__ = __iter__ = __len__ = __eq__ = __ne__ = __call__ = _fail
    __getattr__ = __getitem__ = __add__ = __radd__ = __contains__ = _fail
    __hash__ = None  # type: ignore[assignment]


def internalcode(function: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja marks its helper frames with this decorator; here it changes nothing."""
    return function


def str_join(pieces: Iterable[Any]) -> str:
    """Jinja's ``~`` operator: every piece as text, concatenated."""
    return "".join(map(str, pieces))


class LoopContext:
    """The ``loop`` variable of a ``{% for %}``: index, index0, length, first, last,
    revindex, revindex0 (the compiler accepts no other attribute)."""

    def __init__(self, iterable: Iterable[Any], undefined: type[Undefined]) -> None:
        self._items = list(iterable)
        self.length = len(self._items)
        self.index0 = -1

    def __iter__(self) -> LoopContext:
        return self

    def __next__(self) -> tuple[Any, LoopContext]:
        self.index0 += 1
        if self.index0 >= self.length:
            raise StopIteration
        return self._items[self.index0], self

    @property
    def index(self) -> int:
        return self.index0 + 1

    @property
    def first(self) -> bool:
        return self.index0 == 0

    @property
    def last(self) -> bool:
        return self.index0 == self.length - 1

    @property
    def revindex(self) -> int:
        return self.length - self.index0

    @property
    def revindex0(self) -> int:
        return self.length - self.index0 - 1


def _join(eval_ctx: object, value: Iterable[Any], separator: str = "") -> str:
    """Jinja's ``join`` filter without autoescape (the attribute form is not supported)."""
    return str(separator).join(map(str, value))


#: The filters botkit adds to Jinja's (the Jinja environment in botkit/render.py uses these).
BOTKIT_FILTERS: dict[str, Callable[[str], str]] = {"shq": quote, "shq1": quote_oneline}


class Environment:
    """The part of ``jinja2.Environment`` that compiled template code calls."""

    undefined = StrictUndefined
    concat = staticmethod("".join)

    def __init__(self) -> None:
        self.filters: dict[str, Callable[..., Any]] = {**BOTKIT_FILTERS, "join": _join}
        self.tests: dict[str, Callable[[Any], bool]] = {"none": lambda value: value is None}

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` as Jinja reads it: the attribute, else the item, else undefined."""
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)


#: Filters, tests and ``loop`` attributes the compiler may rely on.
FILTERS = frozenset(Environment().filters)
TESTS = frozenset(Environment().tests)
LOOP_ATTRIBUTES = frozenset({"index", "index0", "length", "first", "last", "revindex", "revindex0"})

environment = Environment()


class Context:
    """The variables one rendering was given, as compiled template code looks them up."""

    eval_ctx = None

    def __init__(self, variables: Mapping[str, Any]) -> None:
        self._variables = variables

    def resolve_or_missing(self, name: str) -> Any:
        return self._variables.get(name, missing)

    def call(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)


def render(root: Callable[[Context], Iterable[str]], variables: Mapping[str, Any]) -> str:
    """Run a compiled template's ``root`` function with ``variables``."""
    return "".join(root(Context(variables)))
