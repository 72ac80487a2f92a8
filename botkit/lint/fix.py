"""``--fix``: rewrite only the fixable spans of a file, atomically.

The new text replaces the file through ``botkit.output.atomic_file`` (a
temporary file beside it, renamed over it), so if anything fails on the way the
original is left exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from botkit.lint.model import Edit, Finding
from botkit.output import atomic_file


class FixError(Exception):
    """The fixes could not be written; the original file is untouched."""


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied (an edit that overlaps an earlier
    one is skipped, so two fixes can never garble each other)."""
    out: list[str] = []
    last = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last:
            continue
        out.append(text[last : edit.start])
        out.append(edit.text)
        last = edit.end
    out.append(text[last:])
    return "".join(out)


def select_fixes(findings: Iterable[Finding]) -> list[Finding]:
    """The findings whose fixes can all be applied together (first come, first kept)."""
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for finding in findings:
        if finding.fix is None:
            continue
        spans = [(e.start, e.end) for e in finding.fix.edits]
        if any((s < te and ts < e) or s == ts for s, e in spans for ts, te in taken):
            continue
        chosen.append(finding)
        taken.extend(spans)
    return chosen


def apply_fixes(path: Path, original: str, findings: list[Finding]) -> list[Finding]:
    """Write ``original`` with the fixes of ``findings`` to ``path``; the findings fixed."""
    chosen = select_fixes(findings)
    if not chosen:
        return []
    new = apply_edits(original, (e for f in chosen for e in f.fix.edits))  # type: ignore[union-attr]
    if new == original:
        return []
    write_atomically(path, new)
    return chosen


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` (see ``botkit.output.atomic_file``); FixError if it cannot."""
    try:
        path.stat()
    except OSError as exc:
        raise FixError(f"cannot fix {path}: {exc.strerror or exc}") from None
    try:
        with atomic_file(path) as stream:
            stream.write(text)
    except OSError as exc:
        raise FixError(
            f"cannot write fixes to {path} (left unchanged): {exc.strerror or exc}"
        ) from None
