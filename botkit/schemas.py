"""JSON Schema validators, each built once per process and reused.

Patterns are ECMA-262 regexes, as JSON Schema defines them (botkit/patterns.py).
Building a Draft 2020-12 validator costs far more than validating one document
with it, so every caller goes through ``validator(name)``.  ``$ref`` between
files in schemas/ resolves through one ``referencing.Registry``.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import TYPE_CHECKING, Any

from botkit.named_tuples import NamedTuple
from botkit.resources import data_dir

if TYPE_CHECKING:
    from jsonschema.protocols import Validator


class SchemaProblem(NamedTuple):
    """The most relevant schema error: where it is (a JSON path) and what is wrong."""

    path: tuple[str | int, ...]
    message: str

    @property
    def json_path(self) -> str:
        out = "$"
        for key in self.path:
            out += f"[{key}]" if isinstance(key, int) else f".{key}"
        return out

    def __str__(self) -> str:
        return f"{self.json_path}: {self.message}"


@cache
def _registry() -> Any:
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    resources = []
    folder = data_dir("schemas")
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".schema.json")):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            contents = json.load(f)
        # Every file is Draft 2020-12; without its "$schema" a $ref into another file
        # keeps botkit's validator class (ECMA patterns) instead of jsonschema's own.
        contents.pop("$schema", None)
        resource = DRAFT202012.create_resource(contents)
        resources.append((contents.get("$id", name), resource))
        resources.append((name, resource))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Validator:
    """The validator for ``schemas/<name>.schema.json``, e.g. ``validator("component")``."""
    schema = _registry().contents(f"{name}.schema.json")
    return _ecma_validator_class()(schema, registry=_registry())


@cache
def _ecma_validator_class() -> Any:
    """Draft 2020-12 with ECMA-262 ``pattern`` semantics (botkit/patterns.py), as the
    standard asks, where jsonschema alone would use Python's ``re``."""
    from jsonschema import Draft202012Validator, validators

    from botkit.patterns import KEYWORDS

    return validators.extend(Draft202012Validator, KEYWORDS)


def is_valid(name: str, instance: Any) -> bool:
    """Yes or no, fast: a check compiled from the schema (botkit/schemacheck.py), which
    needs no jsonschema import; jsonschema itself only where that check cannot compile."""
    from botkit.schemacheck import compiled

    check = compiled(name)
    return check(instance) if check is not None else validator(name).is_valid(instance)


def best_problem(name: str, instance: Any) -> SchemaProblem | None:
    """The single most relevant error, or None when ``instance`` is valid."""
    if is_valid(name, instance):
        return None
    from jsonschema.exceptions import best_match

    error = best_match(validator(name).iter_errors(instance))
    if error is None:
        return None
    return SchemaProblem(tuple(error.absolute_path), _describe(error))


def _describe(error: Any) -> str:
    """jsonschema's message, in words where it would quote a pattern or a sub-schema
    (botkit/schema_words.py), never repeating a credential it quotes (botkit/masking.py)."""
    from botkit.masking import schema_message
    from botkit.schema_words import in_words

    words = in_words(error)
    raw = error.message if words is None else f"{error.instance!r} {words}"
    message = schema_message(raw, error.instance, error.absolute_path)
    if len(message) > 200:
        message = message[:197] + "..."
    return message
