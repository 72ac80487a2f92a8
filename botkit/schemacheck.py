"""A fast yes/no schema check, compiled from the same schema files as the validators.

``jsonschema`` walks a schema for every value it validates (``$ref`` lookups,
validator objects per level): about 1 ms per bot step.  Most files in CI are
valid, and a valid file needs no error messages, so the linter first asks this
compiled check "is it valid?" and runs ``jsonschema`` only when the answer is
no, to find the errors to report.

The check is built from the schema itself (closures, one per schema node), so it
cannot drift from it.  It knows the keywords botkit's schemas use, with Draft
2020-12 meaning and ECMA-262 regexes (botkit/patterns.py, as jsonschema gets
them in botkit/schemas.py); a schema with any other keyword (or an enum of non-strings)
is not compiled at all and ``compiled()`` returns None, so the linter falls back
to ``jsonschema`` alone: slower, never wrong.  tests/test_schemacheck.py
checks it against ``jsonschema`` on generated documents.

``compiled()`` compiles a ``$ref``'s target only when a value first reaches it: a
bot uses a few of the component kinds, and compiling all of them cost a one-shot
lint 7 M instructions.  The shipped schemas are fixed files, and a test compiles
each of them eagerly (``_Compiler(lazy=False)``), so no ``$ref`` of theirs is
unsupported; should one be all the same (a file edited in place), the check asks
``jsonschema`` for that value instead of answering (``_guarded``).

Over 350 lines because it is one compiler with one small method per keyword it
knows (``_k_<keyword>``): a keyword is added, and read, where the others are.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from typing import Any

from botkit import patterns
from botkit.schema_refs import join, split_fragment

Check = Callable[[Any], bool]

_OBJECT_KEYWORDS = {"type", "required", "properties", "patternProperties", "additionalProperties"}

#: Keywords that never affect validity (annotations, containers of subschemas).
_IGNORED = {
    "$schema", "$id", "$defs", "$comment", "title", "description", "default",
    "examples", "deprecated", "readOnly", "writeOnly",
    # An annotation in Draft 2020-12 unless a format checker is asked for, and
    # botkit's validators ask for none: jsonschema ignores it too.
    "format",
}  # fmt: skip
_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
}


def _is_number(value: Any) -> bool:
    """A JSON number (``true`` is no number, as JSON Schema's type "number" says)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: Any) -> float | int:
    """A numeric keyword's bound; anything else is not compiled (jsonschema decides)."""
    if not _is_number(value):
        raise Unsupported("a bound that is not a number")
    return value


class Unsupported(Exception):
    """The schema uses something this compiler does not implement."""


class SchemaFiles:
    """The schema documents of schemas/, by file name and by ``$id``.

    A plain lookup on purpose: ``referencing`` (which jsonschema needs) costs tens
    of milliseconds to import, and a valid document never needs it.  The files are
    read as they are asked for (checking a component needs only its own file): a
    name, or an ``$id`` whose last segment names the file that declares it; any other
    ``$id`` reads them all.
    """

    def __init__(self, documents: dict[str, Any], folder: str | None = None) -> None:
        self._documents = documents
        self._folder = folder  # None: every document is given

    @classmethod
    @cache
    def load(cls) -> SchemaFiles:
        from botkit.resources import data_dir

        return cls({}, data_dir("schemas"))

    def contents(self, uri: str) -> Any:
        found = self._documents.get(uri)
        if found is None and self._folder is not None:
            self._read(uri.rpartition("/")[2])
            found = self._documents.get(uri)
            if found is None:
                self._read_all()
        return self._documents[uri]

    def _read(self, name: str) -> None:
        import json

        assert self._folder is not None
        path = os.path.join(self._folder, name)
        if not name.endswith(".schema.json") or name in self._documents:
            return
        if not os.path.isfile(path):
            return
        with open(path, encoding="utf-8") as f:
            contents = json.load(f)
        self._documents[name] = contents
        if isinstance(contents, dict) and isinstance(contents.get("$id"), str):
            self._documents.setdefault(contents["$id"], contents)

    def _read_all(self) -> None:
        assert self._folder is not None
        for name in sorted(os.listdir(self._folder)):
            self._read(name)
        self._folder = None


@cache
def compiled(name: str) -> Check | None:
    """The yes/no check for ``schemas/<name>.schema.json``, or None (use jsonschema)."""
    try:
        root = _Compiler(SchemaFiles.load(), lazy=True).compile_ref(f"{name}.schema.json")
    except Unsupported:
        return None

    def ask_jsonschema(value: Any) -> bool:
        from botkit.schemas import validator

        return bool(validator(name).is_valid(value))

    return _guarded(root, ask_jsonschema)


def _guarded(check: Check, fallback: Check) -> Check:
    """``check``, but ``fallback``'s answer for a value that reaches an unsupported
    ``$ref`` (found only then, compiling lazily): never a guess.  A ``try`` costs
    nothing until it catches."""

    def guarded(value: Any) -> bool:
        try:
            return check(value)
        except Unsupported:
            return fallback(value)

    return guarded


@cache
def compiled_inline(text: str) -> Check | None:
    """The yes/no check for a schema written as JSON text (a catalog parameter's), or None.

    Such a schema stands alone (its ``$ref``s point inside it).  One with a ``pattern``
    is left to jsonschema, which reads it as a Python regex where this reads ECMA-262."""
    import json

    if '"pattern' in text:
        return None
    try:
        return _Compiler(SchemaFiles({"param": json.loads(text)})).compile_ref("param")
    except (Unsupported, ValueError, LookupError, TypeError):
        return None


class _Compiler:
    """Closures from schema nodes; ``lazy``: a ``$ref`` compiles its target on first use.

    Eager compiling (catalog parameter schemas, and the test that every shipped schema
    compiles) meets a recursive schema's ``$ref`` while its target is still being
    compiled, so it hands back a forward reference; lazy compiling never does, as no
    check runs while compiling."""

    def __init__(self, registry: Any, *, lazy: bool = False) -> None:
        self.registry = registry
        self.lazy = lazy
        self.memo: dict[str, Check] = {}

    def compile_ref(self, target: str) -> Check:
        found = self.memo.get(target)
        if found is not None:
            return found
        document_uri, fragment = split_fragment(target)
        try:
            node = self.registry.contents(document_uri)
            for part in fragment.split("/"):
                if part:
                    part = part.replace("~1", "/").replace("~0", "~")
                    node = node[int(part)] if isinstance(node, list) else node[part]
        except (LookupError, ValueError, TypeError) as exc:
            raise Unsupported(f"cannot resolve {target}") from exc
        if self.lazy:
            check = self.compile(node, document_uri)
        else:
            cell: list[Check] = []
            self.memo[target] = lambda v: cell[0](v)  # for a $ref back into this node
            check = self.compile(node, document_uri)
            cell.append(check)
        self.memo[target] = check
        return check

    def compile(self, schema: Any, base: str) -> Check:
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        if not isinstance(schema, dict):
            raise Unsupported("a schema must be an object or a boolean")
        if isinstance(schema.get("$id"), str):
            base = join(base, schema["$id"])
        if schema.get("type") == "object" and set(schema) - _IGNORED <= _OBJECT_KEYWORDS:
            return self._object(schema, base)
        checks: list[Check] = []
        keys = set(schema) - _IGNORED
        for key in keys:
            if key in ("then", "else", "properties", "patternProperties"):
                continue  # compiled with 'if' / 'additionalProperties'; 'then' alone does nothing
            method = getattr(self, "_k_" + key.lstrip("$"), None)
            if method is None:
                raise Unsupported(f"keyword {key!r}")
            checks.append(method(schema[key], schema, base))
        if "additionalProperties" not in schema and (
            "properties" in schema or "patternProperties" in schema
        ):
            checks.append(self._k_additionalProperties(True, schema, base))
        if not checks:
            return lambda v: True
        if len(checks) == 1:
            return checks[0]
        return _every(checks)

    # --- keywords --------------------------------------------------------------------

    def _k_ref(self, ref: Any, schema: dict[str, Any], base: str) -> Check:
        if not isinstance(ref, str):
            raise Unsupported("$ref")
        target = join(base, ref)
        if not self.lazy or target in self.memo:
            return self.compile_ref(target)

        resolved: Check  # first, then the compiled target: one plain call on

        def first(v: Any) -> bool:
            nonlocal resolved
            try:
                resolved = self.compile_ref(target)
            except Unsupported as exc:
                reason = str(exc)
                resolved = _refuse(reason)
            return resolved(v)

        resolved = first

        def ref_check(v: Any) -> bool:
            return resolved(v)

        return ref_check

    def _k_type(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        names = [value] if isinstance(value, str) else value
        try:
            tests = [_TYPES[n] for n in names]
        except (KeyError, TypeError):
            raise Unsupported("type") from None
        if len(tests) == 1:
            return tests[0]
        return lambda v: any(t(v) for t in tests)

    def _k_enum(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise Unsupported("enum of non-strings")  # JSON equality of 1, 1.0, true...
        allowed = frozenset(value)
        return lambda v: isinstance(v, str) and v in allowed

    def _k_const(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        if not isinstance(value, str):
            raise Unsupported("const of a non-string")
        return lambda v: isinstance(v, str) and v == value

    def _k_pattern(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        search = patterns.search(value)
        return lambda v: not isinstance(v, str) or search(v)

    def _k_minLength(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        return lambda v: not isinstance(v, str) or len(v) >= value

    def _k_maxLength(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        return lambda v: not isinstance(v, str) or len(v) <= value

    def _k_minimum(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        bound = _number(value)
        return lambda v: not _is_number(v) or v >= bound

    def _k_maximum(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        bound = _number(value)
        return lambda v: not _is_number(v) or v <= bound

    def _k_exclusiveMinimum(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        bound = _number(value)
        return lambda v: not _is_number(v) or v > bound

    def _k_exclusiveMaximum(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        bound = _number(value)
        return lambda v: not _is_number(v) or v < bound

    def _k_maxItems(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        return lambda v: not isinstance(v, list) or len(v) <= value

    def _k_minItems(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        return lambda v: not isinstance(v, list) or len(v) >= value

    def _k_required(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        names = tuple(value)
        wanted = frozenset(names)
        return lambda v: not isinstance(v, dict) or wanted.issubset(v)

    def _k_items(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        if isinstance(value, list):
            raise Unsupported("items as a list (draft 4-2019 form)")
        item = self.compile(value, base)

        def check(v: Any) -> bool:
            if isinstance(v, list):
                for x in v:
                    if not item(x):
                        return False
            return True

        return check

    def _k_propertyNames(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        name = self.compile(value, base)
        return lambda v: not isinstance(v, dict) or all(name(k) for k in v)

    def _k_additionalProperties(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        """properties, patternProperties and additionalProperties, as one pass over keys."""
        props = {k: self.compile(s, base) for k, s in schema.get("properties", {}).items()}
        by_pattern = [
            (patterns.search(p), self.compile(s, base))
            for p, s in schema.get("patternProperties", {}).items()
        ]
        extra = None if value is True else self.compile(value, base)
        # The checks each key's value must pass, worked out once per key name: the same
        # few names come back in every object.
        plans: dict[str, tuple[Check, ...]] = {}

        def plan(key: str) -> tuple[Check, ...]:
            found = plans.get(key)
            if found is None:
                found = tuple(c for search, c in by_pattern if search(key))
                sub = props.get(key)
                if sub is not None:
                    found = (sub, *found)
                elif not found and extra is not None:
                    found = (extra,)
                if len(plans) < 4096:  # bounded: arbitrary input may hold any number of names
                    plans[key] = found
            return found

        def check(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            for key, item in v.items():
                for c in plan(key):
                    if not c(item):
                        return False
            return True

        return check

    def _object(self, schema: dict[str, Any], base: str) -> Check:
        """The common object schema (type, required, properties, additionalProperties)
        as one closure: most of a bot's values are such objects."""
        required = frozenset(schema.get("required", ()))
        members = self._k_additionalProperties(
            schema.get("additionalProperties", True), schema, base
        )

        def check(v: Any) -> bool:
            return isinstance(v, dict) and required.issubset(v) and members(v)

        return check

    def _k_allOf(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        switch = self._switch(value, base)
        if switch is None:
            return _every([self.compile(s, base) for s in value])
        key, table = switch
        thens = [then for row in table.values() for then in row]

        def check(v: Any) -> bool:
            if not isinstance(v, dict):
                # Every 'if' holds for a non-object, so every 'then' applies: the 'if's
                # need no closures of their own.
                return all(then(v) for then in thens)
            if key not in v or not isinstance(v[key], str):
                return True  # no 'if' holds
            return all(then(v) for then in table.get(v[key], ()))

        return check

    def _switch(self, branches: Any, base: str) -> tuple[str, dict[str, list[Check]]] | None:
        """``allOf`` of ``if: {properties: {K: {const: C}}, required: [K]}, then: ...`` (a
        discriminator, as the bot schema picks a component kind by 'type'): a table from
        C to its 'then', so one lookup replaces trying every 'if'."""
        key = None
        table: dict[str, list[Check]] = {}
        for branch in branches:
            if not isinstance(branch, dict) or set(branch) != {"if", "then"}:
                return None
            test = branch["if"]
            props = test.get("properties") if isinstance(test, dict) else None
            if (
                not isinstance(props, dict)
                or len(props) != 1
                or set(test) != {"properties", "required"}
                or test["required"] != list(props)
            ):
                return None
            ((name, rule),) = props.items()
            if (
                key not in (None, name)
                or set(rule) != {"const"}
                or not isinstance(rule["const"], str)
            ):
                return None
            key = name
            table.setdefault(rule["const"], []).append(self.compile(branch["then"], base))
        return (key, table) if key is not None else None

    def _k_anyOf(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        subs = [self.compile(s, base) for s in value]
        return lambda v: any(s(v) for s in subs)

    def _k_oneOf(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        subs = [self.compile(s, base) for s in value]
        return lambda v: sum(1 for s in subs if s(v)) == 1

    def _k_not(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        sub = self.compile(value, base)
        return lambda v: not sub(v)

    def _k_if(self, value: Any, schema: dict[str, Any], base: str) -> Check:
        test = self.compile(value, base)
        then = self.compile(schema.get("then", True), base)
        other = self.compile(schema.get("else", True), base)
        return lambda v: then(v) if test(v) else other(v)


def _refuse(reason: str) -> Check:
    def refuse(v: Any) -> bool:
        raise Unsupported(reason)

    return refuse


def _every(checks: list[Check]) -> Check:
    """All of ``checks``, cheapest first (a type test is the one that fails fastest)."""
    checks = sorted(checks, key=lambda c: c not in _TYPES.values())
    first, rest = checks[0], tuple(checks[1:])

    def check(v: Any) -> bool:
        if not first(v):
            return False
        for c in rest:  # noqa: SIM110 - no generator per call on the hot path
            if not c(v):
                return False
        return True

    return check
