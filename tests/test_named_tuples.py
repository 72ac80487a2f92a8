"""botkit's NamedTuple base makes the class typing.NamedTuple makes, only cheaper.

Each behaviour botkit relies on is compared with a class made by ``typing`` from the
same body: construction, defaults, fields, methods and docstring, ``_replace`` and
``_asdict``, ordering, hashing, pickling (lint results cross process pipes), and the
errors typing gives for a body it refuses.
"""

from __future__ import annotations

import collections
import pickle
import typing
from pathlib import Path

import pytest

from botkit.named_tuples import NamedTuple


class Span(NamedTuple):
    """A piece of text."""

    start: int
    end: int
    name: str = ""

    def width(self) -> int:
        return self.end - self.start

    @property
    def empty(self) -> bool:
        return self.start == self.end


class TypingSpan(typing.NamedTuple):
    """A piece of text."""

    start: int
    end: int
    name: str = ""

    def width(self) -> int:
        return self.end - self.start

    @property
    def empty(self) -> bool:
        return self.start == self.end


def test_a_class_behaves_as_the_typing_one() -> None:
    ours, theirs = Span(1, 4), TypingSpan(1, 4)
    assert ours == theirs == (1, 4, "")
    assert repr(ours) == repr(theirs).replace("TypingSpan", "Span")
    assert Span._fields == TypingSpan._fields
    assert Span._field_defaults == TypingSpan._field_defaults == {"name": ""}
    assert Span.__doc__ == TypingSpan.__doc__
    # as written (strings, as on any class here); typing makes them ForwardRefs
    assert typing.get_type_hints(Span) == typing.get_type_hints(TypingSpan)
    assert Span.__module__ == TypingSpan.__module__ and Span.__qualname__ == "Span"
    assert ours.width() == 3 and not ours.empty
    assert ours._replace(name="x") == Span(1, 4, "x")
    assert ours._asdict() == theirs._asdict()
    assert Span._make([2, 2, ""]).empty
    assert sorted([Span(3, 4), Span(1, 2)]) == [(1, 2, ""), (3, 4, "")]
    assert hash(ours) == hash(theirs)
    start, end, name = ours
    assert (start, end, name) == (1, 4, "")
    assert isinstance(ours, tuple) and not hasattr(ours, "__dict__")


def test_a_value_survives_pickling() -> None:
    value = Span(1, 2, "a")
    assert pickle.loads(pickle.dumps(value)) == value
    assert type(pickle.loads(pickle.dumps(value))) is Span


def test_a_field_without_a_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="cannot follow default field"):

        class Bad(NamedTuple):
            a: int = 0
            b: int  # type: ignore[misc]


def test_what_a_namedtuple_defines_cannot_be_replaced() -> None:
    with pytest.raises(AttributeError, match="_replace"):

        class Bad(NamedTuple):
            a: int

            def _replace(self) -> None:  # type: ignore[override]
                pass


def test_every_botkit_named_tuple_is_made_here() -> None:
    """typing's NamedTuple is what this base avoids: no botkit module imports it."""
    root = Path(__file__).resolve().parents[1] / "botkit"
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if p.name != "named_tuples.py"
        and any(
            line.startswith("from typing import") and "NamedTuple" in line
            for line in p.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []


def test_construction_and_its_errors_are_the_typing_ones() -> None:
    for cls in (Span, TypingSpan):
        assert cls(start=1, end=2) == cls(1, 2, "") == cls(1, end=2)
        with pytest.raises(TypeError):
            cls(1)  # type: ignore[call-arg]
        with pytest.raises(TypeError):
            cls(1, 2, "x", 4)  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="Expected 3 arguments, got 2"):
            cls._make([1, 2])
        with pytest.raises(ValueError, match="unexpected field names: \\['nope'\\]"):
            cls(1, 2)._replace(nope=3)  # type: ignore[call-arg]
        assert cls.__match_args__ == ("start", "end", "name")
        assert cls.__new__.__defaults__ == ("",)
        assert cls.start.__doc__ == "Alias for field number 0"


class One(NamedTuple):
    only: int


def test_one_field_and_pattern_matching() -> None:
    assert One(3) == (3,) and One(only=3).only == 3
    match One(4):
        case One(only=value):
            assert value == 4


@pytest.mark.parametrize("count", range(16))
def test_every_number_of_fields_constructs_as_typing_does(count: int) -> None:
    """The written-out constructors (0 to 12 fields) and the compiled ones beyond them take
    the fields by position and by name, with defaults, and refuse what namedtuple's (which
    typing's are) refuse."""
    fields = [f"f{i}" for i in range(count)]
    annotations = dict.fromkeys(fields, "int")
    body = {"__annotations__": annotations, "__module__": __name__, "__qualname__": "Many"}
    if count:
        body[fields[-1]] = -1  # the last field has a default
    ours = type(NamedTuple)("Many", (NamedTuple,), dict(body))
    theirs = collections.namedtuple("Many", fields, defaults=[-1] if count else [])
    values = list(range(count))
    assert tuple(ours(*values)) == tuple(theirs(*values)) == tuple(values)
    assert tuple(ours(**dict(zip(fields, values, strict=True)))) == tuple(values)
    if count:
        assert ours(*values[:-1])[-1] == theirs(*values[:-1])[-1] == -1
    with pytest.raises(TypeError):
        ours(*values, 99)
    with pytest.raises(TypeError):
        theirs(*values, 99)
    assert ours._fields == theirs._fields
