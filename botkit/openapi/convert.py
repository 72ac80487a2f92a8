"""OpenAPI operations -> catalog entries, and a note for whatever an entry cannot hold.

One API per operation: its id from the vendor and the operationId in kebab case,
its parameters as the API spells them (path, query, header, and the top-level
fields of a JSON body), their types, required flags and a one-line help.  What
the catalog cannot express (a ``oneOf`` body, a file upload, a cookie, a schema
nested past ``MAX_DEPTH``, an auth scheme it has no word for) becomes a ``Note``
on that operation: never dropped in silence.  An operation whose required body
cannot be expressed is skipped, with a note saying so.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any, Literal

from botkit.openapi.spec import Resolver, SpecError

#: How deep a json parameter's schema is kept; deeper parts accept any value (and a note says so).
MAX_DEPTH = 6
METHODS = ("get", "post", "put", "patch", "delete")
_OTHER_METHODS = ("head", "options", "trace")
_NAME = re.compile(r"[A-Za-z_$@][A-Za-z0-9_.$@-]*")
_PATH_NAME = re.compile(r"[A-Za-z0-9_]+")
# Header parameters that OpenAPI says to ignore: the request's own machinery.
_IGNORED_HEADERS = {"accept", "content-type", "authorization"}
_NOISE_WORDS = {"api", "apis", "public", "web", "rest", "openapi", "the", "service"}
_SCALAR_TYPES = {"string", "integer", "number", "boolean"}
_DROP_KEYWORDS = {
    "description", "example", "examples", "xml", "externalDocs", "readOnly", "writeOnly",
    "deprecated", "title", "discriminator", "nullable", "x-nullable", "$comment",
}  # fmt: skip


@dataclass(frozen=True)
class Options:
    """What to convert and how; every field has a default that follows the spec."""

    vendor: str | None = None
    operations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    #: String fields whose name matches this regex are phone numbers (the vendor's convention).
    phone_names: str | None = None
    phone_format: Literal["digits", "e164"] | None = None
    #: False: summaries and help made from names only, none of the spec's descriptions
    #: (for a catalog that ships: the spec's prose is the vendor's text).
    prose: bool = True


@dataclass(frozen=True)
class Note:
    """Something an operation has that its catalog entry does not hold."""

    operation: str  # "POST /media/upload (upload-media)"
    message: str

    def __str__(self) -> str:
        return f"{self.operation}: {self.message}"


@dataclass
class Conversion:
    """The catalog file's data (``vendor`` and ``api`` tables) and the notes on it."""

    vendor: dict[str, Any]
    apis: list[dict[str, Any]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def data(self) -> dict[str, Any]:
        return {"vendor": self.vendor, "api": self.apis}


def convert(spec: Mapping[str, Any], options: Options = Options()) -> Conversion:
    """The catalog entries of ``spec``'s operations that ``options`` selects."""
    resolver = Resolver(spec)
    raw_info = spec.get("info")
    info: Mapping[str, Any] = raw_info if isinstance(raw_info, Mapping) else {}
    title = _title(str(info.get("title") or options.vendor or "API"))
    name = options.vendor or _slug(title) or "api"
    env_prefix = re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_") or "API"
    phone_names = re.compile(options.phone_names) if options.phone_names else None
    ctx = _Context(resolver, env_prefix, phone_names, spec, prose=options.prose)
    vendor_notes: list[Note] = []

    selected = list(_operations(spec, resolver, options))
    _name_schemes(ctx, [op.get("security", spec.get("security")) for _, _, op, _ in selected])
    auths: list[dict[str, Any] | None] = []
    drafts: list[tuple[str, tuple[dict[str, Any], dict[str, Any] | None] | None, list[str]]] = []
    used_actions: set[str] = set()
    for path, method, op, path_item in selected:
        label = f"{method.upper()} {path}" + (
            f" ({op['operationId']})" if isinstance(op.get("operationId"), str) else ""
        )
        notes: list[str] = []
        try:
            entry = _operation(ctx, path, method, op, path_item, notes)
        except SpecError as exc:
            entry = None
            notes.append(f"skipped: {exc}")
        if entry is None:
            drafts.append((label, None, notes))
            continue
        action = _unique(entry["action"], used_actions)
        entry["action"] = action
        auth, auth_notes = _auth(ctx, op.get("security", spec.get("security")))
        notes += auth_notes
        auths.append(auth)
        drafts.append((label, (entry, auth), notes))

    counts = Counter(json.dumps(a, sort_keys=True) for a in auths)
    vendor_auth = json.loads(counts.most_common(1)[0][0]) if counts else {"scheme": "none"}
    vendor_auth = vendor_auth or {"scheme": "none"}

    vendor: dict[str, Any] = {"name": name, "title": title}
    base_url = _base_url(spec.get("servers"), vendor_notes, name)
    if base_url:
        vendor["base_url"] = base_url
    docs = _docs(spec.get("externalDocs")) or _docs(info.get("contact"), key="url")
    if docs:
        vendor["docs"] = docs
    if options.phone_format:
        vendor["phone_format"] = options.phone_format
    vendor["auth"] = vendor_auth
    vendor["headers"] = (
        [{"name": "Content-Type", "value": "application/json"}] if ctx.json_bodies else []
    )

    result = Conversion(vendor, notes=vendor_notes)
    for label, draft, notes in drafts:
        result.notes += [Note(label, n) for n in notes]
        if draft is None:
            result.skipped.append(label)
            continue
        entry, auth = draft
        auth = auth or {"scheme": "none"}
        if auth != vendor_auth:
            entry["auth"] = auth
        result.apis.append(entry)
    return result


@dataclass
class _Context:
    resolver: Resolver
    env_prefix: str
    phone_names: re.Pattern[str] | None
    spec: Mapping[str, Any]
    prose: bool = True
    json_bodies: bool = False
    scheme_envs: dict[str, str] = field(default_factory=dict)


def _operations(
    spec: Mapping[str, Any], resolver: Resolver, options: Options
) -> Iterable[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    wanted_ops = set(options.operations)
    for path, raw_item in (spec.get("paths") or {}).items():
        item = resolver.deref(raw_item)
        if not isinstance(item, Mapping):
            continue
        if options.paths and not any(
            fnmatchcase(path, p) or (path.startswith(p.rstrip("*")) and p.endswith("*"))
            for p in options.paths
        ):
            continue
        for method in (*METHODS, *_OTHER_METHODS):
            op = item.get(method)
            if not isinstance(op, Mapping):
                continue
            op_id = op.get("operationId")
            if wanted_ops and not (
                op_id in wanted_ops or (isinstance(op_id, str) and _slug(op_id) in wanted_ops)
            ):
                continue
            tags = op.get("tags") or []
            if options.tags and not set(options.tags).intersection(tags):
                continue
            yield path, method, dict(op), dict(item)


def _operation(
    ctx: _Context,
    path: str,
    method: str,
    op: Mapping[str, Any],
    path_item: Mapping[str, Any],
    notes: list[str],
) -> dict[str, Any] | None:
    if method in _OTHER_METHODS:
        notes.append(f"skipped: the catalog has no {method.upper()} APIs")
        return None
    if "servers" in op or "servers" in path_item:
        notes.append("its own 'servers' are not expressed: it uses the vendor's base URL")
    op_id = op.get("operationId")
    action = _slug(op_id) if isinstance(op_id, str) and _slug(op_id) else _slug(f"{method} {path}")
    entry: dict[str, Any] = {
        "action": action,
        "summary": _summary(op, method, path) if ctx.prose else _named(op, method, path),
    }
    docs = _docs(op.get("externalDocs"))
    if docs:
        entry["docs"] = docs
    entry["method"] = method.upper()
    entry["path"] = path
    params: list[dict[str, Any]] = []
    merged: dict[tuple[str, str], Any] = {}
    for raw in [*(path_item.get("parameters") or []), *(op.get("parameters") or [])]:
        param = ctx.resolver.deref(raw)
        if isinstance(param, Mapping) and "name" in param and "in" in param:
            merged[(param["name"], param["in"])] = param
    for param in merged.values():
        converted = _parameter(ctx, param, notes)
        if converted is not None:
            params.append(converted)
    placeholders = re.findall(r"\{([^}]*)\}", path)
    declared = {p["name"] for p in params if p["in"] == "path"}
    for name in placeholders:
        if name not in declared:
            if not _PATH_NAME.fullmatch(name):
                notes.append(
                    f"skipped: path placeholder {{{name}}} is not a name the catalog takes"
                )
                return None
            notes.append(f"path placeholder {{{name}}} has no parameter: added as a string")
            added = _param(name, "path", {"type": "string"}, True, "", ctx, notes)
            if added is not None:
                params.append(added)
    body_params = _body(ctx, op.get("requestBody"), notes)
    if body_params is None:
        return None
    taken = {p["name"] for p in params}
    for p in body_params:
        if p["name"] in taken:
            notes.append(f"body field {p['name']!r} has the name of another parameter: left out")
            continue
        taken.add(p["name"])
        params.append(p)
    _give_options(params)
    entry["params"] = params
    return entry


def _parameter(ctx: _Context, param: Mapping[str, Any], notes: list[str]) -> dict[str, Any] | None:
    name, where = str(param["name"]), param["in"]
    if where == "cookie":
        notes.append(f"cookie parameter {name!r} is not expressed (the catalog sends no cookies)")
        return None
    if where == "header" and name.lower() in _IGNORED_HEADERS:
        return None  # OpenAPI: such a header parameter is ignored
    if where not in ("path", "query", "header"):
        notes.append(f"parameter {name!r} in {where!r} is not expressed")
        return None
    if not _NAME.fullmatch(name) or (where == "path" and not _PATH_NAME.fullmatch(name)):
        notes.append(f"{where} parameter {name!r}: a name the catalog cannot hold; left out")
        return None
    schema = param.get("schema")
    if schema is None and isinstance(param.get("content"), Mapping):
        media = next(iter(param["content"].values()), None)
        schema = media.get("schema", {}) if isinstance(media, Mapping) else {}
    converted = _param(
        name,
        where,
        schema or {"type": "string"},
        bool(param.get("required")) or where == "path",
        str(param.get("description") or ""),
        ctx,
        notes,
    )
    if converted is None:
        return None
    if converted["type"] == "json" and where != "header":
        notes.append(f"{where} parameter {name!r} is an object or a union: sent as JSON text")
    style, explode = param.get("style"), param.get("explode")
    if converted.get("list") and where == "query":
        if style in (None, "form"):
            if explode is False:
                converted["explode"] = False
        else:
            notes.append(f"query parameter {name!r}: style {style!r} is sent as repeated a=1&a=2")
    return converted


def _param(
    name: str,
    where: str,
    schema: Any,
    required: bool,
    description: str,
    ctx: _Context,
    notes: list[str],
) -> dict[str, Any] | None:
    schema = _merged(ctx, schema)
    kind, is_list, enum = _kind(ctx, name, schema)
    out: dict[str, Any] = {"name": name, "in": where, "type": kind}
    if is_list:
        out["list"] = True
    if required:
        out["required"] = True
    if enum:
        out["enum"] = enum
    if kind == "json":
        cut: list[str] = []
        out["schema"] = json.dumps(
            _json_schema(ctx, schema, 0, cut, frozenset()), separators=(",", ":"), sort_keys=True
        )
        if out["schema"] in ("{}", "true"):
            del out["schema"]
        if cut:
            why = (
                f"nests deeper than {MAX_DEPTH} levels"
                if cut[0] == "depth"
                else f"refers to itself ({cut[0]})"
            )
            notes.append(f"{where} field {name!r}: its schema {why}; deeper values are not checked")
    text = description or str(schema.get("description") or "")
    out["help"] = _help(text, name) if ctx.prose else _humanise(name)
    return out


def _kind(ctx: _Context, name: str, schema: Mapping[str, Any]) -> tuple[str, bool, list[str]]:
    """(catalog type, is a list, enum values) of a parameter schema."""
    types = _types(schema)
    if any(k in schema for k in ("oneOf", "anyOf")) or len(types) > 1:
        return "json", False, []
    kind = types[0] if types else ("object" if "properties" in schema else None)
    if kind == "array":
        items = _merged(ctx, schema.get("items") or {})
        item_types = _types(items)
        if (
            len(item_types) == 1
            and item_types[0] in _SCALAR_TYPES
            and not ("oneOf" in items or "anyOf" in items)
        ):
            item_kind, _, enum = _kind(ctx, name, items)
            return item_kind, True, enum
        return "json", False, []
    if kind in ("object", None):
        return "json", False, []
    enum = [str(v) for v in schema.get("enum", []) if v is not None]
    if "const" in schema and schema["const"] is not None:
        enum = [str(schema["const"])]
    if kind == "string":
        schema_format = schema.get("format")
        if schema_format == "uuid":
            return "uuid", False, enum
        if schema_format == "phone" or (
            ctx.phone_names is not None and ctx.phone_names.search(name)
        ):
            return "phone", False, []
        return "string", False, enum
    if kind in ("integer", "number"):
        return kind, False, enum
    return "boolean", False, []


def _types(schema: Mapping[str, Any]) -> list[str]:
    raw = schema.get("type")
    if isinstance(raw, list):
        return [t for t in raw if t != "null"]
    return [raw] if isinstance(raw, str) else []


def _merged(ctx: _Context, schema: Any, depth: int = 0) -> dict[str, Any]:
    """``schema`` with its ``$ref`` followed and an ``allOf`` merged into one object schema."""
    schema = ctx.resolver.deref(schema)
    if not isinstance(schema, Mapping):
        return {}
    if "allOf" not in schema or depth > MAX_DEPTH:
        return dict(schema)
    out: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    properties: dict[str, Any] = dict(out.get("properties") or {})
    required: list[str] = list(out.get("required") or [])
    for part in schema["allOf"]:
        merged = _merged(ctx, part, depth + 1)
        properties.update(merged.get("properties") or {})
        required += [r for r in merged.get("required") or [] if r not in required]
        for key, value in merged.items():
            if key not in ("properties", "required"):
                out.setdefault(key, value)
    if properties:
        out["properties"] = properties
        out.setdefault("type", "object")
    if required:
        out["required"] = required
    return out


def _json_schema(
    ctx: _Context, schema: Any, depth: int, cut: list[str], seen: frozenset[str]
) -> Any:
    """A self-contained JSON Schema (2020-12) for a json parameter, refs inlined to MAX_DEPTH."""
    if isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str):
        ref = schema["$ref"]
        if ref in seen or depth >= MAX_DEPTH:
            cut.append(ref.rsplit("/", 1)[-1])
            return {}
        seen = seen | {ref}
    schema = _merged(ctx, schema)
    if depth >= MAX_DEPTH:
        cut.append("depth")
        return {}
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _DROP_KEYWORDS or key.startswith("x-"):
            continue
        if key == "properties" and isinstance(value, Mapping):
            out[key] = {
                k: _json_schema(ctx, v, depth + 1, cut, seen)
                for k, v in value.items()
                if not _read_only(ctx, v)
            }
        elif key in ("items", "additionalProperties", "not") and isinstance(value, Mapping):
            out[key] = _json_schema(ctx, value, depth + 1, cut, seen)
        elif key in ("oneOf", "anyOf") and isinstance(value, list):
            out[key] = [_json_schema(ctx, v, depth + 1, cut, seen) for v in value]
        elif key == "pattern":
            try:
                re.compile(str(value))
            except re.error:
                continue
            out[key] = value
        elif key in ("required",) and isinstance(value, list):
            props = schema.get("properties") or {}
            kept = [
                r
                for r in value
                if not (
                    isinstance(props.get(r), Mapping)
                    and ctx.resolver.deref(props[r]).get("readOnly")
                )
            ]
            if kept:
                out[key] = kept
        else:
            out[key] = value
    if schema.get("nullable") is True and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    return out


def _read_only(ctx: _Context, schema: Any) -> bool:
    resolved = ctx.resolver.deref(schema) if isinstance(schema, Mapping) else None
    return isinstance(resolved, Mapping) and bool(resolved.get("readOnly"))


def _body(ctx: _Context, raw: Any, notes: list[str]) -> list[dict[str, Any]] | None:
    """The body's fields as parameters ([] without a body); None when the operation is skipped."""
    if raw is None:
        return []
    body = ctx.resolver.deref(raw)
    if not isinstance(body, Mapping):
        return []
    required = bool(body.get("required"))
    content = body.get("content") or {}
    json_type = next(
        (
            t
            for t in content
            if t.split(";")[0].strip() == "application/json" or t.split(";")[0].endswith("+json")
        ),
        None,
    )
    others = [t for t in content if t != json_type]
    for other in others:
        what = _content_words(other)
        if json_type is None and required:
            notes.append(f"skipped: its body is {what}")
            return None
        notes.append(f"the {what} body is not expressed" + (" (JSON is)" if json_type else ""))
    if json_type is None:
        return []
    ctx.json_bodies = True
    schema = _merged(ctx, (content[json_type] or {}).get("schema") or {})
    if "oneOf" in schema or "anyOf" in schema:
        word = "oneOf" if "oneOf" in schema else "anyOf"
        message = f"a {word} body (one of several shapes) is not expressed"
        if required:
            notes.append(f"skipped: {message}")
            return None
        notes.append(message)
        return []
    types = _types(schema)
    if types and types != ["object"]:
        message = (
            f"its JSON body is {'an ' if types[0][0] in 'aeiou' else 'a '}{types[0]}, not an object"
        )
        if required:
            notes.append(f"skipped: {message}")
            return None
        notes.append(message)
        return []
    properties = schema.get("properties") or {}
    if not properties:
        if schema.get("additionalProperties") not in (None, False):
            notes.append("a body of free-form fields (additionalProperties) is not expressed")
        return []
    if schema.get("additionalProperties") not in (None, False):
        notes.append("extra body fields (additionalProperties) cannot be given")
    wanted = set(schema.get("required") or [])
    out: list[dict[str, Any]] = []
    for name, prop in properties.items():
        resolved = _merged(ctx, prop)
        if resolved.get("readOnly"):
            continue
        if not _NAME.fullmatch(str(name)):
            notes.append(f"body field {name!r}: a name the catalog cannot hold; left out")
            continue
        converted = _param(
            str(name),
            "body",
            prop,
            name in wanted,
            str(resolved.get("description") or ""),
            ctx,
            notes,
        )
        if converted is not None:
            out.append(converted)
    missing = sorted(wanted - set(properties))
    if missing:
        notes.append(f"the body requires {missing}, which its schema does not describe")
    return out


def _content_words(content_type: str) -> str:
    base = content_type.split(";")[0].strip().lower()
    if base == "multipart/form-data":
        return "multipart/form-data (a file upload)"
    if base == "application/octet-stream":
        return "application/octet-stream (a file upload)"
    return base


def _auth(ctx: _Context, requirements: Any) -> tuple[dict[str, Any] | None, list[str]]:
    """The catalog auth table of a security requirement list, and notes on what is lost."""
    if not isinstance(requirements, list) or not requirements:
        return None, []
    notes: list[str] = []
    schemes = ((ctx.spec.get("components") or {}).get("securitySchemes")) or {}
    tables: list[tuple[str, dict[str, Any]]] = []
    optional = False
    for alternative in requirements:
        if not isinstance(alternative, Mapping):
            continue
        if not alternative:
            optional = True
            continue
        names = list(alternative)
        if len(names) > 1:
            notes.append(f"needs {' and '.join(names)} together: only {names[0]} is expressed")
        scheme = ctx.resolver.deref(schemes.get(names[0]))
        table = _scheme_table(ctx, names[0], scheme)
        if table is None:
            kind = scheme.get("type") if isinstance(scheme, Mapping) else None
            notes.append(f"auth scheme {names[0]!r} ({kind}) is not expressed")
            continue
        tables.append((names[0], table))
    if not tables:
        return None, notes
    kinds = {t["scheme"] for _, t in tables}
    bearer = [t for _, t in tables if t.get("prefix") == "Bearer "]
    basic = [t for _, t in tables if t["scheme"] == "basic"]
    if basic and bearer:
        table = {"scheme": "basic-or-bearer", "env": basic[0]["env"], "token_env": bearer[0]["env"]}
        rest = [n for n, t in tables if t is not basic[0] and t is not bearer[0]]
    else:
        table = tables[0][1]
        rest = [n for n, _ in tables[1:]]
    if rest:
        notes.append(f"also accepts {', '.join(rest)}: not expressed")
    if optional and len(kinds) >= 1:
        notes.append("credentials are optional: botkit always sends them")
    return table, notes


def _name_schemes(ctx: _Context, requirements: list[Any]) -> None:
    """Give the most used scheme the plain variable name (``VENDOR_API_KEY``), others after it."""
    used: Counter[str] = Counter()
    for requirement in requirements:
        for alternative in requirement if isinstance(requirement, list) else []:
            if isinstance(alternative, Mapping):
                used.update(str(name) for name in alternative)
    schemes = ((ctx.spec.get("components") or {}).get("securitySchemes")) or {}
    for name, _ in used.most_common():
        _scheme_table(ctx, name, ctx.resolver.deref(schemes.get(name)))


def _scheme_table(ctx: _Context, name: str, scheme: Any) -> dict[str, Any] | None:
    if not isinstance(scheme, Mapping):
        return None
    kind = scheme.get("type")
    if kind == "apiKey" and scheme.get("in") in ("header", "query"):
        env = _env(ctx, name, "API_KEY", str(scheme.get("name")))
        if scheme["in"] == "header":
            return {"scheme": "header", "header": str(scheme["name"]), "env": env}
        return {"scheme": "query", "param": str(scheme["name"]), "env": env}
    if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        return {"scheme": "basic", "env": _env(ctx, name, "USER", "user")}
    if (kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer") or kind in (
        "oauth2",
        "openIdConnect",
    ):
        env = _env(ctx, name, "TOKEN", "token")
        return {"scheme": "header", "header": "Authorization", "prefix": "Bearer ", "env": env}
    return None


def _env(ctx: _Context, scheme_name: str, suffix: str, what: str) -> str:
    """``DOUBLETICK_API_KEY`` for the first key scheme, ``DOUBLETICK_X_PUBLIC_API_KEY`` after."""
    if scheme_name in ctx.scheme_envs:
        return ctx.scheme_envs[scheme_name]
    env = f"{ctx.env_prefix}_{suffix}"
    if env in ctx.scheme_envs.values():
        word = re.sub(r"[^A-Z0-9]+", "_", what.upper()).strip("_") or "KEY"
        env = f"{ctx.env_prefix}_{word}"
        while env in ctx.scheme_envs.values():
            env += "_2"
    ctx.scheme_envs[scheme_name] = env
    return env


def _base_url(servers: Any, notes: list[Note], vendor: str) -> str | None:
    label = f"vendor {vendor}"
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], Mapping):
        notes.append(Note(label, "the spec names no server: --base-url is required"))
        return None
    url = str(servers[0].get("url", "")).rstrip("/")
    if "{" in url:
        notes.append(Note(label, f"the server {url} has variables: --base-url is required"))
        return None
    if not re.fullmatch(r"https?://[^\s?#]+[^/\s?#]", url):
        notes.append(
            Note(label, f"the server {url!r} is not an absolute URL: --base-url is required")
        )
        return None
    if len(servers) > 1:
        notes.append(Note(label, f"{len(servers) - 1} more server(s): pass --base-url to use one"))
    return url


def _docs(node: Any, key: str = "url") -> str | None:
    if isinstance(node, Mapping) and isinstance(node.get(key), str):
        url = node[key]
        if re.fullmatch(r"https?://\S+", url):
            return str(url)
    return None


def _summary(op: Mapping[str, Any], method: str, path: str) -> str:
    summary = _one_line(str(op.get("summary") or ""))
    if " " not in summary.strip():
        summary = _first_sentence(_one_line(str(op.get("description") or ""))) or summary
    if not summary:
        op_id = op.get("operationId")
        summary = _humanise(op_id) if isinstance(op_id, str) else f"{method.upper()} {path}"
    return _shorten(summary.rstrip("."), 100)


def _named(op: Mapping[str, Any], method: str, path: str) -> str:
    """A summary made from the operation's name only (no prose of the spec)."""
    op_id = op.get("operationId")
    return _shorten(_humanise(op_id) if isinstance(op_id, str) else f"{method.upper()} {path}", 100)


def _help(description: str, name: str) -> str:
    text = _first_sentence(_one_line(description)).rstrip(".")
    return _shorten(text, 90) if text else _humanise(name)


def _one_line(text: str) -> str:
    text = re.sub(r"<br\s*/?>|</p>|<p>", ". ", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("`", "").replace("**", "").replace("__", "")
    text = re.sub(r"[\x00-\x1f\x7f\s]+", " ", text).strip()
    return re.sub(r"(\.\s*)+\.", ".", text).strip(" .")


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 3].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "..."


def _humanise(name: str) -> str:
    words = re.sub(r"(?<=[a-z0-9])([A-Z])", r" \1", name)
    words = re.sub(r"[^A-Za-z0-9]+", " ", words).strip().lower()
    return (words[:1].upper() + words[1:]) or name


def _title(title: str) -> str:
    words = [w for w in re.split(r"\s+", title.strip()) if w.lower() not in _NOISE_WORDS]
    words = [w for w in words if not re.fullmatch(r"v?\d+(\.\d+)*", w, flags=re.I)]
    return " ".join(words) or title.strip() or "API"


def _slug(text: str) -> str:
    words = re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", text)
    words = re.sub(r"(?<=[A-Z])([A-Z][a-z])", r"-\1", words)
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


def _unique(action: str, used: set[str]) -> str:
    candidate, n = action, 2
    while candidate in used:
        candidate, n = f"{action}-{n}", n + 1
    used.add(candidate)
    return candidate


def _give_options(params: list[dict[str, Any]]) -> None:
    """Give a parameter an ``option`` when its kebab name is taken (by another or by botkit)."""
    from botkit.catalog import RESERVED_OPTIONS, kebab

    taken = set(RESERVED_OPTIONS)
    for p in params:
        option = kebab(p["name"]) or "param"
        if option in taken:
            base = f"{p['in']}-{option}"
            option, n = base, 2
            while option in taken:
                option, n = f"{base}-{n}", n + 1
            p["option"] = option
        taken.add(option)
