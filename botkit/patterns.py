"""JSON Schema ``pattern`` with the meaning the standard gives it: ECMA-262 regexes.

Python's ``re`` differs from ECMA-262 where schemas care most: ``$`` also
matches before a final newline (``^[a-z]+$`` accepts ``"abc\\n"``), and ``\\d``,
``\\w``, ``\\s`` take Unicode classes.  So both of botkit's validators, the fast
check (botkit/schemacheck.py) and jsonschema (botkit/schemas.py), run every
``pattern`` and ``patternProperties`` key through one ECMA-262 engine, regress,
and a schema means in botkit what it means in any conforming implementation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

Search = Callable[[str], bool]


@cache
def search(pattern: str) -> Search:
    """A test "does ``pattern`` match somewhere in the text?", compiled once per pattern."""
    import regress

    find = regress.Regex(pattern).find

    def matches(text: str) -> bool:
        try:
            return find(text) is not None
        except UnicodeEncodeError:
            # A lone surrogate (JSON allows "\ud800") cannot cross into the engine; as
            # U+FFFD it still fails or passes every class botkit's schemas write.
            clean = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
            return find(clean) is not None

    return matches


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not search(pattern)(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(
    validator: Any, properties: Any, instance: Any, schema: Any
) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in properties.items():
        matches = search(pattern)
        for key, value in instance.items():
            if matches(key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


#: The jsonschema keyword implementations that replace Python-``re`` ones.
KEYWORDS = {"pattern": _pattern, "patternProperties": _pattern_properties}
