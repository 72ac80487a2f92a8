"""Which files a run lints: paths as given, folders walked in sorted order.

A folder is walked without recursion (its depth cannot overflow the stack);
links to folders are not followed (no loops), links to files are.  What git
would ignore (``botkit.lint.ignore``) and ``exclude`` patterns are skipped.  What cannot
be walked (a missing path, an unreadable folder) is not skipped silently: it
comes out as an ``Entry`` with a ``problem``, which the runner reports as a
finding on that path.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from botkit.lint.config import DEFAULT_EXCLUDE, LintConfig
from botkit.lint.kinds import is_candidate
from botkit.named_tuples import NamedTuple

if TYPE_CHECKING:
    from botkit.lint.ignore import IgnoreFile

STDIN = "-"


class Entry(NamedTuple):
    """One path to lint: ``named`` when the user gave it (always linted, whatever it
    holds), ``problem`` when it cannot be linted at all (why, in words)."""

    path: str
    named: bool = False
    problem: str | None = None


def iter_entries(
    paths: list[str], config: LintConfig, *, as_walked: bool = False
) -> Iterator[Entry]:
    """Files to lint: files as given (any name), directories walked for known suffixes.

    ``as_walked``: a named file is taken as if a walk had met it (pre-commit names
    every changed file): skipped when excluded, ignored or of no kind botkit checks.
    """
    exclude = Exclusions(DEFAULT_EXCLUDE + config.exclude)
    for given in paths:
        if given == STDIN or not os.path.isdir(given):
            if as_walked and given != STDIN:
                if not _passed_over(given, exclude, config.gitignore):
                    yield Entry(given)
                continue
            yield Entry(given, named=True)
            continue
        yield from _walk(given, exclude, config.gitignore)


def _passed_over(path: str, exclude: Exclusions, gitignore: bool) -> bool:
    """Would a walk of the file's folder leave ``path`` out?"""
    folder, name = os.path.split(path)
    if not is_candidate(name):
        return True
    parts = os.path.normpath(path).replace(os.sep, "/").split("/")
    if any(exclude(part, folder or ".") for part in parts):
        return True
    if not gitignore:
        return False
    from botkit.lint import ignore

    rules = ignore.outer(folder or ".")
    own = ignore.load(folder or ".", os.path.join(folder or ".", ".gitignore"))
    rules.extend([own] if own is not None else [])
    return bool(rules) and ignore.ignored(path, False, rules)


def _walk(top: str, exclude: Exclusions, gitignore: bool) -> Iterator[Entry]:
    """Entries under ``top`` in sorted path order, minus what git would ignore."""
    from botkit.lint import ignore  # only a walk reads ignore files (named files are linted)

    rules = ignore.outer(top) if gitignore else []
    entries, problem = _entries(top, exclude, rules, gitignore)
    if problem is not None:
        yield Entry(top, problem=problem)
    stack = [iter(entries)]
    depth = [len(rules)]  # how many ignore files apply at each level of the stack
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            del rules[depth.pop() :]
        elif entry.is_dir(follow_symlinks=False):
            depth.append(len(rules))
            children, problem = _entries(entry.path, exclude, rules, gitignore)
            if problem is not None:
                yield Entry(entry.path, problem=problem)
            stack.append(iter(children))
        elif is_candidate(entry.name):
            yield Entry(entry.path, problem=_not_a_file(entry))


def _not_a_file(entry: os.DirEntry[str]) -> str | None:
    """Why a walked name of a kind lint checks is not a file to read (None: it is one, or
    a link that cannot be followed, a loop, which reading reports): never dropped silently."""
    try:
        if entry.is_file():
            return None
    except OSError:
        return None
    if entry.is_symlink():
        return "a symbolic link to nothing (its target does not exist)"
    return "not a regular file (a FIFO, socket or device); lint reads files only"


def _entries(
    folder: str, exclude: Exclusions, rules: list[IgnoreFile], gitignore: bool
) -> tuple[list[os.DirEntry[str]], str | None]:
    """The folder's entries, sorted, minus excluded and ignored ones; its own
    ``.gitignore`` is added to ``rules`` (the caller drops it on leaving the folder)."""
    from botkit.lint import ignore

    try:
        with os.scandir(folder) as scan:
            entries = [e for e in scan if not exclude(e.name, folder)]
    except OSError as exc:
        return [], f"cannot read the folder ({exc.strerror or exc})"
    if gitignore and any(e.name == ".gitignore" for e in entries):
        found = ignore.load(folder, os.path.join(folder, ".gitignore"))
        if found is not None:
            rules.append(found)
    if rules:
        entries = [e for e in entries if not ignore.ignored(e.path, _is_dir(e), rules)]
    return sorted(entries, key=lambda e: e.name), None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


class Exclusions:
    """Glob patterns a walk skips, each matched against a name and its relative path as
    ``fnmatch.fnmatch`` matches (case folded where the system folds it), compiled into
    one expression on first use: matching each pattern in turn was two thirds of the
    time a walk of 4,000 files took."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.patterns = patterns
        self._match: Callable[[str], object] | None = None

    def __call__(self, name: str, root: str) -> bool:
        match = self._match
        if match is None:
            match = self._match = self._compile()
        relative = os.path.join(root, name).replace(os.sep, "/").removeprefix("./")
        fold = os.path.normcase
        return match(fold(name)) is not None or match(fold(relative)) is not None

    def _compile(self) -> Callable[[str], object]:
        import fnmatch  # only walks and pre-commit's names match patterns
        import re

        if not self.patterns:
            return lambda text: None
        each = (fnmatch.translate(os.path.normcase(p)) for p in self.patterns)
        return re.compile("|".join(f"(?:{rx})" for rx in each)).match


def display(path: str) -> str:
    """The path as the user would write it: relative to the current directory when inside it."""
    if path == STDIN:
        return "<stdin>"
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative
