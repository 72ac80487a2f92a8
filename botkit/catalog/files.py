"""Catalog files -> a Catalog: the built-in files, then the user's, later ones overriding.

A user catalog is a ``.toml`` file (or a folder of them) named by ``--catalog``,
by ``[tool.botkit] catalog = [...]`` in the closest ``pyproject.toml`` (paths
relative to it), or by ``$BOTKIT_CATALOG`` (a path list).  A user file may add a
vendor, add APIs to a known vendor (its ``[vendor]`` table then needs only the
name), or override an API by repeating its id.

Parsing TOML and checking it against schemas/catalog.schema.json costs far more
than the command that needs one entry, so each file's checked data is kept in a
cache keyed by the file's content (its SHA-256), the schema's identity and
botkit's version: an edited file is a new key, never a stale entry.  Without a
writable cache folder everything still works, only slower.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from botkit.catalog import BUILT_IN, RESERVED_OPTIONS, Api, Catalog, Param, Vendor, kebab
from botkit.catalog.auth import scheme_from_data
from botkit.errors import BotkitError

#: Bump when what the cache holds changes shape.
_CACHE_FORMAT = 2
_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]+)\}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")

#: Catalog paths given on the command line (``--catalog``), in order.
_cli_paths: list[Path] = []


class CatalogFileError(BotkitError):
    """A catalog file that cannot be used: says the file, the line and the key."""


def add_cli_catalogs(paths: Iterable[str | Path]) -> None:
    """Remember ``--catalog`` paths for this process (before the catalog is first loaded)."""
    from botkit.catalog import load_catalog

    new = [Path(p) for p in paths if Path(p) not in _cli_paths]
    if new:
        _cli_paths.extend(new)
        load_catalog.cache_clear()


def user_catalog_paths(cwd: Path | None = None) -> tuple[Path, ...]:
    """The user's catalog paths, lowest precedence first: pyproject, environment, CLI."""
    paths: list[Path] = list(_pyproject_catalogs(cwd or Path.cwd()))
    env = os.environ.get("BOTKIT_CATALOG", "")
    paths += [Path(p) for p in env.split(os.pathsep) if p]
    paths += _cli_paths
    return tuple(paths)


def _pyproject_catalogs(cwd: Path) -> list[Path]:
    for folder in (cwd, *cwd.parents):
        pyproject = folder / "pyproject.toml"
        if not pyproject.is_file():
            continue
        try:
            text = pyproject.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return []
        if "botkit" not in text:  # the common case, without parsing TOML
            return []
        import tomllib

        try:
            table = tomllib.loads(text).get("tool", {}).get("botkit", {})
        except tomllib.TOMLDecodeError as exc:
            raise CatalogFileError(f"{pyproject}: cannot read: {exc}") from None
        entries = table.get("catalog", []) if isinstance(table, dict) else []
        if isinstance(entries, str):
            entries = [entries]
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            raise CatalogFileError(
                f"{pyproject}: [tool.botkit] catalog: must be a path or a list of paths"
            )
        return [folder / e for e in entries]
    return []


def read_catalog(directory: Path, user: Sequence[Path] | None = None) -> Catalog:
    """Every API of the built-in files in ``directory``, then of the user's catalogs."""
    files = [(path, BUILT_IN) for path in sorted(directory.glob("*.toml"))]
    for entry in user_catalog_paths() if user is None else user:
        files += [(path, _shown(path)) for path in _expand(entry)]
    read = [(path, source, read_file(path)) for path, source in files]
    vendors: dict[str, Vendor] = {}  # by name: the first file that defines it
    defined: dict[Path, Vendor] = {}  # the vendor each defining file gives its own APIs
    for path, _, loaded in read:  # first the vendors: a file may add to one defined elsewhere
        if set(loaded.data["vendor"]) != {"name"}:
            defined[path] = _vendor(path, loaded.data["vendor"])
            vendors.setdefault(defined[path].name, defined[path])
    apis: dict[str, Api] = {}
    for path, source, loaded in read:
        data = loaded.data
        vendor = defined.get(path) or vendors.get(data["vendor"]["name"])
        if vendor is None:
            name = data["vendor"]["name"]
            raise CatalogFileError(
                f"{path}: vendor {name!r} is not defined in any catalog file: "
                "its [vendor] needs a title and auth (a name alone adds to a known vendor)"
            )
        for i, entry in enumerate(data["api"]):
            api = _api(vendor, entry, source, loaded.params_of(i))
            previous = apis.get(api.id)
            if previous is not None:
                from dataclasses import replace

                api = replace(api, overrides=previous.source)
                del apis[api.id]  # the override takes its own place in the order
            apis[api.id] = api
    return Catalog(list(apis.values()))


def _shown(path: Path) -> str:
    """``path`` as ``botkit apis`` shows it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _expand(entry: Path) -> list[Path]:
    if entry.is_dir():
        return sorted(entry.glob("*.toml"))
    if not entry.is_file():
        raise CatalogFileError(f"{entry}: catalog not found (a .toml file or a folder of them)")
    return [entry]


class LoadedFile:
    """A checked catalog file: its vendor and APIs, each API's parameters read on demand.

    From the cache, the parameters sit in a second file that is read only when some
    API of this file needs its parameters (most commands need one API, or none).
    """

    def __init__(self, path: Path, data: dict[str, Any], params_file: Path | None = None) -> None:
        self.path = path
        self.data = data
        self._params_file = params_file
        self._params: list[Any] | None = None if params_file else [a["params"] for a in data["api"]]

    def params_of(self, index: int) -> Callable[[], Sequence[Mapping[str, Any]]]:
        return lambda: self._all_params()[index]

    def _all_params(self) -> list[Any]:
        if self._params is None:
            assert self._params_file is not None
            try:
                self._params = json.loads(self._params_file.read_bytes())
            except (OSError, ValueError):  # the cache went away: read the file itself
                fresh = parse_file(self.path, self.path.read_bytes())
                self._params = [a["params"] for a in fresh["api"]]
        return self._params


def read_file(path: Path) -> LoadedFile:
    """A catalog file, checked: from the cache when its content was seen before."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogFileError(f"{path}: cannot read catalog file: {exc.strerror}") from None
    cache_file = _cache_file(raw)
    if cache_file is not None:
        params_file = cache_file.with_suffix(".params.json")
        try:
            head: dict[str, Any] = json.loads(cache_file.read_bytes())
            if params_file.exists():
                return LoadedFile(path, head, params_file)
        except (OSError, ValueError):
            pass
    data = parse_file(path, raw)
    if cache_file is not None:
        _write_cache(cache_file, data)
    return LoadedFile(path, data)


def parse_file(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse and check one catalog file; any problem is one error naming file, line and key."""
    import tomllib

    from botkit import schemas

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise CatalogFileError(f"{path}: cannot read catalog file: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogFileError(f"{path}: not valid TOML: {exc}") from None
    problem = schemas.best_problem("catalog", data)
    if problem is not None:
        line = _line_of(text, data, problem.path)
        raise CatalogFileError(f"{path}:{line}: {_key(problem.path)}: {problem.message}")
    _check_entries(path, text, data)
    return data


def _check_entries(path: Path, text: str, data: dict[str, Any]) -> None:
    """Cross-field facts a schema cannot state: names that must exist, path placeholders."""

    def fail(where: tuple[str | int, ...], message: str) -> None:
        raise CatalogFileError(f"{path}:{_line_of(text, data, where)}: {_key(where)}: {message}")

    for where, value in _strings(data, ()):
        if _CONTROL.search(value):
            fail(where, "holds a control character (a terminal would run it)")
    for i, entry in enumerate(data["api"]):
        params = entry["params"]
        names = [p["name"] for p in params]
        for j, p in enumerate(params):
            if names.index(p["name"]) != j:
                fail(("api", i, "params", j, "name"), f"names the parameter {p['name']!r} twice")
            option = Param(p["name"], p["in"], p["type"], p["help"], cli=p.get("option")).option
            if option[2:] in RESERVED_OPTIONS or not option[2:]:
                fail(
                    ("api", i, "params", j, "name"),
                    f"its CLI option {option} is one of botkit curl's own options: "
                    "give the parameter an 'option' of its own",
                )
            if p.get("schema") is not None:
                try:
                    json.loads(p["schema"])
                except ValueError as exc:
                    fail(("api", i, "params", j, "schema"), f"is not JSON text: {exc}")
        options = [p.get("option") or kebab(p["name"]) for p in params]
        for j, option in enumerate(options):
            if options.index(option) != j:
                fail(("api", i, "params", j, "name"), f"the CLI option --{option} is taken")
        mentioned = {n for group in entry.get("one_of", ()) for n in group}
        mentioned |= {n for p in params for n in p.get("requires", ())}
        missing = mentioned - set(names)
        if missing:
            fail(("api", i, "one_of"), f"refers to unknown parameters {sorted(missing)}")
        placeholders = set(_PLACEHOLDER.findall(entry["path"]))
        path_params = {p["name"] for p in params if p["in"] == "path"}
        if placeholders != path_params:
            fail(
                ("api", i, "path"),
                f"path placeholders {sorted(placeholders)} "
                f"differ from its path parameters {sorted(path_params)}",
            )


Where = tuple[str | int, ...]


def _strings(node: Any, where: Where) -> Iterable[tuple[Where, str]]:
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*where, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*where, i))


def _vendor(path: Path, data: dict[str, Any]) -> Vendor:
    name = data["name"]
    missing = [k for k in ("title", "auth") if k not in data]
    if missing:
        raise CatalogFileError(
            f"{path}: vendor {name!r}: [vendor] needs {' and '.join(missing)} "
            "(or only its name, to add APIs to a vendor defined in another file)"
        )
    base_url = data.get("base_url")
    hosts = tuple(data.get("hosts", ()))
    if not hosts and base_url:
        hosts = (urlsplit(base_url).hostname or "",)
    return Vendor(
        name=name,
        title=data["title"],
        docs=data.get("docs", ""),
        auth=scheme_from_data(data["auth"]),
        headers=tuple((h["name"], h["value"]) for h in data.get("headers", ())),
        base_url=base_url,
        hosts=hosts,
        phone_format=data.get("phone_format", "digits"),
    )


def _api(
    vendor: Vendor,
    data: dict[str, Any],
    source: str,
    param_tables: Callable[[], Sequence[Mapping[str, Any]]],
) -> Api:
    auth = data.get("auth")
    return Api(
        vendor=vendor,
        action=data["action"],
        summary=data["summary"],
        docs=data.get("docs") or vendor.docs,
        method=data["method"],
        path=data["path"],
        param_tables=param_tables,
        one_of=tuple(tuple(group) for group in data.get("one_of", ())),
        own_auth=scheme_from_data(auth) if auth is not None else None,
        source=source,
    )


def _key(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _line_of(text: str, data: dict[str, Any], where: Sequence[str | int]) -> int:
    """The line of ``text`` where the value at ``where`` is written (best effort)."""
    lines = text.splitlines()

    def find(pattern: str, start: int = 0) -> int | None:
        regex = re.compile(pattern)
        return next((i for i in range(start, len(lines)) if regex.search(lines[i])), None)

    line = 0
    if where and where[0] == "api":
        headers = [
            i for i, text_line in enumerate(lines) if re.match(r"\s*\[\[\s*api\s*\]\]", text_line)
        ]
        if len(where) > 1 and isinstance(where[1], int) and where[1] < len(headers):
            line = headers[where[1]]
            if len(where) > 2 and isinstance(where[2], str):
                line = find(rf"^\s*{re.escape(where[2])}\s*=", line) or line
                if where[2] == "params" and len(where) > 3 and isinstance(where[3], int):
                    try:
                        name = data["api"][where[1]]["params"][where[3]]["name"]
                    except (KeyError, IndexError, TypeError):
                        name = None
                    if isinstance(name, str):
                        line = find(rf"name\s*=\s*[\"']{re.escape(name)}[\"']", line) or line
    elif where and where[0] == "vendor":
        line = find(r"^\s*\[\s*vendor\s*\]") or 0
        if len(where) > 1 and isinstance(where[1], str):
            line = find(rf"^\s*{re.escape(where[1])}\s*=", line) or line
    return line + 1


def _cache_file(raw: bytes) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    from botkit import __version__
    from botkit.resources import data_dir

    try:
        schema = (data_dir("schemas") / "catalog.schema.json").stat()
    except OSError:
        return None
    key = _sha256(raw)
    key.update(f"|{__version__}|{_CACHE_FORMAT}|{schema.st_size}|{schema.st_mtime_ns}".encode())
    return folder / f"catalog-{key.hexdigest()[:40]}.json"


def _sha256(data: bytes) -> Any:
    """A SHA-256 hash object, from CPython's own implementation where it has one.

    ``hashlib`` loads OpenSSL on import (about 4 MB of resident memory and 1.5 ms on every
    command that reads the catalog); a cache key needs only the hash itself.  The module is
    ``_sha2`` from Python 3.12 on, ``_sha256`` before; hashlib's is the fallback."""
    try:
        from _sha2 import sha256  # type: ignore[import-not-found]
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found]
        except ImportError:
            from hashlib import sha256
    return sha256(data)


def cache_dir() -> Path | None:
    """Where checked catalog data is kept: ``$BOTKIT_CACHE_DIR``, else the user's cache folder."""
    explicit = os.environ.get("BOTKIT_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None  # empty: no cache
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if os.name == "nt" else None
    )
    if base:
        return Path(base) / "botkit"
    home = Path.home() if "HOME" in os.environ or os.name == "nt" else None
    return home / ".cache" / "botkit" if home else None


def _write_cache(cache_file: Path, data: dict[str, Any]) -> None:
    """Keep ``data`` as two files: the APIs without parameters, and the parameters."""
    head = {**data, "api": [{k: v for k, v in a.items() if k != "params"} for a in data["api"]]}
    params = [a["params"] for a in data["api"]]
    # the parameters first: a head without its parameters file is never used
    _write_json(cache_file.with_suffix(".params.json"), params)
    _write_json(cache_file, head)


def _write_json(target: Path, value: Any) -> None:
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".catalog-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(value, out, separators=(",", ":"))
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # only a cache: the next run parses again
