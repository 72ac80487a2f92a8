"""OpenAPI operations -> catalog entries, and a note for whatever an entry cannot hold.

One API per operation: its id from the vendor and the operationId in kebab case,
its parameters as the API spells them (path, query, header, and the top-level
fields of a JSON body), their types, required flags and a one-line help.  What
the catalog cannot express (a ``oneOf`` body, a file upload, a cookie, a schema
nested past ``MAX_DEPTH``, an auth scheme it has no word for) becomes a ``Note``
on that operation: never dropped in silence.  An operation whose required body
cannot be expressed is skipped, with a note saying so.

This module picks the operations and assembles the vendor and its entries; an
operation's parameters are read by ``params.py`` (their types by ``param_types.py``),
its security by ``security.py``, and the prose by ``words.py``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any, Literal

from botkit.openapi.context import Context
from botkit.openapi.params import PATH_NAME, body_params, give_options, param_table, parameter_table
from botkit.openapi.security import auth_table, name_schemes
from botkit.openapi.spec import Resolver, SpecError
from botkit.openapi.words import named, slug, summary, title_of

METHODS = ("get", "post", "put", "patch", "delete")
_OTHER_METHODS = ("head", "options", "trace")


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
    title = title_of(str(info.get("title") or options.vendor or "API"))
    name = options.vendor or slug(title) or "api"
    env_prefix = re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_") or "API"
    phone_names = re.compile(options.phone_names) if options.phone_names else None
    ctx = Context(resolver, env_prefix, phone_names, spec, prose=options.prose)
    vendor_notes: list[Note] = []

    selected = list(_operations(spec, resolver, options))
    name_schemes(ctx, [op.get("security", spec.get("security")) for _, _, op, _ in selected])
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
        auth, auth_notes = auth_table(ctx, op.get("security", spec.get("security")))
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
                op_id in wanted_ops or (isinstance(op_id, str) and slug(op_id) in wanted_ops)
            ):
                continue
            tags = op.get("tags") or []
            if options.tags and not set(options.tags).intersection(tags):
                continue
            yield path, method, dict(op), dict(item)


def _operation(
    ctx: Context,
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
    action = slug(op_id) if isinstance(op_id, str) and slug(op_id) else slug(f"{method} {path}")
    entry: dict[str, Any] = {
        "action": action,
        "summary": summary(op, method, path) if ctx.prose else named(op, method, path),
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
        converted = parameter_table(ctx, param, notes)
        if converted is not None:
            params.append(converted)
    placeholders = re.findall(r"\{([^}]*)\}", path)
    declared = {p["name"] for p in params if p["in"] == "path"}
    for name in placeholders:
        if name not in declared:
            if not PATH_NAME.fullmatch(name):
                notes.append(
                    f"skipped: path placeholder {{{name}}} is not a name the catalog takes"
                )
                return None
            notes.append(f"path placeholder {{{name}}} has no parameter: added as a string")
            added = param_table(name, "path", {"type": "string"}, True, "", ctx, notes)
            if added is not None:
                params.append(added)
    body_fields = body_params(ctx, op.get("requestBody"), notes)
    if body_fields is None:
        return None
    taken = {p["name"] for p in params}
    for p in body_fields:
        if p["name"] in taken:
            notes.append(f"body field {p['name']!r} has the name of another parameter: left out")
            continue
        taken.add(p["name"])
        params.append(p)
    give_options(params)
    entry["params"] = params
    return entry


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


def _unique(action: str, used: set[str]) -> str:
    candidate, n = action, 2
    while candidate in used:
        candidate, n = f"{action}-{n}", n + 1
    used.add(candidate)
    return candidate
