"""Catalog files -> a Catalog: the built-in files, then the user's, later ones overriding.

A user catalog is a ``.toml`` file (or a folder of them) named by ``--catalog``,
by ``[tool.botkit] catalog = [...]`` in the closest ``pyproject.toml`` (paths
relative to it), or by ``$BOTKIT_CATALOG`` (a path list).  A user file may add a
vendor, add APIs to a known vendor (its ``[vendor]`` table then needs only the
name), or override an API by repeating its id.

Each file is parsed and checked by ``catalog/check.py``; since that costs far
more than the command that needs one entry, the checked data is kept by
``catalog/cache.py``, keyed by the file's content.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from botkit.catalog import BUILT_IN, CATALOG_DIR, Api, Catalog, CatalogFileError, Vendor
from botkit.catalog.auth import scheme_from_data
from botkit.catalog.cache import (
    built_in_cache_file,
    cache_file_for,
    cached_pyproject_entries,
    keep_pyproject_entries,
    read_raw,
    write_cache,
)
from botkit.catalog.cache import (
    params_file as params_file_of,
)
from botkit.request import split_url

#: Catalog paths given on the command line (``--catalog``), in order.
_cli_paths: list[str] = []


def add_cli_catalogs(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Remember ``--catalog`` paths for this process (before the catalog is first loaded)."""
    from botkit.catalog import load_catalog

    new = [os.fspath(p) for p in paths if os.fspath(p) not in _cli_paths]
    if new:
        _cli_paths.extend(new)
        load_catalog.cache_clear()


def user_catalog_paths(cwd: str | os.PathLike[str] | None = None) -> tuple[str, ...]:
    """The user's catalog paths, lowest precedence first: pyproject, environment, CLI."""
    start = os.path.abspath(os.getcwd() if cwd is None else cwd)
    paths: list[str] = list(_pyproject_catalogs(start))
    env = os.environ.get("BOTKIT_CATALOG", "")
    paths += [p for p in env.split(os.pathsep) if p]
    paths += _cli_paths
    return tuple(paths)


def _pyproject_catalogs(cwd: str) -> list[str]:
    from botkit.files import ancestors

    for folder in ancestors(cwd):
        pyproject = os.path.join(folder, "pyproject.toml")
        if not os.path.isfile(pyproject):
            continue
        try:
            with open(pyproject, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError):
            return []
        if "botkit" not in text:  # the common case, without parsing TOML
            return []
        return [os.path.join(folder, e) for e in _catalog_entries(pyproject, text)]
    return []


def _catalog_entries(pyproject: str, text: str) -> list[str]:
    """The paths a pyproject's ``[tool.botkit] catalog`` names, as written: from the
    cache when this content was read before (botkit/catalog/cache.py)."""
    raw = text.encode("utf-8")
    kept = cached_pyproject_entries(raw)
    if kept is not None:
        return kept
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
    keep_pyproject_entries(raw, entries)
    return entries


def read_catalog(
    directory: str | os.PathLike[str], user: Sequence[str | os.PathLike[str]] | None = None
) -> Catalog:
    """Every API of the built-in files in ``directory``, then of the user's catalogs."""
    directory = os.fspath(directory)
    own = directory == CATALOG_DIR  # botkit's own files, as installed
    files = [(path, BUILT_IN) for path in _toml_files(directory)]
    for entry in user_catalog_paths() if user is None else user:
        files += [(path, _shown(path)) for path in _expand(os.fspath(entry))]
    read = [
        (path, source, read_file(path, built_in=own and source == BUILT_IN))
        for path, source in files
    ]
    vendors: dict[str, Vendor] = {}  # by name: the first file that defines it
    defined: dict[str, Vendor] = {}  # the vendor each defining file gives its own APIs
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
                api = api.replace(overrides=previous.source)
                del apis[api.id]  # the override takes its own place in the order
            apis[api.id] = api
    return Catalog(list(apis.values()))


def _shown(path: str) -> str:
    """``path`` as ``botkit apis`` shows it: relative to the current folder when inside it."""
    try:
        real, cwd = os.path.realpath(path), os.path.realpath(os.getcwd())
    except OSError:
        return path
    if real == cwd:
        return "."
    inside = cwd.rstrip(os.sep) + os.sep
    return real[len(inside) :] if real.startswith(inside) else path


def _toml_files(directory: str) -> list[str]:
    """The ``*.toml`` files of ``directory``, sorted (as ``glob`` finds them, without
    the expression a glob pattern is compiled to on every run)."""
    try:
        names = os.listdir(directory)
    except OSError as exc:
        raise CatalogFileError(f"{directory}: cannot list the folder ({exc.strerror})") from exc
    found = [n for n in names if os.path.normcase(n).endswith(".toml")]
    return [os.path.join(directory, n) for n in sorted(found)]


def _expand(entry: str) -> list[str]:
    if os.path.isdir(entry):
        return _toml_files(entry)
    if not os.path.isfile(entry):
        raise CatalogFileError(f"{entry}: catalog not found (a .toml file or a folder of them)")
    return [entry]


class LoadedFile:
    """A checked catalog file: its vendor and APIs, each API's parameters read on demand.

    From the cache, the parameters sit in a second file that is read only when some
    API of this file needs its parameters (most commands need one API, or none).
    """

    def __init__(self, path: str, data: dict[str, Any], params_file: str | None = None) -> None:
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
                self._params = json.loads(read_raw(self._params_file))
            except (OSError, ValueError):  # the cache went away: read the file itself
                from botkit.catalog.check import parse_file

                fresh = parse_file(self.path, read_raw(self.path))
                self._params = [a["params"] for a in fresh["api"]]
        return self._params


def _raw(path: str) -> bytes:
    try:
        return read_raw(path)
    except OSError as exc:
        raise CatalogFileError(f"{path}: cannot read catalog file: {exc.strerror}") from None


def read_file(path: str, *, built_in: bool = False) -> LoadedFile:
    """A catalog file, checked: from the cache when its content was seen before.

    ``built_in``: one of botkit's own files, kept by its device, inode, size and times
    (botkit/catalog/cache.py), so a command does not read and hash them on every run."""
    raw: bytes | None = None
    if built_in:
        cache_file = built_in_cache_file(path)
    else:
        raw = _raw(path)
        cache_file = cache_file_for(raw)
    if cache_file is not None:
        params_file = params_file_of(cache_file)
        try:
            head: dict[str, Any] = json.loads(read_raw(cache_file))
            if os.path.exists(params_file):
                return LoadedFile(path, head, params_file)
        except (OSError, ValueError):
            pass
    from botkit.catalog.check import parse_file  # checked once, then read from the cache

    data = parse_file(path, _raw(path) if raw is None else raw)
    if cache_file is not None:
        write_cache(cache_file, data)
    return LoadedFile(path, data)


def _vendor(path: str, data: dict[str, Any]) -> Vendor:
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
        hosts = (split_url(base_url).hostname or "",)
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
