"""Lint settings: ``[tool.botkit.lint]`` in pyproject.toml, overridden by the command line.

Found the way ruff finds its settings: the closest pyproject.toml with the
section, walking up from the current directory.  Rules are chosen by code prefix
(``BK1`` = every phone rule), full code or slug; ``ignore`` wins over ``select``.
"""

import os
from collections.abc import Iterable
from typing import Any

from botkit.errors import BotkitError
from botkit.files import ancestors
from botkit.named_tuples import NamedTuple

DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox")
_KEYS = {"select", "ignore", "default-region", "exclude", "respect-gitignore"}


class LintConfig(NamedTuple):
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    #: ISO 3166 region (``IN``) used only to suggest the full form of a national number.
    default_region: str | None = None
    #: Glob patterns (matched against names and relative paths) skipped in directory walks.
    exclude: tuple[str, ...] = ()
    #: Skip what ``.gitignore`` files (and git's other excludes) ignore when walking.
    gitignore: bool = True
    #: Where the settings came from, for messages.
    source: str | None = None

    def with_options(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        default_region: str | None = None,
    ) -> "LintConfig":
        """Command-line options on top: ``--select`` replaces, ``--ignore`` adds."""
        return self._replace(
            select=tuple(select) if select else self.select,
            ignore=self.ignore + tuple(ignore),
            default_region=default_region or self.default_region,
        )


def find_config(start: str | os.PathLike[str]) -> str | None:
    """The closest pyproject.toml at or above ``start`` with a ``[tool.botkit.lint]`` table."""
    for folder in ancestors(start):
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate) and _section(candidate) is not None:
            return candidate
    return None


def load_config(
    path: str | os.PathLike[str] | None = None, *, start: str | os.PathLike[str] | None = None
) -> LintConfig:
    """Settings from ``path``, or from the closest pyproject.toml above ``start`` (or cwd)."""
    if path is None:
        path = find_config(os.path.realpath(os.getcwd() if start is None else start))
        if path is None:
            return LintConfig()
    path = os.fspath(path)
    section = _section(path)
    if section is None:
        if os.path.basename(path) == "pyproject.toml":
            return LintConfig(source=path)
        section = _read(path)  # a dedicated botkit.toml holds the table at its top
    return _parse(section, path)


def _read(path: str, text: str | None = None) -> dict[str, Any]:
    import tomllib  # only when there is a settings file to read

    try:
        return tomllib.loads(_text(path) if text is None else text)
    except tomllib.TOMLDecodeError as exc:
        raise BotkitError(f"{path}: invalid TOML: {exc}") from None


def _text(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise BotkitError(f"{path}: cannot read settings: {exc}") from None


def _section(path: str) -> dict[str, Any] | None:
    """The ``[tool.botkit.lint]`` table of a pyproject.toml, None when it has none: from
    the cache when this content was read before (botkit/catalog/cache.py), since importing
    tomllib and parsing costs a one-file lint in a Python repository about 2.5 ms."""
    from botkit.catalog.cache import cached_lint_section, keep_lint_section

    text = _text(path)
    raw = text.encode("utf-8")
    kept, section = cached_lint_section(raw)
    if kept:
        return section
    data = _read(path, text)
    found = data.get("tool", {}).get("botkit", {}).get("lint")
    section = found if isinstance(found, dict) else None
    keep_lint_section(raw, section)
    return section


def _parse(section: dict[str, Any], path: str) -> LintConfig:
    where = f"{path}: [tool.botkit.lint]"
    unknown = set(section) - _KEYS
    if unknown:
        name = sorted(unknown)[0]
        import difflib  # only when there is something to suggest

        close = difflib.get_close_matches(name, sorted(_KEYS), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(sorted(_KEYS))}"
        raise BotkitError(f"{where}: unknown setting '{name}'{hint}")

    def strings(key: str) -> tuple[str, ...]:
        value = section.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise BotkitError(f"{where}: '{key}' must be a list of strings")
        return tuple(value)

    region = section.get("default-region")
    if region is not None and not isinstance(region, str):
        raise BotkitError(f"{where}: 'default-region' must be a string such as \"IN\"")
    gitignore = section.get("respect-gitignore", True)
    if not isinstance(gitignore, bool):
        raise BotkitError(f"{where}: 'respect-gitignore' must be true or false")
    return LintConfig(
        gitignore=gitignore,
        select=strings("select") or ("ALL",),
        ignore=strings("ignore"),
        default_region=region,
        exclude=strings("exclude"),
        source=path,
    )
