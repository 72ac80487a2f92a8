"""Bases for the value classes built on every command's start-up path, without dataclass.

``dataclass`` generates and compiles half a dozen methods per class when the module
is imported, about a third of a millisecond each class on Python 3.11, and the
catalog's classes and the cURL reader's are imported by every command that reads
one.  ``Value`` (immutable) and ``Record`` (mutable) give a dataclass's behaviour
from one set of methods written once: equality by field (only with the same
class), a readable repr, ``replace``; ``Value`` also a hash and no assignment,
``Record`` no hash, as a mutable dataclass has none.  A subclass lists its
``_fields`` and sets them in a plain ``__init__`` (``Value``: with ``_set``).
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

V = TypeVar("V", bound="_Fields")


class _Fields:
    """What both bases share: fields by name, the repr, ``replace``."""

    __slots__ = ()
    #: The constructor's arguments, in order.
    _fields: ClassVar[tuple[str, ...]] = ()
    #: Those that take part in equality, hash and repr (default: every field).
    _compared: ClassVar[tuple[str, ...]] = ()

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared or self._fields)

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._compared or self._fields)
        return f"{type(self).__name__}({shown})"

    def _arguments(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._fields}

    def replace(self: V, **changes: Any) -> V:
        """A copy with ``changes`` (``dataclasses.replace``)."""
        return type(self)(**{**self._arguments(), **changes})


class Value(_Fields):
    __slots__ = ()

    def _set(self, **values: Any) -> None:
        fields = getattr(self, "__dict__", None)
        if fields is not None and not _has_slots(type(self)):
            fields.update(values)  # one call, not one object.__setattr__ a field
            return
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._key()))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: {type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: {type(self).__name__} is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), self._arguments())  # pickle and copy by the constructor


class Record(_Fields):
    """A mutable value: its fields may be assigned, so it has no hash."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]


_SLOTTED: dict[type, bool] = {}


def _has_slots(cls: type) -> bool:
    """Does some class of ``cls``'s hierarchy keep fields in slots (set them one by one)?"""
    found = _SLOTTED.get(cls)
    if found is None:
        found = _SLOTTED[cls] = any(getattr(c, "__slots__", ()) for c in cls.__mro__)
    return found


def _rebuild(cls: type[V], arguments: dict[str, Any]) -> V:
    return cls(**arguments)
