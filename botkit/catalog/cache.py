"""Checked catalog data (and what lint reads from a pyproject.toml) kept between runs,
so a command need not parse TOML again.

Parsing TOML and checking it against schemas/catalog.schema.json costs far more
than the command that needs one entry, so each file's checked data is kept in a
cache keyed by the file's content (its SHA-256), the schema's identity and
botkit's version: an edited file is a new key, never a stale entry.  Without a
writable cache folder everything still works, only slower.  The ``[tool.botkit]
catalog`` paths of a ``pyproject.toml`` are kept the same way (by its content and
botkit's version): a pyproject that names botkit anywhere, as botkit's own does,
would otherwise cost a TOML parse, about 3 ms, on every command run beside it.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import sys
from functools import cache
from typing import Any

#: Bump when what the cache holds changes shape.
_CACHE_FORMAT = 2


def cache_file_for(raw: bytes) -> str | None:
    """Where the checked data of a file with these bytes is kept (None: no cache)."""
    folder, stamp = cache_dir(), _stamp()
    if folder is None or stamp is None:
        return None
    key = _sha256(raw)
    key.update(stamp.encode())
    return os.path.join(folder, f"catalog-{key.hexdigest()[:40]}.json")


def built_in_cache_file(path: str) -> str | None:
    """Where the checked data of one of botkit's own catalog files is kept, keyed by the
    file's device, inode, size and times of change instead of its content: hashing the
    installed files (60 KB) cost every command 3 M instructions, and an installed file
    changes only with a new install or an edit, each a new inode, size or time.  Users'
    files are keyed by content (``cache_file_for``): those are edited at any moment."""
    folder, stamp = cache_dir(), _stamp()
    if folder is None or stamp is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    name = f"{info.st_dev}-{info.st_ino}-{info.st_size}-{info.st_mtime_ns}-{info.st_ctime_ns}"
    return os.path.join(folder, f"built-in-{name}-{stamp.replace('|', '-')}.json")


def _stamp() -> str | None:
    """What else a cache entry depends on: botkit's version, the cache's format and the
    catalog schema the data was checked against (None: no schema to check with)."""
    from botkit import __version__
    from botkit.resources import data_dir

    try:
        schema = os.stat(os.path.join(data_dir("schemas"), "catalog.schema.json"))
    except OSError:
        return None
    return f"{__version__}|{_CACHE_FORMAT}|{schema.st_size}|{schema.st_mtime_ns}"


def cached_pyproject_entries(raw: bytes) -> list[str] | None:
    """The ``[tool.botkit] catalog`` entries kept for a pyproject.toml with these bytes."""
    cache_file = _pyproject_cache_file(raw)
    if cache_file is None:
        return None
    try:
        entries = json.loads(read_raw(cache_file))
    except (OSError, ValueError):
        return None
    if isinstance(entries, list) and all(isinstance(e, str) for e in entries):
        return entries
    return None


def keep_pyproject_entries(raw: bytes, entries: list[str]) -> None:
    """Keep the entries read from a pyproject.toml with these bytes (checked, never an error)."""
    cache_file = _pyproject_cache_file(raw)
    if cache_file is not None:
        _write_json(cache_file, entries)


def cached_lint_section(raw: bytes) -> tuple[bool, dict[str, Any] | None]:
    """The ``[tool.botkit.lint]`` table kept for a pyproject.toml with these bytes:
    (True, the table or None when it has none), or (False, None) when not kept."""
    cache_file = _pyproject_cache_file(raw, "lint")
    if cache_file is None:
        return False, None
    try:
        kept = json.loads(read_raw(cache_file))
    except (OSError, ValueError):
        return False, None
    if isinstance(kept, dict) and isinstance(kept.get("lint"), dict | None):
        return True, kept["lint"]
    return False, None


def keep_lint_section(raw: bytes, section: dict[str, Any] | None) -> None:
    """Keep the table read from a pyproject.toml with these bytes (one that JSON cannot
    hold, a TOML date say, is not kept: it is read again, and refused again)."""
    cache_file = _pyproject_cache_file(raw, "lint")
    if cache_file is None:
        return
    try:
        json.dumps(section)
    except (TypeError, ValueError):
        return
    _write_json(cache_file, {"lint": section})


def _pyproject_cache_file(raw: bytes, part: str = "pyproject") -> str | None:
    folder = cache_dir()
    if folder is None:
        return None
    from botkit import __version__

    key = _sha256(raw)
    key.update(f"|{__version__}|{part}".encode())
    return os.path.join(folder, f"pyproject-{key.hexdigest()[:40]}.json")


def params_file(cache_file: str) -> str:
    """The file beside a cache entry that holds its APIs' parameters."""
    return os.path.splitext(cache_file)[0] + ".params.json"


def read_raw(path: str) -> bytes:
    """A catalog or cache file's bytes (an ``OSError`` when it cannot be read)."""
    with open(path, "rb") as f:
        return f.read()


def _sha256(data: bytes) -> Any:
    """A SHA-256 hash object, from CPython's own implementation where it has one."""
    return _sha256_type()(data)


@cache
def _sha256_type() -> Any:
    """CPython's own SHA-256, looked up once per process (each catalog file asks).

    ``hashlib`` loads OpenSSL on import (about 4 MB of resident memory and 1.5 ms on every
    command that reads the catalog); a cache key needs only the hash itself.  The module is
    ``_sha2`` from Python 3.12 on, ``_sha256`` before (only that one is tried: a module that
    is missing is searched for along the whole ``sys.path``); hashlib's is the fallback."""
    try:
        return importlib.import_module("_sha2" if sys.version_info >= (3, 12) else "_sha256").sha256
    except (ImportError, AttributeError):
        from hashlib import sha256

        return sha256


def cache_dir() -> str | None:
    """Where checked catalog data is kept: ``$BOTKIT_CACHE_DIR``, else the user's cache folder."""
    explicit = os.environ.get("BOTKIT_CACHE_DIR")
    if explicit is not None:
        return explicit or None  # empty: no cache
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if os.name == "nt" else None
    )
    if base:
        return os.path.join(base, "botkit")
    home = os.path.expanduser("~") if "HOME" in os.environ or os.name == "nt" else None
    return os.path.join(home, ".cache", "botkit") if home else None


def write_cache(cache_file: str, data: dict[str, Any]) -> None:
    """Keep ``data`` as two files: the APIs without parameters, and the parameters."""
    head = {**data, "api": [{k: v for k, v in a.items() if k != "params"} for a in data["api"]]}
    params = [a["params"] for a in data["api"]]
    # the parameters first: a head without its parameters file is never used
    _write_json(params_file(cache_file), params)
    _write_json(cache_file, head)


def _write_json(target: str, value: Any) -> None:
    import tempfile

    try:
        folder = os.path.dirname(target)
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".catalog-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(value, out, separators=(",", ":"))
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return  # only a cache: the next run parses again
    prune(folder)


#: botkit's cache files not written for this long are removed whenever another is
#: written: a reinstall (a new inode), an edited catalog or a new phonenumbers leaves
#: the old entries behind, and nothing else would ever remove them.  An entry still in
#: use is made again by the next run that needs it: a catalog file's in milliseconds, the
#: phone table by the next run that needs phonenumbers anyway.
MAX_AGE_DAYS = 30
#: The names botkit gives its cache files (and their temporary names while written):
#: nothing else in the folder is touched, whatever ``BOTKIT_CACHE_DIR`` points at.
_OURS = (
    r"(?:built-in-\d+(?:-\d+){4}-[^/\\]+|catalog-[0-9a-f]{40}|pyproject-[0-9a-f]{40})"
    r"(?:\.params)?\.json|phone-patterns-[^/\\]+\.txt"
    r"|\.catalog-[^/\\]+\.tmp|\.phone-patterns-[^/\\]+\.tmp"
)


@cache
def prune(folder: str) -> None:
    """Remove botkit's cache files in ``folder`` last written over ``MAX_AGE_DAYS`` ago:
    once a process (a catalog's first load writes two files for each catalog file)."""
    import re
    import time

    ours = re.compile(_OURS)
    limit = time.time() - MAX_AGE_DAYS * 86_400
    with contextlib.suppress(OSError), os.scandir(folder) as scan:
        for entry in scan:
            if not ours.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < limit:
                    os.unlink(entry.path)
