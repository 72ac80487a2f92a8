"""``NamedTuple`` classes at the cost of ``collections.namedtuple``, typed as typing's.

``class Span(NamedTuple)`` through ``typing`` checks every field's annotation when the
class is made, compiling each one that is a string (as they all are under ``from
__future__ import annotations``): about 0.17 ms a class on Python 3.11, against 0.07 ms
for the same ``collections.namedtuple``.  A one-shot ``botkit lint`` makes 34 of them
before it reads a byte, 6 ms of a 50 ms command.  Here the class body is turned into
that same ``collections.namedtuple`` directly: the same fields, defaults, methods,
docstring, pickling and ``_replace``; type checkers see ``typing.NamedTuple`` itself.
What typing adds on top (generic NamedTuples, ``__orig_bases__``) botkit does not use.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any

__all__ = ["NamedTuple"]

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    #: What a namedtuple defines itself: a class body may not replace them (as in typing).
    _OWN = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
        | {"_make", "_replace", "_asdict", "_source"}
    )
    #: What the class statement puts in every body, set on the class another way.
    _GIVEN = frozenset({"__module__", "__qualname__", "__annotations__"})

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
            cls = collections.namedtuple(
                name, list(annotations), defaults=defaults, module=body["__module__"]
            )
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
