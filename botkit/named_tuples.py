"""``NamedTuple`` classes at the cost of ``collections.namedtuple``, typed as typing's.

``class Span(NamedTuple)`` through ``typing`` checks every field's annotation when the
class is made, compiling each one that is a string (as they all are under ``from
__future__ import annotations``): about 0.17 ms a class on Python 3.11, against 0.07 ms
for the same ``collections.namedtuple``.  A one-shot ``botkit lint`` makes 34 of them
before it reads a byte, 6 ms of a 50 ms command.  Here the class body is turned into
the class ``collections.namedtuple`` makes (the same fields, defaults, methods, docstring,
pickling and ``_replace``), without compiling a constructor for each class: one per
number of fields, renamed.  Type checkers see ``typing.NamedTuple`` itself.
What typing adds on top (generic NamedTuples, ``__orig_bases__``) botkit does not use.
"""

from __future__ import annotations

from functools import cache
from operator import itemgetter
from types import CodeType, FunctionType
from typing import TYPE_CHECKING, Any

__all__ = ["NamedTuple"]

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    try:
        from _collections import _tuplegetter  # the field accessor namedtuple uses
    except ImportError:  # another Python

        def _tuplegetter(index: int, doc: str) -> property:
            return property(itemgetter(index), doc=doc)

    #: What a namedtuple defines itself: a class body may not replace them (as in typing).
    _OWN = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
        | {"_make", "_replace", "_asdict", "_source"}
    )
    #: What the class statement puts in every body, set on the class another way.
    _GIVEN = frozenset({"__module__", "__qualname__", "__annotations__"})

    _tuple_new = tuple.__new__
    #: ``__new__`` for 0 to 12 fields, written out: an ``eval`` per number of fields costs
    #: a one-shot command 0.4 M instructions each (8 of them, 3 M in all).
    _WRITTEN = (
        lambda _cls: _tuple_new(_cls, ()),
        lambda _cls, _0: _tuple_new(_cls, (_0,)),
        lambda _cls, _0, _1: _tuple_new(_cls, (_0, _1)),
        lambda _cls, _0, _1, _2: _tuple_new(_cls, (_0, _1, _2)),
        lambda _cls, _0, _1, _2, _3: _tuple_new(_cls, (_0, _1, _2, _3)),
        lambda _cls, _0, _1, _2, _3, _4: _tuple_new(_cls, (_0, _1, _2, _3, _4)),
        lambda _cls, _0, _1, _2, _3, _4, _5: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5)),
        lambda _cls, _0, _1, _2, _3, _4, _5, _6: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6)),
        lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7: _tuple_new(
            _cls, (_0, _1, _2, _3, _4, _5, _6, _7)
        ),
        lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8: _tuple_new(
            _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8)
        ),
        lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9: _tuple_new(
            _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9)
        ),
        lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10: _tuple_new(
            _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10)
        ),
        lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11: _tuple_new(
            _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11)
        ),
    )

    @cache
    def _new_code(count: int) -> CodeType:
        """The code of a ``__new__`` taking ``count`` fields: written out up to 12, else
        compiled once per count; each class gets a copy with its own parameter names
        (``eval`` of a new one per class, as ``collections.namedtuple`` does, costs more
        than the rest of making it)."""
        if count < len(_WRITTEN):
            return _WRITTEN[count].__code__
        names = "".join(f"_{i}, " for i in range(count))
        source = f"lambda _cls, {names}: _tuple_new(_cls, ({names}))"
        function = eval(source, {"_tuple_new": tuple.__new__})
        return function.__code__

    def _make_class(name: str, fields: tuple[str, ...], defaults: tuple[Any, ...], module: str):
        count = len(fields)
        code = _new_code(count).replace(
            co_varnames=("_cls", *fields), co_name="__new__", co_qualname=f"{name}.__new__"
        )
        new = FunctionType(code, {"_tuple_new": tuple.__new__}, "__new__", defaults or None)
        new.__doc__ = f"Create new instance of {name}({', '.join(fields)})"
        shown = "(" + ", ".join(f"{f}=%r" for f in fields) + ")"

        def _make(cls: type, iterable: Any) -> Any:
            result = tuple.__new__(cls, iterable)
            if len(result) != count:
                raise TypeError(f"Expected {count} arguments, got {len(result)}")
            return result

        def _replace(self: Any, /, **changes: Any) -> Any:
            result = self._make(map(changes.pop, fields, self))
            if changes:
                raise ValueError(f"Got unexpected field names: {list(changes)!r}")
            return result

        def __repr__(self: Any) -> str:
            return self.__class__.__name__ + shown % self

        def _asdict(self: Any) -> dict[str, Any]:
            return dict(zip(self._fields, self, strict=True))

        def __getnewargs__(self: Any) -> tuple[Any, ...]:
            return tuple(self)

        body: dict[str, Any] = {
            "__doc__": f"{name}({', '.join(fields)})",
            "__slots__": (),
            "_fields": fields,
            "_field_defaults": dict(zip(fields[count - len(defaults) :], defaults, strict=True)),
            "__new__": new,
            "_make": classmethod(_make),
            "_replace": _replace,
            "__repr__": __repr__,
            "_asdict": _asdict,
            "__getnewargs__": __getnewargs__,
            "__match_args__": fields,
            "__module__": module,
        }
        for index, field in enumerate(fields):
            body[field] = _tuplegetter(index, f"Alias for field number {index}")
        return type(name, (tuple,), body)

    class _NamedTupleMeta(type):
        def __new__(mcls, name: str, bases: tuple[type, ...], body: dict[str, Any]) -> type:
            if not bases:  # NamedTuple itself
                return super().__new__(mcls, name, bases, body)
            if len(bases) != 1:
                raise TypeError("a NamedTuple class derives from NamedTuple alone")
            annotations = body.get("__annotations__", {})
            defaults = []
            for field in annotations:
                if field in body:
                    defaults.append(body[field])
                elif defaults:
                    raise TypeError(
                        f"Non-default namedtuple field {field} cannot follow default field"
                    )
            cls = _make_class(name, tuple(annotations), tuple(defaults), body["__module__"])
            cls.__annotations__ = dict(annotations)
            cls.__qualname__ = body.get("__qualname__", name)
            for key, value in body.items():
                if key in _OWN:
                    raise AttributeError(f"Cannot overwrite NamedTuple attribute {key}")
                if key not in _GIVEN and key not in annotations:
                    setattr(cls, key, value)
            return cls

    class NamedTuple(metaclass=_NamedTupleMeta):
        """The base a class statement names; its metaclass makes the real class."""
