"""Which files git would ignore: ``.gitignore`` files, ``.git/info/exclude`` and the user's
global excludes, matched with ``pathspec`` (git's wildmatch semantics, maintained there).

Chosen over asking git (``git ls-files``/``git check-ignore``) so that a walk needs
no git binary and no repository (a tarball, a pre-commit cache, CI without
history) and costs nothing where no ignore file exists.  The one difference from
git: a tracked file that matches an ignore pattern is ignored here too.
"""

import os
from typing import TYPE_CHECKING

from botkit.files import ancestors
from botkit.lazy_re import lazy
from botkit.named_tuples import NamedTuple

if TYPE_CHECKING:
    import pathspec

_EXCLUDES_FILE = lazy(r"(?im)^\s*excludesfile\s*=\s*(.+?)\s*$")


class IgnoreFile(NamedTuple):
    """The patterns of one ignore file, relative to the folder ``base``."""

    base: str
    spec: "pathspec.GitIgnoreSpec"


def load(base: str, path: str) -> IgnoreFile | None:
    """The ignore file at ``path`` (patterns relative to ``base``), or None if it has none."""
    from botkit.files import FileReadError, read_text

    try:
        lines = read_text(path).text.splitlines()
    except FileReadError:
        return None
    if not any(line.strip() and not line.startswith("#") for line in lines):
        return None
    import pathspec

    return IgnoreFile(base, pathspec.GitIgnoreSpec.from_lines(lines))


def outer(top: str) -> list[IgnoreFile]:
    """The ignore files that apply to ``top`` from outside it: global excludes, the
    repository's ``info/exclude`` and the ``.gitignore`` of each folder above ``top``."""
    between = list(ancestors(top))
    repo = next((p for p in between if os.path.exists(os.path.join(p, ".git"))), None)
    if repo is None:
        return []
    found: list[IgnoreFile | None] = []
    for path in _global_excludes():
        found.append(load(repo, path))
    found.append(load(repo, os.path.join(repo, ".git", "info", "exclude")))
    for parent in reversed(between[1 : between.index(repo) + 1]):
        found.append(load(parent, os.path.join(parent, ".gitignore")))
    return [f for f in found if f is not None]


def _global_excludes() -> list[str]:
    """``core.excludesFile`` from the user's git config, else git's default location."""
    home = os.path.expanduser("~")
    xdg = os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    for config in (os.path.join(home, ".gitconfig"), os.path.join(xdg, "git", "config")):
        try:
            with open(config, encoding="utf-8", errors="replace") as f:
                match = _EXCLUDES_FILE().search(f.read())
        except OSError:
            continue
        if match:
            return [os.path.expanduser(match.group(1).strip('"'))]
    return [os.path.join(xdg, "git", "ignore")]


def ignored(path: str, is_dir: bool, files: list[IgnoreFile]) -> bool:
    """Does the deepest ignore file with a pattern for ``path`` ignore it? (git's order:
    a deeper file overrides, and within a file the last matching pattern wins)."""
    absolute = os.path.abspath(path)
    for ignore in reversed(files):
        relative = os.path.relpath(absolute, ignore.base).replace(os.sep, "/")
        if relative.startswith("../"):
            continue
        result = ignore.spec.check_file(relative + "/" if is_dir else relative)
        if result.include is not None:
            return bool(result.include)
    return False
